using System.Text;

namespace Entente.Application.Screening.Lists;

/// <summary>Reads RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes), tracking line numbers.</summary>
public sealed class CsvRecordReader(TextReader reader, string file)
{
    private int _line = 1;

    /// <summary>The line on which the last record returned started.</summary>
    public int RecordLine { get; private set; }

    /// <summary>The next record, or null at the end. Blank lines are skipped.</summary>
    public List<string>? Read()
    {
        while (true)
        {
            var next = reader.Peek();
            if (next < 0)
            {
                return null;
            }

            if (next is '\r' or '\n')
            {
                ReadLineBreak();
                continue;
            }

            // OFAC files end with a DOS end-of-file mark.
            if (next == 0x1A)
            {
                reader.Read();
                continue;
            }

            break;
        }

        RecordLine = _line;
        var fields = new List<string>(12);
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            var c = reader.Read();
            if (quoted)
            {
                if (c < 0)
                {
                    throw new ListFormatException(file, RecordLine, "a quoted field is not closed");
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    field.Append((char)c);
                }

                continue;
            }

            if (c < 0 || c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (c >= 0)
                {
                    _line++;
                }

                fields.Add(Finish(field, wasQuoted));
                return fields;
            }

            if (c == ',')
            {
                fields.Add(Finish(field, wasQuoted));
                field.Clear();
                wasQuoted = false;
                continue;
            }

            if (c == '"')
            {
                if (field.ToString().Trim().Length != 0 || wasQuoted)
                {
                    throw new ListFormatException(file, _line, "a quote appears inside an unquoted field");
                }

                field.Clear();
                quoted = true;
                wasQuoted = true;
                continue;
            }

            if (wasQuoted)
            {
                if (!char.IsWhiteSpace((char)c))
                {
                    throw new ListFormatException(file, _line, "text follows a closing quote");
                }

                continue;
            }

            field.Append((char)c);
        }
    }

    private static string Finish(StringBuilder field, bool wasQuoted) => wasQuoted ? field.ToString() : field.ToString().Trim();

    private void ReadLineBreak()
    {
        var c = reader.Read();
        if (c == '\r' && reader.Peek() == '\n')
        {
            reader.Read();
        }

        _line++;
    }
}
