#!/usr/bin/env bash
# Copies from zlint's test corpus (../../../../shared/corpus/zlint, or $ZLINT_CORPUS) the
# expected results of every zlint lint that a certscope rule maps to, and the test
# certificates and CRLs those rows use. Re-run after adding a mapping in src/lint/rules/.
set -euo pipefail
cd "$(dirname "$0")"
corpus=${ZLINT_CORPUS:-../../../../shared/corpus/zlint}
{ grep -ho 'Some("[ewn]_[a-z0-9_]*")' ../../../src/lint/rules/*.rs | sed 's/Some("\(.*\)")/\1/'
  grep -ho '"[ewn]_[a-z0-9_]*"' ../../../src/lint/crl.rs | tr -d '"'; } | sort -u > mapped.txt
python3 - "$corpus" <<'PY'
import json, os, shutil, sys
corpus = sys.argv[1]
mapped = set(open('mapped.txt').read().split())
data = json.load(open(os.path.join(corpus, 'expected_results.json')))
rows = [r for r in data['cases'] if r['lint'] in mapped]
# A few of zlint's tests run a file twice, once with a configuration (TestLintWithConfig, such
# as CrossSignedCa = true) under which the lint does not apply. certscope has no configuration,
# so the NA row of a (lint, file) that zlint also expects to fire or pass is left out.
judged = {(r['lint'], r['testdata']) for r in rows if r['expected'] != 'NA'}
configured = [r for r in rows if r['expected'] == 'NA' and (r['lint'], r['testdata']) in judged]
rows = [r for r in rows if r not in configured]
shutil.rmtree('testdata', ignore_errors=True)
os.makedirs('testdata', exist_ok=True)
for r in rows:
    os.makedirs(os.path.dirname(os.path.join('testdata', r['testdata'])), exist_ok=True)
    shutil.copy(os.path.join(corpus, 'testdata', r['testdata']), os.path.join('testdata', r['testdata']))
json.dump({'source': data['source'], 'cases': rows}, open('expected.json', 'w'), indent=1)
print(f"{len(configured)} rows of configured tests left out")
print(f"{len(rows)} rows for {len({r['lint'] for r in rows})} of {len(mapped)} mapped lints, {len({r['testdata'] for r in rows})} files")
PY
