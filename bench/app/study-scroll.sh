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

source bench/lib.sh
work=$bench_work
start_xvfb_and_demo_backend

for round in $(seq 1 "$ROUNDS"); do
  for content in plain study; do
    args=(--rooms 1 --messages 1000 --scroll-frames 300)
    [ "$content" = study ] && args+=(--study)
    XDG_CONFIG_HOME="$work/config-$content" XDG_DATA_HOME="$work/data-$content-$round" \
      DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bench "$BENCH" --server "$URL" "${args[@]}" 2>/dev/null \
      | grep -E '^bench: (scroll_|rss_with)' | sed "s/^bench: /round $round $content: /"
  done
done
