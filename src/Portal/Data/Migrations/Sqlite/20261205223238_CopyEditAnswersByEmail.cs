using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CopyEditAnswersByEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SignOffFromEmail",
                table: "ContributionVersions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffFromName",
                table: "ContributionVersions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerFromEmail",
                table: "ContributionEdits",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerFromName",
                table: "ContributionEdits",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild, which would drop the trigger that keeps versions immutable.
            migrationBuilder.Sql("""ALTER TABLE "ContributionVersions" DROP COLUMN "SignOffFromEmail";""");

            migrationBuilder.Sql("""ALTER TABLE "ContributionVersions" DROP COLUMN "SignOffFromName";""");

            migrationBuilder.DropColumn(
                name: "AnswerFromEmail",
                table: "ContributionEdits");

            migrationBuilder.DropColumn(
                name: "AnswerFromName",
                table: "ContributionEdits");
        }
    }
}
