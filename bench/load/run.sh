#!/usr/bin/env bash
# Load test of a running Entente web node with wrk, on loopback only.
#
#   bench/load/run.sh [DURATION_SECONDS]
#
# Builds and starts Entente.Web (Release, Development environment so the demo community exists) on a free
# loopback port over a fresh SQLite file, then drives three read paths with wrk for DURATION seconds each
# (default 10) — liveness, readiness (one database round trip) and the start page (server-rendered, two
# database queries) — and prints wrk's figures. Bounded in time; stops the server on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DURATION="${1:-10}"
command -v wrk >/dev/null || { echo "bench/load/run.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }

WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
dotnet build src/Entente.Web -c Release -v quiet -nologo >/dev/null
( cd "$WORK" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$OLDPWD/src/Entente.Web/bin/Release/net10.0/Entente.Web.dll" --urls "http://127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 ) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1 && break
    sleep 0.5
done

for path in /health/live /health/ready /; do
    echo "== GET $path  (${DURATION}s, 2 threads, 32 connections)"
    wrk -t2 -c32 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$path" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
done
