using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <summary>
    /// A kind on every outbox message, so that messages are found by what they are (a rotation cancels the unsent
    /// e-mails carrying the old code by kind) rather than by their subject.
    /// </summary>
    public partial class OutboxMessageKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Outbox",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "unclassified");

            // Rows queued before this migration get the kind their subject says, so that a code e-mail still waiting is
            // cancelled by the next rotation as before; anything else is "unclassified".
            migrationBuilder.Sql("""
                UPDATE "Outbox" SET "Kind" = CASE
                    WHEN "Subject" = 'Your entry code for the CCM Cooperation Portal (States)' THEN 'entry-code:States'
                    WHEN "Subject" = 'Your entry code for the CCM Cooperation Portal (observers)' THEN 'entry-code:Observers'
                    WHEN "Subject" = 'The entry code for States has changed' THEN 'entry-code-changed:States'
                    WHEN "Subject" = 'The entry code for observers has changed' THEN 'entry-code-changed:Observers'
                    WHEN "Subject" = 'We received your request for access' THEN 'access-request-received'
                    WHEN "Subject" LIKE 'A request for access is waiting (#%)' THEN 'access-request-waiting'
                    WHEN "Subject" = 'Your request for access to the CCM Cooperation Portal' THEN 'access-request-rejected'
                    WHEN "Subject" = 'Your invitation to the CCM Cooperation Portal' THEN 'account-invitation'
                    WHEN "Subject" = 'Reset your Cooperation Portal password' THEN 'password-reset'
                    WHEN "Subject" LIKE 'Your % expires on %: renew it?' THEN 'posting-expiry-reminder'
                    ELSE 'unclassified' END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Kind_SentAt",
                table: "Outbox",
                columns: new[] { "Kind", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_Kind_SentAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Outbox");
        }
    }
}
