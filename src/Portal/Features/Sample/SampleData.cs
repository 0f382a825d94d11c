using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Sample;

public sealed record SampleOrganisation(string Code, string Name, ParticipantKind Kind, bool MayPublish = false);

public sealed record SampleAccount(
    string Email, string Name, [property: JsonPropertyName("participant")] string ParticipantCode, PortalRole Role, string Position);

/// <summary>
/// Sample participants and accounts for trying the portal (Sample:Enabled), from <c>Data/Seed/sample/participants.json</c>.
/// Everything is marked as sample; e-mail addresses must be in the reserved .test domain so nothing can reach a real person.
/// </summary>
public sealed class SampleData(PortalDbContext db, UserManager<PortalUser> users, TimeProvider time)
{
    public const string Password = "sample passphrase for the portal";

    private static readonly Lazy<Participants> Shipped = new(() => Load(SampleSeed.DefaultDirectory));

    public static IReadOnlyList<SampleOrganisation> Organisations => Shipped.Value.Organisations;

    public static IReadOnlyList<SampleAccount> Accounts => Shipped.Value.Accounts;

    public sealed record Participants(SampleOrganisation[] Organisations, SampleAccount[] Accounts);

    public static Participants Load(string directory)
    {
        const string file = "participants.json";
        var participants = SampleSeed.Read<Participants>(File.ReadAllText(Path.Combine(directory, file)), file);
        for (var i = 0; i < participants.Accounts.Length; i++)
        {
            var account = participants.Accounts[i];
            if (!account.Email.EndsWith(".test", StringComparison.OrdinalIgnoreCase) || !account.Email.Contains('@', StringComparison.Ordinal))
            {
                throw SampleSeed.Invalid(file, $"accounts[{i}] has the address \"{account.Email}\"; sample addresses must end in \".test\", so that no mail reaches a real person.");
            }
        }

        if (!participants.Accounts.Any(a => a.Role == PortalRole.Coordinator))
        {
            throw SampleSeed.Invalid(file, "no account has the role Coordinator; the sample needs one.");
        }

        return participants;
    }

    public async Task EnsureAsync()
    {
        var now = time.GetUtcNow();
        foreach (var organisation in Organisations)
        {
            if (!await db.Participants.AnyAsync(p => p.Code == organisation.Code))
            {
                db.Participants.Add(new Participant
                {
                    Code = organisation.Code,
                    Name = organisation.Name,
                    Kind = organisation.Kind,
                    MayPublish = organisation.MayPublish,
                    CreatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync();

        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var participant = await db.Participants.SingleOrDefaultAsync(p => p.Code == account.ParticipantCode)
                ?? throw SampleSeed.Invalid("participants.json", $"the account {account.Email} belongs to \"{account.ParticipantCode}\", which is neither a State nor one of its organisations.");
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
        var user = await users.FindByEmailAsync(Accounts.First(a => a.Role == PortalRole.Coordinator).Email);
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
