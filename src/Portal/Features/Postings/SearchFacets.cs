using System.Globalization;
using System.Text;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Postings;

/// <summary>
/// On SQLite the full-text index holds, next to each published posting's words, a column of facet tokens: who may see
/// it, who owns it, its kind, areas, assistance types, regions, role, modalities and countries (decision 008). A ranked search adds
/// the reader's visibility and the page's filters to its match expression as facet tokens, so FTS5 applies them while
/// it matches, and no hit has to be looked up in the postings table before it is ranked. The visibility tokens come from
/// <see cref="Reader.MaySeeInSearchIndex"/>, beside the rule they say again.
/// The tokens are written by the view "PostingSearchContent" (migrations SearchFacets and PostingRoleAndModality); the search tests compare every
/// filter answered here with the same filter answered by the postings table.
/// </summary>
public static class SearchFacets
{
    /// <summary>
    /// The match expression for the text and facets, or null when a filter cannot be said in tokens (a date, or a
    /// country or sub-region: it finds the postings that apply to it, also those that chose its region, and the index's
    /// region tokens do not tell a chosen region from one of the countries named): the search then filters through the
    /// postings table.
    /// </summary>
    public static string? Match(string textMatch, SearchQuery query, Reader reader, int? participantId)
    {
        ArgumentNullException.ThrowIfNull(textMatch);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        if (query.Since is not null
            || (!string.IsNullOrEmpty(query.Participant) && participantId is null)
            || !string.IsNullOrEmpty(query.Country)
            || M49Regions.IsSubregion(query.Region))
        {
            // A sub-region also finds the postings that chose its whole region (M49Regions.ApplyingToRegion): as for a
            // country, the index's tokens cannot tell a chosen region from one of a country named.
            return null;
        }

        var match = new StringBuilder(textMatch);
        // Who may see what, in the index's own tokens: said beside Reader.MaySee, which says it to the postings table.
        if (reader.MaySeeInSearchIndex() is { } visible)
        {
            match.Append(" AND ").Append(visible);
        }

        if (query.Kind is PostingKind kind)
        {
            AnyOf(match, ["k" + kind.ToString().ToLowerInvariant() + "0"]);
        }

        Bits(match, "a", (int)query.Area);
        Bits(match, "t", (int)query.Type);
        // A region finds what concerns it and what applies everywhere (M49Regions.ApplyingToRegion), and only a posting
        // that chose Global has that token.
        Bits(match, "r", (int)(query.Region == Regions.None ? Regions.None : query.Region | M49Regions.ApplyingToRegion(query.Region)));
        if (query.Role is CooperationRole role)
        {
            AnyOf(match, PostingCooperation.FoundBy(role).Select(r => Token("l", (int)r)));
        }

        Bits(match, "m", (int)query.Modality);

        if (participantId is int id)
        {
            AnyOf(match, [Token("o", id)]);
        }

        return match.ToString();
    }

    private static string Token(string prefix, int value) => prefix + value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A flags filter matches a posting that has any of the chosen flags, as the postings table's "&amp; != 0" does.</summary>
    private static void Bits(StringBuilder match, string prefix, int flags)
    {
        if (flags != 0)
        {
            // Bit 31 too: no posting has it, so asking for it alone finds nothing, as it does in the postings table.
            AnyOf(match, [.. Enumerable.Range(0, 32).Where(b => (flags & (1 << b)) != 0).Select(b => Token(prefix, b))]);
        }
    }

    private static void AnyOf(StringBuilder match, IEnumerable<string> tokens) =>
        match.Append(" AND \"Facets\" : (").AppendJoin(" OR ", tokens.Select(t => "\"" + t + "\"")).Append(')');
}
