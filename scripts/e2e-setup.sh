#!/usr/bin/env bash
# Installs what the browser end-to-end test needs: Debian chromium, CJK fonts, ripgrep and the
# Kerberos headers (through browser-setup.sh), and code-server. Idempotent: code-server is
# installed once into a cache outside the repo, keyed by its version, and reused by later runs on
# the same machine.
# Prints the code-server binary path as its last line.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE_ROOT="${POLICYDOC_CACHE:-$HOME/.cache/policydoc}"
DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
BIN="$DIR/node_modules/.bin/code-server"

log() { echo "[e2e-setup] $*" >&2; }

# --- Debian packages (chromium and fonts as for the preview's browser test, and what code-server needs)
bash "$(dirname "$0")/browser-setup.sh" ripgrep libkrb5-dev

# --- code-server, cached ------------------------------------------------------------------
if [ -f "$DIR/.complete" ]; then
  log "code-server $CODE_SERVER_VERSION cached in $DIR"
  echo "$BIN"
  exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into $DIR"
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
echo '{"name":"policydoc-e2e-cache","private":true}' > package.json

export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false
# Its install scripts download prebuilt binaries from outside the npm registry, which fails
# here; the steps below do their work from local sources instead.
npm install --no-save --ignore-scripts "code-server@$CODE_SERVER_VERSION" >&2

(
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts >&2
  # @vscode/ripgrep's postinstall fetches rg from GitHub; Debian's rg does the same job.
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty >&2
  ln -sfn node_modules node_modules.asar
)
npm rebuild argon2 --build-from-source >&2

touch "$DIR/.complete"
log "done"
echo "$BIN"
