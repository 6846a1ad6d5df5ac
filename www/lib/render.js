// Turns a certscope Report into DOM. Every string from the input goes through textContent
// (via h()), never through HTML parsing: certificate fields are untrusted.

import { copyButton, extensionLines, finding, findingGroups, h, nameNode, section, when } from './dom.js';
import { connectionSection, requestCard, crlCard, keyCard, pkcs12Card } from './render-files.js';

export { h, when };

const ROLE_LABEL = { root: 'Root CA', intermediate: 'Intermediate CA', leaf: 'Leaf' };

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function count(findings, severity) {
  return findings.filter((f) => f.severity === severity).length;
}

/**
 * A placeholder that `load(slot)`'s node replaces once its script has arrived (by then the
 * slot is in the document or shadow root, which `load` may read from it).
 */
function later(load) {
  const slot = h('div', { class: 'muted', 'aria-busy': 'true', text: 'Loading…' });
  load(slot).then((node) => slot.replaceWith(node), () => slot.replaceWith(h('p', { class: 'err-text', text: 'This part of the report could not be loaded; reload the page.' })));
  return slot;
}

/** Everything for one report, as a fragment. `options.compact` hides details sections. */
export function renderReport(report, options = {}) {
  const frag = document.createDocumentFragment();
  const http = report.http ?? [];
  const connections = report.connections ?? [];
  const requests = report.requests ?? [];
  const crls = report.crls ?? [];
  const dns = report.dns ?? [];
  const ocsp = report.ocsp ?? [];
  const all = [...ocsp.flatMap((o) => o.findings), ...report.findings, ...connections.flatMap((c) => c.findings), ...http.flatMap((s) => s.findings), ...dns.flatMap((d) => d.findings), ...report.chains.flatMap((c) => c.findings), ...report.certificates.flatMap((c) => c.findings), ...requests.flatMap((r) => r.findings), ...crls.flatMap((c) => c.findings), ...(report.document?.findings ?? [])];
  frag.append(summary(report, all));
  // Connections read from a capture are shown with their timeline, by render-capture.js.
  for (const c of connections.filter((c) => c.tool !== 'capture')) frag.append(connectionSection(c, report));
  for (const cap of report.captures ?? []) frag.append(later((slot) => import('./render-capture.js').then((m) => m.captureSection(cap, report, slot.getRootNode()))));
  // Sites and documents are rendered by their own scripts, fetched only when such input was
  // pasted (an embedded certificate needs neither).
  for (const site of http) frag.append(later(() => import('./render-http.js').then((m) => m.httpSection(site))));
  for (const d of dns) frag.append(later(() => import('./render-dns.js').then((m) => m.dnsSection(d, report))));
  if (report.document) frag.append(later(() => import('./render-document.js').then((m) => m.documentSection(report.document))));
  for (const chain of report.chains) frag.append(chainSection(report, chain, options));
  if (report.findings.length) {
    frag.append(h('div', { class: 'findings' }, report.findings.map(finding)));
  }
  if (report.errors.length) frag.append(problems(report.errors));
  (report.pkcs12 ?? []).forEach((p, i) => frag.append(pkcs12Card(p, i)));
  report.certificates.forEach((cert, i) => frag.append(card(cert, i, options)));
  requests.forEach((r, i) => frag.append(requestCard(r, i)));
  crls.forEach((c, i) => frag.append(crlCard(c, i, report)));
  ocsp.forEach((o, i) => frag.append(later(() => import('./render-ocsp.js').then((m) => m.ocspCard(o, i, report)))));
  (report.ocspRequests ?? []).forEach((q, i) => frag.append(later(() => import('./render-ocsp.js').then((m) => m.ocspRequestCard(q, i, report)))));
  for (const k of report.keys ?? []) frag.append(keyCard(k, report));
  return frag;
}

