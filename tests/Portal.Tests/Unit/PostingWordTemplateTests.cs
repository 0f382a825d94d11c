using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Data;
using Portal.Features.Files;
using Portal.Features.Postings;
using Portal.Features.WordImport;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>
/// The Word template States may write in: a valid .docx, always the same bytes, and read back by the import into every
/// field of the form, with the headings as the text's headings and none of the portal's guidance as the State's words.
/// </summary>
public class PostingWordTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly CountryOption[] Countries =
    [
        new("CIV", "Côte d'Ivoire", "Africa", "Sub-Saharan Africa"),
        new("LAO", "Lao People's Democratic Republic", "Asia", "South-eastern Asia"),
    ];

    public static TheoryData<PostingKind> Kinds => [.. Enum.GetValues<PostingKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Create_IsAValidWordDocument_WithTheSameBytesEveryTime(PostingKind kind)
    {
        var docx = PostingWordDocument.Create(kind);

        Assert.Equal(docx, PostingWordDocument.Create(kind));
        Assert.Equal(AttachmentType.Docx, AttachmentInspector.Inspect(PostingWordTemplate.FileName(kind), docx).File?.Type);
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Import_TemplateAsDownloaded_GivesTheTableAndTheHeadings_AndNoneOfTheGuidance(PostingKind kind)
    {
        var imported = DocxImporter.Import(new MemoryStream(PostingWordDocument.Create(kind)));

        Assert.Equal((null, null, null, null), (imported.Title, imported.Core.Title, imported.Core.Summary, imported.Core.ContactPoint));
        Assert.Empty(imported.Core.Fields);
        var body = BodySections.WithoutGuidance(imported.Markdown);
        var rows = PostingWordTemplate.Rows(kind);
        var headings = PostingTemplates.SectionsFor(kind).Select(s => s.Heading).ToList();
        Assert.Equal(
            $"| {rows[0]} |  |\n| --- | --- |\n{string.Concat(rows.Skip(1).Select(r => $"| {r} |  |\n"))}\n"
            + string.Join("\n", headings.Select(h => $"## {h}\n")),
            body);
        Assert.Equal(headings, BodySections.Unfinished(body));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Import_TemplateFilledInWord_PutsEveryValueInItsFormField_AndTheTextUnderItsHeadings(PostingKind kind)
    {
        var sections = PostingTemplates.SectionsFor(kind).ToDictionary(s => s.Heading, s => $"What the State writes under “{s.Heading}”.");
        var docx = FilledTemplate.Fill(PostingWordDocument.Create(kind), Filled(kind), sections);

        var imported = DocxImporter.Import(new MemoryStream(docx));
        var form = PostingForm.For(kind, "LAO", Now);
        form.Title = imported.Title ?? imported.Core.Title;
        form.Summary = imported.Core.Summary;
        form.ContactPoint = imported.Core.ContactPoint;
        form.Period = imported.Core.Period;
        form.Body = imported.Markdown;
        DocumentClassification.Apply(imported.Core, form, Countries);
        var errors = new ModelStateDictionary();
        var budget = form.Validate(errors, new HashSet<string>(Countries.Select(c => c.Code)), Now);

        Assert.Empty(errors.SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage));
        Assert.Equal("Physical rehabilitation in Xieng Khouang", form.Title);
        Assert.Equal("Lao PDR seeks partners to extend physical rehabilitation to three districts.", form.Summary);
        Assert.Equal([CcmAreas.VictimAssistance, CcmAreas.CapacityBuilding], form.Areas);
        Assert.Equal([AssistanceTypes.Technical, AssistanceTypes.Training], form.AssistanceTypes);
        Assert.Equal(["LAO"], form.Countries);
        Assert.Equal([Regions.SouthEasternAsia], form.Regions);
        Assert.Equal(PostingForm.HasBudgetFor(kind) ? (250_000m, "USD") : (null, null), (budget, form.Currency));
        Assert.Equal("2027–2028", form.Period);
        Assert.Equal("Victim assistance unit\nva@nra.test", form.ContactPoint);
        Assert.Equal(Visibility.StatesAndObservers, form.Visibility);
        Assert.Equal(new DateOnly(2027, 12, 31), form.ValidUntil);
        // The text: the table as the State filled it, then each heading with what was written under it; no guidance.
        var text = form.Body!;
        Assert.StartsWith("| Title | Physical rehabilitation in Xieng Khouang |\n", text, StringComparison.Ordinal);
        Assert.EndsWith(string.Concat(sections.Select(s => $"## {s.Key}\n\n{s.Value}\n\n")).TrimEnd('\n') + "\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PostingWordTemplate.Guidance(kind), text.Contains);
        Assert.Empty(BodySections.Unfinished(text));
    }

    [Fact]
    public void Import_TemplateWithAnEmptySummaryRow_TakesTheFirstTextUnderAHeading_NotTheGuidance()
    {
        var docx = FilledTemplate.Fill(
            PostingWordDocument.Create(PostingKind.Need),
            new Dictionary<string, string>(),
            new Dictionary<string, string> { ["What is needed"] = "Two survey teams for six months." });

        var core = DocxImporter.Import(new MemoryStream(docx)).Core;

        Assert.Equal("Two survey teams for six months.", core.Summary);
        // "Contact and next steps" holds only its guidance: no contact point.
        Assert.Null(core.ContactPoint);
    }

    /// <summary>Every row of the kind's table, in the words the template's guidance asks for.</summary>
    private static Dictionary<string, string> Filled(PostingKind kind)
    {
        var values = new Dictionary<string, string>
        {
            ["Title"] = "Physical rehabilitation in Xieng Khouang",
            ["Summary"] = "Lao PDR seeks partners to extend physical rehabilitation to three districts.",
            ["CCM areas"] = "Victim assistance (Art. 5), Capacity building",
            ["Type of assistance"] = "Technical, Training",
            ["Countries and regions concerned"] = "Lao People's Democratic Republic, South-East Asia",
            ["Indicative budget"] = "USD 250,000",
            ["Period"] = "2027–2028",
            ["Contact point"] = "Victim assistance unit\nva@nra.test",
            ["Who may read it"] = "States and observers",
            ["Valid until"] = "31 December 2027",
        };
        Assert.Subset(values.Keys.ToHashSet(), PostingWordTemplate.Rows(kind).ToHashSet());
        return values;
    }
}
