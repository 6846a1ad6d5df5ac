// Turns a certscope Report into DOM. Every string from the input goes through textContent
// (via h()), never through HTML parsing: certificate fields are untrusted.

import { httpSection } from './render-http.js';
import { connectionSection, requestCard, crlCard, keyCard, pkcs12Card } from './render-files.js';

// Invisible characters, bidi controls and control characters (Unicode TR #36): shown as
// marked <U+XXXX> codes instead of acting on the text around them.
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
const LOOKALIKE = /[\u0370-\u03FF\u0400-\u052F\u0531-\u058F]/u;

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
const ROLE_LABEL = { root: 'Root CA', intermediate: 'Intermediate CA', leaf: 'Leaf' };

/** "2026-01-01T00:00:00Z" → "2026-01-01 00:00 UTC". */
export function when(rfc3339) {
  return rfc3339.replace('T', ' ').replace(/:\d\dZ$/, ' UTC');
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function count(findings, severity) {
  return findings.filter((f) => f.severity === severity).length;
}

/** Everything for one report, as a fragment. `options.compact` hides details sections. */
export function renderReport(report, options = {}) {
  const frag = document.createDocumentFragment();
  const http = report.http ?? [];
  const connections = report.connections ?? [];
  const requests = report.requests ?? [];
  const crls = report.crls ?? [];
  const all = [...report.findings, ...connections.flatMap((c) => c.findings), ...http.flatMap((s) => s.findings), ...report.chains.flatMap((c) => c.findings), ...report.certificates.flatMap((c) => c.findings), ...requests.flatMap((r) => r.findings), ...crls.flatMap((c) => c.findings)];
  frag.append(summary(report, all));
  for (const c of connections) frag.append(connectionSection(c, report));
  for (const site of http) frag.append(httpSection(site));
  for (const chain of report.chains) frag.append(chainSection(report, chain));
  if (report.findings.length) {
    frag.append(h('div', { class: 'findings' }, report.findings.map(finding)));
  }
  if (report.errors.length) frag.append(problems(report.errors));
  (report.pkcs12 ?? []).forEach((p, i) => frag.append(pkcs12Card(p, i)));
  report.certificates.forEach((cert, i) => frag.append(card(cert, i, options)));
  requests.forEach((r, i) => frag.append(requestCard(r, i)));
  crls.forEach((c, i) => frag.append(crlCard(c, i, report)));
  for (const k of report.keys ?? []) frag.append(keyCard(k, report));
  return frag;
}

function summary(report, all) {
  const errors = count(all, 'error') + report.errors.length;
  const warnings = count(all, 'warning');
  const n = report.certificates.length;
  const sites = (report.http ?? []).length;
  const others = (report.requests ?? []).length + (report.crls ?? []).length + (report.connections ?? []).length + (report.keys ?? []).length + (report.pkcs12 ?? []).length;
  const level = errors ? 'error' : warnings ? 'warning' : n || sites || others ? 'ok' : 'error';
  let headline;
  if (!n && !sites && !others) headline = 'No certificate could be read';
  else if (errors) headline = `${plural(errors, 'problem')} to fix`;
  else if (warnings) headline = `${plural(warnings, 'warning')}, nothing broken`;
  else headline = 'No problems found';
  const counts = [
    n || !(sites || others) ? plural(n, 'certificate') : null,
    sites ? plural(sites, 'site') : null,
    (report.connections ?? []).length ? plural(report.connections.length, 'TLS connection') : null,
    (report.requests ?? []).length ? plural(report.requests.length, 'signing request') : null,
    (report.crls ?? []).length ? plural(report.crls.length, 'CRL') : null,
    report.errors.length ? `${plural(report.errors.length, 'block')} not readable` : null,
    (report.pending ?? []).includes('verify') ? 'signatures and chain not verified' : null,
    `evaluated at ${when(report.evaluatedAt)}`,
  ].filter(Boolean).join(' · ');
  return h('div', { class: `summary ${level}`, part: 'summary', role: 'status', 'data-testid': 'summary' },
    h('span', { class: 'headline', text: headline }),
    h('span', { class: 'counts', text: counts }));
}

/** The verdicts for one chain, browser first, with the path as a diagram. */
function chainSection(report, chain) {
  const leaf = report.certificates[chain.leaf];
  const title = leaf?.subject.commonName ?? leaf?.subject.display ?? 'certificate';
  const b = chain.browser;
  const s = chain.strict;
  const level = b.trusted ? (s.trusted ? 'ok' : 'warning') : 'error';
  const browserText = b.trusted ? b.summary : b.summary.replace(/^Not trusted: /, '');
  return h('section', { class: `chain ${level}`, part: 'chain', 'aria-label': `Chain for ${title}`, 'data-testid': 'chain' },
    h('div', { class: 'verdict' },
      h('span', { class: `verdict-mark ${b.trusted ? 'ok' : 'error'}`, 'aria-hidden': 'true', text: b.trusted ? '✓' : '✕' }),
      h('div', {},
        h('div', { class: 'verdict-title', text: b.trusted ? 'Browsers trust this chain' : 'Browsers will not trust this chain' }),
        h('div', { class: 'verdict-text', 'data-testid': 'browser-verdict', text: browserText }),
        h('div', { class: `strict ${s.trusted ? 'ok' : 'warning'}`, 'data-testid': 'strict-verdict' },
          h('strong', { text: 'Strict (RFC 5280 + CA/B Forum): ' }),
          s.trusted ? 'passes'
            : !b.trusted && s.problem?.message === b.problem?.message ? 'fails for the same reason'
              : s.summary.replace(/^Not trusted: /, 'fails — ')))),
    diagram(report, b),
    chain.findings.length ? h('div', { class: 'findings' }, chain.findings.map(finding)) : null);
}

function diagram(report, verdict) {
  const nodes = verdict.path.map((link) => {
    const cert = link.certificate == null ? null : report.certificates[link.certificate];
    const name = cert?.subject.commonName ?? link.name;
    const where = link.certificate == null
      ? (verdict.anchor?.source === 'mozilla' ? "in Mozilla's root store" : 'your trusted root')
      : `certificate ${link.certificate + 1}`;
    const state = link.failed ? 'error' : verdict.trusted ? 'ok' : 'neutral';
    return h('li', { class: `node ${state}` },
      h('span', { class: 'node-kind', text: link.kind }),
      h('span', { class: 'node-name' }, nameNode(name)),
      h('span', { class: 'node-where', text: where }));
  });
  if (!verdict.trusted && !verdict.path.some((l) => l.kind === 'root')) {
    nodes.push(h('li', { class: 'node missing' },
      h('span', { class: 'node-kind', text: 'issuer' }),
      h('span', { class: 'node-name', text: verdict.problem?.code === 'unknown-issuer' ? 'missing' : 'not reached' }),
      h('span', { class: 'node-where', text: 'no trusted root found' })));
  }
  return h('ol', { class: 'diagram', 'aria-label': 'Certificate path, leaf first' }, nodes);
}

function problems(errors) {
  return h('div', { class: 'problems', part: 'problems', 'data-testid': 'problems' },
    h('h3', { text: 'Could not read' }),
    h('ul', {}, errors.map((p) => h('li', {},
      h('span', { class: 'where', text: where(p.location) }), ' ', p.message))));
}

function where(loc) {
  return loc.line == null
    ? `block ${loc.block}, byte ${loc.byteOffset}:`
    : `block ${loc.block}, line ${loc.line}:`;
}

function validityLevel(v) {
  if (v.state !== 'valid') return 'error';
  return v.days < 30 ? 'warning' : 'ok';
}

function validityBadge(v) {
  const text = v.state === 'valid' ? (v.days < 30 ? `Expires in ${plural(v.days, 'day')}` : 'Valid')
    : v.state === 'expired' ? 'Expired' : 'Not yet valid';
  return h('span', { class: `badge ${validityLevel(v)}`, text });
}

function card(cert, index, options) {
  const title = cert.subject.commonName ?? cert.names[0] ?? cert.subject.display ?? '(empty subject)';
  const issuer = cert.selfSigned ? 'Self-signed: its signature verifies with its own key'
    : cert.selfIssued ? 'Names itself as issuer, but its signature does not verify with its own key'
      : `Issued by ${cert.issuer.commonName ?? cert.issuer.display}`;
  const el = h('article', { class: 'card', part: 'card', 'aria-label': `Certificate ${index + 1}: ${title}`, 'data-testid': 'certificate' },
    h('div', { class: 'card-head' },
      h('div', {},
        h('h3', { class: 'card-title' }, nameNode(title)),
        h('div', { class: 'card-sub', text: issuer })),
      h('div', { class: 'badges' },
        h('span', { class: 'badge role', text: ROLE_LABEL[cert.role] ?? cert.role }),
        validityBadge(cert.validity))),
    timeline(cert.validity),
    facts(cert),
    cert.findings.length ? h('div', { class: 'findings' }, cert.findings.map(finding)) : null);
  if (!options.compact) {
    el.append(
      section(`Subject and issuer`, names(cert)),
      section(`Extensions (${cert.extensions.length})`, extensions(cert.extensions)),
      section('PEM', h('pre', { class: 'mono', text: cert.pem }), copyButton(cert.pem, 'Copy PEM')));
    if (options.asn1) el.append(asn1Section(cert.pem, options.asn1));
  }
  return el;
}

/** The raw ASN.1 tree, computed when first opened. `load(pem)` resolves to Asn1Node[]. */
function asn1Section(pem, load) {
  const body = h('div', { class: 'asn1', text: 'Reading…' });
  const details = section('ASN.1 structure', body);
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = 'true';
    try {
      body.replaceChildren(h('ul', { class: 'asn1-tree' }, (await load(pem)).map(asn1Node)));
    } catch (err) {
      body.replaceChildren(String(err?.message ?? err));
    }
  });
  return details;
}

