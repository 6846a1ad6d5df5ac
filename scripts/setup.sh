#!/usr/bin/env bash
# Installs what certscope needs on a Debian machine with Rust, skipping what is there:
# the wasm32 target, the wasm-bindgen CLI at exactly the Cargo.lock version, wasm-pack,
# npm packages (binaryen's wasm-opt, playwright-core) and, with --browser, Debian's
# Chromium and ChromeDriver.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (matches Cargo.lock; takes a few minutes once)"
  # --locked fails on this registry mirror (a pinned dependency is missing), so fall back.
  cargo install wasm-bindgen-cli --version "$want" --locked 2>/dev/null \
    || cargo install wasm-bindgen-cli --version "$want"
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack (takes a few minutes once)"
  cargo install wasm-pack --locked 2>/dev/null || cargo install wasm-pack
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (wasm-opt from binaryen, playwright-core)"
  npm ci --no-audit --no-fund
fi

# The anchors' own code for the differential tests (tests/node/anchors.test.mjs): csp_evaluator
# and @mdn/mdn-http-observatory, from tests/oracles/package-lock.json. --ignore-scripts: the
# Observatory's install scripts download data (HSTS preload list, CCADB bundle) it does not
# need offline.
if [ "${1:-}" = --browser ] && { [ ! -f tests/oracles/node_modules/.package-lock.json ] || [ tests/oracles/package-lock.json -nt tests/oracles/node_modules/.package-lock.json ]; }; then
  say "installing the anchors' npm packages (csp_evaluator, @mdn/mdn-http-observatory)"
  npm ci --prefix tests/oracles --ignore-scripts --no-audit --no-fund
fi

if [ "${1:-}" = --browser ] && ! { command -v chromium && command -v chromedriver; } >/dev/null; then
  say "installing Chromium and ChromeDriver from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The DNS tests serve a zone with Knot DNS and query it with dig, kdig and nslookup.
if [ "${1:-}" = --browser ] && ! { command -v knotd && command -v dig && command -v kdig; } >/dev/null; then
  say "installing Knot DNS, dig and kdig from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq knot bind9-dnsutils knot-dnsutils >/dev/null
fi

# The capture tests (tests/capture.rs) compare every hello with tshark's reading of it.
if [ "${1:-}" = --browser ] && ! command -v tshark >/dev/null; then
  say "installing tshark from Debian (the capture oracle)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tshark >/dev/null
fi

# ... and every JA4 with PyPI's ja4plus 1.4.0 (tshark 4.0 computes JA3 but not JA4).
if [ "${1:-}" = --browser ] && ! command -v ja4plus >/dev/null; then
  say "installing PyPI's ja4plus 1.4.0 (the JA4 oracle)"
  python3 -m pip install --quiet 'ja4plus==1.4.0' 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages 'ja4plus==1.4.0'
fi

# The tests check corrected chain files with openssl verify, s_server and s_client.
if [ "${1:-}" = --browser ] && ! command -v openssl >/dev/null; then
  say "installing OpenSSL from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
fi

# The ML-DSA tests (tests/pqc.rs) ask Python's `cryptography` (OpenSSL's ML-DSA) to check the
# same signatures; 48.0.0 (its wheels carry OpenSSL 4.0) has ML-DSA and is what they were written with.
if [ "${1:-}" = --browser ] && ! python3 -c 'import cryptography.hazmat.primitives.asymmetric.mldsa' 2>/dev/null; then
  say "installing Python's cryptography 48.0.0 (the ML-DSA oracle)"
  if ! python3 -m pip --version >/dev/null 2>&1; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-pip >/dev/null
  fi
  python3 -m pip install --quiet 'cryptography==48.0.0' 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages 'cryptography==48.0.0'
fi
# pkilint, the second lint oracle (tests/pkilint/run.sh), runs in its own virtual environment.
if [ "${1:-}" = --browser ] && ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  say "installing python3-venv from Debian (for pkilint's virtual environment)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
fi
# The SLH-DSA tests ask PyPI's `slh-dsa` 0.2.5 (a FIPS 205 implementation apart from RustCrypto's)
# to check the same certificates; it also made them (tests/data/pqc/make-slh-dsa.py).
if [ "${1:-}" = --browser ] && ! python3 -c 'import slhdsa' 2>/dev/null; then
  say "installing PyPI's slh-dsa 0.2.5 (the SLH-DSA oracle)"
  python3 -m pip install --quiet 'slh-dsa==0.2.5' 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages 'slh-dsa==0.2.5'
fi
