using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Markdown;

namespace Portal.Pages.Catalogue.Calls;

/// <summary>
/// A call: its instructions and time left for everyone who sees calls; for editors, which States take part
/// ("as many States as possible" is the letter's goal) and extensions of the deadline for one participant.
/// </summary>
public sealed class ShowModel(PortalDbContext db, CatalogueVisitors visitors, CallCommands commands, RenderedMarkdown markdown, TimeProvider time) : PageModel
{
    public CatalogueCall Call { get; private set; } = null!;

    public CatalogueVisitor Visitor { get; private set; } = null!;

    public string InstructionsHtml { get; private set; } = "";

    public DateTimeOffset Now { get; private set; }

    public DateOnly? OwnExtension { get; private set; }

    public IReadOnlyList<IndexModel.ContributionRow> Own { get; private set; } = [];

    public IReadOnlyList<ParticipationRow> Participation { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> States { get; private set; } = [];

    public sealed record ParticipationRow(int ParticipantId, string State, string Stage, DateOnly? Extension);

    /// <summary>What the editors have to read: every contribution that has been submitted, whatever happened since.</summary>
    public IReadOnlyList<SubmittedRow> Submissions { get; private set; } = [];

    /// <summary>A submitted contribution; <paramref name="OnBehalf"/> when an editor submitted it for a State without a focal point account.</summary>
    public sealed record SubmittedRow(int Id, string Title, string Participant, ContributionStatus Status, DateTimeOffset? SubmittedAt, ContributionImports.Submission? OnBehalf);

    [BindProperty]
    public ExtensionInput Extension { get; set; } = new();

    public sealed class ExtensionInput
    {
        public int? ParticipantId { get; set; }

        public string? Deadline { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostExtendAsync(int id)
    {
        if (!await LoadAsync(id) || !Visitor.IsEditor)
        {
            return NotFound();
        }

        var state = States.FirstOrDefault(s => s.Id == Extension.ParticipantId);
        if (state.Name is null)
        {
            ModelState.AddModelError("Extension.ParticipantId", "Choose the State that gets more time.");
        }

        DateOnly deadline = default;
        if (string.IsNullOrWhiteSpace(Extension.Deadline)
            || !DateOnly.TryParseExact(Extension.Deadline.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out deadline))
        {
            ModelState.AddModelError("Extension.Deadline", "Enter the new deadline as a real date, for example 2027-05-15.");
        }
        else if (deadline <= Call.Deadline)
        {
            ModelState.AddModelError("Extension.Deadline", $"The new deadline must be after the call's own, {Call.Deadline.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await commands.ExtendAsync(Call, state.Id, deadline);
        TempData["Status"] = $"{state.Name} may submit until the end of {deadline.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} ({CallCalendar.ZoneName(Call.TimeZone)}).";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        Visitor = await visitors.CurrentAsync();
        if (!Visitor.SeesCalls
            || await db.CatalogueCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id) is not { } call
            || (call.Status != CallStatus.Published && !Visitor.IsEditor))
        {
            return false;
        }

        Call = call;
        Now = time.GetUtcNow();
        InstructionsHtml = markdown.ToHtml(call.Instructions, new Dictionary<string, string>());
        if (Visitor.Reader.OwnParticipantId is int own)
        {
            Own = await db.Contributions.AsNoTracking().Where(c => c.CallId == id && c.ParticipantId == own)
                .Select(c => new IndexModel.ContributionRow(c.Id, c.Title, c.Status)).ToListAsync();
            OwnExtension = await db.CallExtensions.AsNoTracking().Where(x => x.CallId == id && x.ParticipantId == own)
                .Select(x => (DateOnly?)x.Deadline).SingleOrDefaultAsync();
        }

        if (Visitor.IsEditor)
        {
            await LoadParticipationAsync(id);
        }

        return true;
    }

    private async Task LoadParticipationAsync(int id)
    {
        States = (await db.Participants.AsNoTracking().Where(p => p.Kind == ParticipantKind.State)
            .Select(p => new { p.Id, p.Name }).ToListAsync())
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).Select(p => (p.Id, p.Name)).ToList();
        var statuses = await db.Contributions.AsNoTracking().Where(c => c.CallId == id)
            .Select(c => new { c.ParticipantId, c.Status }).ToListAsync();
        var extensions = await db.CallExtensions.AsNoTracking().Where(x => x.CallId == id).ToDictionaryAsync(x => x.ParticipantId, x => x.Deadline);
        Submissions = (await db.Contributions.AsNoTracking()
            .Where(c => c.CallId == id && c.SubmittedAt != null)
            .Select(c => new
            {
                c.Id,
                c.Title,
                State = c.Participant!.Name,
                c.Status,
                c.SubmittedAt,
                c.SubmittedFromName,
                c.SubmittedFromEmail,
                c.SubmittedFromOn,
                SubmittedBy = db.Users.Where(u => u.Id == c.SubmittedBy).Select(u => u.FullName).FirstOrDefault(),
            }).ToListAsync())
            .Select(c => new SubmittedRow(c.Id, c.Title, c.State, c.Status, c.SubmittedAt,
                ContributionImports.Submission.Of(c.SubmittedBy, c.SubmittedFromName, c.SubmittedFromEmail, c.SubmittedFromOn)))
            .OrderBy(c => c.Status == ContributionStatus.Submitted ? 0 : 1).ThenBy(c => c.SubmittedAt).ToList();
        Participation = States.Select(s =>
        {
            var own = statuses.Where(c => c.ParticipantId == s.Id).Select(c => c.Status).ToList();
            return new ParticipationRow(s.Id, s.Name, Stage(own), extensions.TryGetValue(s.Id, out var d) ? d : null);
        }).ToList();
    }

    /// <summary>How far a State has come: the furthest of its contributions.</summary>
    private static string Stage(IReadOnlyList<ContributionStatus> statuses) =>
        statuses.Contains(ContributionStatus.Accepted) ? "Accepted"
        : statuses.Any(s => s is ContributionStatus.Submitted or ContributionStatus.RevisionRequested) ? "Submitted"
        : statuses.Contains(ContributionStatus.Draft) ? "Draft"
        : "Invited";
}
