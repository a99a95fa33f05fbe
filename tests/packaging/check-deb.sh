#!/usr/bin/env bash
# Builds the .deb, unpacks it into a scratch root, runs the installed binaries there, and checks
# that Depends names every qml6-module the QML needs (its imports and what those import).
set -euo pipefail
build=$1
source=$2
version=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB >/dev/null)
deb=$(ls "$work"/studyconnect_*.deb)
echo "built $(basename "$deb")"

dpkg-deb -x "$deb" "$work/root"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM= "$work/root/usr/bin/studyconnect" --version)
echo "$out"
grep -q "$version" <<<"$out" || { echo "studyconnect --version does not print $version" >&2; exit 1; }
env -u DISPLAY "$work/root/usr/bin/studyconnect" --help | grep -q -- "--server" ||
  { echo "studyconnect --help does not document --server" >&2; exit 1; }
"$work/root/usr/bin/studyconnect-cli" --help >/dev/null 2>&1 || [ $? -eq 2 ] ||
  { echo "studyconnect-cli --help failed" >&2; exit 1; }

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for p in libqt6core6 libqt6qml6 libqt6quick6 libqt6websockets6 libqt6keychain1 qt6-qpa-plugins; do
  grep -qw -- "$p" <<<"$depends" || { echo "Depends lacks $p" >&2; exit 1; }
done

# The QML modules the app needs: the imports of its QML files, the Quick Controls style it sets,
# and, through Qt's qmldir files and module sources, what those modules import (optional
# imports excepted). Each module's package is the one Debian's file list says owns its qmldir.
qmlroot=/usr/lib/x86_64-linux-gnu/qt6/qml
mapfile -t queue < <(grep -rhoE '^\s*import\s+Qt[A-Za-z.]*' "$source/qml" "$source/src" --include='*.qml' |
  awk '{print $2}' | sort -u)
style=$(grep -rhoE 'QQuickStyle::setStyle\(QStringLiteral\("[A-Za-z]+"\)' "$source/app" "$source/src" 2>/dev/null |
  sed -E 's/.*"([A-Za-z]+)".*/\1/' | head -n1 || true)
[ -n "$style" ] && queue+=("QtQuick.Controls.$style")
declare -A seen=()
needed=()
while [ ${#queue[@]} -gt 0 ]; do
  module=${queue[0]}
  queue=("${queue[@]:1}")
  [ -n "${seen[$module]:-}" ] && continue
  seen[$module]=1
  dir="$qmlroot/${module//.//}"
  [ -f "$dir/qmldir" ] || { echo "QML module $module is not installed here ($dir/qmldir)" >&2; exit 1; }
  package=$(dpkg -S "$dir/qmldir" | cut -d: -f1)
  needed+=("$package")
  while read -r dep; do queue+=("$dep"); done < <(
    { grep -E '^(import|depends) ' "$dir/qmldir" | awk '{print $2}'
      grep -hoE '^import\s+Qt[A-Za-z.]*' "$dir"/*.qml 2>/dev/null | awk '{print $2}'; } | sort -u)
done
missing=0
for package in $(printf '%s\n' "${needed[@]}" | sort -u); do
  case "$package" in qml6-module-*) ;; *) continue ;; esac
  if ! grep -qE "(^|, )$package(,|$| )" <<<"$depends"; then
    echo "Depends lacks $package, which the QML needs" >&2
    missing=1
  fi
done
[ $missing -eq 0 ] || exit 1
echo "deb: installs, runs, and depends on every QML module it loads"
