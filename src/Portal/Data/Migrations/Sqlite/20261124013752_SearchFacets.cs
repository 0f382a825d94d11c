using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index holds only published postings the lifecycle job has not marked expired, each with a fourth
    /// column of facet tokens (visibility, owner, kind, areas, assistance types, regions, countries), so a ranked
    /// search applies its filters inside FTS5 instead of looking every hit up in the postings table (decision 008). The index reads its rows through the view
    /// "PostingSearchContent". Triggers remove a posting's entry before any change to what the view shows of it and
    /// add it again afterwards, so the entry removed is always exactly the one that was added. The tokens written here
    /// are the ones <c>SearchFacets</c> asks for; the search tests compare the two.
    /// </summary>
    public partial class SearchFacets : Migration
    {
        private const string Remove = """
            INSERT INTO "PostingSearch"("PostingSearch", rowid, "Title", "Summary", "Body", "Facets")
                SELECT 'delete', "Id", "Title", "Summary", "Body", "Facets" FROM "PostingSearchContent" WHERE "Id" IN
            """;

        private const string Add = """
            INSERT INTO "PostingSearch"(rowid, "Title", "Summary", "Body", "Facets")
                SELECT "Id", "Title", "Summary", "Body", "Facets" FROM "PostingSearchContent" WHERE "Id" IN
            """;

        /// <summary>The columns the view reads from a posting row.</summary>
        private const string Shown = "\"Id\", \"Status\", \"ExpiredAt\", \"Title\", \"Summary\", \"Body\", \"Visibility\", \"ParticipantId\", \"Kind\", \"Areas\", \"AssistanceTypes\", \"Regions\"";

        /// <summary>One token per flag set, " a0 a3" for areas 1 and 8 (no table-valued function: triggers cannot use one).</summary>
        private static string Bits(string prefix, string column) => string.Join(" || ", Enumerable.Range(0, 31).Select(b =>
            $"CASE WHEN p.\"{column}\" & {1L << b} THEN ' {prefix}{b}' ELSE '' END"));

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Postings_search_insert";
                DROP TRIGGER "Postings_search_delete";
                DROP TRIGGER "Postings_search_update";
                DROP TABLE "PostingSearch";
                """);
            // Until now an edit could give an expired posting a new date and leave it marked expired (and its reminders
            // sent): such a posting is visible, so it must be in the index, and due its reminders for the new date.
            migrationBuilder.Sql("""
                UPDATE "Postings" SET "ExpiredAt" = NULL, "Reminder30SentAt" = NULL, "Reminder7SentAt" = NULL
                WHERE "ExpiredAt" IS NOT NULL AND "ValidUntil" > "ExpiredAt";
                """);
            migrationBuilder.Sql($"""
                CREATE VIEW "PostingSearchContent" AS
                SELECT p."Id", p."Title", p."Summary", p."Body",
                    'v' || (p."Visibility" = 'StatesAndObservers') || ' o' || p."ParticipantId" || ' k' || lower(p."Kind") || '0'
                    || {Bits("a", "Areas")}
                    || {Bits("t", "AssistanceTypes")}
                    || {Bits("r", "Regions")}
                    || (SELECT coalesce(group_concat(' c' || lower(c."CountryCode") || '0', ''), '') FROM "PostingCountry" AS c
                        WHERE c."PostingId" = p."Id") AS "Facets"
                FROM "Postings" AS p WHERE p."Status" = 'Published' AND p."ExpiredAt" IS NULL;
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "PostingSearch" USING fts5("Title", "Summary", "Body", "Facets",
                    content='PostingSearchContent', content_rowid='Id', tokenize='porter unicode61 remove_diacritics 2');
                INSERT INTO "PostingSearch"("PostingSearch") VALUES ('rebuild');
                INSERT INTO "PostingSearch"("PostingSearch") VALUES ('optimize');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Postings_search_insert" AFTER INSERT ON "Postings" BEGIN
                    {Add} (new."Id");
                END;
                CREATE TRIGGER "Postings_search_before_update" BEFORE UPDATE OF {Shown} ON "Postings" BEGIN
                    {Remove} (old."Id");
                END;
                CREATE TRIGGER "Postings_search_after_update" AFTER UPDATE OF {Shown} ON "Postings" BEGIN
                    {Add} (new."Id");
                END;
                CREATE TRIGGER "Postings_search_delete" BEFORE DELETE ON "Postings" BEGIN
                    {Remove} (old."Id");
                END;
                CREATE TRIGGER "PostingCountry_search_before_insert" BEFORE INSERT ON "PostingCountry" BEGIN
                    {Remove} (new."PostingId");
                END;
                CREATE TRIGGER "PostingCountry_search_after_insert" AFTER INSERT ON "PostingCountry" BEGIN
                    {Add} (new."PostingId");
                END;
                CREATE TRIGGER "PostingCountry_search_before_update" BEFORE UPDATE ON "PostingCountry" BEGIN
                    {Remove} (old."PostingId", new."PostingId");
                END;
                CREATE TRIGGER "PostingCountry_search_after_update" AFTER UPDATE ON "PostingCountry" BEGIN
                    {Add} (old."PostingId", new."PostingId");
                END;
                CREATE TRIGGER "PostingCountry_search_before_delete" BEFORE DELETE ON "PostingCountry" BEGIN
                    {Remove} (old."PostingId");
                END;
                CREATE TRIGGER "PostingCountry_search_after_delete" AFTER DELETE ON "PostingCountry" BEGIN
                    {Add} (old."PostingId");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Postings_search_insert";
                DROP TRIGGER "Postings_search_before_update";
                DROP TRIGGER "Postings_search_after_update";
                DROP TRIGGER "Postings_search_delete";
                DROP TRIGGER "PostingCountry_search_before_insert";
                DROP TRIGGER "PostingCountry_search_after_insert";
                DROP TRIGGER "PostingCountry_search_before_update";
                DROP TRIGGER "PostingCountry_search_after_update";
                DROP TRIGGER "PostingCountry_search_before_delete";
                DROP TRIGGER "PostingCountry_search_after_delete";
                DROP TABLE "PostingSearch";
                DROP VIEW "PostingSearchContent";
                CREATE VIRTUAL TABLE "PostingSearch" USING fts5("Title", "Summary", "Body",
                    content='Postings', content_rowid='Id', tokenize='porter unicode61 remove_diacritics 2');
                INSERT INTO "PostingSearch"("PostingSearch") VALUES ('rebuild');
                CREATE TRIGGER "Postings_search_insert" AFTER INSERT ON "Postings" BEGIN
                    INSERT INTO "PostingSearch"(rowid, "Title", "Summary", "Body") VALUES (new."Id", new."Title", new."Summary", new."Body");
                END;
                CREATE TRIGGER "Postings_search_delete" AFTER DELETE ON "Postings" BEGIN
                    INSERT INTO "PostingSearch"("PostingSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old."Id", old."Title", old."Summary", old."Body");
                END;
                CREATE TRIGGER "Postings_search_update" AFTER UPDATE OF "Title", "Summary", "Body" ON "Postings" BEGIN
                    INSERT INTO "PostingSearch"("PostingSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old."Id", old."Title", old."Summary", old."Body");
                    INSERT INTO "PostingSearch"(rowid, "Title", "Summary", "Body") VALUES (new."Id", new."Title", new."Summary", new."Body");
                END;
                """);
        }
    }
}
