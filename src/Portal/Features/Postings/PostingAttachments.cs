using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Files;

namespace Portal.Features.Postings;

public static class AttachmentSizes
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxPostingBytes = 25 * 1024 * 1024;
    public const int MaxFiles = 20;

    /// <summary>
    /// How large a request to an upload page may be: well over a file's limit, so that a file that is too large is read
    /// and refused with its own message on the form (Infrastructure/Forms/FormReading). Only a larger request is cut off, with
    /// the error page's 413.
    /// </summary>
    public const long MaxUploadRequestBytes = 4 * MaxFileBytes;

    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}

/// <summary>Adds and removes a posting's files: type by content, limits per file and per posting, audited.</summary>
public sealed class PostingAttachments(PortalDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Stores the file, or returns why not (nothing stored).</summary>
    public async Task<string?> AddAsync(Posting posting, string? fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(content);
        if (NameProblem(fileName) is { } problem)
        {
            return problem;
        }

        var shownName = string.IsNullOrWhiteSpace(fileName) ? "The file" : $"“{fileName}”";
        if (content.Length > AttachmentSizes.MaxFileBytes)
        {
            return $"{shownName} is {AttachmentSizes.Describe(content.Length)}; a file can be at most {AttachmentSizes.Describe(AttachmentSizes.MaxFileBytes)}. Compress it or split it.";
        }

        var inspection = AttachmentInspector.Inspect(fileName, content);
        if (inspection.File is not { } file)
        {
            return inspection.Error;
        }

        var existing = await db.PostingAttachments.Where(a => a.PostingId == posting.Id)
            .GroupBy(a => 1).Select(g => new { Count = g.Count(), Bytes = g.Sum(a => a.Length) }).SingleOrDefaultAsync();
        if (existing is not null && existing.Count >= AttachmentSizes.MaxFiles)
        {
            return $"A posting can have at most {AttachmentSizes.MaxFiles} attachments. Remove one first.";
        }

        if (existing is not null && existing.Bytes + content.Length > AttachmentSizes.MaxPostingBytes)
        {
            return $"{shownName} would bring this posting's attachments to {AttachmentSizes.Describe(existing.Bytes + content.Length)}; the limit is {AttachmentSizes.Describe(AttachmentSizes.MaxPostingBytes)} per posting. Remove a file or attach a smaller one.";
        }

        var name = await UniqueNameAsync(posting.Id, file.FileName);
        var attachment = new PostingAttachment
        {
            PostingId = posting.Id,
            FileName = name,
            ContentType = file.ContentType,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = time.GetUtcNow(),
            UploadedBy = audit.CurrentActor(),
            Content = new AttachmentContent { Data = content },
        };
        db.PostingAttachments.Add(attachment);
        audit.Write(AuditEvent.AttachmentAdded, PostingCommands.Target(posting), $"{name} ({attachment.Sha256})");
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<bool> RemoveAsync(Posting posting, int attachmentId)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var attachment = await db.PostingAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.PostingId == posting.Id);
        if (attachment is null)
        {
            return false;
        }

        db.PostingAttachments.Remove(attachment);
        audit.Write(AuditEvent.AttachmentRemoved, PostingCommands.Target(posting), $"{attachment.FileName} ({attachment.Sha256})");
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>
    /// Browsers send a bare file name. A name with a folder, "..", or invisible control or direction characters was
    /// crafted, and is refused rather than guessed at: the reader would see a different name than the sender meant.
    /// </summary>
    public static string? NameProblem(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var invisible = fileName.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);
        var path = fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal);
        return invisible || path
            ? "The file's name contains folder names or invisible control characters. Rename the file (letters, digits, spaces, dots and dashes) and attach it again."
            : null;
    }

    /// <summary>Names are how the text refers to images (attachment:NAME), so they stay unique within a posting.</summary>
    private async Task<string> UniqueNameAsync(int postingId, string name)
    {
        var taken = await db.PostingAttachments.Where(a => a.PostingId == postingId).Select(a => a.FileName).ToListAsync();
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        var candidate = name;
        for (var n = 2; taken.Contains(candidate, StringComparer.OrdinalIgnoreCase); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem} ({n}){extension}");
        }

        return candidate;
    }
}
