#!/usr/bin/env bash
# End-to-end tests against the real runtimes: builds the web app and the worker once, starts `wrangler dev`
# (workerd + local KV in a fresh directory) on a loopback port, and runs tests/*.test.mjs with Node 22
# (HTTP against workerd; Chromium through playwright-core for the site).
#
# The live check (/api/check) is tested against mtasts-testbed: DNS over HTTPS and HTTPS policy hosts for one
# `*.check.test` domain per case, on loopback. workerd fetches `https://mta-sts.<domain>/` on port 443 through the
# system resolver, so wrangler runs in a private mount namespace whose /etc/hosts names those hosts 127.0.0.1 (the
# machine's own /etc/hosts is untouched), and trusts the testbed CA through NODE_EXTRA_CA_CERTS (which miniflare
# hands to workerd). That needs root (port 443, unshare); without it the check tests are skipped, saying why.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
PORT=${E2E_PORT:-8799}
OUT=tests/out
mkdir -p "$OUT"
STATE=$(mktemp -d /tmp/mtasts-e2e.XXXXXX)
cargo build -q -p mtasts-cli -p mtasts-testbed   # the web tests lint with the CLI; the check tests compare with it
scripts/build-web.sh >/dev/null
# The token in effect: .dev.vars wins when present (wrangler loads it), else our own.
if [ -f .dev.vars ] && grep -q '^ADMIN_TOKEN=' .dev.vars; then
  TOKEN=$(sed -n 's/^ADMIN_TOKEN=//p' .dev.vars); VARS=()
else
  TOKEN="e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"; VARS=(--var "ADMIN_TOKEN:$TOKEN")
fi
TBPID=
cleanup() {
  kill ${WPID:-} ${TBPID:-} 2>/dev/null || true; wait ${WPID:-} ${TBPID:-} 2>/dev/null || true
  # E2E_KEEP_STATE=1 keeps KV, D1 and the testbed's files for a look afterwards
  if [ -n "${E2E_KEEP_STATE:-}" ]; then echo "state kept in $STATE" >&2; else rm -rf "$STATE"; fi
}
trap cleanup EXIT
WRAP=()
if [ "$(id -u)" = 0 ] && unshare --mount true 2>/dev/null; then
  target/debug/mtasts-testbed --https-port 443 --dir "$STATE/testbed" > "$STATE/testbed.json" 2> "$OUT/testbed.log" &
  TBPID=$!
  for i in $(seq 1 50); do [ -s "$STATE/testbed.json" ] && break; sleep 0.1; done
  if [ -s "$STATE/testbed.json" ]; then
    export TESTBED="$STATE/testbed.json"
    DOH_URL=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).doh_url)' "$TESTBED")
    export NODE_EXTRA_CA_CERTS="$STATE/testbed/ca.pem"
    VARS+=(--var "DOH_URL:$DOH_URL" --var CHECK_TIMEOUT_SECONDS:3 --var DNS_TIMEOUT_SECONDS:5)
    WRAP=(unshare --mount sh -c 'mount --bind "$0" /etc/hosts && exec "$@"' "$STATE/testbed/hosts")
  else
    cat "$OUT/testbed.log"; export TESTBED_SKIP="mtasts-testbed did not start (port 443 taken?)"
  fi
else
  export TESTBED_SKIP="the live-check tests need root (port 443, a private /etc/hosts via unshare)"
fi
# without the testbed, DNS over HTTPS goes to a closed loopback port (refused at once), never to an outside host
[ -n "${TESTBED:-}" ] || VARS+=(--var "DOH_URL:http://127.0.0.1:9/dns-query")
# e-mail ingest as in production: DKIM required (the testbed publishes the test key), accepted mail copied to an
# archive address, reports proposed with this deployment's mailbox first
VARS+=(--var REQUIRE_DKIM:true --var FORWARD_TO:archive@example.com --var REPORT_MAILTO:tlsrpt@reports.example.com)
# the policy host keeps an answer per isolate for 30 s in production; 5 s here, so a test can see it renewed
# (after 3/4 of it, which leaves time for a `wrangler kv` write behind the API's back first) and expire
VARS+=(--var POLICY_FRESH_SECONDS:5)
# the watch: e-mail notices from this address (wrangler writes them to files), short webhook timeouts and run budget
VARS+=(--var NOTIFY_FROM:watch@reports.example.com --var WEBHOOK_TIMEOUT_SECONDS:2 --var WATCH_BUDGET_SECONDS:8)
# the trap test's paths: TRAP_PATH/{panic,unreachable}/{now,later} trap the Wasm instance (tests/trap.test.mjs);
# never set outside the tests
VARS+=(--var TRAP_PATH:/__trap)
export TESTBED_BIN="$PWD/target/debug/mtasts-testbed"
# the report index (D1): a fresh local database with every migration
wrangler d1 migrations apply mtasts --local --persist-to "$STATE" > "$OUT/migrations.log" 2>&1 \
  || { cat "$OUT/migrations.log"; exit 1; }
"${WRAP[@]}" wrangler dev -c wrangler.toml -c web/wrangler.toml --ip 127.0.0.1 --port "$PORT" --persist-to "$STATE" --show-interactive-dev-session=false \
  "${VARS[@]}" > "$OUT/wrangler.log" 2>&1 &
WPID=$!
for i in $(seq 1 240); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
  if ! kill -0 $WPID 2>/dev/null; then cat "$OUT/wrangler.log"; echo "wrangler exited"; exit 1; fi
  sleep 1
done
if ! curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; then
  tail -50 "$OUT/wrangler.log"; echo "wrangler dev did not answer on :$PORT within 240 s" >&2; exit 1
fi
echo "wrangler dev ready on :$PORT after ${i}s"
BASE_URL="http://127.0.0.1:$PORT" ADMIN_TOKEN="$TOKEN" KV_STATE="$STATE" \
  node --test --test-concurrency=1 --test-reporter=spec ${E2E_TESTS:-tests/*.test.mjs}
