using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostingSender : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SenderEmail",
                table: "Postings",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderName",
                table: "Postings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild (which two dropped columns would cause), which the search
            // view refuses and which would drop the table's triggers.
            migrationBuilder.Sql("""ALTER TABLE "Postings" DROP COLUMN "SenderName";""");
            migrationBuilder.Sql("""ALTER TABLE "Postings" DROP COLUMN "SenderEmail";""");
        }
    }
}
