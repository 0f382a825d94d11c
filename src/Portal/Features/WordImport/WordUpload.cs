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

    /// <summary>The document, or the sentence that says why it cannot be imported.</summary>
    public static async Task<(WordUpload? Upload, string? Problem)> ReadAsync(IFormFile? file, DocxTarget target)
    {
        var (content, problem) = await Uploads.ReadAsync(file, WhenMissing);
        if (content is null)
        {
            return (null, problem);
        }

        var inspection = AttachmentInspector.Inspect(file!.FileName, content);
        if (inspection.File?.Type != AttachmentType.Docx)
        {
            return (null, NotWord(AttachmentInspector.DisplayName(file.FileName), inspection, target));
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            return (new WordUpload(inspection.File.FileName, content, DocxImporter.Import(stream, target)), null);
        }
        catch (DocxImportException ex)
        {
            return (null, ex.Message);
        }
    }

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
        _ => $"a {AttachmentInspector.Describe(type)}",
    };
}
