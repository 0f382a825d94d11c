using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// The one headless Chromium of the app, started at the first print (about 1 s), started again if it has died, and
/// closed with the app. Each print runs in a page of its own browser context, JavaScript off, that can read only the
/// files of the job's <see cref="PrintFolder"/>: every other request (network, other files) is refused and logged.
/// At most <see cref="PrintOptions.MaxConcurrentPages"/> prints run at once; the others wait their turn.
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
    private readonly ConcurrentStack<PrintTab> idle = new();
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
        PrintTab? tab = null;
        var reusable = false;
        try
        {
            tab = await TakeTabAsync(cancellationToken);
            tab.Folder = folder;
            // Closing the context stops a layout in progress when the caller gives up (a form request ended).
            await using (cancellationToken.Register(() => _ = tab.Context.CloseAsync()))
            {
                await tab.Page.GotoAsync(folder.Document.AbsoluteUri, new PageGotoOptions
                {
                    WaitUntil = WaitUntilState.Load,
                    Timeout = (float)options.LoadTimeout.TotalMilliseconds,
                });
                var result = await work(tab.Page);
                cancellationToken.ThrowIfCancellationRequested();
                tab.Folder = null;
                await tab.Page.GotoAsync("about:blank");
                reusable = true;
                return result;
            }
        }
        catch (PlaywrightException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            if (tab is not null)
            {
                tab.Folder = null;
                if (reusable)
                {
                    idle.Push(tab);
                }
                else
                {
                    await tab.CloseAsync();
                }
            }

            turns.Release();
        }
    }

    /// <summary>
    /// A page kept between prints: opening one starts a renderer process (0.1–0.4 s, more than laying out a
    /// chapter), so each of the <see cref="PrintOptions.MaxConcurrentPages"/> turns keeps its own. Its routing lets
    /// through only the files of the folder it is printing, and nothing between prints (it then shows about:blank).
    /// </summary>
    private sealed class PrintTab(IBrowser browser, IBrowserContext context, IPage page)
    {
        public IBrowser Browser { get; } = browser;

        public IBrowserContext Context { get; } = context;

        public IPage Page { get; } = page;

        public PrintFolder? Folder { get; set; }

        public async Task CloseAsync()
        {
            try
            {
                await Context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // The browser is gone already.
            }
        }
    }

    private async Task<PrintTab> TakeTabAsync(CancellationToken cancellationToken)
    {
        var current = await BrowserAsync(cancellationToken);
        while (idle.TryPop(out var kept))
        {
            if (kept.Browser == current && !kept.Page.IsClosed)
            {
                return kept;
            }

            await kept.CloseAsync();
        }

        var context = await current.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            AcceptDownloads = false,
            Locale = "en-GB",
        });
        PrintTab? tab = null;
        await context.RouteAsync("**/*", route => AllowOnlyFolderAsync(route, tab?.Folder));
        tab = new PrintTab(current, context, await context.NewPageAsync());
        return tab;
    }

    private async Task AllowOnlyFolderAsync(IRoute route, PrintFolder? folder)
    {
        var address = route.Request.Url;
        if (folder is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsFile && folder.Files.Contains(uri.LocalPath))
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
                await CloseBrowserAsync();
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

    private async Task CloseBrowserAsync()
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
            idle.Clear();
            await CloseBrowserAsync();
        }
        finally
        {
            launching.Release();
        }
    }
}
