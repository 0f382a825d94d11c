namespace Portal.Data;

public enum ContributionStatus
{
    /// <summary>Being written: only the participant's accounts and nobody else see it.</summary>
    Draft,

    /// <summary>With the editors.</summary>
    Submitted,

    /// <summary>Sent back by the editors with a comment; the authors revise and submit again, even after the deadline.</summary>
    RevisionRequested,

    /// <summary>In the book.</summary>
    Accepted,

    /// <summary>Taken back by its participant.</summary>
    Withdrawn,
}

/// <summary>The CCM provisions a contribution concerns.</summary>
[Flags]
public enum CcmProvisions
{
    None = 0,
    Article3 = 1 << 0,
    Article4 = 1 << 1,
    Article5 = 1 << 2,
    Article6 = 1 << 3,
    Article7 = 1 << 4,
    Article9 = 1 << 5,
    Article21 = 1 << 6,
    CrossCutting = 1 << 7,
}

/// <summary>One cooperation project written up for the catalogue by a participant.</summary>
public class Contribution
{
    public int Id { get; set; }

    public int CallId { get; set; }

    public CatalogueCall? Call { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public required string Title { get; set; }

    public CcmProvisions Provisions { get; set; }

    public CooperationRole? Role { get; set; }

    public CooperationModalities Modalities { get; set; }

    public string Period { get; set; } = "";

    /// <summary>Markdown under the suggested headings (context, what was done, results, lessons learned).</summary>
    public string Body { get; set; } = "";

    /// <summary>Left out of an edition built for observers.</summary>
    public bool StatesOnly { get; set; }

    /// <summary>The statement that the material is free of copyright restrictions for this publication, attribution as given.</summary>
    public bool Consent { get; set; }

    public ContributionStatus Status { get; set; }

    /// <summary>The editors' latest comment to the authors (with a revision request, or on acceptance).</summary>
    public string? EditorComment { get; set; }

    /// <summary>Pages the text and testimonials take when laid out with the book's stylesheet, at the last count.</summary>
    public int? LaidOutPages { get; set; }

    /// <summary>The same with the pictures, which are shown but do not count against the limit.</summary>
    public int? LaidOutPagesWithPictures { get; set; }

    /// <summary>The chapter group the editors put it in (a provision or a region), and its place there.</summary>
    public string? ChapterGroup { get; set; }

    public int ChapterOrder { get; set; }

    /// <summary>
    /// The contribution whose chapter this one is part of, when the editors joined two accounts of one project (a
    /// donor's and a recipient's): the book shows both under that one's title. Null for a chapter of its own.
    /// </summary>
    public int? JoinedToId { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>
    /// When the editors were e-mailed that it waits for their decision; null from each submission until the next notice
    /// (<see cref="Features.Catalogue.ContributionNotices"/>), which comes at most once per interval.
    /// </summary>
    public DateTimeOffset? EditorsToldAt { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>Bumped by every change, for optimistic concurrency and the page count's freshness.</summary>
    public int Version { get; set; }

    public List<ContributionAuthor> Authors { get; set; } = [];

    public List<ContributionTestimonial> Testimonials { get; set; } = [];

    public List<ContributionFigure> Figures { get; set; } = [];

    // Entered by an editor on the participant's behalf from a Word file that reached the editors by e-mail; all null
    // otherwise. The participant's focal points own it as any other draft of theirs.

    /// <summary>The editor (user id) who entered it.</summary>
    public string? EnteredOnBehalfBy { get; set; }

    /// <summary>Who sent the file to the editors, as the editor typed it.</summary>
    public string? ReceivedFromName { get; set; }

    public string? ReceivedFromEmail { get; set; }

    public string? ImportedFileName { get; set; }

    /// <summary>SHA-256 of the file as received, lowercase hex, for the State to compare with the file it sent.</summary>
    public string? ImportedFileSha256 { get; set; }

    public DateTimeOffset? ImportedAt { get; set; }

    /// <summary>What the import did with the file's content, in words (<see cref="Features.WordImport.DocxReport"/>).</summary>
    public string? ImportReport { get; set; }

    // Submitted by an editor on the participant's behalf (SubmittedBy is then the editor), for a State without a focal
    // point account: who sent the e-mail asking for it, as the editor typed it, and its date. Null otherwise.

    /// <summary>Who sent the e-mail the editor submitted it from, as the editor typed it: declared, never verified.</summary>
    public string? SubmittedFromName { get; set; }

    public string? SubmittedFromEmail { get; set; }

    /// <summary>The date of that e-mail, as the editor gave it.</summary>
    public DateOnly? SubmittedFromOn { get; set; }
}

public class ContributionAuthor
{
    public int Id { get; set; }

    public int ContributionId { get; set; }

    public int Position { get; set; }

    public required string Name { get; set; }

    public string Function { get; set; } = "";

    public string Organisation { get; set; } = "";
}

public class ContributionTestimonial
{
    public int Id { get; set; }

    public int ContributionId { get; set; }

    public int Position { get; set; }

    public required string Quote { get; set; }

    public required string Person { get; set; }

    public string Role { get; set; } = "";

    public string Place { get; set; } = "";

    /// <summary>The person quoted agreed to publication; without it the testimonial cannot be submitted.</summary>
    public bool Consent { get; set; }
}

/// <summary>A photograph or graphic, re-encoded on upload without its metadata; the images live in <see cref="FigureImage"/>.</summary>
public class ContributionFigure
{
    public int Id { get; set; }

    public int ContributionId { get; set; }

    public int Position { get; set; }

    public required string Caption { get; set; }

    public required string Credit { get; set; }

    public required string AltText { get; set; }

    public int PrintWidth { get; set; }

    public int PrintHeight { get; set; }

    public int WebWidth { get; set; }

    public int WebHeight { get; set; }

    public required string Sha256 { get; set; }

    public FigureImage? Image { get; set; }
}

public class FigureImage
{
    public int FigureId { get; set; }

    public required byte[] PrintJpeg { get; set; }

    public required byte[] WebJpeg { get; set; }
}

/// <summary>An editor's decision, kept so that the authors and the editors see the history.</summary>
public class ContributionReview
{
    public int Id { get; set; }

    public int ContributionId { get; set; }

    public ContributionStatus Decision { get; set; }

    public string Comment { get; set; } = "";

    public required string EditorId { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>Field lengths, shared by the database mapping and the form's validation messages.</summary>
public static class ContributionLimits
{
    public const int Title = 200;
    public const int Period = 100;
    public const int Body = 100_000;
    public const int Name = 200;
    public const int Quote = 2_000;
    public const int Caption = 500;
    public const int Credit = 200;
    public const int AltText = 500;
    public const int Comment = 4_000;
    public const int Authors = 10;
    public const int Testimonials = 10;
    public const int Figures = 12;
}
