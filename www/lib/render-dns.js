// The DNS answers of a paste: which CAs CAA allows (against the pasted certificate's CA), the
// HTTPS/SVCB records with their ECH configuration decoded, and TLSA records matched against
// the pasted chain, then the findings. Text only, through h(); loaded only for DNS pastes.

import { h, finding, section } from './dom.js';

const RANK = { error: 0, warning: 1, info: 2 };

const yesNo = (v, yes, no, unknown) => (v === true ? yes : v === false ? no : unknown);

function caaTable(d) {
  return h('table', { class: 'kv dns-caa', 'data-testid': 'dns-caa' },
    h('thead', {}, h('tr', {}, ['Certificate name', 'Applies', 'Allowed CAs', 'Its CA'].map((t) => h('th', { text: t })))),
    h('tbody', {}, d.caaChecks.map((c) => h('tr', { class: c.issuerAllowed === false ? 'fail' : '' },
      h('td', { class: 'value', text: c.name }),
      h('td', { text: `${c.property} at ${c.foundAt}` }),
      h('td', { class: 'value', text: c.allowed === null ? 'any CA' : c.allowed.length ? c.allowed.join(', ') : 'none (";")' }),
      h('td', { class: c.issuerAllowed === false ? 'bad' : c.issuerAllowed ? 'ok' : '', text: yesNo(c.issuerAllowed, 'allowed', 'not allowed', 'CAA domain not known') })))));
}

function caaRecords(d) {
  return h('table', { class: 'kv' }, h('tbody', {}, d.caa.map((c) => h('tr', {},
    h('th', { text: `${c.name} ${c.critical ? '128' : '0'} ${c.tag}` }),
    h('td', { class: 'value', text: c.value })))));
}

function serviceTable(s) {
  const rows = [
    ['Mode', s.priority === 0 ? `AliasMode → ${s.target}` : `ServiceMode, priority ${s.priority}${s.target !== '.' ? `, target ${s.target}` : ''}`],
    s.alpn.length ? ['ALPN', `${s.alpn.join(', ')}${s.alpn.includes('h3') ? ' (h3 = HTTP/3)' : ''}${s.noDefaultAlpn ? '; no default http/1.1' : ''}`] : null,
    s.port ? ['Port', String(s.port)] : null,
    s.ipv4hint.length ? ['ipv4hint', s.ipv4hint.join(', ')] : null,
    s.ipv6hint.length ? ['ipv6hint', s.ipv6hint.join(', ')] : null,
    ...(s.ech?.configs ?? []).map((c, i) => [`ECH config ${i + 1}`, c.publicName
      ? `public name ${c.publicName} · id ${c.configId} · ${c.kem} (${c.publicKeyBytes}-byte key) · ${c.cipherSuites.join(', ')}`
      : `version 0x${c.version.toString(16)} (not read)`]),
    s.ech?.error ? ['ECH', s.ech.error] : null,
    ...s.other.map(([k, v]) => [k, v]),
  ].filter(Boolean);
  return h('table', { class: 'kv dns-service', 'data-testid': 'dns-service' },
    h('caption', { text: `${s.kind} ${s.name} · line ${s.line}` }),
    h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { text: k }), h('td', { class: 'value', text: v })))));
}

function tlsaTable(d, report) {
  const subject = (i) => report.certificates[i]?.subject.commonName ?? report.certificates[i]?.subject.display ?? '';
  return h('table', { class: 'kv dns-tlsa', 'data-testid': 'dns-tlsa' },
    h('thead', {}, h('tr', {}, ['Name', 'Record', 'Meaning', 'Matches'].map((t) => h('th', { text: t })))),
    h('tbody', {}, d.tlsa.map((t) => h('tr', { class: t.matches === null ? 'fail' : '' },
      h('td', { class: 'value', text: t.name }),
      h('td', { class: 'mono', text: `${t.usage} ${t.selector} ${t.matchingType} ${t.data.slice(0, 16)}…` }),
      h('td', { text: t.meaning }),
      h('td', { class: t.matches === null ? 'bad' : 'ok', text: t.matches === null ? (report.certificates.length ? 'no pasted certificate' : 'paste the chain') : `certificate ${t.matches + 1} (${subject(t.matches)})` })))));
}

/** The DNS answers `d` of `report`. */
export function dnsSection(d, report) {
  const worst = d.findings.some((f) => f.severity === 'error') ? 'error' : d.findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
  const tool = { dig: 'dig', kdig: 'kdig', nslookup: 'nslookup', 'doh-json': 'DNS-over-HTTPS JSON' }[d.tool] ?? 'DNS';
  const validated = d.authenticated === true ? 'DNSSEC-validated (ad)' : d.authenticated === false ? 'not DNSSEC-validated' : null;
  return h('section', { class: `http dns ${worst}`, part: 'dns', 'aria-label': 'DNS records', 'data-testid': 'dns' },
    h('h2', { class: 'http-title' }, 'DNS records', h('span', { class: 'mono muted', text: ` ${d.records.length} from ${tool}${validated ? ` · ${validated}` : ''}` })),
    d.caaChecks.length ? section('CAA: may the certificate\'s CA issue?', caaTable(d)) : null,
    d.caa.length ? section(`CAA records (${d.caa.length})`, caaRecords(d)) : null,
    d.services.length ? section(`HTTPS and SVCB (${d.services.length})`, ...d.services.map(serviceTable)) : null,
    d.tlsa.length ? section(`TLSA / DANE (${d.tlsa.length})`, tlsaTable(d, report)) : null,
    h('div', { class: 'findings' }, [...d.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]).map(finding)));
}
