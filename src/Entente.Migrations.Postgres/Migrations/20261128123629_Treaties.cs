using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Entente.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Treaties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "treaties",
                columns: table => new
                {
                    TreatyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VersionInForce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PendingAgreement = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SuspendedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SuspensionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TerminatedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_treaties", x => x.TreatyId);
                });

            migrationBuilder.CreateTable(
                name: "treaty_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TreatyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TreatyVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TreatyJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AcceptedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InForceAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_treaty_amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_treaty_amendments_treaties_TreatyId",
                        column: x => x.TreatyId,
                        principalTable: "treaties",
                        principalColumn: "TreatyId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "treaty_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TreatyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Authority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Party = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    StatusAfter = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VersionInForce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AmendmentVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_treaty_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_treaty_events_treaties_TreatyId",
                        column: x => x.TreatyId,
                        principalTable: "treaties",
                        principalColumn: "TreatyId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_treaty_amendments_TreatyId_TreatyVersion",
                table: "treaty_amendments",
                columns: new[] { "TreatyId", "TreatyVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_treaty_events_TreatyId_Sequence",
                table: "treaty_events",
                columns: new[] { "TreatyId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "treaty_amendments");

            migrationBuilder.DropTable(
                name: "treaty_events");

            migrationBuilder.DropTable(
                name: "treaties");
        }
    }
}
