namespace Portal.Data;

public enum PostingKind
{
    Need,
    Offer,
    Experience,
}

public enum PostingStatus
{
    /// <summary>Saved but never published: only the owner sees it.</summary>
    Draft,

    /// <summary>Readable by those its visibility allows, until it expires.</summary>
    Published,

    /// <summary>Taken down by its owner; deleted after the grace period.</summary>
    Withdrawn,

    /// <summary>A newer posting took its place (<see cref="Posting.ReplacedById"/>); deleted after the grace period.</summary>
    Replaced,
}

public enum Visibility
{
    StatesOnly,
    StatesAndObservers,
}

/// <summary>CCM areas (PRODUCT.md), stored as flags so that a filter is one bitwise test.</summary>
[Flags]
public enum CcmAreas
{
    None = 0,
    StockpileDestruction = 1 << 0,
    ClearanceAndRiskEducation = 1 << 1,
    VictimAssistance = 1 << 2,
    CooperationAndAssistance = 1 << 3,
    Transparency = 1 << 4,
    NationalImplementation = 1 << 5,
    Universalization = 1 << 6,
    CapacityBuilding = 1 << 7,
    InformationManagement = 1 << 8,
    GenderAndDiversity = 1 << 9,
}

[Flags]
public enum AssistanceTypes
{
    None = 0,
    Financial = 1 << 0,
    Technical = 1 << 1,
    Equipment = 1 << 2,
    Training = 1 << 3,
    Expertise = 1 << 4,
    Legal = 1 << 5,
}

/// <summary>
/// UN M49 regions (continents) and sub-regions a posting concerns, from the countries chosen and any regions chosen
/// directly, and "Global". Which sub-region is in which region, and their order, is <c>M49Regions</c>; which country is
/// in which is the States file (<c>Data/Seed/states.csv</c>). Stored as an integer: the bits only ever grow.
/// </summary>
[Flags]
public enum Regions
{
    None = 0,
    Africa = 1 << 0,
    Americas = 1 << 1,
    Asia = 1 << 2,
    Europe = 1 << 3,
    Oceania = 1 << 4,
    Global = 1 << 5,
    NorthernAfrica = 1 << 6,
    SubSaharanAfrica = 1 << 7,
    LatinAmericaAndTheCaribbean = 1 << 8,
    NorthernAmerica = 1 << 9,
    CentralAsia = 1 << 10,
    EasternAsia = 1 << 11,
    SouthEasternAsia = 1 << 12,
    SouthernAsia = 1 << 13,
    WesternAsia = 1 << 14,
    EasternEurope = 1 << 15,
    NorthernEurope = 1 << 16,
    SouthernEurope = 1 << 17,
    WesternEurope = 1 << 18,
    AustraliaAndNewZealand = 1 << 19,
    Melanesia = 1 << 20,
    Micronesia = 1 << 21,
    Polynesia = 1 << 22,
}

/// <summary>
/// The parts of a posting that hold a Word document's own words, as the import read them. A part leaves the set as
/// soon as someone changes it: from then on it is typed text, and the form's rules for typed text apply to it.
/// </summary>
[Flags]
public enum ImportedParts
{
    None = 0,
    Text = 1 << 0,
    Title = 1 << 1,
    Summary = 1 << 2,
    ContactPoint = 1 << 3,
    Period = 1 << 4,
}

