using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>
    /// An offer's application deadline (Posting.ApplicationDeadline), a date in Geneva time; postings saved before have
    /// none, which means open until the offer expires.
    /// </summary>
    public partial class OfferApplicationDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ApplicationDeadline",
                table: "Postings",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild, which the search view refuses and which would drop the table's triggers.
            migrationBuilder.Sql("""ALTER TABLE "Postings" DROP COLUMN "ApplicationDeadline";""");
        }
    }
}
