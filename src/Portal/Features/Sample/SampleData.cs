using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Participants;
using Portal.Features.Security;

namespace Portal.Features.Sample;

public sealed record SampleAccount(string Email, string Name, string ParticipantCode, PortalRole Role, string Position);

/// <summary>
/// Sample participants and accounts for trying the portal (Sample:Enabled). Everything is marked as sample;
/// the e-mail domain is reserved (.test) so nothing can reach a real person.
/// </summary>
public sealed class SampleData(PortalDbContext db, UserManager<PortalUser> users, TimeProvider time)
{
    public const string Password = "sample passphrase for the portal";

    public static readonly (string Code, string Name, ParticipantKind Kind, bool MayPublish)[] Organisations =
    [
        ("isu", "CCM Implementation Support Unit", ParticipantKind.InternationalOrganisation, true),
        ("sample-ngo", "Sample Mine Action Network (sample NGO)", ParticipantKind.Ngo, false),
    ];

    public static readonly SampleAccount[] Accounts =
    [
        new("coordinator@isu.sample.test", "Sam Coordinator (sample)", "isu", PortalRole.Coordinator, "Implementation Support Unit"),
        new("focal.lao@sample.test", "Lao Focal Point (sample)", "LAO", PortalRole.FocalPoint, "National Regulatory Authority"),
        new("focal.lbn@sample.test", "Lebanon Focal Point (sample)", "LBN", PortalRole.FocalPoint, "Lebanon Mine Action Centre"),
        new("focal.irq@sample.test", "Iraq Focal Point (sample)", "IRQ", PortalRole.FocalPoint, "Directorate of Mine Action"),
        new("focal.deu@sample.test", "Germany Focal Point (sample)", "DEU", PortalRole.FocalPoint, "Federal Foreign Office"),
        new("focal.nor@sample.test", "Norway Focal Point (sample)", "NOR", PortalRole.FocalPoint, "Ministry of Foreign Affairs"),
        new("member.che@sample.test", "Switzerland Member (sample)", "CHE", PortalRole.Member, "Permanent Mission in Geneva"),
        new("observer@ngo.sample.test", "NGO Observer (sample)", "sample-ngo", PortalRole.Observer, "Programme officer"),
    ];

    public async Task EnsureAsync()
    {
        var now = time.GetUtcNow();
        foreach (var (code, name, kind, mayPublish) in Organisations)
        {
            if (!await db.Participants.AnyAsync(p => p.Code == code))
            {
                db.Participants.Add(new Participant { Code = code, Name = name, Kind = kind, MayPublish = mayPublish, CreatedAt = now });
            }
        }

        await db.SaveChangesAsync();

        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var participant = await db.Participants.SingleAsync(p => p.Code == account.ParticipantCode);
            var user = new PortalUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                FullName = account.Name,
                Position = account.Position,
                ParticipantId = participant.Id,
                Role = account.Role,
                IsActivated = true,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, Password));
            if (account.Role == PortalRole.Coordinator)
            {
                Check(await users.ResetAuthenticatorKeyAsync(user));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
        }
    }

    public async Task<string?> CoordinatorAuthenticatorKeyAsync()
    {
        var user = await users.FindByEmailAsync(Accounts[0].Email);
        return user is null ? null : await users.GetAuthenticatorKeyAsync(user);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Sample data: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public static class StartupData
{
    /// <summary>States from the shipped file, both entry codes, and in sample mode the sample accounts.</summary>
    public static async Task PrepareDataAsync(this IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<ParticipantSeeder>().SeedStatesAsync();
        var codes = sp.GetRequiredService<EntryCodes>();
        var sample = configuration.GetValue<bool>("Sample:Enabled");
        var issued = new Dictionary<CodeAudience, string>();
        foreach (var audience in Enum.GetValues<CodeAudience>())
        {
            // In sample mode the codes are renewed at every start so they can be printed; otherwise a missing
            // code is issued once and waits, encrypted, for the first coordinator to see it.
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
        var key = await data.CoordinatorAuthenticatorKeyAsync();
        lifetime.ApplicationStarted.Register(() => PrintSampleSignIns(issued, key));
    }

    private static void PrintSampleSignIns(Dictionary<CodeAudience, string> codes, string? key)
    {
        var lines = new List<string>
        {
            "",
            "Cooperation Portal (sample data) — http://127.0.0.1:5080",
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
