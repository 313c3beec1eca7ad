#!/usr/bin/env bash
# End-to-end tests against the real runtimes: builds the web app and the worker once, starts `wrangler dev`
# (workerd + local KV in a fresh directory) on a loopback port, and runs tests/*.test.mjs with Node 22
# (HTTP against workerd; Chromium through playwright-core for the site).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
PORT=${E2E_PORT:-8799}
OUT=tests/out
mkdir -p "$OUT"
STATE=$(mktemp -d /tmp/mtasts-e2e.XXXXXX)
cargo build -q -p mtasts-cli   # the web tests lint the generator output with the CLI
scripts/build-web.sh >/dev/null
# The token in effect: .dev.vars wins when present (wrangler loads it), else our own.
if [ -f .dev.vars ] && grep -q '^ADMIN_TOKEN=' .dev.vars; then
  TOKEN=$(sed -n 's/^ADMIN_TOKEN=//p' .dev.vars); VARS=()
else
  TOKEN="e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"; VARS=(--var "ADMIN_TOKEN:$TOKEN")
fi
wrangler dev --ip 127.0.0.1 --port "$PORT" --persist-to "$STATE" --show-interactive-dev-session=false \
  "${VARS[@]}" > "$OUT/wrangler.log" 2>&1 &
WPID=$!
cleanup() { kill $WPID 2>/dev/null || true; wait $WPID 2>/dev/null || true; rm -rf "$STATE"; }
trap cleanup EXIT
for i in $(seq 1 240); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
  if ! kill -0 $WPID 2>/dev/null; then cat "$OUT/wrangler.log"; echo "wrangler exited"; exit 1; fi
  sleep 1
done
echo "wrangler dev ready on :$PORT after ${i}s"
BASE_URL="http://127.0.0.1:$PORT" ADMIN_TOKEN="$TOKEN" KV_STATE="$STATE" \
  node --test --test-concurrency=1 --test-reporter=spec ${E2E_TESTS:-tests/*.test.mjs}
