using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Postings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Postings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Areas = table.Column<int>(type: "INTEGER", nullable: false),
                    AssistanceTypes = table.Column<int>(type: "INTEGER", nullable: false),
                    ChosenRegions = table.Column<int>(type: "INTEGER", nullable: false),
                    Regions = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPoint = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reminder30SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reminder7SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplacesId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReplacedById = table.Column<int>(type: "INTEGER", nullable: true),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Postings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Postings_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Postings_Postings_ReplacedById",
                        column: x => x.ReplacedById,
                        principalTable: "Postings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Postings_Postings_ReplacesId",
                        column: x => x.ReplacesId,
                        principalTable: "Postings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostingAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostingId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostingAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostingAttachments_Postings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "Postings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostingCountry",
                columns: table => new
                {
                    PostingId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostingCountry", x => new { x.PostingId, x.CountryCode });
                    table.ForeignKey(
                        name: "FK_PostingCountry_Postings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "Postings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostingVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OnBehalf = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CanonicalContent = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostingVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostingVersions_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostingVersions_Postings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "Postings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttachmentContents",
                columns: table => new
                {
                    AttachmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_AttachmentContents_PostingAttachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "PostingAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PostingAttachments_PostingId",
                table: "PostingAttachments",
                column: "PostingId");

            migrationBuilder.CreateIndex(
                name: "IX_PostingCountry_CountryCode",
                table: "PostingCountry",
                column: "CountryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Postings_ParticipantId_Status",
                table: "Postings",
                columns: new[] { "ParticipantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Postings_ReplacedById",
                table: "Postings",
                column: "ReplacedById");

            migrationBuilder.CreateIndex(
                name: "IX_Postings_ReplacesId",
                table: "Postings",
                column: "ReplacesId");

            migrationBuilder.CreateIndex(
                name: "IX_Postings_Status_PublishedAt",
                table: "Postings",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Postings_Status_ValidUntil",
                table: "Postings",
                columns: new[] { "Status", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_PostingVersions_ParticipantId",
                table: "PostingVersions",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_PostingVersions_PostingId_Number",
                table: "PostingVersions",
                columns: new[] { "PostingId", "Number" },
                unique: true);

            // Full-text search: an FTS5 index over the posting rows, kept by triggers (docs/architecture.md).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "PostingSearch" USING fts5("Title", "Summary", "Body",
                    content='Postings', content_rowid='Id', tokenize='porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Postings_search_insert" AFTER INSERT ON "Postings" BEGIN
                    INSERT INTO "PostingSearch"(rowid, "Title", "Summary", "Body") VALUES (new."Id", new."Title", new."Summary", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Postings_search_delete" AFTER DELETE ON "Postings" BEGIN
                    INSERT INTO "PostingSearch"("PostingSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old."Id", old."Title", old."Summary", old."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Postings_search_update" AFTER UPDATE OF "Title", "Summary", "Body" ON "Postings" BEGIN
                    INSERT INTO "PostingSearch"("PostingSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old."Id", old."Title", old."Summary", old."Body");
                    INSERT INTO "PostingSearch"(rowid, "Title", "Summary", "Body") VALUES (new."Id", new."Title", new."Summary", new."Body");
                END;
                """);

            // A published version is never changed (PRODUCT.md: "verbatim"); it goes only with its posting.
            migrationBuilder.Sql("CREATE TRIGGER \"PostingVersions_immutable\" BEFORE UPDATE ON \"PostingVersions\" BEGIN SELECT RAISE(ABORT, 'posting versions are immutable'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"PostingVersions_immutable\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Postings_search_insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Postings_search_delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Postings_search_update\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"PostingSearch\";");

            migrationBuilder.DropTable(
                name: "AttachmentContents");

            migrationBuilder.DropTable(
                name: "PostingCountry");

            migrationBuilder.DropTable(
                name: "PostingVersions");

            migrationBuilder.DropTable(
                name: "PostingAttachments");

            migrationBuilder.DropTable(
                name: "Postings");
        }
    }
}
