using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeChoice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastSummaryDay",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notices",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                // Existing accounts keep what they had: an e-mail at once (NoticeTiming.AtOnce).
                defaultValue: "AtOnce");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild, which would drop the accounts' change-stamp triggers.
            migrationBuilder.Sql("""ALTER TABLE "AspNetUsers" DROP COLUMN "LastSummaryDay";""");

            migrationBuilder.Sql("""ALTER TABLE "AspNetUsers" DROP COLUMN "Notices";""");
        }
    }
}
