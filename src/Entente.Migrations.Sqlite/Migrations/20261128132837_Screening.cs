using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Screening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "screening_leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "screening_lists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentVersionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_lists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "screening_hits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ListId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EntryRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    ListVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityName = table.Column<string>(type: "TEXT", nullable: false),
                    MatchedName = table.Column<string>(type: "TEXT", nullable: false),
                    ScreenedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_hits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_screening_hits_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_screening_hits_screening_lists_ListId",
                        column: x => x.ListId,
                        principalTable: "screening_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "screening_list_entries",
                columns: table => new
                {
                    ListId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PrimaryName = table.Column<string>(type: "TEXT", nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_list_entries", x => new { x.ListId, x.EntityId });
                    table.ForeignKey(
                        name: "FK_screening_list_entries_screening_lists_ListId",
                        column: x => x.ListId,
                        principalTable: "screening_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "screening_list_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Removed = table.Column<int>(type: "INTEGER", nullable: false),
                    RescreenedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_list_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_screening_list_versions_screening_lists_ListId",
                        column: x => x.ListId,
                        principalTable: "screening_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "screening_leases",
                columns: new[] { "Name", "ExpiresAt", "Holder" },
                values: new object[] { "rescreen", 621355968000000000L, null });

            migrationBuilder.CreateIndex(
                name: "IX_screening_hits_ListId",
                table: "screening_hits",
                column: "ListId");

            migrationBuilder.CreateIndex(
                name: "IX_screening_hits_OrganisationId_ListId_EntityId_EntryRevision",
                table: "screening_hits",
                columns: new[] { "OrganisationId", "ListId", "EntityId", "EntryRevision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_screening_hits_Party_Status",
                table: "screening_hits",
                columns: new[] { "Party", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_screening_list_versions_ListId_Number",
                table: "screening_list_versions",
                columns: new[] { "ListId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_screening_list_versions_RescreenedAt",
                table: "screening_list_versions",
                column: "RescreenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_screening_lists_Name",
                table: "screening_lists",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "screening_hits");

            migrationBuilder.DropTable(
                name: "screening_leases");

            migrationBuilder.DropTable(
                name: "screening_list_entries");

            migrationBuilder.DropTable(
                name: "screening_list_versions");

            migrationBuilder.DropTable(
                name: "screening_lists");
        }
    }
}
