#!/usr/bin/env bash
# The one test command of Entente (CI runs it through .ci/run).
#
#   ./test.sh
#
# 1. installs what the tests need when it is missing (Debian's chromium, PostgreSQL);
# 2. starts a throwaway PostgreSQL cluster on a free loopback port and exports
#    ENTENTE_TEST_POSTGRES so the data tests run over PostgreSQL as well as SQLite;
#    the cluster is stopped and removed on exit, also on failure;
# 3. builds the solution once and runs every tests/*/*.Tests.csproj, one TRX file each,
#    plus the treaty scenarios and the pending-model-change checks when they exist;
# 4. ends with "N passed, N failed, N skipped" alone on the last line, totalled over all of it,
#    and exits non-zero if anything failed (a build failure or a test run without a TRX counts as failed).
#
# Environment it honours:
#   CONFIGURATION            Release (default) or Debug
#   ENTENTE_TEST_RESULTS     where TRX files, logs and browser screenshots go (default: ./TestResults)
#   ENTENTE_TEST_POSTGRES    when already set, that server is used and no cluster is started
#
# Works as root (CI) and as a user with sudo (for apt-get and for running the cluster as `postgres`).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
REPO_ROOT="$(pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# CI has no stdin and no terminal: keep MSBuild's output plain and never prompt.
export MSBUILDTERMINALLOGGER=off
export DEBIAN_FRONTEND=noninteractive

CONFIGURATION="${CONFIGURATION:-Release}"
RESULTS_DIR="${ENTENTE_TEST_RESULTS:-$REPO_ROOT/TestResults}"
export ENTENTE_TEST_RESULTS="$RESULTS_DIR"
# Two cores on CI: two MSBuild nodes, no more.
MAX_CPU=2

PASSED=0
FAILED=0
SKIPPED=0
FAILURES=()

section() {
    printf '\n==================== %s ====================\n' "$*"
}

note_failure() {
    FAILURES+=("$1")
}

# ---------------------------------------------------------------- privileges
if [[ "$(id -u)" -eq 0 ]]; then
    as_root() { "$@"; }
    as_postgres() { runuser -u postgres -- "$@"; }
else
    if ! command -v sudo >/dev/null 2>&1; then
        echo "test.sh: not root and no sudo: cannot install packages or run PostgreSQL as 'postgres'" >&2
        exit 1
    fi
    # -n: never wait for a password on a CI without stdin; fail instead.
    as_root() { sudo -n "$@"; }
    as_postgres() { sudo -n -u postgres -- "$@"; }
fi

apt_updated=0
apt_install() {
    if [[ $apt_updated -eq 0 ]]; then
        as_root apt-get update -qq
        apt_updated=1
    fi
    as_root apt-get install -y -qq "$@"
}

# ---------------------------------------------------------------- prerequisites
section "Prerequisites"

if ! command -v dotnet >/dev/null 2>&1; then
    echo "test.sh: the .NET SDK (dotnet) is not on PATH" >&2
    exit 1
fi
echo "dotnet $(dotnet --version)"

if [[ ! -x /usr/bin/chromium ]]; then
    echo "Installing Debian's chromium for the browser tests"
    apt_install chromium
fi
if [[ -x /usr/bin/chromium ]]; then
    # The Debian wrapper script prints shell noise on some machines; keep only the version line.
    echo "$(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
else
    echo "test.sh: /usr/bin/chromium is still missing after apt-get install chromium" >&2
    exit 1
fi

if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    echo "Installing PostgreSQL"
    apt_install postgresql
fi
PG_BIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
if [[ ! -x "$PG_BIN/initdb" ]]; then
    echo "test.sh: no initdb under /usr/lib/postgresql/*/bin even after installing postgresql" >&2
    exit 1
fi
if ! id postgres >/dev/null 2>&1; then
    echo "test.sh: the 'postgres' system user does not exist (is the postgresql package installed?)" >&2
    exit 1
fi
echo "$("$PG_BIN/postgres" --version) at $PG_BIN"

# ---------------------------------------------------------------- throwaway PostgreSQL
PG_DIR=""
PG_RUNNING=0

