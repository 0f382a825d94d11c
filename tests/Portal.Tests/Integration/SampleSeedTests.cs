using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Sample mode seeds from the files under Data/Seed/sample: the database holds what the C# literals held before
/// them (40 postings, 8 accounts), checked by counts and by a few values read back.
/// </summary>
public sealed class SampleSeedTests : PortalTest
{
    [Fact]
    public async Task SampleMode_SeedsEveryPostingAndAccountOfTheFiles_AsTheyWereBeforeTheFiles()
    {
        Factory.Settings["Sample:Enabled"] = "true";
        // A whole second: the databases keep less than a tick's precision.
        Factory.Time.SetUtcNow(new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var now = Factory.Time.GetUtcNow();
        await Factory.WithDbAsync(async db =>
        {
            var perOwnerAndKind = (await db.Postings.Where(p => p.IsSample && p.Status == PostingStatus.Published)
                .Select(p => new { p.Participant!.Code, p.Kind }).ToListAsync())
                .GroupBy(p => $"{p.Code} {p.Kind}").ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(new Dictionary<string, int>
            {
                ["LAO Need"] = 6,
                ["LAO Experience"] = 2,
                ["LBN Need"] = 5,
                ["LBN Experience"] = 2,
                ["IRQ Need"] = 5,
                ["IRQ Experience"] = 2,
                ["DEU Offer"] = 5,
                ["DEU Experience"] = 3,
                ["NOR Offer"] = 6,
                ["NOR Experience"] = 2,
                ["isu Offer"] = 1,
                ["isu Experience"] = 1,
            }, perOwnerAndKind);
            Assert.Equal(13, await db.Postings.CountAsync(p => p.Visibility == Visibility.StatesOnly));
            Assert.Equal(40, await db.PostingVersions.CountAsync());

            var first = await db.Postings.Include(p => p.Countries).Include(p => p.Versions).OrderBy(p => p.Id).FirstAsync();
            Assert.Equal("Survey of cluster munition remnants in Xieng Khouang province", first.Title);
            Assert.Equal((1_850_000m, "USD", "2026–2028"), (first.Budget, first.Currency, first.Period));
            Assert.Equal(CcmAreas.ClearanceAndRiskEducation | CcmAreas.InformationManagement, first.Areas);
            Assert.Equal(AssistanceTypes.Financial | AssistanceTypes.Equipment, first.AssistanceTypes);
            Assert.Equal(["LAO"], first.Countries.Select(c => c.CountryCode));
            Assert.Equal((Regions.None, Regions.Asia | Regions.SouthEasternAsia), (first.ChosenRegions, first.Regions));
            Assert.Equal(Visibility.StatesAndObservers, first.Visibility);
            Assert.Equal((now.AddDays(-40), now.AddDays(360)), (first.PublishedAt, first.ValidUntil));
            Assert.StartsWith("## Context and obligation concerned\n\nXieng Khouang is among", first.Body, StringComparison.Ordinal);
            Assert.EndsWith("are available on request.", first.Body, StringComparison.Ordinal);
            Assert.Equal("Lao Focal Point (sample) <focal.lao@sample.test>", first.Versions.Single().AuthorName);

            var fund = await db.Postings.SingleAsync(p => p.Title == "Humanitarian mine action funding for 2027: call for project proposals");
            Assert.Equal((12_000_000m, "EUR", Regions.Global, 25), (fund.Budget, fund.Currency, fund.ChosenRegions, (now - fund.PublishedAt!.Value).Days));
            var grants = await db.Postings.SingleAsync(p => p.Title == "Small grants for victim assistance projects led by survivors' organisations");
            Assert.Equal(new DateOnly(2031, 4, 15), grants.ApplicationDeadline);
            var grantsVersion = await db.PostingVersions.Where(v => v.PostingId == grants.Id).Select(v => v.CanonicalContent).SingleAsync();
            Assert.Contains("\"applicationDeadline\": \"2031-04-15\"", grantsVersion, StringComparison.Ordinal);
            Assert.Equal(2, await db.Postings.CountAsync(p => p.ApplicationDeadline != null));
            var isu = await db.PostingVersions.Where(v => v.ParticipantId == db.Participants.Single(p => p.Code == "isu").Id).Select(v => v.AuthorName).ToListAsync();
            Assert.Equal(["Sam Coordinator (sample) <coordinator@isu.sample.test>", "Sam Coordinator (sample) <coordinator@isu.sample.test>"], isu);

            var accounts = await db.Users.OrderBy(u => u.Email).Select(u => $"{u.Email} {u.Role} {u.Participant!.Code} {u.TwoFactorEnabled}").ToListAsync();
            Assert.Equal(
            [
                "coordinator@isu.sample.test Coordinator isu True", "focal.deu@sample.test FocalPoint DEU False",
                "focal.irq@sample.test FocalPoint IRQ False", "focal.lao@sample.test FocalPoint LAO False",
                "focal.lbn@sample.test FocalPoint LBN False", "focal.nor@sample.test FocalPoint NOR False",
                "member.che@sample.test Member CHE False", "observer@ngo.sample.test Observer sample-ngo False",
            ], accounts);
            var organisations = await db.Participants.Where(p => p.Kind != ParticipantKind.State).OrderBy(p => p.Code)
                .Select(p => $"{p.Code} {p.Kind} {p.MayPublish} {p.Name}").ToListAsync();
            Assert.Equal(
                ["isu InternationalOrganisation True CCM Implementation Support Unit", "sample-ngo Ngo False Sample Mine Action Network (sample NGO)"],
                organisations);
            return 0;
        });
    }
}
