using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubmittedOnBehalf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubmittedFromEmail",
                table: "Contributions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedFromName",
                table: "Contributions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SubmittedFromOn",
                table: "Contributions",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubmittedFromEmail",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "SubmittedFromName",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "SubmittedFromOn",
                table: "Contributions");
        }
    }
}
