// A document the certificates came from: SAML metadata (entities, roles, endpoints, which
// certificate signs and until when) or a JWK Set (each key, its thumbprint and x5c checks).
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
  const body = d.kind === 'saml' ? saml(d) : jwks(d);
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
