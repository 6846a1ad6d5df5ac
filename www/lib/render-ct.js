// The Certificate Transparency panel of a chain's end entity (`chain.ct`, made by the verify
// module): each embedded SCT with its log, operator and verified signature, and Chrome's and
// Apple's CT policies in words. Text only, through h(); loaded only for certificates with SCTs.
import { h, finding, when } from './dom.js';
import { sheet } from './report-style.js';

const css = sheet(`
.ct-panel { margin: 12px 0 6px; padding: 10px 14px; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); }
.ct-panel > summary { cursor: pointer; font-weight: 600; }
.ct-panel .policy { margin: 8px 0 4px; }
.ct-panel .policy .mark { font-weight: 700; margin-right: 6px; }
.ct-panel .policy.ok .mark { color: var(--ok); }
.ct-panel .policy.bad .mark { color: var(--err); }
.ct-panel td.ok { color: var(--ok); }
.ct-panel td.bad { color: var(--err); font-weight: 600; }
.ct-panel .source { color: var(--muted); font-size: 12.5px; margin: 6px 0 0; }
`);

const SIGNATURE = {
  verified: ['✓ verified', 'ok'],
  invalid: ['✕ does not verify', 'bad'],
  'unknown-log': ['? unknown log', ''],
  'no-issuer': ['issuer needed', ''],
  unsupported: ['✕ algorithm not allowed', 'bad'],
};

const SOURCE = { embedded: 'in the certificate', tls: 'in the TLS handshake', ocsp: 'in an OCSP response', server: 'by the server (TLS or OCSP)' };

const CHROME = { qualified: 'listed', retired: 'retired', absent: 'not listed' };

const day = (t) => (t ? ` ${t.slice(0, 10)}` : '');

/** The log's state in Chrome's list, and in Apple's with the date it entered it. */
function states(log) {
  if (!log) return ['—', '—'];
  const apple = log.apple ? `${log.apple.state} since${day(log.apple.since)}` : 'not listed';
  return [CHROME[log.state] + (log.state === 'retired' ? day(log.retired) : ''), apple];
}

function policy(browser, v) {
  return h('p', { class: `policy ${v.compliant ? 'ok' : 'bad'}`, 'data-testid': `ct-${browser.toLowerCase()}` },
    h('span', { class: 'mark', 'aria-hidden': 'true', text: v.compliant ? '✓' : '✕' }),
    h('strong', { text: `${browser}: ` }),
    v.explanation);
}

function row(s) {
  const [text, level] = SIGNATURE[s.signature] ?? [s.signature, ''];
  const [chrome, apple] = states(s.log);
  return h('tr', {},
    h('td', { class: 'value', text: s.log?.name ?? s.logId }),
    h('td', { text: s.log?.operator ?? '—' }),
    h('td', { text: chrome }),
    h('td', { text: apple }),
    h('td', { text: when(s.timestamp) }),
    h('td', { text: SOURCE[s.source] ?? s.source }),
    h('td', { class: level, title: s.detail ?? '', text: s.detail && level !== 'ok' ? `${text}: ${s.detail}` : text }));
}

/** The panel for one chain's CT check, its styles added to `root`. */
export function ctPanel(ct, root) {
  if (root?.adoptedStyleSheets && !root.adoptedStyleSheets.includes(css)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, css];
  const verified = ct.scts.filter((s) => s.signature === 'verified').length;
  return h('details', { class: 'ct-panel', 'data-testid': 'ct-panel', open: ct.findings.some((f) => f.severity === 'error') },
    h('summary', { text: `Certificate Transparency: ${ct.scts.length} SCT${ct.scts.length === 1 ? '' : 's'}, ${verified} verified — Chrome ${ct.chrome.compliant ? 'satisfied' : 'not satisfied'}` }),
    policy('Chrome', ct.chrome),
    policy('Apple', ct.apple),
    h('table', { class: 'kv', 'data-testid': 'ct-scts' },
      h('thead', {}, h('tr', {}, ['Log', 'Operator', 'Chrome', 'Apple', 'Logged', 'Delivered', 'Signature'].map((t) => h('th', { text: t })))),
      h('tbody', {}, ct.scts.map(row))),
    ct.findings.length ? h('div', { class: 'findings' }, ct.findings.map(finding)) : null,
    h('p', { class: 'source', text: `Logs from ${ct.logList}.` }));
}
