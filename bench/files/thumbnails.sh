#!/usr/bin/env bash
# Memory of the real app with 100 image thumbnails in a room (issue 13): 100 distinct 1600x1200
# JPEG photos are uploaded to the demo backend as Ada (POST /api/files, with curl), then
# studyconnect-appbench feeds a 100-message room where message i carries photo i and scrolls
# through all of it (every thumbnail is fetched and decoded at the size shown), against the same
# 100 messages without attachments in the same run. Prints the app's RSS after the scroll for
# both and their difference. ROUNDS pairs, alternating.
# Usage: BUILD_DIR=build/release ROUNDS=3 bench/files/thumbnails.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build/release}
ROUNDS=${ROUNDS:-3}
BENCH="$PWD/$BUILD_DIR/bench/app/studyconnect-appbench"
[ -x "$BENCH" ] || { echo "thumbnails: $BENCH not found; build it: cmake --build $BUILD_DIR --target studyconnect-appbench" >&2; exit 1; }

source bench/lib.sh
work=$bench_work
start_xvfb_and_demo_backend

# 100 distinct photos: one plasma picture with a different number drawn on each.
convert -size 1600x1200 -seed 13 plasma:fractal -quality 85 "$work/base.jpg"
for i in $(seq 1 100); do
  convert "$work/base.jpg" -font DejaVu-Sans -pointsize 400 -fill white -annotate +300+800 "$i" -quality 85 "$work/photo-$i.jpg"
done
token=$(curl -fsS -H 'Content-Type: application/json' \
  -d '{"email":"ada@studyconnect.test","password":"studyconnect"}' "$URL/api/auth/login" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')
{
  echo '['
  for i in $(seq 1 100); do
    [ "$i" -gt 1 ] && echo ','
    curl -fsS -H "Authorization: Bearer $token" -F "file=@$work/photo-$i.jpg" "$URL/api/files"
  done
  echo ']'
} >"$work/files.json"
echo "uploaded: $(du -ch "$work"/photo-*.jpg | tail -1 | cut -f1) in 100 photos of 1600x1200"

for round in $(seq 1 "$ROUNDS"); do
  for content in plain photos; do
    args=(--rooms 1 --messages 100 --scroll-frames 300)
    [ "$content" = photos ] && args+=(--attachments "$work/files.json")
    XDG_CONFIG_HOME="$work/config-$content" XDG_DATA_HOME="$work/data-$content-$round" \
      XDG_CACHE_HOME="$work/cache-$content-$round" \
      DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bench "$BENCH" --server "$URL" "${args[@]}" 2>/dev/null \
      | grep -E '^bench: (rss_idle|rss_with_100k_messages |rss_after_showing_every_row|rss_after_scroll|timeline_)' | sed "s/^bench: /round $round $content: /" \
      | tee -a "$work/results.txt"
    fetched=$(find "$work/cache-$content-$round" -path '*attachments/files/*' -type f 2>/dev/null | wc -l)
    echo "round $round $content: files fetched into the cache: $fetched"
  done
done
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
  const rss = {};
  for (const line of lines) {
    const m = line.match(/^round (\d+) (\w+): rss_after_scroll ([\d.]+)/);
    if (m) (rss[m[1]] ??= {})[m[2]] = Number(m[3]);
  }
  for (const [round, r] of Object.entries(rss))
    console.log(`round ${round}: 100 thumbnails add ${(r.photos - r.plain).toFixed(1)} MiB (${r.plain} -> ${r.photos} MiB)`);
' "$work/results.txt"
