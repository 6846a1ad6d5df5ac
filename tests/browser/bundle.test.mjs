// The npm package (pkg/) installed into a tiny app, bundled by esbuild, Vite and webpack 5, and
// loaded in Chromium: the core first, and the verify and http modules as split chunks fetched
// only when an input needs them (the pkcs12 one never), with no error and no polyfill.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { launch, root } from './harness.mjs';

let browser;
const servers = [];
const dir = mkdtempSync(join(tmpdir(), 'certscope-bundle-'));
const data = (p) => JSON.stringify(readFileSync(`${root}tests/data/${p}`, 'utf8'));

const APP = `
  import { inspect, modulesLoaded } from 'certscope';
  import 'certscope/define';
  const pem = ${data('generated/p256-chain.pem')};
  const first = await inspect(pem, { at: '2026-02-01', verify: false, lints: 'core' });
  const loadedFirst = modulesLoaded().join(',');
  const report = await inspect(pem, { at: '2026-02-01', roots: ${data('generated/p256-root.pem')}, lints: 'core' });
  const http = await inspect(${data('http/shop-sIL.txt')}, { at: '2026-11-27' });
  document.body.dataset.modules = [loadedFirst, modulesLoaded().join(',')].join(' then ');
  document.body.dataset.verdict = String(first.chains.length) + ',' + String(report.chains[0].browser.trusted);
  document.body.dataset.grade = http.http[0].observatory.grade;
  document.body.dataset.roles = report.certificates.map((c) => c.role).join(',');
  document.body.dataset.element = String(customElements.get('certscope-view') !== undefined);
`;
const HTML = (src) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><body><script type="module" src="${src}"></script>`;

/** Each bundler builds the same app into `out` (its own folder); the result is served as is. */
const BUNDLERS = {
  async esbuild(app, out) {
    const { build } = await import('esbuild');
    await build({ entryPoints: [join(app, 'app.js')], bundle: true, format: 'esm', splitting: true, outdir: out, logLevel: 'silent' });
    // esbuild leaves new URL('certscope_…_bg.wasm', import.meta.url) alone: ship the files.
    for (const m of ['core', 'verify', 'http', 'pkcs12']) copyFileSync(`${root}pkg/certscope_${m}_bg.wasm`, join(out, `certscope_${m}_bg.wasm`));
    writeFileSync(join(out, 'index.html'), HTML('app.js'));
  },
  async vite(app, out) {
    const { build } = await import('vite');
    writeFileSync(join(app, 'index.html'), HTML('./app.js'));
    await build({ root: app, logLevel: 'silent', configFile: false, build: { outDir: out, emptyOutDir: true, target: 'es2022' } });
  },
  async webpack(app, out) {
    const webpack = (await import('webpack')).default;
    const stats = await new Promise((resolve, reject) => webpack({
      mode: 'production', context: app, entry: './app.js', target: 'web',
      output: { path: out, filename: 'app.js', publicPath: '' },
      experiments: { topLevelAwait: true },
      performance: { hints: false }, // webpack's generic "asset over 244 KiB" advice
    }, (err, s) => (err ? reject(err) : resolve(s))));
    assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
    assert.deepEqual(stats.toJson('errors-warnings').warnings.map((w) => `${w.moduleName}: ${w.message}`), [], 'webpack warned');
    writeFileSync(join(out, 'index.html'), HTML('app.js'));
  },
};

function serve(folder) {
  return new Promise((resolve) => {
    const p = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout.on('data', (c) => { const m = /port (\d+)/.exec(String(c)); if (m) resolve({ origin: `http://127.0.0.1:${m[1]}`, close: () => p.kill() }); });
  });
}

before(async () => {
  browser = await launch();
});
after(async () => { await browser?.close(); for (const s of servers) s.close(); });

for (const [name, bundle] of Object.entries(BUNDLERS)) {
  test(`a ${name} bundle of the package works in Chromium and splits the modules`, async () => {
    // Installed as npm would: node_modules/certscope is the built package.
    const app = join(dir, name);
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    symlinkSync(`${root}pkg`, join(app, 'node_modules/certscope'));
    writeFileSync(join(app, 'app.js'), APP);
    const out = join(dir, `${name}-dist`);
    mkdirSync(out, { recursive: true });
    await bundle(app, out);
    const server = await serve(out);
    servers.push(server);

    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    // Modules are known by their bytes: webpack and Vite rename them with content hashes.
    const sizes = Object.fromEntries(['core', 'verify', 'http', 'pkcs12'].map((m) => [readFileSync(`${root}pkg/certscope_${m}_bg.wasm`).length, m]));
    const wasm = [];
    page.on('request', (r) => { if (!r.url().startsWith(server.origin)) errors.push(`request to ${r.url()}`); });
    page.on('response', async (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(sizes[(await r.body()).length] ?? r.url());
    });
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(() => document.body.dataset.roles, null, { timeout: 20_000 });
    assert.equal(await page.evaluate(() => document.body.dataset.roles), 'leaf,intermediate,root');
    assert.equal(await page.evaluate(() => document.body.dataset.modules), 'core then core,verify,http');
    assert.equal(await page.evaluate(() => document.body.dataset.verdict), '0,true');
    assert.equal(await page.evaluate(() => document.body.dataset.grade), 'C+');
    assert.equal(await page.evaluate(() => document.body.dataset.element), 'true');
    // Each module fetched once, in the order the inputs needed them; PKCS#12 never.
    assert.deepEqual(wasm, ['core', 'verify', 'http']);
    // The bundler emitted the modules as separate files, not inlined into the entry.
    const emitted = readdirSync(out, { recursive: true }).map(String);
    assert.ok(emitted.filter((f) => f.endsWith('.wasm')).length >= 3, emitted.join());
    assert.deepEqual(errors, []);
    await page.close();
  });
}
