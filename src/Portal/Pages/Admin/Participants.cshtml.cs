using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Participants;

namespace Portal.Pages.Admin;

/// <summary>States with their CCM status, and the admitted organisations: a list to find one in, each changed on its own page.</summary>
public sealed class ParticipantsModel(PortalDbContext db, AuditLog audit, TimeProvider time, IWebHostEnvironment environment) : PageModel
{
    /// <summary>Where the statuses first came from, from the shipped file's header.</summary>
    public (string? AsOf, string? Source) Seed { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Participant> Rows { get; private set; } = [];

    public string CountSentence => (Rows.Count, Q?.Trim()) switch
    {
        (1, null or "") => "1 participant.",
        (var n, null or "") => $"{n} participants.",
        (0, var q) => $"No participant matches “{q}”.",
        (1, var q) => $"1 participant matches “{q}”.",
        (var n, var q) => $"{n} participants match “{q}”.",
    };

    [BindProperty]
    public OrganisationInput Org { get; set; } = new();

    public sealed class OrganisationInput
    {
        [Required(ErrorMessage = "Enter the organisation's name.")]
        [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter a short code, for example \"icrc\".")]
        [StringLength(40, MinimumLength = 2, ErrorMessage = "The short code has 2 to 40 characters.")]
        [RegularExpression("^[a-z0-9-]+$", ErrorMessage = "The short code uses lower-case letters, digits and dashes only.")]
        public string Code { get; set; } = "";

        public ParticipantKind Kind { get; set; } = ParticipantKind.InternationalOrganisation;

        public bool MayPublish { get; set; }
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (Org.Kind == ParticipantKind.State)
        {
            ModelState.AddModelError("Org.Kind", "States come from the shipped list; add an organisation here.");
        }

        if (ModelState.IsValid && await db.Participants.AnyAsync(p => p.Code == Org.Code))
        {
            ModelState.AddModelError("Org.Code", "That short code is already used. Choose another.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        db.Participants.Add(new Participant
        {
            Kind = Org.Kind,
            Code = Org.Code,
            Name = Org.Name.Trim(),
            MayPublish = Org.MayPublish,
            CreatedAt = time.GetUtcNow(),
        });
        audit.Write(AuditEvent.ParticipantAdded, Org.Name.Trim(), $"{Org.Kind.Label()}; may publish: {(Org.MayPublish ? "yes" : "no")}");
        await db.SaveChangesAsync();
        TempData["Status"] = $"{Org.Name.Trim()} has been added.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Seed = StatesFile.Header(StatesFile.DefaultPath(environment.ContentRootPath));

        // A few hundred rows: filter in memory, case- and accent-insensitively, the same on every database.
        var rows = await db.Participants.AsNoTracking().ToListAsync();
        var q = Q?.Trim();
        var compare = System.Globalization.CultureInfo.InvariantCulture.CompareInfo;
        const System.Globalization.CompareOptions options =
            System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace;
        Rows = rows
            .Where(p => string.IsNullOrEmpty(q) || compare.IndexOf(p.Name, q, options) >= 0 || compare.IndexOf(p.Code, q, options) >= 0)
            .OrderBy(p => p.Kind == ParticipantKind.State ? 1 : 0).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }
}
