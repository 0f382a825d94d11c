namespace Portal.Features.Catalogue.Book;

/// <summary>
/// Everything a build of the catalogue needs, taken from the database in one read: the builders never query, so that
/// the same edition gives the same book (EPUB byte for byte, PDF text for text) and its fingerprint says what went in.
/// </summary>
/// <remarks>
/// <para><c>Identifier</c>: A stable identifier for the package metadata (for example "urn:uuid:…" derived from the call).</para>
/// <para><c>Foreword</c>: Markdown written by the editors; empty when there is none.</para>
/// <para><c>Introduction</c>: Markdown written by the editors; empty when there is none.</para>
/// <para><c>Modified</c>: The time the edition's inputs last changed (never the clock at build time).</para>
/// <para><c>ForObservers</c>: An edition for observers leaves out what a contributor marked "States only"; the caller has already left it out, the builders only say so on the title page.</para>
/// </remarks>
public sealed record BookEdition(
    string Identifier,
    string Title,
    string Subtitle,
    string Publisher,
    DateOnly PublicationDate,
    DateTimeOffset Modified,
    string Foreword,
    string Introduction,
    string Licence,
    bool ForObservers,
    IReadOnlyList<BookPart> Parts)
{
    public IEnumerable<BookChapter> Chapters => Parts.SelectMany(p => p.Chapters);

    /// <summary>Every contribution in the book, in its order: each chapter's own, then those joined to it.</summary>
    public IEnumerable<BookChapter> Contributions => Chapters.SelectMany(c => c.Members);
}

/// <summary>A group of chapters (by CCM provision or by region, as the editors chose), in the editors' order.</summary>
public sealed record BookPart(string Title, IReadOnlyList<BookChapter> Chapters);

/// <summary>One accepted contribution: a chapter, or with <see cref="Joined"/> the first of a joint chapter.</summary>
/// <remarks>
/// <para><c>Key</c>: Unique within the edition, safe in file names and ids: letters, digits and hyphens only (for example "c-12" for contribution 12).</para>
/// <para><c>Body</c>: Markdown under the suggested headings (context, what was done, results, lessons learned); its headings start at level 2 whatever the author wrote. It may not reference files: images in it are not shown.</para>
/// </remarks>
public sealed record BookChapter(
    string Key,
    string Title,
    string Participant,
    IReadOnlyList<BookAuthor> Authors,
    string Provisions,
    string Period,
    string Body,
    IReadOnlyList<BookTestimonial> Testimonials,
    IReadOnlyList<BookFigure> Figures)
{
    /// <summary>
    /// The other contributions on the same project (a donor's and a recipient's accounts, say) that the editors joined
    /// to this one: one chapter under this one's title, each keeping its own authors and participant. Never nested.
    /// </summary>
    public IReadOnlyList<BookChapter> Joined { get; init; } = [];

    /// <summary>This contribution, then those joined to it.</summary>
    public IEnumerable<BookChapter> Members => Joined.Prepend(this);

    public bool IsJoint => Joined.Count > 0;
}

public sealed record BookAuthor(string Name, string Function, string Organisation);

/// <summary>A testimonial whose consent to publish was given (others never reach the book).</summary>
public sealed record BookTestimonial(string Quote, string Person, string Role, string Place);

/// <summary>A photograph, already re-encoded without metadata.</summary>
/// <remarks>
/// <para><c>Key</c>: Unique within the edition, letters, digits and hyphens only (for example "f-31").</para>
/// <para><c>PrintJpeg</c>: At print resolution, for the PDF.</para>
/// <para><c>WebJpeg</c>: Scaled for the web edition and the EPUB.</para>
/// </remarks>
public sealed record BookFigure(
    string Key,
    string Caption,
    string Credit,
    string AltText,
    byte[] PrintJpeg,
    int PrintWidth,
    int PrintHeight,
    byte[] WebJpeg,
    int WebWidth,
    int WebHeight);
