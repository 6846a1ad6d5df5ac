// A 3-certificate RSA-2048 chain (leaf, intermediate, root from tests/data/generated) analysed
// and verified by the npm package in Node: parse, three signature checks, path building, lints.
//
//   node bench/chain.mjs [--runs 500]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const root = new URL('../', import.meta.url).pathname;
const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 500;
const { inspect } = await import(`${root}pkg/${process.argv.includes('--browser-build') ? '' : 'node/'}certscope.js`);
const chain = readFileSync(`${root}tests/data/generated/rsa2048-chain.pem`);
const anchor = readFileSync(`${root}tests/data/generated/rsa2048-root.pem`);
const options = { at: '2026-02-01', host: 'www.certscope.test', roots: anchor };
const check = await inspect(chain, options);
if (!check.chains[0]?.browser.trusted) throw new Error(`chain not trusted: ${check.chains[0]?.browser.summary}`);
for (let i = 0; i < 20; i++) await inspect(chain, options);
const times = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await inspect(chain, options);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.floor(p * (times.length - 1))].toFixed(2);
console.log(`3-certificate RSA-2048 chain, inspect() with verification in WebAssembly (Node ${process.version}): median ${q(0.5)} ms, p10 ${q(0.1)} ms, p90 ${q(0.9)} ms over ${runs} runs`);
