using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

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
