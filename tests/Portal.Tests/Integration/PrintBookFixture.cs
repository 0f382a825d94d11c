using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Catalogue.Book;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.PrintSamples;

namespace Portal.Tests.Integration;

/// <summary>
/// One edition printed once by the real app's <see cref="PrintBook"/>, shared by the tests of a class: 3 parts,
/// 5 chapters (one of them joint: a recipient's and a donor's accounts of one project), 5 photographs, and a chapter of hostile input that points at this machine's files and at a listener of
/// ours, which counts every connection the printing made.
/// </summary>
public sealed class PrintBookFixture : IAsyncLifetime
{
    public const string HostileTitle = "\"; } @page { content: \"x</style><script>alert(1)</script> \\ end\nline";

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private int connections;

    public PortalFactory Factory { get; } = new() { OwnPrintBrowser = true };

    public BookEdition Edition { get; private set; } = null!;

    public PrintedBook Book { get; private set; } = null!;

    /// <summary>Kept with the test artifacts, for a person to look at.</summary>
    public string PdfFile { get; } = Path.Combine(TestEnvironment.Artifacts, "print", TestEnvironment.Provider, "book.pdf");

    /// <summary>Connections the listener accepted: the printing must make none.</summary>
    public int Connections => Volatile.Read(ref connections);

    public string ListenerAddress { get; private set; } = "";

    public PrintBook Printer => Factory.Services.GetRequiredService<PrintBook>();

    public async Task InitializeAsync()
    {
        listener.Start();
        ListenerAddress = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        _ = CountConnectionsAsync();
        Edition = BuildEdition(ListenerAddress);
        Book = await Printer.PrintAsync(Edition);
        Directory.CreateDirectory(Path.GetDirectoryName(PdfFile)!);
        await File.WriteAllBytesAsync(PdfFile, Book.Pdf);
    }

    public static BookEdition BuildEdition(string listenerAddress)
    {
        var hostileBody = string.Join("\n\n",
        [
            Body(6, seed: 2),
            "![passwd](/etc/passwd) ![passwd](file:///etc/passwd) ![pixel](" + listenerAddress + "/pixel.png)",
            "![attached](attachment:x) [a link](javascript:alert(1)) [local](file:///etc/hostname) [listener](" + listenerAddress + "/link)",
            "<img src=\"" + listenerAddress + "/img.png\"> <link rel=\"stylesheet\" href=\"" + listenerAddress + "/style.css\">",
            .. HostileInput.Corpus.Take(HostileInput.Corpus.Length - 1),
        ]);
        var hostile = new BookChapter("c-2", HostileTitle, "<img src=x onerror=alert(1)>",
            [new BookAuthor("<script>alert(2)</script>", "\"; } body { display: none", "</style>")],
            "Article 4 </style>", "2020", hostileBody,
            [new BookTestimonial("</blockquote><script>alert(3)</script>", "Person \"quoted\"", "Role", "Place")],
            [Figure("f-3", "</figcaption><script>alert(4)</script>", "Credit </style> \\ \"x\"")]);

        var lebanon = Chapter("c-3", "Victim assistance in the south", "Lebanon", Body(14, seed: 3)) with
        {
            Testimonials = [new BookTestimonial("The centre gave me my work back.", "Rana Haddad", "Survivor", "Nabatieh")],
        };
        return Edition(
            new BookPart("Article 4: Clearance and risk reduction",
            [
                Chapter("c-1", "Clearing the Plain of Jars", "Lao People's Democratic Republic", Body(18, seed: 1),
                    Figure("f-1", "A survey team at work", "Somsak Phommavong"),
                    Figure("f-2", "Land handed back to a village", "UXO Lao", width: 800, height: 1200)),
                hostile,
            ]),
            new BookPart("Article 5: Victim assistance",
            [
                lebanon,
                Chapter("c-4", "Rehabilitation services in Basra", "Iraq", Body(5, seed: 4)) with
                {
                    Joined =
                    [
                        Chapter("c-6", "Funding the Basra rehabilitation centre", "Norway", Body(4, seed: 6),
                            Figure("f-5", "The centre's workshop", "Norwegian People's Aid")) with
                        {
                            Authors = [new BookAuthor("Kari Nordmann", "Adviser", "Ministry of Foreign Affairs")],
                        },
                    ],
                },
            ]),
            new BookPart("Cross-cutting: national ownership",
            [
                Chapter("c-5", "Funding national authorities", "Germany", Body(30, seed: 5),
                    Figure("f-4", "Training in Bonn", "Federal Foreign Office")),
            ]));
    }

    private async Task CountConnectionsAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        stop.Dispose();
        await Factory.DisposeAsync();
    }
}
