// Records real HAR files: Debian's Chromium, driven by playwright-core's recordHar, loads the
// sites of server.py (which needs root for ports 80 and 443 on 127.0.0.1). Re-run to refresh;
// the tests only read the recorded .har files. Usage: node tests/data/http/record-har.mjs
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'har-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '30',
  '-subj', '/CN=certscope.test', '-addext', 'subjectAltName=DNS:*.certscope.test,DNS:*.legacy.certscope.test',
  '-keyout', join(tmp, 'key.pem'), '-out', join(tmp, 'cert.pem')], { stdio: 'ignore' });
const server = spawn('python3', [join(here, 'server.py'), join(tmp, 'cert.pem'), join(tmp, 'key.pem')], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('ready') && resolve()));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--host-resolver-rules=MAP *.certscope.test 127.0.0.1', '--disable-quic'],
});
try {
  for (const site of ['shop', 'strict', 'legacy']) {
    const path = join(here, `${site}.har`);
    const context = await browser.newContext({ ignoreHTTPSErrors: true, recordHar: { path, content: 'omit' } });
    const page = await context.newPage();
    await page.goto(`http://${site}.certscope.test/`, { waitUntil: 'networkidle' });
    await context.close();
    console.log(`recorded ${site}.har: ${JSON.parse(readFileSync(path, 'utf8')).log.entries.length} entries`);
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(tmp, { recursive: true });
}
