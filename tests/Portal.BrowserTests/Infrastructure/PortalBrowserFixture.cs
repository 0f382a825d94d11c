using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.BrowserTests.Infrastructure;

/// <summary>
/// The real app (<see cref="PortalFactory"/>: fresh database, fake clock, SMTP sink) on a real loopback port, and one
/// headless Chromium, shared by the tests of a class. Each test opens its own browser contexts (one per person).
/// </summary>
public sealed class PortalBrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public PortalFactory Factory { get; } = new();

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The build page follows the real builder, as in production.
        Factory.Settings["Catalogue:BuildsInBackground"] = "true";
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        BaseAddress = new Uri(addresses.First());

        // Never downloads a browser: the system Chromium (test.sh installs it) or the one PLAYWRIGHT_CHROMIUM names.
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A fresh browser profile (own cookies) for one person; relative URLs resolve against the app. Dispose it.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
