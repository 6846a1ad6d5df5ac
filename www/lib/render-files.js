// Everything else a paste can hold: TLS connections from s_client / curl -v transcripts,
// certificate signing requests, CRLs and private keys (described by their public half only).
// Text only, through h().

import { h, facts, finding, findingGroups, section, extensionLines, when } from './dom.js';

/** A TLS connection read from a transcript. */
export function connectionSection(c, report) {
  const ok = c.verify ? c.verify.ok : null;
  const level = c.findings.some((f) => f.severity === 'error') ? 'error' : c.findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
  const cipher = c.cipher && c.cipherInfo
    ? `${c.cipher} — ${c.cipherInfo.encryption}, key exchange ${c.cipherInfo.keyExchange}${c.cipherInfo.forwardSecrecy ? ' (forward secret)' : ' (no forward secrecy)'}`
    : c.cipher;
  const chain = c.chain.map((l) => h('li', {},
    h('span', { class: 'mono', text: `${l.depth} s: ${l.subject}` }),
    h('div', { class: 'muted mono', text: `   i: ${l.issuer}` }),
    l.certificate == null ? h('div', { class: 'muted', text: 'not among the certificates read' }) : h('div', { class: 'muted', text: `= certificate ${l.certificate + 1}` })));
  return h('section', { class: `connection ${level}`, part: 'connection', 'aria-label': 'TLS connection', 'data-testid': 'connection' },
    h('h2', { class: 'http-title' }, `TLS connection (${c.tool})`, c.host ? h('span', { class: 'mono muted', text: ` ${c.host}${c.port ? `:${c.port}` : ''}` }) : null),
    facts([
      ['Protocol', c.protocol],
      ['Cipher suite', cipher],
      ['Key exchange', c.group ? `${c.group}${c.postQuantum ? ' (post-quantum hybrid)' : ''}` : null],
      ['Quantum-safe?', c.quantum ? h('span', { 'data-testid': 'quantum', text: c.quantum.summary }) : null],
      ['Server signature', c.peerSignature],
      ['ALPN', c.alpn ?? (c.protocol ? 'none (HTTP/1.1)' : null)],
      ['OCSP stapling', c.ocsp],
      ['Verify', c.verify ? h('span', { class: ok ? 'ok-text' : 'err-text', text: `${c.verify.code != null ? `${c.verify.code} ` : ''}${c.verify.text}` }) : null],
    ]),
    c.verify && !c.verify.ok ? h('p', { class: 'muted', text: c.verify.meaning }) : null,
    c.quantum ? h('p', { class: 'muted', 'data-testid': 'quantum-explanation', text: c.quantum.explanation }) : null,
    c.findings.length ? h('div', { class: 'findings' }, c.findings.map(finding)) : null,
    c.steps.length ? section('The handshake, step by step', h('ol', { class: 'steps' }, c.steps.map((s) => h('li', { text: s })))) : null,
    c.chain.length ? section(`Chain as sent (${c.chain.length})`, h('ol', { class: 'sent-chain' }, chain)) : null,
    c.serverCertificate.length ? section('Server certificate (as curl printed it)', facts(c.serverCertificate.map(([k, v]) => [k, v]))) : null);
}

/** A certificate signing request. */
export function requestCard(r, i) {
  const title = r.subject.commonName ?? r.names[0] ?? r.subject.display ?? '(empty subject)';
  return h('article', { class: 'card', part: 'card', 'aria-label': `Signing request ${i + 1}: ${title}`, 'data-testid': 'request' },
    h('div', { class: 'card-head' },
      h('div', {}, h('h3', { class: 'card-title', text: title }), h('div', { class: 'card-sub', text: 'Certificate signing request (PKCS#10): what will be asked of the CA' })),
      h('div', { class: 'badges' },
        h('span', { class: 'badge role', text: 'CSR' }),
        h('span', { class: `badge ${r.signatureValid ? 'ok' : 'error'}`, text: r.signatureValid ? 'Signature verifies' : 'Bad signature' }))),
    facts([
      ['Names requested', r.names.length ? h('div', { class: 'chips' }, r.names.map((n) => h('span', { class: 'chip', text: n }))) : 'none'],
      ['Subject', h('span', { class: 'mono', text: r.subject.display })],
      ['Key', r.publicKey.description],
      ['Signature', r.signatureAlgorithm.name],
      ['SPKI pin', h('span', { class: 'mono', text: r.spkiSha256 })],
      ['Attributes', r.attributes.map((a) => a.name).join(', ')],
    ]),
    r.findings.length ? h('div', { class: 'findings' }, r.findings.map(finding)) : null,
    r.extensions.length ? section(`Requested extensions (${r.extensions.length})`, h('table', { class: 'kv' }, h('tbody', {},
      r.extensions.map((e) => h('tr', {}, h('th', { text: e.name }), h('td', { class: 'value' }, extensionLines(e.value).map((l) => h('div', { text: l })))))))) : null);
}

