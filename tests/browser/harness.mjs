// Shared set-up for browser tests: a local static server for www/, Debian's Chromium driven
// by playwright-core, and guards that fail a test on any console error, page error, dialog
// or request to another origin.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(screenshots, { recursive: true });

/** Serves www/ on a free loopback port; resolves to { origin, close }. */
export function serve() {
  return new Promise((resolve, reject) => {
    const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', `${root}www`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.on('error', reject);
    // http.server logs every request to stderr: drained, or once the pipe is full (after some
    // hundreds of requests) the server blocks and every later page load hangs.
    server.stderr.resume();
    server.stdout.on('data', (chunk) => {
      const m = /port (\d+)/.exec(String(chunk));
      if (m) resolve({ origin: `http://127.0.0.1:${m[1]}`, close: () => server.kill() });
    });
  });
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** A page whose every problem is recorded in `problems` (assert it stays empty). */
export async function guardedPage(browser, origin, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort();
  });
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('dialog', (dialog) => { problems.push(`dialog opened: ${dialog.message()}`); dialog.dismiss(); });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(origin)) problems.push(`navigated to ${frame.url()}`);
  });
  return { context, page, problems };
}

export async function open(page, origin) {
  await page.goto(`${origin}/`);
  await page.waitForSelector('html[data-ready="true"]');
}

/** Runs axe-core in the page and returns its serious and critical violations. */
export async function axeViolations(page) {
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
