using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Features.Participants;
using Portal.Features.Postings;
using Portal.Features.Sample;
using Portal.Infrastructure.Email;

namespace Portal.Infrastructure;

public static class StartupData
{
    /// <summary>States from the shipped file, the postings' sub-regions, both entry codes, and in sample mode the sample accounts.</summary>
    public static async Task PrepareDataAsync(this IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<ParticipantSeeder>().SeedStatesAsync();
        await sp.GetRequiredService<PostingRegions>().AddMissingSubregionsAsync();
        var codes = sp.GetRequiredService<EntryCodeStore>();
        var sample = configuration.GetValue<bool>("Sample:Enabled");
        var address = services.GetRequiredService<PublicAddress>();
        if (!address.IsConfigured)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Startup");
            lifetime.ApplicationStarted.Register(() => logger.LogWarning(
                "Smtp:PublicBaseUrl is not set, so links in e-mails use {Address}, the address the portal listens on. " +
                "Set it to the address people open.", address.BaseUrl));
        }

        var issued = new Dictionary<CodeAudience, string>();
        foreach (var audience in Enum.GetValues<CodeAudience>())
        {
            // In sample mode the codes are renewed at every start so they can be printed; otherwise a missing
            // code is issued once, held encrypted, and sent by the portal when a coordinator approves a request.
            if (sample)
            {
                issued[audience] = await codes.RotateAsync(audience, "sample start");
            }
            else
            {
                await codes.EnsureCurrentAsync(audience);
            }
        }

        if (!sample)
        {
            return;
        }

        var data = sp.GetRequiredService<SampleData>();
        await data.EnsureAsync();
        await sp.GetRequiredService<SamplePostingSeeder>().EnsureAsync();
        var key = await data.CoordinatorAuthenticatorKeyAsync();
        lifetime.ApplicationStarted.Register(() => PrintSampleSignIns(issued, key, address.BaseUrl));
    }

    private static void PrintSampleSignIns(Dictionary<CodeAudience, string> codes, string? key, string address)
    {
        var lines = new List<string>
        {
            "",
            $"Cooperation Portal (sample data) — {address}",
            $"Sample sign-ins (password for all: \"{SampleData.Password}\"):",
        };
        lines.AddRange(SampleData.Accounts.Select(a => $"  {a.Email,-32} {a.Role,-12} {a.ParticipantCode}"));
        lines.Add($"  The coordinator needs an authenticator code: key {key} (any authenticator app, or `oathtool --totp -b {key}`).");
        lines.Add("Entry codes (new at every start; sessions opened with earlier ones end):");
        lines.AddRange(codes.Select(c => $"  {c.Key,-10} {c.Value}"));
        lines.Add("E-mails are not sent in sample mode: the coordinator reads them under Admin > Outbox.");
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
