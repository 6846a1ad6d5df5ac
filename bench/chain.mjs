// A 3-certificate RSA-2048 chain (leaf, intermediate, root from tests/data/generated) analysed
// and verified by the npm package in Node: parse, three signature checks, path building, lints.
// With --ct: *.peg.a2z.com's real 2021 chain (tests/data/ct/peg.a2z.com-chain.pem: leaf,
// DigiCert Global CA G2, DigiCert Global Root G2), whose leaf carries three SCTs: the same,
// plus the ct module rebuilding the precertificate and verifying the three SCTs (their ECDSA
// P-256 signatures through the platform in the web engine, www/lib/platform.js: node:crypto in
// Node, or WebCrypto with --webcrypto; all in WebAssembly with --wasm-only). With --chromium:
// the same, run by the page's engine (www/lib, the browser build) in headless Chromium from the
// local server.
//
//   node bench/chain.mjs [--runs 500] [--browser-build] [--ct] [--chromium] [--webcrypto | --wasm-only]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const root = new URL('../', import.meta.url).pathname;
const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 500;
const ct = process.argv.includes('--ct');
const chromium = process.argv.includes('--chromium');
const chain = readFileSync(`${root}tests/data/${ct ? 'ct/peg.a2z.com-chain.pem' : 'generated/rsa2048-chain.pem'}`);
const anchor = readFileSync(`${root}tests/data/generated/rsa2048-root.pem`);
const options = ct ? { at: '2022-01-01', host: 'www.peg.a2z.com' } : { at: '2026-02-01', host: 'www.certscope.test', roots: anchor };
const what = ct ? '*.peg.a2z.com 2021 chain (3 certificates, 3 embedded SCTs verified)' : '3-certificate RSA-2048 chain';
if (chromium) {
  const { launch, serve } = await import(`${root}tests/browser/harness.mjs`);
  const server = await serve();
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(server.origin);
  const times = await page.evaluate(async ({ chain, anchor, options, runs, ct }) => {
    const { inspect } = await import('/lib/certscope.js');
    const opts = { ...options, ...(anchor ? { roots: anchor } : {}) };
    const first = await inspect(chain, opts);
    const scts = first.chains[0]?.ct?.scts.map((s) => s.signature).join(' ');
    if (ct && scts !== 'verified verified verified') throw new Error(`SCTs not verified: ${scts}`);
    if (!first.chains[0]?.browser.trusted) throw new Error(`chain not trusted: ${first.chains[0]?.browser.summary}`);
    for (let i = 0; i < 20; i++) await inspect(chain, opts);
    const out = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await inspect(chain, opts);
      out.push(performance.now() - t);
    }
    return out;
  }, { chain: chain.toString(), anchor: ct ? null : anchor.toString(), options: ct ? options : { ...options, roots: undefined }, runs, ct });
  const version = browser.version();
  await browser.close();
  server.close();
  report(times, `in Chromium ${version}, browser build`);
} else {
  const { inspect } = await import(`${root}pkg/${process.argv.includes('--browser-build') ? '' : 'node/'}certscope.js`);
  const { usePlatformSignatures } = await import(`${root}pkg/platform.js`);
  const mode = process.argv.includes('--wasm-only') ? false : process.argv.includes('--webcrypto') ? 'webcrypto' : true;
  usePlatformSignatures(mode);
  const check = await inspect(chain, options);
  if (ct) {
    const scts = check.chains[0]?.ct?.scts.map((s) => s.signature).join(' ');
    if (scts !== 'verified verified verified') throw new Error(`SCTs not verified: ${scts}`);
    if (!check.chains[0]?.browser.trusted) throw new Error(`chain not trusted: ${check.chains[0]?.browser.summary}`);
  } else if (!check.chains[0]?.browser.trusted) throw new Error(`chain not trusted: ${check.chains[0]?.browser.summary}`);
  for (let i = 0; i < 20; i++) await inspect(chain, options);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await inspect(chain, options);
    times.push(performance.now() - t);
  }
  const how = { true: 'SCT ECDSA by node:crypto', webcrypto: 'SCT ECDSA by WebCrypto', false: 'every signature in WebAssembly' }[mode];
  report(times, `in WebAssembly (Node ${process.version}${ct ? `, ${how}` : ''})`);
}

function report(times, where) {
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.floor(p * (times.length - 1))].toFixed(2);
  console.log(`${what}, inspect() with verification ${where}: median ${q(0.5)} ms, p10 ${q(0.1)} ms, p90 ${q(0.9)} ms over ${runs} runs`);
}
