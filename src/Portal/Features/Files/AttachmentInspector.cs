using System.Text;
using Portal.Features.WordImport;

namespace Portal.Features.Files;

public enum AttachmentType { Pdf, Docx, Xlsx, Pptx, Png, Jpeg }

// FileName is the safe name (AttachmentInspector.SafeFileName), with the extension of the detected type.
public sealed record InspectedFile(AttachmentType Type, string ContentType, string FileName);

public sealed record Inspection(InspectedFile? File, string? Error)
{
    public bool IsAccepted => File is not null;

    /// <summary>
    /// Refused for the kind of file it is (a ZIP, a program, a GIF, plain text, an OpenDocument file), not for damage or
    /// something the sender can change in Office: a page that takes only one type says what to send instead.
    /// </summary>
    public bool IsOtherType { get; init; }
}

/// <summary>
/// Decides what an uploaded file is from its bytes, never from its name, and refuses everything
/// but PDF, Word, Excel, PowerPoint, PNG and JPEG with a message a diplomat can act on.
/// The caller checks the size limit before calling.
/// </summary>
public static partial class AttachmentInspector
{
    /// <summary>The whole package, counted while really decompressing.</summary>
    public const long MaxDecompressedBytes = 64L * 1024 * 1024;

    public const int MaxPackageEntries = 5000;

    private const string Accepted = "Attach PDF, Word, Excel, PowerPoint, PNG or JPEG files.";

    public static Inspection Inspect(string? fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var shown = DisplayName(fileName);
        if (content.Length == 0)
        {
            return Refuse($"“{shown}” is empty. Check that it is the right file and attach it again.");
        }

        var data = content.AsSpan();
        // Readers tolerate junk before "%PDF-"; the portal does not, so that a web page or a
        // program with a PDF tucked inside is not taken for a PDF.
        if (data.StartsWith("%PDF-"u8))
        {
            return Checked(AttachmentType.Pdf, Tail(data, 1024).IndexOf("%%EOF"u8) >= 0);
        }

        if (data.StartsWith(PngSignature))
        {
            // The first chunk must be a 13-byte IHDR.
            return Checked(AttachmentType.Png, data.Length > 16 && data[8..16].SequenceEqual("\0\0\0\rIHDR"u8));
        }

        if (data.StartsWith(JpegStart))
        {
            // Cameras and editors sometimes pad after the end marker.
            return Checked(AttachmentType.Jpeg, Tail(data, 64).IndexOf(JpegEnd) >= 0);
        }

        if (data.StartsWith("PK\x03\x04"u8))
        {
            var (type, problem) = OfficePackage.Check(content);
            return type is { } office ? Checked(office, true) : problem switch
            {
                OfficeProblem.NotOffice => OtherType(NotAccepted(shown, "it is a ZIP archive, not an Office document")),
                OfficeProblem.OpenDocument => OtherType($"“{shown}” is an OpenDocument file (.odt, .ods or .odp). Save it as .docx, .xlsx or .pptx and attach the new file."),
                OfficeProblem.OtherOffice => OtherType(NotAccepted(shown, "it is an Office template, slide show or other package, not a Word, Excel or PowerPoint document")),
                OfficeProblem.Macros => Refuse($"“{shown}” contains macros, which the portal does not accept. Save it as a .docx, .xlsx or .pptx file without macros and attach that."),
                OfficeProblem.TooManyParts => Refuse($"“{shown}” has more than {MaxPackageEntries} parts, far more than a real Office document. Open it in Office, save it again and attach the new file."),
                OfficeProblem.MissingPart => Refuse($"“{shown}” is damaged: it refers to a picture or another part that is not in the file. Open it in Office, save it as a new file and attach that."),
                OfficeProblem.TooLarge => Refuse($"“{shown}” expands to more than {MaxDecompressedBytes / (1024 * 1024)} MB when opened; it may be a compression bomb. If it is a genuine document, make it smaller (compress its pictures or split it) and attach it again."),
                _ => Refuse($"“{shown}” is damaged or not a real Office document. Open it in Office, save it again and attach the new file."),
            };
        }

        return RefusedKind(data) switch
        {
            null => OtherType($"“{shown}” is not a file type the portal accepts. {Accepted}"),
            Refused.LegacyOffice => Refuse($"“{shown}” is in an older Office format (.doc, .xls or .ppt). Open it in Office, save it as .docx, .xlsx or .pptx and attach the new file."),
            Refused.Encrypted => Refuse($"“{shown}” is protected with a password, so the portal cannot check it. Remove the password in Office, save it and attach it again."),
            var kind => OtherType(NotAccepted(shown, Looks(kind.Value))),
        };

        Inspection Checked(AttachmentType type, bool intact) => intact
            ? new(new InspectedFile(type, ContentTypeOf(type), SafeFileName(fileName, type)), null)
            : Refuse($"“{shown}” looks like a {Describe(type)} but is damaged or incomplete. Save or export it again and attach the new file.");
    }

