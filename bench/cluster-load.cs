// The load for bench/cluster.sh: readers and writers through nginx over HTTPS and HTTP/2, each a browser of its own
// (its own connection, cookies and session from a real sign-in through the sign-in form).
//   run:   readers browse and search in a loop (list, list page 2, a posting, searches with terms and filters); writers
//          publish needs in a loop (the new-need form, the draft POSTed with its antiforgery token, the draft's page,
//          Publish, the published page), each following the portal's redirects as a browser does. Warm-up first (not
//          counted), then DURATION measured; with --kill PID, that process gets SIGKILL half-way. Writes a JSON file.
//   table: prints the JSON files of the cases side by side.
// Every request is recorded (start, duration, answer or error), so that the kill case can say which requests failed
// and when; the nginx access log (written by cluster.sh's nginx.conf) says which instance answered and what nginx
// passed on to the other one.
// Run: dotnet run -c Release bench/cluster-load.cs -- run --url https://127.0.0.1:PORT/ --certificate tls.crt ...
//      dotnet run -c Release bench/cluster-load.cs -- table plain.json kill.json
#:property PublishAot=false
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

return args switch
{
    ["run", .. var rest] => await Bench.RunAsync(Settings.Parse(rest)),
    ["table", .. var files] => Table.Print(files),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: cluster-load.cs run --url URL --certificate CRT --out FILE [options] | table FILE...");
    return 2;
}

internal sealed record Settings(
    string Name, Uri Url, string Certificate, int Readers, int Writers, int WarmupSeconds, int DurationSeconds,
    int[] Instances, string[] Upstreams, int? Kill, int? Nginx, int? Postgres, string? AccessLog, string Out)
{
    public static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string key, string? fallback = null) =>
            values.TryGetValue(key, out var value) ? value : fallback ?? throw new ArgumentException($"--{key} is missing.");
        int Number(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        int? Optional(string key) => values.TryGetValue(key, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : null;

        return new Settings(
            Get("name", "run"), new Uri(Get("url")), Get("certificate"), Number("readers", 100), Number("writers", 5),
            Number("warmup", 30), Number("duration", 300),
            [.. Get("instances", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))],
            Get("upstreams", "").Split(',', StringSplitOptions.RemoveEmptyEntries), Optional("kill"), Optional("nginx"), Optional("postgres"), values.GetValueOrDefault("access-log"), Get("out"));
    }
}

/// <summary>One request: when it started and how long it took (ms from the start of the measurement), and how it ended.</summary>
internal readonly record struct Sample(bool Writer, string Label, double StartMs, double Ms, int Status, string? Error);

internal sealed record Answer(int Status, string? Location, string? Text);

/// <summary>A browser: its own HTTP/2 connection to nginx, its own cookies.</summary>
internal sealed partial class Browser : IDisposable
{
    public const string Password = "sample passphrase for the portal";

    private readonly HttpClient client;

    public Browser(Uri url, string thumbprint, bool decompress)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            // A reader's pages are asked for compressed as a browser asks (nginx's work), and not unpacked here (the
            // generator's work, on the same cores): only the writers read the HTML.
            AutomaticDecompression = decompress ? DecompressionMethods.All : DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate?.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint,
            },
        };
        client = new HttpClient(handler)
        {
            BaseAddress = url,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestHeaders = { Host = "portal.test" },
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("portal-bench/1.0");
        if (!decompress)
        {
            client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        }
    }

    /// <summary>Sends one request; the answer's status, its Location and (when asked) its text.</summary>
    public async Task<Answer> SendAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? form, bool read)
    {
        // As a browser does, over HTTP/2 (the client's defaults apply only to its own shortcuts, not to a message made here).
        using var request = new HttpRequestMessage(method, path) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionOrHigher };
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        string? text = null;
        if (read)
        {
            // A reader's browser leaves the unpacking to us when it must read a page (signing in).
            await using var body = await response.Content.ReadAsStreamAsync();
            await using Stream unpacked = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
            {
                "br" => new BrotliStream(body, CompressionMode.Decompress),
                "gzip" => new GZipStream(body, CompressionMode.Decompress),
                _ => body,
            };
            using var reader = new StreamReader(unpacked, Encoding.UTF8);
            text = await reader.ReadToEndAsync();
        }
        else
        {
            await response.Content.CopyToAsync(Stream.Null);
        }

        return new Answer((int)response.StatusCode, response.Headers.Location?.OriginalString, text);
    }

    public async Task SignInAsync(string email)
    {
        var form = await SendAsync(HttpMethod.Get, "/Account/SignIn", null, read: true);
        var answer = await SendAsync(HttpMethod.Post, "/Account/SignIn",
            [new("Input.Email", email), new("Input.Password", Password), new("__RequestVerificationToken", Token(form.Text!))], read: false);
        if (answer.Status != 302 || answer.Location != "/")
        {
            throw new InvalidOperationException($"Signing in as {email} answered {answer.Status} {answer.Location}.");
        }
    }

    public static string Token(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page."));

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();
}

