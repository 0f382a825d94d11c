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
            return (null, inspection.Error
                ?? $"“{inspection.File!.FileName}” is a {AttachmentInspector.Describe(inspection.File.Type)}, not a Word document. Save the text from Word as a .docx file.", false);
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
}
