#!/usr/bin/env bash
# The backend load test (docs/PERFORMANCE.md, "Backend at scale"): 2,000 socket.io connections in
# 50 rooms, each sending one message every SEND_EVERY seconds, driven by artillery with the
# socket.io v3/v4 engine (two artillery processes of 1,000 connections each), against:
#   a  the reference backend, one process, SQLite (the embedded default)
#   b  the reference backend, two processes, Redis adapter, PostgreSQL (a throwaway cluster)
#   c  the seed's backend, re-created from the seed document (seed-backend.js), one process
# Everything runs on this machine, on 127.0.0.1 only, and stops by itself. It prints one JSON
# line of figures per setup and writes them to results.jsonl.
#
#   npm ci --prefix server && npm ci --prefix bench/server    # once
#   bench/server/run.sh            # a, b and c;  bench/server/run.sh a   just one
#
# Settings (environment): USERS=2000 ROOMS=50 SEND_EVERY=20 ROUNDS=9 RAMP=100. Each user stays
# ROUNDS x SEND_EVERY seconds from its connection, so all of them are connected from the end of
# the ramp until the first ones leave: that window (less 10 s to settle) is what is measured.
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
repo=$(cd ../.. && pwd)

USERS=${USERS:-2000}
ROOMS=${ROOMS:-50}
SEND_EVERY=${SEND_EVERY:-20}
ROUNDS=${ROUNDS:-9}
RAMP=${RAMP:-100}
export ROOM_SIZE=$((USERS / ROOMS))
export ARTILLERY_DISABLE_TELEMETRY=true
SECRET=load-test-secret

[ -x node_modules/.bin/artillery ] || { echo "run: install the load test first: npm ci --prefix bench/server" >&2; exit 1; }
[ -d "$repo/server/node_modules/socket.io" ] || { echo "run: install the backend first: npm ci --prefix server" >&2; exit 1; }
# 2,000 client sockets and 2,000 server sockets on one machine: more than the usual 1,024 files.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# Setup b needs PostgreSQL: run inside a throwaway cluster (server/scripts/with-postgres.sh).
if [ "${1:-}" != "--inside-postgres" ]; then
  setups=("$@")
  [ ${#setups[@]} -gt 0 ] || setups=(a b c)
  : >results.jsonl
  for s in "${setups[@]}"; do
    case $s in
      a|c) "$0" --inside-postgres "$s" ;;
      b) "$repo/server/scripts/with-postgres.sh" "$0" --inside-postgres b ;;
      *) echo "run: unknown setup $s (a, b or c)" >&2; exit 1 ;;
    esac
  done
  exit 0
fi
setup=$2

work=$(mktemp -d "${TMPDIR:-/tmp}/studyconnect-load.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_http() {
  for _ in $(seq 1 200); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "run: $1 did not answer" >&2; return 1
}
# CPU seconds (user + system) and resident memory of a process, from /proc.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }
rss_of() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

backend_env=(JWT_SECRET=$SECRET LOG_LEVEL=warn HOST=127.0.0.1
  # One client per user here; the limits are not what is measured.
  SEND_RATE_BURST=1000 SEND_RATE_PER_SECOND=1000)
