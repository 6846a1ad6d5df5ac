// A packet capture or pasted TLS bytes (`report.captures`, made by the capture module): each
// TLS connection as a timeline of its messages (client → server arrows in capture order, with
// times), each message expandable to what it says and its bytes, then every field of the
// hellos and their JA3/JA4 fingerprints. Text only, through h(); loaded only for captures.
import { h, section } from './dom.js';
import { connectionSection } from './render-files.js';
import { sheet } from './report-style.js';

const css = sheet(`
.capture .timeline { list-style: none; margin: 8px 0; padding: 0; border-left: 2px solid var(--border); }
.capture .timeline > li { margin: 0 0 2px; padding: 0 0 0 10px; }
.capture .timeline summary { cursor: pointer; display: grid; grid-template-columns: 6.5em 10.5em 1fr auto; gap: 8px; align-items: baseline; padding: 3px 6px; border-radius: 6px; }
.capture .timeline summary:hover { background: var(--surface-2); }
.capture .timeline .t, .capture .timeline .pkt { color: var(--muted); font-variant-numeric: tabular-nums; font-size: 12.5px; }
.capture .timeline .dir { font-family: var(--mono); font-size: 12.5px; }
.capture .timeline .server .dir { color: var(--accent); }
.capture .timeline .kind { font-weight: 600; }
.capture .timeline .alert .kind { color: var(--err); }
.capture .timeline .encrypted .kind { color: var(--muted); font-weight: 500; }
.capture .timeline .what { margin: 4px 6px 6px; }
.capture pre.hex span.hl { background: var(--accent); color: var(--bg); border-radius: 2px; }
.capture table.fields tr.hl th, .capture table.fields tr.hl td { background: var(--accent-soft); color: var(--text); }
.capture table.fields { margin: 0 6px 10px; font-size: 13px; }
.capture table.fields tr { cursor: default; }
.capture pre.hex { margin: 4px 6px 10px; padding: 8px 10px; background: var(--surface-2); border-radius: 6px; font-size: 12px; line-height: 1.45; overflow-x: auto; max-height: 18em; }
.capture .chips { display: flex; flex-wrap: wrap; gap: 4px; }
.capture .chip.grease { opacity: 0.6; }
.capture .chip.pq { border-color: var(--ok); }
.capture .notes { color: var(--muted); }
.capture h3.route { font-family: var(--mono); font-size: 14px; font-weight: 600; margin: 14px 0 8px; }
`);

/** `n thing(s)`. */
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The message's bytes as a hex dump (offset, 16 bytes, their printable characters), and its
 * fields: pointing at a field highlights its bytes, pointing at a byte highlights its field.
 */
function bytesView(m) {
  const bytes = m.hex.match(/../g) ?? [];
  const spans = [];
  const pre = h('pre', { class: 'hex mono', 'aria-label': `${m.kind} bytes` });
  for (let row = 0; row < bytes.length; row += 16) {
    const line = bytes.slice(row, row + 16);
    pre.append(`${row.toString(16).padStart(6, '0')}  `);
    line.forEach((b, i) => {
      spans[row + i] = h('span', { text: b });
      pre.append(spans[row + i], i < 15 ? ' ' : '');
    });
    const text = line.map((b) => { const c = parseInt(b, 16); return c >= 32 && c < 127 ? String.fromCharCode(c) : '.'; }).join('');
    pre.append(`${' '.repeat((16 - line.length) * 3)}  ${text}\n`);
  }
  if (m.length > bytes.length) pre.append(`… ${m.length} bytes in all`);
  const rows = m.fields.map((f) => h('tr', { tabindex: '0' },
    h('th', { text: f.name }), h('td', { class: 'value', text: f.value }), h('td', { class: 'mono muted', text: `@${f.offset} · ${f.length}` })));
  const mark = (i, on) => {
    const f = m.fields[i];
    rows[i].classList.toggle('hl', on);
    for (let b = f.offset; b < f.offset + f.length; b += 1) spans[b]?.classList.toggle('hl', on);
  };
  rows.forEach((row, i) => {
    for (const [event, on] of [['mouseenter', true], ['mouseleave', false], ['focus', true], ['blur', false]]) row.addEventListener(event, () => mark(i, on));
  });
  // The innermost field holding the byte pointed at.
  let current = -1;
  pre.addEventListener('mouseover', (e) => {
    const b = spans.indexOf(e.target);
    let found = -1;
    m.fields.forEach((f, i) => { if (b >= f.offset && b < f.offset + f.length && (found < 0 || f.length <= m.fields[found].length)) found = i; });
    if (found === current) return;
    if (current >= 0) mark(current, false);
    current = found;
    if (current >= 0) mark(current, true);
  });
  pre.addEventListener('mouseleave', () => { if (current >= 0) mark(current, false); current = -1; });
  return [pre, rows.length ? h('table', { class: 'kv fields', 'data-testid': 'capture-fields' }, h('tbody', {}, rows)) : null];
}

