// The page as a person uses it: paste, examples, files, dates — in headless Chromium.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { guardedPage, launch, open, root, screenshots, serve } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const data = (path) => readFileSync(`${root}tests/data/${path}`);

/** Copies the page's permalink and opens it in a new page of `context`, once that is ready. */
async function followLink(page, context) {
  await page.click('#copy-link');
  await page.locator('#copy-link:text-is("Copied")').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const other = await context.newPage();
  await other.goto(link);
  await other.waitForSelector('html[data-ready="true"]');
  return other;
}

/** SHA-256 of each PEM block's DER, as colon hex. */
function fingerprints(pem) {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g)]
    .map((m) => createHash('sha256').update(Buffer.from(m[1].replace(/\s/g, ''), 'base64')).digest('hex'))
    .map((hex) => hex.toUpperCase().match(/../g).join(':'));
}

test('pasting a real chain shows each certificate correctly', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1200, height: 900 } });
  await open(page, server.origin);
  const chain = data('generated/example-chain.pem').toString();
  await page.fill('#at', '2026-11-27');
  await page.fill('#host', 'www.certscope.test');
  await page.click('#trust summary');
  await page.selectOption('#roots', 'custom');
  await page.fill('#custom-roots', data('generated/p256-root.pem').toString());
  await page.fill('#paste', chain);
  const cards = page.getByTestId('certificate');
  await cards.first().waitFor();
  // The verdict comes first: trusted by browsers, with the path drawn leaf → root.
  await page.getByTestId('chain').waitFor();
  assert.equal(await page.locator('.verdict-title').textContent(), 'Browsers trust this chain');
  assert.equal(await page.getByTestId('browser-verdict').textContent(),
    'Trusted for www.certscope.test until 2027-04-18 via certscope p256 Root');
  assert.equal(await page.getByTestId('strict-verdict').textContent(), 'Strict (RFC 5280 + CA/B Forum): passes');
  assert.deepEqual(await page.locator('.diagram .node-name').allTextContents(),
    ['www.certscope.test', 'certscope p256 Intermediate', 'certscope p256 Root']);
  assert.equal(await page.locator('.diagram .node.ok').count(), 3);
  assert.equal(await cards.count(), 3);
  assert.deepEqual(await page.locator('.card-title').allTextContents(),
    ['www.certscope.test', 'certscope p256 Intermediate', 'certscope p256 Root']);
  assert.deepEqual(await page.locator('.badge.role').allTextContents(), ['Leaf', 'Intermediate CA', 'Root CA']);
  assert.equal(await page.getByTestId('summary').locator('.headline').textContent(), 'No problems found');
  assert.match(await page.getByTestId('summary').textContent(), /3 certificates · evaluated at 2026-11-27 00:00 UTC/);
  const leaf = cards.first();
  assert.deepEqual((await leaf.locator('.chip').allTextContents()).slice(0, 3),
    ['www.certscope.test', 'certscope.test', '*.api.certscope.test']);
  assert.match(await leaf.locator('.timeline .state').textContent(), /^valid, 142 days left · 200 days in all$/);
  assert.equal(await leaf.locator('.timeline .elapsed').evaluate((el) => getComputedStyle(el).width !== '0px'), true);
  // Fingerprints shown are those Node computes from the pasted PEM.
  const shown = await page.locator('dt:text-is("SHA-256") + dd .mono').allTextContents();
  assert.deepEqual(shown, fingerprints(chain));
  // Extensions open on demand and show decoded values.
  await leaf.locator('summary:has-text("Extensions")').click();
  assert.match(await leaf.locator('table.kv').last().textContent(), /status_request \(OCSP must-staple\)/);
  await page.screenshot({ path: `${screenshots}page-light.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('examples, findings and the evaluation date', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.fill('#at', '2026-02-01');
  await page.click('button[data-example="broken.pem"]');
  await page.getByTestId('certificate').nth(3).waitFor();
  const ids = await page.locator('.card details.finding').evaluateAll((els) => els.map((e) => e.dataset.finding));
  // The certificate checks; Baseline Requirements lints (br.*, …) fire on these test leaves too.
  assert.deepEqual(ids.filter((id) => id.startsWith('cert.')), ['cert.expired', 'cert.no-san', 'cert.weak-signature', 'cert.rsa-weak-key']);
  assert.ok(ids.includes('br.sub-aia-missing'));
  // Four leaves, four chains, none trusted. The expired, SHA-1 and weak-key leaves fail on
  // their own; the one without a SAN on its missing intermediate.
  assert.equal(await page.getByTestId('chain').count(), 4);
  assert.equal(await page.locator('.verdict-title:text-is("Browsers will not trust this chain")').count(), 4);
  assert.equal(await page.locator('.chain details.finding[data-finding="chain.missing-intermediate"]').count(), 1);
  assert.match(await page.getByTestId('browser-verdict').first().textContent(), /expired on 2024-04-01/);
  assert.match(await page.getByTestId('summary').locator('.headline').textContent(), /^\d+ problems to fix$/);
  const expired = page.locator('details.finding[data-finding="cert.expired"]');
  await expired.locator('summary').click();
  assert.match(await expired.locator('.body').textContent(), /Renew the certificate/);
  assert.equal(await expired.locator('a').first().getAttribute('href'), 'https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5');
  assert.equal(new URL(await expired.locator('a.finding-id').getAttribute('href')).pathname + new URL(await expired.locator('a.finding-id').getAttribute('href')).hash, '/docs/findings.html#cert.expired');

  // The missing-intermediate example names the intermediate and where to fetch it.
  await page.fill('#at', '2026-11-27');
  await page.click('button[data-example="missing-intermediate.pem"]');
  // The previous example's render may still be on the page: wait for this one's certificate.
  const missing = page.locator('.chain details.finding[data-finding="chain.missing-intermediate"]', { hasText: 'ca.certscope.test/intermediate.crt' });
  await missing.waitFor();
  await missing.locator('summary').click();
  assert.match(await missing.locator('.evidence').textContent(), /http:\/\/ca\.certscope\.test\/intermediate\.crt/);
  assert.equal(await page.locator('.diagram .node.missing .node-name').textContent(), 'missing');

  // Changing the date re-evaluates: the good chain is not yet valid in 2020 and expired in 2028.
  await page.click('button[data-example="good-chain.pem"]');
  await page.getByTestId('certificate').nth(2).waitFor();
  await page.fill('#at', '2028-01-01');
  await page.dispatchEvent('#at', 'change');
  await page.locator('.card .badge.error:text-is("Expired")').first().waitFor();
  await page.fill('#at', '2020-01-01');
  await page.dispatchEvent('#at', 'change');
  await page.locator('.card .badge.error:text-is("Not yet valid")').first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('changing the hostname re-evaluates the verdict', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.fill('#at', '2026-11-27');
  await page.click('button[data-example="good-chain.pem"]');
  await page.locator('.verdict-title:text-is("Browsers trust this chain")').waitFor();
  assert.equal(await page.locator('#trust-summary').textContent(), 'My own roots');
  await page.fill('#host', 'api.certscope.test');
  await page.locator('.verdict-title:text-is("Browsers will not trust this chain")').waitFor();
  assert.match(await page.getByTestId('browser-verdict').textContent(), /not valid for api\.certscope\.test: it is valid for www\.certscope\.test/);
  await page.fill('#host', 'x.api.certscope.test');
  await page.locator('.verdict-title:text-is("Browsers trust this chain")').waitFor();
  // With Mozilla's store instead of the example's root, the private root is named as the problem.
  await page.selectOption('#roots', 'mozilla');
  await page.locator('.chain details.finding[data-finding="chain.untrusted-root"]').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a dropped DER file and a picked file are analysed', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  const der = [...data('input/leaf.der')];
  const transfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'leaf.der', { type: 'application/pkix-cert' }));
    return dt;
  }, der);
  await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: transfer });
  await page.getByTestId('certificate').first().waitFor();
  assert.equal(await page.locator('.card-title').first().textContent(), 'www.certscope.test');
  assert.match(await page.locator('#file-note').textContent(), /leaf\.der \(1,\d{3} bytes of DER, shown as PEM\)/);
  await page.setInputFiles('#file', `${root}tests/data/generated/p384-chain.pem`);
  await page.getByRole('heading', { name: 'certscope p384 Root', exact: true }).waitFor();
  assert.equal(await page.getByTestId('certificate').count(), 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test('unreadable blocks are located; hostile fields stay inert text', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  const hostile = data('hostile/html-injection.pem').toString();
  await page.fill('#paste', `${hostile}\n-----BEGIN CERTIFICATE-----\nMIIB!!\n-----END CERTIFICATE-----\n`);
  await page.getByTestId('certificate').first().waitFor();
  assert.equal(await page.locator('.card-title').first().textContent(), '<img src=x onerror=alert(1)>');
  assert.equal(await page.locator('.card img, .card svg, .card script').count(), 0);
  assert.match(await page.getByTestId('problems').textContent(), /block 2, line \d+: expected base64 but found '!'/);
  await page.waitForTimeout(200);
  assert.deepEqual(problems, []);
  await context.close();
});

test('dark theme and a phone-sized screen', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, {
    viewport: { width: 390, height: 844 }, colorScheme: 'dark', deviceScaleFactor: 2,
  });
  await open(page, server.origin);
  await page.fill('#at', '2026-11-27');
  await page.click('button[data-example="good-chain.pem"]');
  await page.getByTestId('certificate').nth(2).waitFor();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(15, 18, 22)');
  // Nothing overflows the phone's width.
  const widest = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(widest <= 390, `page is ${widest}px wide`);
  await page.screenshot({ path: `${screenshots}page-dark-mobile.png`, fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the raw ASN.1 tree opens on demand', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.fill('#paste', data('generated/p256-root.pem').toString());
  const card = page.getByTestId('certificate').first();
  await card.waitFor();
  await card.locator('summary:has-text("ASN.1 structure")').click();
  await card.locator('.asn1-tree').waitFor();
  const tags = await card.locator('.asn1-tree > li > ul > li > .asn1-tag').allTextContents();
  assert.deepEqual(tags, ['SEQUENCE', 'SEQUENCE', 'BIT STRING']);
  assert.match(await card.locator('.asn1').textContent(), /1\.2\.840\.10045\.4\.3\.2 \(ecdsa-with-SHA256\)/);
  assert.match(await card.locator('.asn1').textContent(), /certscope p256 Root/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an s_client transcript example: the chain inside it is found and trusted', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.fill('#at', '2026-12-01');
  await page.click('button[data-example="s_client.txt"]');
  await page.locator('.verdict-title:text-is("Browsers trust this chain")').waitFor();
  assert.equal(await page.getByTestId('certificate').count(), 2);
  assert.match(await page.getByTestId('browser-verdict').textContent(), /^Trusted for www\.certscope\.test until 2027-02-25 via certscope transcript Root$/);
  // Quantum-safe? Neither the X25519 key exchange nor the ECDSA certificate; how to turn hybrid on.
  assert.equal(await page.getByTestId('quantum').textContent(), 'Key exchange not quantum-safe (X25519); certificate signature not (ECDSA P-256)');
  assert.match(await page.getByTestId('quantum-explanation').textContent(), /harvest now, decrypt later.*ssl_ecdh_curve X25519MLKEM768:X25519:prime256v1;/);
  await page.getByTestId('connection').screenshot({ path: `${screenshots}connection-quantum.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a curl -sIL header paste: both grades, every test, fixes to copy', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { permissions: ['clipboard-read', 'clipboard-write'] });
  await open(page, server.origin);
  await page.click('button[data-example="curl-headers.txt"]');
  const http = page.getByTestId('http');
  await http.waitFor();
  assert.match(await page.getByTestId('grade-http-observatory').textContent(), /^C\+HTTP Observatory60\/100/);
  assert.match(await page.getByTestId('grade-certscope').textContent(), /^D/);
  const hops = await page.getByTestId('hops').locator('li').allTextContents();
  assert.equal(hops.length, 2);
  assert.match(hops[0], /^301http:\/\/shop\.certscope\.test\/Moved Permanently/);
  // The first problem is the CSP; its nginx line can be copied.
  const first = http.locator('details.finding').first();
  assert.equal(await first.getAttribute('data-finding'), 'csp.script-unsafe-inline');
  await first.locator('summary').click();
  const nginx = first.getByTestId('snippets').locator('.snippet').nth(1);
  await nginx.locator('button.copy').click();
  await nginx.locator('button.copy:text-is("Copied")').waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^add_header Content-Security-Policy "script-src 'nonce-\{RANDOM\}'/);
  assert.match(await first.locator('.interop').textContent(), /CSP Evaluator: SCRIPT_UNSAFE_INLINE \(HIGH\)/);
  // Every Observatory test is listed with its result id.
  await http.locator('details.section > summary', { hasText: 'Observatory tests' }).click();
  const rows = await page.getByTestId('observatory-tests').locator('tr').allTextContents();
  assert.ok(rows.some((r) => r.startsWith('content-security-policycsp-implemented-with-unsafe-inline-20')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('subresource-integrity') && r.includes('not judged')));
  // COOP is shown, but the released Observatory does not score it.
  assert.ok(rows.some((r) => r.startsWith('cross-origin-opener-policy') && r.includes('not judged')), rows.join('\n'));
  // The CSP findings in groups: what the CSP Evaluator shows first, certscope's own last.
  await http.locator('details.section > summary', { hasText: 'Content-Security-Policy' }).click();
  const groups = http.getByTestId('csp-groups').locator('table');
  const sources = await groups.evaluateAll((tables) => tables.map((t) => t.dataset.source));
  assert.deepEqual(sources, ['evaluator', 'evaluator-strict', 'evaluator-reporting', 'certscope']);
  assert.match(await groups.first().locator('caption').textContent(), /^CSP Evaluator · \d+$/);
  assert.match(await groups.first().textContent(), /SCRIPT_UNSAFE_INLINE · script-src 'unsafe-inline'/);
  assert.match(await groups.last().locator('caption').textContent(), /^certscope's own/);
  await http.getByTestId('csp-groups').screenshot({ path: `${root}tests/browser/screenshots/csp-groups.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a picked HAR file: the redirects the browser followed, the page\'s other requests, cookie values kept out of the page and the link', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { permissions: ['clipboard-read', 'clipboard-write'] });
  await open(page, server.origin);
  await page.setInputFiles('#file', `${root}tests/data/http/shop.har`);
  const http = page.getByTestId('http');
  await http.waitFor();
  // The same verdict as curl -sIL of the same site (the example above).
  assert.match(await page.getByTestId('grade-http-observatory').textContent(), /^C\+HTTP Observatory60\/100/);
  const hops = await page.getByTestId('hops').locator('li').allTextContents();
  assert.equal(hops.length, 2);
  assert.match(hops[0], /^301GET http:\/\/shop\.certscope\.test\/Moved Permanently.*\(recorded by the browser\)/);
  assert.match(hops[1], /TLS 1\.3 · certificate for certscope\.test from certscope\.test, valid to 2027-/);
  assert.match(await http.textContent(), /Read from a HAR file recorded by Playwright 1\.65\.1 \(chromium [\d.]+\) \(5 requests\)/);
  await http.locator('details.section > summary', { hasText: 'Other responses of this page (3)' }).click();
  const rows = await page.getByTestId('subresources').locator('tbody tr').allTextContents();
  assert.deepEqual(rows, [
    '200GET https://shop.certscope.test/app.jsscriptTLS 1.3',
    '200GET https://shop.certscope.test/pixel.gifimageTLS 1.3',
    '200GET https://shop.certscope.test/api/cartfetchTLS 1.3',
  ]);
  assert.ok(await http.locator('details.finding', { hasText: 'Cookie cart is not marked Secure' }).count() > 0);
  await page.screenshot({ path: `${screenshots}har.png`, fullPage: true });
  // The session cookie's value is neither rendered nor put in a link; its attributes are.
  assert.ok(!(await page.evaluate(() => document.body.innerText)).includes('8f2b1c9d0e'));
  const other = await followLink(page, context);
  const restored = await other.inputValue('#paste');
  assert.ok(!restored.includes('8f2b1c9d0e') && !restored.includes('Zq81'), restored.slice(0, 300));
  assert.ok(restored.includes('sessionid=[removed]; Path=/; HttpOnly'));
  await other.getByTestId('http').waitFor();
  assert.match(await other.getByTestId('grade-http-observatory').textContent(), /^C\+HTTP Observatory60\/100/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('BER files as macOS Keychain and openssl cms -stream write them open like DER ones', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.fill('#at', '2026-12-01');
  await page.setInputFiles('#file', `${root}tests/data/formats/bundle-aes-ber.p12`);
  await page.getByTestId('pkcs12').waitFor();
  await page.fill('#password', 'certscope');
  await page.getByTestId('certificate').nth(1).waitFor();
  assert.match(await page.getByTestId('pkcs12').textContent(), /password correct/);
  await page.setInputFiles('#file', `${root}tests/data/formats/signed-ber.p7s`);
  await page.getByTestId('certificate').nth(1).waitFor();
  assert.match(await page.locator('#paste').inputValue(), /^-----BEGIN PKCS7-----/);
  assert.equal(await page.getByTestId('certificate').count(), 2);
  assert.equal(await page.getByTestId('problems').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a dropped .p12 asks for its password, opens with it, and the link carries neither', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { permissions: ['clipboard-read', 'clipboard-write'] });
  await open(page, server.origin);
  await page.fill('#at', '2026-12-01');
  assert.ok(await page.locator('#password-field').isHidden());
  await page.setInputFiles('#file', `${root}tests/data/formats/bundle-aes.p12`);
  await page.getByTestId('pkcs12').waitFor();
  assert.match(await page.locator('#paste').inputValue(), /^-----BEGIN PKCS12-----/);
  assert.ok(await page.locator('#password-field').isVisible());
  assert.match(await page.getByTestId('pkcs12').textContent(), /no password given/);
  assert.equal(await page.getByTestId('certificate').count(), 0);
  await page.fill('#password', 'wrong one');
  await page.getByTestId('pkcs12').getByText('wrong password').waitFor();
  await page.fill('#password', 'certscope');
  await page.getByTestId('certificate').nth(1).waitFor();
  assert.match(await page.getByTestId('pkcs12').textContent(), /password correct/);
  assert.match(await page.getByTestId('key').textContent(), /certificate 1 \(CN=www\.certscope\.test\)/);
  // Neither the bundle (it holds the key) nor the password goes into a link or storage.
  const other = await followLink(page, context);
  const restored = await other.inputValue('#paste');
  assert.ok(restored.includes('[private key removed from this link]') && !restored.includes('BEGIN PKCS12'));
  assert.equal(await other.inputValue('#password'), '');
  assert.ok(!(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).includes('certscope'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a legacy .p12 (OpenSSL 1.1\'s RC2-40 and 3DES) opens with its password and is flagged', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.fill('#at', '2026-12-01');
  await page.setInputFiles('#file', `${root}tests/data/formats/bundle-legacy.p12`);
  await page.getByTestId('pkcs12').waitFor();
  await page.fill('#password', 'certscope');
  await page.getByTestId('certificate').nth(1).waitFor();
  const bundle = await page.getByTestId('pkcs12').textContent();
  assert.match(bundle, /password correct/);
  assert.match(bundle, /pbeWithSHAAnd40BitRC2-CBC/);
  assert.match(bundle, /pbeWithSHAAnd3-KeyTripleDES-CBC/);
  const warning = page.locator('.finding', { hasText: 'uses obsolete encryption' });
  await warning.first().waitFor();
  await warning.first().locator('summary').click();
  assert.match(await warning.first().textContent(), /-keypbe AES-256-CBC -certpbe AES-256-CBC/);
  await page.screenshot({ path: `${screenshots}legacy-p12.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('SAML metadata and a JWK Set: the documents module reads them, roles and key checks shown, private JWK members kept out of links', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { permissions: ['clipboard-read', 'clipboard-write'] });
  await open(page, server.origin);
  await page.fill('#at', '2026-05-28');
  await page.click('button[data-example="saml-metadata.xml"]');
  const saml = page.getByTestId('document');
  await saml.waitFor();
  const text = await saml.textContent();
  assert.match(text, /SAML metadata for 1 entity \(IdP\)/);
  assert.match(text, /IdP signing.*IdP signing.*IdP encryption/s);
  assert.match(text, /SingleSignOnService \(HTTP-Redirect\)/);
  assert.match(text, /publishes 2 IdP signing certificates \(a rollover\)/);
  assert.equal(await page.getByTestId('certificate').count(), 3);
  assert.equal(await page.getByTestId('chain').count(), 0);
  await page.screenshot({ path: `${screenshots}saml-metadata.png`, fullPage: true });

  // A set with a published private key: named, flagged, and its value cut out of the link.
  const bad = readFileSync(`${root}tests/data/documents/jwks-bad.json`, 'utf8');
  const d = JSON.parse(bad).keys[1].d;
  await page.fill('#paste', bad);
  await page.getByTestId('jwk').nth(2).waitFor();
  const keys = await page.getByTestId('document').textContent();
  assert.match(keys, /JWK Set: 3 keys/);
  assert.match(keys, /does NOT match the certificate/);
  assert.match(keys, /includes its private key/);
  assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(d), 'the private member is not rendered');
  const other = await followLink(page, context);
  const restored = await other.inputValue('#paste');
  assert.ok(restored.includes('"d": "[private key removed from this link]"'), restored.slice(0, 300));
  assert.ok(!restored.includes(d));
  await page.screenshot({ path: `${screenshots}jwks.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('an SSH certificate with its CA: explained as ssh-keygen -L does, the signature checked by the verify module', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.fill('#at', '2026-05-28');
  await page.click('button[data-example="ssh-cert.pub"]');
  const cert = page.getByTestId('ssh-key').nth(1);
  await cert.waitFor();
  const text = await cert.textContent();
  assert.match(text, /User certificate “alice@example\.com”/);
  assert.match(text, /alice, admin/);
  assert.match(text, /Signaturevalid/);
  assert.match(text, /key 1 of this paste/);
  assert.match(await page.getByTestId('ssh-key').first().textContent(), /SHA256:/);
  assert.match(await page.getByTestId('summary').textContent(), /2 SSH keys/);
  await page.screenshot({ path: `${screenshots}ssh-certificate.png`, fullPage: true });
  // A changed certificate: the signature no longer matches.
  await page.fill('#paste', readFileSync(`${root}tests/data/ssh/alice-tampered-cert.pub`, 'utf8'));
  await page.getByTestId('ssh-key').getByText('DOES NOT MATCH').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a chain in the wrong order: the fix-it panel says what it changed, and the downloaded fullchain.pem is the one openssl verifies', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  await open(page, server.origin);
  await page.fill('#at', '2026-11-27');
  await page.click('button[data-example="messy-chain.pem"]');
  const panel = page.getByTestId('fix-panel');
  await panel.waitFor();
  assert.equal(await panel.locator('h3').textContent(), 'Fix: the chain file your server should send');
  assert.deepEqual(await panel.getByTestId('fix-changes').locator('li').allTextContents(), [
    'Removed the root certscope p256 Root: clients already have it, and it is not sent',
    'Removed a second copy of certscope p256 Intermediate',
    "Moved the server's certificate www.certscope.test to the top",
  ]);
  assert.deepEqual(await panel.locator('.snippet-label').allTextContents(),
    ['nginx', 'Apache 2.4.8 or later', 'Apache before 2.4.8', 'Caddy', 'HAProxy']);
  const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('button[data-file="fullchain.pem"]').click()]);
  assert.equal(download.suggestedFilename(), 'fullchain.pem');
  const file = readFileSync(await download.path(), 'utf8');
  // The leaf, then the intermediate: the example chain without its root.
  const blocks = data('generated/example-chain.pem').toString().match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g);
  assert.equal(file, blocks[0] + blocks[1]);
  // Its own styles arrived with it: a bordered panel, not bare text.
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.fix-panel')).borderTopStyle === 'solid');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${screenshots}fix-panel.png` });

  // Pasted back, the downloaded file needs nothing: the panel folds away.
  await page.fill('#paste', file);
  await page.locator('details.fix-panel.quiet').waitFor();
  assert.equal(await page.locator('details.fix-panel.quiet > summary').textContent(), 'Chain files to download');

  // A missing intermediate: where to get it, the commands, and why browsers differ.
  await page.click('button[data-example="missing-intermediate.pem"]');
  const missing = page.locator('.fix-panel.error');
  await missing.waitFor();
  assert.equal(await missing.locator('h3').textContent(), 'Fix: send the missing intermediate');
  assert.deepEqual(await missing.getByTestId('fix-commands').locator('code').allTextContents(), [
    "curl -fsSL -o intermediate.crt 'http://ca.certscope.test/intermediate.crt'",
    'openssl x509 -inform DER -in intermediate.crt -out intermediate.pem',
    'cat cert.pem intermediate.pem > fullchain.pem',
  ]);
  assert.match(await missing.locator('.why p').textContent(), /AIA fetching.*"unable to get local issuer certificate"/s);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.fix-panel.error')).borderTopStyle === 'solid');
  await missing.screenshot({ path: `${screenshots}fix-missing.png` });
  assert.equal(await missing.locator('a').getAttribute('href'), 'http://ca.certscope.test/intermediate.crt');
  assert.equal(await missing.locator('a').getAttribute('rel'), 'noopener noreferrer');

  // The whole way on the page alone: the file the browser downloaded from that URL (DER, as
  // CAs serve it) is added from the panel, and the fixed chain file is offered. (The example's
  // private root is supplied, as its owner would.)
  await page.locator('#trust').evaluate((d) => { d.open = true; });
  await page.selectOption('#roots', 'custom');
  await page.fill('#custom-roots', data('generated/p256-root.pem').toString());
  // Typing is analysed after a 120 ms pause: let that run before the file is added.
  await page.waitForTimeout(300);
  await page.locator('#results[aria-busy="false"] .fix-panel.error').waitFor();
  const der = join(mkdtempSync(join(tmpdir(), 'certscope-aia-')), 'intermediate.crt');
  writeFileSync(der, Buffer.from(blocks[1].replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'));
  await page.getByTestId('fix-add-file').setInputFiles(der);
  await page.locator('details.fix-panel.quiet').waitFor();
  await page.locator('details.fix-panel.quiet > summary').click();
  assert.equal(await page.locator('.verdict-title').textContent(), 'Browsers trust this chain');
  assert.match(await page.locator('#file-note').textContent(), /^Added intermediate\.crt \(\d+ bytes of DER, shown as PEM\)\.$/);
  const [fixed] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-file="fullchain.pem"]').click()]);
  assert.equal(readFileSync(await fixed.path(), 'utf8'), blocks[0] + blocks[1]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('comparing two certificates: the sentence, each difference with both values, what is the same', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1280, height: 1000 } });
  await open(page, server.origin);
  await page.fill('#at', '2026-02-01');
  await page.fill('#paste', data('generated/p256-chain.pem').toString());
  await page.getByTestId('chain').waitFor();
  await page.click('#compare summary');
  await page.fill('#compare-with', data('generated/rsa2048-leaf.pem').toString());
  const summary = page.getByTestId('comparison-summary');
  await summary.waitFor();
  assert.equal(await summary.textContent(),
    'Renewal with the same names and a new key (EC P-256 → RSA 2048 bits); issued by a different CA (certscope p256 Intermediate → certscope rsa2048 Intermediate); signed with SHA-256 with RSA instead of ECDSA with SHA-256');
  assert.deepEqual(await page.locator('table.diff tbody th').allTextContents(), ['Public key', 'Issuer', 'Issuer key (AKI)', 'Signature algorithm']);
  assert.match(await page.locator('table.diff tr[data-field="Issuer"] td').nth(1).textContent(), /^CN=certscope rsa2048 Intermediate/);
  assert.match(await page.locator('.comparison p.muted').textContent(), /^The same: Subject, Names, Serial number, Validity, /);
  await page.locator('#compare').screenshot({ path: `${screenshots}compare.png` });
  // The same certificate, and then something that is not one.
  await page.fill('#compare-with', data('generated/p256-leaf.pem').toString());
  await page.locator('[data-testid="comparison-summary"]:text-is("The same certificate")').waitFor();
  await page.fill('#compare-with', 'not a certificate');
  await page.locator('#compare-result .err-text').waitFor();
  assert.equal(await page.locator('#compare-result .err-text').textContent(), 'Cannot compare: the second certificate: no certificate found');
  assert.deepEqual(problems, []);
  await context.close();
});

test('DNS answers with the chain: CAA against the certificate\'s CA, the HTTPS record\'s ECH decoded, TLSA matched', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.click('button[data-example="dns.txt"]');
  const dns = page.getByTestId('dns');
  await dns.waitFor();
  assert.match(await dns.locator('h2').textContent(), /DNS records.*from kdig · not DNSSEC-validated/);
  // The wildcard name may not be issued by anyone (issuewild ";"): an error with its fix.
  const ids = await dns.locator('details.finding').evaluateAll((list) => list.map((d) => d.dataset.finding));
  assert.ok(ids.includes('dns.caa-no-ca') && ids.includes('dns.tlsa-no-match') && ids.includes('dns.https-ech'), ids.join(' '));
  await dns.locator('details.section > summary', { hasText: 'CAA: may' }).click();
  const caa = await dns.getByTestId('dns-caa').locator('tbody tr').allTextContents();
  assert.deepEqual(caa.map((r) => r.endsWith('not allowed')), [false, false, true]);
  await dns.locator('details.section > summary', { hasText: 'HTTPS and SVCB' }).click();
  assert.match(await dns.getByTestId('dns-service').textContent(), /public name public\.certscope\.test · id 7 · DHKEM\(X25519, HKDF-SHA256\)/);
  await dns.locator('details.section > summary', { hasText: 'TLSA' }).click();
  const tlsa = await dns.getByTestId('dns-tlsa').locator('tbody tr td:last-child').allTextContents();
  assert.deepEqual(tlsa, ['certificate 2 (Test R10)', 'certificate 1 (certscope.test)', 'no pasted certificate']);
  await dns.screenshot({ path: `${root}tests/browser/screenshots/dns.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page pasted with its headers: the <meta> CSP in its own table, the scripts and their SRI, whose rule each verdict is', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  await page.click('button[data-example="page.txt"]');
  const http = page.getByTestId('http');
  await http.waitFor();
  assert.match(await page.getByTestId('grade-http-observatory').textContent(), /reproduced from the headers and page/);
  const ids = await http.locator('details.finding').evaluateAll((list) => list.map((d) => d.dataset.finding));
  for (const id of ['sri.mixed-script', 'sri.integrity-without-crossorigin', 'csp.meta-ignored-directive', 'csp.meta-after-script', 'sri.missing']) assert.ok(ids.includes(id), `${id} in ${ids.join(' ')}`);
  await http.locator('details.section > summary', { hasText: 'Observatory tests' }).click();
  const rows = await page.getByTestId('observatory-tests').locator('tr').allTextContents();
  assert.ok(rows.some((r) => r.startsWith('subresource-integritysri-not-implemented-and-external-scripts-not-loaded-securely-50')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('x-frame-options') && r.includes('where browsers ignore it')), rows.join('\n'));
  await http.locator('details.section > summary', { hasText: 'Content-Security-Policy' }).click();
  assert.match(await http.locator('table.kv caption').filter({ hasText: 'meta' }).first().textContent(), /^<meta http-equiv="Content-Security-Policy"> in the page$/);
  await http.locator('details.section > summary', { hasText: 'Scripts in the page (5)' }).click();
  // Lines of the paste: the page starts after the command line and the headers.
  const lines = await page.getByTestId('page-scripts').locator('tbody td:first-child').allTextContents();
  assert.deepEqual(lines, ['18', '22', '23', '24', '25']);
  const scripts = await page.getByTestId('page-scripts').locator('tbody tr').allTextContents();
  assert.match(scripts[0], /\/js\/consent\.jssame origin—$/);
  assert.match(scripts[1], /cdn\.jsdelivr\.net.*✓—$/);
  assert.match(scripts[4], /http:\/\/widgets\.example\.net\/chat\.js✕—$/);
  await page.screenshot({ path: `${screenshots}page-html.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('an ML-DSA chain: the pqc module checks its signatures; strict passes, browsers would not take it', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1200, height: 900 } });
  await open(page, server.origin);
  await page.fill('#at', '2026-12-01');
  await page.fill('#host', 'www.certscope.test');
  await page.click('#trust summary');
  await page.selectOption('#roots', 'custom');
  await page.fill('#custom-roots', data('pqc/root.pem').toString());
  await page.fill('#paste', data('pqc/chain.pem').toString());
  await page.getByTestId('chain').waitFor();
  assert.match(await page.getByTestId('browser-verdict').textContent(), /signed with ML-DSA-65, a post-quantum algorithm no browser accepts/);
  assert.equal(await page.getByTestId('strict-verdict').textContent(), 'Strict (RFC 5280 + CA/B Forum): passes');
  assert.deepEqual(await page.locator('.badge.role').allTextContents(), ['Leaf', 'Intermediate CA', 'Root CA']);
  assert.ok(await page.locator('details.finding[data-finding="cert.pqc-key"]').count() >= 3);
  await page.getByTestId('chain').screenshot({ path: `${screenshots}ml-dsa-chain.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a hybrid chain and a composite certificate: both signatures of each are checked in the page', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1200, height: 900 } });
  await open(page, server.origin);
  await page.fill('#at', '2026-12-01');
  // ECDSA signatures, and ML-DSA alternative signatures in X.509 2019's extensions.
  await page.fill('#paste', data('pqc/alt-chain.pem').toString());
  await page.getByTestId('chain').waitFor();
  const cards = page.getByTestId('certificate');
  await cards.first().waitFor();
  const second = async (i) => (await cards.nth(i).locator('dt:text-is("Second signature") + dd').textContent());
  assert.match(await second(0), /^Verified ML-DSA-65: verifies with the alternative key of certificate #2$/);
  assert.match(await second(1), /^Verified ML-DSA-65: verifies with the alternative key of certificate #2$/);
  await cards.first().locator('summary', { hasText: 'Extensions' }).click();
  const extensions = await cards.first().locator('table.kv').last().textContent();
  assert.match(extensions, /Subject Alternative Public Key.*ML-DSA-44 \(post-quantum signature key, FIPS 204\)/);
  assert.match(extensions, /Alternative Signature Value.*3309 bytes/);
  await cards.first().screenshot({ path: `${screenshots}hybrid-certificate.png` });
  // The same leaf with its alternative signature changed: the card says so, with a finding.
  await page.fill('#paste', data('pqc/alt-leaf-bad-alt.pem').toString());
  await page.locator('details.finding[data-finding="cert.alt-signature-invalid"]').waitFor();
  assert.match(await second(0), /^Does not verify ML-DSA-65: does not verify with the alternative key of certificate #2$/);
  // A composite certificate: ML-DSA-65 and ECDSA P-256 under one OID, both halves verified.
  await page.fill('#paste', data('pqc/composite/MLDSA65-ECDSA-P256-SHA512.crt').toString());
  await page.locator('.card-title', { hasText: 'id-MLDSA65-ECDSA-P256-SHA512' }).waitFor();
  assert.equal(await cards.first().locator('.card-sub').textContent(), 'Self-signed: its signature verifies with its own key');
  const facts = await cards.first().locator('dl.facts').textContent();
  assert.match(facts, /KeyMLDSA65-ECDSA-P256-SHA512 \(composite key: an ML-DSA key and a classical one, both must sign\)/);
  assert.match(facts, /SignatureMLDSA65-ECDSA-P256-SHA512/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('each OCSP fixture OpenSSL made reads on the page as natively: good, unknown, delegated, expired, another certificate, a bad signature', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  const pem = (file) => `-----BEGIN OCSP RESPONSE-----\n${data(`ocsp/${file}`).toString('base64').match(/.{1,64}/g).join('\n')}\n-----END OCSP RESPONSE-----\n`;
  const certs = (...names) => names.map((n) => data(`ocsp/${n}.pem`)).join('');
  // [response, certificates pasted, date, status badge, signature badge, a finding it must have]
  const cases = [
    ['good.der', certs('good', 'inter'), '2026-12-04', 'Good: not revoked', 'Signature verifies', null],
    ['unknown.der', certs('unknown', 'inter'), '2026-12-04', 'Unknown to the responder', 'Signature verifies', 'ocsp.status-unknown'],
    ['delegated.der', certs('good', 'inter'), '2026-12-04', 'Good: not revoked', 'Signature verifies', null],
    ['good.der', certs('good', 'inter'), '2026-12-20', 'Good: not revoked', 'Signature verifies', 'ocsp.expired'],
    ['good.der', certs('revoked', 'inter'), '2026-12-04', 'Good: not revoked', 'Signature verifies', 'ocsp.other-certificate'],
    ['tampered.der', certs('good', 'inter'), '2026-12-04', 'Good: not revoked', 'Signature not verified', 'ocsp.bad-signature'],
  ];
  for (const [file, pasted, at, status, signature, finding] of cases) {
    // Cleared first, so that each answer is read from a fresh render.
    await page.fill('#paste', '');
    await page.getByTestId('ocsp').waitFor({ state: 'detached' });
    await page.fill('#at', at);
    await page.fill('#paste', `${pasted}${pem(file)}`);
    const card = page.getByTestId('ocsp');
    await card.locator('[data-testid="ocsp-statuses"] tbody tr .badge').first().waitFor();
    const name = `${file} at ${at}`;
    assert.equal(await card.locator('[data-testid="ocsp-statuses"] tbody tr .badge').first().textContent(), status, name);
    assert.equal(await card.locator('.card-head .badges .badge').last().textContent(), signature, name);
    if (finding) assert.equal(await card.locator(`details.finding[data-finding="${finding}"]`).count(), 1, name);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('an OCSP response pasted with its certificate: the status, its freshness, and who signed it', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1100, height: 900 } });
  await open(page, server.origin);
  await page.fill('#at', '2026-12-04');
  await page.getByRole('button', { name: /OCSP response/ }).click();
  const card = page.getByTestId('ocsp');
  await card.waitFor();
  const row = card.getByTestId('ocsp-statuses').locator('tbody tr');
  assert.equal(await row.count(), 1);
  assert.match(await row.textContent(), /certificate 1: revoked\.example.*serial 20:02.*Revoked.*on 2026-12-01.*keyCompromise.*fresh/);
  assert.equal(await card.locator('.badge.ok').textContent(), 'Signature verifies');
  assert.match(await card.textContent(), /signed by the CA that issued the certificate/);
  assert.equal(await card.locator('details.finding[data-finding="ocsp.revoked"]').count(), 1);
  assert.match(await page.getByTestId('summary').textContent(), /1 OCSP response/);
  await card.screenshot({ path: `${screenshots}ocsp.png` });
  // A week later the same response is out of date.
  await page.fill('#at', '2026-12-20');
  await page.dispatchEvent('#at', 'change');
  await page.locator('details.finding[data-finding="ocsp.expired"]').waitFor();
  // A request with the certificates it asks about.
  const request = `-----BEGIN OCSP REQUEST-----\n${data('ocsp/req-two.der').toString('base64').match(/.{1,64}/g).join('\n')}\n-----END OCSP REQUEST-----\n`;
  await page.fill('#paste', `${data('ocsp/good.pem')}${data('ocsp/revoked.pem')}${data('ocsp/inter.pem')}${request}`);
  const asked = page.getByTestId('ocsp-request').getByTestId('ocsp-requested').locator('tbody tr');
  await asked.first().waitFor();
  assert.deepEqual(await asked.allTextContents(), [
    'certificate 1: good.exampleserial 20:01 (SHA-1 CertID)certificate 3: certscope OCSP test CA',
    'certificate 2: revoked.exampleserial 20:02 (SHA-1 CertID)certificate 3: certscope OCSP test CA',
  ]);
  // A real `openssl s_client -status` transcript: the stapled response, read from OpenSSL's text.
  await page.fill('#at', '2026-12-05');
  await page.fill('#paste', data('ocsp/stapled-s_client.txt').toString());
  const stapled = page.getByTestId('ocsp');
  await stapled.getByTestId('ocsp-statuses').waitFor();
  assert.match(await stapled.getByTestId('ocsp-statuses').locator('tbody tr').textContent(), /certificate 1: stapled\.example.*serial 40:01.*Good.*fresh/);
  assert.match(await stapled.textContent(), /not checked \(read from OpenSSL's text/);
  assert.equal(await stapled.locator('details.finding[data-finding="ocsp.text"]').count(), 1);
  await stapled.screenshot({ path: `${screenshots}ocsp-text.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('RFC 5280 validation with certificate policies: which policy survives the mappings, and why the path fails for another', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1100, height: 1000 } });
  await open(page, server.origin);
  await page.fill('#at', '2026-12-04');
  await page.getByRole('button', { name: /certificate policies mapped across CAs/ }).click();
  const verdict = page.getByTestId('rfc5280-verdict');
  await verdict.waitFor();
  assert.equal(await verdict.textContent(), 'RFC 5280 with certificate policies: passes');
  assert.equal(await page.locator('#policy-summary').textContent(), 'on');
  const panel = page.getByTestId('policy-panel');
  await panel.waitFor();
  assert.match(await panel.locator('summary').textContent(), /valid for 2\.16\.840\.1\.101\.3\.2\.1\.48\.2$/);
  const steps = panel.locator('ol > li');
  assert.equal(await steps.count(), 4);
  assert.match(await steps.first().textContent(), /certificate 4: CN=P12 Mapping 1to3 CA.*valid after it: 2\.16\.840\.1\.101\.3\.2\.1\.48\.1, 2\.16\.840\.1\.101\.3\.2\.1\.48\.2.*maps 2\.16\.840\.1\.101\.3\.2\.1\.48\.1 to 2\.16\.840\.1\.101\.3\.2\.1\.48\.3.*requireExplicitPolicy 0/);
  await page.getByTestId('chain').screenshot({ path: `${screenshots}policy.png` });
  // Only NIST-test-policy-1 acceptable: the browsers' verdict stands, RFC 5280's fails.
  await page.fill('#policies', '2.16.840.1.101.3.2.1.48.1');
  await page.getByTestId('rfc5280-verdict').filter({ hasText: 'fails' }).waitFor();
  assert.match(await page.getByTestId('rfc5280-verdict').textContent(), /fails — .*none of the policies valid for the path \(2\.16\.840\.1\.101\.3\.2\.1\.48\.2\) is among the acceptable ones/);
  assert.match(await page.getByTestId('browser-verdict').textContent(), /^Trusted chain/);
  assert.match(await page.getByTestId('policy-panel').locator('summary').textContent(), /the path fails$/);
  // Switched off: no third verdict.
  await page.uncheck('#rfc5280');
  await page.getByTestId('policy-panel').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('rfc5280-verdict').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a packet capture: each connection as a timeline, its hellos, and the certificates a TLS 1.2 server sent', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1200, height: 900 } });
  await open(page, server.origin);
  await page.fill('#at', '2026-12-10');
  // The example: a TLS 1.2 handshake captured with tcpdump.
  await page.getByRole('button', { name: /packet capture of a TLS 1\.2 handshake/ }).click();
  const capture = page.getByTestId('capture');
  await capture.waitFor();
  assert.match(await capture.locator('h2').first().textContent(), /pcap, 14 packets \(Ethernet\) · 1 TLS connection/);
  const rows = capture.getByTestId('capture-message');
  assert.equal(await rows.count(), 13);
  assert.match(await rows.nth(0).locator('summary').textContent(), /client → server\s*ClientHello\s*packet 4/);
  assert.match(await rows.nth(2).locator('summary').textContent(), /client ← server\s*Certificate/);
  // A message opens to what it says and its bytes.
  await rows.nth(2).locator('summary').click();
  assert.match(await rows.nth(2).locator('.what').textContent(), /2 certificates, sent in the clear/);
  assert.match(await rows.nth(2).locator('pre.hex').textContent(), /^000000  0b 00 /);
  // Pointing at a field highlights its bytes: the first certificate, length prefix and DER.
  await rows.nth(2).getByTestId('capture-fields').locator('tr', { hasText: 'Certificate 1' }).hover();
  assert.equal(await rows.nth(2).locator('pre.hex span.hl').count(), 456);
  await rows.nth(2).locator('pre.hex span').nth(40).hover();
  assert.equal(await rows.nth(2).getByTestId('capture-fields').locator('tr.hl th').textContent(), 'Certificate 1');
  assert.match(await capture.getByTestId('ja4').textContent(), /^t12d\d{4}00_[0-9a-f]{12}_[0-9a-f]{12}$/);
  assert.match(await capture.getByTestId('quantum').textContent(), /Key exchange not quantum-safe \(X25519\); certificate signature not \(ECDSA P-256\)/);
  // The certificates the server sent are analysed, for the SNI name.
  await page.getByTestId('chain').waitFor();
  assert.equal(await page.getByTestId('certificate').count(), 2);
  await capture.locator('summary', { hasText: /^ClientHello$/ }).click();
  assert.match(await capture.textContent(), /Groups\s*x25519secp256r1x448secp521r1secp384r1/);
  await capture.screenshot({ path: `${screenshots}capture-timeline.png` });
  // The ClientHello's bytes, its cipher suites pointed at.
  await rows.nth(0).locator('summary').click();
  await rows.nth(0).scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await rows.nth(0).getByTestId('capture-fields').locator('tr', { hasText: 'Cipher suites' }).focus();
  assert.equal(await rows.nth(0).locator('pre.hex span.hl').count(), 58);
  await rows.nth(0).locator('pre.hex').screenshot({ path: `${screenshots}capture-hex.png` });
  // A TLS 1.3 capture dropped as a file: HelloRetryRequest, and the certificate encrypted.
  await page.setInputFiles('#file', `${root}tests/data/capture/tls13-hrr.pcap`);
  await page.locator('summary', { hasText: 'HelloRetryRequest' }).first().waitFor();
  const size = data('capture/tls13-hrr.pcap').length.toLocaleString('en-US');
  assert.ok((await page.locator('#paste').inputValue()).startsWith(`[packet capture tls13-hrr.pcap, ${size} bytes`));
  assert.match(await capture.textContent(), /TLS 1\.3 encrypts the server’s certificate/);
  assert.ok(await page.locator('details.finding[data-finding="tls.hello-retry"]').count() > 0);
  assert.equal(await page.getByTestId('certificate').count(), 0);
  assert.ok(await page.locator('#share').isHidden());
  assert.deepEqual(problems, []);
  await context.close();
});

test('a big capture dropped on the page: a progress bar fills as the worker reads its packets', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin);
  await open(page, server.origin);
  // 48 MB: one TLS 1.2 connection's packets, again and again (a pcap header, then records).
  const one = data('capture/tls12-ecdsa.pcap');
  const records = one.subarray(24);
  const copies = Math.ceil((48 * 1024 * 1024) / records.length);
  const file = join(mkdtempSync(join(tmpdir(), 'certscope-big-')), 'big.pcap');
  writeFileSync(file, Buffer.concat([one.subarray(0, 24), ...Array(copies).fill(records)]));
  // Every value the bar takes, as the page sets it.
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver((changes) => {
      for (const c of changes) if (c.target.localName === 'progress') window.progressSeen.push([c.target.value, c.target.max]);
    }).observe(document.getElementById('results'), { subtree: true, attributes: true, attributeFilter: ['value', 'max'] });
  });
  await page.setInputFiles('#file', file);
  await page.getByTestId('capture').waitFor({ timeout: 60_000 });
  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.some(([v, max]) => v > 0 && v < max), `no partial progress among ${JSON.stringify(seen.slice(0, 5))}`);
  assert.ok(seen.every(([v], i) => i === 0 || v >= seen[i - 1][0]), 'progress never goes back');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a chain with SCTs: the ct module names each log, verifies each SCT and judges the CT policies', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1200, height: 900 } });
  await open(page, server.origin);
  await page.fill('#at', '2018-10-01');
  await page.fill('#paste', data('ct/cryptography.io-chain.pem').toString());
  const panel = page.getByTestId('ct-panel');
  await panel.waitFor();
  assert.match(await panel.locator('summary').first().textContent(), /^Certificate Transparency: 2 SCTs, 2 verified — Chrome not satisfied$/);
  await panel.locator('summary').first().click();
  const rows = await page.getByTestId('ct-scts').locator('tbody tr').allTextContents();
  assert.equal(rows.length, 2);
  // The Chrome and Apple columns: gone from Chrome's list, rejected by Apple (an expired log).
  assert.match(rows[0], /^Google 'Icarus' log.*Googlenot listedrejected since 20\d\d-\d\d-\d\d2018-09-26 20:56 UTCin the certificate✓ verified$/);
  assert.match(rows[1], /^Sectigo 'Mammoth'.*✓ verified$/);
  assert.match(await page.getByTestId('ct-chrome').textContent(), /none of the 2 verified SCTs comes from a log in Chrome's current list/);
  assert.match(await page.getByTestId('ct-apple').textContent(), /2 SCTs from logs Apple rejected after the time of check/);
  assert.match(await panel.locator('.source').textContent(), /chromium 156.*Apple's log list version 511/);
  await panel.screenshot({ path: `${screenshots}ct-panel.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('SCTs sent in a captured handshake and its stapled OCSP response: the CT panel says how each came', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1200, height: 1400 } });
  await open(page, server.origin);
  await page.fill('#at', '2026-12-05');
  await page.setInputFiles('#file', `${root}tests/data/ct/delivered/tls12-scts.pcap`);
  const panel = page.getByTestId('ct-panel');
  await panel.waitFor({ timeout: 30_000 });
  assert.match(await panel.locator('summary').first().textContent(), /^Certificate Transparency: 4 SCTs, 0 verified — Chrome not satisfied$/);
  await panel.locator('summary').first().click();
  const rows = await page.getByTestId('ct-scts').locator('tbody tr').allTextContents();
  assert.equal(rows.length, 4);
  assert.match(rows[0], /in the TLS handshake\? unknown log/);
  assert.match(rows[3], /in an OCSP response\? unknown log/);
  // The OCSP card says its response carries SCTs, checked in the chain's panel.
  assert.match(await page.getByTestId('ocsp-scts').first().textContent(), /^carries 2 SCTs \(Certificate Transparency\): checked in the chain’s CT panel$/);
  await panel.screenshot({ path: `${screenshots}ct-delivered.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('SCTs printed by openssl s_client -ct: the pasted transcript gets the same CT panel', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1200, height: 1400 } });
  await open(page, server.origin);
  await page.fill('#at', '2026-12-05');
  const transcript = data('ct/delivered/s_client-ct.txt').toString();
  await page.fill('#paste', transcript);
  const panel = page.getByTestId('ct-panel');
  await panel.waitFor({ timeout: 30_000 });
  assert.match(await panel.locator('summary').first().textContent(), /^Certificate Transparency: 4 SCTs, 0 verified — Chrome not satisfied$/);
  await panel.locator('summary').first().click();
  const rows = await page.getByTestId('ct-scts').locator('tbody tr').allTextContents();
  assert.deepEqual(rows.map((r) => /in the TLS handshake|in an OCSP response/.exec(r)?.[0]), ['in the TLS handshake', 'in the TLS handshake', 'in an OCSP response', 'in an OCSP response']);
  // Without -status, s_client's list cannot say how each SCT came.
  const start = transcript.indexOf('OCSP response:');
  const end = transcript.indexOf('======================================\n---') + 39;
  await page.fill('#paste', transcript.slice(0, start) + transcript.slice(end));
  await page.waitForFunction(() => document.querySelector('[data-testid="ct-scts"] tbody tr td:nth-child(6)')?.textContent.includes('TLS or OCSP'));
  const bare = await page.getByTestId('ct-scts').locator('tbody tr').allTextContents();
  assert.equal(bare.length, 4);
  assert.ok(bare.every((r) => r.includes('by the server (TLS or OCSP)')), bare.join('\n'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('Every lint rule: unticked, a TLS certificate loads no lint module; ticked, zlint\'s deeper catalogue joins the findings', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1100, height: 900 } });
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
  await open(page, server.origin);
  // zlint's test certificate whose subject has an attribute with a leading space.
  await page.fill('#paste', readFileSync(`${root}tests/data/zlint/testdata/subjectDNLeadingSpace.pem`, 'utf8'));
  await page.getByTestId('certificate').first().waitFor();
  assert.equal(await page.locator('#lints-summary').textContent(), "the core's rules");
  assert.equal(await page.locator('details.finding[data-finding^="community."]').count(), 0);
  assert.ok(!wasm.includes('certscope_profiles_bg.wasm'), wasm.join());
  await page.locator('#lint-options > summary').click();
  await page.check('#every-lint');
  await page.locator('details.finding[data-finding="community.subject-leading-whitespace"]').waitFor();
  assert.equal(await page.locator('#lints-summary').textContent(), "every rule (zlint's catalogue)");
  assert.ok(wasm.includes('certscope_profiles_bg.wasm'), wasm.join());
  // It sits with the rules for every certificate, and names its zlint lint.
  const finding = page.locator('section[data-profile="rfc5280"] details.finding[data-finding="community.subject-leading-whitespace"]');
  assert.equal(await finding.count(), 1);
  await finding.locator('summary').click();
  assert.match(await finding.textContent(), /w_subject_dn_leading_whitespace/);
  await page.getByTestId('certificate').first().screenshot({ path: `${screenshots}every-lint.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('Every lint rule on a CRL: the profiles module\'s CRL rules join its card, grouped by the requirements they cite', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1100, height: 900 } });
  await open(page, server.origin);
  await page.click('button[data-example="csr-crl.txt"]');
  const crl = page.getByTestId('crl').first();
  await crl.waitFor();
  // The core's rules only: the CRL's own findings, listed plainly.
  assert.equal(await crl.locator('details.finding[data-finding="crl.aki-missing"]').count(), 0);
  await page.locator('#lint-options > summary').click();
  await page.check('#every-lint');
  await crl.locator('details.finding[data-finding="crl.aki-missing"]').waitFor();
  // openssl wrote no authorityKeyIdentifier: RFC 5280 §5.2.1's rule, with its zlint name.
  const aki = crl.locator('section[data-profile="rfc5280"] details.finding[data-finding="crl.aki-missing"]');
  assert.equal(await aki.count(), 1);
  await aki.locator('summary').click();
  assert.match(await aki.textContent(), /e_crl_has_authority_key_identifier/);
  const headings = await crl.locator('.finding-group > h4 > span:first-child').allTextContents();
  assert.equal(headings[0], 'This CRL');
  assert.ok(headings.includes('RFC 5280 and zlint\'s community rules for CRLs'), headings.join());
  await crl.screenshot({ path: `${screenshots}crl-lints.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('an S/MIME and a code-signing certificate: the profiles module judges each by its Baseline Requirements, findings grouped by profile and severity', async () => {
  const { page, problems, context } = await guardedPage(browser, server.origin, { viewport: { width: 1100, height: 900 } });
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
  await open(page, server.origin);
  await page.click('button[data-example="smime.pem"]');
  const groups = page.getByTestId('finding-groups').first();
  await groups.waitFor();
  await page.locator('section[data-profile="smime"]').first().waitFor();
  // This one allows serverAuth too: judged by the TLS and the S/MIME BR, and RFC 5280.
  assert.match(await groups.locator('p.profiles').textContent(), /^Judged as a TLS server certificate and an S\/MIME certificate, and by RFC 5280\.$/);
  const headings = await groups.locator('.finding-group > h4 > span:first-child').allTextContents();
  assert.deepEqual(headings.filter((h) => h.startsWith('CA/B') || h.startsWith('RFC 5280')),
    ['CA/B Forum TLS Baseline Requirements', 'CA/B Forum S/MIME Baseline Requirements', 'RFC 5280 and the rules for every certificate']);
  // Each group holds its profile's rules only, most severe first.
  const smime = page.locator('section[data-profile="smime"] details.finding');
  const ids = await smime.evaluateAll((els) => els.map((e) => e.dataset.finding));
  assert.ok(ids.length >= 4 && ids.every((id) => id.startsWith('smime.')), ids.join());
  assert.ok(ids.includes('smime.strict-eku') && ids.includes('smime.personal-name'), ids.join());
  const severities = await smime.evaluateAll((els) => els.map((e) => ['error', 'warning', 'info'].findIndex((s) => e.classList.contains(s))));
  assert.deepEqual(severities, [...severities].sort((a, b) => a - b));
  assert.match(await page.locator('section[data-profile="smime"] .group-count').textContent(), /^\d+ errors?/);
  await page.getByTestId('certificate').first().screenshot({ path: `${screenshots}smime-profiles.png` });
  assert.ok(wasm.includes('certscope_profiles_bg.wasm'), wasm.join());

  // A code-signing certificate: no TLS rules at all, the Code Signing BR's instead.
  await page.click('button[data-example="code-signing.pem"]');
  await page.locator('section[data-profile="code-signing"]').first().waitFor();
  assert.match(await page.getByTestId('finding-groups').first().locator('p.profiles').textContent(), /^Judged as a code-signing certificate, and by RFC 5280\.$/);
  assert.equal(await page.locator('section[data-profile="tls-server"]').count(), 0);
  assert.equal(await page.locator('details.finding[data-finding="cs.rsa-3072"]').count(), 1);
  assert.equal(await page.locator('details.finding[data-finding="cert.no-san"]').count(), 0);
  await page.getByTestId('certificate').first().screenshot({ path: `${screenshots}code-signing-profiles.png` });
  assert.deepEqual(problems, []);
  await context.close();
});