internal static partial class Bench
{
    private static readonly string[] ReaderAccounts =
    [
        "member.che@sample.test", "observer@ngo.sample.test", "focal.lao@sample.test", "focal.lbn@sample.test",
        "focal.irq@sample.test", "focal.deu@sample.test", "focal.nor@sample.test",
    ];

    /// <summary>Focal points of States: they may publish needs.</summary>
    private static readonly string[] WriterAccounts =
        ["focal.lao@sample.test", "focal.lbn@sample.test", "focal.irq@sample.test", "focal.deu@sample.test", "focal.nor@sample.test"];

    /// <summary>Searches a reader makes: terms from the sample postings, with and without filters.</summary>
    private static readonly string[] Searches =
    [
        "/Postings?q=victim+assistance+Lao",
        "/Postings?q=%22non-technical+survey%22",
        "/Postings?q=risk+education&region=Asia",
        "/Postings?q=clearance&kind=Need&sort=Newest",
        "/Postings?q=prosthetics+rehabilitation",
        "/Postings?kind=Offer&area=VictimAssistance",
        "/Postings?q=survey&country=IRQ",
    ];

    private static readonly string[] Words =
    [
        "clearance", "survey", "village", "province", "ministry", "partner", "training", "team", "capacity", "cluster",
        "munition", "remnants", "survivors", "assistance", "cooperation", "land", "release", "risk", "education",
        "community", "national", "authority", "programme", "support", "funding", "regional", "equipment", "districts",
        "the", "and", "of", "to", "in", "with", "for", "by", "on", "a", "their", "this", "from", "after",
    ];

    private const string PublishedMessage = "Published. Everyone it is open to can now find it.";

    /// <summary>The start of the measurement; requests that start earlier (the warm-up) are not recorded.</summary>
    private static long origin = long.MaxValue;

    private static double Ms(long timestamp) => (timestamp - origin) * 1000.0 / Stopwatch.Frequency;

    public static async Task<int> RunAsync(Settings settings)
    {
        var thumbprint = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(settings.Certificate)).GetCertHashString(HashAlgorithmName.SHA256);
        Console.WriteLine($"  Signing in {settings.Readers} readers and {settings.Writers} writers through the sign-in form ...");
        var readers = Enumerable.Range(0, settings.Readers).Select(_ => new Browser(settings.Url, thumbprint, decompress: false)).ToArray();
        var writers = Enumerable.Range(0, settings.Writers).Select(_ => new Browser(settings.Url, thumbprint, decompress: true)).ToArray();
        var signIns = readers.Select((b, i) => (Browser: b, Email: ReaderAccounts[i % ReaderAccounts.Length]))
            .Concat(writers.Select((b, i) => (Browser: b, Email: WriterAccounts[i % WriterAccounts.Length])));
        await Parallel.ForEachAsync(signIns, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (s, _) => await s.Browser.SignInAsync(s.Email));

