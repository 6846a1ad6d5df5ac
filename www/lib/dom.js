// The DOM helpers every renderer shares: h() builds elements with text content only (every
// string from the input is untrusted and never parsed as HTML), hidden characters made
// visible, and the parts that appear in every section (findings, copy buttons, extension
// lines). render.js, render-files.js and render-http.js import from here and not from each
// other's callers, so the imports run one way.

// Invisible characters, bidi controls and control characters (Unicode TR #36): shown as
// marked <U+XXXX> codes instead of acting on the text around them.
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

const LOOKALIKE = /[\u0370-\u03FF\u0400-\u052F\u0531-\u058F]/u;

/** Whose rule a CSP finding follows, as the page names it. */
export const CSP_SOURCES = {
  evaluator: 'CSP Evaluator',
  'evaluator-strict': 'CSP Evaluator, strict CSP',
  'evaluator-reporting': 'CSP Evaluator, reporting (Lighthouse)',
  certscope: "certscope's own, in the Evaluator's terms",
};

/** Text as nodes, with hidden characters made visible. */
export function textNodes(value) {
  const text = String(value);
  const out = [];
  let last = 0;
  for (const m of text.matchAll(HIDDEN)) {
    out.push(text.slice(last, m.index));
    const code = `U+${m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const mark = document.createElement('span');
    mark.className = 'hidden-char';
    mark.title = `Hidden character ${code}: invisible, reorders text or controls a terminal`;
    mark.textContent = `<${code}>`;
    out.push(mark);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out.filter((n) => n !== '');
}

/** A name, marked when it mixes Latin with look-alike letters from another script. */
export function nameNode(value) {
  const text = String(value);
  if (!(/[A-Za-z]/.test(text) && LOOKALIKE.test(text))) return h('span', {}, text);
  return h('span', { class: 'confusable', title: 'Mixes Latin with look-alike letters from another script' },
    h('span', { class: 'confusable-mark', 'aria-label': 'Warning: look-alike letters', text: '⚠' }), ' ', text);
}

/** Creates an element. Strings become text nodes (hidden characters made visible); nothing is parsed as HTML. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.append(...textNodes(value));
    else if (key === 'vars') for (const [name, v] of Object.entries(value)) el.style.setProperty(name, v);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    if (child instanceof Node) el.append(child);
    else el.append(...textNodes(child));
  }
  return el;
}

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' };

/** "2026-01-01T00:00:00Z" → "2026-01-01 00:00 UTC". */
export function when(rfc3339) {
  return rfc3339.replace('T', ' ').replace(/:\d\dZ$/, ' UTC');
}

/** Copies `text` to the clipboard and says so on `button` for a moment. */
export async function copy(text, button) {
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Copy failed';
  }
  setTimeout(() => { button.textContent = label; }, 1500);
}

export function copyButton(value, label = 'Copy') {
  const button = h('button', { type: 'button', class: 'copy', text: label, 'aria-label': `${label}: ${value.slice(0, 40)}` });
  button.addEventListener('click', () => copy(value, button));
  return button;
}

/** A definition list of [label, value] rows; rows without a value are left out. */
export function facts(rows) {
  const items = rows.filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && !v.length));
  return h('dl', { class: 'facts' }, items.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', {}, v)]));
}

export function section(title, ...content) {
  return h('details', { class: 'section' }, h('summary', { text: title }), ...content);
}

const joinNames = (list) => list.map((n) => `${n.kind}: ${n.value}${n.unicode ? ` (${n.unicode})` : ''}`);

/** One extension value as lines of text. */
export function extensionLines(v) {
  switch (v.kind) {
    case 'subjectAltName': case 'issuerAltName': return joinNames(v.names);
    case 'keyUsage': return [v.usages.join(', ')];
    case 'extendedKeyUsage': return v.purposes.map((p) => (p.name === p.oid ? p.oid : `${p.name} (${p.oid})`));
    case 'basicConstraints': return [v.ca ? `CA${v.pathLen == null ? '' : `, at most ${v.pathLen} CA below`}` : 'Not a CA'];
    case 'subjectKeyIdentifier': return [v.keyId];
    case 'authorityKeyIdentifier': return [v.keyId && `key id ${v.keyId}`, ...joinNames(v.issuer), v.serial && `serial ${v.serial}`].filter(Boolean);
    case 'infoAccess': return v.entries.map((e) => `${e.method}: ${e.location.value}`);
    case 'crlDistributionPoints': return v.points.map((p) => p.value);
    case 'certificatePolicies': return v.policies.map((p) => [p.name ? `${p.name} (${p.oid})` : p.oid, ...p.cps.map((u) => `  CPS ${u}`)].join('\n'));
    case 'nameConstraints': return [...v.permitted.map((n) => `permit ${n.kind}: ${n.value}`), ...v.excluded.map((n) => `exclude ${n.kind}: ${n.value}`)];
    case 'policyConstraints': return [`requireExplicitPolicy ${v.requireExplicitPolicy ?? '—'}, inhibitPolicyMapping ${v.inhibitPolicyMapping ?? '—'}`];
    case 'inhibitAnyPolicy': return [`skip ${v.skipCerts}`];
    case 'policyMappings': return v.mappings;
    case 'signedCertificateTimestamps': return v.scts.map((s) => `${s.timestamp} · log ${s.logId} · ${s.signatureAlgorithm}`);
    case 'precertificatePoison': return ['Precertificate: not usable for TLS'];
    case 'tlsFeature': return v.features;
    case 'altPublicKey': return [v.key.description];
    case 'altSignatureAlgorithm': return [v.algorithm.name];
    case 'altSignatureValue': return [`${v.bytes} bytes`];
    case 'invalid': return [`Cannot be decoded: ${v.error}`, v.hex];
    default: return [v.hex ?? ''];
  }
}

let findingDocs = null;

/**
 * Makes finding ids link to `url#id` (a page with an anchor per id: docs/findings.md); only
 * http(s) and relative URLs are taken.
 */
export function linkFindingsTo(url) {
  const parsed = url ? new URL(url, document.baseURI) : null;
  findingDocs = parsed && /^https?:$/.test(parsed.protocol) ? parsed.href : null;
}

export function finding(f) {
  const safeUrl = /^https:\/\//.test(f.reference.url) ? f.reference.url : null;
  return h('details', { class: `finding ${f.severity}`, part: `finding ${f.severity}`, 'data-finding': f.id },
    h('summary', {},
      h('span', { class: `sev ${f.severity}`, text: SEVERITY_LABEL[f.severity] ?? f.severity }),
      h('span', { text: f.title })),
    h('div', { class: 'body' },
      h('p', { text: f.explanation }),
      f.evidence ? h('p', { class: 'evidence', text: f.evidence }) : null,
      f.fix ? h('p', { class: 'fix' }, h('strong', { text: 'Fix: ' }), f.fix) : null,
      f.snippets ? snippets(f.snippets) : null,
      interop(f),
      h('p', {}, 'See ', safeUrl
        ? h('a', { href: safeUrl, target: '_blank', rel: 'noopener noreferrer', text: f.reference.label })
        : f.reference.label, ' · ', findingDocs
        ? h('a', { href: `${findingDocs}#${encodeURIComponent(f.id)}`, class: 'finding-id', title: 'This finding in certscope\'s documentation', text: f.id })
        : f.id)));
}

// The requirements a lint finding was judged by (Finding.profile).
const PROFILE_LABEL = {
  'tls-server': 'CA/B Forum TLS Baseline Requirements',
  smime: 'CA/B Forum S/MIME Baseline Requirements',
  'code-signing': 'CA/B Forum Code Signing Baseline Requirements',
  rfc5280: 'RFC 5280 and the rules for every certificate',
};

/**
 * Findings grouped by the requirements they were judged by, most severe first within each
 * group: what certscope says of the object itself (`own` names that group), then each set of
 * rules, then RFC 5280 (`labels` overrides a group's name). `judged` is a line saying which
 * rules applied, or null. Findings of one group only are listed plainly.
 */
export function findingGroups(findings, { judged = null, own, labels = {} }) {
  if (!findings.length) return null;
  const order = [null, 'tls-server', 'smime', 'code-signing', 'rfc5280'];
  const groups = order.map((p) => [p, findings.filter((f) => (f.profile ?? null) === p)]).filter(([, fs]) => fs.length);
  if (groups.length === 1 && groups[0][0] === null) return h('div', { class: 'findings' }, findings.map(finding));
  const tally = (fs) => ['error', 'warning', 'info'].map((s) => [s, fs.filter((f) => f.severity === s).length]).filter(([, n]) => n)
    .map(([s, n]) => `${n} ${s === 'info' ? 'note' : s}${n === 1 ? '' : 's'}`).join(', ');
  return h('div', { class: 'findings', 'data-testid': 'finding-groups' },
    judged ? h('p', { class: 'profiles muted', text: judged }) : null,
    groups.map(([p, fs]) => h('section', { class: 'finding-group', 'data-profile': p ?? 'own' },
      h('h4', {},
        h('span', { text: p ? labels[p] ?? PROFILE_LABEL[p] : own }),
        h('span', { class: 'group-count muted', text: tally(fs) })),
      fs.map(finding))));
}

/** The header line and server directives that apply a fix, each with a copy button. */
function snippets(s) {
  const rows = [['Header', s.header], ['nginx', s.nginx], ['Apache', s.apache], ['Caddy', s.caddy]]
    .filter(([, v]) => v)
    .map(([label, v]) => h('div', { class: 'snippet' },
      h('span', { class: 'snippet-label', text: label }),
      h('code', { text: v }),
      copyButton(v)));
  return h('div', { class: 'snippets', 'data-testid': 'snippets' }, rows);
}

/** The same problem in the vocabulary of the tools users compare with. */
function interop(f) {
  const ids = [
    f.zlint ? `zlint: ${f.zlint}` : null,
    f.pkilint ? `pkilint: ${f.pkilint}` : null,
    f.observatory ? `Observatory: ${f.observatory}` : null,
    f.cspEvaluator ? `${CSP_SOURCES[f.cspEvaluator.source] ?? 'CSP Evaluator'}: ${f.cspEvaluator.type} (${f.cspEvaluator.severity})` : null,
    f.hstsPreload?.length ? `Preload list: ${f.hstsPreload.join(', ')}` : null,
  ].filter(Boolean);
  return ids.length ? h('p', { class: 'interop', text: ids.join(' · ') }) : null;
}
