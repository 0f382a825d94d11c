using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>
/// A Word document becomes a draft: its text, word for word, as the body; its pictures and the document itself as
/// attachments (so the sender can compare the file's SHA-256 with their own).
/// </summary>
[RequestSizeLimit(AttachmentSizes.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentSizes.MaxUploadRequestBytes)]
public sealed class ImportModel(
    PortalDbContext db, Readers readers, PostingCommands commands, PostingAttachments attachments, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PostingFormOptions Options { get; private set; } = PostingFormOptions.Empty;

    public sealed class InputModel
    {
        public PostingKind? Kind { get; set; }

        public string? Participant { get; set; }

        public IFormFile? Document { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        if (!reader.MayPublish)
        {
            return RedirectToPage("/Postings/WhoPublishes");
        }

        Options = await PostingFormOptions.LoadAsync(db, reader);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var reader = await readers.CurrentAsync();
        if (!reader.MayPublish)
        {
            return RedirectToPage("/Postings/WhoPublishes");
        }

        Options = await PostingFormOptions.LoadAsync(db, reader);
        if (Input.Kind is not PostingKind kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose whether the document is a need, an offer or an experience.");
            kind = PostingKind.Need;
        }

        var owner = await NewModel.OwnerAsync(db, reader, Input.Participant, ModelState);
        var content = await ReadAsync(Input.Document);
        DocxImport? imported = null;
        if (content is not null)
        {
            var inspection = AttachmentInspector.Inspect(Input.Document!.FileName, content);
            if (inspection.File?.Type != AttachmentType.Docx)
            {
                ModelState.AddModelError("Input.Document", inspection.Error
                    ?? $"“{inspection.File!.FileName}” is a {AttachmentInspector.Describe(inspection.File.Type)}, not a Word document. Save the text from Word as a .docx file.");
            }
            else
            {
                try
                {
                    using var stream = new MemoryStream(content, writable: false);
                    imported = DocxImporter.Import(stream);
                }
                catch (DocxImportException ex)
                {
                    ModelState.AddModelError("Input.Document", ex.Message);
                }
            }
        }

        if (!ModelState.IsValid || owner is null || imported is null)
        {
            return Page();
        }

        var form = PostingForm.For(kind, owner.Code, time.GetUtcNow());
        form.Title = Truncate(imported.Title ?? Path.GetFileNameWithoutExtension(Input.Document!.FileName), PostingLimits.Title);
        form.Body = imported.Markdown;
        var posting = await commands.CreateDraftAsync(form, null, owner);
        var problems = new List<string>();
        foreach (var image in imported.Images)
        {
            if (await attachments.AddAsync(posting, image.FileName, image.Content) is { } error)
            {
                problems.Add(error);
            }
        }

        if (await attachments.AddAsync(posting, Input.Document!.FileName, content!) is { } sourceError)
        {
            problems.Add(sourceError);
        }

        TempData["Status"] = "Imported as a draft. Fill in the core fields, check the text, save, then publish."
            + (problems.Count > 0 ? " Some files could not be attached: " + string.Join(" ", problems) : "");
        return Redirect($"/Postings/{posting.Id}/Edit?complete=true");
    }

    private async Task<byte[]?> ReadAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Input.Document", file is null ? "Choose the Word document (.docx) to import." : $"“{Path.GetFileName(file.FileName)}” is empty.");
            return null;
        }

        if (file.Length > AttachmentSizes.MaxFileBytes)
        {
            ModelState.AddModelError("Input.Document", $"“{Path.GetFileName(file.FileName)}” is {AttachmentSizes.Describe(file.Length)}; a document can be at most {AttachmentSizes.Describe(AttachmentSizes.MaxFileBytes)}.");
            return null;
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
