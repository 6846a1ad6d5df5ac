#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting, lints, native tests, wasm tests
# in Node and in headless Chromium, the npm package in Node, and browser tests of the page.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# setup.sh installed tshark: the capture tests compare with it live, never with its recording.
export CERTSCOPE_REQUIRE_TSHARK=1
# The OCSP tests compare with `openssl ocsp` the same way (setup.sh installs openssl).
export CERTSCOPE_REQUIRE_OPENSSL=1

# Each step prints the seconds since the script started, so a slow step shows in CI's log.
step() { printf '\n\033[1m== %s\033[0m (at %d s)\n' "$*" "$SECONDS"; }
# Fails unless cargo's output reports at least one passed test and none failed.
ran_tests() {
  local log=$1
  grep -qE '^test result: ok\. [1-9][0-9]* passed' "$log" || { echo "no tests ran" >&2; return 1; }
  ! grep -qE '^test result: FAILED' "$log"
}

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (native, all targets; wasm32 library and tests)"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --tests --quiet -- -D warnings
# The builds the page loads: the core alone, and the capability modules' exports.
cargo clippy --target wasm32-unknown-unknown --lib --quiet --no-default-features -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --quiet --no-default-features \
  --features verify-module,http-module,pkcs12-module,documents-module,ssh-module,compare-module,dns-module,html-module,pqc-module,ct-module,capture-module,ocsp-module,policy-module,psl-module,dsa-module,revocation-module,profiles-module -- -D warnings
cargo clippy --lib --quiet --no-default-features -- -D warnings

step "native tests"
cargo test 2>&1 | tee target/native-tests.log
ran_tests target/native-tests.log

step "pkilint, run again over every 8th certificate of the lint corpus, equals its recording (tests/data/pkilint)"
tests/pkilint/run.sh --check

step "wasm tests in Node"
cargo test --target wasm32-unknown-unknown --test wasm 2>&1 | tee target/wasm-node.log
ran_tests target/wasm-node.log

step "wasm tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test wasm 2>&1 | tee target/wasm-chrome.log
grep -q 'Running headless tests in Chrome' target/wasm-chrome.log
ran_tests target/wasm-chrome.log

step "build the npm package and the page"
scripts/build.sh

step "npm package in Node, and the page in Chromium (Playwright)"
node --test tests/node/ tests/browser/
echo "test.sh: every test passed in $SECONDS s"
