// Differential tests against the anchors' own code (issue 16): certscope's CSP findings
// against Google's CSP Evaluator (default checks, strict-CSP checks and the reporting check,
// kept apart) and its Observatory results, score and grade against the MDN HTTP Observatory's
// analyzers, over the anchors' own test inputs and a seeded generated corpus
// (tests/anchors/). Any disagreement that tests/anchors/exceptions.mjs does not explain fails,
// and so does an exception that explains nothing. `node tests/anchors/differential.mjs`
// prints the agreement table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compare, HEADER_SETS, POLICIES, table } from '../anchors/differential.mjs';

test('certscope agrees with csp_evaluator and the Observatory, or says why not', async () => {
  const engine = await import(new URL('../../pkg/node/certscope.js', import.meta.url));
  const result = await compare(engine);
  console.log(table(result.rows));
  const cases = (name) => result.rows.find((r) => r.corpus.includes(name)).cases;
  assert.equal(cases('generated policies'), POLICIES);
  assert.equal(cases('generated header sets'), HEADER_SETS);
  assert.ok(cases('its own test policies') > 100 && cases('its own test header sets') > 100);
  assert.deepEqual(result.stale, [], 'exceptions that explain no difference');
  assert.deepEqual(result.unexplained, [], 'differences no exception explains');
});
