// The anchors' own test inputs, read from the test files their npm packages ship
// (csp_evaluator 1.1.8: *_test.ts, Apache-2.0; @mdn/mdn-http-observatory 1.4.8: test/*.test.js,
// MPL-2.0), so the differential test starts from the cases their authors wrote. Only inputs
// are taken, never the expected results: the anchor's code decides those when the test runs.
import { readdirSync, readFileSync } from 'node:fs';

const modules = new URL('../oracles/node_modules/', import.meta.url);

/** The string literals of a JS/TS source, with `'a' + 'b'` concatenations joined. */
export function literals(source) {
  const out = [];
  const re = /(['"`])((?:\\.|(?!\1)[^\\\n])*)\1(\s*\+\s*(['"`])((?:\\.|(?!\4)[^\\\n])*)\4)*/g;
  for (const m of source.matchAll(re)) {
    const parts = [...m[0].matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)].map((p) => p[2]);
    out.push(parts.join('').replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t' })[c] ?? c));
  }
  return out;
}

const DIRECTIVE = /^\s*(default-src|script-src|script-src-elem|script-src-attr|style-src|object-src|base-uri|form-action|frame-ancestors|img-src|connect-src|font-src|frame-src|worker-src|child-src|media-src|report-uri|report-to|require-trusted-types-for|trusted-types|upgrade-insecure-requests|block-all-mixed-content|plugin-types|reflected-xss|referrer|sandbox|prefetch-src|navigate-to|foo-bar-src|manifest-src)\b/i;

const sorted = (dir, pattern) => readdirSync(dir, { recursive: true }).filter((f) => pattern.test(f)).sort();

/** Policies from the CSP Evaluator's tests, and header sets from the Observatory's. */
export function anchorCases() {
  const evaluator = new URL('csp_evaluator/', modules);
  const policies = new Set();
  for (const file of sorted(evaluator, /^(?!node_modules|dist).*_test\.ts$/)) {
    for (const s of literals(readFileSync(new URL(file, evaluator), 'utf8'))) {
      if (DIRECTIVE.test(s) && !s.includes('\n')) policies.add(s);
    }
  }

  const observatory = new URL('@mdn/mdn-http-observatory/test/', modules);
  // Which header each test file sets, and which of its literals are values of it.
  const files = {
    'csp.test.js': ['content-security-policy', (s) => DIRECTIVE.test(s)],
    'strict-transport-security.test.js': ['strict-transport-security', (s) => /max-age|includesubdomains|preload/i.test(s)],
    'x-frame-options.test.js': ['x-frame-options', (s) => /^(deny|sameorigin|allow-from|whimsy)/i.test(s.trim())],
    'x-content-type-options.test.js': ['x-content-type-options', (s) => /sniff|whimsy/i.test(s)],
    'referrer-policy.test.js': ['referrer-policy', (s) => /^(no-referrer|same-origin|strict-origin|origin|unsafe-url|whimsy)/i.test(s)],
    'cross-origin-resource-policy.test.js': ['cross-origin-resource-policy', (s) => /^(same-site|same-origin|cross-origin|whimsy)/i.test(s)],
    'cookies.test.js': ['set-cookie', (s) => /^[^\s=;]+=[^;]*;/.test(s)],
  };
  const headerSets = [];
  const seen = new Set();
  for (const [file, [header, wanted]] of Object.entries(files)) {
    for (const s of literals(readFileSync(new URL(file, observatory), 'utf8'))) {
      if (!wanted(s) || s.includes('\n') || seen.has(`${header}\n${s}`)) continue;
      seen.add(`${header}\n${s}`);
      headerSets.push([['content-type', 'text/html'], [header, s]]);
    }
  }
  // Its HTML test pages (test/files/*.html: SRI and <meta http-equiv>), scanned as its tests
  // scan them (host mozilla.org), alone and with a CSP header from its CSP tests.
  const pages = sorted(new URL('files/', observatory), /\.html$/);
  for (const file of pages) {
    const html = readFileSync(new URL(`files/${file}`, observatory), 'utf8');
    for (const extra of [[], [['content-security-policy', "default-src 'self'; frame-ancestors 'none'"]], [['referrer-policy', 'unsafe-url']]]) {
      const set = [['content-type', 'text/html'], ...extra];
      set.html = html;
      set.host = 'mozilla.org';
      headerSets.push(set);
    }
  }
  return { policies: [...policies], headerSets };
}

/**
 * certscope's own recorded pages (tests/data/http/record-nginx.sh): the final response of
 * each `curl -si` transcript with a body, as header lines and the page.
 */
export function recordedPages() {
  const dir = new URL('../data/http/', import.meta.url);
  const out = [];
  for (const file of ['page-meta-sri.txt', 'http-on-https-port-497.txt']) {
    const text = readFileSync(new URL(file, dir), 'utf8').replace(/\r\n/g, '\n');
    const last = text.lastIndexOf('\nHTTP/');
    const [head, ...body] = text.slice(last + 1).split('\n\n');
    const lines = head.split('\n').slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]);
    lines.html = body.join('\n\n').trimEnd();
    lines.host = 'www.certscope.test';
    out.push(lines);
  }
  return out;
}
