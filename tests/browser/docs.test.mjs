// The manual as served pages (scripts/docs.mjs → www/docs/): its live <certscope-view>
// examples render under the page's CSP with no other-origin request; every link between the
// pages (and every #fragment) resolves; finding ids, on the docs' elements and on the page,
// link to their own entry in findings.html.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { guardedPage, launch, open, screenshots, serve } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const PAGES = ['index', 'inputs', 'conformance', 'headers', 'usage', 'findings', 'performance', 'architecture'];

test('the docs pages: live examples render, finding ids link to their entry', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1100, height: 900 } });
  await page.goto(`${server.origin}/docs/conformance.html`);
  const view = page.locator('certscope-view');
  // The missing-intermediate example, with its fix-it panel, inside the element's shadow root.
  await view.locator('.fix-panel.error').waitFor();
  assert.equal(await view.locator('.fix-panel h3').textContent(), 'Fix: send the missing intermediate');
  const link = view.locator('details.finding[data-finding="chain.missing-intermediate"] a.finding-id');
  assert.equal(await link.getAttribute('href'), `${server.origin}/docs/findings.html#chain.missing-intermediate`);
  await view.locator('details.finding[data-finding="chain.missing-intermediate"] summary').click();
  await view.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}docs-conformance.png` });
  await link.click();
  await page.waitForURL(/findings\.html#chain\.missing-intermediate$/);
  assert.match(await page.locator(':has(> [id="chain.missing-intermediate"]) + h3').textContent(), /^chain\.missing-intermediate — An intermediate certificate is missing$/);

  // The other pages' elements render too (headers: graded; inputs: a transcript; usage: core only).
  for (const [name, part] of [['headers', '.http, [part="http"]'], ['inputs', '[data-testid="chain"]'], ['usage', '[data-testid="certificate"]']]) {
    await page.goto(`${server.origin}/docs/${name}.html`);
    await page.locator('certscope-view').first().locator(part).first().waitFor();
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('every link between the served docs pages resolves, fragments included', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  const broken = [];
  let checked = 0;
  for (const name of PAGES) {
    await page.goto(`${server.origin}/docs/${name}.html`);
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.href));
    for (const href of new Set(hrefs.filter((h) => h.startsWith(`${server.origin}/`)))) {
      const url = new URL(href);
      const response = await page.request.get(url.origin + url.pathname);
      checked += 1;
      if (!response.ok()) broken.push(`${name}: ${href} (${response.status()})`);
      else if (url.hash && url.pathname.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1)).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
        if (!(await response.text()).includes(`id="${id}"`)) broken.push(`${name}: ${href} (no such anchor)`);
      }
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(checked > 80, `only ${checked} links`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('findings on the page link to their entry in the served docs', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.fill('#at', '2026-02-01');
  await page.click('button[data-example="broken.pem"]');
  await page.getByTestId('certificate').nth(3).waitFor();
  const hrefs = await page.locator('a.finding-id').evaluateAll((as) => [...new Set(as.map((a) => a.href))]);
  assert.ok(hrefs.length > 10, hrefs.join());
  const findings = await (await page.request.get(`${server.origin}/docs/findings.html`)).text();
  const undocumented = hrefs.filter((h) => !findings.includes(`id="${decodeURIComponent(new URL(h).hash.slice(1))}"`));
  assert.deepEqual(undocumented, []);
  assert.ok(hrefs.every((h) => h.startsWith(`${server.origin}/docs/findings.html#`)), hrefs[0]);
  assert.deepEqual(problems, []);
  await context.close();
});
