#!/usr/bin/env bash
# Scrolling a 1,000-message room full of formulas, code and Markdown (studyconnect-appbench
# --study: half the messages plain sentences, the rest with inline or display math, a code block
# or a list), against the same room of plain sentences in the same run: GUI work per frame and
# frame intervals (p50, p99, frames over 16.7 ms), under Xvfb against the demo backend, with the
# default Qt Quick backend. ROUNDS pairs, alternating. For docs/PERFORMANCE.md (issue 12).
# Usage: BUILD_DIR=build/release ROUNDS=3 bench/app/study-scroll.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build/release}
ROUNDS=${ROUNDS:-3}
BENCH="$PWD/$BUILD_DIR/bench/app/studyconnect-appbench"
[ -x "$BENCH" ] || { echo "study-scroll: $BENCH not found; build it: cmake --build $BUILD_DIR --target studyconnect-appbench" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
display_number=$((190 + RANDOM % 100))
while [ -e "/tmp/.X11-unix/X$display_number" ]; do display_number=$((display_number + 1)); done
export DISPLAY=":$display_number"
url="http://127.0.0.1:$port"

Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
SEED_DEMO=1 HOST=127.0.0.1 PORT="$port" JWT_SECRET=bench DB_PATH="$work/demo.db" node server/src/index.js >"$work/backend.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -fsS "$url/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
for _ in $(seq 1 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

for round in $(seq 1 "$ROUNDS"); do
  for content in plain study; do
    args=(--rooms 1 --messages 1000 --scroll-frames 300)
    [ "$content" = study ] && args+=(--study)
    XDG_CONFIG_HOME="$work/config-$content" XDG_DATA_HOME="$work/data-$content-$round" \
      DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bench "$BENCH" --server "$url" "${args[@]}" 2>/dev/null \
      | grep -E '^bench: (scroll_|rss_with)' | sed "s/^bench: /round $round $content: /"
  done
done
