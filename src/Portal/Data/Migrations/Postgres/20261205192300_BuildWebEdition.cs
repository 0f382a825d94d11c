using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BuildWebEdition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BuildFiles_BuildId",
                table: "BuildFiles");

            migrationBuilder.AddColumn<int>(
                name: "Pages",
                table: "CatalogueBuilds",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "BuildFiles",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_BuildFiles_BuildId_Kind_Name",
                table: "BuildFiles",
                columns: new[] { "BuildId", "Kind", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BuildFiles_BuildId_Kind_Name",
                table: "BuildFiles");

            migrationBuilder.DropColumn(
                name: "Pages",
                table: "CatalogueBuilds");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "BuildFiles");

            migrationBuilder.CreateIndex(
                name: "IX_BuildFiles_BuildId",
                table: "BuildFiles",
                column: "BuildId");
        }
    }
}
