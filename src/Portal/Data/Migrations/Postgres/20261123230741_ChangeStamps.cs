using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <summary>
    /// Two counters the database itself moves forward whenever something a kept read depends on changes (decision 007):
    /// "Postings" for postings and what list and posting pages show with them, "Access" for what decides whether a
    /// session is still valid and what its reader may do. Triggers, not application code, so no write path can forget.
    /// They are deferred constraint triggers: the one row is locked only at commit, as the transaction's last step, so
    /// taking it cannot enter a lock cycle with the transaction's other locks (a plain trigger deadlocked concurrent
    /// entry-code rotations), and a reader sees the new counter and the change together.
    /// </summary>
    public partial class ChangeStamps : Migration
    {
        private static readonly (string Table, string Stamp, string Events)[] Sources =
        [
            ("Postings", "Postings", "INSERT OR UPDATE OR DELETE"),
            ("PostingCountry", "Postings", "INSERT OR UPDATE OR DELETE"),
            ("PostingVersions", "Postings", "INSERT OR DELETE"),
            ("PostingAttachments", "Postings", "INSERT OR UPDATE OR DELETE"),
            ("Participants", "Postings", "INSERT OR UPDATE OR DELETE"),
            ("Participants", "Access", "INSERT OR UPDATE OR DELETE"),
            ("Sessions", "Access", "UPDATE OR DELETE"),
            ("AspNetUsers", "Access", "UPDATE OR DELETE"),
            ("EntryCodes", "Access", "UPDATE OR DELETE"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ChangeStamps" (
                    "Id" integer NOT NULL CONSTRAINT "PK_ChangeStamps" PRIMARY KEY CHECK ("Id" = 1),
                    "Postings" bigint NOT NULL,
                    "Access" bigint NOT NULL);
                INSERT INTO "ChangeStamps" ("Id", "Postings", "Access") VALUES (1, 1, 1);
                CREATE FUNCTION bump_postings_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "ChangeStamps" SET "Postings" = "Postings" + 1;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION bump_access_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "ChangeStamps" SET "Access" = "Access" + 1;
                    RETURN NULL;
                END $$;
                """);
            foreach (var (table, stamp, events) in Sources)
            {
                migrationBuilder.Sql($"""
                    CREATE CONSTRAINT TRIGGER "{table}_{stamp}Stamp" AFTER {events} ON "{table}"
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_{stamp.ToLowerInvariant()}_stamp();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, stamp, _) in Sources)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_{stamp}Stamp" ON "{table}";""");
            }

            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS bump_postings_stamp();
                DROP FUNCTION IF EXISTS bump_access_stamp();
                DROP TABLE "ChangeStamps";
                """);
        }
    }
}
