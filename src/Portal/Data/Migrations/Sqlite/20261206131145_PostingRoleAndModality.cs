using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>
    /// An offer's or experience's role (Posting.Role, by name) and modalities (Posting.Modalities, flags); postings saved
    /// before state neither. The search index's facet column (decision 008, migration SearchFacets) gains their tokens, so
    /// that a ranked search filters by them inside FTS5 as it does by areas: "l" and the role's number (Donor 0,
    /// Recipient 1, Both 2, Implementer 3, the numbers of <c>CooperationRole</c>) and "m" and each modality's bit. The view
    /// is written again with them, and the two triggers that watch the columns it reads now watch these too. Every posting
    /// saved so far has neither, so the view shows each of them exactly as before and the index needs no rebuild.
    /// </summary>
    public partial class PostingRoleAndModality : Migration
    {
        /// <summary>The columns the view reads from a posting row, before and after this migration.</summary>
        private const string ShownBefore = "\"Id\", \"Status\", \"ExpiredAt\", \"Title\", \"Summary\", \"Body\", \"Visibility\", \"ParticipantId\", \"Kind\", \"Areas\", \"AssistanceTypes\", \"Regions\"";

        private const string Shown = ShownBefore + ", \"Role\", \"Modalities\"";

        private const string Remove = """
            INSERT INTO "PostingSearch"("PostingSearch", rowid, "Title", "Summary", "Body", "Facets")
                SELECT 'delete', "Id", "Title", "Summary", "Body", "Facets" FROM "PostingSearchContent" WHERE "Id" IN
            """;

        private const string Add = """
            INSERT INTO "PostingSearch"(rowid, "Title", "Summary", "Body", "Facets")
                SELECT "Id", "Title", "Summary", "Body", "Facets" FROM "PostingSearchContent" WHERE "Id" IN
            """;

        private const string RoleToken = """
            CASE p."Role" WHEN 'Donor' THEN ' l0' WHEN 'Recipient' THEN ' l1' WHEN 'Both' THEN ' l2' WHEN 'Implementer' THEN ' l3' ELSE '' END
            """;

        /// <summary>One token per flag set, " a0 a3" for areas 1 and 8 (as migration SearchFacets writes them).</summary>
        private static string Bits(string prefix, string column) => string.Join(" || ", Enumerable.Range(0, 31).Select(b =>
            $"CASE WHEN p.\"{column}\" & {1L << b} THEN ' {prefix}{b}' ELSE '' END"));

        /// <summary>The view of migration SearchFacets, with <paramref name="cooperation"/> after the regions' tokens.</summary>
        private static string View(string cooperation) => $"""
            CREATE VIEW "PostingSearchContent" AS
            SELECT p."Id", p."Title", p."Summary", p."Body",
                'v' || (p."Visibility" = 'StatesAndObservers') || ' o' || p."ParticipantId" || ' k' || lower(p."Kind") || '0'
                || {Bits("a", "Areas")}
                || {Bits("t", "AssistanceTypes")}
                || {Bits("r", "Regions")}{cooperation}
                || (SELECT coalesce(group_concat(' c' || lower(c."CountryCode") || '0', ''), '') FROM "PostingCountry" AS c
                    WHERE c."PostingId" = p."Id") AS "Facets"
            FROM "Postings" AS p WHERE p."Status" = 'Published' AND p."ExpiredAt" IS NULL;
            """;

        private static string UpdateTriggers(string shown) => $"""
            CREATE TRIGGER "Postings_search_before_update" BEFORE UPDATE OF {shown} ON "Postings" BEGIN
                {Remove} (old."Id");
            END;
            CREATE TRIGGER "Postings_search_after_update" AFTER UPDATE OF {shown} ON "Postings" BEGIN
                {Add} (new."Id");
            END;
            """;

        private const string DropViewAndUpdateTriggers = """
            DROP TRIGGER "Postings_search_before_update";
            DROP TRIGGER "Postings_search_after_update";
            DROP VIEW "PostingSearchContent";
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Modalities",
                table: "Postings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "Postings",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.Sql(DropViewAndUpdateTriggers);
            migrationBuilder.Sql(View($"\n    || {RoleToken}\n    || {Bits("m", "Modalities")}"));
            migrationBuilder.Sql(UpdateTriggers(Shown));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The index then holds postings' role and modality tokens that the old view no longer shows: rebuilt from it.
            migrationBuilder.Sql(DropViewAndUpdateTriggers);
            migrationBuilder.Sql(View(""));
            migrationBuilder.Sql(UpdateTriggers(ShownBefore));
            migrationBuilder.Sql("""INSERT INTO "PostingSearch"("PostingSearch") VALUES ('rebuild');""");

            // SQLite's own DROP COLUMN, not EF's table rebuild, which the search view refuses and which would drop the table's triggers.
            migrationBuilder.Sql("""ALTER TABLE "Postings" DROP COLUMN "Modalities";""");
            migrationBuilder.Sql("""ALTER TABLE "Postings" DROP COLUMN "Role";""");
        }
    }
}
