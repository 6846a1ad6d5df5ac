// Large pastes, permalinks, JSON export and accessibility of the page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { axeViolations, guardedPage, launch, open, root, serve } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const data = (path) => readFileSync(`${root}tests/data/${path}`, 'utf8');

test('a 2 MB paste is analysed in the worker while the page stays responsive', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  const bundle = readFileSync(`${root}www/examples/roots.pem`, 'utf8');
  const big = bundle.repeat(Math.ceil((2 * 1024 * 1024) / bundle.length));
  assert.ok(big.length >= 2 * 1024 * 1024);
  await page.evaluate((text) => {
    const paste = document.getElementById('paste');
    paste.value = text;
    paste.dispatchEvent(new Event('input'));
  }, big);
  // Progress is shown, and the main thread answers while the worker parses.
  await page.locator('.progress').waitFor();
  const started = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.ok(Date.now() - started < 500, 'the main thread was blocked');
  await page.getByTestId('summary').waitFor({ timeout: 120_000 });
  const count = Math.round(big.length / bundle.length) * 142;
  assert.match(await page.getByTestId('summary').textContent(), new RegExp(`${count} certificates`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a permalink restores the input, never carries a private key, and JSON can be exported', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await open(page, server.origin);
  const key = data('input/key.pem');
  const keyLine = key.split('\n')[1];
  await page.fill('#at', '2026-11-27');
  await page.fill('#host', 'www.certscope.test');
  const headers = 'HTTP/2 200\nset-cookie: sessionid=s3cr3tSessi0n; Secure; HttpOnly\n\n> Authorization: Bearer t0kenValue\n';
  await page.fill('#paste', `${data('generated/example-chain.pem')}\n${key}\n${headers}`);
  await page.getByTestId('chain').waitFor();
  await page.click('#copy-link');
  await page.locator('#copy-link:text-is("Copied")').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, new RegExp(`^${server.origin}/#v1\\.[A-Za-z0-9_-]+$`));

  // JSON: download and copy carry the report, without the key.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(json.certificates.length, 3);
  assert.equal(json.findings[0].id, 'input.private-key-mismatch', 'the test key belongs to another certificate');
  assert.ok(!JSON.stringify(json).includes(keyLine));
  await page.click('#copy-json');
  await page.locator('#copy-json:text-is("Copied")').waitFor();
  assert.equal(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).chains.length, 1);

  // A fresh page opened from the link shows the same analysis; the key is not in it.
  const other = await context.newPage();
  await other.goto(link);
  await other.waitForSelector('html[data-ready="true"]');
  await other.getByTestId('chain').waitFor();
  const restored = await other.inputValue('#paste');
  assert.ok(restored.includes('[private key removed from this link]'));
  assert.ok(!restored.includes(keyLine));
  // Cookie values and credentials are not in the link, nor in the report.
  assert.ok(!restored.includes('s3cr3tSessi0n') && !restored.includes('t0kenValue'));
  assert.ok(restored.includes('set-cookie: sessionid=[removed]; Secure; HttpOnly'));
  assert.ok(!JSON.stringify(json).includes('s3cr3tSessi0n'));
  assert.equal(await other.inputValue('#host'), 'www.certscope.test');
  assert.equal(await other.inputValue('#at'), '2026-11-27');
  assert.equal(await other.getByTestId('certificate').count(), 3);
  // Nothing about the key went to storage either.
  const stored = await other.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!stored.includes(keyLine));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Kubernetes Secret is read, and its base64-encoded key stays out of the link', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await open(page, server.origin);
  await page.fill('#at', '2026-12-01');
  const secret = data('input/k8s-secret.yaml');
  const keyToken = secret.match(/tls\.key: (\S+)/)[1];
  const certToken = secret.match(/tls\.crt: (\S+)/)[1];
  await page.fill('#paste', secret);
  await page.getByTestId('certificate').nth(1).waitFor();
  assert.match(await page.getByTestId('key').textContent(), /certificate 1 \(CN=www\.certscope\.test\)/);
  await page.click('#copy-link');
  await page.locator('#copy-link:text-is("Copied")').waitFor();
  const other = await context.newPage();
  await other.goto(await page.evaluate(() => navigator.clipboard.readText()));
  await other.waitForSelector('html[data-ready="true"]');
  const restored = await other.inputValue('#paste');
  assert.ok(!restored.includes(keyToken.slice(20, 80)), 'the encoded key is in the link');
  assert.ok(restored.includes('tls.key: [private key removed from this link]'));
  assert.ok(restored.includes(certToken), 'the certificates stay in the link');
  await other.getByTestId('certificate').nth(1).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page has no serious or critical accessibility violations', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems, context } = await guardedPage(browser, server.origin, { colorScheme });
    await open(page, server.origin);
    assert.deepEqual(await axeViolations(page), [], `${colorScheme}, empty page`);
    await page.fill('#at', '2026-11-27');
    await page.click('button[data-example="good-chain.pem"]');
    await page.getByTestId('chain').waitFor();
    await page.locator('.card summary').first().click();
    await page.locator('details.finding summary').first().click();
    assert.deepEqual(await axeViolations(page), [], `${colorScheme}, with a report`);
    await page.click('button[data-example="curl-headers.txt"]');
    await page.getByTestId('http').waitFor();
    for (const summary of await page.locator('[data-testid=http] summary').all()) await summary.click();
    assert.deepEqual(await axeViolations(page), [], `${colorScheme}, with an HTTPS configuration`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('keyboard: the input, controls and findings are reachable and visibly focused', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.click('button[data-example="broken.pem"]');
  await page.getByTestId('certificate').first().waitFor();
  // Start at the top of the tab order: the paste area.
  await page.focus('#paste');
  const seen = new Set(['paste']);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      const outline = getComputedStyle(el).outlineStyle;
      // Inside a native control (the date input's calendar button) the browser draws focus.
      return { id: el.id || el.tagName.toLowerCase(), outline, own: el.matches(':focus') };
    });
    seen.add(focus.id);
    if (focus.own) assert.notEqual(focus.outline, 'none', `no visible focus on ${focus.id}`);
  }
  for (const id of ['host', 'at', 'clear', 'copy-link', 'summary']) assert.ok(seen.has(id), `${id} not reachable by Tab: ${[...seen]}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('once loaded, the page works offline', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.fill('#at', '2026-02-01');
  await page.fill('#paste', data('generated/rsa2048-chain.pem'));
  await page.getByTestId('chain').waitFor();
  await context.setOffline(true);
  await page.fill('#paste', data('generated/p384-chain.pem'));
  await page.getByRole('heading', { name: 'certscope p384 Root', exact: true }).waitFor();
  await context.setOffline(false);
  assert.deepEqual(problems, []);
  await context.close();
});
