using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>
    /// Two counters the database itself moves forward whenever something a kept read depends on changes (decision 007):
    /// "Postings" for postings and what list and posting pages show with them, "Access" for what decides whether a
    /// session is still valid and what its reader may do. Triggers, not application code, so no write path can forget.
    /// </summary>
    public partial class ChangeStamps : Migration
    {
        private static readonly (string Table, string Stamp, string[] Events)[] Sources =
        [
            ("Postings", "Postings", ["INSERT", "UPDATE", "DELETE"]),
            ("PostingCountry", "Postings", ["INSERT", "UPDATE", "DELETE"]),
            ("PostingVersions", "Postings", ["INSERT", "DELETE"]),
            ("PostingAttachments", "Postings", ["INSERT", "UPDATE", "DELETE"]),
            ("Participants", "Postings", ["INSERT", "UPDATE", "DELETE"]),
            ("Participants", "Access", ["INSERT", "UPDATE", "DELETE"]),
            ("Sessions", "Access", ["UPDATE", "DELETE"]),
            ("AspNetUsers", "Access", ["UPDATE", "DELETE"]),
            ("EntryCodes", "Access", ["UPDATE", "DELETE"]),
        ];

        private static string TriggerName(string table, string stamp, string evt) => $"{table}_{stamp}Stamp_{evt.ToLowerInvariant()}";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ChangeStamps" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_ChangeStamps" PRIMARY KEY CHECK ("Id" = 1),
                    "Postings" INTEGER NOT NULL,
                    "Access" INTEGER NOT NULL);
                INSERT INTO "ChangeStamps" ("Id", "Postings", "Access") VALUES (1, 1, 1);
                """);
            foreach (var (table, stamp, events) in Sources)
            {
                foreach (var evt in events)
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{TriggerName(table, stamp, evt)}" AFTER {evt} ON "{table}" BEGIN
                            UPDATE "ChangeStamps" SET "{stamp}" = "{stamp}" + 1;
                        END;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, stamp, events) in Sources)
            {
                foreach (var evt in events)
                {
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{TriggerName(table, stamp, evt)}";""");
                }
            }

            migrationBuilder.Sql("""DROP TABLE "ChangeStamps";""");
        }
    }
}