function summary(report, all) {
  const errors = count(all, 'error') + report.errors.length;
  const warnings = count(all, 'warning');
  const n = report.certificates.length;
  const sites = (report.http ?? []).length;
  const others = (report.dns ?? []).length + (report.requests ?? []).length + (report.crls ?? []).length + (report.connections ?? []).length + (report.keys ?? []).length + (report.pkcs12 ?? []).length + (report.ocsp ?? []).length + (report.ocspRequests ?? []).length + (report.document ? 1 : 0);
  const level = errors ? 'error' : warnings ? 'warning' : n || sites || others ? 'ok' : 'error';
  let headline;
  if (!n && !sites && !others) headline = 'No certificate could be read';
  else if (errors) headline = `${plural(errors, 'problem')} to fix`;
  else if (warnings) headline = `${plural(warnings, 'warning')}, nothing broken`;
  else headline = 'No problems found';
  const counts = [
    n || !(sites || others) ? plural(n, 'certificate') : null,
    sites ? plural(sites, 'site') : null,
    (report.dns ?? []).length ? plural(report.dns[0].records.length, 'DNS record') : null,
    (report.connections ?? []).length ? plural(report.connections.length, 'TLS connection') : null,
    (report.requests ?? []).length ? plural(report.requests.length, 'signing request') : null,
    (report.crls ?? []).length ? plural(report.crls.length, 'CRL') : null,
    (report.ocsp ?? []).length ? plural(report.ocsp.length, 'OCSP response') : null,
    (report.ocspRequests ?? []).length ? plural(report.ocspRequests.length, 'OCSP request') : null,
    report.document?.kind === 'jwks' ? plural(report.document.keys.length, 'JSON Web Key') : null,
    report.document?.kind === 'ssh' ? plural(report.document.keys.length, 'SSH key') : null,
    report.document?.kind === 'saml' ? plural(report.document.entities.length, 'SAML entity').replace('entitys', 'entities') : null,
    report.errors.length ? `${plural(report.errors.length, 'block')} not readable` : null,
    (report.pending ?? []).includes('verify') ? 'signatures and chain not verified' : null,
    `evaluated at ${when(report.evaluatedAt)}`,
  ].filter(Boolean).join(' · ');
  return h('div', { class: `summary ${level}`, part: 'summary', role: 'status', 'data-testid': 'summary' },
    h('span', { class: 'headline', text: headline }),
    h('span', { class: 'counts', text: counts }));
}

/**
 * The verdicts for one chain, browser first, with the path as a diagram, and the fix-it panel
 * (`options.addFiles(files)`, when given, adds files to the input from that panel).
 */
function chainSection(report, chain, options) {
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
              : s.summary.replace(/^Not trusted: /, 'fails — ')),
        chain.rfc5280 ? rfc5280Line(chain.rfc5280) : null)),
    diagram(report, b),
    chain.findings.length ? h('div', { class: 'findings' }, chain.findings.map(finding)) : null,
    chain.fix ? later((slot) => import('./render-fix.js').then((m) => m.fixPanel(chain.fix, slot.getRootNode(), options.addFiles))) : null,
    chain.ct ? later((slot) => import('./render-ct.js').then((m) => m.ctPanel(chain.ct, slot.getRootNode()))) : null,
    chain.rfc5280?.policy ? later((slot) => import('./render-policy.js').then((m) => m.policyPanel(chain.rfc5280.policy, report, slot.getRootNode()))) : null);
}

/** The rfc5280 verdict, asked for in the options: one line beside the strict one. */
function rfc5280Line(v) {
  return h('div', { class: `strict ${v.trusted ? 'ok' : 'warning'}`, 'data-testid': 'rfc5280-verdict' },
    h('strong', { text: 'RFC 5280 with certificate policies: ' }),
    v.trusted ? 'passes' : v.summary.replace(/^Not trusted: /, 'fails — '));
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

const PROFILE_KIND = { 'tls-server': 'a TLS server certificate', smime: 'an S/MIME certificate', 'code-signing': 'a code-signing certificate' };

/**
 * A certificate's findings grouped by the requirements they were judged by: what certscope says
 * of the certificate itself, then each set of rules its kind falls under (the profiles, as zlint
 * and pkilint detect them), then RFC 5280.
 */
function certFindings(cert) {
  const kinds = (cert.profiles ?? []).filter((p) => PROFILE_KIND[p]).map((p) => PROFILE_KIND[p]);
  const judged = kinds.length ? `Judged as ${kinds.join(' and ')}, and by RFC 5280.` : 'Judged by RFC 5280 only: it is not a TLS server, S/MIME or code-signing certificate.';
  return findingGroups(cert.findings, { judged, own: 'This certificate' });
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
    certFindings(cert));
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
  if (cert.altSignature) row('Second signature', altSignature(cert.altSignature));
  row('Serial', h('span', { class: 'mono', text: cert.serial }));
  row('SHA-256', fingerprint(cert.fingerprints.sha256));
  row('SHA-1', fingerprint(cert.fingerprints.sha1));
  row('SPKI pin', fingerprint(cert.fingerprints.spkiSha256));
  return h('dl', { class: 'facts' }, rows);
}

const ALT_LEVEL = { verified: 'ok', invalid: 'error' };

/** A hybrid certificate's alternative signature (X.509 2019) and whether it verifies. */
function altSignature(alt) {
  const level = ALT_LEVEL[alt.status] ?? 'warning';
  return h('span', {},
    h('span', { class: `badge ${level}`, text: alt.status === 'verified' ? 'Verified' : alt.status === 'invalid' ? 'Does not verify' : 'Not checked' }),
    ` ${alt.algorithm || 'unknown algorithm'}: ${alt.detail}`);
}

function fingerprint(value) {
  return h('div', { class: 'fp' }, h('span', { class: 'mono', text: value }), copyButton(value));
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

function extensionValue(v) {
  return extensionLines(v).map((line) => h('div', { text: line }));
}
