using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
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
                type: "integer",
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
            migrationBuilder.DropForeignKey(
                name: "FK_Contributions_Contributions_JoinedToId",
                table: "Contributions");

            migrationBuilder.DropIndex(
                name: "IX_Contributions_JoinedToId",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "JoinedToId",
                table: "Contributions");
        }
    }
}
