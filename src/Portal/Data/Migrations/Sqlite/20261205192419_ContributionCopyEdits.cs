using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContributionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BasedOnVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Quotes = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EditorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContributionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Quotes = table.Column<string>(type: "TEXT", nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
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
            migrationBuilder.Sql("CREATE TRIGGER \"ContributionVersions_immutable\" BEFORE UPDATE ON \"ContributionVersions\" BEGIN SELECT RAISE(ABORT, 'contribution versions are immutable'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"ContributionVersions_immutable\";");

            migrationBuilder.DropTable(
                name: "ContributionEdits");

            migrationBuilder.DropTable(
                name: "ContributionVersions");
        }
    }
}