function asn1Node(node) {
  return h('li', {},
    h('span', { class: 'asn1-tag', text: node.tag }), ' ',
    h('span', { class: 'asn1-meta', text: `@${node.offset} (${node.headerLength}+${node.length})` }),
    node.value ? [' ', h('span', { class: 'asn1-value', text: node.value })] : null,
    node.children.length ? h('ul', {}, node.children.map(asn1Node)) : null);
}

function timeline(v) {
  const level = validityLevel(v);
  return h('div', { class: `timeline ${level}` },
    h('div', { class: 'bar', role: 'img', 'aria-label': `${v.elapsedPercent}% of the lifetime has passed` },
      h('div', { class: 'elapsed', vars: { '--elapsed': `${v.elapsedPercent}%` } })),
    h('div', { class: 'ends' },
      h('span', { text: when(v.notBefore) }),
      h('span', { class: 'state', text: `${v.summary} · ${plural(v.lifetimeDays, 'day')} in all` }),
      h('span', { text: when(v.notAfter) })));
}

function facts(cert) {
  const rows = [];
  const row = (label, ...value) => rows.push(h('dt', { text: label }), h('dd', {}, ...value));
  if (cert.names.length) {
    const san = cert.extensions.find((e) => e.value.kind === 'subjectAltName')?.value.names ?? [];
    const unicode = new Map(san.filter((n) => n.unicode).map((n) => [n.value, n.unicode]));
    row(`Valid for (${cert.names.length})`, h('div', { class: 'chips' }, cert.names.map((n) =>
      h('span', { class: 'chip', title: unicode.has(n) ? n : null }, nameNode(unicode.has(n) ? `${unicode.get(n)} (${n})` : n)))));
  }
  row('Subject', h('span', { class: 'mono', text: cert.subject.display }));
  row('Key', cert.publicKey.description);
  row('Signature', cert.signatureAlgorithm.name);
  row('Serial', h('span', { class: 'mono', text: cert.serial }));
  row('SHA-256', fingerprint(cert.fingerprints.sha256));
  row('SHA-1', fingerprint(cert.fingerprints.sha1));
  row('SPKI pin', fingerprint(cert.fingerprints.spkiSha256));
  return h('dl', { class: 'facts' }, rows);
}

