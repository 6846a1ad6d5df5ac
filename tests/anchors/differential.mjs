// The differential comparison of certscope with its anchors, shared by the test
// (tests/node/anchors.test.mjs) and the command that prints the agreement table
// (`node tests/anchors/differential.mjs`). Inputs: the anchors' own test cases
// (tests/anchors/cases.mjs) and the seeded generated corpus (tests/anchors/corpus.mjs).
import { anchorCases, recordedPages } from './cases.mjs';
import { headerSets, policies } from './corpus.mjs';
import { exceptions } from './exceptions.mjs';
import { bypassLists, evaluateCsp, observatory } from './oracles.mjs';

export const POLICIES = 10_000;
export const HEADER_SETS = 5_000;
const SEED = 20261203;
const at = '2026-12-01T00:00:00Z';

const key = (f) => `${f.type}|${f.severity}|${f.directive}|${f.value ?? ''}`;
const unique = (list) => [...new Set(list.map(key))].sort();

/** certscope's CSP findings for one policy, by whose rule they are. */
async function certscopeCsp(engine, policy) {
  const report = await engine.inspect(`HTTP/1.1 200 OK\ncontent-security-policy: ${policy}\n\n`, { at });
  const csp = report.http?.[0]?.csp;
  const groups = { default: [], strict: [], reporting: [], certscope: [], notes: csp?.anchorNotes ?? [] };
  for (const f of csp?.evaluator ?? []) {
    const group = { evaluator: 'default', 'evaluator-strict': 'strict', 'evaluator-reporting': 'reporting', certscope: 'certscope' }[f.source];
    groups[group ?? 'certscope'].push(f);
  }
  return groups;
}

/** The curl -sIL paste of a site whose http:// URL redirects to https://, which answered with `lines`. */
export function paste(lines, host = 'certscope.test') {
  const page = lines.html === undefined ? '' : `${lines.html}\n`;
  return `$ curl -s${page ? 'i' : 'I'}L http://${host}/\nHTTP/1.1 301 Moved Permanently\nLocation: https://${host}/\n\nHTTP/1.1 200 OK\n${lines.map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${page}`;
}

/** certscope's Observatory tests, score and grade for one header set. */
async function certscopeObservatory(engine, lines) {
  const report = await engine.inspect(paste(lines, lines.host), { at });
  const site = report.http?.[0];
  const tests = {};
  for (const t of site?.observatory?.tests ?? []) tests[t.test] = { result: t.result, modifier: t.modifier, judged: t.judged };
  return { tests, score: site?.observatory?.score, grade: site?.observatory?.grade, site };
}

/** Every difference between certscope and the anchor on one case, as short strings. */
function cspDifferences(ours, theirs) {
  // Where the anchor throws, certscope must say so (its anchorNotes) beside its own findings.
  const saysThrows = ours.notes.some((n) => n.includes('URL parsing throws'));
  if (theirs.error) return [{ group: 'all', side: saysThrows ? 'anchor throws' : 'anchor throws, certscope does not say so', finding: theirs.error }];
  const out = [];
  if (saysThrows) out.push({ group: 'all', side: 'certscope says the anchor throws', finding: ours.notes.join(' ') });
  for (const group of ['default', 'strict', 'reporting']) {
    const a = unique(ours[group]);
    const b = unique(theirs[group]);
    for (const k of b) if (!a.includes(k)) out.push({ group, side: 'anchor only', finding: k });
    for (const k of a) if (!b.includes(k)) out.push({ group, side: 'certscope only', finding: k });
  }
  return out;
}

function observatoryDifferences(ours, theirs) {
  const out = [];
  for (const [test, t] of Object.entries(theirs.tests)) {
    const o = ours.tests[test];
    if (!o) out.push({ test, anchor: t.result, certscope: 'missing' });
    else if (o.result !== t.result) out.push({ test, anchor: t.result, certscope: o.result });
    else if (o.modifier !== t.modifier) out.push({ test, anchor: `${t.result} ${t.modifier}`, certscope: `${o.result} ${o.modifier}` });
  }
  if (ours.score !== theirs.score || ours.grade !== theirs.grade) out.push({ test: 'score', anchor: `${theirs.score} ${theirs.grade}`, certscope: `${ours.score} ${ours.grade}` });
  return out;
}

