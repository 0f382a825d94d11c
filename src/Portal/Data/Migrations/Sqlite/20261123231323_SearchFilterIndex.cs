using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchFilterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Postings_SearchFilters",
                table: "Postings",
                columns: new[] { "Id", "Status", "ValidUntil", "Visibility", "ParticipantId", "Kind", "Areas", "AssistanceTypes", "Regions", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Postings_SearchFilters",
                table: "Postings");
        }
    }
}
