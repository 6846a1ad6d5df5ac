// The certscope page: input handling and wiring. Analysis runs in a Web Worker (worker.js)
// with certscope's WebAssembly core; rendering is lib/render.js.
import { copy, linkFindingsTo } from './lib/dom.js';
import { h, renderReport } from './lib/render.js';
import { reportCss, sheet } from './lib/report-style.js';

const $ = (id) => document.getElementById(id);
const paste = $('paste');
const results = $('results');
const empty = $('empty');
const at = $('at');
const host = $('host');
const password = $('password');
const passwordField = $('password-field');
const roots = $('roots');
const customRoots = $('custom-roots');
const fileNote = $('file-note');
const dropzone = $('dropzone');
const share = $('share');

document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet(reportCss)];

// --- the worker -------------------------------------------------------------------------
let worker;
let jobs = 0;
const pending = new Map();

// Trusted Types are enforced (see the CSP): the one script URL this page loads dynamically is
// its own worker, and this policy allows exactly that and nothing else.
// Finding ids link to their entry in the documentation served beside the page.
linkFindingsTo('docs/findings.html');

const WORKER_URL = new URL('./worker.js', import.meta.url).href;
const workerPolicy = globalThis.trustedTypes?.createPolicy('certscope-worker', {
  createScriptURL(url) {
    if (url !== WORKER_URL) throw new TypeError(`refusing to load ${url} as a worker`);
    return url;
  },
});

function startWorker() {
  worker = new Worker(workerPolicy ? workerPolicy.createScriptURL(WORKER_URL) : WORKER_URL, { type: 'module' });
  worker.addEventListener('message', ({ data }) => {
    if (data.version) {
      $('version').textContent = `v${data.version}`;
      return;
    }
    const job = pending.get(data.id);
    if (data.progress) {
      job?.progress?.(...data.progress);
      return;
    }
    pending.delete(data.id);
    if (data.fatal) restartWorker();
    if (!job) return;
    if ('report' in data) job.resolve(data.report);
    else job.reject(new Error(data.error));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    restartWorker();
  });
}

/** A crashed engine is replaced; whatever was waiting on it is told so. */
function restartWorker() {
  worker.terminate();
  for (const job of pending.values()) job.reject(new Error('the analysis engine stopped unexpectedly and has been restarted; try again'));
  pending.clear();
  startWorker();
}

function inspectInWorker(input, options, tree = false, other = undefined, progress = undefined) {
  return new Promise((resolve, reject) => {
    const id = ++jobs;
    pending.set(id, { resolve, reject, progress });
    worker.postMessage({ id, input, options, tree, other });
  });
}

const asn1InWorker = (pem) => inspectInWorker(pem, {}, true);

startWorker();

// --- analysis ---------------------------------------------------------------------------
let current = null;
let turns = 0;

function options() {
  const o = {};
  if (at.value) o.at = at.value;
  if (host.value.trim()) o.host = host.value.trim();
  if (roots.value === 'none') o.roots = 'none';
  if (roots.value.startsWith('custom')) {
    o.roots = customRoots.value;
    o.withMozilla = roots.value === 'custom+mozilla';
  }
  // Only ever sent to the worker on this page; never in a link, storage or the report.
  if (password.value) o.password = password.value;
  // The core's lint rules unless every rule is asked for (the lint module is 191 KB).
  o.lints = everyLint.checked ? 'all' : 'core';
  if (rfc5280.checked) {
    o.rfc5280 = {
      policies: policies.value.split(/[\s,]+/).filter((p) => p && p !== 'any' && p !== 'anyPolicy'),
      explicitPolicy: $('explicit-policy').checked,
      inhibitPolicyMapping: $('inhibit-mapping').checked,
      inhibitAnyPolicy: $('inhibit-any').checked,
    };
  }
  return o;
}

const rfc5280 = $('rfc5280');
const policies = $('policies');
const POLICY_FLAGS = ['explicit-policy', 'inhibit-mapping', 'inhibit-any'];

function syncPolicy() {
  const on = rfc5280.checked;
  for (const id of ['policies', ...POLICY_FLAGS]) $(id).disabled = !on;
  $('policy-summary').textContent = on ? (policies.value.trim() ? `on, for ${policies.value.trim()}` : 'on') : 'off';
}
syncPolicy();

const everyLint = $('every-lint');
function syncLints() {
  $('lints-summary').textContent = everyLint.checked ? "every rule (zlint's catalogue)" : "the core's rules";
}
syncLints();
everyLint.addEventListener('change', () => { syncLints(); scheduleAnalyse(); });