/** A certificate revocation list. */
export function crlCard(c, i, report) {
  const signer = c.signedBy == null ? null : report.certificates[c.signedBy];
  return h('article', { class: 'card', part: 'card', 'aria-label': `CRL ${i + 1}`, 'data-testid': 'crl' },
    h('div', { class: 'card-head' },
      h('div', {}, h('h3', { class: 'card-title', text: `CRL from ${c.issuer.commonName ?? c.issuer.display}` }),
        h('div', { class: 'card-sub', text: signer ? `Signature verified with certificate ${c.signedBy + 1}` : 'Signature not verified (issuer not pasted)' })),
      h('div', { class: 'badges' }, h('span', { class: 'badge role', text: 'CRL' }), h('span', { class: 'badge', text: `${c.revokedCount} revoked` }))),
    facts([
      ['This update', when(c.thisUpdate)],
      ['Next update', c.nextUpdate ? when(c.nextUpdate) : '(none)'],
      ['CRL number', c.number],
      ['Signature', c.signatureAlgorithm.name],
    ]),
    // With every lint rule, the CRL rules' findings by the requirements they cite.
    findingGroups(c.findings, { own: 'This CRL', labels: { rfc5280: 'RFC 5280 and zlint\'s community rules for CRLs' } }),
    c.revoked.length ? section(`Revoked certificates (${c.revokedCount})`, h('table', { class: 'kv' },
      h('thead', {}, h('tr', {}, ['Serial', 'Revoked', 'Reason'].map((t) => h('th', { text: t })))),
      h('tbody', {}, c.revoked.map((e) => h('tr', {}, h('td', { class: 'value', text: e.serial }), h('td', { text: when(e.date) }), h('td', { text: e.reason ?? '—' })))))) : null);
}

/** A private key, by its public half (never the key itself), or a public key. */
export function keyCard(k, report) {
  const matches = [
    ...k.matchesCertificates.map((i) => `certificate ${i + 1} (${report.certificates[i]?.subject.display ?? ''})`),
    ...k.matchesRequests.map((i) => `signing request ${i + 1}`),
  ];
  const title = k.private ? 'Private key' : 'Public key';
  return h('article', { class: 'card key', part: 'card', 'aria-label': title, 'data-testid': 'key' },
    h('div', { class: 'card-head' },
      h('div', {}, h('h3', { class: 'card-title', text: title }),
        h('div', { class: 'card-sub', text: k.private
          ? 'Shown by its public half only. It stays in this page and is left out of links.'
          : 'Which pasted certificate or request it belongs to, and its pin.' })),
      h('div', { class: 'badges' }, h('span', { class: `badge ${k.private ? 'warning' : 'role'}`, text: k.format }))),
    facts([
      ['Public key', k.publicKey],
      ['SPKI pin', k.private || !k.spkiSha256 ? null : `pin-sha256="${k.spkiSha256}"`],
      ['Encryption', k.encryption],
      ['Belongs to', k.publicKey ? (matches.length ? matches.join('; ')
        : report.certificates.length || report.requests.length ? 'none of the pasted certificates or requests'
          : 'no certificate or request pasted to compare with') : null],
      ['Note', k.note],
    ]));
}

/** A PKCS#12 bundle: its parts, opened when the password was given. */
export function pkcs12Card(p, i) {
  const rows = p.contents.map((b) => h('tr', {},
    h('td', { text: b.kind }),
    h('td', { text: b.certificate != null ? `certificate ${b.certificate + 1}` : b.key != null ? 'private key (public half below)' : '' }),
    h('td', { class: 'muted', text: b.encryption ?? 'not encrypted' }),
    h('td', { class: 'muted', text: [b.friendlyName && `“${b.friendlyName}”`, b.note].filter(Boolean).join(' · ') })));
  const state = { correct: 'password correct', wrong: 'wrong password', 'none given': 'no password given', 'not checked': 'password not checked' }[p.password] ?? p.password;
  return h('article', { class: 'card', part: 'card', 'aria-label': `PKCS#12 bundle ${i + 1}`, 'data-testid': 'pkcs12' },
    h('div', { class: 'card-head' },
      h('div', {}, h('h3', { class: 'card-title', text: 'PKCS#12 bundle' }),
        h('div', { class: 'card-sub', text: `${p.contents.length} part${p.contents.length === 1 ? '' : 's'}${p.mac ? ` · integrity ${p.mac}` : ''}` })),
      h('div', { class: 'badges' }, h('span', { class: `badge ${p.password === 'correct' ? 'ok' : p.password === 'wrong' ? 'error' : 'warning'}`, text: state }))),
    h('table', { class: 'kv' }, h('thead', {}, h('tr', {}, ['Part', 'Holds', 'Encrypted with', 'Note'].map((t) => h('th', { text: t })))), h('tbody', {}, rows)));
}
