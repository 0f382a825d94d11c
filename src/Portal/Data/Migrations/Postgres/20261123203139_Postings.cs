using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1500)", maxLength: 1500, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Areas = table.Column<int>(type: "integer", nullable: false),
                    AssistanceTypes = table.Column<int>(type: "integer", nullable: false),
                    ChosenRegions = table.Column<int>(type: "integer", nullable: false),
                    Regions = table.Column<int>(type: "integer", nullable: false),
                    Budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Period = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactPoint = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExpiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reminder30SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reminder7SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReplacesId = table.Column<int>(type: "integer", nullable: true),
                    ReplacedById = table.Column<int>(type: "integer", nullable: true),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostingId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
                    PostingId = table.Column<int>(type: "integer", nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostingId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OnBehalf = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CanonicalContent = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                    AttachmentId = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
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

            // Full-text search: a generated tsvector with a GIN index, kept by the database (docs/architecture.md).
            migrationBuilder.Sql("""
                ALTER TABLE "Postings" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', "Title"), 'A') ||
                    setweight(to_tsvector('english', "Summary"), 'B') ||
                    setweight(to_tsvector('english', "Body"), 'C')) STORED;
                CREATE INDEX "IX_Postings_SearchVector" ON "Postings" USING GIN ("SearchVector");
                """);

            // A published version is never changed (PRODUCT.md: "verbatim"); it goes only with its posting.
            migrationBuilder.Sql("""
                CREATE FUNCTION posting_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'posting versions are immutable';
                END $$;
                CREATE TRIGGER "PostingVersions_immutable" BEFORE UPDATE ON "PostingVersions"
                    FOR EACH STATEMENT EXECUTE FUNCTION posting_versions_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "PostingVersions_immutable" ON "PostingVersions";
                DROP FUNCTION IF EXISTS posting_versions_immutable();
                DROP INDEX IF EXISTS "IX_Postings_SearchVector";
                ALTER TABLE "Postings" DROP COLUMN IF EXISTS "SearchVector";
                """);

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
