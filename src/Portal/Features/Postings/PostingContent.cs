using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>
/// Everything a published version says, in the canonical form its fingerprint is taken over: UTF-8 JSON with the
/// fields in this order, lists in a fixed order, line endings as LF, amounts with two decimals. The validity date is
/// not content (renewing does not change what a State said) and is left out. An offer's application deadline is
/// written only when it has one, so that every version published before deadlines existed keeps its canonical text; so
/// are an offer's or experience's role and modalities, for versions published before those existed and for needs.
/// </summary>
public sealed record PostingContent(
    string Participant,
    PostingKind Kind,
    string Title,
    string Summary,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> AssistanceTypes,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Regions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CooperationRole? Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Modalities,
    string? Budget,
    string? Currency,
    string? Period,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ApplicationDeadline,
    string ContactPoint,
    Visibility Visibility,
    string Body)
{
    public const string Format = "ccm-cooperation-portal/posting/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Readable when downloaded; served only as an attachment with nosniff, never inlined in a page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static PostingContent Of(Posting posting, string participantCode) => new(
        participantCode,
        posting.Kind,
        Lf(posting.Title),
        Lf(posting.Summary),
        Flags(posting.Areas),
        Flags(posting.AssistanceTypes),
        [.. posting.Countries.Select(c => c.CountryCode).Order(StringComparer.Ordinal)],
        Flags(posting.ChosenRegions),
        posting.Role,
        posting.Modalities == CooperationModalities.None ? null : Flags(posting.Modalities),
        posting.Budget?.ToString("0.00", CultureInfo.InvariantCulture),
        posting.Currency,
        posting.Period is null ? null : Lf(posting.Period),
        posting.ApplicationDeadline,
        Lf(posting.ContactPoint),
        posting.Visibility,
        Lf(posting.Body));

    public string ToCanonical()
    {
        var document = new SortedFields(Format, this);
        return JsonSerializer.Serialize(document, Json) + "\n";
    }

    public static PostingContent FromCanonical(string canonical) =>
        JsonSerializer.Deserialize<SortedFields>(canonical, Json)?.Content
        ?? throw new InvalidDataException("Not a posting version.");

    public static string Fingerprint(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    /// <summary>Browsers send CRLF from text areas; the same words typed on any system give the same fingerprint.</summary>
    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string[] Flags<T>(T value)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(f => Convert.ToInt32(f, CultureInfo.InvariantCulture) != 0 && value.HasFlag(f))
            .Select(f => f.ToString())];

    private sealed record SortedFields(string Format, PostingContent Content);
}

public static class PostingPublication
{
    /// <summary>
    /// Appends the next version, taken over the posting's current content, and marks the posting published at that
    /// time: the one way a version is made (publishing, sample data, benchmark data).
    /// </summary>
    public static PostingVersion AppendVersion(
        this Posting posting, string ownerCode, string authorUserId, string authorName, bool onBehalf, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var canonical = PostingContent.Of(posting, ownerCode).ToCanonical();
        posting.CurrentVersion++;
        var version = new PostingVersion
        {
            Number = posting.CurrentVersion,
            ParticipantId = posting.ParticipantId,
            AuthorUserId = authorUserId,
            AuthorName = authorName,
            OnBehalf = onBehalf,
            PublishedAt = at,
            CanonicalContent = canonical,
            Fingerprint = PostingContent.Fingerprint(canonical),
        };
        posting.Versions.Add(version);
        posting.Status = PostingStatus.Published;
        posting.PublishedAt = at;
        return version;
    }
}
