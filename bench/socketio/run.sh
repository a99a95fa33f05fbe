#!/usr/bin/env bash
# Socket.IO codec benchmark: our PacketDecoder/PacketEncoder (Release build in build/bench)
# against the reference socket.io-parser on the same deterministic corpus, back to back.
#
#   bench/socketio/run.sh                       # 10,000 packets, 5 passes, best of 9
#   BENCH_PACKETS=20000 BENCH_REPS=15 bench/socketio/run.sh
# Environment: BENCH_BUILD_DIR (default build/bench), BENCH_BINARY (skip the build and use this
# executable), BENCH_SEED, BENCH_PACKETS, BENCH_PASSES, BENCH_REPS.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build_dir=${BENCH_BUILD_DIR:-$root/build/bench}
seed=${BENCH_SEED:-20260105}
packets=${BENCH_PACKETS:-10000}
passes=${BENCH_PASSES:-5}
reps=${BENCH_REPS:-9}

if [[ ! -d "$here/node_modules/socket.io-parser" ]]; then
    (cd "$here" && npm ci --no-audit --no-fund --silent)
fi

binary=${BENCH_BINARY:-}
if [[ -z "$binary" ]]; then
    if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
        cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DSTUDYCONNECT_BUILD_TESTS=OFF -DSTUDYCONNECT_BUILD_BENCH=ON >/dev/null
    fi
    nice cmake --build "$build_dir" --target bench_socketio_codec -j2
    binary="$build_dir/bench/socketio/bench_socketio_codec"
fi

mkdir -p "$build_dir"
corpus="$build_dir/socketio-corpus.ndjson"
node "$here/corpus.js" --out="$corpus" --count="$packets" --seed="$seed"

args=(--corpus="$corpus" --passes="$passes" --reps="$reps")
cpp_json=$("$binary" "${args[@]}")
node_json=$(node "$here/parser-bench.js" "${args[@]}")

CPP="$cpp_json" NODE="$node_json" node - <<'JS'
const cpp = JSON.parse(process.env.CPP);
const js = JSON.parse(process.env.NODE);
const f = (n) => Math.round(n).toLocaleString('en-US');
const mb = (n) => n.toFixed(1);
console.log(`corpus: ${cpp.packets} packets, ${(cpp.bytesPerPass / 1e6).toFixed(2)} MB per pass, ` +
    `${cpp.passes} passes, best of ${cpp.reps}`);
console.log(`C++: ${cpp.runtime} (PacketDecoder/PacketEncoder)   Node: ${js.runtime}, ${js.parser}`);
console.log('');
console.log('                 C++ packets/s      MB/s   Node packets/s      MB/s   C++/Node');
for (const part of ['decode', 'encode']) {
    const c = cpp[part], n = js[part];
    console.log(`${part.padEnd(12)} ${f(c.packetsPerSec).padStart(16)} ${mb(c.mbPerSec).padStart(9)}` +
        ` ${f(n.packetsPerSec).padStart(16)} ${mb(n.mbPerSec).padStart(9)} ${(c.packetsPerSec / n.packetsPerSec).toFixed(2).padStart(9)}x`);
}
const c = cpp.single, n = js.single;
console.log(`single ${String(c.length).padStart(3)}ch ${f(c.packetsPerSec).padStart(16)} ${''.padStart(9)}` +
    ` ${f(n.packetsPerSec).padStart(16)} ${''.padStart(9)} ${(c.packetsPerSec / n.packetsPerSec).toFixed(2).padStart(9)}x` +
    '   (one message:received frame decoded repeatedly)');
JS
