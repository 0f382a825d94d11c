using System.Security.Cryptography;
using Portal.Features.Files;

namespace Portal.Features.WordImport;

/// <summary>
/// A Word document uploaded to be imported, read as every import page reads one: through <see cref="Uploads"/> (a file
/// chosen, not empty, within the size limit), <see cref="AttachmentInspector"/> (a real, macro-free .docx by its bytes)
/// and <see cref="DocxImporter"/>, so that each refusal is the same sentence wherever a document is imported.
/// </summary>
/// <param name="FileName">The file's name as the inspector cleaned it (no folders, no control characters).</param>
/// <param name="Content">The file's bytes as received.</param>
/// <param name="Import">The document's text and pictures.</param>
public sealed record WordUpload(string FileName, byte[] Content, DocxImport Import)
{
    public const string WhenMissing = "Choose the Word document (.docx) to import.";

    /// <summary>The SHA-256 of the file as received, in lowercase hex, for the sender to compare with their copy.</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));

    /// <summary>The label of the choice the import pages offer for a document with pending changes or comments.</summary>
    public const string AcceptChangesLabel = "Import it as if every tracked change were accepted, without its comments";

    /// <summary>
    /// The document, or the sentence that says why it cannot be imported. A document that still holds tracked changes
    /// nobody accepted or rejected, or comments, is imported only when <paramref name="acceptChanges"/> says the
    /// person importing it chose to take it as if every change were accepted; otherwise the sentence says what it
    /// holds and <c>Undecided</c> is true, so that the page offers that choice.
    /// </summary>
    public static async Task<(WordUpload? Upload, string? Problem, bool Undecided)> ReadAsync(IFormFile? file, DocxTarget target, bool acceptChanges = false)
    {
        var (content, problem) = await Uploads.ReadAsync(file, WhenMissing);
        if (content is null)
        {
            return (null, problem, false);
        }

        var inspection = AttachmentInspector.Inspect(file!.FileName, content);
        if (inspection.File?.Type != AttachmentType.Docx)
        {
            return (null, NotWord(AttachmentInspector.DisplayName(file.FileName), inspection, target), false);
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var import = DocxImporter.Import(stream, target);
            if (import.Report.NeedsDecision && !acceptChanges)
            {
                return (null, Undecided(inspection.File.FileName, import.Report), true);
            }

            import.Report.ChangesAccepted = import.Report.NeedsDecision;
            return (new WordUpload(inspection.File.FileName, content, import), null, false);
        }
        catch (DocxImportException ex)
        {
            return (null, ex.Message, false);
        }
    }

    /// <summary>Why a document with pending changes or comments waits, and what the person importing it may do.</summary>
    private static string Undecided(string fileName, DocxReport report) =>
        $"“{fileName}” still holds {report.Pending()} that nobody has accepted, rejected or deleted. "
        + "Whether a change is in the text is the State’s decision: ask the State for a file with every change accepted or rejected and no comments, "
        + $"or tick “{AcceptChangesLabel}” and choose the file again.";

    /// <summary>
    /// Why a file that is no Word document cannot be imported, and what to send instead. A posting's import page
    /// offers the portal's Word template (<see cref="Postings.PostingWordTemplate"/>) at its foot; a contribution's does not.
    /// Damage, a password or the old .doc format keep the inspector's own message, which says what to do in Office.
    /// </summary>
    private static string NotWord(string shown, Inspection inspection, DocxTarget target) => (inspection, target) switch
    {
        ({ File.Type: AttachmentType.Pdf }, DocxTarget.Posting) =>
            $"“{shown}” is a PDF, and a PDF’s text cannot be imported word for word. Ask whoever wrote it for the Word document (.docx) the PDF was made from and import that; if there is none, the text can be written in the portal’s Word template, at the foot of this page.",
        ({ File.Type: AttachmentType.Pdf }, _) =>
            $"“{shown}” is a PDF, and a PDF’s text cannot be imported word for word. Ask whoever wrote it for the Word document (.docx) the PDF was made from and import that.",
        ({ File: { } other }, DocxTarget.Posting) =>
            $"“{shown}” is {Kind(other.Type)}, not a Word document. Only the text of a Word document (.docx) can be imported: copy the text into Word, or into the portal’s Word template at the foot of this page, save it as .docx and import that.",
        ({ File: { } other }, _) =>
            $"“{shown}” is {Kind(other.Type)}, not a Word document. Only the text of a Word document (.docx) can be imported: copy the text into Word, save it as .docx and import that.",
        ({ IsOtherType: true }, DocxTarget.Posting) =>
            $"“{shown}” is not a Word document. Only the text of a Word document (.docx) can be imported: open the file in Word and save it as a Word Document (.docx), or write the text in the portal’s Word template at the foot of this page, and import that.",
        ({ IsOtherType: true }, _) =>
            $"“{shown}” is not a Word document. Only the text of a Word document (.docx) can be imported: open the file in Word, save it as a Word Document (.docx) and import that.",
        _ => inspection.Error ?? DocxImporter.Unreadable,
    };

    private static string Kind(AttachmentType type) => type switch
    {
        AttachmentType.Xlsx => "an Excel workbook",
        AttachmentType.Pptx => "a PowerPoint presentation",
        AttachmentType.Png => "a PNG image",
        AttachmentType.Jpeg => "a JPEG image",
        AttachmentType.Pdf => "a PDF",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A Word document is imported, not refused."),
    };
}
