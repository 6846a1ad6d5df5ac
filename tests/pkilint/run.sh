#!/usr/bin/env bash
# Runs pkilint (PyPI pkilint 0.13.3, in a virtual environment under target/) over the lint
# corpus (examples/pkilint.rs: every certificate under the folders of its SOURCES) and writes
# tests/data/pkilint/results.json, which tests/pkilint.rs compares certscope with. With --check
# it writes to target/ instead and fails if pkilint's output differs from the recording.
# Takes about 3 minutes for 1,700 certificates. Written for certscope (MIT OR Apache-2.0).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/pkilint-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pkilint' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'pkilint==0.13.3'
fi
cargo run --quiet --example pkilint -- --corpus target/pkilint-corpus.txt
out=tests/data/pkilint/results.json
[ "${1:-}" = --check ] && out=target/pkilint-results.json
"$venv/bin/python" tests/pkilint/run.py target/pkilint-corpus.txt "$out"
if [ "${1:-}" = --check ]; then
  cmp -s "$out" tests/data/pkilint/results.json || { echo "pkilint's output differs from tests/data/pkilint/results.json" >&2; exit 1; }
  echo "pkilint agrees with its recording"
fi
