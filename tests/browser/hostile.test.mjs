// The page as an attack surface: certificates whose fields try to inject HTML, run script,
// reorder text, hide characters, drive a terminal or impersonate a name (tests/data/hostile/).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { guardedPage, launch, open, root, screenshots, serve } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const dir = `${root}tests/data/hostile/`;
const hostile = readdirSync(dir).filter((f) => f.endsWith('.pem')).sort();

test('nothing executes, nothing is fetched, and deceptive text is made visible', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1000, height: 900 } });
  await open(page, server.origin);
  const input = hostile.map((f) => readFileSync(dir + f, 'utf8')).join('\n');
  await page.fill('#at', '2030-01-01');
  await page.fill('#paste', input);
  await page.getByTestId('certificate').nth(hostile.length - 1).waitFor();
  // Open every detail section so that every field is rendered.
  for (const summary of await page.locator('#results summary').all()) await summary.click();
  await page.waitForTimeout(300);

  // No element came from certificate data.
  assert.equal(await page.locator('#results img, #results svg, #results script, #results iframe, #results a[href^="javascript"]').count(), 0);
  const titles = await page.locator('.card-title').allTextContents();
  assert.ok(titles.includes('<img src=x onerror=alert(1)>'), titles.join(' | '));

  // Bidi override, zero-width space and terminal escape appear as marked codes, never raw.
  const text = await page.locator('#results').textContent();
  for (const raw of ['\u202e', '\u200b', '\u001b']) assert.ok(!text.includes(raw), `raw U+${raw.codePointAt(0).toString(16)} rendered`);
  const marks = await page.locator('.hidden-char').allTextContents();
  for (const code of ['<U+202E>', '<U+200B>', '<U+001B>']) assert.ok(marks.includes(code), `${code} not marked: ${marks}`);

  // The Cyrillic look-alike is flagged where the name is shown, and by a finding.
  assert.ok(await page.locator('.card-title .confusable').count() >= 1);
  const ids = await page.locator('details.finding').evaluateAll((els) => els.map((e) => e.dataset.finding));
  assert.ok(ids.includes('cert.deceptive-characters'));
  assert.ok(ids.includes('cert.confusable-name'));

  // A 4,000-character value wraps instead of pushing the page sideways.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'horizontal overflow');
  await page.screenshot({ path: `${screenshots}hostile.png`, fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile header values stay inert text', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1000, height: 900 } });
  await open(page, server.origin);
  await page.fill('#paste', readFileSync(`${dir}headers.txt`, 'utf8'));
  await page.getByTestId('http').waitFor();
  for (const summary of await page.locator('#results summary').all()) await summary.click();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#results img, #results svg, #results script, #results iframe, #results b, #results a[href^="javascript"]').count(), 0);
  const text = await page.locator('#results').textContent();
  assert.ok(text.includes("<script>alert('server')</script>"), 'the Server value is shown as text');
  assert.ok(text.includes('<script>alert(3)</script>=<1 bytes hidden>'), 'the cookie name is shown as text, its value hidden');
  for (const raw of ['\u202e', '\u200b', '\u001b']) assert.ok(!text.includes(raw), `raw U+${raw.codePointAt(0).toString(16)} rendered`);
  const marks = await page.locator('#results .hidden-char').allTextContents();
  for (const code of ['<U+202E>', '<U+200B>', '<U+001B>']) assert.ok(marks.includes(code), `${code} not marked: ${marks}`);
  // The javascript: Location is never followed or linked; the page stays where it is.
  assert.equal(new URL(page.url()).origin, server.origin);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'horizontal overflow');
  assert.deepEqual(problems, []);
  await context.close();
});
