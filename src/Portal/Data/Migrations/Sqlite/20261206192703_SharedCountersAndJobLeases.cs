using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedCountersAndJobLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Job = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Job);
                });

            migrationBuilder.CreateTable(
                name: "RateCounterNames",
                columns: table => new
                {
                    Limit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Partition = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateCounterNames", x => new { x.Limit, x.Partition, x.NameHash });
                });

            migrationBuilder.CreateTable(
                name: "RateCounters",
                columns: table => new
                {
                    Limit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Partition = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<bool>(type: "INTEGER", nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateCounters", x => new { x.Limit, x.Partition });
                });

            migrationBuilder.CreateIndex(
                name: "IX_RateCounterNames_EndsAt",
                table: "RateCounterNames",
                column: "EndsAt");

            migrationBuilder.CreateIndex(
                name: "IX_RateCounters_EndsAt",
                table: "RateCounters",
                column: "EndsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "RateCounterNames");

            migrationBuilder.DropTable(
                name: "RateCounters");
        }
    }
}
