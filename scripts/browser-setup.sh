#!/usr/bin/env bash
# Installs Debian packages the browser tests need, only when missing (never a downloaded browser
# build): chromium and CJK fonts always, plus any package names given as arguments (the
# end-to-end setup adds ripgrep and libkrb5-dev). Idempotent; used by `npm run test:browser` and
# by scripts/e2e-setup.sh.
set -euo pipefail

missing=()
for package in chromium fonts-noto-cjk "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "[browser-setup] apt-get install ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
