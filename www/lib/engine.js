// certscope's engine, split by capability (docs/architecture.md). The core module reads the
// input and explains certificates, keys, CSRs, CRLs and transcripts; a report lists in
// `pending` what it could not do without another module. This file loads that module (verify:
// signatures, chain verdicts, Mozilla's roots; http: header analysis; pkcs12: decryption;
// documents: SAML metadata and JWK Sets; ssh: OpenSSH keys and certificates; dns: DNS answers;
// html: a pasted page's <meta> policies and scripts; pqc: ML-DSA signatures; ct: Certificate
// Transparency; capture: packet captures and TLS bytes; ocsp: OCSP responses; policy: RFC 5280
// certificate policy processing, when the rfc5280 verdict is asked for; dsa: DSA signatures, for
// that verdict; psl: the Public Suffix
// List, for a wildcard certificate checked against a host; revocation: the CRLs given, RFC 5280 §6.3;
// profiles: the S/MIME and Code Signing Baseline Requirements' lints, for such certificates)
// the first time an input needs it, and runs the core again, so callers get the complete
// report without knowing the modules exist. Published as the npm package's main module.
import { loaded, register } from './services.js';

// Imported with literal specifiers so that bundlers see each module and split it out.
const importers = {
  verify: () => import('./certscope_verify.js'),
  http: () => import('./certscope_http.js'),
  pkcs12: () => import('./certscope_pkcs12.js'),
  documents: () => import('./certscope_documents.js'),
  ssh: () => import('./certscope_ssh.js'),
  compare: () => import('./certscope_compare.js'),
  dns: () => import('./certscope_dns.js'),
  html: () => import('./certscope_html.js'),
  pqc: () => import('./certscope_pqc.js'),
  ct: () => import('./certscope_ct.js'),
  capture: () => import('./certscope_capture.js'),
  ocsp: () => import('./certscope_ocsp.js'),
  policy: () => import('./certscope_policy.js'),
  psl: () => import('./certscope_psl.js'),
  dsa: () => import('./certscope_dsa.js'),
  revocation: () => import('./certscope_revocation.js'),
  profiles: () => import('./certscope_profiles.js'),
};

// Node (the package loaded from disk) reads the .wasm files itself; browsers and bundles
// let each glue module fetch its own from new URL('…_bg.wasm', import.meta.url). webpack
// rewrites import.meta.url to the file's build-time file: URL, so Node is also asked for.
const fromDisk = import.meta.url.startsWith('file:') && typeof process === 'object' && Boolean(process.versions?.node);
async function instantiate(glue, file) {
  if (!fromDisk) return glue.default();
  // Not a module bundlers should follow: this branch runs only when loaded from disk (Node).
  const fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ ['node:fs', 'promises'].join('/'));
  // The base is taken apart from new URL(): bundlers read new URL(x, import.meta.url) as an asset.
  const here = import.meta.url;
  return glue.default({ module_or_path: await fs.readFile(new URL(file, here)) });
}

let core;
let coreReady;
let generation = 0;
const modules = {};
const ready = new Set();

/** Loads the core module (once). Every other function calls it; call it early to warm up. */
export function init() {
  coreReady ??= (async () => {
    // After a trap the instance is unusable: a fresh copy of the glue gives a new one. (A
    // bundle has no copy to fetch again; there a trap needs a reload.)
    const glue = generation === 0
      ? await import('./certscope_core.js')
      : await import(/* webpackIgnore: true */ /* @vite-ignore */ `./certscope_core.js?instance=${generation}`);
    await instantiate(glue, 'certscope_core_bg.wasm');
    core = glue;
    ready.add('core');
    return glue;
  })().catch((err) => {
    coreReady = undefined;
    throw err;
  });
  return coreReady;
}

/** Loads a capability module (once) and makes it callable from the core. */
export function load(capability) {
  modules[capability] ??= (async () => {
    const glue = await importers[capability]();
    await instantiate(glue, `certscope_${capability}_bg.wasm`);
    if (!['http', 'ssh', 'compare', 'dns', 'html', 'ct', 'capture', 'ocsp', 'policy', 'profiles'].includes(capability)) register(capability, glue);
    ready.add(capability);
    return glue;
  })().catch((err) => {
    // A failed fetch is tried again by the next call, not remembered.
    delete modules[capability];
    throw err;
  });
  return modules[capability];
}

