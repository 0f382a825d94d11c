namespace Portal.Data;

public enum ParticipantKind
{
    State,
    InternationalOrganisation,
    Ngo,
}

public enum CcmStatus
{
    NotParty,
    Signatory,
    StateParty,
}

/// <summary>A State or an admitted organisation; accounts, sessions and (later) postings belong to one.</summary>
public class Participant
{
    public int Id { get; set; }

    public ParticipantKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-3 for States; a short slug for organisations. Unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>UN M49 numeric code (States only).</summary>
    public string? M49 { get; set; }

    public string? Region { get; set; }

    public string? Subregion { get; set; }

    /// <summary>CCM status; null for organisations.</summary>
    public CcmStatus? CcmStatus { get; set; }

    /// <summary>Whether the coordinator lets this organisation publish (observers read only by default).</summary>
    public bool MayPublish { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsState => Kind == ParticipantKind.State;
}
