#!/usr/bin/env bash
# Sets up a fresh machine and starts the whole product on http://127.0.0.1:8787 with local, persisted KV and D1:
# the web app, the policy host (Host: mta-sts.<domain>), report ingest (/v1/tlsrpt) and the admin API.
# A demo configuration is loaded: a testing-mode policy for example.com. The admin token is in .dev.vars, with
# REQUIRE_DKIM=false: there is no Email Routing here and the demo report e-mail is not signed, so mailed reports
# are taken without a DKIM signature locally (production requires one, RFC 8460 §3).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --no-browser
source scripts/env.sh
PORT=${PORT:-8787}
scripts/build-web.sh
if [ ! -f .dev.vars ]; then
  printf 'ADMIN_TOKEN=%s\n' "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" > .dev.vars
  echo "[dev] wrote .dev.vars with a fresh ADMIN_TOKEN"
fi
if ! grep -q '^REQUIRE_DKIM=' .dev.vars; then
  echo 'REQUIRE_DKIM=false' >> .dev.vars
fi
if grep -q '^REQUIRE_DKIM=false' .dev.vars; then
  echo "[dev] REQUIRE_DKIM=false (.dev.vars): report e-mail is accepted without a DKIM signature here;"
  echo "      production refuses unsigned reports (RFC 8460 §3). Remove the line to test the refusal."
fi
# the watch's e-mail notices: wrangler writes each to a local .eml file and logs its path
grep -q '^NOTIFY_FROM=' .dev.vars || echo 'NOTIFY_FROM=watch@example.com' >> .dev.vars
TOKEN=$(sed -n 's/^ADMIN_TOKEN=//p' .dev.vars)
# the report index (D1, a local SQLite file): apply what migrations/ adds since the last run
wrangler d1 migrations apply mtasts --local --persist-to .wrangler/state
wrangler dev -c wrangler.toml -c web/wrangler.toml --ip 127.0.0.1 --port "$PORT" --persist-to .wrangler/state --show-interactive-dev-session=false &
WPID=$!
trap 'kill $WPID 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 180); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
  kill -0 $WPID 2>/dev/null || { echo "[dev] wrangler exited"; exit 1; }
  sleep 1
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/" || { echo "[dev] wrangler dev did not answer on :$PORT within 180 s" >&2; exit 1; }
if ! curl -fs -o /dev/null -H 'Host: mta-sts.example.com' "http://127.0.0.1:$PORT/.well-known/mta-sts.txt"; then
  curl -fsS -X PUT -H "Authorization: Bearer $TOKEN" --data-binary @demo/policy-example.com.txt \
    "http://127.0.0.1:$PORT/api/policies/example.com" >/dev/null && echo "[dev] demo policy for example.com stored"
fi
cat <<MSG

  mtasts is running on http://127.0.0.1:$PORT   (admin token: $TOKEN, in .dev.vars)

  site      http://127.0.0.1:$PORT/
  policy    curl -H 'Host: mta-sts.example.com' http://127.0.0.1:$PORT/.well-known/mta-sts.txt
  ingest    curl -X POST -H 'Content-Type: application/tlsrpt+gzip' --data-binary @demo/report-example.com.json.gz http://127.0.0.1:$PORT/v1/tlsrpt
  e-mail    curl -X POST --data-binary @demo/report-example.com.eml 'http://127.0.0.1:$PORT/cdn-cgi/local/email?format=json&from=noreply-smtp-tls-reporting@sender.example&to=tlsrpt@example.com'
  reports   curl -H 'Authorization: Bearer $TOKEN' http://127.0.0.1:$PORT/api/summary?domain=example.com
  watch     curl -X PUT -H 'Authorization: Bearer $TOKEN' -d '{"email":["admin@example.com"],"digest_hour":0}' http://127.0.0.1:$PORT/api/watch/example.com
  cron      curl 'http://127.0.0.1:$PORT/cdn-cgi/local/scheduled?cron=7+*+*+*+*'   (digest and alerts; e-mails land in .wrangler/tmp, path in the log)
  history   http://127.0.0.1:$PORT/watch   (token above)

MSG
wait $WPID
