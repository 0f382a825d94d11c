using System.Linq.Expressions;
using Portal.Data;

namespace Portal.Features.Notices;

/// <summary>
/// Who is e-mailed at once of what waits for them and who reads it in the daily summary, said once: every at-once
/// notice adds <see cref="ToldAtOnce"/> to its recipients, and <see cref="DailySummary"/> writes to
/// <see cref="ReadsDailySummary"/>.
/// </summary>
public static class NoticeChoice
{
    /// <summary>Accounts that chose to be told at once (the default); an at-once notice goes to these only.</summary>
    public static readonly Expression<Func<PortalUser, bool>> ToldAtOnce = u => u.Notices == NoticeTiming.AtOnce;

    private static readonly Func<PortalUser, bool> IsToldAtOnceCompiled = ToldAtOnce.Compile();

    /// <summary>The same rule for recipients already loaded, such as a State's focal points.</summary>
    public static bool IsToldAtOnce(PortalUser user) => IsToldAtOnceCompiled(user);

    /// <summary>Accounts that can sign in and chose one e-mail a day.</summary>
    public static readonly Expression<Func<PortalUser, bool>> ReadsDailySummary =
        u => u.Notices == NoticeTiming.DailySummary && u.IsActivated && !u.IsDisabled;
}
