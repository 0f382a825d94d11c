using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Markdown;
using Portal.Features.Postings;
using Portal.Features.Versions;

namespace Portal.Pages.Postings;

public sealed record VersionRow(int Number, string AuthorName, bool OnBehalf, DateTimeOffset PublishedAt, string Fingerprint);

/// <summary>A posting's published versions, one version's exact content, and what changed between two.</summary>
public sealed class VersionsModel(PortalDbContext db, PostingPages pages, Readers readers, RenderedMarkdown markdown) : PageModel
{
    public Posting Posting { get; private set; } = null!;

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    [FromQuery(Name = "v")]
    public int? Shown { get; set; }

    [FromQuery(Name = "from")]
    public int? From { get; set; }

    [FromQuery(Name = "to")]
    public int? To { get; set; }

    public PostingContent? ShownContent { get; private set; }

    public string? ShownHtml { get; private set; }

    public IReadOnlyList<DiffLine>? Diff { get; private set; }

    /// <summary>What the Word import did with the document the shown version's text came from; null when it was typed.</summary>
    public string? ShownReport { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await pages.FindAsync(id) is not { } posting)
        {
            return NotFound();
        }

        Posting = posting;
        var reader = await readers.CurrentAsync();
        var rows = await db.PostingVersions.AsNoTracking().Where(v => v.PostingId == id).OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.AuthorName, v.OnBehalf, v.PublishedAt, v.Fingerprint)).ToListAsync();
        Versions = [.. rows.Select(v => v with { AuthorName = PostingAuthor.ShownTo(reader, posting.ParticipantId, v.AuthorName) })];
        if (Shown is int shown && await CanonicalAsync(id, shown) is { } canonical)
        {
            ShownContent = PostingContent.FromCanonical(canonical);
            ShownReport = await db.PostingVersions.AsNoTracking().Where(v => v.PostingId == id && v.Number == shown)
                .Select(v => v.ImportReport).SingleOrDefaultAsync();
            // Under the section's h2 and the version's title (h3).
            ShownHtml = markdown.ToHtml(ShownContent.Body, new Dictionary<string, string>(), topHeading: 4);
        }

        To ??= Versions.Count > 0 ? Versions[0].Number : null;
        From ??= To - 1;
        if (From is int from && To is int to && from != to
            && await CanonicalAsync(id, from) is { } older && await CanonicalAsync(id, to) is { } newer)
        {
            var (was, now) = (PostingContent.FromCanonical(older), PostingContent.FromCanonical(newer));
            var codes = was.Countries.Concat(now.Countries).ToList();
            var names = await db.Participants.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Name);
            Diff = VersionDiff.Between(was, now, code => names.GetValueOrDefault(code, code));
        }

        return Page();
    }

    /// <summary>The exact bytes the fingerprint was taken over: `sha256sum` of this file gives the fingerprint.</summary>
    public async Task<IActionResult> OnGetCanonicalAsync(int id, int v)
    {
        if (await pages.FindAsync(id) is null || await CanonicalAsync(id, v) is not { } canonical)
        {
            return NotFound();
        }

        return File(Encoding.UTF8.GetBytes(canonical), "application/json", $"posting-{id}-version-{v}.json");
    }

    private Task<string?> CanonicalAsync(int id, int number) =>
        db.PostingVersions.AsNoTracking().Where(v => v.PostingId == id && v.Number == number)
            .Select(v => v.CanonicalContent).SingleOrDefaultAsync();
}
