// The fix-it panel of a chain (`chain.fix`, made by the verify module): the corrected
// fullchain.pem and chain.pem to download, what was changed, and the server lines that use
// them; or, when an intermediate is missing, where to get it and why only some clients fail.
// Loaded only for reports that have one.
import { copyButton, h } from './dom.js';
import { sheet } from './report-style.js';

// Its own styles, adopted by the document or shadow root the panel lands in, so that pages
// and embeds without a fix never download them.
const css = sheet(`
.fix-panel { margin: 12px 0 6px; padding: 12px 14px; border: 1px solid color-mix(in srgb, var(--accent) 35%, var(--border)); border-radius: var(--radius); background: var(--surface); }
.fix-panel.error { border-color: color-mix(in srgb, var(--err) 45%, var(--border)); }
.fix-panel.quiet { border-color: var(--border); padding: 8px 14px; }
.fix-panel.quiet > summary { cursor: pointer; font-weight: 600; }
.fix-panel h3 { margin: 0 0 8px; font-size: 15px; }
.fix-panel ul.changes { margin: 4px 0 10px; padding-left: 20px; }
.fix-panel .downloads { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0; }
.fix-panel button.download { font: inherit; font-weight: 600; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent-soft); color: var(--accent); cursor: pointer; }
.fix-panel button.download:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.fix-panel .servers .snippet-label { width: 150px; }
.fix-panel .why > summary { cursor: pointer; font-weight: 600; }
`);

/** Offers `text` as a file named `name`: a Blob URL, so nothing leaves the page. */
function download(name, text) {
  const button = h('button', { type: 'button', class: 'download', 'data-file': name, text: `Download ${name}` });
  button.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/x-pem-file' }));
    h('a', { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return button;
}

function lines(label, text) {
  return h('div', { class: 'snippet' },
    h('span', { class: 'snippet-label', text: label }),
    h('code', { text }),
    copyButton(text));
}

/** An http(s) URL as a link that opens apart from the page; anything else stays text. */
function link(url) {
  return /^https?:\/\//i.test(url)
    ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: 'Download it in your browser' })
    : null;
}

function missingPanel(m, addFiles) {
  return h('section', { class: 'fix-panel error', 'data-testid': 'fix-panel' },
    h('h3', { text: 'Fix: send the missing intermediate' }),
    h('p', {}, 'The server does not send ', h('strong', { text: m.issuer }),
      m.url ? ', the certificate that issued yours. Its CA publishes it at:' : ', the certificate that issued yours, and the certificate names no place to download it.'),
    m.url ? h('div', { class: 'snippets' }, lines('URL', m.url)) : null,
    m.url && addFiles ? h('p', { class: 'add-file' }, link(m.url), ' (certscope itself never fetches anything), then ',
      h('label', {}, 'add the downloaded file here: ',
        h('input', { type: 'file', 'data-testid': 'fix-add-file', onchange: (e) => addFiles(e.target.files) })),
      ' — certscope puts it after your certificate and offers the fixed chain file.') : null,
    h('p', { text: `${addFiles ? 'Or on a command line: fetch' : 'Fetch'} it, convert it to PEM and put it after your certificate (cert.pem is the certificate file the server uses now), then paste fullchain.pem here to check it:` }),
    h('div', { class: 'snippets', 'data-testid': 'fix-commands' }, m.commands.map((c, i) => lines(`${i + 1}`, c))),
    h('details', { class: 'why', open: true },
      h('summary', { text: 'Why it works in Chrome but fails in curl, Java, Python or Android' }),
      h('p', { text: m.explanation })));
}

/**
 * The panel for one chain's fix, its styles added to `root` (the document or shadow root it
 * goes into); `addFiles(files)`, when given, adds files to the input.
 */
export function fixPanel(fix, root, addFiles) {
  if (root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(css)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, css];
  return fix.missing ? missingPanel(fix.missing, addFiles) : filesPanel(fix);
}

function filesPanel(fix) {
  const changed = fix.changes.length > 0;
  const body = [
    changed
      ? h('ul', { class: 'changes', 'data-testid': 'fix-changes' }, fix.changes.map((c) => h('li', { text: c[0].toUpperCase() + c.slice(1) })))
      : h('p', { text: 'The certificates given are already a correct chain file, in the right order.' }),
    fix.note ? h('p', { class: 'note', text: fix.note }) : null,
    h('div', { class: 'downloads' },
      download('fullchain.pem', fix.fullchain),
      fix.chain ? download('chain.pem', fix.chain) : null,
      copyButton(fix.fullchain, 'Copy fullchain.pem')),
    h('p', { class: 'muted', text: 'fullchain.pem is your certificate followed by its intermediates, without the root; chain.pem is the intermediates alone. Use them with your private key:' }),
    h('div', { class: 'snippets servers' }, fix.servers.map((s) => lines(s.server, s.lines))),
  ];
  const title = changed ? 'Fix: the chain file your server should send' : 'Chain files to download';
  // Nothing to fix: offered, folded away.
  return changed
    ? h('section', { class: 'fix-panel', 'data-testid': 'fix-panel' }, h('h3', { text: title }), ...body)
    : h('details', { class: 'fix-panel quiet', 'data-testid': 'fix-panel' }, h('summary', { text: title }), ...body);
}
