namespace Portal.Data;

public enum BuildStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,

    /// <summary>Succeeded once; its files were removed to save room (<c>BuildPurge</c>), its record and hashes kept.</summary>
    FilesRemoved,
}

/// <summary>
/// One build of the book: kept with its time, the fingerprint of its inputs and the hash of each file, so that a
/// reader can tell two editions apart and a build from the same accepted contributions can be checked.
/// </summary>
public class CatalogueBuild
{
    public int Id { get; set; }

    public int CallId { get; set; }

    /// <summary>An edition for observers leaves out what contributors marked "States only".</summary>
    public bool ForObservers { get; set; }

    public BuildStatus Status { get; set; }

    /// <summary>What the build is doing now, in a sentence ("Laying out the PDF: pass 2 of 2.").</summary>
    public string Progress { get; set; } = "";

    /// <summary>Why it failed, in a sentence the editors understand; the details are in the log.</summary>
    public string? Error { get; set; }

    /// <summary>SHA-256 over every input (texts and images, in book order).</summary>
    public string? Fingerprint { get; set; }

    public int Chapters { get; set; }

    /// <summary>Pages of the PDF, once printed.</summary>
    public int? Pages { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// Set when a builder claims the build; only the run holding it may beat, store the result or fail the build, so
    /// that a run the sweep gave up on (or another instance took over) cannot overwrite what happened since.
    /// </summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>Written by the running build at every progress update and every 30 s; a stale one means the run died.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>When its files were removed to save room (status <see cref="BuildStatus.FilesRemoved"/>).</summary>
    public DateTimeOffset? FilesRemovedAt { get; set; }

    /// <summary>
    /// When the editors gave this build to its readers; null while only editors see it (a build made to check the
    /// layout, or one withdrawn). At most one build of an edition is published: publishing another retires it.
    /// </summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public List<BuildFile> Files { get; set; } = [];
}

public enum BuildFileKind
{
    Pdf,
    Epub,
    Html,

    /// <summary>A document of the web edition (the EPUB's XHTML, read inside the portal), named by its file name.</summary>
    WebPage,

    /// <summary>A figure of the web edition, named by its file name.</summary>
    WebImage,
}

public class BuildFile
{
    public int Id { get; set; }

    public int BuildId { get; set; }

    public BuildFileKind Kind { get; set; }

    /// <summary>The file name of a web edition's page or image ("chapter-001.xhtml", "images/figure-001.jpg"); empty for the downloads.</summary>
    public string Name { get; set; } = "";

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    public BuildFileContent? Content { get; set; }
}

public class BuildFileContent
{
    public int FileId { get; set; }

    public required byte[] Data { get; set; }
}