targets=()
servers=()
case $setup in
  a)
    label="a: reference backend, 1 process, SQLite"
    env DB_PATH="$work/load.db" JWT_SECRET=$SECRET node prepare.js "$USERS" "$ROOMS" 2 "$work" >/dev/null
    port=$(free_port)
    env "${backend_env[@]}" PORT="$port" DB_PATH="$work/load.db" node "$repo/server/src/index.js" >"$work/a.log" 2>&1 &
    pids+=($!); servers+=($!)
    wait_http "http://127.0.0.1:$port/healthz"
    targets=("http://127.0.0.1:$port" "http://127.0.0.1:$port")
    ;;
  b)
    label="b: reference backend, 2 processes, Redis + PostgreSQL"
    node -e "const {Client}=require('$repo/server/node_modules/pg');(async()=>{const c=new Client({connectionString:process.env.TEST_POSTGRES_URL});await c.connect();await c.query('CREATE DATABASE load');await c.end()})()"
    db_url=${TEST_POSTGRES_URL%/postgres}/load
    env DATABASE_URL="$db_url" JWT_SECRET=$SECRET node prepare.js "$USERS" "$ROOMS" 2 "$work" >/dev/null
    redis_port=$(free_port)
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    for n in 1 2; do
      port=$(free_port)
      env "${backend_env[@]}" PORT="$port" DATABASE_URL="$db_url" REDIS_URL="redis://127.0.0.1:$redis_port" \
        node "$repo/server/src/index.js" >"$work/b$n.log" 2>&1 &
      pids+=($!); servers+=($!)
      wait_http "http://127.0.0.1:$port/healthz"
      targets+=("http://127.0.0.1:$port")
    done
    ;;
  c)
    label="c: the seed's backend (re-created), 1 process, SQLite"
    node -e "require('./prepare').writeTokens($USERS, $ROOMS, 2, '$work', '$SECRET')"
    port=$(free_port)
    env PORT="$port" JWT_SECRET=$SECRET DB_PATH="$work/seed.db" USERS="$USERS" node seed-backend.js >"$work/c.log" 2>&1 &
    pids+=($!); servers+=($!)
    for _ in $(seq 1 100); do grep -q listening "$work/c.log" && break; sleep 0.1; done
    targets=("http://127.0.0.1:$port" "http://127.0.0.1:$port")
    ;;
esac

# Two artillery processes, half of the users each (one core of load generation would not keep up
# with 2,000 sockets receiving their rooms' messages).
half=$((USERS / 2))
started=$(date +%s%3N)
art=()
for n in 1 2; do
  sed -e "s|__TARGET__|${targets[$((n - 1))]}|" -e "s|__TOKENS__|$work/tokens-$n.csv|" -e "s|__USERS__|$half|" \
    -e "s|__RAMP__|$RAMP|" -e "s|__SEND_EVERY__|$SEND_EVERY|g" -e "s|__ROUNDS__|$ROUNDS|g" load.yml >"$work/load-$n.yml"
  cp processor.js "$work/processor.js"
  LOAD_OUT="$work/out-$n.json" node_modules/.bin/artillery run -q -o "$work/report-$n.json" "$work/load-$n.yml" >"$work/artillery-$n.log" 2>&1 &
  art+=($!)
done
status=0
for pid in "${art[@]}"; do wait "$pid" || status=$?; done
if [ "$status" -ne 0 ] || [ ! -s "$work/out-1.json" ] || [ ! -s "$work/out-2.json" ]; then
  echo "run: artillery failed (setup $setup):" >&2
  tail -n 30 "$work"/artillery-*.log >&2
  exit 1
fi

cpu=0
rss=0
for pid in "${servers[@]}"; do
  cpu=$(awk -v a="$cpu" -v b="$(cpu_of "$pid")" 'BEGIN { printf "%.1f", a + b }')
  rss=$((rss + $(rss_of "$pid")))
done
# The steady part: every connection made (the ramp) and 10 s to settle, until the first users leave.
steady_from=$((started + RAMP * 1000 + 10000))
steady_to=$((started + ROUNDS * SEND_EVERY * 1000))
if [ "$steady_to" -le "$steady_from" ]; then echo "run: no steady part: make ROUNDS x SEND_EVERY longer than RAMP + 10 s" >&2; exit 1; fi
line=$(node summarize.js "$label" "$steady_from" "$steady_to" "$cpu" "$rss" "$work/out-1.json" "$work/out-2.json" -- "$work/report-1.json" "$work/report-2.json")
echo "$line"
echo "$line" >>"$here/results.jsonl"
for f in "$work"/a.log "$work"/b1.log "$work"/b2.log "$work"/c.log; do
  [ -s "$f" ] && { echo "--- $(basename "$f") (server output)"; tail -n 5 "$f"; }
done
exit 0