    public static string ContentTypeOf(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => "application/pdf",
        AttachmentType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AttachmentType.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        AttachmentType.Png => "image/png",
        AttachmentType.Jpeg => "image/jpeg",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Describe(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => "PDF",
        AttachmentType.Docx => "Word document",
        AttachmentType.Xlsx => "Excel workbook",
        AttachmentType.Pptx => "PowerPoint presentation",
        AttachmentType.Png => "PNG image",
        AttachmentType.Jpeg => "JPEG image",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> JpegEnd => [0xFF, 0xD9];
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static Inspection Refuse(string error) => new(null, error);

    private static Inspection OtherType(string error) => new(null, error) { IsOtherType = true };

    private static string NotAccepted(string shown, string looks) =>
        $"“{shown}” is not a file type the portal accepts ({looks}). {Accepted}";

    private static ReadOnlySpan<byte> Tail(ReadOnlySpan<byte> data, int length) =>
        data[Math.Max(0, data.Length - length)..];

    private enum Refused { LegacyOffice, Encrypted, Executable, Elf, Gif, Tiff, Webp, Heic, Svg, WebPage, Markup }

    // Only to word the refusal well: everything not accepted above is refused whatever this says.
    private static Refused? RefusedKind(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(CompoundFileSignature))
        {
            // Password-protected .docx/.xlsx/.pptx are stored as an "EncryptedPackage" stream in this container.
            return data.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0 ? Refused.Encrypted : Refused.LegacyOffice;
        }

        if (data.StartsWith("MZ"u8)) return Refused.Executable;
        if (data.StartsWith("\u007FELF"u8)) return Refused.Elf;
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)) return Refused.Gif;
        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8)) return Refused.Tiff;
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return Refused.Webp;
        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8) && IsHeifBrand(data[8..12])) return Refused.Heic;
        return MarkupKind(data);
    }

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8);

    private static Refused? MarkupKind(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 1024)];
        var text = head switch
        {
            [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(head[2..]),
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(head[2..]),
            _ => Encoding.UTF8.GetString(head).TrimStart('\uFEFF'),
        };
        if (text.Contains("<svg", StringComparison.OrdinalIgnoreCase)) return Refused.Svg;
        if (text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<script", StringComparison.OrdinalIgnoreCase)) return Refused.WebPage;
        return text.TrimStart().StartsWith('<') ? Refused.Markup : null;
    }

    private static string Looks(Refused kind) => kind switch
    {
        Refused.Executable => "it is a Windows program",
        Refused.Elf => "it is a Linux program",
        Refused.Gif => "it is a GIF image; save it as PNG",
        Refused.Tiff => "it is a TIFF image; save it as PNG or JPEG",
        Refused.Webp => "it is a WebP image; save it as PNG or JPEG",
        Refused.Heic => "it is a HEIC photo; save it as JPEG",
        Refused.Svg => "it looks like an SVG drawing; save it as PNG",
        Refused.WebPage => "it looks like a web page",
        _ => "it looks like an XML or web page file",
    };
}
