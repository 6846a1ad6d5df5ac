// The page and element never turn data into HTML: no HTML-parsing sinks in www/.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const www = new URL('../../www/', import.meta.url).pathname;

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // The manual's pages (www/docs/, generated prose about these very sinks) are checked below.
    if (statSync(path).isDirectory()) return name === 'docs' ? [] : sources(path);
    // The wasm-bindgen glue is generated; it is checked by the same rule all the same.
    return /\.(js|html)$/.test(name) ? [path] : [];
  });
}

test('no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval or inline handlers', () => {
  const files = sources(www);
  assert.ok(files.length >= 6, files.join(', '));
  const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|eval\s*\(|new Function\s*\()|\son[a-z]+=["']/;
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      assert.doesNotMatch(line, sinks, `${file}:${i + 1}: ${line.trim()}`);
    });
  }
});

test('the manual\'s pages hold no script but the element\'s module, and no inline handler', () => {
  const pages = readdirSync(join(www, 'docs')).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 8, pages.join());
  for (const page of pages) {
    const html = readFileSync(join(www, 'docs', page), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script type="module" src="../lib/certscope-view-define.js">'], page);
    assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+=/i, page);
  }
});

test('every page ships a CSP without unsafe-inline or unsafe-eval, requiring Trusted Types', () => {
  const docs = readdirSync(join(www, 'docs')).filter((f) => f.endsWith('.html')).map((f) => `docs/${f}`);
  for (const page of ['index.html', 'embed.html', ...docs]) {
    const html = readFileSync(join(www, page), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    assert.ok(csp, page);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\s\*/);
    // Only external scripts, or inert text/plain data blocks.
    assert.doesNotMatch(html, /<script(?![^>]*(\ssrc=|type="text\/plain"))[^>]*>\s*\S/, `${page} has inline script`);
  }
});