// A dropped packet capture stays bytes: the input box shows what it is instead.
let capture = null;
const isCapture = (b) => b.length >= 4 && [[0xd4, 0xc3, 0xb2, 0xa1], [0xa1, 0xb2, 0xc3, 0xd4], [0x4d, 0x3c, 0xb2, 0xa1], [0xa1, 0xb2, 0x3c, 0x4d], [0x0a, 0x0d, 0x0d, 0x0a]]
  .some((m) => m.every((x, i) => b[i] === x));
const captureLine = (name, bytes) => `[packet capture ${name}, ${bytes.length.toLocaleString()} bytes: read from the file. Clear the box to paste something else.]`;

async function analyse() {
  const text = paste.value;
  if (capture && text !== capture.line) capture = null;
  const turn = ++turns;
  current = null;
  share.hidden = true;
  if (!text.trim()) {
    results.replaceChildren(empty);
    results.setAttribute('aria-busy', 'false');
    return;
  }
  results.setAttribute('aria-busy', 'true');
  let progress;
  const size = capture ? capture.bytes.length : text.length;
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  // A big input shows a bar; a capture's fills as its packets are read (the worker reports).
  const bar = h('progress', { 'aria-label': 'Analysing' });
  const label = h('span', { text: `Analysing ${mb(size)} MB…` });
  if (size > 256 * 1024) {
    progress = setTimeout(() => results.replaceChildren(h('div', { class: 'progress', role: 'status', 'data-testid': 'progress' }, bar, label)), 50);
  }
  const onProgress = (done, total) => {
    if (turn !== turns) return;
    bar.max = total;
    bar.value = done;
    label.textContent = done < total
      ? `Reading packets: ${mb(done)} of ${mb(total)} MB (${Math.floor((done / total) * 100)}%)…`
      : `Read ${mb(total)} MB of packets; explaining the connections…`;
  };
  try {
    const report = await inspectInWorker(capture ? capture.bytes : text, options(), false, undefined, onProgress);
    if (turn !== turns) return;
    current = report;
    passwordField.hidden = !(report.pkcs12 ?? []).length && !password.value;
    results.replaceChildren(renderReport(report, { asn1: asn1InWorker, addFiles: (files) => loadFiles(files, { append: true }) }));
    // A link cannot carry a capture's bytes.
    share.hidden = Boolean(capture);
    compareNow();
  } catch (err) {
    results.replaceChildren(h('div', { class: 'summary error', role: 'alert' },
      h('span', { class: 'headline', text: 'Could not analyse this input' }),
      h('span', { class: 'counts', text: String(err?.message ?? err) })));
  } finally {
    clearTimeout(progress);
    results.setAttribute('aria-busy', 'false');
  }
}

// --- comparing two certificates -----------------------------------------------------------
// The certificate above (old) against one pasted in the Compare panel (new), in the worker;
// the comparison's renderer is fetched the first time it is used.
const compareWith = $('compare-with');
const compareResult = $('compare-result');
let compares = 0;
async function compareNow() {
  const turn = ++compares;
  if (!compareWith.value.trim() || !paste.value.trim()) {
    compareResult.replaceChildren();
    return;
  }
  try {
    const [comparison, view] = await Promise.all([
      inspectInWorker(paste.value, { at: at.value || undefined }, false, compareWith.value),
      import('./lib/render-compare.js'),
    ]);
    if (turn === compares) compareResult.replaceChildren(view.comparisonView(comparison));
  } catch (err) {
    if (turn === compares) compareResult.replaceChildren(h('p', { class: 'err-text', role: 'alert', text: `Cannot compare: ${String(err?.message ?? err)}` }));
  }
}
let compareTimer;
compareWith.addEventListener('input', () => {
  clearTimeout(compareTimer);
  compareTimer = setTimeout(compareNow, 120);
});

let timer;
/** Typing waits for a pause; a paste or a drop is whole at once and is analysed at once. */
function scheduleAnalyse(event) {
  clearTimeout(timer);
  const whole = event?.inputType === 'insertFromPaste' || event?.inputType === 'insertFromDrop';
  timer = setTimeout(analyse, whole ? 0 : 120);
}

paste.addEventListener('input', (event) => { fileNote.hidden = true; scheduleAnalyse(event); });
at.addEventListener('change', scheduleAnalyse);
host.addEventListener('input', scheduleAnalyse);
customRoots.addEventListener('input', scheduleAnalyse);
password.addEventListener('input', scheduleAnalyse);
roots.addEventListener('change', () => { syncTrust(); scheduleAnalyse(); });
for (const control of [rfc5280, policies, ...POLICY_FLAGS.map($)]) control.addEventListener(control === policies ? 'input' : 'change', () => { syncPolicy(); scheduleAnalyse(); });
$('clear').addEventListener('click', () => {
  paste.value = '';
  password.value = '';
  passwordField.hidden = true;
  fileNote.hidden = true;
  history.replaceState(null, '', location.pathname);
  analyse();
  paste.focus();
});