        // The postings each account's readers open: those its own list shows (an observer sees fewer).
        var postings = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var account in ReaderAccounts.Take(settings.Readers))
        {
            using var look = new Browser(settings.Url, thumbprint, decompress: true);
            await look.SignInAsync(account);
            var ids = new List<int>();
            foreach (var page in new[] { "/Postings", "/Postings?page=2" })
            {
                var answer = await look.SendAsync(HttpMethod.Get, page, null, read: true);
                ids.AddRange(PostingLink().Matches(answer.Text!).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
            }

            postings[account] = [.. ids.Distinct()];
            Console.WriteLine($"  {account}: {postings[account].Length} postings in its first two list pages");
        }

        var measuredFrom = Stopwatch.GetTimestamp() + (long)(settings.WarmupSeconds * (double)Stopwatch.Frequency);
        var end = measuredFrom + (long)(settings.DurationSeconds * (double)Stopwatch.Frequency);
        origin = measuredFrom;
        Console.WriteLine($"  Warming up for {settings.WarmupSeconds} s, then measuring for {settings.DurationSeconds} s ...");
        var readerTasks = readers.Select((b, i) => Task.Run(() => ReadAsync(b, postings[ReaderAccounts[i % ReaderAccounts.Length]], i, end))).ToArray();
        var writerTasks = writers.Select((b, i) => Task.Run(() => WriteAsync(b, i, end))).ToArray();

        await WaitUntilAsync(measuredFrom);
        using var stopSampling = new CancellationTokenSource();
        var connections = settings.Postgres is int postmaster ? Connections.PeakAsync(postmaster, stopSampling.Token) : Task.FromResult(0);
        var unixOrigin = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 - Ms(Stopwatch.GetTimestamp()) / 1000;
        var cpuAtStart = Cpu.Read(settings);
        var loadCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        Memory? killedMemory = null;
        double? killAtMs = null;
        Cpu.Snapshot? cpuAtKill = null;
        if (settings.Kill is int victim)
        {
            await WaitUntilAsync(measuredFrom + (end - measuredFrom) / 2);
            killedMemory = Memory.Read(victim);
            cpuAtKill = Cpu.Read(settings);
            using var process = Process.GetProcessById(victim);
            process.Kill(); // SIGKILL
            killAtMs = Ms(Stopwatch.GetTimestamp());
            Console.WriteLine($"  Killed instance 1 (PID {victim}) with SIGKILL at {killAtMs / 1000:0.0} s");
        }

        await WaitUntilAsync(end);
        await stopSampling.CancelAsync();
        var peakConnections = await connections;
        var cpuAtEnd = Cpu.Read(settings);
        var loadCpu = (Process.GetCurrentProcess().TotalProcessorTime - loadCpuAtStart).TotalSeconds;
        var memory = settings.Instances.Select(pid => pid == settings.Kill ? killedMemory! : Memory.Read(pid)).ToArray();
        var samples = new List<Sample>();
        var published = 0;
        foreach (var list in await Task.WhenAll(readerTasks))
        {
            samples.AddRange(list);
        }

        foreach (var (list, count) in await Task.WhenAll(writerTasks))
        {
            samples.AddRange(list);
            published += count;
        }

        foreach (var browser in readers.Concat(writers))
        {
            browser.Dispose();
        }

        if (settings.Nginx is int nginx)
        {
            // Reopening its logs makes nginx write what it buffered.
            using var reopen = Process.Start("kill", ["-USR1", nginx.ToString(CultureInfo.InvariantCulture)]);
            await reopen.WaitForExitAsync();
            await Task.Delay(1000);
        }

        var measuredMs = settings.DurationSeconds * 1000.0;
        var result = Report.Build(settings, samples, published, killAtMs, memory,
            Cpu.Compare(settings, cpuAtStart, cpuAtEnd, cpuAtKill, loadCpu, measuredMs / 1000),
            settings.AccessLog is { } log ? NginxLog.Read(log, settings.Upstreams, unixOrigin, measuredMs, killAtMs) : null, peakConnections);
        await File.WriteAllTextAsync(settings.Out, JsonSerializer.Serialize(result, Report.Json));
        Console.WriteLine($"  {result.Readers.Requests:N0} reader requests, {result.Writers.Requests:N0} writer requests, "
            + $"{published:N0} needs published, {result.Errors.Sum(e => e.Count):N0} errors");
        return 0;
    }

    private static async Task WaitUntilAsync(long timestamp)
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }

    private static async Task<List<Sample>> ReadAsync(Browser browser, int[] postings, int seed, long end)
    {
        var random = new Random(seed);
        var samples = new List<Sample>();
        while (Stopwatch.GetTimestamp() < end)
        {
            var (label, path) = random.Next(100) switch
            {
                < 20 => ("list", "/Postings"),
                < 30 => ("list, page 2", "/Postings?page=2"),
                < 65 => ("posting", $"/Postings/{postings[random.Next(postings.Length)]}"),
                _ => ("search", Searches[random.Next(Searches.Length)]),
            };
            await TimedAsync(browser, samples, writer: false, label, HttpMethod.Get, path, null, read: false, Expect(200));
        }

        return samples;
    }

    private static Func<Answer, string?> Expect(int status) =>
        a => a.Status == status ? null : $"flow: {a.Status} where {status} was expected{(a.Location is { } to ? " (to " + to + ")" : "")}";

    /// <summary>
    /// One request, recorded when it started within the measurement. An answer outside 2xx/3xx or a transport error
    /// is an error; a 2xx or 3xx that the flow did not expect (a form refused, a session lost) is one too, named "flow".
    /// Null when it failed.
    /// </summary>
    private static async Task<Answer?> TimedAsync(
        Browser browser, List<Sample> samples, bool writer, string label, HttpMethod method, string path,
        IEnumerable<KeyValuePair<string, string>>? form, bool read, Func<Answer, string?> problem)
    {
        var started = Stopwatch.GetTimestamp();
        Answer? answer = null;
        string? error;
        try
        {
            answer = await browser.SendAsync(method, path, form, read);
            error = answer.Status is < 200 or >= 400 ? $"HTTP {answer.Status}" : problem(answer);
        }
        catch (HttpRequestException e)
        {
            error = $"transport: {e.HttpRequestError}";
        }
        catch (TaskCanceledException)
        {
            error = "transport: timeout (60 s)";
        }
        catch (IOException e)
        {
            error = $"transport: {e.GetType().Name}";
        }

        var ended = Stopwatch.GetTimestamp();
        if (started >= origin)
        {
            samples.Add(new Sample(writer, label, Ms(started), (ended - started) * 1000.0 / Stopwatch.Frequency, answer?.Status ?? 0, error));
        }

        return error is null ? answer : null;
    }

    private static async Task<(List<Sample>, int)> WriteAsync(Browser browser, int index, long end)
    {
        var random = new Random(1000 + index);
        var samples = new List<Sample>();
        var published = 0;
        for (var n = 1; Stopwatch.GetTimestamp() < end; n++)
        {
            var before = samples.Count;
            if (await PublishOneAsync(browser, samples, random, index, n))
            {
                // Counted when its last page was asked for within the measurement, as the requests are.
                published += samples.Count > before && samples[^1].StartMs < Ms(end) ? 1 : 0;
            }
            else
            {
                await Task.Delay(1000); // A person reads the error page before trying again.
            }
        }

        return (samples, published);
    }

    /// <summary>One need, as a focal point publishes it: the form, the draft, the draft's page, Publish, the published page.</summary>
    private static async Task<bool> PublishOneAsync(Browser browser, List<Sample> samples, Random random, int writer, int n)
    {
        var form = await TimedAsync(browser, samples, writer: true, "new-need form", HttpMethod.Get, "/Postings/New?kind=Need", null, read: true, Expect(200));
        if (form?.Text is not { } html)
        {
            return false;
        }

        string Sentence(int min, int max)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Words[random.Next(Words.Length)]));
            return char.ToUpperInvariant(text[0]) + text[1..] + ".";
        }

        // The template's headings, with a few sentences written under each (an empty section asks once more before publishing).
        var body = new StringBuilder();
        foreach (var line in WebUtility.HtmlDecode(BodyField().Match(html).Groups[1].Value).Split('\n'))
        {
            body.Append(line).Append('\n');
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                body.Append('\n').AppendJoin(' ', Enumerable.Range(0, random.Next(2, 6)).Select(_ => Sentence(10, 25))).Append('\n');
            }
        }

        var participant = ValueOf(html, "Input.Participant");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Browser.Token(html)),
            new("Input.Revision", ValueOf(html, "Input.Revision")),
            new("Input.Kind", ValueOf(html, "Input.Kind")),
            new("Input.Participant", participant),
            new("Input.Title", $"Bench need {writer + 1}.{n}: {Sentence(4, 9).TrimEnd('.')}"),
            new("Input.Summary", "A need published by the load test. " + Sentence(12, 30)),
            new("Input.Areas", random.Next(2) == 0 ? "ClearanceAndRiskEducation" : "VictimAssistance"),
            new("Input.Countries", participant),
            new("Input.Budget", (random.Next(5, 500) * 1000).ToString(CultureInfo.InvariantCulture)),
            new("Input.Currency", "USD"),
            new("Input.Period", "2027–2028"),
            new("Input.ContactPoint", "Bench focal point, Ministry, bench@sample.test"),
            new("Input.Visibility", CheckedValue(html, "Input.Visibility")),
            new("Input.ValidUntil", ValueOf(html, "Input.ValidUntil")),
            new("Input.Body", body.ToString()),
        };
        var draft = await TimedAsync(browser, samples, writer: true, "save draft", HttpMethod.Post, "/Postings/New", fields, read: true,
            a => a.Status == 302 && a.Location is { } to && DraftLocation().IsMatch(to) ? null
                : a.Status == 200 ? "flow: draft refused: " + FirstError(a.Text ?? "") : Expect(302)(a));
        if (draft?.Location is not { } location)
        {
            return false;
        }

        var page = await TimedAsync(browser, samples, writer: true, "draft page", HttpMethod.Get, location, null, read: true,
            a => a.Status != 200 ? Expect(200)(a) : PublishAction().IsMatch(a.Text!) ? null : "flow: no Publish button on the draft's page");
        if (page?.Text is not { } draftHtml)
        {
            return false;
        }

        var action = WebUtility.HtmlDecode(PublishAction().Match(draftHtml).Groups[1].Value);
        var publish = await TimedAsync(browser, samples, writer: true, "publish", HttpMethod.Post, action,
            [new("__RequestVerificationToken", Browser.Token(draftHtml)), new("revision", PublishRevision().Match(draftHtml).Groups[1].Value)],
            read: false, a => a.Status == 302 && a.Location == location ? null : $"flow: publish answered {a.Status} to {a.Location}");
        if (publish is null)
        {
            return false;
        }

        var shown = await TimedAsync(browser, samples, writer: true, "published page", HttpMethod.Get, location, null, read: true,
            a => a.Status != 200 ? Expect(200)(a) : a.Text!.Contains(PublishedMessage, StringComparison.Ordinal) ? null : "flow: not published");
        return shown is not null;
    }

    private static string ValueOf(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);

    private static string CheckedValue(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"[^>]*checked").Groups[1].Value);

    private static string FirstError(string html) =>
        WebUtility.HtmlDecode(FieldError().Match(html) is { Success: true } m ? m.Groups[1].Value.Trim() : "(no message)");

    [GeneratedRegex("href=\"/Postings/([0-9]+)\"")]
    private static partial Regex PostingLink();

    [GeneratedRegex("<textarea[^>]*name=\"Input.Body\"[^>]*>\\n?([^<]*)</textarea>")]
    private static partial Regex BodyField();

    [GeneratedRegex("^/Postings/[0-9]+$")]
    private static partial Regex DraftLocation();

    [GeneratedRegex("<form [^>]*action=\"([^\"]*handler=Publish[^\"]*)\"")]
    private static partial Regex PublishAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"revision\" value=\"([0-9]+)\"")]
    private static partial Regex PublishRevision();

    [GeneratedRegex("class=\"field-error[^\"]*\"[^>]*>([^<]+)<")]
    private static partial Regex FieldError();
}