/** Which modules have been loaded so far (for size-conscious embedders and tests). */
export function modulesLoaded() {
  return [...ready];
}

/** Runs `f` on the core; a trap (WebAssembly.RuntimeError) retires the instance. */
function guarded(f) {
  try {
    return f(core);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      coreReady = undefined;
      core = undefined;
      generation += 1;
    }
    throw err;
  }
}

/**
 * Reads and explains everything in `input`, loading the modules it needs. With
 * `options.verify === false` no chain verdict is made (the verify module is not loaded and
 * `pending` keeps "verify").
 */
export async function inspect(input, options = {}) {
  await init();
  let report = guarded((c) => c.inspect(input, options));
  if (report.pending.includes('capture')) return inspectCapture(input, options);
  // A module the core calls during analysis changes what it finds (a decrypted bundle holds
  // certificates that then need verifying), so the core runs again after each load.
  for (let round = 0; round < 3; round += 1) {
    // http, ssh, dns, html, ocsp and profiles describe the input apart from the core: they are merged below.
    const wanted = report.pending.filter((c) => !['http', 'dns', 'ssh', 'html', 'ocsp', 'profiles'].includes(c) && !(c === 'verify' && options?.verify === false) && !loaded(c));
    if (wanted.length === 0) break;
    await Promise.all(wanted.map(load));
    report = guarded((c) => c.inspect(input, options));
  }
  if (report.pending.includes('profiles')) addProfiles(report, await load('profiles'), options?.lints !== 'core');
  if (report.chains.some((c) => c.rfc5280?.policyInput)) addPolicies(report, await load('policy'));
  // OCSP answers can fail a verdict, so they come before the chain file made from it.
  if (report.pending.includes('ocsp')) addOcsp(report, await load('ocsp'));
  if (report.chains.length > 0 && loaded('verify')) {
    addFixes(report, await load('verify'));
    if (report.chains.some((c) => report.certificates[c.leaf].extensions.some((e) => e.oid === SCT_LIST) || delivered(report, c.leaf, input))) await addCt(report, await load('ct'), input);
  }
  // SAML and JWK documents and OpenSSH keys are described by their own module.
  for (const capability of ['documents', 'ssh']) {
    if (report.pending.includes(capability)) await addDocument(report, capability, input, options);
  }
  // Pasted headers and DNS answers are read as text by their own modules.
  const asText = report.pending.includes('http') || report.pending.includes('dns');
  const pasted = !asText || typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  if (report.pending.includes('http')) {
    // A pasted page is read by the html module first; the http module judges it with the headers.
    const [http, html] = await Promise.all([load('http'), report.pending.includes('html') ? load('html') : null]);
    addHttp(report, http.analyseHttp(pasted, report.chains[0]?.browser.trusted, html ? html.readHtml(pasted) : ''));
    report.pending = report.pending.filter((c) => c !== 'html');
  }
  if (report.pending.includes('dns')) {
    const dns = (await load('dns')).analyseDns(pasted, JSON.stringify(dnsCertificates(report)));
    if (dns) {
      report.errors = report.errors.filter((p) => p.code !== 'nothing-recognised');
      report.dns = [dns];
    }
    report.pending = report.pending.filter((c) => c !== 'dns');
  }
  return report;
}

/**
 * A packet capture or TLS bytes: the capture module reads it, and the certificates a TLS 1.2
 * server sent in the clear are inspected as if pasted, for the host the client asked for, as
 * `capture` in src/inspect/mod.rs does natively.
 */
async function inspectCapture(input, options) {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : new Uint8Array(input);
  const onProgress = typeof options?.onProgress === 'function' ? options.onProgress : undefined;
  const read = JSON.parse((await load('capture')).readCapture(bytes, onProgress));
  const report = await inspect(read.pem ?? '', { ...options, host: options.host || read.host || undefined });
  report.errors = report.errors.filter((p) => p.code !== 'nothing-recognised');
  report.inputBytes = bytes.length;
  report.errors.push(...read.errors);
  if (read.capture) {
    const offset = report.connections.length;
    report.connections.push(...read.connections);
    for (const c of read.capture.connections) c.connection += offset;
    report.captures = [read.capture];
    if (loaded('verify') && read.capture.connections.some((c) => c.scts)) await addCt(report, await load('ct'));
  }
  return report;
}

