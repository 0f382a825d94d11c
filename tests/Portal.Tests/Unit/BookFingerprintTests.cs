using Portal.Features.Catalogue.Book;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

public class BookFingerprintTests
{
    /// <summary>One change per field of the input model, named "Type.Field"; each must change the fingerprint.</summary>
    private static readonly Dictionary<string, Func<BookEdition, BookEdition>> Changes = new(StringComparer.Ordinal)
    {
        ["BookEdition.Identifier"] = e => e with { Identifier = e.Identifier + "0" },
        ["BookEdition.Title"] = e => e with { Title = e.Title + " " },
        ["BookEdition.Subtitle"] = e => e with { Subtitle = "" },
        ["BookEdition.Publisher"] = e => e with { Publisher = e.Publisher.ToUpperInvariant() },
        ["BookEdition.PublicationDate"] = e => e with { PublicationDate = e.PublicationDate.AddDays(1) },
        ["BookEdition.Modified"] = e => e with { Modified = e.Modified.AddTicks(1) },
        ["BookEdition.Foreword"] = e => e with { Foreword = e.Foreword + "\n" },
        ["BookEdition.Introduction"] = e => e with { Introduction = e.Introduction.Replace("\n", "\r\n", StringComparison.Ordinal) },
        ["BookEdition.Licence"] = e => e with { Licence = e.Licence + "." },
        ["BookEdition.ForObservers"] = e => e with { ForObservers = !e.ForObservers },
        ["BookEdition.Parts"] = e => e with { Parts = [.. e.Parts.Reverse()] },
        ["BookPart.Title"] = e => e with { Parts = [e.Parts[0] with { Title = "Another title" }, .. e.Parts.Skip(1)] },
        ["BookPart.Chapters"] = e => e with { Parts = [e.Parts[0] with { Chapters = [.. e.Parts[0].Chapters.Reverse()] }, .. e.Parts.Skip(1)] },
        ["BookChapter.Key"] = e => Chapter(e, c => c with { Key = "c-100" }),
        ["BookChapter.Title"] = e => Chapter(e, c => c with { Title = c.Title + "!" }),
        ["BookChapter.Participant"] = e => Chapter(e, c => c with { Participant = "Cambodia" }),
        ["BookChapter.Authors"] = e => Chapter(e, c => c with { Authors = [.. c.Authors.Reverse()] }),
        ["BookChapter.Provisions"] = e => Chapter(e, c => c with { Provisions = "Article 4" }),
        ["BookChapter.Period"] = e => Chapter(e, c => c with { Period = "2024" }),
        ["BookChapter.Body"] = e => Chapter(e, c => c with { Body = c.Body + " " }),
        ["BookChapter.Testimonials"] = e => Chapter(e, c => c with { Testimonials = [] }),
        ["BookChapter.Figures"] = e => Chapter(e, c => c with { Figures = [.. c.Figures.Reverse()] }),
        ["BookChapter.Joined"] = e => Chapter(e, c => c with { Joined = [SampleBook.Chapter(9, "The donor's account", "Norway", figures: 0)] }),
        ["BookAuthor.Name"] = e => Chapter(e, c => c with { Authors = [c.Authors[0] with { Name = "Someone" }, .. c.Authors.Skip(1)] }),
        ["BookAuthor.Function"] = e => Chapter(e, c => c with { Authors = [c.Authors[0] with { Function = "Adviser" }, .. c.Authors.Skip(1)] }),
        ["BookAuthor.Organisation"] = e => Chapter(e, c => c with { Authors = [c.Authors[0] with { Organisation = "Ministry" }, .. c.Authors.Skip(1)] }),
        ["BookTestimonial.Quote"] = e => Chapter(e, c => c with { Testimonials = [c.Testimonials[0] with { Quote = "Another quote." }] }),
        ["BookTestimonial.Person"] = e => Chapter(e, c => c with { Testimonials = [c.Testimonials[0] with { Person = "Another person" }] }),
        ["BookTestimonial.Role"] = e => Chapter(e, c => c with { Testimonials = [c.Testimonials[0] with { Role = "Nurse" }] }),
        ["BookTestimonial.Place"] = e => Chapter(e, c => c with { Testimonials = [c.Testimonials[0] with { Place = "Vientiane" }] }),
        ["BookFigure.Key"] = e => Figure(e, f => f with { Key = "f-100" }),
        ["BookFigure.Caption"] = e => Figure(e, f => f with { Caption = "Another caption" }),
        ["BookFigure.Credit"] = e => Figure(e, f => f with { Credit = "Another photographer" }),
        ["BookFigure.AltText"] = e => Figure(e, f => f with { AltText = "Another description" }),
        ["BookFigure.PrintJpeg"] = e => Figure(e, f => f with { PrintJpeg = OneByteChanged(f.PrintJpeg) }),
        ["BookFigure.PrintWidth"] = e => Figure(e, f => f with { PrintWidth = f.PrintWidth + 1 }),
        ["BookFigure.PrintHeight"] = e => Figure(e, f => f with { PrintHeight = f.PrintHeight + 1 }),
        ["BookFigure.WebJpeg"] = e => Figure(e, f => f with { WebJpeg = OneByteChanged(f.WebJpeg) }),
        ["BookFigure.WebWidth"] = e => Figure(e, f => f with { WebWidth = f.WebWidth + 1 }),
        ["BookFigure.WebHeight"] = e => Figure(e, f => f with { WebHeight = f.WebHeight + 1 }),
    };

