using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using M = DocumentFormat.OpenXml.Math;
using V = DocumentFormat.OpenXml.Vml;

namespace Portal.Features.WordImport;

/// <summary>A footnote or endnote the text refers to, and the part its links and pictures belong to.</summary>
internal sealed record DocxNote(OpenXmlPart Part, OpenXmlElement Element, bool Endnote);

/// <summary>
/// Reads a paragraph's text as Word shows it: the result of fields, not their code; insertions, not deletions;
/// no hidden text. Wrappers that may hold text (content controls, custom XML, smart tags, bidi) are descended into.
/// Collects the pictures it meets, each image part once, in document order, numbers the footnotes and endnotes it
/// meets references to, and counts in <see cref="Report"/> what it reads and what it leaves out.
/// </summary>
internal sealed class DocxParagraphReader(MainDocumentPart main, DocxStyles styles, DocxReport report, bool picturesInText = true)
{
    private const string ChartData = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string DiagramData = "http://schemas.openxmlformats.org/drawingml/2006/diagram";

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = "png",
        ["image/jpeg"] = "jpg",
        ["image/jpg"] = "jpg",
        ["image/pjpeg"] = "jpg",
        ["image/gif"] = "gif",
        ["image/bmp"] = "bmp",
        ["image/tiff"] = "tif",
        ["image/webp"] = "webp",
        ["image/svg+xml"] = "svg",
        ["image/x-emf"] = "emf",
        ["image/emf"] = "emf",
        ["image/x-wmf"] = "wmf",
        ["image/wmf"] = "wmf",
    };

    private readonly List<ImportedImage> images = [];
    private readonly Dictionary<Uri, string> imageNames = [];

    // Complex fields open in the current paragraph: false while in the field code, true once in the result.
    private readonly List<bool> fields = [];
    private int fieldsInCode;
    // The notes referred to, in order of first reference (a note's Markdown number is its index + 1), and the
    // footnotes and endnotes parts' notes by id, read once.
    private readonly List<DocxNote> notes = [];
    private readonly Dictionary<OpenXmlElement, int> noteNumbers = [];
    private Dictionary<long, OpenXmlElement>? footnotes;
    private Dictionary<long, OpenXmlElement>? endnotes;
    private readonly Dictionary<OpenXmlPart, Dictionary<string, Uri>> links = [];

    // The part whose paragraphs are read: the document, or its footnotes or endnotes, each with its own relationships.
    private OpenXmlPart part = main;
    private bool previousHidden;
    private RunLook paragraphLook;
    private List<TextBoxContent> textBoxes = [];

    public IReadOnlyList<ImportedImage> Images => images;

    /// <summary>The footnotes and endnotes referred to so far, in order of their first reference: the first is number 1.</summary>
    public IReadOnlyList<DocxNote> Notes => notes;

    public DocxReport Report => report;

    /// <summary>Reads the next paragraphs from <paramref name="notesPart"/> (footnotes or endnotes), whose links and pictures are its own.</summary>
    public void ReadFrom(OpenXmlPart notesPart) => part = notesPart;

    /// <summary>The paragraph's inline content, and the text boxes anchored in it, to be read after it.</summary>
    public (List<InlinePart> Parts, List<TextBoxContent> TextBoxes) Read(Paragraph paragraph, bool isHeading)
    {
        var parts = new List<InlinePart>();
        textBoxes = [];
        fields.Clear();
        fieldsInCode = 0;
        previousHidden = false;
        paragraphLook = styles.ParagraphLook(paragraph, isHeading);
        Inlines(paragraph, parts, paragraphLook);

        return (parts, textBoxes);
    }

    private void Inlines(OpenXmlElement element, List<InlinePart> parts, RunLook look)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    var runLook = styles.RunLook(run, paragraphLook);
                    if (!runLook.Hidden)
                    {
                        Inlines(run, parts, runLook);
                    }
                    else if (!previousHidden && Showing && run.Elements<Text>().Any(t => t.Text.Length > 0))
                    {
                        report.HiddenPassages++;
                    }

                    previousHidden = runLook.Hidden;
                    break;
                case Text text:
                    Add(parts, text.Text, look);
                    break;
                case M.Text math:
                    Add(parts, math.Text, look);
                    break;
                case TabChar or PositionalTab:
                    Add(parts, "\t", look);
                    break;
                case NoBreakHyphen:
                    Add(parts, "\u2011", look);
                    break;
                case SoftHyphen:
                    Add(parts, "\u00AD", look);
                    break;
                case Break or CarriageReturn when Showing:
                    parts.Add(InlineBreak.Instance);
                    break;
                case FieldChar field:
                    Field(field);
                    break;
                case Hyperlink link:
                    Link(link, parts, look);
                    break;
                case Drawing or Picture or EmbeddedObject when Showing:
                    Graphic(child, parts);
                    break;
                case AlternateContent alternate:
                    if (Branch(alternate) is { } chosen)
                    {
                        Inlines(chosen, parts, look);
                    }

                    break;
                case Ruby ruby:
                    if (ruby.GetFirstChild<RubyBase>() is { } rubyBase)
                    {
                        Inlines(rubyBase, parts, look);
                    }

                    break;
                case OpenXmlUnknownElement unknown when unknown.ChildElements.Count > 0:
                    // Elements the SDK does not know (w:smartTag from Word 2003-2007) come with unknown children too.
                    Inlines(new Paragraph($"<w:p xmlns:w=\"{WordNamespace}\">{unknown.InnerXml}</w:p>"), parts, look);
                    break;
                case SymbolChar symbol when Showing:
                    if (DocxSymbols.ToUnicode(symbol.Font?.Value, symbol.Char?.Value) is { } character)
                    {
                        Add(parts, character, look);
                    }
                    else
                    {
                        report.UnknownSymbols++;
                    }

                    break;
                case FootnoteReference footnote when Showing && footnote.Id?.Value is long id:
                    footnotes ??= ById(main.FootnotesPart?.Footnotes?.Elements<Footnote>().Select(f => (f.Id?.Value, (OpenXmlElement)f)));
                    AddNote(parts, main.FootnotesPart, footnotes.GetValueOrDefault(id), endnote: false);
                    break;
                case EndnoteReference endnote when Showing && endnote.Id?.Value is long id:
                    endnotes ??= ById(main.EndnotesPart?.Endnotes?.Elements<Endnote>().Select(e => (e.Id?.Value, (OpenXmlElement)e)));
                    AddNote(parts, main.EndnotesPart, endnotes.GetValueOrDefault(id), endnote: true);
                    break;
                case DeletedRun or MoveFromRun:
                    report.TrackedDeletions++;
                    break;
                case InsertedRun or MoveToRun:
                    report.TrackedInsertions++;
                    Inlines(child, parts, look);
                    break;
                case SdtRun content when IsPlaceholder(content):
                    report.EmptyFormFields++;
                    break;
                case DeletedText or FieldCode or DeletedFieldCode or SymbolChar
                    or ParagraphProperties or RunProperties or SdtProperties or SdtEndCharProperties:
                    break;
                default:
                    Inlines(child, parts, look);
                    break;
            }
        }
    }

    private bool Showing => fieldsInCode == 0;

    /// <summary>A content control still showing its placeholder ("Click or tap here to enter text"): nobody filled it in.</summary>
    public static bool IsPlaceholder(OpenXmlElement contentControl) =>
        contentControl.GetFirstChild<SdtProperties>()?.GetFirstChild<ShowingPlaceholder>() is { } showing
        && showing.Val?.Value != false;

    /// <summary>A reference to a note, numbered by first reference; one to a note the file lacks is dropped, leading nowhere.</summary>
    private void AddNote(List<InlinePart> parts, OpenXmlPart? notesPart, OpenXmlElement? note, bool endnote)
    {
        if (notesPart is null || note is null)
        {
            return;
        }

        if (!noteNumbers.TryGetValue(note, out var number))
        {
            notes.Add(new DocxNote(notesPart, note, endnote));
            noteNumbers.Add(note, number = notes.Count);
        }

        parts.Add(new InlineNote(number));
    }

    /// <summary>A notes part's notes by id; the first of two with one id wins.</summary>
    private static Dictionary<long, OpenXmlElement> ById(IEnumerable<(long? Id, OpenXmlElement Note)>? notes)
    {
        var byId = new Dictionary<long, OpenXmlElement>();
        foreach (var (id, note) in notes ?? [])
        {
            if (id is long key)
            {
                byId.TryAdd(key, note);
            }
        }

        return byId;
    }

    private void Add(List<InlinePart> parts, string text, RunLook look)
    {
        // A line ending inside w:t would end the Markdown line too; Word shows it as a space.
        if (Showing && text.Length > 0)
        {
            parts.Add(new InlineText(text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' '), look.Emphasis));
        }
    }

    private void Field(FieldChar field)
    {
        var type = field.FieldCharType?.InnerText;
        if (type == "begin")
        {
            fields.Add(false);
            fieldsInCode++;
        }
        else if (fields.Count > 0 && type is "separate" or "end")
        {
            fieldsInCode -= fields[^1] ? 0 : 1;
            fields.RemoveAt(fields.Count - 1);
            if (type == "separate")
            {
                fields.Add(true);
            }
        }
    }

    /// <summary>Only web and mail links stay links; anything else (javascript:, file:, anchors) keeps just its text.</summary>
    private void Link(Hyperlink link, List<InlinePart> parts, RunLook look)
    {
        var content = new List<InlinePart>();
        Inlines(link, content, look);
        if (!links.TryGetValue(part, out var partLinks))
        {
            links.Add(part, partLinks = part.HyperlinkRelationships.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Uri));
        }

        var uri = link.Id?.Value is { } id ? partLinks.GetValueOrDefault(id) : null;
        if (uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto))
        {
            parts.Add(new InlineLink(uri.OriginalString, content));
        }
        else
        {
            parts.AddRange(content);
        }
    }

    /// <summary>Pictures in a drawing, VML shape or OLE object become images; text boxes are read after the paragraph.</summary>
    private void Graphic(OpenXmlElement graphic, List<InlinePart> parts)
    {
        foreach (var element in graphic.Descendants())
        {
            if (element.Ancestors<TextBoxContent>().Any(box => box.Ancestors().Contains(graphic)))
            {
                continue;
            }

            switch (element)
            {
                case A.Blip { Embed.Value: { Length: > 0 } id }:
                    var properties = graphic.Descendants<DW.DocProperties>().FirstOrDefault();
                    AddImage(id, NonEmpty(properties?.Description?.Value) ?? NonEmpty(properties?.Title?.Value), parts);
                    break;
                case A.Blip { Link.Value: { Length: > 0 } }:
                    throw new DocxImportException(DocxImporter.LinkedPicture);
                case V.ImageData { RelationshipId.Value: { Length: > 0 } id }:
                    AddImage(id, NonEmpty((element.Parent as V.Shape)?.Alternate?.Value), parts);
                    break;
                case TextBoxContent box:
                    textBoxes.Add(box);
                    break;
                case A.GraphicData { Uri.Value: ChartData or DiagramData }:
                    report.Charts++;
                    break;
            }
        }
    }

    /// <summary>
    /// A picture kept outside the file, or one the file has lost, is not left out silently: the text is published
    /// word for word, and its pictures are part of it.
    /// </summary>
    private void AddImage(string relationshipId, string? alt, List<InlinePart> parts)
    {
        if (!part.TryGetPartById(relationshipId, out var target) || target is not ImagePart image)
        {
            throw new DocxImportException(part.ExternalRelationships.Any(r => r.Id == relationshipId)
                ? DocxImporter.LinkedPicture
                : DocxImporter.MissingPart);
        }

        if (!imageNames.TryGetValue(image.Uri, out var name))
        {
            name = $"image{images.Count + 1}.{Extension(image)}";
            using var stream = image.GetStream(FileMode.Open, FileAccess.Read);
            using var content = new MemoryStream();
            stream.CopyTo(content);
            images.Add(new ImportedImage(name, image.ContentType, content.ToArray()));
            imageNames.Add(image.Uri, name);
        }

        if (picturesInText)
        {
            parts.Add(new InlineImage(name, alt ?? name));
        }
    }

    private static string Extension(ImagePart image)
    {
        if (Extensions.TryGetValue(image.ContentType, out var known))
        {
            return known;
        }

        var fromName = new string([.. Path.GetExtension(image.Uri.OriginalString).Where(char.IsAsciiLetterOrDigit).Take(5).Select(char.ToLowerInvariant)]);
        return fromName.Length > 0 ? fromName : "bin";
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Markup compatibility: the first choice (what current Word reads), else the fallback.</summary>
    public static OpenXmlElement? Branch(AlternateContent alternate) =>
        alternate.GetFirstChild<AlternateContentChoice>() ?? (OpenXmlElement?)alternate.GetFirstChild<AlternateContentFallback>();
}
