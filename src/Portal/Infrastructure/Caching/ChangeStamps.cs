using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;

namespace Portal.Infrastructure.Caching;

/// <summary>The two counters of the <c>ChangeStamps</c> row, as one request read them.</summary>
public readonly record struct StampSet(long Postings, long Access);

/// <summary>
/// Reads the change stamps (decision 007): counters that database triggers move forward in the same transaction as
/// any change to postings or to what decides access. Read once per request, in one small query, they tell every
/// kept read whether it is still true — on this instance and on any other sharing the database.
/// </summary>
public sealed class ChangeStamps(PortalDbContext db, StampConnections connections)
{
    private StampSet? current;

    /// <summary>
    /// The stamps as of this request's first use; a SaveChanges in this request makes the next call read them again.
    /// (Handlers that write with ExecuteUpdate redirect before anything kept is read.)
    /// </summary>
    public async ValueTask<StampSet> CurrentAsync()
    {
        if (current is { } known)
        {
            return known;
        }

        // Changes made by this request must not be hidden from the rest of it.
        db.SavedChanges -= Forget;
        db.SavedChanges += Forget;
        var read = await connections.ReadAsync();
        current = read;
        return read;
    }

    private void Forget(object? sender, SavedChangesEventArgs e) => current = null;
}

/// <summary>
/// A few connections kept open, each with its prepared one-row query, for the stamps read every request makes.
/// Opening through EF on every request cost more than the read: EF's SQLite connection registers its SQL functions
/// at each open, behind a process-wide lock that 16 concurrent requests queued on; and a request whose other reads
/// are all kept would still have paid for setting up its DbContext.
/// </summary>
public sealed class StampConnections(DatabaseTarget database, ILogger<StampConnections> logger) : IDisposable
{
    private const string Sql = """SELECT "Postings", "Access" FROM "ChangeStamps" """;

    /// <summary>More than this many idle connections are closed rather than kept.</summary>
    private const int KeptIdle = 32;

    private readonly ConcurrentBag<DbCommand> idle = [];

    public async Task<StampSet> ReadAsync()
    {
        if (!idle.TryTake(out var command))
        {
            command = await OpenAsync(database.ConnectionString, database.IsPostgres);
        }

        try
        {
            StampSet read;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                // Without the row nothing kept could ever be known stale: refuse rather than serve old answers.
                if (!await reader.ReadAsync())
                {
                    throw new InvalidOperationException("The ChangeStamps row is missing; the database was not migrated.");
                }

                read = new StampSet(
                    Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                    Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            }

            if (idle.Count < KeptIdle)
            {
                idle.Add(command);
                command = null;
            }

            return read;
        }
        catch (Exception ex) when (BrokenConnections.Forget(command?.Connection, ex, logger))
        {
            // The server went away (restarted, say): every kept connection went with it, so all are closed now rather
            // than one per request.
            Dispose();
            throw;
        }
        finally
        {
            // A failed or surplus connection is closed, never handed to the next request.
            Close(command);
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var command))
        {
            Close(command);
        }
    }

    private static async Task<DbCommand> OpenAsync(string connectionString, bool npgsql)
    {
        DbConnection connection = npgsql ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = Sql;
            return command;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void Close(DbCommand? command)
    {
        if (command is null)
        {
            return;
        }

        var connection = command.Connection;
        command.Dispose();
        connection?.Dispose();
    }
}
