namespace Portal.Data;

/// <summary>The kinds of posting a subscription asks for; none: every kind.</summary>
[Flags]
public enum PostingKinds
{
    None = 0,
    Needs = 1 << (int)PostingKind.Need,
    Offers = 1 << (int)PostingKind.Offer,
    Experiences = 1 << (int)PostingKind.Experience,
}

/// <summary>When a subscription's e-mail goes: within minutes of a publication, or once a week.</summary>
public enum DigestTiming
{
    AtOnce,
    Weekly,
}

/// <summary>
/// A wish to hear of new postings of some kinds, areas and regions, held by an account or by a code holder (exactly
/// one of the two). An empty set asks for every value: nothing chosen at all is every new posting its holder may see.
/// </summary>
public class Subscription
{
    public int Id { get; set; }

    public string? UserId { get; set; }

    public PortalUser? User { get; set; }

    /// <summary>A code holder's subscription, made from the link in their code e-mail; it ends with their holding.</summary>
    public int? CodeHolderId { get; set; }

    public CodeHolder? CodeHolder { get; set; }

    public PostingKinds Kinds { get; set; }

    public CcmAreas Areas { get; set; }

    public Regions Regions { get; set; }

    public DigestTiming Timing { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Postings published up to this moment have been considered for this subscription; the next e-mail starts after it.</summary>
    public DateTimeOffset CoveredUntil { get; set; }
}
