#!/usr/bin/env bash
# Runs pkilint (PyPI pkilint 0.13.3, in a virtual environment under target/) over the lint
# corpus (examples/pkilint.rs: every certificate under the folders of its SOURCES) and writes
# tests/data/pkilint/results.json, which tests/pkilint.rs compares certscope with. Takes about
# 7 minutes for 4,100 certificates on 2 cores.
# With --check (scripts/test.sh) it lints every 8th certificate of the corpus into target/ and
# fails if pkilint says anything else of them than the recording does: the recording is
# pkilint's own output, checked in about a minute. Written for certscope (MIT OR Apache-2.0).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/pkilint-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pkilint' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'pkilint==0.13.3'
fi
cargo run --quiet --example pkilint -- --corpus target/pkilint-corpus.txt
if [ "${1:-}" = --check ]; then
  awk 'NR % 8 == 1' target/pkilint-corpus.txt > target/pkilint-sample.txt
  "$venv/bin/python" tests/pkilint/run.py target/pkilint-sample.txt target/pkilint-results.json
  "$venv/bin/python" - target/pkilint-results.json tests/data/pkilint/results.json <<'PY'
import json, sys
fresh, recorded = (json.load(open(p)) for p in sys.argv[1:3])
assert fresh["pkilint"] == recorded["pkilint"], (fresh["pkilint"], recorded["pkilint"])
differ = [k for k, v in fresh["certificates"].items() if recorded["certificates"].get(k) != v]
if differ:
    sys.exit(f"pkilint's output differs from tests/data/pkilint/results.json on {len(differ)} of "
             f"{len(fresh['certificates'])} certificates, e.g. {differ[:3]}: run tests/pkilint/run.sh")
print(f"pkilint agrees with its recording on {len(fresh['certificates'])} sampled certificates")
PY
else
  "$venv/bin/python" tests/pkilint/run.py target/pkilint-corpus.txt tests/data/pkilint/results.json
fi
