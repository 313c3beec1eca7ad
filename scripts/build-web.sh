#!/usr/bin/env bash
# Builds the web app into web/dist (served by the worker through Workers Static Assets).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
OUT=web/dist
if [ ! -f web/Cargo.toml ]; then
  mkdir -p "$OUT"
  [ -f "$OUT/index.html" ] || echo '<!doctype html><meta charset="utf-8"><title>mtasts</title><p>mtasts' > "$OUT/index.html"
  exit 0
fi
cargo build -p mtasts-web --target wasm32-unknown-unknown --profile wasm-release
rm -rf "$OUT.tmp" && mkdir -p "$OUT.tmp"
wasm-bindgen --target web --no-typescript --out-dir "$OUT.tmp" --out-name mtasts-web \
  target/wasm32-unknown-unknown/wasm-release/mtasts-web.wasm
if [ "${NO_WASM_OPT:-0}" != 1 ]; then
  # -Oz, then flatten the IR, rebuild the control flow (relooper) and -Oz again: standard binaryen passes that
  # keep semantics and save ~1.5 KB gzip over -Oz alone (the 400 KB budget), for ~10 s more build time
  # (the producers, target-features and debug sections are metadata no browser reads: ~200 B gzip)
  wasm-opt -Oz --flatten --rereloop -Oz --strip-producers --strip-target-features --strip-debug --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$OUT.tmp/mtasts-web_bg.wasm" -o "$OUT.tmp/mtasts-web_bg.wasm"
fi
cp -r web/static/. "$OUT.tmp/"
mkdir -p "$OUT.tmp/locales" && cp core/locales/*.ftl "$OUT.tmp/locales/"   # fetched on demand by the web app
python3 scripts/shells.py "$OUT.tmp"   # each route's static shell: the first paint needs no wasm
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
ls -l "$OUT"
