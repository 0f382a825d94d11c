using System.Buffers;
using System.Globalization;
using System.Text;

namespace Portal.Features.Files;

public static partial class AttachmentInspector
{
    private const int MaxStemCodePoints = 100;

    // A name ending in one of these gets the detected extension instead: "photo.pdf" holding a PNG
    // becomes "photo.png". Any other extension stays visible in the name: "invoice.exe.png".
    private static readonly HashSet<string> ReplacedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".docx", ".xlsx", ".pptx", ".png", ".jpg", ".jpeg",
        ".doc", ".xls", ".ppt", ".docm", ".xlsm", ".pptm", ".jpe", ".jfif",
    };

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    // Windows opens a device instead of a file for these, with or without an extension.
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>
    /// A name that is safe to store, show and offer for download: the last path segment only, without
    /// control, formatting (bidi overrides, zero-width) or reserved characters, with the detected type's extension.
    /// </summary>
    public static string SafeFileName(string? name, AttachmentType type)
    {
        var (stem, extension) = Split(Clean(name));
        if (extension is not null && !ReplacedExtensions.Contains(extension))
        {
            stem += extension;
        }

        stem = Cap(stem);
        stem = stem.Length == 0 ? "attachment" : AvoidReservedName(stem);
        var keepJpeg = type == AttachmentType.Jpeg && string.Equals(extension, ".jpeg", StringComparison.OrdinalIgnoreCase);
        return stem + (keepJpeg ? ".jpeg" : ExtensionOf(type));
    }

    /// <summary>The name as the user gave it, cleaned the same way, for messages about a refused file.</summary>
    internal static string DisplayName(string? name)
    {
        var (stem, extension) = Split(Clean(name));
        stem = Cap(stem);
        return stem.Length == 0 ? "attachment" : stem + extension;
    }

    private static string ExtensionOf(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => ".pdf",
        AttachmentType.Docx => ".docx",
        AttachmentType.Xlsx => ".xlsx",
        AttachmentType.Pptx => ".pptx",
        AttachmentType.Png => ".png",
        AttachmentType.Jpeg => ".jpg",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var last = name[(name.AsSpan().LastIndexOfAny('/', '\\') + 1)..];
        var text = new StringBuilder(last.Length);
        for (var i = 0; i < last.Length; i++)
        {
            var c = last[i];
            if (char.IsSurrogatePair(last, i))
            {
                // Astral characters can be formatting too (the U+E00xx tags).
                if (CharUnicodeInfo.GetUnicodeCategory(last, i) != UnicodeCategory.Format) text.Append(c).Append(last[i + 1]);
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                // Tabs and line breaks included: a run of any whitespace becomes one space.
                if (text.Length > 0 && text[^1] != ' ') text.Append(' ');
            }
            else if (char.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate)
                     && "<>:\"|?*%".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                text.Append(c);
            }
        }

        return text.ToString().Normalize(NormalizationForm.FormC).Trim(' ', '.');
    }

    private static (string Stem, string? Extension) Split(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 ? name[dot..] : "";
        if (extension.Length is < 2 or > 11 || extension.AsSpan(1).ContainsAnyExcept(AsciiLettersAndDigits))
        {
            return (name, null);
        }

        return (name[..dot].TrimEnd(' ', '.'), extension);
    }

    // At most 100 code points, cut only between text elements: no half surrogate pair, no accent
    // without its letter, and no way around the limit with one endless combining sequence.
    private static string Cap(string stem)
    {
        var end = 0;
        var codePoints = 0;
        while (end < stem.Length)
        {
            var length = StringInfo.GetNextTextElementLength(stem.AsSpan(end));
            var count = 0;
            foreach (var _ in stem.AsSpan(end, length).EnumerateRunes()) count++;
            if (codePoints + count > MaxStemCodePoints) break;
            codePoints += count;
            end += length;
        }

        return stem[..end].TrimEnd(' ', '.');
    }

    private static string AvoidReservedName(string stem)
    {
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        var device = (dot < 0 ? stem : stem[..dot]).TrimEnd(' ');
        return ReservedNames.Contains(device) ? device + "_" + stem[device.Length..] : stem;
    }
}
