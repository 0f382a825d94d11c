using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContributionCopyEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContributionEdits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContributionId = table.Column<int>(type: "integer", nullable: false),
                    BasedOnVersion = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Quotes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EditorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AnsweredBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContributionEdits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContributionEdits_Contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "Contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContributionVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContributionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Quotes = table.Column<List<string>>(type: "text[]", nullable: false),
                    WrittenBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContributionVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContributionVersions_Contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "Contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContributionEdits_ContributionId",
                table: "ContributionEdits",
                column: "ContributionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContributionEdits_OneOpen",
                table: "ContributionEdits",
                column: "ContributionId",
                unique: true,
                filter: "\"Status\" = 'Proposed'");

            migrationBuilder.CreateIndex(
                name: "IX_ContributionVersions_ContributionId_Number",
                table: "ContributionVersions",
                columns: new[] { "ContributionId", "Number" },
                unique: true);

            // A text the book used is kept as it was ("every change is kept"); it goes only with its contribution.
            migrationBuilder.Sql("""
                CREATE FUNCTION contribution_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'contribution versions are immutable';
                END $$;
                CREATE TRIGGER "ContributionVersions_immutable" BEFORE UPDATE ON "ContributionVersions"
                    FOR EACH STATEMENT EXECUTE FUNCTION contribution_versions_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "ContributionVersions_immutable" ON "ContributionVersions";
                DROP FUNCTION IF EXISTS contribution_versions_immutable();
                """);

            migrationBuilder.DropTable(
                name: "ContributionEdits");

            migrationBuilder.DropTable(
                name: "ContributionVersions");
        }
    }
}
