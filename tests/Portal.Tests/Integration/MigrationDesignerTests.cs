using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Portal.Data;

namespace Portal.Tests.Integration;

/// <summary>
/// Each migration's designer model (BuildTargetModel) must hold every table, column and index that it and the
/// migrations before it made: SQLite rebuilds a table on the way down from the previous migration's model, so a
/// model that lacks a column or an index drops it, and one that lacks a table cannot rebuild it. Migrations made in
/// branches that were merged afterwards are where such a model goes missing.
/// </summary>
public sealed class MigrationDesignerTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryDesignerModel_HoldsWhatItsMigrationAndTheOnesBeforeItMade(string provider)
    {
        using var db = provider == "Sqlite" ? (DbContext)new SqliteDesignFactory().CreateDbContext([]) : new PostgresDesignFactory().CreateDbContext([]);
        var migrations = db.GetService<IMigrationsAssembly>();
        var initializer = db.GetService<IModelRuntimeInitializer>();
        var made = new Schema();
        var missing = new List<string>();

        foreach (var (id, type) in migrations.Migrations.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var migration = migrations.CreateMigration(type, db.Database.ProviderName!);
            foreach (var operation in migration.UpOperations)
            {
                made.Apply(operation);
            }

            var model = migration.TargetModel is IMutableModel mutable ? mutable.FinalizeModel() : migration.TargetModel!;
            var held = Schema.Of(initializer.Initialize(model, designTime: true, validationLogger: null).GetRelationalModel());
            missing.AddRange(made.Missing(held).Select(what => $"{id}: lacks {what}"));
            missing.AddRange(held.Missing(made).Select(what => $"{id}: holds {what}, which no migration made"));
        }

        Assert.True(missing.Count == 0, "Designer models that differ from what the migrations made:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Sqlite_EachMigrationDown_LeavesTheSchemaThePreviousOneMade()
    {
        var clock = Stopwatch.StartNew();
        var file = Path.Combine(Path.GetTempPath(), $"migrations-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);
            var migrator = db.GetService<IMigrator>();
            var ids = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
            var after = new Dictionary<string, IReadOnlyList<string>> { ["0"] = await SqliteSchemaAsync(db) };
            foreach (var id in ids)
            {
                await migrator.MigrateAsync(id);
                after[id] = await SqliteSchemaAsync(db);
            }

            var lost = new List<string>();
            for (var i = ids.Count - 1; i >= 0; i--)
            {
                var previous = i == 0 ? "0" : ids[i - 1];
                try
                {
                    await migrator.MigrateAsync(previous);
                }
                catch (SqliteException e)
                {
                    Assert.Fail($"Down from {ids[i]} failed: {e.Message}\n" + string.Join("\n", lost));
                }

                var now = await SqliteSchemaAsync(db);
                lost.AddRange(after[previous].Except(now).Select(what => $"down from {ids[i]}: lost {what}"));
                lost.AddRange(now.Except(after[previous]).Select(what => $"down from {ids[i]}: left {what}"));
            }

            Assert.True(lost.Count == 0, string.Join("\n", lost));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Walking every migration up and down took {clock.Elapsed.TotalSeconds:0} s.");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>Every table, view, trigger and index by name, and every table's columns, as SQLite holds them.</summary>
    private static async Task<IReadOnlyList<string>> SqliteSchemaAsync(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        var schema = new List<string>();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' AND name NOT LIKE '__EFMigrationsLock%'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                schema.Add($"{reader.GetString(0)} {reader.GetString(1)}");
                if (reader.GetString(0) == "table")
                {
                    tables.Add(reader.GetString(1));
                }
            }
        }

        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table.Replace("'", "''", StringComparison.Ordinal)}')";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                schema.Add($"column {table}.{reader.GetString(0)} {reader.GetString(1)}{(reader.GetInt64(2) == 1 ? " NOT NULL" : "")}");
            }
        }

        schema.Sort(StringComparer.Ordinal);
        return schema;
    }

    /// <summary>Tables with their columns and indexes, by name: as the operations made them, or as a model holds them.</summary>
    private sealed class Schema
    {
        private readonly Dictionary<string, (HashSet<string> Columns, HashSet<string> Indexes)> tables = new(StringComparer.Ordinal);

        public static Schema Of(IRelationalModel model)
        {
            var schema = new Schema();
            foreach (var table in model.Tables)
            {
                schema.tables[table.Name] = (
                    [.. table.Columns.Select(c => c.Name)],
                    [.. table.Indexes.Select(i => i.Name)]);
            }

            return schema;
        }

        public void Apply(MigrationOperation operation)
        {
            switch (operation)
            {
                case CreateTableOperation create:
                    tables[create.Name] = ([.. create.Columns.Select(c => c.Name)], []);
                    break;
                case DropTableOperation drop:
                    tables.Remove(drop.Name);
                    break;
                case RenameTableOperation rename when rename.NewName is { } newName:
                    tables[newName] = tables[rename.Name];
                    tables.Remove(rename.Name);
                    break;
                case AddColumnOperation add:
                    tables[add.Table].Columns.Add(add.Name);
                    break;
                case DropColumnOperation drop:
                    tables[drop.Table].Columns.Remove(drop.Name);
                    break;
                case RenameColumnOperation rename:
                    tables[rename.Table].Columns.Remove(rename.Name);
                    tables[rename.Table].Columns.Add(rename.NewName);
                    break;
                case CreateIndexOperation index:
                    tables[index.Table].Indexes.Add(index.Name);
                    break;
                case DropIndexOperation drop:
                    foreach (var table in tables.Where(t => drop.Table is null || t.Key == drop.Table))
                    {
                        table.Value.Indexes.Remove(drop.Name);
                    }

                    break;
                case RenameIndexOperation rename:
                    foreach (var table in tables.Where(t => rename.Table is null || t.Key == rename.Table).Where(t => t.Value.Indexes.Remove(rename.Name)))
                    {
                        table.Value.Indexes.Add(rename.NewName);
                    }

                    break;
                default:
                    // Raw SQL (search index, triggers, views) and changes of a column's type or defaults: not the model's.
                    break;
            }
        }

        public IEnumerable<string> Missing(Schema model)
        {
            foreach (var (name, (columns, indexes)) in tables.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                if (!model.tables.TryGetValue(name, out var held))
                {
                    yield return $"table {name}";
                    continue;
                }

                foreach (var column in columns.Except(held.Columns).Order(StringComparer.Ordinal))
                {
                    yield return $"column {name}.{column}";
                }

                foreach (var index in indexes.Except(held.Indexes).Order(StringComparer.Ordinal))
                {
                    yield return $"index {name}.{index}";
                }
            }
        }
    }
}
