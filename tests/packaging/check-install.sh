#!/usr/bin/env bash
# Installs the build into a scratch root and validates the desktop entry and AppStream metadata
# as installed, where the software centre and the menu will read them.
set -euo pipefail
build=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

DESTDIR="$root" cmake --install "$build" --prefix /usr >/dev/null
desktop="$root/usr/share/applications/org.studyconnect.StudyConnect.desktop"
metainfo="$root/usr/share/metainfo/org.studyconnect.StudyConnect.metainfo.xml"
desktop-file-validate "$desktop"
# studyconnect://signin links from a school's web sign-in open the app with the link as %u.
grep -qx 'MimeType=x-scheme-handler/studyconnect;' "$desktop"
grep -qx 'Exec=studyconnect %u' "$desktop"
appstreamcli validate --no-net "$metainfo"

for size in 16 22 24 32 48 64 128 256 512; do
  test -s "$root/usr/share/icons/hicolor/${size}x${size}/apps/org.studyconnect.StudyConnect.png"
done
test -s "$root/usr/share/icons/hicolor/scalable/apps/org.studyconnect.StudyConnect.svg"
test -x "$root/usr/bin/studyconnect"
test -x "$root/usr/bin/studyconnect-cli"
echo "install: desktop entry, metainfo and icons are valid"
