#!/usr/bin/env bash
# Renders images/icon.svg to images/icon.png (128×128, transparent corners) with Debian chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
page=$(mktemp --suffix=.html)
trap 'rm -f "$page"' EXIT
{ echo '<!DOCTYPE html><style>html,body{margin:0;background:transparent}</style>'; cat images/icon.svg; } >"$page"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size=128,128 --screenshot="$PWD/images/icon.png" "file://$page" 2>/dev/null
