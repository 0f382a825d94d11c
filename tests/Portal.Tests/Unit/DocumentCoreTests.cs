using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Data;
using Portal.Features.Postings;
using Portal.Features.WordImport;
using static Portal.Tests.Infrastructure.DocxBuilder;

namespace Portal.Tests.Unit;

/// <summary>What a document says about its core is read in its own words, and nothing it does not say is guessed.</summary>
public class DocumentCoreTests
{
    private static readonly CountryOption[] Countries =
    [
        new("CIV", "Côte d'Ivoire", "Africa", "Sub-Saharan Africa"),
        new("LAO", "Lao People's Democratic Republic", "Asia", "South-eastern Asia"),
    ];

    [Fact]
    public void Read_SampleNeed_TakesTheFirstParagraphAsSummary_AndTheLabelledContactLine()
    {
        var core = DocxImporter.Import(new MemoryStream(SampleNeed())).Core;

        Assert.Equal(
            "Xieng Khouang is among the provinces most affected by cluster munition remnants. Over 300 survivors live in the three districts concerned, most of them in rural villages.",
            core.Summary);
        Assert.Equal("the Permanent Mission in Geneva.", core.ContactPoint);
        // Its table (District | Survivors | Health centres) names no field of the core.
        Assert.Empty(core.Fields);
    }

    [Fact]
    public void Read_FirstParagraphLongerThanASummaryHolds_KeepsItsLeadingSentences()
    {
        var sentence = "The survey of the northern districts found contamination on land that villages need for farming. ";
        var paragraph = string.Concat(Enumerable.Repeat(sentence, 20)).TrimEnd();

        var core = Read(Paragraph(paragraph));

        // 15 sentences of 97 characters (with the space after each) fit in 1,500; not a word is added.
        Assert.Equal(string.Concat(Enumerable.Repeat(sentence, 15)).TrimEnd(), core.Summary);
    }

    [Fact]
    public void Read_TextUnderTheCoresHeadings_IsNotTakenAsTheFirstParagraph()
    {
        var core = Read(
            Heading(1, "Countries"),
            Paragraph("Lao People's Democratic Republic"),
            Heading(1, "Contact"),
            Paragraph("Mine action authority"),
            Heading(1, "Background"),
            Paragraph("Farmland in two provinces is still contaminated."));

        Assert.Equal("Farmland in two provinces is still contaminated.", core.Summary);
        Assert.Equal("Mine action authority", core.ContactPoint);
        Assert.Equal("Lao People's Democratic Republic", core.Fields[CoreField.Countries]);
    }

    [Fact]
    public void Read_ASummaryRowInALaterTable_IsNotTheTemplatesTable()
    {
        var core = Read(
            Paragraph("Our first paragraph."),
            Table(["District", "Survivors"], ["Pek", "124"]),
            Table(["Summary", "A summary in the second table."]));

        Assert.Equal("Our first paragraph.", core.Summary);
    }

    [Theory]
    [InlineData("Victim assistance (Art. 5)", CcmAreas.VictimAssistance)]
    [InlineData("victim assistance", CcmAreas.VictimAssistance)]
    [InlineData("Clearance and risk education — Art. 4", CcmAreas.ClearanceAndRiskEducation)]
    [InlineData("Article 21", CcmAreas.Universalization)]
    [InlineData("Gender and diversity", CcmAreas.GenderAndDiversity)]
    [InlineData("Victim assistance (Art. 4)", CcmAreas.None)]
    [InlineData("Demining", CcmAreas.None)]
    public void Apply_AnArea_IsReadFromItsLabelOrArticle_AndANameThatContradictsItsArticleIsLeftOut(string written, CcmAreas expected)
    {
        var form = Classified(Need(), Table(["CCM areas", written]));

        Assert.Equal(expected, form.Areas.Aggregate(CcmAreas.None, (all, a) => all | a));
    }

    [Fact]
    public void Apply_CountriesRegionsAndBudget_AreReadOnlyWhenThePortalKnowsThem()
    {
        var form = Classified(Need(), Table(
            ["Countries concerned:", "Cote d’Ivoire; LAO; Atlantis; the Americas"],
            ["Indicative budget", "250 000 EUR"],
            ["Visibility", "Everyone"],
            ["Valid until", "31/12/2027"]));

        Assert.Equal(["CIV", "LAO"], form.Countries);
        Assert.Equal([Regions.Americas], form.Regions);
        Assert.Equal(("250 000", "EUR"), (form.Budget, form.Currency));
        // Not a choice the form offers, and a date that could be read two ways: left as they were.
        Assert.Equal(Visibility.StatesOnly, form.Visibility);
        Assert.Equal(new DateOnly(2027, 1, 1), form.ValidUntil);
    }

    [Theory]
    [InlineData("250,000", null)]
    [InlineData("250,000 XYZ", null)]
    [InlineData("about 1 million USD", null)]
    [InlineData("USD 250,000", "250,000 USD")]
    public void Apply_ABudgetWithoutACurrencyTheFormOffers_IsLeftOut(string written, string? expected)
    {
        var form = Classified(Need(), Table(["Budget", written]));

        Assert.Equal(expected, form.Budget is null ? null : $"{form.Budget} {form.Currency}");
    }

    private static DocumentCore Read(params DocumentFormat.OpenXml.OpenXmlElement[] blocks) =>
        DocxImporter.Import(new MemoryStream(Create(body => body.Append(blocks)))).Core;

    private static PostingForm Need() => new() { Kind = PostingKind.Need, ValidUntil = new DateOnly(2027, 1, 1) };

    private static PostingForm Classified(PostingForm form, Table table)
    {
        DocumentClassification.Apply(Read(table, Paragraph("Text.")), form, Countries);
        return form;
    }
}
