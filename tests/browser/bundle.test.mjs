// The npm package (pkg/) bundled by esbuild into a tiny app, loaded in Chromium: the core
// first, and the verify and http modules as split chunks fetched only when an input needs them.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { launch, root } from './harness.mjs';

let browser;
let server;
const dir = mkdtempSync(join(tmpdir(), 'certscope-bundle-'));

before(async () => {
  writeFileSync(join(dir, 'app.js'), `
    import { inspect, modulesLoaded } from 'certscope';
    import 'certscope/define';
    const pem = ${JSON.stringify(readFileSync(`${root}tests/data/generated/p256-chain.pem`, 'utf8'))};
    const headers = ${JSON.stringify(readFileSync(`${root}tests/data/http/shop-sIL.txt`, 'utf8'))};
    const first = await inspect(pem, { at: '2026-02-01', verify: false });
    const loadedFirst = modulesLoaded().join(',');
    const report = await inspect(pem, { at: '2026-02-01', roots: ${JSON.stringify(readFileSync(`${root}tests/data/generated/p256-root.pem`, 'utf8'))} });
    const http = await inspect(headers, { at: '2026-11-27' });
    document.body.dataset.modules = [loadedFirst, modulesLoaded().join(',')].join(' then ');
    document.body.dataset.verdict = String(first.chains.length) + ',' + String(report.chains[0].browser.trusted);
    document.body.dataset.grade = http.http[0].observatory.grade;
    document.body.dataset.roles = report.certificates.map((c) => c.role).join(',');
    document.body.dataset.element = String(customElements.get('certscope-view') !== undefined);
  `);
  // Installed as npm would: node_modules/certscope is the built package.
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(`${root}pkg`, join(dir, 'node_modules/certscope'));
  await build({
    entryPoints: [join(dir, 'app.js')], bundle: true, format: 'esm', splitting: true, outdir: join(dir, 'dist'),
    logLevel: 'silent',
  });
  // wasm-bindgen's glue loads each module from new URL('certscope_…_bg.wasm', import.meta.url):
  // with esbuild, ship the .wasm files next to the bundle.
  for (const m of ['core', 'verify', 'http', 'pkcs12']) copyFileSync(`${root}pkg/certscope_${m}_bg.wasm`, join(dir, `dist/certscope_${m}_bg.wasm`));
  writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="app.js"></script>');
  server = await new Promise((resolve) => {
    const p = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', join(dir, 'dist')], { stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout.on('data', (c) => { const m = /port (\d+)/.exec(String(c)); if (m) resolve({ origin: `http://127.0.0.1:${m[1]}`, close: () => p.kill() }); });
  });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

test('an esbuild bundle of the package works in Chromium', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.slice(1)); });
  await page.goto(`${server.origin}/index.html`);
  await page.waitForFunction(() => document.body.dataset.roles);
  assert.equal(await page.evaluate(() => document.body.dataset.roles), 'leaf,intermediate,root');
  assert.equal(await page.evaluate(() => document.body.dataset.modules), 'core then core,verify,http');
  assert.equal(await page.evaluate(() => document.body.dataset.verdict), '0,true');
  assert.equal(await page.evaluate(() => document.body.dataset.grade), 'C+');
  // Each module fetched once, in the order the inputs needed them; PKCS#12 never.
  assert.deepEqual(wasm, ['certscope_core_bg.wasm', 'certscope_verify_bg.wasm', 'certscope_http_bg.wasm']);
  assert.equal(await page.evaluate(() => document.body.dataset.element), 'true');
  assert.deepEqual(errors, []);
});
