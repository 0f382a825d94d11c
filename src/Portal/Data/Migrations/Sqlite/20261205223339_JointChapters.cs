using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JointChapters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "JoinedToId",
                table: "Contributions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_JoinedToId",
                table: "Contributions",
                column: "JoinedToId");

            migrationBuilder.AddForeignKey(
                name: "FK_Contributions_Contributions_JoinedToId",
                table: "Contributions",
                column: "JoinedToId",
                principalTable: "Contributions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite: dropping the column rebuilds the table without its foreign key; dropping the key first would
            // rebuild it once already, without the index the next step drops.
            migrationBuilder.DropIndex(
                name: "IX_Contributions_JoinedToId",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "JoinedToId",
                table: "Contributions");
        }
    }
}
