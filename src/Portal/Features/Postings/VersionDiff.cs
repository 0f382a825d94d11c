using System.Globalization;
using Portal.Data;
using Portal.Features.Cooperation;
using Portal.Features.Versions;

namespace Portal.Features.Postings;

/// <summary>A line-by-line comparison of two versions as people read them: the core fields first, then the text.</summary>
public static class VersionDiff
{
    /// <param name="older">The earlier version.</param>
    /// <param name="newer">The later version.</param>
    /// <param name="countryName">A country's name from its code, as the posting's page shows it.</param>
    public static IReadOnlyList<DiffLine> Between(PostingContent older, PostingContent newer, Func<string, string> countryName)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        return TextDiff.Between(Readable(older, countryName), Readable(newer, countryName));
    }

    /// <summary>The version as a person reads it: labels, not the codes the canonical text stores.</summary>
    public static string Readable(PostingContent content, Func<string, string> countryName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(countryName);
        // The deadline line only when there is one: versions without it read exactly as they always did.
        string[] deadline = content.ApplicationDeadline is { } day
            ? [$"Application deadline: {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} (Geneva time)"]
            : [];
        // So are the role and modality lines, only when the version states them.
        string[] role = content.Role is { } r ? [$"Role: {r.Label()}"] : [];
        string[] modalities = content.Modalities is { Count: > 0 } m ? [$"Modality: {Labels<CooperationModalities>(m, CooperationLabels.Label)}"] : [];
        return string.Join('\n', [
            $"Title: {content.Title}",
            $"Summary: {content.Summary}",
            $"CCM areas: {Labels<CcmAreas>(content.Areas, PostingLabels.Label)}",
            $"Type of assistance: {Labels<AssistanceTypes>(content.AssistanceTypes, PostingLabels.Label)}",
            $"Countries: {string.Join(", ", content.Countries.Select(countryName))}",
            $"Regions: {Labels<Regions>(content.Regions, PostingLabels.Label)}",
            .. role,
            .. modalities,
            $"Indicative budget: {content.Currency} {content.Budget}".TrimEnd(),
            $"Period: {content.Period}",
            .. deadline,
            $"Contact point: {content.ContactPoint}",
            $"Open to: {content.Visibility.Label()}",
            "",
            content.Body]);
    }

    // A name the canonical text holds that is no longer a code (renamed since) is shown as it was stored.
    private static string Labels<T>(IEnumerable<string> names, Func<T, string> label)
        where T : struct, Enum =>
        string.Join(", ", names.Select(n => Enum.TryParse<T>(n, out var value) && Enum.IsDefined(value) ? label(value) : n));
}
