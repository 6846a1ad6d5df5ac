// <certscope-view> on the docs-like demo page (www/embed.html).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, guardedPage, launch, screenshots, serve } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function rendered(page) {
  await page.goto(`${server.origin}/embed.html`);
  await page.waitForFunction(() => ['inline', 'from-src', 'dark'].every((id) => {
    const el = document.getElementById(id);
    return el?.shadowRoot?.querySelector('.card') && el.report;
  }));
}

const shadow = (page, id, selector) => page.evaluate(([i, s]) =>
  [...document.getElementById(i).shadowRoot.querySelectorAll(s)].map((e) => e.textContent), [id, selector]);

test('three instances render from inline content and src, with events and parts', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems, context } = await guardedPage(browser, server.origin, { colorScheme, viewport: { width: 1000, height: 1600 } });
    await rendered(page);
    assert.deepEqual(await shadow(page, 'inline', '.verdict-title'), ['Browsers trust this chain']);
    assert.equal((await shadow(page, 'from-src', '.card')).length, 4);
    assert.deepEqual(await shadow(page, 'dark', '.chain details.finding .sev + span'), ['An intermediate certificate is missing']);
    // compact: no detail sections.
    assert.equal((await shadow(page, 'inline', 'details.section')).length, 0);
    // Events bubbled out of the shadow roots, one per instance at least.
    assert.ok(Number(await page.evaluate(() => document.documentElement.dataset.reports)) >= 3);
    // Parts for styling from outside.
    const parts = await page.evaluate(() => [...document.getElementById('inline').shadowRoot.querySelectorAll('[part]')].map((e) => e.getAttribute('part').split(' ')[0]));
    for (const part of ['report', 'summary', 'chain', 'card', 'finding']) assert.ok(parts.includes(part), part);
    // theme="dark" and --certscope-accent apply inside the shadow root.
    const dark = await page.evaluate(() => {
      const card = document.getElementById('dark').shadowRoot.querySelector('.card');
      return getComputedStyle(card).backgroundColor;
    });
    assert.equal(dark, 'rgb(23, 27, 33)');
    // Attributes are the source of truth: changing host re-renders.
    await page.evaluate(() => document.getElementById('inline').setAttribute('host', 'elsewhere.test'));
    await page.waitForFunction(() => document.getElementById('inline').shadowRoot.querySelector('.verdict-title')?.textContent === 'Browsers will not trust this chain');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: `${screenshots}embed-${colorScheme}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('lints="all" loads the lint module for zlint\'s deeper catalogue; without it the element runs the core\'s rules', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
  await rendered(page);
  assert.ok(!wasm.includes('certscope_profiles_bg.wasm'), wasm.join());
  assert.equal(await page.evaluate(() => document.getElementById('from-src').lints), 'core');
  const before = await page.evaluate(() => document.getElementById('from-src').report.certificates.flatMap((c) => c.findings.map((f) => f.id)));
  await page.evaluate(() => { document.getElementById('from-src').lints = 'all'; });
  await page.waitForFunction((n) => {
    const r = document.getElementById('from-src').report;
    return r && r.certificates.flatMap((c) => c.findings).length > n;
  }, before.length);
  assert.ok(wasm.includes('certscope_profiles_bg.wasm'), wasm.join());
  const after = await page.evaluate(() => document.getElementById('from-src').report.certificates.flatMap((c) => c.findings.map((f) => f.id)));
  // The core's findings stay; the deeper catalogue's are added.
  assert.ok(before.every((id) => after.includes(id)), after.join());
  assert.ok(after.some((id) => !before.includes(id)), after.join());
  assert.deepEqual(problems, []);
  await context.close();
});

test('a src on another origin is refused with a message, not fetched', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await rendered(page);
  await page.evaluate(() => document.getElementById('from-src').setAttribute('src', 'https://evil.example/cert.pem'));
  await page.waitForFunction(() => document.getElementById('from-src').shadowRoot.querySelector('[part="error"]'));
  assert.match((await shadow(page, 'from-src', '[part="error"]'))[0], /src must be on this site's origin/);
  assert.deepEqual(problems, []);
  await context.close();
});