stop_postgres() {
    if [[ $PG_RUNNING -eq 1 ]]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        PG_RUNNING=0
    fi
    if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
        as_root rm -rf "$PG_DIR" || true
        PG_DIR=""
    fi
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
    # A connection that succeeds means something listens there already.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1
}

start_postgres() {
    # Called as an `if` condition, where errexit does not apply: every step checks its own result.
    PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/entente-pg.XXXXXX")" || return 1
    as_root chown postgres: "$PG_DIR" || return 1
    as_root chmod 700 "$PG_DIR" || return 1

    if ! as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        --no-instructions >"$RESULTS_DIR/postgres-initdb.log" 2>&1; then
        cat "$RESULTS_DIR/postgres-initdb.log" >&2
        echo "test.sh: initdb failed" >&2
        return 1
    fi

    # A port that looks free can be taken between the check and the start: try a few.
    local attempt port
    for attempt in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 20000))
        if port_in_use "$port"; then
            continue
        fi
        # Throwaway data: durability settings off for speed; TCP on loopback only; socket in the cluster folder.
        if as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
            -o "-p $port -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null; then
            PG_RUNNING=1
            PG_PORT=$port
            break
        fi
        echo "PostgreSQL did not start on port $port (attempt $attempt):" >&2
        as_root cat "$PG_DIR/server.log" >&2 || true
    done
    if [[ $PG_RUNNING -ne 1 ]]; then
        echo "test.sh: could not start PostgreSQL" >&2
        return 1
    fi

    if ! "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres entente_test; then
        echo "test.sh: could not create the database entente_test" >&2
        return 1
    fi
    if [[ "$("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d entente_test -Atqc 'select 1')" != "1" ]]; then
        echo "test.sh: PostgreSQL started but does not answer queries" >&2
        return 1
    fi
}

# Start from an empty results folder, but never wipe a folder someone named in ENTENTE_TEST_RESULTS.
if [[ "$RESULTS_DIR" == "$REPO_ROOT/TestResults" ]]; then
    rm -rf "$RESULTS_DIR"
fi
mkdir -p "$RESULTS_DIR"

section "PostgreSQL"
if [[ -n "${ENTENTE_TEST_POSTGRES:-}" ]]; then
    echo "Using the server given in ENTENTE_TEST_POSTGRES; no cluster started"
else
    if ! start_postgres; then
        # Loud on purpose: skipping PostgreSQL silently would hide every provider-specific bug.
        echo "test.sh: FAILED to start the throwaway PostgreSQL cluster; the PostgreSQL tests cannot run" >&2
        stop_postgres
        echo "0 passed, 1 failed, 0 skipped"
        exit 1
    fi
    export ENTENTE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=entente_test"
    echo "PostgreSQL running on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
    echo "ENTENTE_TEST_POSTGRES=$ENTENTE_TEST_POSTGRES"
fi

# ---------------------------------------------------------------- build
section "Build ($CONFIGURATION)"
if ! dotnet build Entente.slnx -c "$CONFIGURATION" -m:"$MAX_CPU" -nologo -v:minimal </dev/null; then
    echo "test.sh: the build failed" >&2
    stop_postgres
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

# ---------------------------------------------------------------- tests
# Reads one attribute of the <Counters .../> element of a TRX file (plain grep/sed: no XML tool needed).
trx_counter() {
    local file="$1" name="$2" value
    value="$(grep -o '<Counters [^>]*' "$file" | head -n 1 | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)"
    echo "${value:-0}"
}

