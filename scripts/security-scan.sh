#!/usr/bin/env bash
# SQL injection scan of a running Entente web node with Debian's sqlmap, on loopback only.
#
#   scripts/security-scan.sh [SECONDS_PER_TARGET]
#
# Builds and starts Entente.Web (Release, Development environment so the demo community exists) on a free
# loopback port over a fresh SQLite file in a temporary folder, signs in as two demo users without two-factor
# sign-in (Albion's compliance officer and the GB auditor) through the sign-in form, issues each a personal API
# token on the tokens page, and runs sqlmap --batch at level 2 against the query-string, form and JSON parameters
# of the search, filter, sort and paging endpoints: the directory, the authority's register, screening, the hit
# queue, consignees and end users, the transparency log, and the sign-in form. Each target is bounded by
# SECONDS_PER_TARGET (default 150). Prints one line per target and exits 1 if sqlmap finds an injection or the
# server logged an unhandled exception meanwhile.
# Not part of ./test.sh: it takes several minutes. Results are recorded in docs/security.md.
# SECURITY_SCAN_LOGS=DIR keeps sqlmap's output and the server's log there; otherwise they go with the temporary folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PER_TARGET="${1:-150}"
[[ "$PER_TARGET" =~ ^[0-9]+$ ]] || { echo "scripts/security-scan.sh: SECONDS_PER_TARGET must be a whole number" >&2; exit 2; }
export DEBIAN_FRONTEND=noninteractive

if ! command -v sqlmap >/dev/null 2>&1; then
    if [[ "$(id -u)" -eq 0 ]]; then as_root() { "$@"; }; else as_root() { sudo -n "$@"; }; fi
    as_root apt-get update -qq
    as_root apt-get install -y -qq sqlmap >/dev/null
fi
command -v sqlmap >/dev/null || { echo "scripts/security-scan.sh: sqlmap is missing after apt-get install sqlmap" >&2; exit 1; }

WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
dotnet build src/Entente.Web -c Release -v quiet -nologo >/dev/null
( cd "$WORK" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$OLDPWD/src/Entente.Web/bin/Release/net10.0/Entente.Web.dll" --urls "$BASE" >"$WORK/server.log" 2>&1 ) &
SERVER=$!
LOGS="${SECURITY_SCAN_LOGS:-$WORK/logs}"
mkdir -p "$LOGS"
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; cp "$WORK/server.log" "$LOGS/" 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 1 120); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "$BASE/health/ready" >/dev/null || { echo "scripts/security-scan.sh: the server did not start; its log:" >&2; cat "$WORK/server.log" >&2; exit 1; }

# Signs in through the page's form, as a browser does: load it, take the antiforgery token, post it back.
# Prints the sign-in cookie as NAME=VALUE.
sign_in() {
    local email="$1" jar="$WORK/$1.jar" token status
    token="$(curl -fs -c "$jar" "$BASE/account/sign-in" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -n1)"
    status="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$BASE/account/sign-in" \
        --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=sign-in" \
        --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=Entente-Demo-2014")"
    [[ "$status" == 302 ]] || { echo "scripts/security-scan.sh: signing in as $email answered $status" >&2; exit 1; }
    awk -F'\t' '$6 == "entente.auth" { print $6 "=" $7 }' "$jar"
}

# Issues a one-day personal API token to the signed-in user through the tokens page, as a person does (the API
# itself takes a token for any change, so the cookie cannot issue one there).
issue_token() {
    local jar="$WORK/$1.jar" token
    token="$(curl -fs -b "$jar" -c "$jar" "$BASE/account/tokens" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -n1)"
    curl -fs -b "$jar" -c "$jar" "$BASE/account/tokens" --data-urlencode "__RequestVerificationToken=$token" \
        --data-urlencode "_handler=issue-token" --data-urlencode "Input.Name=security scan" --data-urlencode "Input.Days=1" \
        | sed -n 's/.*id="new-token">\(ent_[^<]*\)<.*/\1/p' | head -n1
}

COMPANY="$(sign_in officer@albion.example)"
AUTHORITY="$(sign_in auditor@ecju.example)"
COMPANY_TOKEN="$(issue_token officer@albion.example)"
AUTHORITY_TOKEN="$(issue_token auditor@ecju.example)"
[[ -n "$COMPANY" && -n "$AUTHORITY" && -n "$COMPANY_TOKEN" && -n "$AUTHORITY_TOKEN" ]] || { echo "scripts/security-scan.sh: could not sign in" >&2; exit 1; }

