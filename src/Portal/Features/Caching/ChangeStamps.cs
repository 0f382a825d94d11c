using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;

namespace Portal.Features.Caching;

/// <summary>The two counters of the <c>ChangeStamps</c> table, as one request read them.</summary>
public readonly record struct StampSet(long Postings, long Access);

/// <summary>
/// Reads the change stamps (decision 007): counters that database triggers move forward in the same transaction as
/// any change to postings or to what decides access. Read once per request, in one small query, they tell every
/// cached read whether it is still true — on this instance and on any other sharing the database.
/// </summary>
public sealed class ChangeStamps(PortalDbContext db)
{
    private StampSet? current;

    /// <summary>The stamps as of this request's first use; a save in this request makes the next call read them again.</summary>
    public async ValueTask<StampSet> CurrentAsync()
    {
        if (current is { } known)
        {
            return known;
        }

        // Changes made by this request must not be hidden from the rest of it.
        db.SavedChanges -= Forget;
        db.SavedChanges += Forget;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = """SELECT "Postings", "Access" FROM "ChangeStamps" """;
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

            current = read;
            return read;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>For writes that bypass SaveChanges (ExecuteUpdate): the next read in this request asks the database again.</summary>
    public void Forget() => current = null;

    private void Forget(object? sender, SavedChangesEventArgs e) => Forget();
}
