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
            return (null, inspection.Error
                ?? $"“{inspection.File!.FileName}” is a {AttachmentInspector.Describe(inspection.File.Type)}, not a Word document. Save the text from Word as a .docx file.");
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
}
