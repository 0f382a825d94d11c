using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>
/// An editor copy-edits an accepted contribution: title, text and quotes, with a note for the State. Saving proposes
/// the changes to the State's focal points and changes nothing in the contribution; a new proposal replaces the one
/// that waits, which the form starts from.
/// </summary>
public sealed class CopyEditModel(ContributionCommands contributions, CopyEdits copyEdits, CatalogueVisitors visitors) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    /// <summary>The proposal waiting for the State, which saving replaces.</summary>
    public ContributionEdit? Waiting { get; private set; }

    /// <summary>Whether the State has a focal point account to sign the changes off; without one, the editors ask by e-mail.</summary>
    public bool StateSignsOff { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Title { get; set; }

        public string? Body { get; set; }

        public List<string?> Quotes { get; set; } = [];

        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var start = Waiting is { } waiting ? ContributionTexts.Of(waiting) : ContributionTexts.Of(Contribution);
        Input = new InputModel { Title = start.Title, Body = start.Body, Quotes = [.. start.Quotes], Note = Waiting?.Note };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Validated() is not { } texts)
        {
            return Page();
        }

        if (await copyEdits.ProposeAsync(Contribution, texts, Input.Note!.Trim()) is not { } proposed)
        {
            TempData["Status"] = "The State answered, or another editor proposed changes, at the same moment: nothing was filed. Read what waits now before you propose again.";
            return RedirectToPage("Show", new { id });
        }

        TempData["Status"] = Proposed(proposed.SentTo);
        return RedirectToPage("Show", new { id });
    }

    /// <summary>What the editor is told of a proposal filed, by who was e-mailed it.</summary>
    private string Proposed(ProposalSentTo sentTo)
    {
        var state = Contribution.Participant!.Name;
        return sentTo switch
        {
            ProposalSentTo.FocalPoints => $"Your changes are proposed to {state}. The book keeps the State's text until a focal point signs them off.",
            ProposalSentTo.Sender => $"{state} has no focal point account on the portal, so your changes were e-mailed, with the changed lines, to {Contribution.ReceivedFromName} <{Contribution.ReceivedFromEmail}>, who sent the contribution. They are asked to reply to you by e-mail; when they do, record the State's answer on this page. The book keeps the State's text until then.",
            _ => NobodyToTell(state),
        };
    }

    /// <summary>For a State without a focal point account and without a recorded sender: nobody can be e-mailed the proposal.</summary>
    public static string NobodyToTell(string state) =>
        $"{state} has no focal point account on the portal and no sender is recorded for this contribution, so nobody was e-mailed your changes: they wait for the State's answer. Send the State's contact the changed lines from the versions page by e-mail, ask them to reply to you, and record the State's answer on this page when it comes; or ask the coordinator to give the State a focal point account, who then signs the changes off on the portal.";

    private ContributionTexts? Validated()
    {
        var title = (Input.Title ?? "").Trim();
        var body = (Input.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        // The quotes the page showed, one per testimonial; a crafted form cannot add or drop any.
        var quotes = Contribution.Testimonials.OrderBy(t => t.Position).Select((_, i) => (Input.Quotes.ElementAtOrDefault(i) ?? "").Trim()).ToList();
        Input.Quotes = [.. quotes];
        var note = (Input.Note ?? "").Trim();
        Check("Input.Title", title, ContributionLimits.Title, "Enter the title of the chapter.", "The title");
        Check("Input.Body", body, ContributionLimits.Body, "Enter the text of the chapter.", "The text");
        for (var i = 0; i < quotes.Count; i++)
        {
            Check($"Input.Quotes[{i}]", quotes[i], ContributionLimits.Quote, $"Enter the words of testimonial {i + 1}.", $"Testimonial {i + 1}");
        }

        Check("Input.Note", note, ContributionEditLimits.Note, "Say what you changed and why: the State reads this note with the changes.", "The note");
        var texts = new ContributionTexts(title, body, quotes);
        if (ModelState.IsValid && texts.SameAs(ContributionTexts.Of(Contribution)))
        {
            ModelState.AddModelError("Input.Body", "These are the contribution's words as they stand: change something before you propose it.");
        }

        return ModelState.IsValid ? texts : null;
    }

    private void Check(string field, string value, int limit, string empty, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, empty);
        }
        else if (value.Length > limit)
        {
            ModelState.AddModelError(field, $"{name} is {value.Length:N0} characters long; keep it to {limit:N0}.");
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        if (await contributions.FindAsync(id) is not { } contribution || !visitor.MayCopyEdit(contribution))
        {
            return false;
        }

        Contribution = contribution;
        Waiting = await copyEdits.OpenAsync(id);
        StateSignsOff = await visitors.StateSignsOffAsync(contribution.ParticipantId);
        return true;
    }
}
