using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>What changed between two versions reads as the posting's page does: labels and country names, not codes.</summary>
public sealed class VersionDiffTests : PortalTest
{
    [Fact]
    public async Task ChangedAreasCountriesAndRegions_ShowTheirLabels()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        var id = await owner.PublishAsync(new PostingSteps.Draft());

        await owner.OpenAsync($"/Postings/{id}/Edit");
        await owner.SubmitAsync("form.stack", new FormFill
        {
            Lists = new Dictionary<string, string[]>
            {
                ["Input.Areas"] = [nameof(CcmAreas.ClearanceAndRiskEducation)],
                ["Input.Countries"] = ["LAO", "LBN"],
                ["Input.Regions"] = [nameof(Regions.Global)],
            },
        });
        Assert.Contains("new version is published", owner.Find("[role=status]"), StringComparison.Ordinal);

        await owner.OpenAsync($"/Postings/{id}/Versions");
        var diff = owner.Find(".diff") ?? "";
        Assert.Contains("CCM areas: Clearance and risk reduction education (Art. 4)", diff, StringComparison.Ordinal);
        Assert.Contains("Countries: Lao People's Democratic Republic, Lebanon", diff, StringComparison.Ordinal);
        Assert.Contains("Regions: Global", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("ClearanceAndRiskEducation", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("LBN", diff, StringComparison.Ordinal);
    }
}
