// The front door and the manual: README.md stays under 300 lines; every relative link in it
// and in docs/ points at a file that exists and, with a #fragment, at a heading or anchor in
// it; and docs/findings.md documents every finding the test corpus produces, as
// scripts/findings.mjs writes it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { collectFindings, markdown, sourceIds } from '../../scripts/findings.mjs';

const root = new URL('../../', import.meta.url);
const files = ['README.md', ...readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const read = (f) => readFileSync(new URL(f, root), 'utf8');

/** GitHub's anchor for a heading: lower case, punctuation but - and _ dropped, spaces to -. */
const slug = (heading) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

/** The anchors of a Markdown file: its headings' slugs and its explicit `<a id>`s. */
function anchors(text) {
  const out = new Set();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = !fenced && /^#{1,6} (.+)$/.exec(line);
    if (m) out.add(slug(m[1]));
  }
  for (const m of text.matchAll(/<a id="([^"]+)"><\/a>/g)) out.add(m[1]);
  return out;
}

/** The Markdown links and images of a file outside code, as [href, line]. */
function links(text) {
  const out = [];
  let fenced = false;
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) return;
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) out.push([m[1], i + 1]);
  });
  return out;
}

test('the README is a front door: the two commands first, under 300 lines', () => {
  const readme = read('README.md');
  assert.ok(readme.split('\n').length <= 300, `${readme.split('\n').length} lines`);
  assert.match(readme, /^# certscope\n\n```sh\nscripts\/serve\.sh .*\nscripts\/test\.sh .*\n```/);
  for (const page of ['inputs', 'conformance', 'headers', 'usage', 'findings', 'performance', 'architecture']) {
    assert.ok(readme.includes(`](docs/${page}.md)`), `README links docs/${page}.md`);
  }
});

test('every relative link in the README and docs/ resolves, fragments included', () => {
  let checked = 0;
  const broken = [];
  for (const file of files) {
    for (const [href, line] of links(read(file))) {
      if (/^[a-z]+:/.test(href)) continue; // http(s), mailto: not followed (no network)
      const [path, fragment] = href.split('#');
      const target = path ? new URL(path, new URL(file, root)) : new URL(file, root);
      checked += 1;
      if (!existsSync(target)) {
        broken.push(`${file}:${line}: ${href} (no such file)`);
      } else if (fragment && target.pathname.endsWith('.md') && !anchors(readFileSync(target, 'utf8')).has(decodeURIComponent(fragment))) {
        broken.push(`${file}:${line}: ${href} (no such anchor)`);
      }
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(checked > 60, `only ${checked} links checked`);
});

test('docs/findings.md has an entry for every finding the corpus produces and every id in the source, as scripts/findings.mjs writes it', async () => {
  const findings = await collectFindings();
  assert.ok(findings.length > 150, `${findings.length} ids`);
  const doc = read('docs/findings.md');
  const documented = anchors(doc);
  const ids = [...findings.map((f) => f.id), ...sourceIds().keys()];
  const missing = ids.filter((id) => !documented.has(id));
  assert.deepEqual(missing, [], 'run `node scripts/findings.mjs`');
  assert.equal(doc, markdown(findings), 'docs/findings.md is out of date: run `node scripts/findings.mjs`');
});