function syncTrust() {
  customRoots.hidden = !roots.value.startsWith('custom');
  $('trust-summary').textContent = roots.selectedOptions[0].textContent.replace(/ \(.*\)$/, '');
}

for (const button of document.querySelectorAll('[data-capture]')) {
  button.addEventListener('click', async () => {
    const bytes = new Uint8Array(await (await fetch(`examples/${button.dataset.capture}`)).arrayBuffer());
    host.value = '';
    loadCapture(button.dataset.capture, bytes);
  });
}

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
    if (button.dataset.rfc5280 !== undefined) {
      rfc5280.checked = true;
      policies.value = button.dataset.rfc5280;
      $('policy').open = true;
    }
    syncTrust();
    syncPolicy();
    fileNote.hidden = true;
    analyse();
  });
}

// --- files ------------------------------------------------------------------------------
/** Binary DER becomes a PEM block so that what is analysed is visible and editable. */
// The PEM label for a dropped binary file, from its extension (certscope also checks the
// DER's structure, so a wrong guess is corrected).
const LABELS = { p12: 'PKCS12', pfx: 'PKCS12', p7b: 'PKCS7', p7c: 'PKCS7', p7s: 'PKCS7', p7m: 'PKCS7', crl: 'X509 CRL', csr: 'CERTIFICATE REQUEST', key: 'PRIVATE KEY' };

function toPem(bytes, name = '') {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const b64 = btoa(binary).replace(/.{64}/g, '$&\n');
  const label = LABELS[name.split('.').pop()?.toLowerCase()] ?? 'CERTIFICATE';
  return `-----BEGIN ${label}-----\n${b64.trim()}\n-----END ${label}-----\n`;
}

function isText(bytes) {
  try {
    return !new TextDecoder('utf-8', { fatal: true }).decode(bytes).includes('\0');
  } catch {
    return false;
  }
}

/** Reads `files` into the input, replacing it or (`append`: an intermediate fetched for the fix) after it. */
async function loadFiles(files, { append = false } = {}) {
  const parts = [];
  const notes = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isCapture(bytes) && !append) {
      loadCapture(file.name, bytes);
      return;
    }
    if (isText(bytes)) {
      parts.push(new TextDecoder().decode(bytes));
      notes.push(`${file.name} (text)`);
    } else {
      parts.push(toPem(bytes, file.name));
      notes.push(`${file.name} (${bytes.length.toLocaleString()} bytes of DER, shown as PEM)`);
    }
  }
  paste.value = append ? `${paste.value.trimEnd()}\n${parts.join('\n')}` : parts.join('\n');
  fileNote.textContent = `${append ? 'Added' : 'Loaded'} ${notes.join(', ')}.`;
  fileNote.hidden = false;
  analyse();
}

/** A packet capture, analysed from its bytes. */
function loadCapture(name, bytes) {
  capture = { bytes, line: captureLine(name, bytes) };
  paste.value = capture.line;
  fileNote.textContent = `Loaded ${name} (packet capture, ${bytes.length.toLocaleString()} bytes).`;
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

// --- sharing ----------------------------------------------------------------------------
// A permalink holds the input in the URL fragment, which browsers never send to a server.
// Private keys are cut out first: they must never end up in a link.
const PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY|PKCS12)-----[\s\S]*?-----END \1-----/g;
// Cookie values and credentials in pasted headers are secrets too (curl -v shows the request).
const SET_COOKIE = /^([<>]?[ \t]*set-cookie[ \t]*:[ \t]*[^=;\r\n]*=)[^;\r\n]*/gim;
const CREDENTIAL = /^([<>]?[ \t]*(?:cookie|authorization|proxy-authorization)[ \t]*:[ \t]*).*$/gim;

// Base64 of PEM (a Kubernetes Secret's tls.key, wrapped `base64` output): decoded to see
// whether it holds a key; a token that cannot be decoded is removed too, to be safe.
const BASE64_PEM = /LS0tLS1CRUdJTi[A-Za-z0-9+/=]*(?:\r?\n[ \t]*[A-Za-z0-9+/=]{4,}(?=\r?\n|$))*/g;
function withoutEncodedKey(token) {
  let decoded;
  try {
    decoded = atob(token.replace(/\s/g, ''));
  } catch {
    return '[removed from this link]';
  }
  return /PRIVATE KEY-----|BEGIN PKCS12/.test(decoded) ? '[private key removed from this link]' : token;
}

