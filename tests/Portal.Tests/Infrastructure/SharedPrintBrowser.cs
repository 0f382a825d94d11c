using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Features.Catalogue.Book;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The app starts one headless Chromium (and Playwright's driver) per instance, at its first print: about 1.5 s of CPU.
/// A test run starts a thousand-odd instances, and every test that submits a contribution prints its page estimate, so
/// the instances of a test process share this one, as the requests of one real instance share its own. Tests of the
/// print browser itself, or of what it logs, start their own (<see cref="PortalFactory.OwnPrintBrowser"/>).
/// </summary>
internal static class SharedPrintBrowser
{
    private static readonly Lazy<PrintBrowser> Browser = new(
        () => new PrintBrowser(Options.Create(new PrintOptions()), NullLogger<PrintBrowser>.Instance),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static PrintBrowser Instance => Browser.Value;
}
