using System.Globalization;
using System.Security.Claims;
using Portal.Data;

namespace Portal.Features.Access;

/// <summary>Claim types the portal puts in its cookie, and typed access to them.</summary>
public static class PortalClaims
{
    public const string SessionId = "portal:sid";
    public const string ParticipantId = "portal:participant";
    public const string ParticipantName = "portal:participant-name";
    public const string Role = ClaimTypes.Role;
    public const string DisplayName = "portal:name";
    public const string Email = "portal:email";
    public const string SessionKind = "portal:session-kind";
    public const string AuthenticationMethod = "amr";

    public static string? SessionIdOf(this ClaimsPrincipal user) => user.FindFirstValue(SessionId);

    public static int? ParticipantIdOf(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ParticipantId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static PortalRole? RoleOf(this ClaimsPrincipal user) =>
        Enum.TryParse<PortalRole>(user.FindFirstValue(Role), out var role) ? role : null;

    public static bool IsCodeSession(this ClaimsPrincipal user) =>
        user.FindFirstValue(SessionKind) == nameof(Data.SessionKind.EntryCode);

    public static string DisplayNameOf(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? "";

    public static string? UserIdOf(this ClaimsPrincipal user) =>
        user.IsCodeSession() ? null : user.FindFirstValue(ClaimTypes.NameIdentifier);
}