internal sealed record Memory(int Pid, double PeakMb, double RssMb)
{
    /// <summary>VmHWM (the peak resident set) and VmRSS from /proc/PID/status.</summary>
    public static Memory Read(int pid)
    {
        double Field(string[] lines, string name) =>
            double.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal))[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return new Memory(pid, Field(status, "VmHWM:"), Field(status, "VmRSS:"));
    }
}

/// <summary>CPU seconds: the machine's (every process, from /proc/stat) and each part's (its process tree, from /proc/PID/stat).</summary>
internal static class Cpu
{
    public sealed record Snapshot(double Busy, Dictionary<string, double> Parts);

    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static Snapshot Read(Settings settings)
    {
        var processes = new Dictionary<int, (int Parent, double Seconds)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // After the name: state, ppid, ... utime (14th field of the line), stime, cutime, cstime (children already reaped).
                var ticks = fields[11..15].Sum(f => double.Parse(f, CultureInfo.InvariantCulture));
                processes[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), ticks / TicksPerSecond);
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        double Tree(int root) => processes.Where(p => IsIn(p.Key, root)).Sum(p => p.Value.Seconds);
        bool IsIn(int pid, int root)
        {
            for (var depth = 0; pid > 1 && depth < 64; depth++)
            {
                if (pid == root)
                {
                    return true;
                }

                pid = processes.TryGetValue(pid, out var p) ? p.Parent : 0;
            }

            return false;
        }