FOUND=0
scan() {
    local name="$1"; shift
    local log="$LOGS/$name.log" outcome
    # -p names the parameters, so the session cookie and headers are never fuzzed; --flush-session: no cache.
    set +e
    timeout "$PER_TARGET" sqlmap --batch --level 2 --risk 1 --time-sec 2 --disable-coloring \
        --flush-session --output-dir "$WORK/sqlmap" "$@" >"$log" 2>&1
    local code=$?
    set -e
    if grep -qE "is vulnerable|sqlmap identified the following injection point" "$log"; then
        outcome="INJECTABLE: $(grep -E "Parameter: " "$log" | sort -u | tr '\n' ' ')"
        FOUND=1
    elif grep -q "do not appear to be injectable" "$log"; then
        outcome="not injectable ($(grep -cE "testing '" "$log") tests)"
    elif [[ $code -eq 124 ]]; then
        outcome="no injection found within ${PER_TARGET}s ($(grep -cE "testing '" "$log") tests; stopped by the time bound)"
    else
        outcome="sqlmap exited $code: $(grep -E "\[(CRITICAL|ERROR)\]" "$log" | head -n1)"
    fi
    printf '%-28s %s\n' "$name" "$outcome"
}

echo "sqlmap $(sqlmap --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+[.0-9]*' | head -n1) against $BASE, level 2, risk 1, ${PER_TARGET}s per target"
scan directory-page       -u "$BASE/directory?q=Albion&party=GB&sort=name&page=1" -p "q,party,sort,page" --cookie "$COMPANY"
scan directory-api        -u "$BASE/api/v1/directory?search=Albion&party=GB&sort=name&limit=5" -p "search,party,sort" --headers "Authorization: Bearer $COMPANY_TOKEN"
scan register-page        -u "$BASE/organisations?status=Approved&q=Albion&sort=name&desc=true" -p "status,q,sort" --cookie "$AUTHORITY"
scan register-api         -u "$BASE/api/v1/organisations/?status=Approved&search=Albion&sort=name" -p "status,search,sort" --headers "Authorization: Bearer $AUTHORITY_TOKEN"
scan screening-page       -u "$BASE/screening?q=Kalashnikov" -p "q" --cookie "$COMPANY"
scan screening-api        -u "$BASE/api/v1/screening/search" --data '{"name":"Kalashnikov","top":5}' --headers "Authorization: Bearer $COMPANY_TOKEN"
scan hit-queue-page       -u "$BASE/screening/hits?status=all&sort=score" -p "status,sort" --cookie "$AUTHORITY"
scan counterparties-page  -u "$BASE/counterparties?status=Clear&q=Ltd&sort=name" -p "status,q,sort" --cookie "$COMPANY"
scan counterparties-api   -u "$BASE/api/v1/counterparties/?status=Clear&search=Ltd&sort=name" -p "status,search,sort" --headers "Authorization: Bearer $COMPANY_TOKEN"
scan log-page             -u "$BASE/log?action=organisation.registered&from=2020-01-01&to=2040-01-01&page=1" -p "action,from,to" --cookie "$AUTHORITY"
scan log-entries-api      -u "$BASE/api/v1/log/entries?start=0&end=10" -p "start,end" --headers "Authorization: Bearer $AUTHORITY_TOKEN"
scan sign-in-form         -u "$BASE/account/sign-in" --data "_handler=sign-in&Input.Email=member%40thames.example&Input.Password=x&__RequestVerificationToken=x" \
    -p "Input.Email" --csrf-token "__RequestVerificationToken" --csrf-url "$BASE/account/sign-in"

# A payload must never break a request: any unhandled exception the server logged is a finding too.
if grep -q "Unhandled exception" "$WORK/server.log"; then
    echo "The server logged $(grep -c "Unhandled exception" "$WORK/server.log") unhandled exception(s) during the scan; the first:"
    grep -m 3 -A 2 "Unhandled exception" "$WORK/server.log" || true
    FOUND=1
else
    echo "The server logged no unhandled exception during the scan."
fi
exit $FOUND
