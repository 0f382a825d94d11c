using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Versions;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>
/// Every text the book used for a contribution (the State's, then each copy-edit it signed off), what changed between
/// two of them, and the editors' proposals with the State's answers. For whoever may see the contribution.
/// </summary>
public sealed class VersionsModel(PortalDbContext db, ContributionCommands contributions) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public IReadOnlyList<ProposalRow> Proposals { get; private set; } = [];

    /// <summary>
    /// A version; <paramref name="SentFrom"/> is the name and e-mail of who sent the State's text, which
    /// <paramref name="WrittenBy"/> entered and submitted on its behalf; <paramref name="SignOffFrom"/> those of a
    /// sign-off received by e-mail, which <paramref name="ApprovedBy"/> recorded. Both as the editor recorded them.
    /// </summary>
    public sealed record VersionRow(
        int Number, ContributionVersionKind Kind, DateTimeOffset At, string WrittenBy, string ApprovedBy, string Note,
        (string Name, string Email)? SentFrom, (string Name, string Email)? SignOffFrom);

    /// <summary>A proposal; <paramref name="AnswerFrom"/> is who answered by e-mail, as <paramref name="AnsweredBy"/> recorded it.</summary>
    public sealed record ProposalRow(
        DateTimeOffset ProposedAt, string Editor, ContributionEditStatus Status, string Note, DateTimeOffset? AnsweredAt, string AnsweredBy, string? DeclineReason,
        (string Name, string Email)? AnswerFrom);

    [FromQuery(Name = "from")]
    public int? From { get; set; }

    [FromQuery(Name = "to")]
    public int? To { get; set; }

    public IReadOnlyList<DiffLine>? Diff { get; private set; }

    /// <summary>What the proposal waiting for the State's sign-off would change in the text the book uses now.</summary>
    public IReadOnlyList<DiffLine>? Waiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await contributions.FindAsync(id) is not { } contribution)
        {
            return NotFound();
        }

        Contribution = contribution;
        var versions = await db.ContributionVersions.AsNoTracking().Where(v => v.ContributionId == id).OrderByDescending(v => v.Number).ToListAsync();
        var edits = await db.ContributionEdits.AsNoTracking().Where(e => e.ContributionId == id).OrderByDescending(e => e.ProposedAt).ThenByDescending(e => e.Id).ToListAsync();
        var people = versions.SelectMany(v => new[] { v.WrittenBy, v.ApprovedBy }).Concat(edits.SelectMany(e => new[] { e.EditorId, e.AnsweredBy }))
            .OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName);
        string Name(string? userId) => userId is not null && names.TryGetValue(userId, out var name) ? name : "";

        Versions = [.. versions.Select(v => new VersionRow(v.Number, v.Kind, v.At, Name(v.WrittenBy), Name(v.ApprovedBy), v.Note,
            Sender(v.SentFromName, v.SentFromEmail), Sender(v.SignOffFromName, v.SignOffFromEmail)))];
        Proposals = [.. edits.Select(e => new ProposalRow(e.ProposedAt, Name(e.EditorId), e.Status, e.Note, e.AnsweredAt, Name(e.AnsweredBy), e.DeclineReason, Sender(e.AnswerFromName, e.AnswerFromEmail)))];

        To ??= versions.Count > 0 ? versions[0].Number : null;
        From ??= To - 1;
        if (versions.FirstOrDefault(v => v.Number == From) is { } older && versions.FirstOrDefault(v => v.Number == To) is { } newer && older != newer)
        {
            Diff = ContributionTexts.Of(newer).ChangesFrom(ContributionTexts.Of(older));
        }

        if (edits.FirstOrDefault(e => e.Status == ContributionEditStatus.Proposed) is { } open)
        {
            Waiting = ContributionTexts.Of(open).ChangesFrom(ContributionTexts.Of(contribution));
        }

        return Page();
    }

    private static (string Name, string Email)? Sender(string? name, string? email) => name is null ? null : (name, email ?? "");
}
