namespace Entente.Application.Common;

/// <summary>
/// An expected failure of a use case, returned as a value. Exceptions are reserved for bugs; hosts map each kind to
/// one answer (RFC 9457 problem details on the API, a message on the page, an exit code on the command line).
/// </summary>
public abstract record Error(string Code, string Detail)
{
    public sealed record NotFound(string Code, string Detail) : Error(Code, Detail);

    /// <summary>Invalid input; <paramref name="Fields"/> names each field with its messages.</summary>
    public sealed record Validation(string Code, string Detail, IReadOnlyDictionary<string, string[]> Fields) : Error(Code, Detail);

    public sealed record Conflict(string Code, string Detail) : Error(Code, Detail);

    public sealed record Forbidden(string Code, string Detail) : Error(Code, Detail);

    public static Validation Invalid(string field, string message) =>
        new("validation", "One or more fields are invalid.", new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}

/// <summary>Either a value or an <see cref="Error"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);

    public TOut Match<TOut>(Func<T, TOut> success, Func<Error, TOut> failure) => Error is null ? success(Value!) : failure(Error);
}

/// <summary>Collects field errors during validation, so every wrong field is reported at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public bool Any => _fields.Count > 0;

    public void Add(string field, string message)
    {
        if (!_fields.TryGetValue(field, out var list))
        {
            _fields[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Requires a non-blank value of at most <paramref name="maxLength"/> characters.</summary>
    public string Required(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            Add(field, "is required.");
        }
        else if (trimmed.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        return trimmed;
    }

    /// <summary>A required e-mail address of at most <paramref name="maxLength"/> characters.</summary>
    public string Email(string field, string? value, int maxLength)
    {
        var trimmed = Required(field, value, maxLength);
        if (trimmed.Length > 0 && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(trimmed))
        {
            Add(field, "is not an e-mail address.");
        }

        return trimmed;
    }

    /// <summary>An optional value of at most <paramref name="maxLength"/> characters; null when blank.</summary>
    public string? Optional(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        return trimmed;
    }

    public Error.Validation ToError() =>
        new("validation", "One or more fields are invalid.", _fields.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
}
