// A document the certificates came from: SAML metadata (entities, roles, endpoints, which
// certificate signs and until when), a JWK Set (each key, its thumbprint and x5c checks), or
// OpenSSH keys and certificates (as ssh-keygen -L lists them, with the CA's signature checked).
// Text only, through h().

import { h, facts, finding, when } from './dom.js';

function table(heads, rows) {
  return h('table', { class: 'kv' }, h('thead', {}, h('tr', {}, heads.map((t) => h('th', { text: t })))), h('tbody', {}, rows));
}

function level(findings) {
  return findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
}

/** The section for `report.document`. */
export function documentSection(d) {
  const body = d.kind === 'saml' ? saml(d) : d.kind === 'ssh' ? ssh(d) : jwks(d);
  return h('section', { class: `connection ${level(d.findings)}`, part: 'document', 'aria-label': 'Document', 'data-testid': 'document' },
    ...body,
    d.findings.length ? h('div', { class: 'findings' }, d.findings.map(finding)) : null);
}

function saml(d) {
  // Open: the endpoints are what an admin pastes metadata to see.
  const entities = d.entities.map((e) => h('details', { class: 'section', open: '' }, h('summary', { text: `${e.entityId || '(no entityID)'}: ${e.roles.map((r) => r.role).join(', ') || 'no roles'}` }),
    facts([
      ['Valid until', e.validUntil ? when(e.validUntil) : null],
      ['Cache duration', e.cacheDuration],
      ...e.roles.map((r) => [`${r.role} endpoints`, r.endpoints.length
        ? h('ul', { class: 'plain' }, r.endpoints.map((p) => h('li', {}, h('span', { text: `${p.service} (${p.binding}) ` }), h('span', { class: 'mono', text: p.location }))))
        : 'none']),
      ...e.roles.filter((r) => r.nameIdFormats.length).map((r) => [`${r.role} NameID formats`, r.nameIdFormats.map((f) => f.replace(/^urn:oasis:names:tc:SAML:[0-9.]+:nameid-format:/, '')).join(', ')]),
    ])));
  const rows = d.certificates.map((c) => h('tr', {},
    h('td', { text: `certificate ${c.location.block}` }),
    h('td', { text: c.role }),
    h('td', { text: c.subject ?? '(unreadable)' }),
    h('td', { class: c.expired ? 'err-text' : '', text: c.notAfter ? `${when(c.notAfter)}${c.expired ? ' (expired)' : ''}` : '—' })));
  return [
    h('h2', { class: 'http-title' }, d.description, d.issuer ? h('span', { class: 'mono muted', text: ` from ${d.issuer}` }) : null),
    facts([
      ['Destination', d.destination],
      ['Signature', d.signed ? 'a <ds:Signature> is present (its certificate is named below; the signature itself is not checked)' : null],
      ['More entities', d.entitiesSkipped ? `${d.entitiesSkipped} not read` : null],
    ]),
    d.certificates.length ? table(['Block', 'Role', 'Subject', 'Expires'], rows) : h('p', { class: 'muted', text: 'No certificates in this document.' }),
    d.certificates.length ? h('p', { class: 'muted', text: 'SAML trusts the key the metadata names, not a CA path: these certificates get no chain verdict, and the web-server rules (Baseline Requirements, hostnames) are not applied to them.' }) : null,
    ...entities,
  ];
}

function check(c) {
  if (!c) return null;
  const verdict = c.matches == null ? 'no x5c to check against' : c.matches ? 'matches the certificate' : 'does NOT match the certificate';
  return h('span', {}, h('span', { class: 'mono', text: `${c.value} ` }), h('span', { class: c.matches === false ? 'err-text' : 'muted', text: verdict }));
}