const SEVERITY = { error: 0, warning: 1, info: 2 };

/**
 * Lints certificates by the profiles module's rules and adds the findings to each, most severe
 * first, as `lint_beyond_core` in src/inspect/mod.rs does natively: S/MIME and code-signing
 * certificates by their profiles' rules, and every certificate by the deeper catalogue when
 * `deep` (the `lints: "all"` default), and the CRLs the core left a `lintInput` on by the CRL
 * rules. Public-CA rules become notes under the core's `publicRulesNote`, as the core's own do.
 */
function addProfiles(report, profiles, deep) {
  // Certificates of a SAML or JWK document (its description still to come from the documents
  // module) are not judged by the rules for web servers, as `inspect` decides natively.
  const document = report.pending.includes('documents') || Boolean(report.document);
  for (const c of report.certificates) {
    if (!deep && !c.profiles.some((p) => p === 'smime' || p === 'code-signing')) continue;
    const der = Uint8Array.from(atob(c.pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('')), (ch) => ch.charCodeAt(0));
    const added = profiles.lintProfiles(der, c.selfSigned, deep, c.publicRulesNote, c.findings.map((f) => f.id).join('\n'), document);
    // A rule that says the same as a finding the core gave names it instead (as `same_as` does natively).
    for (const [id, zlint, pkilint] of added.named) {
      const f = c.findings.find((x) => x.id === id);
      if (f && zlint) f.zlint ??= zlint;
      if (f && pkilint) f.pkilint ??= pkilint;
    }
    c.findings.push(...added.findings);
    // Array.prototype.sort is stable: equal severities keep the core's order.
    c.findings.sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity]);
  }
  // CRLs the core left for the CRL rules (`lint_crl` in src/inspect/mod.rs does this natively).
  for (const crl of report.crls) {
    if (!crl.lintInput) continue;
    const { der, issuerIsRoot, note } = crl.lintInput;
    delete crl.lintInput;
    crl.findings.push(...profiles.lintCrl(Uint8Array.from(atob(der), (ch) => ch.charCodeAt(0)), issuerIsRoot, note ?? undefined));
    crl.findings.sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity]);
  }
  report.pending = report.pending.filter((c) => c !== 'profiles');
}