        var parts = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < settings.Instances.Length; i++)
        {
            if (processes.ContainsKey(settings.Instances[i]))
            {
                parts[$"instance {i + 1}"] = Tree(settings.Instances[i]);
            }
        }

        if (settings.Nginx is int nginx)
        {
            parts["nginx"] = Tree(nginx);
        }

        if (settings.Postgres is int postgres)
        {
            parts["PostgreSQL"] = Tree(postgres);
        }

        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user, nice, system, idle, iowait, irq, softirq, steal
        var busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7];
        return new Snapshot(busy / TicksPerSecond, parts);
    }

    public static CpuUse Compare(Settings settings, Snapshot start, Snapshot end, Snapshot? atKill, double loadSeconds, double seconds)
    {
        var parts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, before) in start.Parts)
        {
            var after = end.Parts.TryGetValue(name, out var value) ? value : atKill?.Parts.GetValueOrDefault(name) ?? before;
            parts[name] = after - before;
        }

        parts["load generator"] = loadSeconds;
        var busy = end.Busy - start.Busy;
        parts["everything else on the machine"] = Math.Max(0, busy - parts.Values.Sum());
        return new CpuUse(seconds, Environment.ProcessorCount, busy, parts);
    }
}

/// <summary>The PostgreSQL server's client connections (its backends that serve a database), counted once a second.</summary>
internal static class Connections
{
    public static async Task<int> PeakAsync(int postmaster, CancellationToken stop)
    {
        var peak = 0;
        while (!stop.IsCancellationRequested)
        {
            var count = 0;
            foreach (var directory in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    if (stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] == postmaster.ToString(CultureInfo.InvariantCulture)
                        && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains('(', StringComparison.Ordinal))
                    {
                        count++; // "postgres: USER DATABASE 127.0.0.1(PORT) STATE"
                    }
                }
                catch (IOException)
                {
                    // The process ended meanwhile.
                }
            }