    public static TheoryData<string> ChangeNames => [.. Changes.Keys];

    [Fact]
    public void Of_TwoEditionsWithTheSameInputs_ShareOneFingerprint()
    {
        var first = BookFingerprint.Of(SampleBook.Edition());

        Assert.Equal(first, BookFingerprint.Of(SampleBook.Edition()));
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public void Of_OneFieldChanged_GivesAnotherFingerprint(string field)
    {
        var edition = SampleBook.Edition();
        var changed = Changes[field](edition);

        Assert.NotEqual(BookFingerprint.Of(edition), BookFingerprint.Of(changed));
    }

    [Fact]
    public void Changes_CoverEveryFieldOfTheInputModel()
    {
        var fields = new[] { typeof(BookEdition), typeof(BookPart), typeof(BookChapter), typeof(BookAuthor), typeof(BookTestimonial), typeof(BookFigure) }
            .SelectMany(type => type.GetProperties().Where(p => p.SetMethod?.IsPublic == true).Select(p => $"{type.Name}.{p.Name}"));

        Assert.Equal(fields.Order(StringComparer.Ordinal), Changes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_TextMovedFromOneFieldToTheNext_GivesAnotherFingerprint()
    {
        var edition = SampleBook.Edition() with { Title = "ab", Subtitle = "c" };

        Assert.NotEqual(BookFingerprint.Of(edition), BookFingerprint.Of(edition with { Title = "a", Subtitle = "bc" }));
    }

    [Fact]
    public void Of_LoneSurrogate_DiffersFromTheReplacementCharacter()
    {
        var edition = SampleBook.Edition();

        Assert.NotEqual(BookFingerprint.Of(edition with { Title = "\uD800" }), BookFingerprint.Of(edition with { Title = "\uFFFD" }));
    }

    /// <summary>
    /// Builds are kept with their fingerprint: a change of the canonical form must be deliberate. The value was
    /// computed apart from the portal, by a short Python script that follows BookFingerprint's remarks.
    /// </summary>
    [Fact]
    public void Of_SmallestEdition_IsPinned()
    {
        var edition = new BookEdition("urn:uuid:x", "T", "", "P", new DateOnly(2027, 6, 1), new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero),
            "", "", "L", false, [new BookPart("Part", [new BookChapter("c-1", "C", "Lao", [new BookAuthor("A", "", "")], "", "", "Body", [],
                [new BookFigure("f-1", "Cap", "Cred", "Alt", [1, 2], 1, 1, [3], 1, 1)])])]);

        Assert.Equal("fc763ae7702b8a95c910be936346c82ab70fe3293b1033c35d37d0c9e0e1ead4", BookFingerprint.Of(edition));
    }

    private static BookEdition Chapter(BookEdition edition, Func<BookChapter, BookChapter> change)
    {
        var part = edition.Parts[0];
        return edition with { Parts = [part with { Chapters = [change(part.Chapters[0]), .. part.Chapters.Skip(1)] }, .. edition.Parts.Skip(1)] };
    }

    private static BookEdition Figure(BookEdition edition, Func<BookFigure, BookFigure> change) =>
        Chapter(edition, c => c with { Figures = [change(c.Figures[0]), .. c.Figures.Skip(1)] });

    private static byte[] OneByteChanged(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        copy[^3] ^= 1;
        return copy;
    }
}
