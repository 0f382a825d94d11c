using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Postings;

public sealed record CountryOption(string Code, string Name, string Region, string Subregion);

public sealed record OwnerOption(string Code, string Name, bool IsState);

/// <summary>The lists a posting form offers: States for "countries concerned", and owners for a coordinator.</summary>
public sealed record PostingFormOptions(IReadOnlyList<CountryOption> Countries, IReadOnlyList<OwnerOption> Owners)
{
    public static readonly PostingFormOptions Empty = new([], []);

    public ISet<string> CountryCodes => Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    public static async Task<PostingFormOptions> LoadAsync(PortalDbContext db, Reader reader)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        var participants = await db.Participants.AsNoTracking()
            .Select(p => new { p.Code, p.Name, p.Kind, p.Region, p.Subregion, p.MayPublish }).ToListAsync();
        // In M49's order of regions and sub-regions (the picker's groups), by name within each.
        var order = M49Regions.InOrder.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        int Position(string? m49Name) => order.GetValueOrDefault(M49Regions.FromM49Name(m49Name), int.MaxValue);
        var countries = participants.Where(p => p.Kind == ParticipantKind.State)
            .OrderBy(p => Position(p.Region)).ThenBy(p => Position(p.Subregion)).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new CountryOption(p.Code, p.Name, p.Region ?? "Other", p.Subregion ?? "Other")).ToList();
        var owners = !reader.IsCoordinator ? [] : participants
            .Where(p => p.Kind == ParticipantKind.State || p.MayPublish)
            .OrderBy(p => p.Kind == ParticipantKind.State ? 0 : 1).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new OwnerOption(p.Code, p.Name, p.Kind == ParticipantKind.State)).ToList();
        return new PostingFormOptions(countries, owners);
    }
}

/// <summary>A page that shows the posting form (New, Edit, Import): the shared partial reads these.</summary>
public interface IPostingFormPage
{
    PostingForm Input { get; }

    PostingFormOptions Options { get; }

    /// <summary>False when editing: the kind and owner of an existing posting do not change.</summary>
    bool IsNew { get; }
}
