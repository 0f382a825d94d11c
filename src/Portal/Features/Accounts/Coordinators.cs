using Portal.Data;

namespace Portal.Features.Accounts;

public static class Coordinators
{
    /// <summary>The coordinators who can act now: activated and not disabled. They are the ones told what waits for them.</summary>
    public static IQueryable<PortalUser> ActiveCoordinators(this IQueryable<PortalUser> users) =>
        users.Where(u => u.Role == PortalRole.Coordinator && u.IsActivated && !u.IsDisabled);
}