shopt -s nullglob
test_projects=(tests/*/*.Tests.csproj)
if [[ ${#test_projects[@]} -eq 0 ]]; then
    echo "test.sh: no test project under tests/" >&2
    FAILED=$((FAILED + 1))
    note_failure "no test projects"
fi

for project in "${test_projects[@]}"; do
    name="$(basename "$project" .csproj)"
    trx="$RESULTS_DIR/$name.trx"
    section "$name"
    rc=0
    # --blame-hang-timeout: a hung test host is killed and reported instead of eating CI's time.
    dotnet test "$project" -c "$CONFIGURATION" --no-build \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
        --results-directory "$RESULTS_DIR" \
        --blame-hang-timeout 10m --blame-hang-dump-type none </dev/null || rc=$?

    if [[ ! -f "$trx" ]]; then
        echo "test.sh: $name produced no TRX (exit code $rc): counted as one failure" >&2
        FAILED=$((FAILED + 1))
        note_failure "$name (crashed, no TRX)"
        continue
    fi

    total=$(trx_counter "$trx" total)
    passed=$(trx_counter "$trx" passed)
    failed=$(( $(trx_counter "$trx" failed) + $(trx_counter "$trx" error) + $(trx_counter "$trx" timeout) + $(trx_counter "$trx" aborted) ))
    # What ran neither to a pass nor to a failure was skipped (xunit's Skip / Assert.Skip land in notExecuted).
    skipped=$(( total - passed - failed ))
    if (( skipped < 0 )); then skipped=0; fi

    if [[ $rc -ne 0 && $failed -eq 0 ]]; then
        echo "test.sh: $name exited with $rc but its TRX records no failure: counted as one failure" >&2
        failed=1
    fi
    echo "$name: $passed passed, $failed failed, $skipped skipped"
    PASSED=$((PASSED + passed))
    FAILED=$((FAILED + failed))
    SKIPPED=$((SKIPPED + skipped))
    if (( failed > 0 )); then note_failure "$name ($failed failed)"; fi
done

# ---------------------------------------------------------------- treaty scenarios
# Every suite in tests/scenarios is run by `entente treaty test`, each counted as one test. Files named
# invalid-*.jsonl are deliberately bad input for the CLI's own tests and are not suites.
scenarios=()
for file in tests/scenarios/*.jsonl; do
    [[ -e "$file" && "$(basename "$file")" != invalid-* ]] && scenarios+=("$file")
done
if [[ ${#scenarios[@]} -gt 0 ]]; then
    section "Treaty scenarios (${#scenarios[@]} files)"
    for suite in "${scenarios[@]}"; do
        if dotnet run --project src/Entente.Cli -c "$CONFIGURATION" --no-build -- treaty test "$suite" </dev/null; then
            PASSED=$((PASSED + 1))
        else
            FAILED=$((FAILED + 1))
            note_failure "entente treaty test $suite"
        fi
    done
fi

# ---------------------------------------------------------------- migrations in step with the model
# Runs once a migrations project has its design-time factory (see scripts/add-migration.sh): a model change
# without a migration for BOTH providers fails here.
migration_checks=()
for provider in Sqlite Postgres; do
    dir="src/Entente.Migrations.$provider"
    if [[ -d "$dir" ]] && grep -rqs --include='*.cs' 'IDesignTimeDbContextFactory' "$dir"; then
        migration_checks+=("$provider")
    fi
done
if [[ ${#migration_checks[@]} -gt 0 ]]; then
    section "Pending model changes"
    if dotnet tool restore </dev/null >/dev/null; then
        for provider in "${migration_checks[@]}"; do
            dir="src/Entente.Migrations.$provider"
            echo "-- $provider"
            if dotnet ef migrations has-pending-model-changes --project "$dir" --startup-project "$dir" \
                --configuration "$CONFIGURATION" --no-build -- --provider "$provider" </dev/null; then
                PASSED=$((PASSED + 1))
            else
                FAILED=$((FAILED + 1))
                note_failure "dotnet ef migrations has-pending-model-changes ($provider)"
            fi
        done
    else
        echo "test.sh: dotnet tool restore failed" >&2
        FAILED=$((FAILED + 1))
        note_failure "dotnet tool restore"
    fi
fi

# ---------------------------------------------------------------- summary
section "Summary"
stop_postgres
if [[ ${#FAILURES[@]} -gt 0 ]]; then
    echo "Failed:"
    printf '  - %s\n' "${FAILURES[@]}"
fi
echo "Results: $RESULTS_DIR"
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
if (( FAILED > 0 )); then
    exit 1
fi
exit 0