function message(m) {
  const kind = m.kind.startsWith('Alert') ? 'alert' : /Encrypted|Application/.test(m.kind) ? 'encrypted' : '';
  const details = h('details', {},
    h('summary', {},
      h('span', { class: 't', text: `+${(m.time * 1000).toFixed(2)} ms` }),
      h('span', { class: 'dir', text: m.from === 'client' ? 'client → server' : 'client ← server' }),
      h('span', { class: 'kind', text: m.kind }),
      h('span', { class: 'pkt', text: m.packet ? `packet ${m.packet}` : '' })),
    h('p', { class: 'what', text: m.summary }));
  // The bytes are laid out when the message is first opened.
  details.addEventListener('toggle', () => {
    if (details.open && m.hex && !details.querySelector('pre')) details.append(...bytesView(m).filter(Boolean));
  });
  return h('li', { class: `${m.from} ${kind}`, 'data-testid': 'capture-message' }, details);
}

const PQ = /MLKEM|Kyber/i;

function chips(values, most = 40) {
  const shown = values.slice(0, most);
  return h('div', { class: 'chips' },
    shown.map((v) => h('span', { class: `chip${v.name === 'GREASE' ? ' grease' : ''}${PQ.test(v.name) ? ' pq' : ''}`, title: `0x${v.id.toString(16).padStart(4, '0')}`, text: v.name })),
    values.length > most ? h('span', { class: 'muted', text: `and ${values.length - most} more` }) : null);
}

function table(rows) {
  return h('table', { class: 'kv' }, h('tbody', {}, rows.filter(Boolean).map(([k, v]) => h('tr', {}, h('th', { text: k }), h('td', { class: 'value' }, v)))));
}

function clientHello(c, title) {
  return section(title, table([
    ['Server name (SNI)', c.sni ?? 'none sent'],
    ['Versions', c.versions.length ? chips(c.versions) : c.legacyVersion.name],
    [`Cipher suites (${c.cipherSuites.length})`, chips(c.cipherSuites)],
    ['Groups', chips(c.groups)],
    ['Key shares', c.keyShares.map((k) => `${k.group.name} (${k.length} bytes)`).join(', ') || 'none'],
    ['Signature algorithms', chips(c.signatureAlgorithms)],
    c.alpn.length ? ['ALPN', c.alpn.join(', ')] : null,
    [`Extensions (${c.extensions.length})`, chips(c.extensions)],
    ['Resumption', c.psk ? 'pre-shared key offered' : c.sessionTicket ? 'session ticket sent' : 'no'],
    c.ech ? ['Encrypted Client Hello', 'sent: the real ClientHello is encrypted inside'] : null,
    ['JA3', h('span', { class: 'mono', text: c.ja3Hash, title: c.ja3 })],
    ['JA4', h('span', { class: 'mono', 'data-testid': 'ja4', text: c.ja4 })],
  ]));
}

