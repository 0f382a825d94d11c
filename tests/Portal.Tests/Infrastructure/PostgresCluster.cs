using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own, for tests that kill it. Synchronous commits are on (PostgreSQL's default and
/// production's; test.sh's server has them off): a commit is acknowledged once its write-ahead log is written, which a
/// killed server does not undo. fsync is off, as on test.sh's server: it guards against the machine losing what the
/// operating system holds (a power cut), which killing a process cannot show, and it would only slow the test down.
/// Debian's binaries; run as the postgres user when the tests run as root, as PostgreSQL refuses root.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string directory;
    private readonly string bin;
    private readonly int port;

    private PostgresCluster(string directory, string bin, int port)
    {
        this.directory = directory;
        this.bin = bin;
        this.port = port;
    }

    /// <summary>A connection string to the server, without a database.</summary>
    public string Server => new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres" }.ToString();

    private string DataDirectory => Path.Combine(directory, "data");

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        var directory = Path.Combine(Path.GetTempPath(), "portal-postgres-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var cluster = new PostgresCluster(
            directory,
            bin ?? throw new InvalidOperationException("PostgreSQL's binaries are not under /usr/lib/postgresql: run the tests with ./test.sh, which installs them."),
            LocalMachine.FreePort());
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:", directory);
        }

        await cluster.RunPostgresToolAsync("initdb", "-D", cluster.DataDirectory, "--auth=trust", "--username=postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>Starts the server (again) on its port; after <see cref="KillAsync"/>, it recovers from its write-ahead log first.</summary>
    public Task StartAgainAsync() => RunPostgresToolAsync(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(directory, "postgres.log"), "-w", "-t", "60",
        "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>SIGKILL to the server and every process of it, as when the machine loses it: no checkpoint, no goodbye to clients.</summary>
    public async Task KillAsync()
    {
        var postmaster = int.Parse((await File.ReadAllLinesAsync(Path.Combine(DataDirectory, "postmaster.pid")))[0], CultureInfo.InvariantCulture);
        var backends = ProcessesOf(postmaster);
        using (var process = Process.GetProcessById(postmaster))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        // PostgreSQL will not start again while a process of the old server still holds its shared memory.
        var waited = Stopwatch.StartNew();
        while (backends.Any(IsRunning) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50); // Waiting for processes to end, not for time to pass.
        }
    }

    /// <summary>What the server logged, for the message of a failing test.</summary>
    public string Log => File.Exists(Path.Combine(directory, "postgres.log")) ? File.ReadAllText(Path.Combine(directory, "postgres.log")) : "";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped (killed by the test and not started again).
        }

        Directory.Delete(directory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The process ids whose parent is <paramref name="parent"/>.</summary>
    private static List<int> ProcessesOf(int parent) => Directory.EnumerateDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var pid) ? pid : 0)
        .Where(pid => pid > 0 && Stat(pid) is { } fields && fields[1] == parent.ToString(CultureInfo.InvariantCulture))
        .ToList();

    /// <summary>Running: not gone and not a zombie (a zombie holds no memory).</summary>
    private static bool IsRunning(int pid) => Stat(pid) is { } fields && fields[0] != "Z";

    /// <summary>The fields of /proc/PID/stat after the command ("state ppid ..."), or null once the process is gone.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private Task RunPostgresToolAsync(string tool, params string[] arguments) => IsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments])
        : RunAsync(Path.Combine(bin, tool), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }
}
