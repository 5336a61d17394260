#!/usr/bin/env bash
# Adds one EF Core migration, under the same name, to BOTH providers' migrations projects:
#   src/Entente.Migrations.Sqlite    (the embedded default)
#   src/Entente.Migrations.Postgres  (production)
# so the two never drift apart. test.sh fails when the model has changes that a provider has no migration for
# (`dotnet ef migrations has-pending-model-changes`).
#
# Each migrations project holds a design-time factory (IDesignTimeDbContextFactory) that reads `--provider NAME`
# from the arguments after `--`; no database is contacted to add a migration.
#
# Generated migrations are never edited by hand: change the model and add a new migration instead.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/add-migration.sh NAME

Adds the EF Core migration NAME to both src/Entente.Migrations.Sqlite and
src/Entente.Migrations.Postgres (dotnet-ef from .config/dotnet-tools.json).

  NAME   a C# identifier in PascalCase, e.g. AddLicenceExpiry

Options:
  -h, --help   show this text
USAGE
}

if [[ $# -eq 1 && ( "$1" == "-h" || "$1" == "--help" ) ]]; then
    usage
    exit 0
fi
if [[ $# -ne 1 ]]; then
    echo "add-migration: expected exactly one migration NAME (got $#)" >&2
    usage >&2
    exit 2
fi

NAME="$1"
if [[ ! "$NAME" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
    echo "add-migration: '$NAME' is not a PascalCase identifier (letters and digits, starting with a capital)" >&2
    exit 2
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

PROVIDERS=(Sqlite Postgres)

for provider in "${PROVIDERS[@]}"; do
    project="src/Entente.Migrations.$provider"
    if [[ ! -f "$project/Entente.Migrations.$provider.csproj" ]]; then
        echo "add-migration: $project/Entente.Migrations.$provider.csproj not found" >&2
        exit 1
    fi
    # Refuse before touching either project, so a clash never leaves one provider with the migration and not the other.
    if compgen -G "$project/Migrations/*_${NAME}.cs" >/dev/null; then
        echo "add-migration: $project already has a migration named $NAME" >&2
        exit 1
    fi
done

if ! dotnet tool restore >/dev/null; then
    echo "add-migration: dotnet tool restore failed (see .config/dotnet-tools.json)" >&2
    exit 1
fi

# dotnet ef reads project metadata before it builds, and that needs restored projects.
for provider in "${PROVIDERS[@]}"; do
    if ! dotnet restore "src/Entente.Migrations.$provider" >/dev/null; then
        echo "add-migration: dotnet restore failed for src/Entente.Migrations.$provider" >&2
        exit 1
    fi
done

added=()
for provider in "${PROVIDERS[@]}"; do
    project="src/Entente.Migrations.$provider"
    echo "== $provider: adding migration $NAME"
    if ! dotnet ef migrations add "$NAME" \
        --project "$project" --startup-project "$project" \
        --output-dir Migrations -- --provider "$provider"; then
        echo "add-migration: dotnet ef failed for $provider" >&2
        if [[ ${#added[@]} -gt 0 ]]; then
            echo "add-migration: $NAME was already added to: ${added[*]}; remove it there with" >&2
            for done_provider in "${added[@]}"; do
                echo "  dotnet ef migrations remove --project src/Entente.Migrations.$done_provider --startup-project src/Entente.Migrations.$done_provider -- --provider $done_provider" >&2
            done
        fi
        exit 1
    fi
    added+=("$provider")
done

echo "Added migration $NAME to: ${added[*]}"
