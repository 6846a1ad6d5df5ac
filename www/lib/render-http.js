// The HTTPS configuration of one pasted site: grades, the redirect chain, each Observatory
// test, HSTS, CSP, cookies and the findings with their fixes. Text only, through h().

import { CSP_SOURCES, h, finding, copyButton, section } from './dom.js';

const GRADE_LEVEL = (g) => (g.startsWith('A') ? 'ok' : g.startsWith('B') || g.startsWith('C') ? 'warning' : 'error');

function gradeBox(label, grade, score, detail) {
  return h('div', { class: `grade ${GRADE_LEVEL(grade)}`, 'data-testid': `grade-${label.toLowerCase().replace(/\W+/g, '-')}` },
    h('span', { class: 'grade-letter', text: grade }),
    h('span', { class: 'grade-label' }, h('strong', { text: label }), h('span', { text: `${score}/100${detail ? ` · ${detail}` : ''}` })));
}

const statusKind = (r) => (r.status == null ? 'none' : r.status >= 400 ? 'error' : r.status >= 300 ? 'redirect' : 'ok');

/** "TLS 1.3, X25519MLKEM768 · certificate for certscope.test from certscope.test, valid to …". */
function tlsText(t) {
  const cert = t.subject ? ` · certificate for ${t.subject}${t.issuer ? ` from ${t.issuer}` : ''}${t.validTo ? `, valid to ${t.validTo.slice(0, 10)}` : ''}` : '';
  return `${[t.protocol, t.keyExchange, t.cipher].filter(Boolean).join(', ')}${cert}`;
}

function chain(site) {
  return h('ol', { class: 'hops', 'data-testid': 'hops' }, site.responses.map((r) => {
    const source = r.urlSource === 'inferred' ? ' (URL inferred)' : r.urlSource === 'har' ? ' (recorded by the browser)' : '';
    return h('li', { class: 'hop' },
      h('span', { class: `status ${statusKind(r)}`, text: String(r.status ?? '—') }),
      h('div', {},
        h('div', { class: 'mono', text: `${r.recorded ? `${r.recorded.method} ` : ''}${r.url ?? '(URL not in the paste)'}` }),
        h('div', { class: 'muted', text: `${r.meaning}${source} · line ${r.line}` }),
        r.recorded?.tls ? h('div', { class: 'muted', text: tlsText(r.recorded.tls) }) : null));
  }));
}

/** A HAR file's other responses of the page: what each was, and over what. */
function subresources(site) {
  return h('table', { class: 'kv subresources', 'data-testid': 'subresources' },
    h('thead', {}, h('tr', {}, ['Status', 'Request', 'Type', 'TLS'].map((t) => h('th', { text: t })))),
    h('tbody', {}, site.subresources.map((r) => h('tr', {},
      h('td', {}, h('span', { class: `status ${statusKind(r)}`, title: r.meaning, text: String(r.status ?? '—') })),
      h('td', { class: 'value', text: `${r.recorded?.method ?? ''} ${r.url ?? ''}`.trim() }),
      h('td', { text: r.recorded?.resourceType ?? '' }),
      h('td', { text: r.recorded?.error ?? (r.recorded?.tls ? r.recorded.tls.protocol : r.url?.startsWith('http:') ? 'none (plain HTTP)' : '') })))));
}

function observatoryTable(site) {
  // Extra credit counts only when the penalties leave at least 90 (the Observatory's rule).
  const base = 100 + site.observatory.tests.filter((t) => t.judged && t.modifier < 0).reduce((sum, t) => sum + t.modifier, 0);
  const points = (t) => {
    if (!t.judged) return 'not judged';
    if (t.modifier > 0) return base >= 90 ? `+${t.modifier}` : `(+${t.modifier}) not counted below 90`;
    return String(t.modifier);
  };
  const rows = site.observatory.tests.map((t) => h('tr', { class: t.judged ? (t.pass ? 'pass' : 'fail') : 'unjudged' },
    h('th', { text: t.test }),
    h('td', { class: 'value', text: t.result }),
    h('td', { class: 'num', text: points(t) }),
    h('td', { class: 'note', text: t.note ?? '' })));
  const deductions = site.grade.deductions.map((d) => h('tr', { class: 'fail' },
    h('th', { text: 'certscope' }), h('td', { text: d.reason }), h('td', { class: 'num', text: `−${d.points}` }), h('td', { class: 'value', text: d.id })));
  return h('table', { class: 'kv tests', 'data-testid': 'observatory-tests' }, h('tbody', {}, rows, deductions));
}

