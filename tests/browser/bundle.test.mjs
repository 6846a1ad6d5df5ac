// The npm package (pkg/) bundled by esbuild into a tiny app, loaded in Chromium.
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
    import init, { inspect } from 'certscope';
    import 'certscope/define';
    await init();
    const pem = ${JSON.stringify(readFileSync(`${root}tests/data/generated/p256-chain.pem`, 'utf8'))};
    const report = inspect(pem, { at: '2026-02-01' });
    document.body.dataset.roles = report.certificates.map((c) => c.role).join(',');
    document.body.dataset.element = String(customElements.get('certscope-view') !== undefined);
  `);
  // Installed as npm would: node_modules/certscope is the built package.
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(`${root}pkg`, join(dir, 'node_modules/certscope'));
  await build({
    entryPoints: [join(dir, 'app.js')], bundle: true, format: 'esm', outfile: join(dir, 'dist/app.js'),
    logLevel: 'silent',
  });
  // wasm-bindgen's glue loads the module from new URL('certscope_bg.wasm', import.meta.url):
  // with esbuild, ship the .wasm next to the bundle.
  copyFileSync(`${root}pkg/certscope_bg.wasm`, join(dir, 'dist/certscope_bg.wasm'));
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
  await page.goto(`${server.origin}/index.html`);
  await page.waitForFunction(() => document.body.dataset.roles);
  assert.equal(await page.evaluate(() => document.body.dataset.roles), 'leaf,intermediate,root');
  assert.equal(await page.evaluate(() => document.body.dataset.element), 'true');
  assert.deepEqual(errors, []);
});