function jwks(d) {
  const keys = d.keys.map((k, i) => h('article', { class: 'card', part: 'card', 'aria-label': `Key ${i + 1}`, 'data-testid': 'jwk' },
    h('div', { class: 'card-head' },
      h('div', {}, h('h3', { class: 'card-title', text: k.kid ? `kid ${k.kid}` : `Key ${i + 1}` }), h('div', { class: 'card-sub', text: k.description })),
      h('div', { class: 'badges' },
        h('span', { class: 'badge role', text: k.kty || '?' }),
        k.privateMembers.length ? h('span', { class: 'badge error', text: k.kty === 'oct' ? 'secret' : 'private' }) : null)),
    facts([
      ['Use', [k.use, k.alg, k.keyOps.join(' ')].filter(Boolean).join(' · ')],
      ['Thumbprint', k.thumbprint ? h('span', { class: 'mono', text: `${k.thumbprint} (RFC 7638, SHA-256)` }) : null],
      ['x5c', k.certificates.length ? `${k.certificates.map((b) => `certificate ${b}`).join(', ')}; ${k.x5cMatchesKey == null ? 'key not compared' : k.x5cMatchesKey ? 'the first holds this key' : 'the first holds ANOTHER key'}` : null],
      ['x5t', check(k.x5t)],
      ['x5t#S256', check(k.x5tS256)],
      ['x5u', k.x5u ? `${k.x5u} (not fetched)` : null],
      ['Private members', k.privateMembers.length ? `${k.privateMembers.join(', ')} (never shown; removed from shared links)` : null],
    ])));
  const n = d.keys.length + d.keysSkipped;
  return [
    h('h2', { class: 'http-title', text: `${d.set ? 'JWK Set' : 'JWK'}: ${n} key${n === 1 ? '' : 's'}${d.keysSkipped ? ` (${d.keysSkipped} not read)` : ''}` }),
    ...keys,
  ];
}

const STATE = { valid: 'valid', expired: 'expired', notYetValid: 'not yet valid' };

function ssh(d) {
  const keys = d.keys.map((k, i) => {
    const c = k.certificate;
    const signature = c && (c.signatureValid == null ? 'not checked' : c.signatureValid ? 'valid' : 'DOES NOT MATCH');
    return h('article', { class: 'card', part: 'card', 'aria-label': `SSH key ${i + 1}`, 'data-testid': 'ssh-key' },
      h('div', { class: 'card-head' },
        h('div', {}, h('h3', { class: 'card-title', text: c ? `${c.certType === 'host' ? 'Host' : 'User'} certificate “${c.keyId}”` : `Public key${k.comment ? ` “${k.comment}”` : ''}` }),
          h('div', { class: 'card-sub', text: `${k.key} · ${k.algorithm}` })),
        h('div', { class: 'badges' },
          h('span', { class: 'badge role', text: c ? 'SSH CERT' : 'SSH KEY' }),
          c ? h('span', { class: `badge ${c.state === 'valid' ? 'ok' : 'error'}`, text: STATE[c.state] ?? c.state }) : null)),
      facts([
        ['Fingerprint', h('span', { class: 'mono', text: k.fingerprint })],
        ['Comment', c ? k.comment : null],
        ['Serial', c?.serial],
        ['Valid', c ? `from ${c.validAfter ? when(c.validAfter) : 'the beginning of time'} to ${c.validBefore ? when(c.validBefore) : 'forever'}` : null],
        ['Principals', c ? (c.principalCount ? `${c.principals.join(', ')}${c.principalCount > c.principals.length ? ` … (${c.principalCount} in all)` : ''}` : 'any (none listed)') : null],
        ['Critical options', c?.criticalOptions.map((o) => `${o.name} ${o.value}`.trim()).join('; ') || (c ? '(none)' : null)],
        ['Extensions', c ? c.extensions.join(', ') || '(none)' : null],
        ['Signing CA', c ? h('span', {}, h('span', { text: `${c.signingCa.key} ` }), h('span', { class: 'mono', text: c.signingCa.fingerprint }),
          h('span', { class: 'muted', text: ` (${c.signingCa.signatureAlgorithm}${c.signingCa.pasted != null ? `; key ${c.signingCa.pasted + 1} of this paste` : ''})` })) : null],
        ['Signature', c ? h('span', { class: c.signatureValid === false ? 'err-text' : '', text: signature }) : null],
      ]));
  });
  const n = d.keys.length + d.keysSkipped;
  return [
    h('h2', { class: 'http-title', text: `OpenSSH: ${n} key${n === 1 ? '' : 's'}${d.keysSkipped ? ` (${d.keysSkipped} not read)` : ''}` }),
    ...keys,
  ];
}
