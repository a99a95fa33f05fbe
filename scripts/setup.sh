#!/usr/bin/env bash
# Installs everything StudyConnect Desktop needs to build, test, package and take screenshots
# on Debian 12, then installs the reference backend's npm packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git curl ca-certificates clang clang-format libclang-rt-14-dev
  # Qt 6.4 and QtKeychain
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-declarative-dev
  qt6-declarative-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qtkeychain-qt6-dev libgl-dev qt6-qpa-plugins libqt6svg6
  qt6-svg-dev  # math: MathJax's SVG drawn by QSvgRenderer (src/math)
  libqt6sql6-sqlite  # the offline store (SQLite with FTS5 through Qt SQL)
  libmd4c-dev  # Markdown in messages (src/richtext)
  # QML modules the UI and the QML tests import
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml
  qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qttest
  qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel qml6-module-qt-labs-platform qml6-module-qtquick-shapes
  # tests: a real Secret Service, Redis for the scale-out test, a display, TLS certificates
  dbus dbus-x11 gnome-keyring libsecret-tools redis-server openssl
  postgresql-15  # the backend suite against PostgreSQL: a throwaway cluster (server/scripts/with-postgres.sh)
  xvfb xauth xdotool imagemagick fonts-dejavu-core
  at-spi2-core python3-pyatspi  # the accessibility test reads the AT-SPI tree as Orca does
  fonts-noto-color-emoji  # emoji in messages (screenshots, the UI)
  # packaging checks
  desktop-file-utils appstream dpkg-dev file librsvg2-bin
  # benchmarks
  valgrind time
)

need_install=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_install+=("$p")
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#need_install[@]} -gt 0 ]; then
  echo "setup: installing ${#need_install[@]} Debian packages"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_install[@]}" >/dev/null
fi

# Node.js 20 or newer: better-sqlite3 12 needs it. Debian 12 ships 18, so only fall back to it
# when nothing is installed, and say clearly what is wrong when the version is too old.
if ! command -v node >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js $(node --version) found; the reference backend needs Node.js 20 or newer" >&2
  exit 1
fi

# npm ci only when the lock file changed since the last install, so a second run is instant.
if [ ! -f server/node_modules/.package-lock.json ] || ! cmp -s server/package-lock.json server/node_modules/.setup-lock-stamp 2>/dev/null; then
  echo "setup: npm ci in server/"
  npm ci --prefix server --no-audit --no-fund --loglevel=error
  cp server/package-lock.json server/node_modules/.setup-lock-stamp
fi
# The math and code engine (tools/jsengine): MathJax, highlight.js and esbuild, bundled by the
# CMake build into the app's resources. Same rule: npm ci only when its lock file changed.
if [ ! -f tools/jsengine/node_modules/.package-lock.json ] || ! cmp -s tools/jsengine/package-lock.json tools/jsengine/node_modules/.setup-lock-stamp 2>/dev/null; then
  echo "setup: npm ci in tools/jsengine/"
  npm ci --prefix tools/jsengine --no-audit --no-fund --loglevel=error
  cp tools/jsengine/package-lock.json tools/jsengine/node_modules/.setup-lock-stamp
fi
echo "setup: done"
