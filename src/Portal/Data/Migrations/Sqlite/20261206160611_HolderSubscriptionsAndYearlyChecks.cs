using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<int>(
                name: "CodeHolderId",
                table: "Subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConfirmationAskedAt",
                table: "CodeHolders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConfirmedAt",
                table: "CodeHolders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // A holder from before the yearly check counts as confirmed when they became one.
            migrationBuilder.Sql("""UPDATE "CodeHolders" SET "ConfirmedAt" = "CreatedAt";""");

            migrationBuilder.AddColumn<string>(
                name: "RevokedReason",
                table: "CodeHolders",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "IdleWarnedAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastSignInAt",
                table: "AspNetUsers",
                type: "INTEGER",
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

            // Dropped in place: EF's DropColumn rebuilds the table on SQLite and would lose the triggers that stamp
            // changes to accounts (AspNetUsers_AccessStamp_*).
            migrationBuilder.Sql("""ALTER TABLE "CodeHolders" DROP COLUMN "ConfirmationAskedAt";""");

            migrationBuilder.Sql("""ALTER TABLE "CodeHolders" DROP COLUMN "ConfirmedAt";""");

            migrationBuilder.Sql("""ALTER TABLE "CodeHolders" DROP COLUMN "RevokedReason";""");

            migrationBuilder.Sql("""ALTER TABLE "AspNetUsers" DROP COLUMN "IdleWarnedAt";""");

            migrationBuilder.Sql("""ALTER TABLE "AspNetUsers" DROP COLUMN "LastSignInAt";""");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "Subscriptions",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
