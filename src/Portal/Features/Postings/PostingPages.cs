using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Markdown;
using Portal.Infrastructure.Caching;

namespace Portal.Features.Postings;

public sealed record VersionStamp(int Number, string AuthorName, bool OnBehalf, DateTimeOffset PublishedAt, string Fingerprint)
{
    /// <summary>What the Word import did with the document the version's text came from; null when it was typed.</summary>
    public string? ImportReport { get; init; }
}

public sealed record AttachmentItem(int Id, string FileName, string ContentType, long Length, string Sha256);

/// <summary>
/// What the posting page shows of one posting. Shared between requests through the read cache: nothing may change it.
/// </summary>
public sealed record PostingView(
    Posting Posting, VersionStamp? Version, IReadOnlyList<AttachmentItem> Attachments, IReadOnlyList<string> CountryNames,
    string BodyHtml);

/// <summary>Loading a posting for a page, with the answer "missing or not yours" always the same: null, then 404.</summary>
public sealed class PostingPages(
    PortalDbContext db, Readers readers, TimeProvider time, RenderedMarkdown markdown, ChangeStamps stamps, ReadCache cache)
{
    /// <summary>
    /// The posting page's content if this reader may read the posting. The content is read once per change of
    /// postings (decision 007); whether this reader may see it is decided on every request, on the portal's clock.
    /// </summary>
    public async Task<PostingView?> ViewAsync(int id)
    {
        var reader = await readers.CurrentAsync();
        var view = await cache.GetOrLoadAsync(new CachedView(id), (await stamps.CurrentAsync()).Postings,
            async () => (await LoadViewAsync(id), DateTimeOffset.MaxValue));
        return view is not null && reader.MayRead(view.Posting, time.GetUtcNow()) ? view : null;
    }

    private async Task<PostingView?> LoadViewAsync(int id)
    {
        var posting = await db.Postings.Include(p => p.Participant).Include(p => p.Countries).AsSplitQuery().AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id);
        if (posting is null)
        {
            return null;
        }

        var version = await db.PostingVersions.AsNoTracking()
            .Where(v => v.PostingId == posting.Id && v.Number == posting.CurrentVersion)
            .Select(v => new VersionStamp(v.Number, v.AuthorName, v.OnBehalf, v.PublishedAt, v.Fingerprint) { ImportReport = v.ImportReport })
            .SingleOrDefaultAsync();
        var attachments = await db.PostingAttachments.AsNoTracking().Where(a => a.PostingId == posting.Id).OrderBy(a => a.Id)
            .Select(a => new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Length, a.Sha256)).ToListAsync();
        var codes = posting.Countries.Select(c => c.CountryCode).ToList();
        var countryNames = await db.Participants.Where(p => codes.Contains(p.Code)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();
        var links = attachments.GroupBy(a => a.FileName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => $"/Postings/{posting.Id}/Attachments/{g.First().Id}", StringComparer.Ordinal);
        return new PostingView(posting, version, attachments, countryNames, markdown.ToHtml(posting.Body, links));
    }

    private sealed record CachedView(int PostingId);

    /// <summary>The posting if this reader may read it (or manage it); tracked when <paramref name="forManaging"/>.</summary>
    public async Task<Posting?> FindAsync(int id, bool forManaging = false)
    {
        var reader = await readers.CurrentAsync();
        var query = db.Postings.Include(p => p.Participant).Include(p => p.Countries).AsSplitQuery();
        var posting = await (forManaging ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id);
        if (posting is null)
        {
            return null;
        }

        return forManaging
            ? reader.MayManage(posting.ParticipantId) ? posting : null
            : reader.MayRead(posting, time.GetUtcNow()) ? posting : null;
    }

    /// <summary>
    /// Where a draft goes to be completed before it may be published, or null when its core is complete: a draft may be
    /// incomplete (an import leaves the classification to choose), and the page for what is missing shows it at once.
    /// </summary>
    public async Task<string?> CompletionPathAsync(Posting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var check = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        var countries = await db.Participants.Where(p => p.Kind == ParticipantKind.State).Select(p => p.Code).ToListAsync();
        PostingForm.From(posting, posting.Participant!.Code).Validate(check, countries.ToHashSet(StringComparer.Ordinal), time.GetUtcNow());
        if (check.IsValid)
        {
            return null;
        }

        // An imported draft lacks only its classification, which the page for it asks for.
        return posting.FromDocument == ImportedParts.None ? $"/Postings/{posting.Id}/Edit?complete=true" : $"/Postings/{posting.Id}/Classify?complete=true";
    }

    /// <summary>The newest posting that replaced this one, if the reader may read it: where an old link should lead.</summary>
    public async Task<int?> ReplacementForAsync(int id)
    {
        var reader = await readers.CurrentAsync();
        var now = time.GetUtcNow();
        var old = await db.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.Status == PostingStatus.Replaced);
        // An observer must not learn anything about a posting that was never open to them.
        if (old is null || !reader.IsOpenTo(old))
        {
            return null;
        }

        var next = old.ReplacedById;
        for (var hops = 0; next is int candidate && hops < 20; hops++)
        {
            var posting = await db.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == candidate);
            if (posting is null)
            {
                return null;
            }

            if (posting.Status != PostingStatus.Replaced)
            {
                return reader.MayRead(posting, now) ? posting.Id : null;
            }

            next = posting.ReplacedById;
        }

        return null;
    }
}
