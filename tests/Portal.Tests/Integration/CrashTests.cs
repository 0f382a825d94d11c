using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A burst of writes (postings saved and published, expressions of interest, catalogue contributions started and
/// submitted) cut short by SIGKILL, to the portal's process or to PostgreSQL itself: every write whose answer (the
/// redirect) reached the person is there, whole, the database passes its own integrity checks, and the portal goes on:
/// started again, or, when PostgreSQL was killed, by itself once the server is back.
/// </summary>
public sealed class CrashTests : PortalTest
{
    private const int NeedsToAnswer = 4;

    private PostgresCluster? ownServer;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownServer is not null)
        {
            await ownServer.DisposeAsync();
        }
    }

    [Fact]
    public async Task PortalKilledMidBurst_KeepsEveryAcknowledgedWrite_AndTheDatabasePassesItsIntegrityCheck()
    {
        var people = await PrepareAsync();
        await using var portal = await PortalProcess.StartAsync(Factory);
        var port = portal.Address.Port;

        using var burst = await BurstAsync(portal, people, portal.KillAsync);

        await using var restarted = await PortalProcess.StartAsync(Factory, port);
        await AssertEveryAcknowledgedWriteIsThereAsync(burst);
        Assert.Empty(await IntegrityProblemsAsync());

        // The session from before the crash is in the database, so the restarted process knows it.
        await AssertServedAsync(burst, restarted);
    }

    [PostgresFact]
    public async Task PostgresKilledMidBurst_KeepsEveryAcknowledgedWrite_AndThePortalServesAgainOnceItIsBack()
    {
        ownServer = await PostgresCluster.StartAsync();
        Factory.EmptyDatabase = true;
        Factory.PostgresServer = ownServer.Server;
        var people = await PrepareAsync();
        await using var portal = await PortalProcess.StartAsync(Factory);

        using var burst = await BurstAsync(portal, people, ownServer.KillAsync);

        await ownServer.StartAgainAsync();
        // The test's own reads (through the app in this process) start on new connections; the portal's process is left
        // to find out by itself.
        NpgsqlConnection.ClearAllPools();
        await AssertEveryAcknowledgedWriteIsThereAsync(burst);
        Assert.Empty(await IntegrityProblemsAsync());

        // The same process, never restarted, reads and writes again. The first request may still draw a connection from
        // before the crash (unless a background job drew them all): it gets the error page and empties the pool.
        var (postingId, _) = burst.Published.First();
        await burst.Lao.OpenAsync($"/Postings/{postingId}");
        if (burst.Lao.LastResponse!.StatusCode != HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, burst.Lao.LastResponse.StatusCode);
            Assert.Contains("idle connections were closed", portal.Output, StringComparison.Ordinal);
        }

        await AssertServedAsync(burst, portal);
        var after = await SaveDraftAsync(burst.Lao, "Survey of the southern districts, after the server came back");
        await burst.Lao.SubmitAsync("form[action*='handler=Publish']", follow: false);
        Assert.True(Browser.RedirectPath(burst.Lao.LastResponse!) == $"/Postings/{after}", $"Publishing after the restart answered {(int)burst.Lao.LastResponse!.StatusCode}:\n{portal.Output}");
    }

    private sealed record People(TestAccount Lao, TestAccount Deu, TestAccount Khm, List<int> Needs, int CallId);

    /// <summary>What each writer was told had been done, by id.</summary>
    private sealed class Burst : IDisposable
    {
        public required Browser Lao { get; init; }

        public required Browser Deu { get; init; }

        public required Browser Khm { get; init; }

        public ConcurrentDictionary<int, string> Saved { get; } = new();

        public ConcurrentDictionary<int, string> Published { get; } = new();

        public ConcurrentDictionary<int, string> Interests { get; } = new();

        public ConcurrentDictionary<int, string> Started { get; } = new();

        public ConcurrentDictionary<int, string> Submitted { get; } = new();

        public bool Enough => Published.Count >= 6 && Interests.Count >= 3 && Started.Count >= 2 && !Submitted.IsEmpty;

        public void Dispose()
        {
            Lao.Dispose();
            Deu.Dispose();
            Khm.Dispose();
        }
    }

    /// <summary>Three focal points, four needs of Laos for Germany to answer, and an open call for contributions.</summary>
    private async Task<People> PrepareAsync()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var deu = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "DEU");
        var khm = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "KHM");
        var needs = new List<int>();
        using (var setup = new Browser(Factory))
        {
            await setup.SignInAsync(Factory, lao);
            for (var i = 0; i < NeedsToAnswer; i++)
            {
                needs.Add(await setup.PublishAsync(new PostingSteps.Draft { Title = $"Clearance need {i} before the crash" }));
            }
        }

        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-1), today.AddDays(40));
        return new People(lao, deu, khm, needs, call.Id);
    }

    /// <summary>Three writers through <paramref name="portal"/> until enough writes are acknowledged, then <paramref name="crash"/>.</summary>
    private async Task<Burst> BurstAsync(PortalProcess portal, People people, Func<Task> crash)
    {
        var burst = new Burst
        {
            Lao = new Browser(Factory, kestrel: portal.Address),
            Deu = new Browser(Factory, kestrel: portal.Address),
            Khm = new Browser(Factory, kestrel: portal.Address),
        };
        await burst.Lao.SignInAsync(Factory, people.Lao);
        await burst.Deu.SignInAsync(Factory, people.Deu);
        await burst.Khm.SignInAsync(Factory, people.Khm);

        var crashed = false;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void CheckEnough()
        {
            if (burst.Enough)
            {
                enough.TrySetResult();
            }
        }

        // Until the crash, every write must succeed; what fails once it has begun was never acknowledged.
        async Task WriteUntilCrashAsync(Func<Task<bool>> write)
        {
            try
            {
                while (!Volatile.Read(ref crashed) && await write())
                {
                    CheckEnough();
                }
            }
            catch (Exception) when (Volatile.Read(ref crashed))
            {
            }
        }

        var writers = Task.WhenAll(
            WriteUntilCrashAsync(async () =>
            {
                var title = $"Survey of the northern districts {Guid.NewGuid():N}";
                var draft = await SaveDraftAsync(burst.Lao, title);
                burst.Saved[draft] = title;
                await burst.Lao.SubmitAsync("form[action*='handler=Publish']", follow: false);
                if (Browser.RedirectPath(burst.Lao.LastResponse!) == $"/Postings/{draft}")
                {
                    burst.Published[draft] = title;
                }

                return true;
            }),
            WriteUntilCrashAsync(async () =>
            {
                if (burst.Interests.Count == people.Needs.Count)
                {
                    return false;
                }

                var need = people.Needs[burst.Interests.Count];
                var message = $"Germany could fund this ({Guid.NewGuid():N}).";
                await burst.Deu.OpenAsync($"/Postings/{need}/Interest");
                var answer = await burst.Deu.SubmitAsync("[data-testid=send-interest]", new Dictionary<string, string> { ["Input.Message"] = message }, follow: false);
                var path = Browser.RedirectPath(answer) ?? "";
                Assert.EndsWith("/Sent", path, StringComparison.Ordinal);
                burst.Interests[int.Parse(path.Split('/')[2], CultureInfo.InvariantCulture)] = message;
                return true;
            }),
            WriteUntilCrashAsync(async () =>
            {
                var title = $"Clearance with the communities {Guid.NewGuid():N}";
                await burst.Khm.OpenAsync($"/Catalogue/Calls/{people.CallId}/Contribute");
                var started = await burst.Khm.SubmitAsync("main form[method=post]", new FormFill { Values = CatalogueSteps.CompleteFields(title), Lists = CatalogueSteps.CompleteLists() }, follow: false);
                var edit = Browser.RedirectPath(started) ?? throw new InvalidOperationException($"Starting a contribution answered {(int)started.StatusCode}.");
                var id = int.Parse(edit.Split('/')[3], CultureInfo.InvariantCulture);
                burst.Started[id] = title;
                await burst.Khm.OpenAsync(edit);
                var submitted = await burst.Khm.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Submit']" }, follow: false);
                if (Browser.RedirectPath(submitted) == $"/Catalogue/Contributions/{id}/Submitted")
                {
                    burst.Submitted[id] = title;
                }

                return true;
            }));

        await Task.WhenAny(enough.Task, writers);
        Assert.True(enough.Task.IsCompleted, $"The writers stopped before the crash:\n{portal.Output}");
        Volatile.Write(ref crashed, true);
        await crash();
        await writers;
        return burst;
    }

    private async Task AssertEveryAcknowledgedWriteIsThereAsync(Burst burst)
    {
        var postings = await Factory.WithDbAsync(db => db.Postings.AsNoTracking()
            .Select(p => new { p.Id, p.Title, p.Status, Versions = db.PostingVersions.Count(v => v.PostingId == p.Id) }).ToListAsync());
        foreach (var (id, title) in burst.Saved)
        {
            Assert.Contains(postings, p => p.Id == id && p.Title == title);
        }

        foreach (var (id, title) in burst.Published)
        {
            Assert.Contains(postings, p => p.Id == id && p.Title == title && p.Status == PostingStatus.Published && p.Versions == 1);
        }

        var kept = await Factory.WithDbAsync(db => db.Interests.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Message));
        foreach (var (id, message) in burst.Interests)
        {
            Assert.Equal(message, kept[id]);
        }

        var contributions = await Factory.WithDbAsync(db => db.Contributions.AsNoTracking().Select(c => new { c.Id, c.Title, c.Status }).ToListAsync());
        foreach (var (id, title) in burst.Started)
        {
            Assert.Contains(contributions, c => c.Id == id && c.Title == title);
        }

        foreach (var (id, title) in burst.Submitted)
        {
            Assert.Contains(contributions, c => c.Id == id && c.Title == title && c.Status == ContributionStatus.Submitted);
        }
    }

    /// <summary>A person signed in before the crash reads a posting and a contribution acknowledged before it.</summary>
    private static async Task AssertServedAsync(Burst burst, PortalProcess portal)
    {
        var (postingId, postingTitle) = burst.Published.First();
        await burst.Lao.OpenAsync($"/Postings/{postingId}");
        Assert.True(burst.Lao.LastResponse!.StatusCode == HttpStatusCode.OK, $"The posting page answered {(int)burst.Lao.LastResponse.StatusCode}:\n{portal.Output}");
        Assert.Equal(postingTitle, burst.Lao.Find("h1"));

        var (contributionId, contributionTitle) = burst.Submitted.First();
        await burst.Khm.OpenAsync($"/Catalogue/Contributions/{contributionId}");
        Assert.True(burst.Khm.LastResponse!.StatusCode == HttpStatusCode.OK, $"The contribution page answered {(int)burst.Khm.LastResponse.StatusCode}:\n{portal.Output}");
        Assert.Contains(contributionTitle, burst.Khm.Find("h1"), StringComparison.Ordinal);
    }

    private static async Task<int> SaveDraftAsync(Browser browser, string title)
    {
        await browser.OpenAsync("/Postings/New?kind=Need");
        var draft = new PostingSteps.Draft { Title = title };
        var answer = await browser.SubmitAsync("form.stack", new FormFill { Values = draft.Values(), Lists = draft.Lists() }, follow: false);
        var path = Browser.RedirectPath(answer) ?? throw new InvalidOperationException($"Saving a draft answered {(int)answer.StatusCode}.");
        var id = int.Parse(path["/Postings/".Length..], CultureInfo.InvariantCulture);
        await browser.OpenAsync(path);
        return id;
    }

    /// <summary>
    /// SQLite: <c>integrity_check</c>, foreign keys and the full-text index's own check. PostgreSQL: <c>amcheck</c> on
    /// every B-tree index of the portal's tables (the heap is checked through them).
    /// </summary>
    private async Task<List<string>> IntegrityProblemsAsync() => await Factory.WithDbAsync(async db =>
    {
        var problems = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (TestEnvironment.IsPostgres)
        {
            await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS amcheck");
            var checkedIndexes = await ReadAsync(connection, """
                SELECT count(bt_index_check(c.oid, true))::text FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE a.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence = 'p'
                """);
            Assert.True(int.Parse(checkedIndexes.Single(), CultureInfo.InvariantCulture) > 20, "amcheck looked at too few indexes");
        }
        else
        {
            problems.AddRange((await ReadAsync(connection, "PRAGMA integrity_check")).Where(line => line != "ok"));
            problems.AddRange(await ReadAsync(connection, "PRAGMA foreign_key_check"));
            await ExecuteAsync(connection, "INSERT INTO PostingSearch(PostingSearch, rank) VALUES ('integrity-check', 1)");
        }

        return problems;
    });

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }

        return rows;
    }
}
