using System.Diagnostics;
using System.Net;
using System.Text;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The portal as production runs it: its own process (<c>dotnet Portal.dll</c>, the build next to the tests), on a
/// real port, on the database of a <see cref="PortalFactory"/>, in the Production environment. Only a process can be
/// killed with SIGKILL mid-write.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PortalProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote (JSON log lines), for the message of a failing test.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<PortalProcess> StartAsync(PortalFactory database, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var address = new Uri($"http://127.0.0.1:{port ?? LocalMachine.FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Database__Provider"] = TestEnvironment.IsPostgres ? "Postgres" : "Sqlite";
        start.Environment["ConnectionStrings__Portal"] = database.ConnectionString;
        start.Environment["Database__MigrateAtStartup"] = "false";
        start.Environment["Sample__Enabled"] = "false";
        start.Environment["Smtp__Host"] = "";
        start.Environment["Smtp__PublicBaseUrl"] = address.ToString();
        var portal = new PortalProcess(Process.Start(start)!, address);
        portal.process.OutputDataReceived += (_, line) => portal.Append(line.Data);
        portal.process.ErrorDataReceived += (_, line) => portal.Append(line.Data);
        portal.process.BeginOutputReadLine();
        portal.process.BeginErrorReadLine();
        await portal.WaitUntilReadyAsync();
        return portal;
    }

    /// <summary>SIGKILL: no request finishes, no transaction commits that had not.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal stopped at start (exit code {process.ExitCode}):\n{Output}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100); // Waiting for a process to come up, not for time to pass.
        }

        throw new TimeoutException($"The portal was not ready within a minute:\n{Output}");
    }

}
