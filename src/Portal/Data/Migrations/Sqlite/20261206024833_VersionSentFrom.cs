using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VersionSentFrom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SentFromEmail",
                table: "ContributionVersions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SentFromName",
                table: "ContributionVersions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild, which would drop the trigger that keeps versions immutable.
            migrationBuilder.Sql("""ALTER TABLE "ContributionVersions" DROP COLUMN "SentFromEmail";""");

            migrationBuilder.Sql("""ALTER TABLE "ContributionVersions" DROP COLUMN "SentFromName";""");
        }
    }
}