function serverHello(s, title) {
  return section(title, table([
    ['Version', s.version.name + (s.version.id !== s.legacyVersion.id ? ` (the version field says ${s.legacyVersion.name}; TLS 1.3 says its version in supported_versions)` : '')],
    ['Cipher suite', s.cipherSuite.name],
    s.group ? [s.helloRetryRequest ? 'Group asked for' : 'Key exchange', s.group.name] : null,
    s.alpn ? ['ALPN', s.alpn] : null,
    [`Extensions (${s.extensions.length})`, chips(s.extensions)],
    s.downgradeSentinel ? ['Downgrade sentinel', `present: forced to ${s.downgradeSentinel}`] : null,
    ['JA3S', h('span', { class: 'mono', text: s.ja3sHash, title: s.ja3s })],
  ]));
}

function connection(c, report) {
  const verdicts = report.connections[c.connection];
  const sni = c.clientHello?.sni;
  const route = c.client ? `${c.client} → ${c.server}` : 'pasted bytes';
  return h('article', { class: 'capture-connection', 'data-testid': 'capture-connection' },
    h('h3', { class: 'route', text: `${route}${sni ? ` · ${sni}` : ''}` }),
    verdicts ? connectionSection({ ...verdicts, steps: [] }, report) : null,
    c.certificateEncrypted ? h('p', { class: 'muted', text: 'TLS 1.3 encrypts the server’s certificate, so it is not in the capture’s clear bytes: paste the chain (openssl s_client -showcerts) to check it.' }) : null,
    c.certificates ? h('p', { class: 'muted', text: `The server sent ${plural(c.certificates, 'certificate')} in the clear; ${c.certificates === 1 ? 'it is' : 'they are'} analysed below${sni ? ` for ${sni}` : ''}.` }) : null,
    // The story of the connection is what a capture is read for: open from the start.
    h('details', { class: 'section', open: true },
      h('summary', { text: `Timeline (${plural(c.messages.length, 'message')}${c.messagesLeftOut ? `, ${c.messagesLeftOut} more not shown` : ''})` }),
      h('ol', { class: 'timeline', 'data-testid': 'capture-timeline' }, c.messages.map(message))),
    c.clientHello ? clientHello(c.clientHello, 'ClientHello') : null,
    c.helloRetryRequest ? serverHello(c.helloRetryRequest, 'HelloRetryRequest') : null,
    c.secondClientHello ? clientHello(c.secondClientHello, 'ClientHello, second') : null,
    c.serverHello ? serverHello(c.serverHello, 'ServerHello') : null,
    c.retransmissions || c.outOfOrder ? h('p', { class: 'notes', text: `TCP: ${plural(c.retransmissions, 'retransmitted segment')}, ${plural(c.outOfOrder, 'segment')} out of order, put back in order.` }) : null,
    c.problems.length ? h('ul', { class: 'notes' }, c.problems.map((p) => h('li', { text: p }))) : null);
}

/** The capture `cap` of `report`, its styles added to `root`. */
export function captureSection(cap, report, root) {
  if (root?.adoptedStyleSheets && !root.adoptedStyleSheets.includes(css)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, css];
  const what = cap.format === 'TLS bytes' ? 'TLS bytes' : `${cap.format}, ${plural(cap.packets, 'packet')}${cap.linkTypes.length ? ` (${cap.linkTypes.join(', ')})` : ''}`;
  return h('section', { class: 'http capture', part: 'capture', 'aria-label': 'Packet capture', 'data-testid': 'capture' },
    h('h2', { class: 'http-title' }, 'Packet capture', h('span', { class: 'mono muted', text: ` ${what} · ${plural(cap.connections.length, 'TLS connection')}` })),
    cap.notes.length ? h('ul', { class: 'notes' }, cap.notes.map((n) => h('li', { text: n }))) : null,
    cap.connections.map((c) => connection(c, report)));
}

