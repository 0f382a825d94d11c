using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Features.Matching;

/// <summary>What the scoring reads of a posting: its structured core, never its text.</summary>
public sealed record MatchSide(
    int Id,
    int ParticipantId,
    PostingKind Kind,
    PostingStatus Status,
    CcmAreas Areas,
    AssistanceTypes AssistanceTypes,
    IReadOnlyCollection<string> Countries,
    Regions ChosenRegions,
    Regions Regions,
    decimal? Budget,
    string? Currency,
    DateOnly? ApplicationDeadline,
    DateTimeOffset ValidUntil);

/// <summary>Why a need and an offer were put side by side: one line each, read by the person deciding.</summary>
public abstract record MatchReason(int Points)
{
    /// <summary>The line as people read it; <paramref name="countryName"/> turns a country code into its name.</summary>
    public abstract string Describe(Func<string, string> countryName);
}

public sealed record SameAreas(CcmAreas Areas, int Count) : MatchReason(Count * MatchScoring.AreaPoints)
{
    public override string Describe(Func<string, string> countryName) => Count == 1
        ? $"Same area: {PostingLabels.Join(Areas, a => a.Label())}"
        : $"Same areas: {PostingLabels.Join(Areas, a => a.Label())}";
}

public sealed record SameAssistance(AssistanceTypes Types, int Count) : MatchReason(Count * MatchScoring.AssistancePoints)
{
    public override string Describe(Func<string, string> countryName) => Count == 1
        ? $"Same type of assistance: {PostingLabels.Join(Types, t => t.Label())}"
        : $"Same types of assistance: {PostingLabels.Join(Types, t => t.Label())}";
}

public sealed record EligibleCountries(IReadOnlyList<string> Codes) : MatchReason(MatchScoring.CountryPoints)
{
    public override string Describe(Func<string, string> countryName)
    {
        ArgumentNullException.ThrowIfNull(countryName);
        var names = string.Join(", ", Codes.Select(countryName));
        return Codes.Count == 1 ? $"Eligible country: {names}" : $"Eligible countries: {names}";
    }
}

public sealed record EligibleRegions(Regions Regions) : MatchReason(MatchScoring.RegionPoints)
{
    public override string Describe(Func<string, string> countryName) =>
        System.Numerics.BitOperations.PopCount((uint)Regions) == 1
            ? $"Eligible region: {PostingLabels.Join(Regions, r => r.Label())}"
            : $"Eligible regions: {PostingLabels.Join(Regions, r => r.Label())}";
}

public sealed record OpenWorldwide() : MatchReason(MatchScoring.GlobalPoints)
{
    public override string Describe(Func<string, string> countryName) => "The offer is open to every country (global)";
}

public sealed record NoPlaceNamed() : MatchReason(MatchScoring.GlobalPoints)
{
    public override string Describe(Func<string, string> countryName) => "The offer names no country or region";
}

public sealed record BudgetInRange(decimal Needed, decimal Offered, string Currency) : MatchReason(MatchScoring.BudgetPoints)
{
    public override string Describe(Func<string, string> countryName) =>
        $"Budget within range: {PostingLabels.Budget(Needed, Currency)} needed, up to {PostingLabels.Budget(Offered, Currency)} offered";
}

/// <summary>A need and an offer that fit, with the points and the reasons for them.</summary>
public sealed record MatchResult(MatchSide Need, MatchSide Offer, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Whether a need and an offer fit, and how well: the one place that decides what the portal suggests. Both must be
/// published and valid, the offer's application deadline still open, and they must share a CCM area and a place (the
/// offer names the need's country, covers its region, or is global). Each shared area, type of assistance and place
/// adds points, as does a need's budget within the offer's in the same currency (budgets in different currencies are
/// not compared). A participant's own postings are never suggested to each other.
/// </summary>
public static class MatchScoring
{
    public const int AreaPoints = 3;
    public const int AssistancePoints = 2;
    public const int CountryPoints = 3;
    public const int RegionPoints = 2;
    public const int GlobalPoints = 1;
    public const int BudgetPoints = 2;

    /// <summary>The need and the offer in either order; null when they do not fit.</summary>
    public static MatchResult? Score(MatchSide one, MatchSide other, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(one);
        ArgumentNullException.ThrowIfNull(other);
        var (need, offer) = (one.Kind, other.Kind) switch
        {
            (PostingKind.Need, PostingKind.Offer) => (one, other),
            (PostingKind.Offer, PostingKind.Need) => (other, one),
            _ => (null, null),
        };
        if (need is null || offer is null || need.ParticipantId == offer.ParticipantId
            || !IsCurrent(need, now) || !IsCurrent(offer, now) || !OfferDeadline.IsOpen(offer.ApplicationDeadline, now))
        {
            return null;
        }

        var areas = need.Areas & offer.Areas;
        var place = Place(need, offer);
        if (areas == CcmAreas.None || place is null)
        {
            return null;
        }

        var reasons = new List<MatchReason> { new SameAreas(areas, Count((int)areas)), place };
        var types = need.AssistanceTypes & offer.AssistanceTypes;
        if (types != AssistanceTypes.None)
        {
            reasons.Add(new SameAssistance(types, Count((int)types)));
        }

        if (need is { Budget: { } needed, Currency: { } currency } && offer.Budget is { } offered
            && string.Equals(currency, offer.Currency, StringComparison.Ordinal) && needed <= offered)
        {
            reasons.Add(new BudgetInRange(needed, offered, currency));
        }

        return new MatchResult(need, offer, reasons.Sum(r => r.Points), reasons);
    }

    /// <summary>
    /// Where the offer applies to the need: the countries both name, else the offer's chosen regions that hold the
    /// need's places, else the offer being global or naming no place at all. Null when the offer names places and
    /// none is the need's.
    /// </summary>
    private static MatchReason? Place(MatchSide need, MatchSide offer)
    {
        var countries = need.Countries.Intersect(offer.Countries, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (countries.Count > 0)
        {
            return new EligibleCountries(countries);
        }

        var regions = need.Regions & offer.ChosenRegions & ~Regions.Global;
        if (regions != Regions.None)
        {
            return new EligibleRegions(regions);
        }

        if (offer.ChosenRegions.HasFlag(Regions.Global))
        {
            return new OpenWorldwide();
        }

        return offer.Countries.Count == 0 && offer.ChosenRegions == Regions.None ? new NoPlaceNamed() : null;
    }

    private static bool IsCurrent(MatchSide side, DateTimeOffset now) => side.Status == PostingStatus.Published && side.ValidUntil > now;

    private static int Count(int flags) => System.Numerics.BitOperations.PopCount((uint)flags);
}
