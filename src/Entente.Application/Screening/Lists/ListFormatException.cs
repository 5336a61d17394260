namespace Entente.Application.Screening.Lists;

/// <summary>A list file that cannot be read as its format says; names the line so the operator can fix it.</summary>
public sealed class ListFormatException : Exception
{
    public ListFormatException()
    {
    }

    public ListFormatException(string message)
        : base(message)
    {
    }

    public ListFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ListFormatException(string file, int line, string problem, Exception? inner = null)
        : base($"{file}, line {line}: {problem}", inner)
    {
        File = file;
        Line = line;
    }

    /// <summary>The file (or part of a set) at fault.</summary>
    public string? File { get; }

    /// <summary>The 1-based line at which the problem was found.</summary>
    public int Line { get; }
}
