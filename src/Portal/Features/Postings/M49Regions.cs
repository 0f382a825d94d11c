using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>A State as a place: its code and name, and its UN M49 region and sub-region (from the States file).</summary>
public sealed record CountryPlace(string Code, string Name, Regions Region, Regions Subregion);

/// <summary>
/// The UN M49 regions and sub-regions the portal knows, in one place: their M49 names (as the States file writes them),
/// which sub-region lies in which region, the order lists show them in, and what a posting's places make it concern or
/// apply to. Which country lies where is the States file's, read into <see cref="Participant.Region"/> and
/// <see cref="Participant.Subregion"/>.
/// </summary>
public static class M49Regions
{
    private static readonly (Regions Region, string M49Name, Regions[] Subregions)[] Tree =
    [
        (Regions.Africa, "Africa", [Regions.NorthernAfrica, Regions.SubSaharanAfrica]),
        (Regions.Americas, "Americas", [Regions.LatinAmericaAndTheCaribbean, Regions.NorthernAmerica]),
        (Regions.Asia, "Asia", [Regions.CentralAsia, Regions.EasternAsia, Regions.SouthEasternAsia, Regions.SouthernAsia, Regions.WesternAsia]),
        (Regions.Europe, "Europe", [Regions.EasternEurope, Regions.NorthernEurope, Regions.SouthernEurope, Regions.WesternEurope]),
        (Regions.Oceania, "Oceania", [Regions.AustraliaAndNewZealand, Regions.Melanesia, Regions.Micronesia, Regions.Polynesia]),
    ];

    private static readonly Dictionary<Regions, string> SubregionNames = new()
    {
        [Regions.NorthernAfrica] = "Northern Africa",
        [Regions.SubSaharanAfrica] = "Sub-Saharan Africa",
        [Regions.LatinAmericaAndTheCaribbean] = "Latin America and the Caribbean",
        [Regions.NorthernAmerica] = "Northern America",
        [Regions.CentralAsia] = "Central Asia",
        [Regions.EasternAsia] = "Eastern Asia",
        [Regions.SouthEasternAsia] = "South-eastern Asia",
        [Regions.SouthernAsia] = "Southern Asia",
        [Regions.WesternAsia] = "Western Asia",
        [Regions.EasternEurope] = "Eastern Europe",
        [Regions.NorthernEurope] = "Northern Europe",
        [Regions.SouthernEurope] = "Southern Europe",
        [Regions.WesternEurope] = "Western Europe",
        [Regions.AustraliaAndNewZealand] = "Australia and New Zealand",
        [Regions.Melanesia] = "Melanesia",
        [Regions.Micronesia] = "Micronesia",
        [Regions.Polynesia] = "Polynesia",
    };

    /// <summary>The five M49 regions, in M49's order.</summary>
    public static readonly Regions[] Continents = [.. Tree.Select(t => t.Region)];

    /// <summary>Global first, then each region followed by its sub-regions: the order of every list and figure.</summary>
    public static readonly Regions[] InOrder = [Regions.Global, .. Tree.SelectMany(t => t.Subregions.Prepend(t.Region))];

    /// <summary>Every sub-region's flag together.</summary>
    public static readonly Regions AllSubregions = Tree.SelectMany(t => t.Subregions).Aggregate(Regions.None, (all, s) => all | s);

    public static IReadOnlyList<Regions> SubregionsOf(Regions region) =>
        Tree.Where(t => t.Region == region).SelectMany(t => t.Subregions).ToList();

    /// <summary>The region a sub-region lies in; a region is its own; Global and None have none.</summary>
    public static Regions RegionOf(Regions regionOrSubregion) =>
        Tree.Where(t => t.Region == regionOrSubregion || t.Subregions.Contains(regionOrSubregion))
            .Select(t => t.Region).FirstOrDefault();

    public static bool IsSubregion(Regions region) => SubregionNames.ContainsKey(region);

    /// <summary>
    /// The flag for an M49 region or sub-region name as the States file writes it ("Asia", "South-eastern Asia"); None for
    /// a name the portal does not know.
    /// </summary>
    public static Regions FromM49Name(string? name) =>
        Tree.Where(t => t.M49Name == name).Select(t => t.Region)
            .Concat(SubregionNames.Where(s => s.Value == name).Select(s => s.Key))
            .FirstOrDefault();

    /// <summary>The M49 name of a sub-region ("South-eastern Asia"), as the States file writes it.</summary>
    public static string M49Name(Regions subregion) => SubregionNames[subregion];

    /// <summary>
    /// Every region a posting concerns, for filters and figures: those chosen, the region of each sub-region chosen, and
    /// the region and sub-region of each country named.
    /// </summary>
    public static Regions Concerned(Regions chosen, IEnumerable<(string? Region, string? Subregion)> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var concerned = chosen;
        foreach (var flag in InOrder.Where(r => chosen.HasFlag(r)))
        {
            concerned |= RegionOf(flag);
        }

        return countries.Aggregate(concerned, (all, c) => all | FromM49Name(c.Region) | FromM49Name(c.Subregion));
    }

    /// <summary>
    /// The regions a posting may choose that make it apply to the whole of <paramref name="asked"/> without naming it:
    /// the region that holds a sub-region, and Global. The search's region filter and the subscriptions use it, so that
    /// an "Africa" filter and an "Africa" subscription find the same postings.
    /// </summary>
    public static Regions ApplyingToRegion(Regions asked) =>
        (IsSubregion(asked) ? RegionOf(asked) : Regions.None) | Regions.Global;

    /// <summary>The regions a posting may choose that make it apply to this country: its sub-region, its region, Global.</summary>
    public static Regions ApplyingTo(CountryPlace country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return country.Subregion | country.Region | Regions.Global;
    }

    /// <summary>
    /// Why a posting applies to a country, said in one sentence: it names the country, else the nearest region it chose
    /// that holds the country, else it is global. Null when it does not apply.
    /// </summary>
    public static string? WhyItApplies(CountryPlace country, bool namesCountry, Regions chosen)
    {
        ArgumentNullException.ThrowIfNull(country);
        if (namesCountry)
        {
            return $"Applies to {country.Name}: named in the posting.";
        }

        if (country.Subregion != Regions.None && chosen.HasFlag(country.Subregion))
        {
            return $"Applies to {country.Subregion.Place()}.";
        }

        if (country.Region != Regions.None && chosen.HasFlag(country.Region))
        {
            return $"Applies to {country.Region.Place()}.";
        }

        return chosen.HasFlag(Regions.Global) ? "Applies worldwide." : null;
    }
}
