#!/usr/bin/env bash
# Runs every test of the project from a fresh machine: installs what is missing (scripts/setup.sh), then
# formatting and lints, native unit/property/corpus/CLI tests, the wasm32 build of core, the worker and web builds,
# and the end-to-end suites against real workerd (wrangler dev) and headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1;35m==> %s\033[0m\n' "$*"; }
t0=$(date +%s)

step "setup"
scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings (native, and wasm32 for the web app and the worker)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p mtasts-web -p mtasts-worker --target wasm32-unknown-unknown -- -D warnings

step "native tests (unit, property, corpus, CLI)"
cargo test --workspace --exclude mtasts-web

step "browser unit tests of the web app (wasm-bindgen-test in headless Chromium)"
source scripts/env.sh
cargo test -p mtasts-web --target wasm32-unknown-unknown

step "core builds for wasm32"
cargo build -p mtasts-core --target wasm32-unknown-unknown

# the end-to-end suite is part of every run: a missing or non-executable script is a failure, not a skip
[ -x scripts/e2e.sh ] || { echo "scripts/e2e.sh is missing or not executable" >&2; exit 1; }
step "end to end (workerd via wrangler, Chromium)"
scripts/e2e.sh
echo
echo "all tests passed in $(( $(date +%s) - t0 )) s"
