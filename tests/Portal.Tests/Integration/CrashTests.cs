using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// The portal killed with SIGKILL in the middle of a burst of writes (postings saved and published, expressions of
/// interest), then started again on the same database: every write whose answer (the redirect) reached the person is
/// there, whole, the database passes its own integrity checks, and a session from before the crash goes on.
/// </summary>
public sealed class CrashTests : PortalTest
{
    private const int NeedsToAnswer = 4;

    [Fact]
    public async Task KilledMidBurst_KeepsEveryAcknowledgedWrite_AndTheDatabasePassesItsIntegrityCheck()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var deu = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "DEU");
        var needs = new List<int>();
        using (var setup = new Browser(Factory))
        {
            await setup.SignInAsync(Factory, lao);
            for (var i = 0; i < NeedsToAnswer; i++)
            {
                needs.Add(await setup.PublishAsync(new PostingSteps.Draft { Title = $"Clearance need {i} before the crash" }));
            }
        }

        var portal = await PortalProcess.StartAsync(Factory);
        var port = portal.Address.Port;
        using var laoBrowser = new Browser(Factory, kestrel: portal.Address);
        using var deuBrowser = new Browser(Factory, kestrel: portal.Address);
        await laoBrowser.SignInAsync(Factory, lao);
        await deuBrowser.SignInAsync(Factory, deu);

        var saved = new ConcurrentDictionary<int, string>();
        var published = new ConcurrentDictionary<int, string>();
        var interests = new ConcurrentDictionary<int, string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void CheckEnough()
        {
            if (published.Count >= 6 && interests.Count >= 3)
            {
                enough.TrySetResult();
            }
        }

        var writers = Task.WhenAll(
            WriteUntilCutOffAsync(async () =>
            {
                var title = $"Survey of the northern districts {Guid.NewGuid():N}";
                var draft = await SaveDraftAsync(laoBrowser, title);
                saved[draft] = title;
                await laoBrowser.SubmitAsync("form[action*='handler=Publish']", follow: false);
                if (Browser.RedirectPath(laoBrowser.LastResponse!) == $"/Postings/{draft}")
                {
                    published[draft] = title;
                }

                CheckEnough();
                return true;
            }),
            WriteUntilCutOffAsync(async () =>
            {
                if (interests.Count == needs.Count)
                {
                    return false;
                }

                var need = needs[interests.Count];
                var message = $"Germany could fund this ({Guid.NewGuid():N}).";
                await deuBrowser.OpenAsync($"/Postings/{need}/Interest");
                var answer = await deuBrowser.SubmitAsync("[data-testid=send-interest]", new Dictionary<string, string> { ["Input.Message"] = message }, follow: false);
                var path = Browser.RedirectPath(answer) ?? "";
                Assert.EndsWith("/Sent", path, StringComparison.Ordinal);
                interests[int.Parse(path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture)] = message;
                CheckEnough();
                return true;
            }));

        await Task.WhenAny(enough.Task, writers);
        Assert.True(enough.Task.IsCompleted, $"The writers stopped before the crash:\n{portal.Output}");
        await portal.KillAsync();
        await writers;

        await using var restarted = await PortalProcess.StartAsync(Factory, port);
        var postings = await Factory.WithDbAsync(db => db.Postings.AsNoTracking()
            .Select(p => new { p.Id, p.Title, p.Status, Versions = db.PostingVersions.Count(v => v.PostingId == p.Id) }).ToListAsync());
        foreach (var (id, title) in saved)
        {
            Assert.Contains(postings, p => p.Id == id && p.Title == title);
        }

        foreach (var (id, title) in published)
        {
            Assert.Contains(postings, p => p.Id == id && p.Title == title && p.Status == PostingStatus.Published && p.Versions == 1);
        }

        var kept = await Factory.WithDbAsync(db => db.Interests.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Message));
        foreach (var (id, message) in interests)
        {
            Assert.Equal(message, kept[id]);
        }

        Assert.Empty(await IntegrityProblemsAsync());

        // The session from before the crash is in the database, so the restarted process knows it.
        var (someId, someTitle) = published.First();
        await laoBrowser.OpenAsync($"/Postings/{someId}");
        Assert.Equal(HttpStatusCode.OK, laoBrowser.LastResponse!.StatusCode);
        Assert.Equal(someTitle, laoBrowser.Find("h1"));
    }

    /// <summary>Runs <paramref name="write"/> until it says it is done or a request is cut off by the crash.</summary>
    private static async Task WriteUntilCutOffAsync(Func<Task<bool>> write)
    {
        try
        {
            while (await write())
            {
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            // The process is gone: this write was never acknowledged.
        }
    }

    private static async Task<int> SaveDraftAsync(Browser browser, string title)
    {
        await browser.OpenAsync("/Postings/New?kind=Need");
        var draft = new PostingSteps.Draft { Title = title };
        var answer = await browser.SubmitAsync("form.stack", new FormFill { Values = draft.Values(), Lists = draft.Lists() }, follow: false);
        var path = Browser.RedirectPath(answer) ?? throw new InvalidOperationException($"Saving a draft answered {(int)answer.StatusCode}.");
        var id = int.Parse(path["/Postings/".Length..], System.Globalization.CultureInfo.InvariantCulture);
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
            Assert.True(int.Parse(checkedIndexes.Single(), System.Globalization.CultureInfo.InvariantCulture) > 20, "amcheck looked at too few indexes");
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
