using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>
    /// Which parts of a posting are still a Word document's own words (Posting.FromDocument). Postings saved before
    /// hold none: their summaries and contact points were typed, and the form's rules for typed text stay.
    /// </summary>
    public partial class ImportedParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FromDocument",
                table: "Postings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild, which the search view refuses and which would drop the table's triggers.
            migrationBuilder.Sql("""ALTER TABLE "Postings" DROP COLUMN "FromDocument";""");
        }
    }
}
