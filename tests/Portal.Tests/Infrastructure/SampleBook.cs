using Portal.Features.Catalogue.Book;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A small edition for the book builders' tests: 3 parts, 5 chapters with tiny JPEG figures, one of them written by an
/// attacker and one joint (a recipient's and a donor's accounts of one project). Each call builds new objects, so two calls are two editions with the same inputs.
/// </summary>
public static class SampleBook
{
    public const string HostileKey = "c-66";

    /// <summary>Characters that XML 1.0 forbids or HTML reports as errors, all of which a form can deliver.</summary>
    public const string ControlCharacters = "\u0001\u0008\u000B\u001F\u007F\u0085\uFDD0\uFFFE\uFFFF";

    public static readonly string VeryLongWord = new('W', 3_000);

    public static readonly string[] HostileBodyLines =
    [
        .. HostileInput.Corpus,
        "![passwd](/etc/passwd) ![local](file:///etc/passwd) ![remote](http://evil/pixel.png) ![own](attachment:x)",
        "[read](attachment:x) [up](../../META-INF/container.xml) [local](file:///etc/passwd) [js](javascript:alert(1)) [vb](vbscript:x)",
        "[evil but a link](http://evil/) and <http://evil/auto>",
        "Character references &#1; &#xFFFE; &#0; &#xD800; and ]]> and <![CDATA[ x ]]> and & alone and &amp;amp;",
        "Controls in text: a" + ControlCharacters + "b",
        "A very long word: " + VeryLongWord,
    ];

    public static BookEdition Edition() => new(
        "urn:uuid:6b1d1f1e-5c2a-5d3e-9f41-1a2b3c4d5e6f",
        "Good practices in cooperation and assistance",
        "Experiences of the States Parties, 2026",
        "States Parties to the Convention on Cluster Munitions",
        new DateOnly(2027, 6, 15),
        new DateTimeOffset(2026, 12, 5, 16, 30, 12, TimeSpan.FromHours(1)),
        "## A word from the editors\n\nThis book gathers what **States** learned.",
        "The chapters are grouped by CCM provision.\n\n- Clearance\n- Victim assistance",
        "Free of copyright restrictions for this publication; reproduce with attribution.",
        ForObservers: false,
        [
            new BookPart("Article 4: Clearance and risk reduction",
            [
                Chapter(1, "Survey before clearance in Xieng Khouang", "Lao People's Democratic Republic", figures: 2),
                Chapter(2, "Regional training of deminers", "Germany", figures: 1),
            ]),
            new BookPart("Article 5: Victim assistance",
            [
                Chapter(3, "Prosthetics close to home", "Lebanon", figures: 1) with
                {
                    Joined = [Chapter(6, "Funding a prosthetics workshop in the south", "Norway", figures: 1)],
                },
                Hostile(),
            ]),
            new BookPart("Cross-cutting: cooperation & assistance", [Chapter(5, "South-South exchanges", "Iraq", figures: 0)]),
        ]);

    public static BookChapter Chapter(int n, string title, string participant, int figures) => new(
        $"c-{n}",
        title,
        participant,
        [new BookAuthor($"Author {n}A", "Programme officer", "Mine Action Centre"), new BookAuthor($"Author {n}B", "", "")],
        "Article 4; Article 6",
        "2023–2025",
        // A footnote and a quotation, as a Word import writes them: the book must hold several texts' notes.
        $"## Context\n\nWhat happened in chapter {n}, with a [link](https://example.org/{n}).[^1]\n\n> A quotation in chapter {n}.\n\n## Results\n\n| what | how many |\n|:--|--:|\n| villages | {n * 10} |\n\n[^1]: A note of chapter {n}.\n",
        [new BookTestimonial($"Quote of chapter {n}.", $"Person {n}", "Deminer", "Phonsavan")],
        [.. Enumerable.Range(1, figures).Select(f => Figure($"f-{n}{f}", $"Caption {n}.{f}", $"Credit {n}.{f}"))]);

    /// <summary>Right-to-left names from a State's own script, as a contributor may give them: Arabic and Hebrew.</summary>
    public static class RightToLeft
    {
        public const string Participant = "الجمهورية اللبنانية";
        public const string Author = "ليلى حداد";
        public const string Function = "مديرة برنامج";
        public const string Organisation = "المركز اللبناني للأعمال المتعلقة بالألغام";
        public const string Person = "נועה כהן";
        public const string Place = "صور";
        public const string Caption = "ورشة الأطراف الاصطناعية في صور";
        public const string Credit = "م. خليل / المركز";

        /// <summary>A chapter whose participant, author, testimonial and figure are named in those scripts.</summary>
        public static BookChapter Chapter(int n) => SampleBook.Chapter(n, "Prosthetics in Tyre", Participant, figures: 0) with
        {
            Authors = [new BookAuthor(Author, Function, Organisation), new BookAuthor("Rami Khalil", "", "")],
            Testimonials = [new BookTestimonial("The workshop is an hour from home.", Person, "Technician", Place)],
            Figures = [Figure($"f-{n}1", Caption, Credit)],
        };
    }

    public static BookFigure Figure(string key, string caption, string credit)
    {
        var jpeg = Jpeg(key);
        return new BookFigure(key, caption, credit, $"Alt text of {key}", Jpeg(key + "-print"), 1, 1, jpeg, 1, 1);
    }

    /// <summary>The 1×1 grey JPEG of <see cref="SampleFiles"/> with a comment segment, so that each figure differs.</summary>
    public static byte[] Jpeg(string comment)
    {
        var plain = SampleFiles.Jpeg();
        var text = System.Text.Encoding.ASCII.GetBytes(comment);
        byte[] segment = [0xFF, 0xFE, (byte)((text.Length + 2) >> 8), (byte)((text.Length + 2) & 0xFF), .. text];
        return [.. plain[..2], .. segment, .. plain[2..]];
    }

    private static BookChapter Hostile() => new(
        HostileKey,
        "<script>alert(1)</script> & ]]> " + ControlCharacters + " title",
        "Evil & Co <b>bold</b>",
        [new BookAuthor("Mallory ]]> <i>" + ControlCharacters, "\"><script>alert(2)</script>", "&amp; Ltd"), new BookAuthor(VeryLongWord, "", "")],
        "\"><img src=x onerror=alert(1)>",
        "<style>*{}</style>",
        string.Join("\n\n", HostileBodyLines),
        [new BookTestimonial("<script>alert(3)</script> ]]> " + ControlCharacters, "Eve <svg onload=alert(4)>", "Role & role", "javascript:alert(5)")],
        [
            Figure("f-661", "<img src=/etc/passwd> caption ]]> " + ControlCharacters, "Credit <a href=\"javascript:alert(6)\">x</a>"),
            new BookFigure("f-662", VeryLongWord, "Credit &amp; more", "\"><script>alert(7)</script>", Jpeg("a"), 1, 1, Jpeg("b"), 1, 1),
        ]);
}
