// Writes docs/findings.md: every finding certscope gives across the test corpus, one anchored
// entry per id (severity, title, explanation, the rule and whose it is), so that a finding on
// the page can link to its own entry. Run after scripts/build.sh (it uses pkg/):
//   node scripts/findings.mjs          (tests/node/docs.test.mjs fails when it is out of date)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const AT = '2026-11-27T00:00:00Z';

/** What is not an input: scripts, notes, and the suites' expectation and exception lists. */
const NOT_INPUT = /\.(sh|py|md|cnf|thumbprints)$|^PROVENANCE$|expected|exceptions|mapped|limbo|\.tshark\.json$|^tshark-|^ja4plus\.json$/;

/** Every small fixture under tests/data (recursively, bounds/ left out), in name order. */
function fixtures(dir = new URL('tests/data/', root)) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = new URL(name, dir);
    const stat = statSync(path);
    if (stat.isDirectory() && name !== 'bounds') out.push(...fixtures(new URL(`${name}/`, dir)));
    else if (stat.isFile() && stat.size < 200_000 && !NOT_INPUT.test(name)) out.push(path);
  }
  return out;
}

/** Every finding of a report, wherever it sits. */
function findingsOf(r) {
  return [
    ...r.findings, ...r.chains.flatMap((c) => c.findings), ...r.certificates.flatMap((c) => c.findings),
    ...(r.http ?? []).flatMap((s) => [...s.findings, ...(s.responses ?? []).flatMap((x) => x.findings ?? [])]),
    ...(r.connections ?? []).flatMap((c) => c.findings), ...(r.requests ?? []).flatMap((c) => c.findings),
    ...(r.crls ?? []).flatMap((c) => c.findings), ...(r.ocsp ?? []).flatMap((o) => o.findings), ...(r.document?.findings ?? []), ...(r.dns ?? []).flatMap((d) => d.findings),
  ];
}

const RANK = { error: 3, warning: 2, info: 1 };

/**
 * One occurrence of each finding id across the corpus, sorted by id: the most severe (a
 * public-CA rule shown as a note for a private certificate is documented as it applies to
 * public ones), the first of those.
 */
export async function collectFindings() {
  const { inspect } = await import(new URL('pkg/node/certscope.js', root));
  const seen = new Map();
  for (const file of fixtures()) {
    const report = await inspect(new Uint8Array(readFileSync(file)), { at: AT, password: 'certscope' });
    for (const f of findingsOf(report)) {
      if ((RANK[f.severity] ?? 0) > (RANK[seen.get(f.id)?.severity] ?? 0)) seen.set(f.id, f);
    }
  }
  return [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
}

const PREFIXES = 'br|cert|chain|cookie|crl|csp|csr|ct|dns|eku|header|hsts|input|ip|jwk|key|name|nc|policy|revocation|rfc|saml|serial|sig|sri|ssh|tls|transport|validity|ocsp';
/** Strings of that shape that are not finding ids: file names and the preload list's codes. */
const NOT_IDS = /^(chain\.pem|tls\.crt|header\.(parse|preloadable)(\..*)?)$/;

/**
 * Every finding id written in the source (src/**.rs), with the file it is first written in.
 * Files, not lines: a line number went stale with every unrelated edit above it.
 */
export function sourceIds(dir = new URL('src/', root), out = new Map()) {
  for (const name of readdirSync(dir).sort()) {
    const path = new URL(name, dir);
    if (statSync(path).isDirectory()) sourceIds(new URL(`${name}/`, dir), out);
    else if (name.endsWith('.rs') && !/(^|_)tests\.rs$/.test(name)) { // test modules name ids, they do not define them
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(new RegExp(`"((?:${PREFIXES})\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*)"`, 'g'))) {
        if (!NOT_IDS.test(m[1]) && !out.has(m[1])) out.set(m[1], path.pathname.slice(root.pathname.length));
      }
    }
  }
  return out;
}

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' };

/** One line of Markdown text: no line breaks, pipes or angle brackets from the input. */
const line = (s) => String(s).replace(/\s+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).trim();

export function markdown(findings, source = sourceIds()) {
  const groups = new Map();
  for (const f of findings) {
    const prefix = f.id.split('.')[0];
    if (!groups.has(prefix)) groups.set(prefix, []);
    groups.get(prefix).push(f);
  }
  const out = [
    '# Findings',
    '',
    '[certscope](../README.md) · [inputs](inputs.md) · [conformance](conformance.md) · [headers](headers.md) · [usage](usage.md) · [findings](findings.md) · [performance](performance.md) · [architecture](architecture.md)',
    '',
    `Every finding certscope gives across its test corpus (${findings.length} ids), with the rule it rests on and`,
    'whose rule that is: the reference names the RFC, the CA/Browser Forum, Mozilla, Chrome, the MDN',
    'Observatory or Google\'s CSP Evaluator; ids of the same problem in zlint, the Observatory and the',
    'CSP Evaluator are given where they exist. A finding on the page links here. Generated by',
    '`node scripts/findings.mjs`; the evidence of each finding is that of the input it fired on.',
    '',
    [...[...groups.keys()].map((g) => `[${g}](#group-${g})`), '[not in the corpus](#group-not-in-corpus)'].join(' · '),
    '',
  ];
  for (const [group, list] of groups) {
    out.push(`<a id="group-${group}"></a>`, '', `## ${group}`, '');
    for (const f of list) {
      const also = [f.zlint && `zlint \`${f.zlint}\``, f.observatory && `Observatory \`${f.observatory}\``,
        f.cspEvaluator && `CSP Evaluator \`${f.cspEvaluator.type}\``].filter(Boolean).join(', ');
      const ref = /^https:\/\//.test(f.reference.url) ? `[${line(f.reference.label)}](${f.reference.url})` : line(f.reference.label);
      out.push(`<a id="${f.id}"></a>`, '', `### \`${f.id}\` — ${line(f.title)}`, '',
        `**${SEVERITY[f.severity] ?? f.severity}.** ${line(f.explanation)}`, '',
        `Rule: ${ref}${also ? `. The same problem in ${also}.` : '.'}`, '');
      if (f.fix) out.push(`Fix: ${line(f.fix)}`, '');
    }
  }
  const seen = new Set(findings.map((f) => f.id));
  const rest = [...source].filter(([id]) => !seen.has(id)).sort(([a], [b]) => a.localeCompare(b));
  if (rest.length) {
    out.push('<a id="group-not-in-corpus"></a>', '', '## Not produced by the test corpus', '',
      `${rest.length} finding ids are written in the source but no input of the test corpus produces them, so their`,
      'text is not reproduced here: each names the file that defines it, where its explanation stands beside it. Some are',
      'lint rules that are reported under another finding when both apply (`same_as` at that place).', '');
    for (const [id, where] of rest) out.push(`<a id="${id}"></a>`, '', `### \`${id}\``, '', `Defined in \`${where}\`.`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const findings = await collectFindings();
  writeFileSync(new URL('docs/findings.md', root), markdown(findings));
  console.log(`findings: ${findings.length} ids written to docs/findings.md`);
}
