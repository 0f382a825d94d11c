using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// The one headless Chromium of the app, started at the first print (about 1 s), started again if it has died, and
/// closed with the app. Each print gets a fresh browser context with JavaScript off that can read only the files of
/// its <see cref="PrintFolder"/>: every other request (network, other files) is refused and logged. At most
/// <see cref="PrintOptions.MaxConcurrentPages"/> prints run at once; the others wait their turn.
/// </summary>
public sealed class PrintBrowser : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
        "--no-first-run", "--no-pings", "--dns-prefetch-disable",
        // No address resolves, IP literals included. Routing refuses every request, but Chromium opens a connection
        // to an iframe's host before the request is routed (a "preconnect"); this stops that one too.
        "--host-resolver-rules=MAP * ~NOTFOUND",
    ];

    private readonly PrintOptions options;
    private readonly ILogger<PrintBrowser> logger;
    private readonly SemaphoreSlim turns;
    private readonly SemaphoreSlim launching = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private bool disposed;

    public PrintBrowser(IOptions<PrintOptions> options, ILogger<PrintBrowser> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        turns = new SemaphoreSlim(Math.Max(1, this.options.MaxConcurrentPages));
    }

    /// <summary>Opens the folder's document, waits until it and its figures are loaded, and hands the page to <paramref name="work"/>.</summary>
    public async Task<T> WithDocumentAsync<T>(PrintFolder folder, Func<IPage, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(work);
        await turns.WaitAsync(cancellationToken);
        try
        {
            var current = await BrowserAsync(cancellationToken);
            await using var context = await current.NewContextAsync(new BrowserNewContextOptions
            {
                JavaScriptEnabled = false,
                ServiceWorkers = ServiceWorkerPolicy.Block,
                AcceptDownloads = false,
                Locale = "en-GB",
            });
            await context.RouteAsync("**/*", route => AllowOnlyFolderAsync(route, folder));
            var page = await context.NewPageAsync();
            // Closing the context stops a layout in progress when the caller gives up (a form request ended).
            await using var stop = cancellationToken.Register(() => _ = context.CloseAsync());
            await page.GotoAsync(folder.Document.AbsoluteUri, new PageGotoOptions
            {
                WaitUntil = WaitUntilState.Load,
                Timeout = (float)options.LoadTimeout.TotalMilliseconds,
            });
            var result = await work(page);
            cancellationToken.ThrowIfCancellationRequested();
            return result;
        }
        catch (PlaywrightException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            turns.Release();
        }
    }

    private async Task AllowOnlyFolderAsync(IRoute route, PrintFolder folder)
    {
        var address = route.Request.Url;
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsFile && folder.Files.Contains(uri.LocalPath))
        {
            await route.ContinueAsync();
            return;
        }

        logger.LogWarning("The print document asked for {Address}, which is not one of its own files; the request was refused.", address);
        await route.AbortAsync("blockedbyclient");
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        await launching.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (browser is { IsConnected: true })
            {
                return browser;
            }

            if (browser is not null)
            {
                logger.LogWarning("The print browser had stopped; starting it again.");
                await CloseAsync();
            }

            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ExecutablePath,
                Headless = true,
                Args = Arguments,
            });
            return browser;
        }
        finally
        {
            launching.Release();
        }
    }

    /// <summary>The running browser, for tests that stop it to see it come back.</summary>
    internal IBrowser? Current => browser;

    private async Task CloseAsync()
    {
        try
        {
            if (browser is not null)
            {
                await browser.CloseAsync();
            }
        }
        catch (PlaywrightException)
        {
            // Already gone: that is why it is being closed.
        }

        browser = null;
        playwright?.Dispose();
        playwright = null;
    }

    public async ValueTask DisposeAsync()
    {
        await launching.WaitAsync();
        try
        {
            disposed = true;
            await CloseAsync();
        }
        finally
        {
            launching.Release();
        }
    }
}
