using System.Diagnostics;
using System.Text.Json;

namespace Portal.Tests.Infrastructure;

/// <summary>Runs the W3C's EPUBCheck (the Debian package test.sh installs) on a file and returns its messages.</summary>
public static class Epubcheck
{
    public const string Jar = "/usr/bin/epubcheck";

    public sealed record Message(string Severity, string Id, string Text, string Where);

    public static async Task<IReadOnlyList<Message>> CheckAsync(string epubFile)
    {
        if (!File.Exists(Jar))
        {
            throw new InvalidOperationException($"EPUBCheck is not installed ({Jar} is missing): run the tests with ./test.sh, which installs it, or apt-get install epubcheck.");
        }

        var report = epubFile + ".json";
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        // A check takes seconds: the JVM's first compiler tier alone and its serial collector halve the CPU it costs
        // (12 s of user time to 6 s for the sample book), and two cores are shared with the rest of the test run.
        foreach (var argument in new[] { "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", Jar, epubFile, "--json", report })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (!File.Exists(report))
        {
            throw new InvalidOperationException($"EPUBCheck wrote no report (exit code {process.ExitCode}): {await output}{await error}");
        }

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(report));
        return
        [
            .. json.RootElement.GetProperty("messages").EnumerateArray().Select(m => new Message(
                m.GetProperty("severity").GetString()!,
                m.GetProperty("ID").GetString()!,
                m.GetProperty("message").GetString()!,
                string.Join("; ", m.GetProperty("locations").EnumerateArray().Select(l =>
                    $"{l.GetProperty("path").GetString()}:{l.GetProperty("line").GetInt32()}:{l.GetProperty("column").GetInt32()}")))),
        ];
    }
}
