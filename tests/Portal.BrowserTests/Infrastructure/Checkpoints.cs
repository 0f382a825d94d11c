using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.BrowserTests.Infrastructure;

/// <summary>
/// At each step of a journey: a full-page screenshot (artifacts/screenshots/&lt;provider&gt;/NN-step.png) and an axe
/// run. Every violation is written to the test output; serious and critical ones (except <see cref="KnownViolations"/>)
/// are collected and fail the test in <see cref="AssertAccessible"/>, so one run reports every page, not only the first.
/// </summary>
public sealed class Checkpoints(ITestOutputHelper output, int firstNumber)
{
    private static readonly string[] Blocking = ["serious", "critical"];
    private readonly List<string> problems = [];
    private readonly HashSet<string> visitedPaths = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<KnownViolations.Known> seenKnown = [];
    private int next = firstNumber;

    public static string ScreenshotFolder => Path.Combine(TestEnvironment.Artifacts, "screenshots", TestEnvironment.Provider);

    public async Task AtAsync(IPage page, string step)
    {
        ArgumentNullException.ThrowIfNull(page);
        var name = $"{next++.ToString("00", CultureInfo.InvariantCulture)}-{step}";
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

        var path = new Uri(page.Url).AbsolutePath;
        visitedPaths.Add(path);
        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
        {
            var known = KnownViolations.All.FirstOrDefault(k => k.RuleId == violation.Id
                && k.Path.Equals(path, StringComparison.OrdinalIgnoreCase)
                && violation.Nodes.All(n => n.Target.ToString() == k.Target));
            var text = Describe(name, page.Url, violation);
            output.WriteLine(known is null ? text : $"KNOWN ({known.Why}) {text}");
            if (known is not null)
            {
                seenKnown.Add(known);
            }
            else if (Blocking.Contains(violation.Impact))
            {
                problems.Add(text);
            }
        }
    }

    public void AssertAccessible()
    {
        var fixedKnown = KnownViolations.All.Where(k => visitedPaths.Contains(k.Path) && !seenKnown.Contains(k))
            .Select(k => $"[fixed?] {k.RuleId} on {k.Path} no longer occurs: delete it from KnownViolations.");
        var all = problems.Concat(fixedKnown).ToList();
        Assert.True(all.Count == 0, $"axe: {all.Count} serious or critical problem(s):\n" + string.Join("\n", all));
    }

    private static string Describe(string step, string url, AxeResultItem violation)
    {
        var nodes = violation.Nodes.Select(n => $"    {n.Target}  {n.Html}");
        return $"[{step}] {url}\n  {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>\n" + string.Join("\n", nodes);
    }
}
