// The npm package loaded in a Web Worker (a module worker, as an app that keeps analysis off
// its main thread would load it): the engine finds its modules relative to itself, inspects,
// compares, and adds nothing to the worker's global scope.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { launch, root } from './harness.mjs';

let browser;
let server;
const dir = mkdtempSync(join(tmpdir(), 'certscope-worker-'));
const data = (p) => JSON.stringify(readFileSync(`${root}tests/data/${p}`, 'utf8'));

before(async () => {
  symlinkSync(`${root}pkg`, join(dir, 'certscope'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="main.js"></script>');
  writeFileSync(join(dir, 'main.js'), `
    const worker = new Worker('./worker.js', { type: 'module' });
    worker.onmessage = (e) => { document.body.dataset.result = JSON.stringify(e.data); };
    worker.onerror = (e) => { document.body.dataset.result = JSON.stringify({ error: e.message }); };
  `);
  writeFileSync(join(dir, 'worker.js'), `
    const before = new Set(Object.getOwnPropertyNames(self));
    const { inspect, compare, modulesLoaded } = await import('./certscope/certscope.js');
    const chain = await inspect(${data('generated/p256-chain.pem')}, { at: '2026-02-01', roots: ${data('generated/p256-root.pem')} });
    const diff = await compare(${data('generated/p256-leaf.pem')}, ${data('generated/rsa2048-leaf.pem')}, { at: '2026-02-01' });
    self.postMessage({
      trusted: chain.chains[0].browser.trusted,
      fix: chain.chains[0].fix.changes,
      diff: diff.differences.map((d) => d.field),
      modules: modulesLoaded().sort(),
      added: Object.getOwnPropertyNames(self).filter((k) => !before.has(k)),
    });
  `);
  server = await new Promise((resolve) => {
    const p = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout.on('data', (c) => { const m = /port (\d+)/.exec(String(c)); if (m) resolve({ origin: `http://127.0.0.1:${m[1]}`, close: () => p.kill() }); });
  });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

test('the package in a module Web Worker: inspect, the fix and compare, no globals added', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(server.origin)) errors.push(`request to ${r.url()}`); });
  await page.goto(`${server.origin}/index.html`);
  await page.waitForFunction(() => document.body?.dataset.result, null, { timeout: 20_000 });
  assert.deepEqual(JSON.parse(await page.evaluate(() => document.body.dataset.result)), {
    trusted: true,
    fix: ['removed the root certscope p256 Root: clients already have it, and it is not sent'],
    diff: ['Public key', 'Issuer', 'Issuer key (AKI)', 'Signature algorithm'],
    modules: ['compare', 'core', 'profiles', 'verify'],
    added: [],
  });
  assert.deepEqual(errors, []);
  await page.close();
});
