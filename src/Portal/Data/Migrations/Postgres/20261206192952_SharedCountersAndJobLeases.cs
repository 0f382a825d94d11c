using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
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
                    Job = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Job);
                });

            migrationBuilder.CreateTable(
                name: "RateCounterNames",
                columns: table => new
                {
                    Limit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Partition = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EndsAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateCounterNames", x => new { x.Limit, x.Partition, x.NameHash });
                });

            migrationBuilder.CreateTable(
                name: "RateCounters",
                columns: table => new
                {
                    Limit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Partition = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EndsAt = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Refused = table.Column<bool>(type: "boolean", nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", maxLength: 16, nullable: false)
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
