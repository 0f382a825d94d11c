using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <summary>
    /// When the coordinators were e-mailed about a request, so that a burst of requests becomes one notice per
    /// coordinator and interval. Requests filed before were told of when they were filed.
    /// </summary>
    public partial class AccessRequestCoordinatorsTold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CoordinatorsToldAt",
                table: "AccessRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql("""UPDATE "AccessRequests" SET "CoordinatorsToldAt" = "CreatedAt";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CoordinatorsToldAt",
                table: "AccessRequests");
        }
    }
}