function hsts(x) {
  const issues = x.preloadIssues.map((i) => h('span', { class: `chip ${i.level}`, title: i.message, text: i.code }));
  return h('dl', { class: 'facts' },
    h('dt', { text: 'HSTS' }), h('dd', {}, h('span', { class: 'mono', text: x.value })),
    h('dt', { text: 'Browsers' }), h('dd', { text: x.effective ? `honour it: ${x.maxAge} s${x.includeSubDomains ? ', subdomains too' : ''}` : `ignore it: ${x.ignoredBecause}` }),
    h('dt', { text: 'Preload list' }), h('dd', {}, x.preloadable ? 'header qualifies' : h('div', { class: 'chips' }, issues)));
}

function csp(c) {
  const fromMeta = (i) => i >= c.policies.length - (c.metaPolicies ?? 0);
  const caption = (i) => `${fromMeta(i) ? '<meta http-equiv="Content-Security-Policy"> in the page' : c.header}${c.policies.length > 1 ? ` · policy ${i + 1}` : ''}`;
  const tables = c.policies.map((p, i) => h('table', { class: 'kv' }, h('caption', { text: caption(i) }),
    h('tbody', {}, p.map((d) => h('tr', {}, h('th', { text: d.name }), h('td', { class: 'value', text: d.values.join(' ') || '(no value)' }))))));
  // What the CSP Evaluator shows, in its own groups, then certscope's additions, marked.
  const groups = Object.entries(CSP_SOURCES).map(([source, title]) => {
    const list = c.evaluator.filter((f) => f.source === source);
    if (!list.length) return null;
    return h('table', { class: `kv csp-findings ${source}`, 'data-source': source },
      h('caption', { text: `${title} · ${list.length}` }),
      h('tbody', {}, list.map((f) => h('tr', {},
        h('th', {}, h('span', { class: `chip ${f.severity === 'HIGH' ? 'error' : f.severity === 'INFO' || f.severity === 'NONE' || f.severity === 'LOW' ? 'info' : 'warning'}`, text: f.severity })),
        h('td', {}, h('span', { class: 'mono', text: `${f.type} · ${f.directive}${f.value ? ` ${f.value}` : ''}` }), h('div', { class: 'muted', text: f.description }))))));
  });
  const notes = (c.anchorNotes ?? []).map((n) => h('p', { class: 'muted', 'data-testid': 'csp-anchor-note', text: n }));
  return [...tables, h('div', { class: 'csp-groups', 'data-testid': 'csp-groups' }, groups, notes)];
}

/** The pasted page's scripts, as the SRI checks read them. */
function scripts(page) {
  const yes = (b) => (b ? '✓' : '✕');
  return h('table', { class: 'kv scripts', 'data-testid': 'page-scripts' },
    h('thead', {}, h('tr', {}, ['Line', 'Script', 'Integrity', 'crossorigin'].map((t) => h('th', { text: t })))),
    h('tbody', {}, page.scripts.map((s) => {
      // Inline and relative scripts come from the page's own origin: no hash needed.
      const own = s.src === null || !/^\s*([a-z][a-z0-9+.-]*:|\/\/)/i.test(s.src);
      return h('tr', {},
      h('td', { text: String(s.line) }),
      h('td', { class: 'value', text: s.src ?? '(inline)' }),
      h('td', { class: own && !s.integrity ? 'muted' : s.integrity ? 'ok' : 'bad', text: own && !s.integrity ? 'same origin' : yes(Boolean(s.integrity)) }),
      h('td', { text: s.crossorigin === null ? '—' : s.crossorigin || '(empty)' }));
    })));
}