function fingerprint(value) {
  return h('div', { class: 'fp' }, h('span', { class: 'mono', text: value }), copyButton(value));
}

export function copyButton(value, label = 'Copy') {
  const button = h('button', { type: 'button', class: 'copy', text: label, 'aria-label': `${label}: ${value.slice(0, 40)}` });
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(value);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Copy failed';
    }
    setTimeout(() => { button.textContent = label; }, 1500);
  });
  return button;
}

export function section(title, ...content) {
  return h('details', { class: 'section' }, h('summary', { text: title }), ...content);
}

function names(cert) {
  const rows = (who, name) => name.attributes.map((a) => h('tr', {},
    h('th', { text: `${who} ${a.short}` }), h('td', { class: 'value', text: a.value })));
  return h('table', { class: 'kv' }, h('tbody', {}, rows('Subject', cert.subject), rows('Issuer', cert.issuer)));
}

function extensions(list) {
  return h('table', { class: 'kv' }, h('tbody', {}, list.map((e) => h('tr', {},
    h('th', {}, e.name, e.critical ? h('div', { class: 'crit', text: 'critical' }) : null),
    h('td', { class: 'value' }, extensionValue(e.value))))));
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
    case 'invalid': return [`Cannot be decoded: ${v.error}`, v.hex];
    default: return [v.hex ?? ''];
  }
}

function extensionValue(v) {
  return extensionLines(v).map((line) => h('div', { text: line }));
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
        : f.reference.label, ` · ${f.id}`)));
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
    f.observatory ? `Observatory: ${f.observatory}` : null,
    f.cspEvaluator ? `CSP Evaluator: ${f.cspEvaluator.type} (${f.cspEvaluator.severity})` : null,
    f.hstsPreload?.length ? `Preload list: ${f.hstsPreload.join(', ')}` : null,
  ].filter(Boolean);
  return ids.length ? h('p', { class: 'interop', text: ids.join(' · ') }) : null;
}
