namespace Portal.Data;

public enum CallStatus
{
    /// <summary>Being written by the editors; nobody else sees it.</summary>
    Draft,

    /// <summary>Announced: open from its opening date to the end of its deadline day in its time zone.</summary>
    Published,

    /// <summary>Called off by the editors; contributions stay with their participants.</summary>
    Cancelled,
}

/// <summary>A call for contributions to the catalogue of good practices.</summary>
public class CatalogueCall
{
    public int Id { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown: what to write about, the suggested headings, how pictures are credited.</summary>
    public required string Instructions { get; set; }

    public DateOnly OpensOn { get; set; }

    /// <summary>The last day on which contributions are taken, to its end in <see cref="TimeZone"/>.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>IANA time zone id, "Europe/Zurich" (Geneva time) unless the editors chose another.</summary>
    public required string TimeZone { get; set; }

    public int PageLimit { get; set; }

    public DateOnly TargetPublication { get; set; }

    /// <summary>Who answers questions, as the editors wrote it (names, missions, addresses).</summary>
    public required string ContactPersons { get; set; }

    public CallStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the opening e-mails went out; null until then.</summary>
    public DateTimeOffset? AnnouncedAt { get; set; }

    /// <summary>Markdown written by the editors for the book's front matter.</summary>
    public string Foreword { get; set; } = "";

    public string Introduction { get; set; } = "";

    /// <summary>How chapters are grouped in the book: by CCM provision or by region.</summary>
    public ChapterGrouping Grouping { get; set; }

    /// <summary>Bumped by every change that a build reads, so that kept reads and builds know they are stale.</summary>
    public int Version { get; set; }

    public List<CallExtension> Extensions { get; set; } = [];
}

public enum ChapterGrouping
{
    Provision,
    Region,
}

/// <summary>A later deadline for one participant, granted by the editors.</summary>
public class CallExtension
{
    public int Id { get; set; }

    public int CallId { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public DateOnly Deadline { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public required string GrantedBy { get; set; }
}

/// <summary>A reminder sent for a call, so that each goes out once (30, 7 and 1 days before the deadline).</summary>
public class CallReminder
{
    public int Id { get; set; }

    public int CallId { get; set; }

    public int DaysBefore { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