// JWK private members (RFC 7518 §6.2.2, §6.3.2, §6.4): values removed, in JSON with "kty".
const JWK_PRIVATE = /("(?:d|p|q|dp|dq|qi|k|oth)"\s*:\s*)("(?:[^"\\]|\\.)*"|\[[^\]]*\])/g;

// A HAR file's secrets: cookies and credentials in headers, cookie lists, form posts, and
// the recorded bodies (large, and often private). URLs, statuses and other headers stay.
const HAR_SECRET_HEADER = /^(?:cookie|set-cookie|authorization|proxy-authorization)$/i;
function withoutHarSecrets(text) {
  let har;
  try {
    har = JSON.parse(text);
  } catch {
    return null;
  }
  const removed = '[removed from this link]';
  for (const e of har?.log?.entries ?? []) {
    for (const part of [e?.request, e?.response]) {
      if (!part || typeof part !== 'object') continue;
      for (const f of Array.isArray(part.headers) ? part.headers : []) {
        if (!HAR_SECRET_HEADER.test(String(f?.name))) continue;
        // Set-Cookie keeps its attributes, which the cookie checks read (as SET_COOKIE does).
        f.value = /^set-cookie$/i.test(f.name) ? String(f.value).replace(/^([^=;]*=)[^;]*/, '$1[removed]') : removed;
      }
      for (const c of Array.isArray(part.cookies) ? part.cookies : []) if (c) c.value = removed;
      if (part.postData) part.postData = { mimeType: part.postData.mimeType, text: removed };
      if (part.content?.text !== undefined) part.content.text = removed;
    }
  }
  return JSON.stringify(har);
}

/** The paste as it may travel in a link: keys, cookie values and credentials removed. */
function shareable(text) {
  if (/^\s*\{/.test(text) && /"entries"/.test(text)) {
    const har = withoutHarSecrets(text);
    if (har !== null) return har;
  }
  const jwk = /"kty"\s*:/.test(text) ? text.replace(JWK_PRIVATE, '$1"[private key removed from this link]"') : text;
  return jwk
    .replace(PRIVATE_KEY, '[private key removed from this link]')
    .replace(BASE64_PEM, withoutEncodedKey)
    .replace(SET_COOKIE, '$1[removed]')
    .replace(CREDENTIAL, '$1[removed from this link]');
}
const LINK_LIMIT = 64 * 1024;

async function pack(value) {
  const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

async function unpack(text) {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return JSON.parse(await new Response(stream).text());
}

$('copy-link').addEventListener('click', async (event) => {
  const state = {
    t: shareable(paste.value),
    h: host.value, a: at.value, r: roots.value,
    c: roots.value.startsWith('custom') ? customRoots.value : '',
    p: rfc5280.checked ? [policies.value, ...POLICY_FLAGS.map((id) => $(id).checked)] : null,
    l: everyLint.checked,
  };
  const packed = await pack(state);
  if (packed.length > LINK_LIMIT) {
    event.target.textContent = 'Too large for a link';
    setTimeout(() => { event.target.textContent = 'Copy link'; }, 2000);
    return;
  }
  history.replaceState(null, '', `#v1.${packed}`);
  copy(location.href, event.target);
});

$('copy-json').addEventListener('click', (event) => {
  if (current) copy(JSON.stringify(current, null, 2), event.target);
});

$('download-json').addEventListener('click', () => {
  if (!current) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(current, null, 2)], { type: 'application/json' }));
  const a = h('a', { href: url, download: 'certscope-report.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

async function restore() {
  if (!location.hash.startsWith('#v1.')) return false;
  try {
    const state = await unpack(location.hash.slice(4));
    paste.value = String(state.t ?? '');
    host.value = String(state.h ?? '');
    at.value = String(state.a ?? '');
    roots.value = ['mozilla', 'custom', 'custom+mozilla', 'none'].includes(state.r) ? state.r : 'mozilla';
    customRoots.value = String(state.c ?? '');
    const p = Array.isArray(state.p) ? state.p : null;
    rfc5280.checked = Boolean(p);
    policies.value = String(p?.[0] ?? '');
    POLICY_FLAGS.forEach((id, i) => { $(id).checked = p?.[i + 1] === true; });
    everyLint.checked = state.l === true;
    syncTrust();
    syncPolicy();
    syncLints();
    return true;
  } catch {
    fileNote.textContent = 'This link could not be read; it may have been cut short.';
    fileNote.hidden = false;
    return false;
  }
}

window.addEventListener('hashchange', async () => { if (await restore()) analyse(); });
if (await restore()) await analyse();
document.documentElement.dataset.ready = 'true';
