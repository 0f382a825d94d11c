using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Portal.Features.Files;

namespace Portal.Features.WordImport;

internal enum OfficeProblem { None, Damaged, MissingPart, NotOffice, OpenDocument, OtherOffice, Macros, TooManyParts, TooLarge }

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
            var opened = Opens(content, found);
            return (opened == OfficeProblem.None ? found : null, opened);
        }
        // What ZipArchive and XmlReader throw on a damaged ZIP or [Content_Types].xml.
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or XmlException)
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
        // Relationships but no content types: an Office package that lost a part, not just any ZIP.
        if (contentTypes is null && names.Contains("_rels/.rels")) return (null, OfficeProblem.Damaged);
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
            // writes it as the Default for ".xml". Opens below checks it is the part the package opens with.
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

    /// <summary>
    /// Opens the package with the SDK and loads every part's relationships, which SDK 3 otherwise loads only when a
    /// part is first asked for (so that a package can open and still fail later, when a part is read). Only called
    /// once the whole package is known to decompress within the limit.
    /// </summary>
    private static OfficeProblem Opens(byte[] content, AttachmentType type)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using OpenXmlPackage package = type switch
            {
                AttachmentType.Docx => (OpenXmlPackage)WordprocessingDocument.Open(stream, false),
                AttachmentType.Xlsx => SpreadsheetDocument.Open(stream, false),
                _ => PresentationDocument.Open(stream, false),
            };
            _ = package.GetAllParts().Count();
            // [Content_Types].xml may name a main part that is not the one the package's relationship points to.
            OpenXmlPart? main = package switch
            {
                WordprocessingDocument word => word.MainDocumentPart,
                SpreadsheetDocument excel => excel.WorkbookPart,
                PresentationDocument powerPoint => powerPoint.PresentationPart,
                _ => null,
            };
            return main is not null && MainParts.TryGetValue(main.ContentType, out var mainType) && mainType == type
                ? OfficeProblem.None
                : OfficeProblem.Damaged;
        }
        // System.IO.Packaging, under the SDK: a relationship to a part the package does not hold.
        catch (InvalidOperationException)
        {
            return OfficeProblem.MissingPart;
        }
        // A malformed relationship (ArgumentException), content type or part name (FileFormatException is a
        // FormatException), a package the SDK refuses, broken XML in a relationships part, a broken ZIP entry.
        catch (Exception e) when (e is ArgumentException or FormatException or OpenXmlPackageException or XmlException
                                      or InvalidDataException or IOException or NotSupportedException)
        {
            return OfficeProblem.Damaged;
        }
    }
}