function cookies(list) {
  const yes = (b) => (b ? '✓' : '✕');
  return h('table', { class: 'kv cookies' },
    h('thead', {}, h('tr', {}, ['Cookie', 'Secure', 'HttpOnly', 'SameSite', 'Domain', 'Lifetime'].map((t) => h('th', { text: t })))),
    h('tbody', {}, list.map((c) => h('tr', {},
      h('td', { class: 'value', text: c.name }),
      h('td', { class: c.secure ? 'ok' : 'bad', text: yes(c.secure) }),
      h('td', { class: c.httpOnly ? 'ok' : 'bad', text: yes(c.httpOnly) }),
      h('td', { text: c.sameSite ?? '—' }),
      h('td', { text: c.domain ?? 'this host only' }),
      h('td', { text: c.lifetime ?? 'session' })))));
}

function received(site) {
  return site.responses.map((r) => h('table', { class: 'kv' },
    h('caption', { text: `${r.version ?? ''} ${r.status ?? '(no status line)'} ${r.reason} · ${r.url ?? 'URL not in the paste'}`.trim() }),
    h('tbody', {}, r.headers.map((f) => h('tr', {}, h('th', { text: f.name }), h('td', { class: 'value', text: f.value }))))));
}

/** One site's HTTPS configuration. */
export function httpSection(site) {
  const worst = site.findings.some((f) => f.severity === 'error') ? 'error' : site.findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
  const obs = site.observatory;
  return h('section', { class: `http ${worst}`, part: 'http', 'aria-label': 'HTTPS configuration', 'data-testid': 'http' },
    h('h2', { class: 'http-title' }, 'HTTPS configuration', site.url ? h('span', { class: 'mono muted', text: ` ${site.url}` }) : null),
    h('div', { class: 'grades' },
      gradeBox('HTTP Observatory', obs.grade, obs.score, site.page ? 'reproduced from the headers and page' : 'reproduced from the headers'),
      gradeBox('certscope', site.grade.grade, site.grade.score, site.grade.deductions.length ? `${site.grade.deductions.length} stricter deductions` : 'no extra deductions')),
    chain(site),
    site.notes.length ? h('ul', { class: 'notes' }, site.notes.map((n) => h('li', { text: n }))) : null,
    h('div', { class: 'findings' }, site.findings.filter((f) => f.severity !== 'info').map(finding)),
    section(`Observatory tests (${obs.tests.filter((t) => t.judged).length} judged of ${obs.tests.length})`, observatoryTable(site)),
    site.hsts ? section('Strict-Transport-Security', hsts(site.hsts)) : null,
    site.csp || site.cspReportOnly ? section('Content-Security-Policy', ...(site.csp ? csp(site.csp) : []), ...(site.cspReportOnly ? csp(site.cspReportOnly) : [])) : null,
    section('Recommended strict CSP', h('div', { class: 'snippet' }, h('code', { text: site.recommendedCsp }), copyButton(site.recommendedCsp)),
      h('p', { class: 'muted', text: 'Replace {RANDOM} with a new random value (≥128 bits, base64) on every response, and add nonce="…" to each <script>.' })),
    site.page?.scripts.length ? section(`Scripts in the page (${site.page.scripts.length})`, scripts(site.page)) : null,
    site.cookies.length ? section(`Cookies (${site.cookies.length})`, cookies(site.cookies)) : null,
    site.subresources.length ? section(`Other responses of this page (${site.subresources.length})`, subresources(site),
      h('p', { class: 'muted', text: 'Their cookies are checked with the page\'s; their headers do not protect the page, so they are not graded.' })) : null,
    section(`Headers as received (${site.responses.reduce((n, r) => n + r.headers.length, 0)})`, received(site)),
    site.findings.some((f) => f.severity === 'info') ? section(`Notes (${site.findings.filter((f) => f.severity === 'info').length})`, h('div', { class: 'findings' }, site.findings.filter((f) => f.severity === 'info').map(finding))) : null);
}
