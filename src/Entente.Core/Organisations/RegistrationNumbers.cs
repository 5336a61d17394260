namespace Entente.Core.Organisations;

/// <summary>
/// Validates the company identifiers each party's registry issues, so that a mistyped number is caught at
/// registration and two registrations of the same company collide on the same normalised value.
/// </summary>
public static class RegistrationNumbers
{
    // Companies House prefixes: England and Wales has none (eight digits); the rest are two letters and six digits.
    private static readonly HashSet<string> CompaniesHousePrefixes = new(StringComparer.Ordinal)
    {
        "SC", "NI", "OC", "SO", "NC", "R0", "LP", "SL", "NL", "FC", "SF", "NF", "GS", "SA", "NA", "GE", "SE", "NO", "IP", "SP", "RC", "SR", "NR", "CE", "CS", "ES", "RS", "IC", "SI", "NP", "NV", "AC", "ZC", "SZ", "NZ", "OE",
    };

    /// <summary>Upper-cases and removes spaces, so "sc 123456" and "SC123456" are the same number.</summary>
    public static string Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        Span<char> buffer = value.Length <= 64 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>A Companies House number: eight digits, or a two-letter prefix and six digits.</summary>
    public static bool IsCompaniesHouseNumber(string normalised)
    {
        if (normalised.Length != 8)
        {
            return false;
        }

        if (AllDigits(normalised))
        {
            return true;
        }

        return CompaniesHousePrefixes.Contains(normalised[..2]) && AllDigits(normalised.AsSpan(2));
    }

    /// <summary>
    /// The OGRN (основной государственный регистрационный номер) of a legal entity: 13 digits, the last being
    /// (the first 12 as a number mod 11) mod 10. The 15-digit OGRNIP of a sole trader uses mod 13.
    /// </summary>
    public static bool IsOgrn(string normalised)
    {
        if (normalised.Length == 13 && AllDigits(normalised))
        {
            var body = long.Parse(normalised.AsSpan(0, 12), System.Globalization.CultureInfo.InvariantCulture);
            return body % 11 % 10 == normalised[12] - '0';
        }

        return false;
    }

    /// <summary>The INN (taxpayer number) of a legal entity: 10 digits, the last a weighted check digit.</summary>
    public static bool IsInn(string normalised)
    {
        ReadOnlySpan<int> weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        if (normalised.Length != 10 || !AllDigits(normalised))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (normalised[i] - '0') * weights[i];
        }

        return sum % 11 % 10 == normalised[9] - '0';
    }

    private static bool AllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return value.Length > 0;
    }
}
