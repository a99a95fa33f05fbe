#!/usr/bin/env bash
# Transport latency benchmark: send-to-ack round trips of chat-sized events, one at a time, over
# WebSocket and over long-polling, from our client (Release build in build/bench) and from
# socket.io-client on Node, against the same local socket.io 4.8 echo server in the same run.
# Reports p50/p99/mean round trip and client CPU (user + system) per message, the median of the
# rounds; the transports and clients take turns so that load on the machine hits them alike.
#
#   bench/socketio/run-latency.sh                    # 2,000 round trips per run, 5 rounds
#   BENCH_COUNT=5000 BENCH_ROUNDS=3 bench/socketio/run-latency.sh
# Environment: BENCH_BUILD_DIR (default build/bench), BENCH_BINARY (skip the build and use this
# executable), BENCH_COUNT, BENCH_WARMUP (200), BENCH_ROUNDS. Needs server/node_modules
# (npm ci --prefix server) for socket.io and socket.io-client.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build_dir=${BENCH_BUILD_DIR:-$root/build/bench}
count=${BENCH_COUNT:-2000}
warmup=${BENCH_WARMUP:-200}
rounds=${BENCH_ROUNDS:-5}
export NODE_PATH="$root/server/node_modules"

binary=${BENCH_BINARY:-}
if [[ -z "$binary" ]]; then
    if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
        cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DSTUDYCONNECT_BUILD_TESTS=OFF -DSTUDYCONNECT_BUILD_BENCH=ON >/dev/null
    fi
    nice cmake --build "$build_dir" --target bench_socketio_latency -j2
    binary="$build_dir/bench/socketio/bench_socketio_latency"
fi

mkdir -p "$build_dir"
server_log="$build_dir/latency-echo-server.log"
node "$here/echo-server.js" >"$server_log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    grep -q "listening on" "$server_log" 2>/dev/null && break
    sleep 0.1
done
port=$(sed -n 's/.*listening on \([0-9]*\).*/\1/p' "$server_log")
url="http://127.0.0.1:$port"

results="$build_dir/latency-results.ndjson"
: >"$results"
for round in $(seq "$rounds"); do
    for transport in websocket polling; do
        args=(--url="$url" --transport="$transport" --count="$count" --warmup="$warmup")
        "$binary" "${args[@]}" >>"$results"
        node "$here/latency-peer.js" "${args[@]}" >>"$results"
    done
    echo "round $round of $rounds done" >&2
done

RESULTS="$results" node - <<'JS'
const lines = require('node:fs').readFileSync(process.env.RESULTS, 'utf8').trim().split('\n').map(JSON.parse);
const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const groups = new Map();
for (const line of lines) {
  const key = `${line.transport}|${line.runtime}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(line);
}
const f = (n) => n.toFixed(0).padStart(7);
console.log(`${lines[0].count} round trips per run, median of ${lines.length / groups.size} runs`);
console.log('transport  client                                         p50 µs  p99 µs mean µs  CPU µs/msg');
for (const [key, runs] of groups) {
  const [transport, runtime] = key.split('|');
  console.log(`${transport.padEnd(10)} ${runtime.padEnd(45)} ${f(median(runs.map((r) => r.p50Us)))} ` +
    `${f(median(runs.map((r) => r.p99Us)))} ${f(median(runs.map((r) => r.meanUs)))} ` +
    `${f(median(runs.map((r) => r.cpuUsPerMessage)))}`);
}
JS
