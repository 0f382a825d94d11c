using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Features.WordImport;

public sealed record ImportedImage(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A Word document as Markdown. <see cref="Title"/> is the text of the first paragraph styled "Title"; it is not
/// repeated in <see cref="Markdown"/>, because the portal shows the title in its own field. Images are in document
/// order and the Markdown refers to them as <c>attachment:FileName</c>. <see cref="Core"/> is what the document
/// says about the posting's core, in its own words.
/// </summary>
public sealed record DocxImport(string Markdown, IReadOnlyList<ImportedImage> Images, string? Title, DocumentCore Core)
{
    /// <summary>The text of the document's first heading, which stays in <see cref="Markdown"/>; null when it has none.</summary>
    public string? FirstHeading { get; init; }

    /// <summary>What the document held and what became of it.</summary>
    public DocxReport Report { get; init; } = new();
}

/// <summary>
/// What an imported document becomes, which sets the limits its title and text must keep and the words that say so.
/// A posting shows the document's pictures in its text (they become its attachments); a contribution to the catalogue
/// does not, because its pictures are added on their own page with a caption, credit and description.
/// </summary>
public enum DocxTarget
{
    Posting,
    Contribution,
}

/// <summary>The file cannot be imported; the message can be shown as it is.</summary>
public sealed class DocxImportException : Exception
{
    public DocxImportException()
        : base(DocxImporter.Unreadable)
    {
    }

    public DocxImportException(string message)
        : base(message)
    {
    }

    public DocxImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Turns a Word document that a State sent into Markdown, so that the portal can publish it word for word.
/// Rendered (Markdig, pipe tables, HTML disabled) the Markdown shows exactly the characters of the document's text.
/// Only what Markdown cannot hold is dropped (whitespace at the ends of a line, Word's numbering formats, emphasis
/// that CommonMark would misread) and what Word does not show in the body (hidden and deleted text, field codes,
/// comments, page headers and footers); <see cref="DocxImport.Report"/> says what was imported and what was left
/// out. See docs/decisions/004-word-import.md.
/// </summary>
public static class DocxImporter
{
    internal const string Unreadable =
        "This file could not be read as a Word document (.docx). Save it from Word as a .docx and try again.";

    internal const string MissingPart =
        "This Word document is damaged: it refers to a picture or another part that is not in the file. "
        + "Open it in Word, save it as a new .docx and import that file.";

    internal const string LinkedPicture =
        "This Word document shows a picture that is only linked to a file outside the document, so the portal cannot import it. "
        + "In Word, choose File › Info › Edit Links to Files, tick “Save picture in document” for each link, save the document and import it again.";

    private const string MacroEnabled =
        "This Word document contains macros (.docm), which the portal does not accept. "
        + "Save it from Word as a Word Document (.docx) and try again.";

    private const string NoBody =
        "This Word document has no text the portal can read. Open it in Word, save it as a .docx and try again.";

    /// <summary>Reads <paramref name="docx"/> (opened read-only; the stream is not closed).</summary>
    /// <param name="docx">The Word document.</param>
    /// <param name="target">What it becomes: the limits of that form apply, and only a posting keeps pictures in its text.</param>
    /// <exception cref="DocxImportException">
    /// The file is not a readable Word document, or its text is longer than the target holds; the message says what to do.
    /// </exception>
    public static DocxImport Import(Stream docx, DocxTarget target = DocxTarget.Posting)
    {
        ArgumentNullException.ThrowIfNull(docx);
        try
        {
            using var seekable = docx.CanSeek ? null : new MemoryStream();
            if (seekable is not null)
            {
                docx.CopyTo(seekable);
            }

            using var document = Package(() => WordprocessingDocument.Open(seekable ?? docx, isEditable: false));
            // Every part's relationships, loaded now (see Package).
            Package(() => document.GetAllParts().Count());
            if (document.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate
                || document.MainDocumentPart?.VbaProjectPart is not null)
            {
                throw new DocxImportException(MacroEnabled);
            }

            var main = document.MainDocumentPart ?? throw new DocxImportException(Unreadable);
            var body = main.Document?.Body ?? throw new DocxImportException(NoBody);

            var report = new DocxReport
            {
                Target = target,
                Comments = main.WordprocessingCommentsPart?.Comments?.Elements<DocumentFormat.OpenXml.Wordprocessing.Comment>().Count() ?? 0,
                PageHeader = main.HeaderParts.Any(header => HasText(header.Header)),
                PageFooter = main.FooterParts.Any(footer => HasText(footer.Footer)),
            };
            return WithinLimits(new DocxConverter(main, MaxBody(target), report, picturesInText: target == DocxTarget.Posting).Convert(body), target);
        }
        // Reading a part's XML or bytes: FormatException covers FileFormatException and attribute values the SDK
        // cannot parse, InvalidDataException a broken ZIP entry or a part whose root is not what its type says;
        // deep nesting is damage too.
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FormatException or XmlException
            or InsufficientExecutionStackException)
        {
            throw new DocxImportException(Unreadable, e);
        }
    }

    /// <summary>Whether a page header or footer shows anything: text (a page number too) or a picture.</summary>
    private static bool HasText(OpenXmlElement? part) =>
        part is not null && part.Descendants().Any(e => e is DocumentFormat.OpenXml.Wordprocessing.Text { Text: var text } && !string.IsNullOrWhiteSpace(text)
            || e is DocumentFormat.OpenXml.Wordprocessing.Drawing or DocumentFormat.OpenXml.Wordprocessing.Picture);

    /// <summary>
    /// A call that makes the SDK read the package's structure. Open XML SDK 3 reads a part's relationships when one
    /// of its parts is first asked for; System.IO.Packaging then throws InvalidOperationException for a
    /// relationship to a part that is not in the package, and ArgumentException for a malformed relationship.
    /// Import loads them all at once, through here, so that nothing else can meet these and they mean damage only.
    /// </summary>
    private static T Package<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException e)
        {
            throw new DocxImportException(MissingPart, e);
        }
        catch (ArgumentException e)
        {
            throw new DocxImportException(Unreadable, e);
        }
    }

    private static int MaxBody(DocxTarget target) => target == DocxTarget.Posting ? PostingLimits.Body : ContributionLimits.Body;

    private static int MaxTitle(DocxTarget target) => target == DocxTarget.Posting ? PostingLimits.Title : ContributionLimits.Title;

    /// <summary>The limits of the target's form apply to imported text too.</summary>
    private static DocxImport WithinLimits(DocxConversion conversion, DocxTarget target)
    {
        if (conversion.Import is not { } import)
        {
            throw new DocxImportException(TextTooLong(target, conversion.Length, conversion.Length - MaxBody(target)));
        }

        if (import.Title?.Length > MaxTitle(target))
        {
            throw new DocxImportException(TitleTooLong(target, import.Title.Length, import.Title.Length - MaxTitle(target)));
        }

        return import;
    }

    private static string TextTooLong(DocxTarget target, long length, long over) => (target, over) switch
    {
        (DocxTarget.Posting, 1) => string.Create(CultureInfo.InvariantCulture,
            $"The document’s text is {length:N0} characters long; a posting holds at most {PostingLimits.Body:N0}. Shorten it by one character, or split it into several postings."),
        (DocxTarget.Posting, _) => string.Create(CultureInfo.InvariantCulture,
            $"The document’s text is {length:N0} characters long; a posting holds at most {PostingLimits.Body:N0}. Shorten it by {over:N0} characters, or split it into several postings."),
        (_, 1) => string.Create(CultureInfo.InvariantCulture,
            $"The document’s text is {length:N0} characters long; a contribution holds at most {ContributionLimits.Body:N0}. Shorten it by one character and import it again."),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"The document’s text is {length:N0} characters long; a contribution holds at most {ContributionLimits.Body:N0}. Shorten it by {over:N0} characters and import it again."),
    };

    private static string TitleTooLong(DocxTarget target, int length, int over) => (target, over) switch
    {
        (DocxTarget.Posting, 1) => string.Create(CultureInfo.InvariantCulture,
            $"The document’s title (its first paragraph in the style “Title”) is {length:N0} characters long; a posting’s title holds at most {PostingLimits.Title:N0}. Shorten it by one character and import the document again."),
        (DocxTarget.Posting, _) => string.Create(CultureInfo.InvariantCulture,
            $"The document’s title (its first paragraph in the style “Title”) is {length:N0} characters long; a posting’s title holds at most {PostingLimits.Title:N0}. Shorten it by {over:N0} characters and import the document again."),
        (_, 1) => string.Create(CultureInfo.InvariantCulture,
            $"The document’s title (its first paragraph in the style “Title”) is {length:N0} characters long; a contribution’s title holds at most {ContributionLimits.Title:N0}. Shorten it by one character and import the document again."),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"The document’s title (its first paragraph in the style “Title”) is {length:N0} characters long; a contribution’s title holds at most {ContributionLimits.Title:N0}. Shorten it by {over:N0} characters and import the document again."),
    };
}
