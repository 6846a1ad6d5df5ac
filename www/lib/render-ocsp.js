// An OCSP response (RFC 6960): each certificate's status with its freshness, who signed it and
// whether they may, and the findings; an OCSP request: which certificates it asks about. Text only, through h(); loaded only for OCSP input.

import { h, facts, finding, when } from './dom.js';

const STATUS = { good: 'Good: not revoked', revoked: 'Revoked', unknown: 'Unknown to the responder' };
const FRESH = {
  fresh: 'fresh',
  expired: 'out of date (nextUpdate passed)',
  'not-yet-valid': 'dated after the time of check',
  'no-next-update': 'no nextUpdate (newer status always available)',
};
const VERDICT = {
  verified: 'verified',
  invalid: 'does not verify',
  'no-signer': 'not checked: the signer’s certificate was not given',
  unchecked: 'not checked in this build',
};
const AUTHORITY = {
  issuer: 'signed by the CA that issued the certificate',
  delegated: 'signed by a responder the CA certified for OCSP (id-kp-OCSPSigning)',
  unauthorized: 'the signer may not answer for this CA',
  unknown: 'whether the signer may answer for the CA is unknown (its certificate was not given)',
};

/** How many SCTs a TLS-encoded SignedCertificateTimestampList (base64) holds. */
function sctCount(b64) {
  const b = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  let n = 0;
  for (let i = 2; i + 2 <= b.length; i += 2 + ((b[i] << 8) | b[i + 1])) n += 1;
  return n;
}

function statusRow(s, report) {
  const cert = s.certificate == null ? null : report.certificates[s.certificate];
  const level = s.status === 'revoked' || s.freshness === 'expired' || s.freshness === 'not-yet-valid' ? 'error' : s.status === 'unknown' ? 'warning' : 'ok';
  return h('tr', { class: level === 'error' ? 'fail' : '' },
    h('td', {},
      h('div', { text: cert ? `certificate ${s.certificate + 1}: ${cert.subject.commonName ?? cert.subject.display}` : 'a certificate not pasted' }),
      h('div', { class: 'muted mono', text: `serial ${s.serial}` }),
      s.scts ? h('div', { class: 'muted', 'data-testid': 'ocsp-scts', text: `carries ${sctCount(s.scts)} SCTs (Certificate Transparency): ${cert ? 'checked in the chain’s CT panel' : 'paste the certificate to check them'}` }) : null),
    h('td', {},
      h('span', { class: `badge ${level}`, text: STATUS[s.status] ?? s.status }),
      s.revokedAt ? h('div', { class: 'muted', text: `on ${when(s.revokedAt)}${s.reason ? ` (${s.reason})` : ''}` }) : null),
    h('td', {},
      h('div', { text: FRESH[s.freshness] ?? s.freshness }),
      h('div', { class: 'muted', text: `${when(s.thisUpdate)} → ${s.nextUpdate ? when(s.nextUpdate) : '—'}` })));
}

/** One OCSP response. */
export function ocspCard(o, i, report) {
  const sig = o.signature;
  const ok = sig?.verdict === 'verified' && (sig.authority === 'issuer' || sig.authority === 'delegated');
  const responder = o.responder && (o.responder.name ?? (o.responder.subject ? `${o.responder.subject} (by key hash)` : `key hash ${o.responder.keyHash}`));
  return h('article', { class: 'card', part: 'card', 'aria-label': `OCSP response ${i + 1}`, 'data-testid': 'ocsp' },
    h('div', { class: 'card-head' },
      h('div', {}, h('h3', { class: 'card-title', text: 'OCSP response' }),
        h('div', { class: 'card-sub', text: 'A CA’s signed answer to “is this certificate revoked?” (RFC 6960)' })),
      h('div', { class: 'badges' },
        h('span', { class: 'badge role', text: 'OCSP' }),
        sig ? h('span', { class: `badge ${ok ? 'ok' : sig.verdict === 'invalid' || sig.authority === 'unauthorized' ? 'error' : 'warning'}`, text: ok ? 'Signature verifies' : sig.verdict === 'verified' ? 'Signer not authorised' : 'Signature not verified' }) : null)),
    facts([
      ['Response status', o.responseStatus],
      ['Produced at', o.producedAt ? when(o.producedAt) : null],
      ['Responder', responder],
      ['Signature', sig ? `${sig.algorithm}: ${sig.verdict === 'unchecked' && sig.detail ? `not checked (${sig.detail})` : VERDICT[sig.verdict] ?? sig.verdict}` : null],
      ['Authority', sig && !(sig.verdict === 'unchecked' && sig.detail) ? `${AUTHORITY[sig.authority] ?? sig.authority}${sig.noCheck ? '; its certificate says not to check its own revocation (ocsp-nocheck)' : ''}` : null],
      ['Nonce', o.nonce ? h('span', { class: 'mono', text: o.nonce }) : o.responses.length ? 'none (usual for stapled and cached responses)' : null],
      ['Certificates inside', o.certificatesIncluded ? String(o.certificatesIncluded) : null],
    ]),
    o.responses.length ? h('table', { class: 'kv', 'data-testid': 'ocsp-statuses' },
      h('thead', {}, h('tr', {}, ['Certificate', 'Status', 'Freshness'].map((t) => h('th', { text: t })))),
      h('tbody', {}, o.responses.map((s) => statusRow(s, report)))) : null,
    o.findings.length ? h('div', { class: 'findings' }, o.findings.map(finding)) : null);
}

/** One OCSP request. */
export function ocspRequestCard(q, i, report) {
  return h('article', { class: 'card', part: 'card', 'aria-label': `OCSP request ${i + 1}`, 'data-testid': 'ocsp-request' },
    h('div', { class: 'card-head' },
      h('div', {}, h('h3', { class: 'card-title', text: 'OCSP request' }),
        h('div', { class: 'card-sub', text: 'A client asking a CA’s responder whether certificates are revoked (RFC 6960)' })),
      h('div', { class: 'badges' }, h('span', { class: 'badge role', text: 'OCSP' }), q.signed ? h('span', { class: 'badge', text: 'Signed' }) : null)),
    facts([
      ['Requestor', q.requestor],
      ['Nonce', q.nonce ? h('span', { class: 'mono', text: q.nonce }) : 'none: the responder may answer from its cache'],
    ]),
    h('table', { class: 'kv', 'data-testid': 'ocsp-requested' },
      h('thead', {}, h('tr', {}, ['Certificate asked about', 'Issuer'].map((t) => h('th', { text: t })))),
      h('tbody', {}, q.certificates.map((c) => {
        const cert = c.certificate == null ? null : report.certificates[c.certificate];
        const issuer = c.issuer == null ? null : report.certificates[c.issuer];
        return h('tr', {},
          h('td', {}, h('div', { text: cert ? `certificate ${c.certificate + 1}: ${cert.subject.commonName ?? cert.subject.display}` : 'a certificate not pasted' }),
            h('div', { class: 'muted mono', text: `serial ${c.serial} (${c.hashAlgorithm} CertID)` })),
          h('td', { text: issuer ? `certificate ${c.issuer + 1}: ${issuer.subject.commonName ?? issuer.subject.display}` : 'not pasted' }));
      }))));
}
