#!/usr/bin/env bash
# Renders the hicolor PNGs from studyconnect.svg (needs rsvg-convert from librsvg2-bin).
# The PNGs are committed; run this after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" studyconnect.svg -o "studyconnect-$size.png"
done
