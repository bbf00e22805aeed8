#!/usr/bin/env bash
# Smoke test of the embedded path exactly as a user runs it: `npm start` on a fresh data folder
# (start, migrate, health, log in), then Ctrl-C (SIGINT) and a clean exit.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
log="$data/start.log"
FAYUAN_DATA_DIR="$data" PORT="$port" HOST=127.0.0.1 FAYUAN_ADMIN_PASSWORD='Smoke-test-pass-1' LOG_LEVEL=warn \
  setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -INT -- -"$pid" 2>/dev/null || true; sleep 2; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/readyz" | grep -q ready || { cat "$log"; echo "smoke: not ready"; exit 1; }
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root">' || { echo "smoke: web app not served"; exit 1; }
curl -fsS -H 'content-type: application/json' -d '{"username":"admin","password":"Smoke-test-pass-1"}' \
  "http://127.0.0.1:$port/api/v1/auth/login" | grep -q '"username":"admin"' || { echo "smoke: login failed"; exit 1; }
kill -INT -- -"$pid"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then echo "smoke: did not stop on SIGINT"; exit 1; fi
grep -q 'stopped' "$log" || { cat "$log"; echo "smoke: no clean stop"; exit 1; }
trap - EXIT
rm -rf "$data"
echo "smoke: npm start on embedded PostgreSQL: start, migrate, health, web, login, stop: ok"
