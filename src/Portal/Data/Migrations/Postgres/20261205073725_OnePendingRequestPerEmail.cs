using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <summary>
    /// One pending access request per e-mail address, held by a unique index on the normalised address of pending
    /// requests. Requests filed before keep theirs; of pending ones that repeat an address, the first keeps it and the
    /// later ones get none (they stay in the queue for the coordinator), so that the index can be built on any data.
    /// </summary>
    public partial class OnePendingRequestPerEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NormalizedEmail",
                table: "AccessRequests",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            // The app normalises with ToUpperInvariant, which differs from UPPER only for letters outside ASCII.
            migrationBuilder.Sql("""
                UPDATE "AccessRequests" SET "NormalizedEmail" = UPPER(TRIM("Email"))
                WHERE "Status" <> 'Pending' OR NOT EXISTS (
                    SELECT 1 FROM "AccessRequests" AS "Earlier"
                    WHERE "Earlier"."Status" = 'Pending' AND "Earlier"."Id" < "AccessRequests"."Id"
                        AND UPPER(TRIM("Earlier"."Email")) = UPPER(TRIM("AccessRequests"."Email")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_NormalizedEmail",
                table: "AccessRequests",
                column: "NormalizedEmail",
                unique: true,
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessRequests_NormalizedEmail",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "NormalizedEmail",
                table: "AccessRequests");
        }
    }
}
