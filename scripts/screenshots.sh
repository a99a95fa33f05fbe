#!/usr/bin/env bash
# Takes the README's screenshots: starts the demo backend on a free port and StudyConnect under
# Xvfb (1280x800), drives it with the keyboard through xdotool, and writes
# docs/screenshots/{sign-in,room,math,code,dm,study,files,files-viewer,search,settings,reconnecting}.png. Needs a build of the
# app (default build/dev; BUILD_DIR=build/ui scripts/screenshots.sh to use another) and
# scripts/setup.sh's packages (xvfb, xdotool, imagemagick, dbus, gnome-keyring). OUT=dir writes
# the pictures elsewhere; DISPLAY_NUMBER=n picks the Xvfb display (default: a free one from 90).
# Also narrow.png and narrow-drawer.png (a 400 px window). Then it runs again with SCHEME=dark
# (the Dark colours from Settings) into $OUT/dark/; SCHEME=light or SCHEME=dark alone takes one set.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build/dev}
APP="$BUILD_DIR/app/studyconnect"
OUT=${OUT:-docs/screenshots}
[ -x "$APP" ] || { echo "screenshots: $APP not found; build first (cmake --build --preset dev)" >&2; exit 1; }
for tool in Xvfb xdotool import node dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool missing; run scripts/setup.sh" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  # The app first: its session script then returns, and dbus-run-session stops the private bus
  # (and with it the keyring daemon). Killing dbus-run-session itself would leave them running.
  [ -f "$work/app.pid" ] && kill "$(cat "$work/app.pid")" 2>/dev/null || true
  [ -n "${session_pid:-}" ] && wait "$session_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
display_number=${DISPLAY_NUMBER:-$((90 + RANDOM % 100))}
while [ -e "/tmp/.X11-unix/X$display_number" ]; do display_number=$((display_number + 1)); done
export DISPLAY=":$display_number"

start_backend() {
  SEED_DEMO=1 HOST=127.0.0.1 PORT="$port" JWT_SECRET=screenshots DB_PATH="$work/demo.db" \
    node server/src/index.js >"$work/backend.log" 2>&1 &
  backend_pid=$!
  pids+=("$backend_pid")
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "screenshots: the backend did not start:" >&2
  cat "$work/backend.log" >&2
  exit 1
}

Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

start_backend

# A private session bus with an unlocked, empty keyring, so that the app stores its token as on a
# desktop (and no keyring password prompt appears), and a private settings folder.
cat >"$work/session.sh" <<'SESSION'
#!/usr/bin/env bash
echo -n screenshots | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
"$@" &
echo $! >"$APP_PID_FILE"
wait $!
SESSION
chmod +x "$work/session.sh"
# gnome-keyring creates "login" unlocked (password "screenshots"); make it the default collection.
mkdir -p "$work/data/keyrings" "$work/run"
chmod 700 "$work/run"
echo -n login >"$work/data/keyrings/default"
# The colours as Settings would leave them (empty: the system's).
if [ -n "${SCHEME:-}" ]; then
  mkdir -p "$work/config/StudyConnect"
  printf '[appearance]\nscheme=%s\n' "$SCHEME" >"$work/config/StudyConnect/StudyConnect.conf"
fi
APP_PID_FILE="$work/app.pid" HOME="$work" XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/config" \
  XDG_DATA_HOME="$work/data" LANG=en_GB.UTF-8 \
  dbus-run-session -- "$work/session.sh" "$APP" --server "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
session_pid=$!

window=$(xdotool search --sync --onlyvisible --name StudyConnect | head -1)
xdotool windowmove "$window" 0 0 windowsize "$window" 1280 800
# No window manager: give the window the input focus, so that it is active (shortcuts need that).
xdotool windowfocus --sync "$window"
sleep 1.5

mkdir -p "$OUT"
shot() {
  xdotool mousemove 1279 799  # no hover highlight in the picture
  sleep "${2:-1}"
  import -window root -depth 8 "$OUT/$1.png"
  echo "screenshots: $OUT/$1.png"
}
keys() { xdotool type --delay 25 "$1"; }

# 1. sign-in: the email field has focus; fill it in.
keys "ada@studyconnect.test"
shot sign-in 0.5
xdotool key Tab
keys "studyconnect"
xdotool key Return
sleep 2.5

