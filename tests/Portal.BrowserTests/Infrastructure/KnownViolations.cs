namespace Portal.BrowserTests.Infrastructure;

/// <summary>
/// Serious axe violations the app is known to cause today, each waiting for a fix in src/. A known violation is still
/// written to the test output but does not fail the test; once a journey visits the page and no longer sees it, the
/// test fails and asks for the entry to be deleted, so this list cannot outlive the bug. Keep it empty when you can.
/// </summary>
public static class KnownViolations
{
    public sealed record Known(string RuleId, string Path, string Target, string Why);

    public static readonly IReadOnlyList<Known> All = [];
}
