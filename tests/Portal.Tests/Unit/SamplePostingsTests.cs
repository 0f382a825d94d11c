using System.Text.RegularExpressions;
using Portal.Data;
using Portal.Features.Participants;
using Portal.Features.Postings;
using Portal.Features.Sample;

namespace Portal.Tests.Unit;

public partial class SamplePostingsTests
{
    private static readonly IReadOnlyList<SamplePosting> All = SamplePostings.All;

    [Fact]
    public void All_HasAboutFortyPostingsWithAtLeastTenOfEachKind()
    {
        Assert.InRange(All.Count, 36, 45);
        Assert.All(Enum.GetValues<PostingKind>(), kind => Assert.True(All.Count(p => p.Kind == kind) >= 10, $"{kind}"));
    }

    [Fact]
    public void All_CoversEveryAreaTwiceAndEveryAssistanceType()
    {
        foreach (var area in Enum.GetValues<CcmAreas>().Where(a => a != CcmAreas.None))
        {
            Assert.True(All.Count(p => p.Areas.HasFlag(area)) >= 2, $"{area}");
        }

        foreach (var type in Enum.GetValues<AssistanceTypes>().Where(t => t != AssistanceTypes.None))
        {
            Assert.Contains(All, p => p.AssistanceTypes.HasFlag(type));
        }

        Assert.All(All, p => Assert.NotEqual(CcmAreas.None, p.Areas));
        Assert.All(All, p => Assert.NotEqual(AssistanceTypes.None, p.AssistanceTypes));
    }

    [Fact]
    public void Countries_AreStatesOfTheShippedList_OrARegionIsChosen()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "states.csv");
        var codes = StatesFile.Read(path).Rows.Select(r => r.Iso3).ToHashSet();
        Assert.All(All, p =>
        {
            Assert.All(p.Countries, c => Assert.Contains(c, codes));
            Assert.True(p.Countries.Length > 0 || p.ChosenRegions != Regions.None, p.Title);
        });
    }

    [Fact]
    public void Budgets_HaveACurrencyOfThreeCapitals_AndExperiencesHaveNone()
    {
        Assert.All(All.Where(p => p.Kind == PostingKind.Experience), p => Assert.Null(p.Budget));
        Assert.All(All, p =>
        {
            Assert.Equal(p.Budget is null, p.Currency is null);
            if (p.Currency is not null)
            {
                Assert.Matches("^[A-Z]{3}$", p.Currency);
                Assert.True(p.Budget > 0, p.Title);
            }
        });
    }

    [Fact]
    public void Validity_IsOpenForAtMostTwoYears_WithSomeAboutToExpire()
    {
        Assert.All(All, p =>
        {
            Assert.InRange(p.PublishedDaysAgo, 1, 300);
            Assert.True(p.PublishedDaysAgo < p.ValidForDays && p.ValidForDays <= 730, p.Title);
        });
        Assert.True(All.Count(p => p.ValidForDays - p.PublishedDaysAgo <= 30) >= 3);
        Assert.True(All.Count(p => p.ValidForDays - p.PublishedDaysAgo <= 7) >= 2);
    }

    [Fact]
    public void ApplicationDeadlines_AreGivenToSomeOffersOnly_BeforeTheyExpire()
    {
        var withDeadline = All.Where(p => p.ApplicationDeadlineInDays is not null).ToList();
        Assert.InRange(withDeadline.Count, 1, 5);
        Assert.All(withDeadline, p =>
        {
            Assert.Equal(PostingKind.Offer, p.Kind);
            Assert.InRange(p.ApplicationDeadlineInDays!.Value, 0, p.ValidForDays - p.PublishedDaysAgo - 1);
        });
    }

    [Fact]
    public void Addresses_AreOnlyReservedSampleDomains_AndLinksOnlyTheConventionSite()
    {
        foreach (var p in All)
        {
            var text = string.Join('\n', p.ContactPoint, p.Summary, p.Body);
            Assert.All(Email().Matches(text), m => Assert.EndsWith(".sample.test", m.Groups["domain"].Value, StringComparison.Ordinal));
            Assert.All(Link().Matches(text), m => Assert.StartsWith("https://www.clusterconvention.org/", m.Value, StringComparison.Ordinal));
        }

        Assert.All(All, p => Assert.Matches(Email(), p.ContactPoint));
    }

    [Fact]
    public void Titles_AreUnique_AndOwnersMayPublish()
    {
        Assert.Equal(All.Count, All.Select(p => p.Title).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        string[] owners = ["LAO", "LBN", "IRQ", "DEU", "NOR", "isu"];
        Assert.All(All, p => Assert.Contains(p.ParticipantCode, owners));
    }

    [Fact]
    public void Bodies_Are150To600Words_UnderTemplateHeadings()
    {
        Assert.All(All, p =>
        {
            Assert.InRange(p.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, 150, 600);
            Assert.True(Heading().Count(p.Body) >= 3, p.Title);
            Assert.False(string.IsNullOrWhiteSpace(p.Summary));
        });
    }

    [Theory]
    [InlineData(PostingKind.Need)]
    [InlineData(PostingKind.Offer)]
    [InlineData(PostingKind.Experience)]
    public void Template_HasAtLeastFourHeadings_EachWithGuidanceForTheHint_AndNoGuidanceInTheText(PostingKind kind)
    {
        var body = PostingTemplates.BodyFor(kind);
        var sections = PostingTemplates.SectionsFor(kind);
        Assert.True(sections.Count >= 4, $"{kind}: {sections.Count} headings");
        Assert.Equal(sections.Count, Heading().Count(body));
        Assert.All(sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Guidance)));
        Assert.Equal(0, Hint().Count(body));
        Assert.Equal(sections.Select(s => s.Heading), BodySections.Unfinished(body));
    }

    [Fact]
    public void All_PassTheFormsChecks_WithNoSectionLeftEmpty()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "states.csv");
        var codes = StatesFile.Read(path).Rows.Select(r => r.Iso3).ToHashSet();
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        Assert.All(All, p =>
        {
            var posting = new Posting
            {
                Kind = p.Kind,
                Title = p.Title,
                Summary = p.Summary,
                Body = p.Body,
                ContactPoint = p.ContactPoint,
                Areas = p.Areas,
                AssistanceTypes = p.AssistanceTypes,
                ChosenRegions = p.ChosenRegions,
                Countries = [.. p.Countries.Select(c => new PostingCountry { CountryCode = c })],
                Budget = p.Budget,
                Currency = p.Currency,
                Period = p.Period,
                Visibility = p.Visibility,
                ValidUntil = now.AddDays(p.ValidForDays - p.PublishedDaysAgo),
            };
            var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
            PostingForm.From(posting, p.ParticipantCode).Validate(state, codes, now);
            Assert.True(state.IsValid, $"{p.Title}: {string.Join(" ", state.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage))}");
            Assert.Empty(BodySections.Unfinished(p.Body));
        });
    }

    [GeneratedRegex(@"[\w.+-]+@(?<domain>[\w-]+(\.[\w-]+)+)")]
    private static partial Regex Email();

    [GeneratedRegex(@"(https?|ftp)://[^\s)\]>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex("^## ", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\*[^*].*\*$", RegexOptions.Multiline)]
    private static partial Regex Hint();
}