/** The certificates as `dns_certificates` in src/inspect/mod.rs lists them for the DNS checks. */
function dnsCertificates(report) {
  const path = report.chains[0]?.browser.path;
  const order = path ? path.map((l) => l.certificate).filter((i) => i !== null && i !== undefined) : report.certificates.map((_, i) => i);
  return order.map((index) => {
    const c = report.certificates[index];
    const pin = atob(c.fingerprints.spkiSha256);
    return {
      der: c.pem.split('\n').filter((l) => l && !l.startsWith('-----')).join(''),
      sha256: c.fingerprints.sha256.replaceAll(':', '').toLowerCase(),
      spkiSha256: Array.from(pin, (ch) => ch.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
      names: c.names,
      issuer: c.issuer.organization ?? c.issuer.commonName ?? '',
      ca: c.extensions.some((e) => e.value?.kind === 'basicConstraints' && e.value.ca),
      index,
    };
  });
}

/**
 * Runs certificate policy processing (policy module) for each `rfc5280` verdict the core left
 * `policyInput` on, and applies the answer as `apply_policy` in src/chain/mod.rs does natively.
 */
function addPolicies(report, policyModule) {
  for (const chain of report.chains) {
    const verdict = chain.rfc5280;
    if (!verdict?.policyInput) continue;
    const { policy, problem } = policyModule.policyCheck(verdict.policyInput);
    delete verdict.policyInput;
    if (problem) {
      verdict.trusted = false;
      verdict.summary = `Not trusted: ${problem.message}`;
      for (const link of verdict.path) link.failed = link.certificate !== null && link.certificate === problem.certificate;
      verdict.problem = problem;
    }
    verdict.policy = policy;
  }
}

/**
 * Adds each chain's corrected chain file (verify module), reading the report as `fix::input`
 * in src/fix.rs does; the split test compares the result with the native report.
 */
function addFixes(report, verify) {
  for (const chain of report.chains) {
    const { problem } = chain.browser;
    const failed = problem?.code === 'unknown-issuer' ? report.certificates[problem.certificate] : undefined;
    const aia = failed?.extensions.find((e) => e.oid === '1.3.6.1.5.5.7.1.1');
    const { path } = chain.browser;
    const fix = verify.fixChain(
      report.certificates.map((c) => c.pem),
      report.certificates.map((c) => c.subject.commonName ?? c.subject.display),
      Int32Array.from(path, (l) => l.certificate ?? -1),
      path.at(-1)?.kind === 'root',
      chain.browser.trusted,
      problem?.code,
      failed?.issuer.display,
      aia?.value.entries?.find((a) => a.method === 'caIssuers')?.location.value,
    );
    if (fix) chain.fix = fix;
  }
}

/** The SCT list extension (RFC 6962 §3.3): a chain whose end entity has one loads the ct module. */
const SCT_LIST = '1.3.6.1.4.1.11129.2.4.2';

/** Base64 to bytes. */
function bytes(b64) {
  const text = atob(b64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * The SCT lists sent for certificate `leaf` in captured handshakes and OCSP responses, and the
 * `openssl s_client -ct` transcripts of `input` that print SCTs for it, as src/inspect/ct.rs
 * gathers them.
 */
function delivered(report, leaf, input) {
  const tls = (report.captures ?? []).flatMap((c) => c.connections).filter((c) => c.certificatesFrom === leaf && c.scts).map((c) => `tls ${c.scts}`);
  return tls.concat((report.ocsp ?? []).flatMap((r) => r.responses).filter((s) => s.certificate === leaf && s.scts).map((s) => `ocsp ${s.scts}`), printed(report, leaf, input)).join('\n');
}

/** Each s_client transcript's text (its first line to the next transcript's) whose server certificate is `leaf`, as `printed <base64>` lines. */
function printed(report, leaf, input) {
  const mine = report.connections.filter((c) => c.tool === 'openssl s_client' && c.chain[0]?.certificate === leaf);
  if (mine.length === 0 || input === undefined) return [];
  let text = input;
  if (typeof input !== 'string') {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return [];
    }
  }
  if (!text.includes('SCTs present (')) return [];
  const lines = text.split(/(?<=\n)/);
  const starts = report.connections.map((c) => c.line);
  return mine.map((c) => {
    const end = Math.min(...starts.filter((l) => l > c.line), lines.length + 1);
    const utf8 = new TextEncoder().encode(lines.slice(c.line - 1, end - 1).join(''));
    let binary = '';
    for (let i = 0; i < utf8.length; i += 0x8000) binary += String.fromCharCode(...utf8.subarray(i, i + 0x8000));
    return `printed ${btoa(binary)}`;
  });
}

/**
 * Adds each chain's CT check (ct module), reading the report as `add` in src/inspect/ct.rs
 * does: the end entity's DER and lifetime, the key hash of the pasted certificate after it on
 * the browser path, the SCT lists sent beside it.
 */
async function addCt(report, ct, input) {
  const { platformSignatures } = await import('./platform.js');
  const at = Date.parse(report.evaluatedAt) / 1000;
  for (const chain of report.chains) {
    const leaf = report.certificates[chain.leaf];
    const issuer = report.certificates[chain.browser.path[1]?.certificate ?? -1];
    const der = bytes(leaf.pem.split('\n').filter((l) => l && !l.startsWith('-----')).join(''));
    const lifetime = (Date.parse(leaf.validity.notAfter) - Date.parse(leaf.validity.notBefore)) / 1000;
    const checked = await platformSignatures(() => ct.ctCheck(der, issuer ? bytes(issuer.fingerprints.spkiSha256) : new Uint8Array(), lifetime, at, delivered(report, chain.leaf, input)));
    if (checked) chain.ct = checked;
  }
}

/**
 * Reads the OCSP responses and requests the core found (`ocspInput`) with the ocsp module, against the
 * report's certificates in order, as `inspect` in src/inspect/mod.rs does natively.
 */
function addOcsp(report, ocsp) {
  const certificates = report.certificates.map((c) => c.pem).join('');
  const at = Date.parse(report.evaluatedAt) / 1000;
  const read = (report.ocspInput ?? []).map(({ location, der }) => ocsp.readOcsp(bytes(der), location.block, location.line ?? undefined, location.byteOffset, certificates, at));
  const reports = read.flatMap((r) => (r.ocsp ? [r.ocsp] : []));
  if (reports.length > 0) report.ocsp = reports;
  applyOcsp(report.chains, reports);
  const requests = read.flatMap((r) => (r.request ? [r.request] : []));
  if (requests.length > 0) report.ocspRequests = requests;
  report.errors.push(...read.flatMap((r) => (r.error ? [r.error] : [])));
  delete report.ocspInput;
  report.pending = report.pending.filter((c) => c !== 'ocsp');
}

/** The revocation a trustworthy OCSP response states for certificate `index`, as src/ocsp/verdict.rs words it. */
function ocspRevoked(index, reports) {
  for (const r of reports) {
    const by = r.signature?.verdict !== 'verified' ? null : { issuer: 'its CA', delegated: 'a responder its CA delegated' }[r.signature.authority];
    const s = by && r.responses.find((x) => x.certificate === index && x.status === 'revoked');
    if (!s) continue;
    const who = s.subject ?? `certificate ${index + 1}`;
    const when = s.revokedAt ? s.revokedAt.slice(0, 10) : '?';
    return `${who} was revoked on ${when}${s.reason ? ` (${s.reason})` : ''}: an OCSP response signed by ${by} says so`;
  }
  return null;
}

/** A trusted verdict whose path holds a certificate an OCSP response revokes is untrusted, as `apply_to_chains` in src/ocsp/verdict.rs does. */
function applyOcsp(chains, reports) {
  for (const chain of chains) {
    for (const verdict of [chain.browser, chain.strict, chain.rfc5280]) {
      if (!verdict?.trusted) continue;
      let found = null;
      for (const link of verdict.path) {
        const message = link.certificate === null ? null : ocspRevoked(link.certificate, reports);
        if (message) { found = { index: link.certificate, message }; break; }
      }
      if (!found) continue;
      verdict.trusted = false;
      verdict.summary = `Not trusted: ${found.message}`;
      for (const link of verdict.path) link.failed = link.certificate === found.index;
      verdict.problem = { code: 'revoked', message: found.message, certificate: found.index };
    }
  }
}

/** The same merge as `add_http` in src/inspect/mod.rs. */
function addHttp(report, { http, errors }) {
  if (http.length > 0 || errors.length > 0) report.errors = report.errors.filter((p) => p.code !== 'nothing-recognised');
  report.errors.push(...errors);
  report.http = http;
  report.pending = report.pending.filter((c) => c !== 'http');
}

/**
 * Adds the description the documents or ssh module gives of `input`, as `add_document` in
 * src/inspect/mod.rs does. An OpenSSH certificate's signature is checked by the verify module
 * (through services.js): it is loaded, and the input read again, when the first reading says
 * `unverified`.
 */
async function addDocument(report, capability, input, options) {
  const glue = await load(capability);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : new Uint8Array(input);
  let document = glue.readDocument(bytes, report.evaluatedAt);
  if (document?.unverified && options?.verify !== false && !loaded('verify')) {
    await load('verify');
    document = glue.readDocument(bytes, report.evaluatedAt);
  }
  if (document) {
    report.errors.push(...document.errors);
    report.document = document;
  }
  report.pending = report.pending.filter((c) => c !== capability);
}

/**
 * Compares the certificate in `a` with the one in `b` (old and new; the end certificate when
 * an input holds a chain): the core reads both, the compare module compares them (no chain
 * verdict is made). Rejects with an error naming the input that holds no certificate.
 */
export async function compare(a, b, options = {}) {
  await init();
  const read = (input) => JSON.stringify(guarded((c) => c.inspect(input, { at: options.at, roots: 'none' })).certificates);
  const [first, second] = [read(a), read(b)];
  return (await load('compare')).compareCertificates(first, second);
}

/** Lists every certificate in `input` without analysis (core only). */
export async function summarize(input) {
  await init();
  return guarded((c) => c.summarize(input));
}

/** The raw ASN.1 of the first certificate (or other DER block) in `input` (core only). */
export async function asn1(input) {
  await init();
  return guarded((c) => c.asn1(input));
}

/** The version of certscope. */
export async function version() {
  await init();
  return core.version();
}

export default init;
