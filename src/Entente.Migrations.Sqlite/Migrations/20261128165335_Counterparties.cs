using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Counterparties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_screening_hits_OrganisationId_ListId_EntityId_EntryRevision",
                table: "screening_hits");

            migrationBuilder.AddColumn<Guid>(
                name: "CounterpartyId",
                table: "screening_hits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "counterparties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NativeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IsConsignee = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsEndUser = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counterparties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_counterparties_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_screening_hits_CounterpartyId_ListId_EntityId_EntryRevision",
                table: "screening_hits",
                columns: new[] { "CounterpartyId", "ListId", "EntityId", "EntryRevision" },
                unique: true,
                filter: "\"CounterpartyId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_screening_hits_OrganisationId_ListId_EntityId_EntryRevision",
                table: "screening_hits",
                columns: new[] { "OrganisationId", "ListId", "EntityId", "EntryRevision" },
                unique: true,
                filter: "\"CounterpartyId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_counterparties_OrganisationId_Status",
                table: "counterparties",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_counterparties_Party_Status",
                table: "counterparties",
                columns: new[] { "Party", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_screening_hits_counterparties_CounterpartyId",
                table: "screening_hits",
                column: "CounterpartyId",
                principalTable: "counterparties",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_screening_hits_counterparties_CounterpartyId",
                table: "screening_hits");

            migrationBuilder.DropTable(
                name: "counterparties");

            migrationBuilder.DropIndex(
                name: "IX_screening_hits_CounterpartyId_ListId_EntityId_EntryRevision",
                table: "screening_hits");

            migrationBuilder.DropIndex(
                name: "IX_screening_hits_OrganisationId_ListId_EntityId_EntryRevision",
                table: "screening_hits");

            migrationBuilder.DropColumn(
                name: "CounterpartyId",
                table: "screening_hits");

            migrationBuilder.CreateIndex(
                name: "IX_screening_hits_OrganisationId_ListId_EntityId_EntryRevision",
                table: "screening_hits",
                columns: new[] { "OrganisationId", "ListId", "EntityId", "EntryRevision" },
                unique: true);
        }
    }
}
