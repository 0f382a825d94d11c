using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Notices;

namespace Portal.Features.Catalogue;

/// <summary>
/// What waits in the catalogue: for editors, the submitted contributions waiting for their decision; for a State's
/// focal points, its contributions sent back for revision and the editors' copy-edits waiting for its sign-off. Who may
/// act is <see cref="CatalogueVisitor"/>'s answer, as on the pages.
/// </summary>
public sealed class CatalogueWaitingItems(PortalDbContext db) : IWaitingItems
{
    public async Task<IReadOnlyList<WaitingSection>> ForAsync(WaitingAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var visitor = new CatalogueVisitor(account.Reader, account.HasEditorRight);
        var sections = new List<WaitingSection>();
        if (visitor.IsEditor)
        {
            var submitted = db.Contributions.AsNoTracking().Where(c => c.Status == ContributionStatus.Submitted);
            await AddAsync(sections, "awaiting-review", "/Catalogue", submitted, "", count => count == 1
                ? "1 contribution is waiting for the editors' decision."
                : $"{N(count)} contributions are waiting for the editors' decision.", cancellationToken);
        }

        var state = account.Reader.ParticipantId;
        if (visitor.MayWrite(state))
        {
            var sentBack = db.Contributions.AsNoTracking().Where(c => c.ParticipantId == state && c.Status == ContributionStatus.RevisionRequested);
            await AddAsync(sections, "revision-requested", "/Catalogue", sentBack, "", count => count == 1
                ? "The editors asked your State to revise 1 contribution."
                : $"The editors asked your State to revise {N(count)} contributions.", cancellationToken);

            // A copy-edit waits for the State while it is proposed and its contribution accepted (CatalogueVisitor.MaySignOff).
            var toSignOff = db.Contributions.AsNoTracking().Where(c => c.ParticipantId == state && c.Status == ContributionStatus.Accepted
                && db.ContributionEdits.Any(e => e.ContributionId == c.Id && e.Status == ContributionEditStatus.Proposed));
            await AddAsync(sections, "copy-edits", "/Catalogue", toSignOff, "/SignOff", count => count == 1
                ? "The editors' changes to 1 contribution of your State wait for your sign-off."
                : $"The editors' changes to {N(count)} contributions of your State wait for your sign-off.", cancellationToken);
        }

        return sections;
    }

    private static string N(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static async Task AddAsync(List<WaitingSection> sections, string key, string path, IQueryable<Contribution> contributions,
        string page, Func<int, string> sentence, CancellationToken cancellationToken)
    {
        var count = await contributions.CountAsync(cancellationToken);
        if (count == 0)
        {
            return;
        }

        var named = await contributions.OrderBy(c => c.Id).Take(WaitingItems.MostNamed)
            .Select(c => new { c.Id, c.Title, State = c.Participant!.Name }).ToListAsync(cancellationToken);
        sections.Add(new WaitingSection(key, sentence(count), path, count,
            named.Select(c => new WaitingItem($"{c.Title} ({c.State})", $"/Catalogue/Contributions/{c.Id.ToString(CultureInfo.InvariantCulture)}{page}")).ToList()));
    }
}
