using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Features.Accounts;

/// <summary>
/// Current guidance (NIST SP 800-63B, OWASP ASVS): length over composition. 12 to 128 characters, any characters,
/// refused when on a list of common passwords.
/// </summary>
public sealed class PasswordPolicyValidator(CommonPasswords common) : IPasswordValidator<PortalUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return Task.FromResult(Fail("TooShort", $"Use at least {MinLength} characters. A few unrelated words make a good password."));
        }

        if (password.Length > MaxLength)
        {
            return Task.FromResult(Fail("TooLong", $"Use at most {MaxLength} characters."));
        }

        if (common.Contains(password))
        {
            return Task.FromResult(Fail("Common", "This password is on a list of commonly used passwords. Choose another."));
        }

        if (user?.Email is { Length: > 0 } email && password.Contains(email, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(Fail("ContainsEmail", "The password must not contain your e-mail address."));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static IdentityResult Fail(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}

/// <summary>The shipped list in Data/Seed/common-passwords.txt (see common-passwords.md for its source).</summary>
public sealed class CommonPasswords
{
    private readonly FrozenSet<string> passwords;

    public CommonPasswords(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = Path.Combine(environment.ContentRootPath, "Data", "Seed", "common-passwords.txt");
        if (!File.Exists(path))
        {
            path = Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "common-passwords.txt");
        }

        passwords = File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public bool Contains(string password) => passwords.Contains(password.Trim());
}
