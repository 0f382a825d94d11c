using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BuildHeartbeat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClaimToken",
                table: "CatalogueBuilds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FilesRemovedAt",
                table: "CatalogueBuilds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HeartbeatAt",
                table: "CatalogueBuilds",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "CatalogueBuilds");

            migrationBuilder.DropColumn(
                name: "FilesRemovedAt",
                table: "CatalogueBuilds");

            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "CatalogueBuilds");
        }
    }
}
