#!/usr/bin/env bash
# The desktop app's start-up and memory figures for docs/PERFORMANCE.md ("App start-up and
# memory"), under Xvfb (1280x800) against the demo backend, with QT_QUICK_BACKEND=software and
# with the default backend (OpenGL; Mesa's llvmpipe under Xvfb):
#   - cold start to the first frame (fresh settings, so the sign-in page), median of RUNS;
#   - start to the room list with a token stored in the keychain (gnome-keyring on a private
#     session bus), median of RUNS;
#   - memory and scrolling from studyconnect-appbench (see appbench.cpp);
#   - the floor the idle memory is compared with: studyconnect-floorbench (see floorbench.cpp);
#   - start to the room list from the offline store alone: 100,000 stored messages, the server
#     down (bench_store --fill-for fills the store the signed-in user's app opens).
# Usage: BUILD_DIR=build/release RUNS=10 bench/app/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build/release}
RUNS=${RUNS:-10}
APP="$PWD/$BUILD_DIR/app/studyconnect"
BENCH="$PWD/$BUILD_DIR/bench/app/studyconnect-appbench"
FLOOR="$PWD/$BUILD_DIR/bench/app/studyconnect-floorbench"
STORE_BENCH="$PWD/$BUILD_DIR/bench/client/bench_store"
for f in "$APP" "$BENCH" "$FLOOR" "$STORE_BENCH"; do
  [ -x "$f" ] || { echo "bench/app: $f not found; build it: cmake --build $BUILD_DIR --target studyconnect studyconnect-appbench studyconnect-floorbench" >&2; exit 1; }
done

source bench/lib.sh
work=$bench_work
export APP RUNS work STORE_BENCH
start_xvfb_and_demo_backend

# The measurements that need the keychain run on a private session bus with an unlocked keyring;
# timing.sh has what they share.
cat >"$work/timing.sh" <<'INNER'
echo -n bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "n/a"}'; }

# Starts the app, waits for the milestone in its log, prints ms from launch to it, stops the app.
time_to() {
  local milestone=$1 backend=$2 log="$work/app.log"
  local start; start=$(date +%s%3N)
  QT_QUICK_BACKEND=$backend QT_LOGGING_RULES="studyconnect.desktop.startup.info=true" \
    "$APP" --server "$URL" >"$log" 2>&1 &
  local pid=$!
  local epoch=""
  for _ in $(seq 1 200); do
    epoch=$(grep -o "milestone \"$milestone\" after [0-9]* ms since main(), epoch [0-9]*" "$log" | grep -o '[0-9]*$' || true)
    [ -n "$epoch" ] && break
    sleep 0.05
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ -n "$epoch" ] && echo $((epoch - start))
}
INNER
cat >"$work/startup.sh" <<'INNER'
#!/usr/bin/env bash
set -euo pipefail
source "$work/timing.sh"

for backend in software ""; do
  name=${backend:-default}
  # Fresh settings: no stored session, the sign-in page is the first frame.
  for _ in $(seq 1 "$RUNS"); do
    rm -rf "$work/config-fresh"
    XDG_CONFIG_HOME="$work/config-fresh" time_to "first frame" "$backend"
  done | median | sed "s/^/startup: $name first_frame_ms /"
done

# Sign in once with the keyboard so that the token is in the keychain and the server remembered.
export XDG_CONFIG_HOME="$work/config-stored"
QT_QUICK_BACKEND=software "$APP" --server "$URL" >"$work/signin.log" 2>&1 &
pid=$!
window=$(xdotool search --sync --onlyvisible --name StudyConnect | head -1)
xdotool windowfocus --sync "$window"
sleep 1
xdotool type --delay 10 "ada@studyconnect.test"; xdotool key Tab
xdotool type --delay 10 "studyconnect"; xdotool key Return
sleep 3
kill "$pid"; wait "$pid" 2>/dev/null || true

for backend in software ""; do
  name=${backend:-default}
  for _ in $(seq 1 "$RUNS"); do time_to "room list" "$backend"; done | median | sed "s/^/startup: $name room_list_with_stored_token_ms /"
done
INNER
chmod +x "$work/startup.sh"
mkdir -p "$work/data/keyrings" "$work/run" && chmod 700 "$work/run"
echo -n login >"$work/data/keyrings/default"
HOME="$work" XDG_RUNTIME_DIR="$work/run" XDG_DATA_HOME="$work/data" dbus-run-session -- "$work/startup.sh"

for backend in software ""; do
  name=${backend:-default}
  QT_QUICK_BACKEND=$backend XDG_CONFIG_HOME="$work/config-bench" \
    DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bench "$BENCH" --server "$URL" 2>/dev/null \
    | grep '^bench:' | sed "s/^bench: /memory: $name /"
  QT_QUICK_BACKEND=$backend DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bench "$FLOOR" --server "$URL" 2>/dev/null \
    | grep '^bench:' | sed "s/^bench: /memory: $name /"
done

# The offline start: the signed-in user's store gets 100,000 messages, the server goes down, and
# the room list is timed from the store alone (the token comes from the keychain as above).
"$STORE_BENCH" --fill-for "$URL" 1 "$work/data/StudyConnect/StudyConnect/stores" 100000 | sed 's/^/store: /'
kill "$backend_pid"; wait "$backend_pid" 2>/dev/null || true
cat >"$work/offline.sh" <<'INNER'
#!/usr/bin/env bash
set -euo pipefail
source "$work/timing.sh"
export XDG_CONFIG_HOME="$work/config-stored"
for _ in $(seq 1 "$RUNS"); do time_to "room list" software; done | median | sed "s/^/startup: software room_list_offline_100k_messages_ms /"
INNER
chmod +x "$work/offline.sh"
HOME="$work" XDG_RUNTIME_DIR="$work/run" XDG_DATA_HOME="$work/data" dbus-run-session -- "$work/offline.sh"
