// If the WebAssembly engine traps, the page and the element say so and recover with a fresh
// instance. The trap is induced by serving a glue module whose inspect() traps (throws
// WebAssembly.RuntimeError, as a trapped instance does) on a marker input; everything else is
// the real code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { guardedPage, launch, open, root, serve } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const glue = readFileSync(`${root}www/lib/certscope_core.js`, 'utf8');
// The served glue is minified (build.sh): `function inspect(input,options){`, exported apart.
const trapping = glue.replace(/function inspect\(input, ?options\) ?\{/,
  'function inspect(input, options) { if ((typeof input === "string" ? input : new TextDecoder().decode(input)).includes("TRAP-ME")) throw new WebAssembly.RuntimeError("unreachable");');

async function withTrappingGlue(context) {
  assert.notEqual(trapping, glue, 'the glue no longer has the expected inspect()');
  await context.route(/\/lib\/certscope_core\.js(\?.*)?$/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: trapping }));
}

test('the page replaces a trapped engine and keeps working', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await withTrappingGlue(context);
  await open(page, server.origin);
  await page.fill('#paste', 'TRAP-ME');
  await page.locator('.summary.error[role="alert"]').waitFor();
  assert.match(await page.locator('.summary.error[role="alert"]').textContent(), /unreachable/);
  await page.fill('#paste', readFileSync(`${root}tests/data/generated/p256-chain.pem`, 'utf8'));
  await page.getByTestId('certificate').nth(2).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the element shows the error and re-instantiates on its next render', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await withTrappingGlue(context);
  await context.route(/\/trap\.pem$/, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'TRAP-ME' }));
  const glueRequests = [];
  page.on('request', (r) => { if (r.url().includes('/lib/certscope_core.js')) glueRequests.push(new URL(r.url()).search); });
  await page.goto(`${server.origin}/embed.html`);
  await page.waitForFunction(() => document.getElementById('inline')?.shadowRoot?.querySelector('.card'));
  // Point an element at an input that traps, then back at a real one.
  await page.evaluate(() => document.getElementById('from-src').setAttribute('src', 'trap.pem'));
  await page.waitForFunction(() => document.getElementById('from-src').shadowRoot.querySelector('[part="error"]'));
  const error = await page.evaluate(() => document.getElementById('from-src').shadowRoot.querySelector('[part="error"]').textContent);
  assert.match(error, /unreachable/);
  await page.evaluate(() => document.getElementById('from-src').setAttribute('src', 'examples/broken.pem'));
  await page.waitForFunction(() => document.getElementById('from-src').shadowRoot.querySelectorAll('.card').length === 4);
  // The recovery loaded a second, fresh instance of the core module.
  assert.deepEqual(glueRequests, ['', '?instance=1']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a module that fails to download is fetched again on the next render', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  const pem = readFileSync(`${root}tests/data/generated/p256-chain.pem`, 'utf8');
  await context.route(/\/chain\.html$/, (route) => route.fulfill({
    status: 200, contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="lib/certscope-view-define.js"></script>
      <certscope-view id="v" verify at="2026-02-01"><script type="text/plain">${pem}</script></certscope-view>`,
  }));
  // The verify module's first download fails (a dropped connection); later ones work.
  let failures = 0;
  await context.route(/certscope_verify_bg\.wasm$/, (route) => (failures++ === 0 ? route.abort('connectionreset') : route.continue()));
  await page.goto(`${server.origin}/chain.html`);
  await page.waitForFunction(() => document.getElementById('v')?.shadowRoot?.querySelector('[part="error"]'));
  await page.evaluate(() => document.getElementById('v').setAttribute('at', '2026-02-02'));
  await page.waitForFunction(() => document.getElementById('v').shadowRoot.querySelector('[part="chain"]'));
  assert.equal(failures, 2);
  // The aborted download logs a console error; nothing else may.
  assert.ok(problems.every((p) => /certscope_verify_bg\.wasm|Failed to load resource|net::ERR/.test(p)), problems.join('\n'));
  await context.close();
});
