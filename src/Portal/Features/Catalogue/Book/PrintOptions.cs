namespace Portal.Features.Catalogue.Book;

/// <summary>Configuration section "Print": the headless Chromium that prints the book.</summary>
public sealed class PrintOptions
{
    /// <summary>The Chromium to start (Debian's package puts it here). Playwright never downloads one.</summary>
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// How many pages the browser lays out at once, shared by book builds and page estimates. Each holds a renderer
    /// process busy on one core; more than the machine's cores only makes every request slower.
    /// </summary>
    public int MaxConcurrentPages { get; set; } = 2;

    /// <summary>How long loading a print document may take (a 1,500-page book with 360 photographs takes about 2 s).</summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
