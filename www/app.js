// The certscope page: input handling and wiring. Analysis is certscope's WebAssembly core;
// rendering is render.js.
import init, { inspect, version } from './pkg/certscope.js';
import { h, renderReport } from './render.js';

const $ = (id) => document.getElementById(id);
const paste = $('paste');
const results = $('results');
const empty = $('empty');
const at = $('at');
const host = $('host');
const roots = $('roots');
const customRoots = $('custom-roots');
const fileNote = $('file-note');
const dropzone = $('dropzone');

await init();
$('version').textContent = `v${version()}`;

function analyse() {
  const text = paste.value;
  results.setAttribute('aria-busy', 'true');
  results.replaceChildren();
  if (!text.trim()) {
    results.append(empty);
  } else {
    try {
      const options = {};
      if (at.value) options.at = at.value;
      if (host.value.trim()) options.host = host.value.trim();
      if (roots.value === 'none') options.roots = 'none';
      if (roots.value.startsWith('custom')) {
        options.roots = customRoots.value;
        options.withMozilla = roots.value === 'custom+mozilla';
      }
      const report = inspect(text, options);
      results.append(renderReport(report));
    } catch (err) {
      results.append(h('div', { class: 'summary error', role: 'alert' },
        h('span', { class: 'headline', text: 'Could not analyse this input' }),
        h('span', { class: 'counts', text: String(err?.message ?? err) })));
    }
  }
  results.setAttribute('aria-busy', 'false');
}

let timer;
function scheduleAnalyse() {
  clearTimeout(timer);
  timer = setTimeout(analyse, 120);
}

paste.addEventListener('input', () => { fileNote.hidden = true; scheduleAnalyse(); });
at.addEventListener('change', analyse);
host.addEventListener('input', scheduleAnalyse);
customRoots.addEventListener('input', scheduleAnalyse);
roots.addEventListener('change', () => { syncTrust(); analyse(); });

function syncTrust() {
  customRoots.hidden = !roots.value.startsWith('custom');
  $('trust-summary').textContent = roots.selectedOptions[0].textContent.replace(/ \(.*\)$/, '');
}
$('clear').addEventListener('click', () => { paste.value = ''; fileNote.hidden = true; analyse(); paste.focus(); });

for (const button of document.querySelectorAll('[data-example]')) {
  button.addEventListener('click', async () => {
    const load = async (name) => (await fetch(`examples/${name}`)).text();
    paste.value = await load(button.dataset.example);
    host.value = button.dataset.host ?? '';
    if (button.dataset.roots) {
      customRoots.value = await load(button.dataset.roots);
      roots.value = 'custom';
      $('trust').open = true;
    } else {
      roots.value = 'mozilla';
    }
    syncTrust();
    fileNote.hidden = true;
    analyse();
  });
}

/** Binary DER becomes a PEM block so that what is analysed is visible and editable. */
function toPem(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const b64 = btoa(binary).replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64.trim()}\n-----END CERTIFICATE-----\n`;
}

function isText(bytes) {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !text.includes('\0');
  } catch {
    return false;
  }
}

async function loadFiles(files) {
  const parts = [];
  const notes = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isText(bytes)) {
      parts.push(new TextDecoder().decode(bytes));
      notes.push(`${file.name} (text)`);
    } else {
      parts.push(toPem(bytes));
      notes.push(`${file.name} (${bytes.length.toLocaleString()} bytes of DER, shown as PEM)`);
    }
  }
  paste.value = parts.join('\n');
  fileNote.textContent = `Loaded ${notes.join(', ')}.`;
  fileNote.hidden = false;
  analyse();
}

$('file').addEventListener('change', (e) => loadFiles(e.target.files));
dropzone.addEventListener('dragover', (e) => { e.preventDefault(); dropzone.classList.add('dragging'); });
dropzone.addEventListener('dragleave', () => dropzone.classList.remove('dragging'));
dropzone.addEventListener('drop', (e) => {
  e.preventDefault();
  dropzone.classList.remove('dragging');
  if (e.dataTransfer?.files?.length) loadFiles(e.dataTransfer.files);
});

document.documentElement.dataset.ready = 'true';