            peak = Math.Max(peak, count);
            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }
}

internal sealed record CpuUse(double Seconds, int Cores, double Busy, Dictionary<string, double> Parts);

/// <summary>What nginx's access log says: which instance answered, what it passed on to the other one, what failed.</summary>
internal static partial class NginxLog
{
    public static NginxFigures Read(string path, string[] upstreams, double unixOrigin, double measuredMs, double? killAtMs)
    {
        var answeredBy = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var passedOn = new List<string>();
        var failed = new List<string>();
        var requests = 0;
        var http2 = 0;
        foreach (var line in File.ReadLines(path))
        {
            var m = Line().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var endMs = (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - unixOrigin) * 1000;
            var startMs = endMs - double.Parse(m.Groups[7].Value, CultureInfo.InvariantCulture) * 1000;
            if (startMs < 0 || startMs >= measuredMs)
            {
                continue;
            }

            requests++;
            http2 += m.Groups[8].Value == "HTTP/2.0" ? 1 : 0;
            var (method, uri, status, addresses, statuses) = (m.Groups[2].Value, Shape(m.Groups[3].Value), m.Groups[4].Value, m.Groups[5].Value, m.Groups[6].Value);
            string Name(string address) => Array.IndexOf(upstreams, address.Trim()) is var i and >= 0 ? $"instance {i + 1}" : address.Trim();
            var instances = addresses.Split(',').Select(Name).ToArray();
            answeredBy[instances[^1]] = answeredBy.GetValueOrDefault(instances[^1]) + 1;
            var when = killAtMs is double kill ? string.Create(CultureInfo.InvariantCulture, $" at kill{(endMs - kill) / 1000:+0.0;-0.0} s") : "";
            if (instances.Length > 1)
            {
                passedOn.Add($"{method} {uri}: {string.Join(", ", instances.Zip(statuses.Split(',')).Select(p => $"{p.First} {p.Second.Trim()}"))}");
            }

            if (int.Parse(status, CultureInfo.InvariantCulture) >= 500)
            {
                failed.Add($"{method} {uri}: {status} ({string.Join(", ", instances.Zip(statuses.Split(',')).Select(p => $"{p.First} {p.Second.Trim()}"))}){when}");
            }
        }

        static string[] Grouped(List<string> lines) =>
            [.. lines.GroupBy(l => Regex.Replace(l, " at kill.*$", ""), StringComparer.Ordinal).OrderByDescending(g => g.Count())
                .Select(g => g.Count() == 1 ? g.First() : $"{g.Key} (×{g.Count()})")];
        return new NginxFigures(requests, http2, new Dictionary<string, int>(answeredBy, StringComparer.Ordinal), passedOn.Count, Grouped(passedOn), failed.Count, Grouped(failed));
    }

    private static string Shape(string uri) => Number().Replace(uri, "/{id}");

    [GeneratedRegex("^(\\S+) (\\S+) (\\S+) (\\d+) \"([^\"]*)\" \"([^\"]*)\" (\\S+) (\\S+)$")]
    private static partial Regex Line();

    [GeneratedRegex("/[0-9]+")]
    private static partial Regex Number();
}

internal sealed record NginxFigures(int Requests, int Http2, Dictionary<string, int> AnsweredBy, int PassedOn, string[] PassedOnKinds, int Failed, string[] FailedKinds);

internal sealed record Side(int Requests, double PerSecond, double P50, double P95, double P99, double Max, int Errors, Dictionary<string, double[]> ByLabel);

internal sealed record ErrorKind(string Who, string Label, string Error, int Count, int InTenSecondsAfterKill);

