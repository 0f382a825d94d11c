using System.Security.Cryptography;
using System.Text;

namespace Portal.Features.EntryCodes;

/// <summary>
/// Entry codes: 16 symbols of Crockford's base32 (no I, L, O or U), so 80 bits from a CSPRNG, shown in four
/// groups of four. Reading them aloud is unambiguous; typing O for 0 or I/L for 1 is forgiven.
/// </summary>
public static class EntryCodeFormat
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 16;
    private const int Iterations = 100_000;

    public static string Generate()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Group(new string(chars));
    }

    public static string Group(string code) =>
        string.Join('-', Enumerable.Range(0, code.Length / 4).Select(i => code.Substring(i * 4, 4)));

    /// <summary>Upper-cases, drops spaces and dashes, maps look-alikes. Returns null when it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return null;
        }

        var sb = new StringBuilder(Length);
        foreach (var raw in input)
        {
            var c = char.ToUpperInvariant(raw);
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            c = c switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => c,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            sb.Append(c);
        }

        return sb.Length == Length ? sb.ToString() : null;
    }

    public static string Hash(string normalized)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(normalized, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string normalized, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" ||
            !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(normalized, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
