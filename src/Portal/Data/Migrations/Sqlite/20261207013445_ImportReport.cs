using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportReport",
                table: "PostingVersions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportReport",
                table: "Postings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportReport",
                table: "Contributions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild, which the search view refuses and which would drop the
            // search triggers on Postings.
            migrationBuilder.Sql("""ALTER TABLE "PostingVersions" DROP COLUMN "ImportReport";""");
            migrationBuilder.Sql("""ALTER TABLE "Postings" DROP COLUMN "ImportReport";""");
            migrationBuilder.Sql("""ALTER TABLE "Contributions" DROP COLUMN "ImportReport";""");
        }
    }
}