internal sealed record KillFigures(
    double AtSeconds, int ErrorsInTenSecondsAfter, int ErrorsElsewhere, int InFlight, int FailedInFlight, int FailedStartedAfter, string[] Failed);

internal sealed record Result(
    string Name, int ReaderCount, int WriterCount, int DurationSeconds, Side Readers, Side Writers, int Published, ErrorKind[] Errors,
    KillFigures? Kill, Memory[] Memory, CpuUse Cpu, NginxFigures? Nginx, string LoadAverage, int PeakConnections);

internal static class Report
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Result Build(
        Settings settings, List<Sample> samples, int published, double? killAtMs, Memory[] memory, CpuUse cpu, NginxFigures? nginx,
        int peakConnections)
    {
        var seconds = settings.DurationSeconds;
        // A writer's flow begun before the end goes on after it: only what started within the measurement counts.
        samples = [.. samples.Where(s => s.StartMs < seconds * 1000)];
        bool AfterKill(Sample s) => killAtMs is double k && s.StartMs + s.Ms >= k && s.StartMs + s.Ms < k + 10_000;
        Side SideOf(bool writer)
        {
            var mine = samples.Where(s => s.Writer == writer).ToList();
            var all = Sorted(mine);
            return new Side(mine.Count, mine.Count / (double)seconds, P(all, 50), P(all, 95), P(all, 99), all.Length > 0 ? all[^1] : 0,
                mine.Count(s => s.Error is not null),
                mine.GroupBy(s => s.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
                {
                    var sorted = Sorted(g);
                    return new[] { g.Count(), P(sorted, 50), P(sorted, 95), P(sorted, 99) };
                }, StringComparer.Ordinal));
        }

        var errors = samples.Where(s => s.Error is not null)
            .GroupBy(s => (Who: s.Writer ? "writer" : "reader", s.Label, Error: s.Error!))
            .Select(g => new ErrorKind(g.Key.Who, g.Key.Label, g.Key.Error, g.Count(), g.Count(AfterKill)))
            .OrderByDescending(e => e.Count).ToArray();
        KillFigures? kill = null;
        if (killAtMs is double at)
        {
            var failed = samples.Where(s => s.Error is not null).ToList();
            bool InFlight(Sample s) => s.StartMs <= at && s.StartMs + s.Ms >= at;
            kill = new KillFigures(at / 1000, failed.Count(AfterKill), failed.Count(s => !AfterKill(s)), samples.Count(InFlight),
                failed.Count(InFlight), failed.Count(s => s.StartMs > at),
                [.. failed.OrderBy(s => s.StartMs).Take(40).Select(s => string.Create(CultureInfo.InvariantCulture,
                    $"{(s.Writer ? "writer" : "reader")} {s.Label}: {s.Error}, started at kill{(s.StartMs - at) / 1000:+0.00;-0.00} s, took {s.Ms / 1000:0.00} s"))]);
        }

        var loadAverage = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        return new Result(settings.Name, settings.Readers, settings.Writers, seconds, SideOf(false), SideOf(true), published, errors, kill, memory,
            cpu, nginx, loadAverage, peakConnections);
    }

    private static double[] Sorted(IEnumerable<Sample> samples) => [.. samples.Select(s => s.Ms).Order()];

    private static double P(double[] sorted, double percentile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal static class Table
{
    public static int Print(string[] files)
    {
        var results = files.Select(f => JsonSerializer.Deserialize<Result>(File.ReadAllText(f), Report.Json)!).ToArray();
        const int Width = 26;
        var c = CultureInfo.InvariantCulture;
        void Row(string label, Func<Result, string> value) =>
            Console.WriteLine(label.PadRight(44) + string.Concat(results.Select(r => value(r).PadLeft(Width))));
        string Ms(double value) => value.ToString(value < 100 ? "0.0" : "0", c);
        string Latency(Side s) => $"{Ms(s.P50)} / {Ms(s.P95)} / {Ms(s.P99)}";

        var first = results[0];
        Console.WriteLine($"Two instances behind nginx: {first.ReaderCount} readers, {first.WriterCount} writers, {first.DurationSeconds} s measured per case");
        Row("", r => r.Kill is null ? r.Name : $"{r.Name} (at {r.Kill.AtSeconds:0} s)");
        Row("readers: requests/s", r => r.Readers.PerSecond.ToString("0.0", c));
        Row("readers: p50 / p95 / p99 (ms)", r => Latency(r.Readers));
        foreach (var label in results.SelectMany(r => r.Readers.ByLabel.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Row($"  {label}: p50 / p95 / p99 (ms)", r => r.Readers.ByLabel.TryGetValue(label, out var v) ? $"{Ms(v[1])} / {Ms(v[2])} / {Ms(v[3])}" : "-");
        }

        Row("readers: requests / errors", r => $"{r.Readers.Requests:N0} / {r.Readers.Errors:N0}");
        Row("writers: requests/s", r => r.Writers.PerSecond.ToString("0.0", c));
        Row("writers: needs published (per s)", r => $"{r.Published:N0} ({r.Published / (double)r.DurationSeconds:0.00})");
        Row("writers: p50 / p95 / p99 (ms)", r => Latency(r.Writers));
        foreach (var label in new[] { "new-need form", "save draft", "draft page", "publish", "published page" })
        {
            Row($"  {label}: p50 / p95 / p99 (ms)", r => r.Writers.ByLabel.TryGetValue(label, out var v) ? $"{Ms(v[1])} / {Ms(v[2])} / {Ms(v[3])}" : "-");
        }

        Row("writers: requests / errors", r => $"{r.Writers.Requests:N0} / {r.Writers.Errors:N0}");
        foreach (var kind in results.SelectMany(r => r.Errors).Select(e => $"{e.Who} {e.Label}: {e.Error}").Distinct(StringComparer.Ordinal))
        {
            Row($"  {kind}", r => r.Errors.Where(e => $"{e.Who} {e.Label}: {e.Error}" == kind).Sum(e => e.Count).ToString("N0", c));
        }

        Row("errors in the 10 s after the kill / rest", r => r.Kill is { } k ? $"{k.ErrorsInTenSecondsAfter} / {k.ErrorsElsewhere}" : "-");
        Row("requests in flight at the kill / failed", r => r.Kill is { } k ? $"{k.InFlight} / {k.FailedInFlight}" : "-");
        Row("failed requests started after the kill", r => r.Kill is { } k ? $"{k.FailedStartedAfter}" : "-");
        for (var i = 0; i < first.Memory.Length; i++)
        {
            var n = i;
            Row($"instance {i + 1}: peak RSS / RSS at end (MB)", r => n < r.Memory.Length
                ? $"{r.Memory[n].PeakMb:0} / {r.Memory[n].RssMb:0}{(r.Kill is not null && n == 0 ? " (kill)" : "")}" : "-");
        }

        Row("PostgreSQL: client connections, peak", r => r.PeakConnections.ToString(c));
        Row("machine: load average at the end", r => r.LoadAverage);
        Row("CPU (s of core) busy / available", r => $"{r.Cpu.Busy:0} / {r.Cpu.Seconds * r.Cpu.Cores:0}");
        foreach (var part in results.SelectMany(r => r.Cpu.Parts.Keys).Distinct(StringComparer.Ordinal))
        {
            Row($"  {part}", r => r.Cpu.Parts.TryGetValue(part, out var s) ? $"{s:0} ({s / (r.Cpu.Seconds * r.Cpu.Cores):0%})" : "-");
        }

        Row("nginx: requests (over HTTP/2)", r => r.Nginx is { } n ? $"{n.Requests:N0} ({n.Http2 / (double)Math.Max(1, n.Requests):0%})" : "-");
        foreach (var who in results.SelectMany(r => r.Nginx?.AnsweredBy.Keys.ToArray() ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Row($"  answered by {who}", r => r.Nginx?.AnsweredBy.GetValueOrDefault(who).ToString("N0", c) ?? "-");
        }

        Row("  passed on to the other instance", r => r.Nginx?.PassedOn.ToString("N0", c) ?? "-");
        Row("  answered 5xx", r => r.Nginx?.Failed.ToString("N0", c) ?? "-");
        foreach (var r in results)
        {
            if (r.Nginx is { } nginx && (nginx.PassedOnKinds.Length > 0 || nginx.FailedKinds.Length > 0))
            {
                Console.WriteLine($"[{r.Name}] nginx passed on: {(nginx.PassedOnKinds.Length == 0 ? "none" : string.Join("; ", nginx.PassedOnKinds))}");
                Console.WriteLine($"[{r.Name}] nginx answered 5xx: {(nginx.FailedKinds.Length == 0 ? "none" : string.Join("; ", nginx.FailedKinds))}");
            }

            if (r.Kill is { Failed.Length: > 0 } kill)
            {
                Console.WriteLine($"[{r.Name}] failed requests (first {kill.Failed.Length}):");
                foreach (var line in kill.Failed)
                {
                    Console.WriteLine("  " + line);
                }
            }
        }

        return 0;
    }
}
