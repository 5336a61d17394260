using System.ComponentModel.DataAnnotations;

namespace Entente.Application.Persistence;

/// <summary>Which database the platform runs on. Bound from the <c>Database</c> section and validated at start.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c> (production, several web nodes).</summary>
    [Required]
    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Where the embedded SQLite file lives when no connection string is configured.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "entente.db");
}
