#!/usr/bin/env bash
# Sets everything up, builds, starts the reference backend with demo data on 127.0.0.1:$PORT
# (default 5000) and opens StudyConnect Desktop against it. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-5000}
scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target studyconnect studyconnect-cli

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  cat >&2 <<MSG
run: no display found (DISPLAY and WAYLAND_DISPLAY are empty).
     On a machine without a screen, run the app in a virtual one:
         xvfb-run -n 99 -s "-screen 0 1280x800x24" scripts/run.sh
     and take a screenshot with: DISPLAY=:99 import -window root shot.png
MSG
  exit 1
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "run: port $PORT on 127.0.0.1 is already in use; stop what is using it or choose another: PORT=5050 scripts/run.sh" >&2
  exit 1
fi

mkdir -p build/demo
fresh_demo=false
[ -e build/demo/studyconnect.db ] || fresh_demo=true
SEED_DEMO=1 HOST=127.0.0.1 PORT="$PORT" DB_PATH="$PWD/build/demo/studyconnect.db" \
  node server/src/index.js &
server_pid=$!
cleanup() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "run: the backend did not start" >&2; exit 1; }
  sleep 0.1
done

# A new demo also gets files: Grace's photo of a worked problem and Alan's lecture notes (PDF).
if $fresh_demo; then
  node scripts/demo-files.js "$PORT" "$(cat build/demo/jwt-secret)" ||
    echo "run: the demo files could not be added; the rest of the demo is there" >&2
fi

echo "run: backend on http://127.0.0.1:$PORT — demo accounts ada@studyconnect.test, alan@, grace@, linus@ (password: studyconnect)"
build/dev/app/studyconnect --server "http://127.0.0.1:$PORT" "$@"
