using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportedAt",
                table: "Contributions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFileName",
                table: "Contributions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFileSha256",
                table: "Contributions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedFromEmail",
                table: "Contributions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedFromName",
                table: "Contributions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // EF rebuilds a SQLite table to drop a column from the previous migration's model, and that model
            // (AccessRequestCoordinatorsTold, made on a branch without the catalogue) has no Contributions table.
            // SQLite drops a column that no index or constraint names by itself.
            migrationBuilder.Sql("""ALTER TABLE "Contributions" DROP COLUMN "EnteredOnBehalfBy";""");
            migrationBuilder.Sql("""ALTER TABLE "Contributions" DROP COLUMN "ImportedAt";""");
            migrationBuilder.Sql("""ALTER TABLE "Contributions" DROP COLUMN "ImportedFileName";""");
            migrationBuilder.Sql("""ALTER TABLE "Contributions" DROP COLUMN "ImportedFileSha256";""");
            migrationBuilder.Sql("""ALTER TABLE "Contributions" DROP COLUMN "ReceivedFromEmail";""");
            migrationBuilder.Sql("""ALTER TABLE "Contributions" DROP COLUMN "ReceivedFromName";""");
        }
    }
}
