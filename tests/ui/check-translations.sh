#!/usr/bin/env bash
# Every user-visible string of the views and of the C++ (tr()) is in the translation scan, and
# the German translation covers each one: lupdate over the sources into a copy of
# studyconnect_de.ts must leave nothing unfinished. Usage: check-translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src/qml/i18n/studyconnect_de.ts" "$work/de.ts"
(cd "$src" && "$lupdate" -no-obsolete -locations none qml/*.qml app/*.cpp src/*/*.cpp -ts "$work/de.ts" >/dev/null)
missing=$(grep -c 'type="unfinished"' "$work/de.ts" || true)
if [ "$missing" != "0" ]; then
  echo "check-translations: $missing string(s) without a German translation:"
  grep -B2 'type="unfinished"' "$work/de.ts" | grep '<source>' | sed 's/^ */  /'
  echo "Run: cmake --build <build dir> --target update_translations, then translate them in qml/i18n/studyconnect_de.ts"
  exit 1
fi
echo "check-translations: every string has a German translation"