# 2. a room with history, opened with the quick switcher; two messages (one run, a link).
xdotool key ctrl+k
sleep 0.4
keys "calc"
xdotool key Return
sleep 1.5
keys "Does anyone have worked solutions for problem set 4? https://example.edu/calc/ps4"
xdotool key Return
sleep 0.5
keys "I only got halfway through question 3."
xdotool key Return
keys "Squeeze theorem again"
shot room 1

# 2b. formulas: a draft with a display formula in the preview (Ctrl+Shift+P), over the demo's
# formulas; not sent, so that the later pages stay as they were. Formulas show their TeX source
# until the math renderer draws them.
xdotool key ctrl+a BackSpace
keys 'One arch of **sine** has area'
xdotool key shift+Return
keys '$$\int_0^\pi \sin x\,dx = \left[-\cos x\right]_0^\pi = 2$$'
xdotool key shift+Return
keys 'and $\cos$ is the derivative of $\sin$.'
xdotool key ctrl+shift+p
shot math 1
xdotool key ctrl+shift+p ctrl+a BackSpace

# 2c. code: Algorithms, scrolled up to the union-find code block (Python).
xdotool key ctrl+k
sleep 0.4
keys "algo"
xdotool key Return
sleep 1.5
xdotool mousemove 700 400
for _ in $(seq 1 4); do xdotool click 4; sleep 0.05; done
shot code 1.5

# 3. a direct message.
xdotool key ctrl+a BackSpace
xdotool key ctrl+k
sleep 0.4
keys "grace"
xdotool key Return
sleep 1
keys "Thanks Grace, see you at office hours!"
xdotool key Return
sleep 0.3
keys "I will bring the ladder problem 🙂"
xdotool key Return
shot dm 1.5

# 4. study conversations: other students ask, answer in threads, reply, react and pin (through
# the protocol, scripts/demo-study.js); Calculus I shows the thread lines, the resolved mark, the
# quote, the mention, the reactions and the pin.
node scripts/demo-study.js "$port" screenshots
xdotool key ctrl+k
sleep 0.4
keys "calc"
xdotool key Return
shot study 2

# 4a. files: Grace shares a photo of a worked problem and Alan the lecture's notes as a PDF
# (scripts/demo-files.js): a thumbnail and a file card in Calculus I; then the photo in the image
# viewer (a click on the thumbnail, where the demo puts it in 1280x800; Escape closes). Only where
# the backend announces files.
if curl -fsS "http://127.0.0.1:$port/api/server" 2>/dev/null | grep -q '"files"'; then
  node scripts/demo-files.js "$port" screenshots
  shot files 2.5
  xdotool mousemove 508 508 click 1
  sleep 1.5
  import -window root -depth 8 "$OUT/files-viewer.png"
  echo "screenshots: $OUT/files-viewer.png"
  xdotool key Escape
  sleep 0.5
fi

# 4b. a narrow window: the sidebar is a drawer (Ctrl+Shift+D), the header keeps the title.
xdotool windowsize "$window" 400 700
sleep 1
xdotool mousemove 1279 799
sleep 0.5
import -window root -depth 8 -crop 400x700+0+0 +repage "$OUT/narrow.png"
echo "screenshots: $OUT/narrow.png"
xdotool key ctrl+shift+d
sleep 0.8
import -window root -depth 8 -crop 400x700+0+0 +repage "$OUT/narrow-drawer.png"
echo "screenshots: $OUT/narrow-drawer.png"
xdotool key Escape
xdotool windowsize "$window" 1280 800
sleep 1

# 5. search: Ctrl+F, part of a word; hits from this computer and from the server, matches in bold.
xdotool key ctrl+f
sleep 0.4
keys "deriv"
shot search 1.5
xdotool key Escape
sleep 0.3

# 6. settings: Ctrl+, (no system tray on this display: the page says closing quits).
xdotool key ctrl+comma
shot settings 1
xdotool key Escape
sleep 0.3

# 7. reconnecting: the backend goes away, a message waits as Pending.
kill "$backend_pid"
wait "$backend_pid" 2>/dev/null || true
sleep 2.5
keys "Sent when we are back online"
xdotool key Return
shot reconnecting 1.5

if grep -E "qml:|\.qml:[0-9]+" "$work/app.log" >&2; then
  echo "screenshots: the app printed QML warnings (above)" >&2
fi

# The same pages in the Dark colours, from a fresh start.
if [ -z "${SCHEME:-}" ]; then
  SCHEME=dark OUT="$OUT/dark" DISPLAY_NUMBER= "$PWD/scripts/screenshots.sh"
fi
