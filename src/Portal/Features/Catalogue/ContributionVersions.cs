using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>
/// Keeps every text the book used for a contribution: the State's text when the editors accept it, then each copy-edit
/// the State signs off. Changes are added to the caller's unit of work; the caller saves.
/// </summary>
public sealed class ContributionVersions(PortalDbContext db, TimeProvider time)
{
    public Task<ContributionVersion?> LatestAsync(int contributionId) =>
        db.ContributionVersions.Where(v => v.ContributionId == contributionId).OrderByDescending(v => v.Number).FirstOrDefaultAsync();

    /// <summary>
    /// Makes the contribution's current text its latest version, as the State's own, unless it already is: when the
    /// editors accept it, and before a first copy-edit of one accepted before versions were kept. A proposal made to an
    /// older text can no longer be signed off, so it is superseded.
    /// </summary>
    public async Task<ContributionVersion> KeepStateTextAsync(Contribution contribution, string approvedBy)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var latest = await LatestAsync(contribution.Id);
        var texts = ContributionTexts.Of(contribution);
        if (latest is not null && ContributionTexts.Of(latest).SameAs(texts))
        {
            return latest;
        }

        var version = new ContributionVersion
        {
            ContributionId = contribution.Id,
            Number = (latest?.Number ?? 0) + 1,
            Kind = ContributionVersionKind.Submitted,
            Title = texts.Title,
            Body = texts.Body,
            Quotes = [.. texts.Quotes],
            WrittenBy = contribution.SubmittedBy,
            // Submitted by an editor from the State's e-mail: the State's text, as its sender declared it.
            SentFromName = contribution.SubmittedFromName,
            SentFromEmail = contribution.SubmittedFromEmail,
            ApprovedBy = approvedBy,
            At = time.GetUtcNow(),
        };
        db.ContributionVersions.Add(version);
        await SupersedeOpenAsync(contribution.Id);
        return version;
    }

    /// <summary>Adds the signed-off copy-edit as the next version.</summary>
    public ContributionVersion AddCopyEdit(ContributionEdit edit, string signedOffBy)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var version = new ContributionVersion
        {
            ContributionId = edit.ContributionId,
            Number = edit.BasedOnVersion + 1,
            Kind = ContributionVersionKind.CopyEdit,
            Title = edit.Title,
            Body = edit.Body,
            Quotes = [.. edit.Quotes],
            WrittenBy = edit.EditorId,
            ApprovedBy = signedOffBy,
            At = time.GetUtcNow(),
            Note = edit.Note,
        };
        db.ContributionVersions.Add(version);
        return version;
    }

    /// <summary>
    /// Closes the proposal waiting for the State, if any: it was replaced, or the State's text is about to change
    /// (sent back for revision, withdrawn, accepted again with another text).
    /// </summary>
    public async Task SupersedeOpenAsync(int contributionId)
    {
        var open = await db.ContributionEdits.Where(e => e.ContributionId == contributionId && e.Status == ContributionEditStatus.Proposed).ToListAsync();
        foreach (var edit in open)
        {
            edit.Status = ContributionEditStatus.Superseded;
            edit.AnsweredAt = time.GetUtcNow();
        }
    }
}
