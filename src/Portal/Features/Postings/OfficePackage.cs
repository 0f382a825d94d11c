using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Portal.Features.Postings;

internal enum OfficeProblem { None, Damaged, NotOffice, OpenDocument, OtherOffice, Macros, TooManyParts, TooLarge }

/// <summary>
/// Checks a ZIP that claims to be a .docx, .xlsx or .pptx. Every entry is decompressed and counted
/// before anything else trusts the package, because declared sizes can lie.
/// </summary>
internal static class OfficePackage
{
    private const string TypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const int MaxContentTypesBytes = 4 * 1024 * 1024;

    private static readonly Dictionary<string, AttachmentType> MainParts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"] = AttachmentType.Docx,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"] = AttachmentType.Xlsx,
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"] = AttachmentType.Pptx,
    };

    private static readonly HashSet<string> MacroParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
        "application/vnd.ms-office.vbaProject",
    };

    public static (AttachmentType? Type, OfficeProblem Problem) Check(byte[] content)
    {
        try
        {
            var (contentTypes, problem) = Unpack(content);
            if (problem != OfficeProblem.None) return (null, problem);
            if (contentTypes is null) return (null, OfficeProblem.NotOffice);

            var (type, typesProblem) = MainType(contentTypes);
            if (type is not { } found) return (null, typesProblem);
            return Opens(content, found) ? (found, OfficeProblem.None) : (null, OfficeProblem.Damaged);
        }
        // FileFormatException (System.IO.Packaging, under the SDK) is a FormatException.
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException
                                      or XmlException or FormatException or InvalidOperationException or OpenXmlPackageException)
        {
            return (null, OfficeProblem.Damaged);
        }
    }

    /// <summary>Reads every entry to its end; returns the bytes of [Content_Types].xml if there is one.</summary>
    private static (byte[]? ContentTypes, OfficeProblem Problem) Unpack(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > AttachmentInspector.MaxPackageEntries) return (null, OfficeProblem.TooManyParts);

        byte[]? contentTypes = null;
        var openDocument = false;
        var macros = false;
        long total = 0;
        var buffer = new byte[81920];
        // Two entries with one name would let this check read one and the SDK another.
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (!IsSafeName(name) || !names.Add(name)) return (null, OfficeProblem.Damaged);
            macros |= name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase);

            var isContentTypes = string.Equals(name, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
            var isMimetype = name == "mimetype";
            using var kept = isContentTypes || isMimetype ? new MemoryStream() : null;
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                total += read;
                if (total > AttachmentInspector.MaxDecompressedBytes) return (null, OfficeProblem.TooLarge);
                if (kept is not null)
                {
                    if (kept.Length + read > MaxContentTypesBytes) return (null, OfficeProblem.Damaged);
                    kept.Write(buffer, 0, read);
                }
            }

            if (isContentTypes) contentTypes = kept!.ToArray();
            if (isMimetype) openDocument = kept!.ToArray().AsSpan().StartsWith("application/vnd.oasis.opendocument"u8);
        }

        if (macros) return (null, OfficeProblem.Macros);
        if (contentTypes is null && openDocument) return (null, OfficeProblem.OpenDocument);
        return (contentTypes, OfficeProblem.None);
    }

    private static bool IsSafeName(string name) =>
        name.Length > 0
        && name[0] is not ('/' or '\\')
        && !(name.Length > 1 && name[1] == ':')
        && !name.Split('/', '\\').Contains("..");

    private static (AttachmentType? Type, OfficeProblem Problem) MainType(byte[] contentTypes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxContentTypesBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        using var reader = XmlReader.Create(new MemoryStream(contentTypes, writable: false), settings);
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Types" || reader.NamespaceURI != TypesNamespace)
        {
            return (null, OfficeProblem.Damaged);
        }

        var found = new HashSet<AttachmentType>();
        var macros = false;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != TypesNamespace) continue;
            var contentType = reader.GetAttribute("ContentType");
            if (contentType is null) continue;
            macros |= MacroParts.Contains(contentType.Trim());
            // Office names the main part in an Override; System.IO.Packaging (and so the OpenXml SDK)
            // writes it as the Default for ".xml". The SDK's Open below checks the part is really there.
            if (MainParts.TryGetValue(contentType.Trim(), out var type)) found.Add(type);
        }

        if (macros) return (null, OfficeProblem.Macros);
        return found.Count switch
        {
            1 => (found.Single(), OfficeProblem.None),
            0 => (null, OfficeProblem.OtherOffice),
            _ => (null, OfficeProblem.Damaged),
        };
    }

    // Only called once the whole package is known to decompress within the limit.
    private static bool Opens(byte[] content, AttachmentType type)
    {
        using var stream = new MemoryStream(content, writable: false);
        switch (type)
        {
            case AttachmentType.Docx:
                using (var word = WordprocessingDocument.Open(stream, false)) return word.MainDocumentPart is not null;
            case AttachmentType.Xlsx:
                using (var excel = SpreadsheetDocument.Open(stream, false)) return excel.WorkbookPart is not null;
            case AttachmentType.Pptx:
                using (var powerPoint = PresentationDocument.Open(stream, false)) return powerPoint.PresentationPart is not null;
            default:
                return false;
        }
    }
}
