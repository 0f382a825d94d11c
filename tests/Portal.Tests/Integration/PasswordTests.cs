using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Passwords: the policy, how they are stored, and changing or resetting one.</summary>
public sealed class PasswordTests : PortalTest
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task PasswordChange_WrongCurrentPasswords_LockTheAccount()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        for (var i = 0; i < 5; i++)
        {
            await browser.OpenAsync("/Account/Manage");
            await browser.SubmitAsync("form[method=post]:not(.inline)", new Dictionary<string, string>
            {
                ["Input.Current"] = $"guess number {i} here",
                ["Input.Password"] = "a brand new passphrase here",
                ["Input.Confirm"] = "a brand new passphrase here",
            });
        }

        await browser.OpenAsync("/Account/Manage");
        await browser.SubmitAsync("form[method=post]:not(.inline)", new Dictionary<string, string>
        {
            ["Input.Current"] = account.Password,
            ["Input.Password"] = "a brand new passphrase here",
            ["Input.Confirm"] = "a brand new passphrase here",
        });
        Assert.Contains("Too many wrong passwords", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordChange_AsksForTheCurrentPassword()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        await browser.OpenAsync("/Account/Manage");
        await browser.SubmitAsync("form[method=post]:not(.inline)", new Dictionary<string, string>
        {
            ["Input.Current"] = "a guess at the password",
            ["Input.Password"] = "a brand new passphrase here",
            ["Input.Confirm"] = "a brand new passphrase here",
        });
        Assert.Contains("Your current password is not right.", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("elevenchars", false, "at least 12")]
    [InlineData("river stone lamp", true, null)]
    [InlineData("password1234", false, "commonly used")]
    [InlineData("qwertyuiopas", false, "commonly used")]
    public async Task PasswordPolicy_IsLengthAndBlockList_NotComposition(string password, bool accepted, string? message)
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        await browser.OpenAsync("/Account/Manage");
        await browser.SubmitAsync("form[method=post]:not(.inline)", new Dictionary<string, string>
        {
            ["Input.Current"] = account.Password,
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        });
        if (accepted)
        {
            Assert.Contains("Your password has been changed", browser.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(message!, browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PasswordPolicy_AcceptsUpTo128Characters()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        var validators = await Factory.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync(account.Email);
            var results = new List<bool>();
            foreach (var length in new[] { 128, 129 })
            {
                var ok = true;
                foreach (var v in users.PasswordValidators)
                {
                    ok &= (await v.ValidateAsync(users, user!, new string('x', length - 4) + "ab c")).Succeeded;
                }

                results.Add(ok);
            }

            return results;
        });
        Assert.Equal([true, false], validators);
    }

    [Fact]
    public async Task StoredHash_UsesAtLeast210000Iterations_AndOldHashesAreUpgradedAtSignIn()
    {
        Factory.RealPasswordHashing = true;
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        Assert.Equal(IdentitySetup.HashIterations, await IterationsAsync(account.Email));
        Assert.True(IdentitySetup.HashIterations >= 210_000);

        // An account hashed under Identity's old default (100,000) ...
        await Factory.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync(account.Email);
            var old = new PasswordHasher<PortalUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
            user!.PasswordHash = old.HashPassword(user, account.Password);
            return await users.UpdateAsync(user);
        });
        Assert.Equal(100_000, await IterationsAsync(account.Email));

        // ... is rehashed when its owner signs in.
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        Assert.Equal(IdentitySetup.HashIterations, await IterationsAsync(account.Email));
    }

    private Task<int> IterationsAsync(string email) => Factory.WithDbAsync(async db =>
    {
        var hash = await db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync();
        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]); // Identity v3 format: marker, PRF, iteration count, salt size, salt, subkey.
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    });

    [Fact]
    public async Task PasswordReset_ByEmailedLink_WorksOnce_AndEndsOtherSessions()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint);
        using var other = new Browser(Factory);
        await other.SignInAsync(Factory, account);

        using var browser = new Browser(Factory);
        await browser.OpenAsync("/Account/ForgotPassword");
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = account.Email });
        Assert.Contains("If an active account uses that address", browser.Text, StringComparison.Ordinal);
        var mail = (await Mailbox.DeliverAndReadAsync(Factory, account.Email)).Single(m => m.Subject.Contains("Reset", StringComparison.Ordinal));
        var link = Mailbox.LinkIn(mail, "/Account/ResetPassword?token=");

        await browser.OpenAsync(link);
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Password"] = "lantern harbour quiet", ["Input.Confirm"] = "lantern harbour quiet" });
        Assert.Contains("Your password is set and you are signed in.", browser.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Contains(account.ParticipantName, browser.Find("[data-testid=who]"), StringComparison.Ordinal);
        using var later = new Browser(Factory);
        await later.SignInAsync(Factory, account with { Password = "lantern harbour quiet" });
        Assert.Equal("/Entry", Browser.RedirectPath(await other.GetAsync("/")));

        using var replay = new Browser(Factory);
        await replay.OpenAsync(link);
        Assert.Contains("no longer works", replay.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetLink_UsedByTwoRequestsAtOnce_SetsOnePasswordOnly()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint);
        using var requester = new Browser(Factory);
        await requester.OpenAsync("/Account/ForgotPassword");
        await requester.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = account.Email });
        var link = Mailbox.LinkIn((await Mailbox.DeliverAndReadAsync(Factory, account.Email)).Single(), "/Account/ResetPassword?token=");

        using var one = new Browser(Factory);
        using var two = new Browser(Factory);
        await one.OpenAsync(link);
        await two.OpenAsync(link);
        var results = await Task.WhenAll(
            one.SubmitAsync("form", new Dictionary<string, string> { ["Input.Password"] = "first new passphrase", ["Input.Confirm"] = "first new passphrase" }),
            two.SubmitAsync("form", new Dictionary<string, string> { ["Input.Password"] = "second new passphrase", ["Input.Confirm"] = "second new passphrase" }));
        var changed = new[] { one, two }.Count(b => b.Text.Contains("Your password is set and you are signed in.", StringComparison.Ordinal));
        var refused = new[] { one, two }.Count(b => b.Text.Contains("no longer works", StringComparison.Ordinal));
        Assert.Equal((1, 1), (changed, refused));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
