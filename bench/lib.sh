# Sourced by the benchmark scripts: a work folder removed at exit with every process the script
# started (add their pids to `pids`), a free port, and the app benchmarks' Xvfb plus demo backend.

bench_work=$(mktemp -d "${TMPDIR:-/tmp}/studyconnect-bench.XXXXXX")
pids=()
bench_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$bench_work"
}
trap bench_cleanup EXIT

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Starts Xvfb (1280x800) on a free display and the reference backend with the demo data on a
# free port (JWT_SECRET=bench), and waits for both. Sets and exports DISPLAY and URL, and sets
# backend_pid.
start_xvfb_and_demo_backend() {
  local port display_number
  port=$(free_port)
  display_number=$((190 + RANDOM % 100))
  while [ -e "/tmp/.X11-unix/X$display_number" ]; do display_number=$((display_number + 1)); done
  export DISPLAY=":$display_number" URL="http://127.0.0.1:$port"
  Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$bench_work/xvfb.log" 2>&1 &
  pids+=($!)
  SEED_DEMO=1 HOST=127.0.0.1 PORT="$port" JWT_SECRET=bench DB_PATH="$bench_work/demo.db" \
    node server/src/index.js >"$bench_work/backend.log" 2>&1 &
  backend_pid=$!
  pids+=($!)
  for _ in $(seq 1 100); do curl -fsS "$URL/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  for _ in $(seq 1 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
}
