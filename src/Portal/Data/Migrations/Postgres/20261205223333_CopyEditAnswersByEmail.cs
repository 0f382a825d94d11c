using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
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
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffFromName",
                table: "ContributionVersions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerFromEmail",
                table: "ContributionEdits",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerFromName",
                table: "ContributionEdits",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SignOffFromEmail",
                table: "ContributionVersions");

            migrationBuilder.DropColumn(
                name: "SignOffFromName",
                table: "ContributionVersions");

            migrationBuilder.DropColumn(
                name: "AnswerFromEmail",
                table: "ContributionEdits");

            migrationBuilder.DropColumn(
                name: "AnswerFromName",
                table: "ContributionEdits");
        }
    }
}