/// <summary>
/// A need, offer or experience. The row always holds the current content: the draft's text before publication,
/// then the text of the latest <see cref="PostingVersion"/>. Search and lists read only this row.
/// </summary>
public class Posting
{
    public int Id { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public PostingKind Kind { get; set; }

    public PostingStatus Status { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public required string Body { get; set; }

    public CcmAreas Areas { get; set; }

    public AssistanceTypes AssistanceTypes { get; set; }

    /// <summary>Regions chosen directly (for example "Global"); <see cref="Regions"/> adds those of the countries.</summary>
    public Regions ChosenRegions { get; set; }

    /// <summary>Union of <see cref="ChosenRegions"/> and the regions of <see cref="Countries"/>, for filtering.</summary>
    public Regions Regions { get; set; }

    public List<PostingCountry> Countries { get; set; } = [];

    /// <summary>The part the participant played or plays, when an offer or experience states it; never a need's.</summary>
    public CooperationRole? Role { get; set; }

    /// <summary>How the cooperation is organised, when an offer or experience states it; never a need's.</summary>
    public CooperationModalities Modalities { get; set; }

    public decimal? Budget { get; set; }

    /// <summary>ISO 4217 code, with <see cref="Budget"/>.</summary>
    public string? Currency { get; set; }

    public string? Period { get; set; }

    /// <summary>
    /// An offer's last day to apply, in Geneva time (<c>OfferDeadline</c>); null when applications are open until the
    /// offer expires. Needs and experiences never have one.
    /// </summary>
    public DateOnly? ApplicationDeadline { get; set; }

    public required string ContactPoint { get; set; }

    /// <summary>What is still a Word document's own words, as imported (see <see cref="ImportedParts"/>).</summary>
    public ImportedParts FromDocument { get; set; }

    /// <summary>
    /// What the import of the Word document this draft came from did with the document's content, in words
    /// (<see cref="Features.WordImport.DocxReport"/>); null when it was not imported. Copied to the version at publication.
    /// </summary>
    public string? ImportReport { get; set; }

    public Visibility Visibility { get; set; }

    public DateTimeOffset ValidUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the current content was published (the latest version's time); null for a draft.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When it was withdrawn or replaced.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Set once by the expiry job, so that expiry is audited once.</summary>
    public DateTimeOffset? ExpiredAt { get; set; }

    public DateTimeOffset? Reminder30SentAt { get; set; }

    public DateTimeOffset? Reminder7SentAt { get; set; }

    /// <summary>
    /// For a text the coordinator published on the participant's behalf: the address of the person who sent it, as the
    /// coordinator typed it (declared, never verified). It grants no right on the portal; the sender is e-mailed the
    /// versions published on behalf and the reminders, with signed links to renew or withdraw (<c>PostingSenderLinks</c>).
    /// </summary>
    public string? SenderEmail { get; set; }

    /// <summary>The sender's name as the coordinator typed it, when they did; only with <see cref="SenderEmail"/>.</summary>
    public string? SenderName { get; set; }

    public int? ReplacesId { get; set; }

    public int? ReplacedById { get; set; }

    public int CurrentVersion { get; set; }

    /// <summary>Optimistic concurrency: every save increments it, and a save made from an older form is refused.</summary>
    public int Revision { get; set; }

    public bool IsSample { get; set; }

    public List<PostingVersion> Versions { get; set; } = [];

    public List<PostingAttachment> Attachments { get; set; } = [];
}

public class PostingCountry
{
    public int PostingId { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code of a State in the participants list.</summary>
    public required string CountryCode { get; set; }
}

/// <summary>An immutable published text. The database refuses updates to these rows.</summary>
public class PostingVersion
{
    public int Id { get; set; }

    public int PostingId { get; set; }

    public int Number { get; set; }

    /// <summary>The participant the text speaks for.</summary>
    public int ParticipantId { get; set; }

    public required string AuthorUserId { get; set; }

    public required string AuthorName { get; set; }

    /// <summary>True when a coordinator published it for another participant.</summary>
    public bool OnBehalf { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>The canonical content (see PostingFingerprint) this version's fingerprint is taken over.</summary>
    public required string CanonicalContent { get; set; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="CanonicalContent"/>.</summary>
    public required string Fingerprint { get; set; }

    /// <summary>The report of the Word import this version's text came from; null when it was typed or edited since.</summary>
    public string? ImportReport { get; set; }
}

public class PostingAttachment
{
    public int Id { get; set; }

    public int PostingId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }

    public AttachmentContent? Content { get; set; }
}

/// <summary>The bytes, in their own table so that listing attachments never loads them.</summary>
public class AttachmentContent
{
    public int AttachmentId { get; set; }

    public required byte[] Data { get; set; }
}

/// <summary>Field lengths, shared by the database mapping and the form's validation messages.</summary>
public static class PostingLimits
{
    public const int Title = 200;
    public const int Summary = 1500;

    /// <summary>A summary is a real sentence that says what the posting is about, never "x" or "TBD".</summary>
    public const int SummaryMinimum = 30;
    public const int Body = 100_000;
    public const int Period = 100;
    public const int ContactPoint = 500;
    public const int SenderEmail = 256;
    public const int SenderName = 200;
}
