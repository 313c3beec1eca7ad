#!/usr/bin/env bash
# Fuzzes every parser entry point of mtasts-core with cargo-fuzz (libFuzzer, nightly), seeded with the shared
# corpus (DNS answers and check facts: fuzz/seeds). Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60 s, all targets)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-60}; shift || true
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
CORPUS=${MTASTS_CORPUS:-../shared/corpus}
TARGETS=("$@"); [ ${#TARGETS[@]} -gt 0 ] || TARGETS=(policy sts_record tlsrpt_record report mail detect_and_generate doh_answer check_facts)
for t in "${TARGETS[@]}"; do
  dir=fuzz/corpus/$t; mkdir -p "$dir"
  case $t in
    policy) cp "$CORPUS"/policies/* "$dir"/ ;;
    sts_record|tlsrpt_record|detect_and_generate) cp "$CORPUS"/txt/* "$dir"/ ;;
    report) cp "$CORPUS"/reports/*.json "$CORPUS"/reports/real/* "$dir"/ ;;
    mail) cp "$CORPUS"/reports/real/*.eml core/rules/*.eml core/tests/dkim/*.eml "$dir"/ ;;
    doh_answer|check_facts) cp fuzz/seeds/$t/* "$dir"/ ;;
  esac
  echo "== fuzzing $t for ${SECS}s"
  log=fuzz/$t.log
  (cd fuzz && cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$SECS" -max_len=65536 -rss_limit_mb=2048) > "$log" 2>&1 || true
  grep -E "^Done [0-9]+ runs" "$log" || { tail -30 "$log"; echo "fuzzing $t failed (see $log)"; exit 1; }
  [ -z "$(ls fuzz/artifacts/$t 2>/dev/null)" ] || { echo "crash artifacts in fuzz/artifacts/$t"; exit 1; }
done
