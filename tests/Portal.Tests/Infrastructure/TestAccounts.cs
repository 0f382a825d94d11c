using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Accounts;

namespace Portal.Tests.Infrastructure;

public sealed record TestAccount(string Email, string Password, string? AuthenticatorKey, int ParticipantId, string ParticipantName);

/// <summary>Creates accounts directly (the invitation path has its own tests) and signs browsers in through the real forms.</summary>
public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    public static async Task<TestAccount> CreateAsync(
        PortalFactory factory, PortalRole role, string participantCode = "LAO", bool twoFactor = false, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        email ??= $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}@example.test";
        return await factory.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var participant = await db.Participants.SingleOrDefaultAsync(p => p.Code == participantCode)
                ?? await AddOrganisationAsync(db, participantCode);
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = "Test " + role,
                ParticipantId = participant.Id,
                Role = role,
                IsActivated = true,
                CreatedAt = factory.Time.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, Password));
            string? key = null;
            if (twoFactor)
            {
                Check(await users.ResetAuthenticatorKeyAsync(user));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
                key = await users.GetAuthenticatorKeyAsync(user);
            }

            return new TestAccount(email, Password, key, participant.Id, participant.Name);
        });
    }

    /// <summary>
    /// Many accounts of one participant at the cost of one password hash: every account gets the same stored hash of
    /// <see cref="Password"/> (signing in still checks it the full, slow way).
    /// </summary>
    public static async Task<IReadOnlyList<TestAccount>> CreateManyAsync(
        PortalFactory factory, int count, PortalRole role, string participantCode = "LAO")
    {
        ArgumentNullException.ThrowIfNull(factory);
        return await factory.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var participant = await db.Participants.SingleOrDefaultAsync(p => p.Code == participantCode)
                ?? await AddOrganisationAsync(db, participantCode);
            var hash = users.PasswordHasher.HashPassword(new PortalUser { FullName = "" }, Password);
            var accounts = new List<TestAccount>();
            for (var i = 0; i < count; i++)
            {
                var email = $"{role.ToString().ToLowerInvariant()}.{i}.{Guid.NewGuid():N}@example.test";
                var user = new PortalUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    FullName = $"Test {role} {i}",
                    ParticipantId = participant.Id,
                    Role = role,
                    IsActivated = true,
                    CreatedAt = factory.Time.GetUtcNow(),
                    PasswordHash = hash,
                };
                Check(await users.CreateAsync(user));
                accounts.Add(new TestAccount(email, Password, null, participant.Id, participant.Name));
            }

            return accounts;
        });
    }

    private static async Task<Participant> AddOrganisationAsync(PortalDbContext db, string code)
    {
        var participant = new Participant { Code = code, Name = "Organisation " + code, Kind = ParticipantKind.Ngo };
        db.Participants.Add(participant);
        await db.SaveChangesAsync();
        return participant;
    }

    /// <summary>Signs in through the forms; with a key, answers the second step with the current code.</summary>
    public static async Task SignInAsync(this Browser browser, PortalFactory factory, TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(account);
        await browser.OpenAsync("/Account/SignIn");
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = account.Email, ["Input.Password"] = account.Password });
        if (account.AuthenticatorKey is not null)
        {
            Assert.Contains("/Account/SignInTwoFactor", browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Code"] = CurrentCode(factory, account.AuthenticatorKey) });
        }

        Assert.Contains(account.ParticipantName, browser.Find("[data-testid=who]") ?? "", StringComparison.Ordinal);
    }

    public static string CurrentCode(PortalFactory factory, string key, int stepOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Totp.Compute(Totp.DecodeBase32(key), Totp.TimeStep(factory.Time.GetUtcNow()) + stepOffset);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
