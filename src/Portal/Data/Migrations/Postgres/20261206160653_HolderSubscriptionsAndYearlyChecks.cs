using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HolderSubscriptionsAndYearlyChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "Subscriptions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<int>(
                name: "CodeHolderId",
                table: "Subscriptions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConfirmationAskedAt",
                table: "CodeHolders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConfirmedAt",
                table: "CodeHolders",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // A holder from before the yearly check counts as confirmed when they became one.
            migrationBuilder.Sql("""UPDATE "CodeHolders" SET "ConfirmedAt" = "CreatedAt";""");

            migrationBuilder.AddColumn<string>(
                name: "RevokedReason",
                table: "CodeHolders",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "IdleWarnedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSignInAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_CodeHolderId",
                table: "Subscriptions",
                column: "CodeHolderId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Subscriptions_OneHolder",
                table: "Subscriptions",
                sql: "(\"UserId\" IS NULL) <> (\"CodeHolderId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_Subscriptions_CodeHolders_CodeHolderId",
                table: "Subscriptions",
                column: "CodeHolderId",
                principalTable: "CodeHolders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Code holders' subscriptions have no account to go back to.
            migrationBuilder.Sql("""DELETE FROM "Subscriptions" WHERE "UserId" IS NULL;""");

            migrationBuilder.DropForeignKey(
                name: "FK_Subscriptions_CodeHolders_CodeHolderId",
                table: "Subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Subscriptions_CodeHolderId",
                table: "Subscriptions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Subscriptions_OneHolder",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "CodeHolderId",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "ConfirmationAskedAt",
                table: "CodeHolders");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "CodeHolders");

            migrationBuilder.DropColumn(
                name: "RevokedReason",
                table: "CodeHolders");

            migrationBuilder.DropColumn(
                name: "IdleWarnedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "Subscriptions",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
