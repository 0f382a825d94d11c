using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Files;

namespace Portal.Features.Postings;

/// <summary>What one posting may carry; each file's own limit is <see cref="Uploads.MaxFileBytes"/>.</summary>
public static class AttachmentSizes
{
    public const long MaxPostingBytes = 25 * 1024 * 1024;
    public const int MaxFiles = 20;
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
        if (Uploads.SizeProblem(shownName, content.Length) is { } tooLarge)
        {
            return tooLarge;
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
            return $"{shownName} would bring this posting's attachments to {Uploads.Describe(existing.Bytes + content.Length)}; the limit is {Uploads.Describe(AttachmentSizes.MaxPostingBytes)} per posting. Remove a file or attach a smaller one.";
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
