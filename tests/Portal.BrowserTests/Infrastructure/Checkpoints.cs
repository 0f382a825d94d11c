using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.BrowserTests.Infrastructure;

/// <summary>
/// At each step of a journey, what a person sees at a desktop width and on a phone: a full-page screenshot at 1280 and
/// at 390 pixels (artifacts/screenshots/&lt;provider&gt;/NN-step.png and NN-step-390.png), a check that the page does not
/// scroll sideways at either width, and an axe run. Every problem is written to the test output and collected (axe
/// violations of every impact, minor included, except <see cref="KnownViolations"/>), and <see cref="AssertAccessible"/>
/// fails on them, so one run reports every page, not only the first.
/// </summary>
public sealed class Checkpoints(ITestOutputHelper output, int firstNumber)
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>Only the violations come back in full; nothing reads the passes or the incomplete results.</summary>
    private static readonly AxeRunOptions AxeOptions = new() { ResultTypes = [ResultType.Violations] };

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
        var original = page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : Desktop;
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await PhotographAsync(page, name, name);
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await PhotographAsync(page, name + "-390", name);
        await page.SetViewportSizeAsync(original.Width, original.Height);

        var path = new Uri(page.Url).AbsolutePath;
        visitedPaths.Add(path);
        var result = await RunAxeAsync(page);
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
            else
            {
                problems.Add(text);
            }
        }
    }

    private async Task PhotographAsync(IPage page, string file, string step)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, file + ".png"), FullPage = true });
        // Sideways scrolling: the page is wider than the window. A table or a code block that scrolls inside its own
        // region is fine; the page itself must not.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        if (scroll > client)
        {
            var wide = await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).join(', ')
                """);
            var text = $"[{step}] {page.Url}\n  scrolls sideways at {client} px: the page is {scroll} px wide ({wide})";
            output.WriteLine(text);
            problems.Add(text);
        }
    }

    /// <summary>
    /// axe in the page itself. The library's default mode runs axe on each frame and then merges the results in a new
    /// blank page, which starts a renderer process each time: about 3 s of a 3.4 s scan, a third of the browser tests'
    /// time. The portal's pages have no frames, so the in-page run ("legacy mode") finds the same violations. Should the
    /// library drop it, the test run will say so by failing to build.
    /// </summary>
    private static async Task<AxeResult> RunAxeAsync(IPage page)
    {
#pragma warning disable CS0618 // Legacy mode: the in-page run, chosen on purpose (above).
        return await page.RunAxeLegacy(options: AxeOptions);
#pragma warning restore CS0618
    }

    public void AssertAccessible()
    {
        var fixedKnown = KnownViolations.All.Where(k => visitedPaths.Contains(k.Path) && !seenKnown.Contains(k))
            .Select(k => $"[fixed?] {k.RuleId} on {k.Path} no longer occurs: delete it from KnownViolations.");
        var all = problems.Concat(fixedKnown).ToList();
        Assert.True(all.Count == 0, $"{all.Count} problem(s) (axe, or a page scrolling sideways):\n" + string.Join("\n", all));
    }

    private static string Describe(string step, string url, AxeResultItem violation)
    {
        var nodes = violation.Nodes.Select(n => $"    {n.Target}  {n.Html}");
        return $"[{step}] {url}\n  {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>\n" + string.Join("\n", nodes);
    }
}
