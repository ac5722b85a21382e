#!/usr/bin/env bash
# Renders every zine page to PNG to look at: writes the SVGs (through the
# root crate's tests), wraps each in a page with the site's colours and the
# comics' hand font, and screenshots it with headless Chromium.
# Usage: scripts/zine-shots.sh [out-dir]   (default /tmp/zines)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/zines}"
mkdir -p "$out"
ZINE_OUT="$out" cargo test -q -p techshack-live writes_the_zines_when_asked >/dev/null
root="$(sed -n '/^:root, :host {/,/^}/p' assets/style.css)"
font="$PWD/assets/fonts/patrick-hand-latin-400-normal.woff2"
for svg in "$out"/*.svg; do
  html="${svg%.svg}.html"
  {
    echo "<!doctype html><meta charset=utf-8><style>"
    echo "@font-face { font-family: 'Patrick Hand'; src: url('file://$font') format('woff2'); }"
    echo "$root"
    echo "html, body { margin: 0; background: var(--bg); } svg { display: block; width: 800px; }"
    echo "svg .hand { font-family: var(--hand); }</style>"
    cat "$svg"
  } >"$html"
  chromium --headless --no-sandbox --hide-scrollbars --virtual-time-budget=2000 \
    --screenshot="${svg%.svg}.png" --window-size=800,1100 "file://$html" 2>/dev/null
  echo "${svg%.svg}.png"
done
