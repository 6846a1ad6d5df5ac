// Time from navigation to "ready for input", in headless Chromium from the local server: when
// the page's script has run (DOMContentLoaded: the paste box works, html[data-ready]) and when
// the WebAssembly engine has loaded in the worker (the footer shows its version: an analysis
// starts at once), then the time from pasting the example chain to its verdict on the page
// (the first verdict also loads the verify module). A fresh browser context per run, so
// nothing is cached.
//
//   node bench/page-load.mjs [--runs 10]
import { readFileSync } from 'node:fs';
import { launch, root, serve } from '../tests/browser/harness.mjs';

const chain = readFileSync(`${root}tests/data/generated/example-chain.pem`, 'utf8');

const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 10;
const server = await serve();
const browser = await launch();
const times = [];
for (let i = 0; i < runs + 1; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.origin);
  const engine = await page.waitForFunction(() => (/^v\d/.test(document.getElementById('version')?.textContent ?? '') ? performance.now() : false), null, { polling: 1 });
  const ms = { script: await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), engine: await engine.jsonValue() };
  // What a paste does: the text arrives whole with an insertFromPaste input event.
  const pasted = await page.evaluate((text) => {
    const box = document.getElementById('paste');
    box.value = text;
    const t = performance.now();
    box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
    return t;
  }, chain);
  const verdict = await page.waitForFunction(() => (document.querySelector('[data-testid="chain"]') ? performance.now() : false), null, { polling: 1 });
  ms.verdict = (await verdict.jsonValue()) - pasted;
  if (i > 0) times.push(ms); // the first run warms the server and the disk cache
  await context.close();
}
await browser.close();
server.close();
const label = { script: 'navigation → page ready (DOMContentLoaded)', engine: 'navigation → engine ready (core module loaded)', verdict: 'paste → first chain verdict (verify module loaded on demand)' };
for (const key of ['script', 'engine', 'verdict']) {
  const t = times.map((x) => x[key]).sort((a, b) => a - b);
  const median = t[Math.floor(t.length / 2)];
  console.log(`${label[key]}: median ${median.toFixed(0)} ms (min ${t[0].toFixed(0)}, max ${t.at(-1).toFixed(0)}) over ${t.length} fresh contexts`);
}