/**
 * Runs every comparison. Returns the agreement table's rows, the disagreements no exception
 * explains, and the exceptions that explained nothing (stale).
 */
export async function compare(engine, { policyCount = POLICIES, headerCount = HEADER_SETS } = {}) {
  const own = anchorCases();
  const corpora = [
    { name: 'CSP Evaluator: its own test policies', kind: 'csp', source: 'csp_evaluator 1.1.8 *_test.ts', inputs: own.policies },
    { name: 'CSP Evaluator: generated policies', kind: 'csp', source: `corpus.mjs seed ${SEED}`, inputs: policies(policyCount, SEED, bypassLists) },
    { name: 'Observatory: its own test header sets', kind: 'observatory', source: '@mdn/mdn-http-observatory 1.4.8 test/*.test.js', inputs: own.headerSets },
    { name: "Observatory: certscope's recorded nginx pages", kind: 'observatory', source: 'tests/data/http/record-nginx.sh', inputs: recordedPages() },
    { name: 'Observatory: generated header sets', kind: 'observatory', source: `corpus.mjs seed ${SEED + 1}`, inputs: headerSets(headerCount, SEED + 1, bypassLists) },
  ];
  const used = new Map(exceptions.map((e) => [e.id, 0]));
  const rows = [];
  const unexplained = [];
  // Each kind of unexplained difference, counted, with its first case.
  const kinds = new Map();
  for (const corpus of corpora) {
    const row = { corpus: corpus.name, source: corpus.source, cases: corpus.inputs.length, agree: 0, excepted: 0, open: 0, disagree: 0 };
    for (const [index, input] of corpus.inputs.entries()) {
      let diffs;
      if (corpus.kind === 'csp') diffs = cspDifferences(await certscopeCsp(engine, input), evaluateCsp(input));
      else diffs = observatoryDifferences(await certscopeObservatory(engine, input), observatory(input, input.host, input.html));
      if (diffs.length === 0) {
        row.agree++;
        continue;
      }
      const left = diffs.filter((d) => {
        const e = exceptions.find((x) => x.kind === corpus.kind && x.matches(d, input));
        if (e) used.set(e.id, used.get(e.id) + 1);
        return !e;
      });
      if (left.length === 0) {
        row.excepted++;
        const open = diffs.some((d) => exceptions.find((x) => x.kind === corpus.kind && x.matches(d, input))?.status === 'open');
        if (open) row.open++;
      }
      else {
        row.disagree++;
        if (unexplained.length < 40) unexplained.push({ corpus: corpus.name, index, input, differences: left });
        for (const d of left) {
          const k = d.group ? `${d.group} ${d.side} ${d.finding.split('|').slice(0, 2).join(' ')}` : `${d.test}: ${d.anchor} / ${d.certscope}`;
          if (!kinds.has(k)) kinds.set(k, { count: 0, example: { index, input, difference: d } });
          kinds.get(k).count++;
        }
      }
    }
    rows.push(row);
  }
  const stale = [...used].filter(([, n]) => n === 0).map(([id]) => id);
  const byCount = [...kinds].sort((a, b) => b[1].count - a[1].count);
  return { rows, unexplained, stale, used: Object.fromEntries(used), kinds: byCount };
}

/** The agreement table as Markdown. */
export function table(rows) {
  const lines = ['| corpus | cases | agree | differ, listed (of them open) | differ, unlisted |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.corpus} (${r.source}) | ${r.cases} | ${r.agree} | ${r.excepted} (${r.open}) | ${r.disagree} |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engine = await import(new URL('../../pkg/node/certscope.js', import.meta.url));
  const started = performance.now();
  const result = await compare(engine);
  console.log(table(result.rows));
  console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s; exceptions used: ${JSON.stringify(result.used)}`);
  if (result.stale.length) console.log(`stale exceptions: ${result.stale.join(', ')}`);
  for (const [k, v] of result.kinds) console.log(`${v.count}\t${k}\n\t${JSON.stringify(v.example).slice(0, 600)}`);
}
