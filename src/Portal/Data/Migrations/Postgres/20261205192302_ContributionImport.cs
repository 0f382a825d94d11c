using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContributionImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EnteredOnBehalfBy",
                table: "Contributions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ImportedAt",
                table: "Contributions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFileName",
                table: "Contributions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFileSha256",
                table: "Contributions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedFromEmail",
                table: "Contributions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedFromName",
                table: "Contributions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EnteredOnBehalfBy",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "ImportedAt",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "ImportedFileName",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "ImportedFileSha256",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "ReceivedFromEmail",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "ReceivedFromName",
                table: "Contributions");
        }
    }
}
