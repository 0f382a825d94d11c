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
/// An account's wish to hear of new postings of some kinds, areas and regions. An empty set asks for every value:
/// nothing chosen at all is every new posting the account may see.
/// </summary>
public class Subscription
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public PortalUser? User { get; set; }

    public PostingKinds Kinds { get; set; }

    public CcmAreas Areas { get; set; }

    public Regions Regions { get; set; }

    public DigestTiming Timing { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Postings published up to this moment have been considered for this subscription; the next e-mail starts after it.</summary>
    public DateTimeOffset CoveredUntil { get; set; }
}
