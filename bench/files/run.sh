#!/usr/bin/env bash
# File transfer figures (issue 13): upload and download throughput of one file through RestClient
# (FileUpload, FileDownload) on loopback against curl with the same file in the same run, and the
# resident memory of the process at its peak while uploading compared with just before.
#
#   cmake --preset release && cmake --build --preset release --target bench_filetransfer
#   BUILD_DIR=build/release RUNS=5 SIZE=25000000 bench/files/run.sh
#
# The reference backend runs with the demo data on a free port (JWT_SECRET=bench); the file is
# SIZE random bytes (25,000,000 by default: 25 MB, under the server's 25 MiB limit with the
# multipart framing). Each run uploads and downloads once with bench_filetransfer (a fresh
# process, warmed up by one small upload; see bench_filetransfer.cpp) and once with curl, in turn;
# the medians are printed. Throughput ratio = curl's time / ours (1.0 = as fast as curl).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build/release}
RUNS=${RUNS:-5}
SIZE=${SIZE:-25000000}
BENCH="$PWD/$BUILD_DIR/bench/files/bench_filetransfer"
[ -x "$BENCH" ] || { echo "bench/files: $BENCH not found; build it: cmake --build $BUILD_DIR --target bench_filetransfer" >&2; exit 1; }

source bench/lib.sh
work=$bench_work

port=$(free_port)
URL="http://127.0.0.1:$port"
SEED_DEMO=1 HOST=127.0.0.1 PORT="$port" JWT_SECRET=bench DB_PATH="$work/demo.db" FILES_DIR="$work/files" LOG_LEVEL=warn \
  node server/src/index.js >"$work/backend.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -fsS "$URL/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
token=$(NODE_PATH=server/node_modules node -e \
  "console.log(require('jsonwebtoken').sign({ id: 1 }, 'bench', { expiresIn: 3600 }))")

file="$work/file.bin"
head -c "$SIZE" /dev/urandom >"$file"
mkdir -p "$work/out"

results="$work/results.ndjson"
for run in $(seq 1 "$RUNS"); do
  ours=$(QT_LOGGING_RULES="studyconnect.*.info=false" "$BENCH" --server "$URL" --token "$token" --file "$file" --out "$work/out")
  # No "Expect: 100-continue" wait: curl would otherwise pause before sending the body.
  curl_up=$(curl -sS -o "$work/curl-upload.json" -w '%{time_total}' -H 'Expect:' \
    -H "Authorization: Bearer $token" -F "file=@$file;filename=bench.bin" "$URL/api/files")
  id=$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1])).id)" "$work/curl-upload.json")
  rm -f "$work/curl-download.bin"
  curl_down=$(curl -sS -o "$work/curl-download.bin" -w '%{time_total}' \
    -H "Authorization: Bearer $token" "$URL/api/files/$id")
  cmp -s "$file" "$work/curl-download.bin" || { echo "bench/files: curl's download differs" >&2; exit 1; }
  cmp -s "$file" "$work/out/bench-download.bin" || { echo "bench/files: our download differs" >&2; exit 1; }
  echo "{\"run\":$run,\"ours\":$ours,\"curlUploadSeconds\":$curl_up,\"curlDownloadSeconds\":$curl_down}" >>"$results"
  echo "run $run: $ours curl upload ${curl_up}s download ${curl_down}s" >&2
done

node - "$results" <<'NODE'
const lines = require('fs').readFileSync(process.argv[2], 'utf8').trim().split('\n').map(JSON.parse);
const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const bytes = lines[0].ours.bytes;
const mbps = (seconds) => (bytes / 1e6 / seconds).toFixed(0);
const up = median(lines.map((l) => l.ours.uploadSeconds));
const down = median(lines.map((l) => l.ours.downloadSeconds));
const curlUp = median(lines.map((l) => l.curlUploadSeconds));
const curlDown = median(lines.map((l) => l.curlDownloadSeconds));
const growth = lines.map((l) => (l.ours.peakRssUploadKiB - l.ours.rssBeforeUploadKiB) / 1024);
const downGrowth = lines.map((l) => (l.ours.peakRssDownloadKiB - l.ours.rssBeforeDownloadKiB) / 1024);
console.log(`file: ${bytes} bytes, ${lines.length} runs, medians`);
console.log(`upload:   ours ${up.toFixed(3)} s (${mbps(up)} MB/s), curl ${curlUp.toFixed(3)} s (${mbps(curlUp)} MB/s), ratio ${(curlUp / up).toFixed(2)}x`);
console.log(`download: ours ${down.toFixed(3)} s (${mbps(down)} MB/s), curl ${curlDown.toFixed(3)} s (${mbps(curlDown)} MB/s), ratio ${(curlDown / down).toFixed(2)}x`);
console.log(`RSS while uploading: +${median(growth).toFixed(1)} MiB over ${(median(lines.map((l) => l.ours.rssBeforeUploadKiB)) / 1024).toFixed(1)} MiB before (max +${Math.max(...growth).toFixed(1)} MiB)`);
console.log(`RSS while downloading: +${median(downGrowth).toFixed(1)} MiB (max +${Math.max(...downGrowth).toFixed(1)} MiB)`);
NODE
