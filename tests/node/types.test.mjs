// The TypeScript declarations describe what inspect() really returns: real reports (a chain
// with findings, the hostile corpus, unreadable input, an IDN chain, pasted HTTP headers) are written as object
// literals typed `Report` and compiled with tsc --strict, so a missing, extra or mistyped
// field on either side fails.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

test('reports type-check against certscope.d.ts', async () => {
  const { inspect, asn1, summarize, compare } = await import(`${root}pkg/certscope.js`);
  const data = (p) => readFileSync(`${root}tests/data/${p}`);
  const hostile = readdirSync(`${root}tests/data/hostile`).filter((f) => f.endsWith('.pem')).map((f) => data(`hostile/${f}`)).join('\n');
  const reports = await Promise.all([
    inspect(data('generated/rsa2048-chain.pem'), { at: '2026-02-01', host: 'www.certscope.test', roots: data('generated/rsa2048-root.pem') }),
    inspect(Buffer.concat([data('generated/flawed-expired.pem'), data('input/key.pem'), data('input/request.csr')]), { at: '2026-02-01' }),
    inspect(hostile, { at: '2030-01-01' }),
    inspect(data('generated/idn-chain.pem'), { at: '2026-02-01', host: 'bücher.example' }),
    inspect('nothing here', {}),
    // HTTP: a redirect chain with cookies and CSP, curl -v with CORS, hostile header values.
    inspect(data('http/shop-sIL.txt'), { at: '2026-11-27' }),
    inspect(Buffer.concat([data('http/api-v.txt'), data('http/legacy-www-sI.txt')]), { at: '2026-11-27' }),
    inspect(data('hostile/headers.txt'), { at: '2026-11-27' }),
    // Transcripts, CSRs, CRLs, PKCS#7 and keys.
    inspect(data('transcripts/s_client-tls12-rsa.txt'), { at: '2026-12-01', roots: data('transcripts/s_client-root.pem') }),
    inspect(data('transcripts/curl-v.txt'), { at: '2026-12-01' }),
    inspect(Buffer.concat([data('formats/leaf-ec.pem'), data('formats/root.pem'), data('formats/root.crl'), data('formats/leaf-rsa.csr'), data('formats/key-sec1-ec.pem'), data('formats/key-pkcs8-encrypted.pem')]), { at: '2026-12-01' }),
    inspect(data('formats/chain-der.p7c'), { at: '2026-12-01' }),
    // The core alone: no verdict asked for.
    inspect(data('generated/p256-chain.pem'), { at: '2026-12-01', verify: false }),
    // A HAR file: recorded exchanges, TLS details and subresources.
    inspect(data('http/shop.har'), { at: '2026-12-02' }),
    // Chain fixes: a pasted chain out of order with its root, and a leaf whose intermediate is missing.
    inspect(Buffer.concat([data('generated/p256-intermediate.pem'), data('generated/p256-root.pem'), data('generated/p256-leaf.pem')]), { at: '2026-02-01', roots: data('generated/p256-root.pem') }),
    inspect(data('generated/p256-leaf.pem'), { at: '2026-02-01' }),
  ]);
  assert.equal(reports[14].chains[0].fix.changes.length, 2);
  assert.equal(reports[15].chains[0].fix.missing.url, 'http://ca.certscope.test/intermediate.crt');
  assert.equal(reports[13].http[0].subresources.length, 3);
  assert.equal(reports[13].http[0].responses[1].recorded.tls.protocol, 'TLS 1.3');
  assert.deepEqual(reports[12].pending, ['verify']);
  assert.equal(reports[8].connections[0].protocol, 'TLSv1.2');
  assert.equal(reports[10].crls[0].revokedCount, 1);
  assert.deepEqual(reports[10].keys[0].matchesCertificates, [0]);
  assert.equal(reports[5].http[0].observatory.grade, 'C+');
  assert.equal(reports[6].http.length, 2);
  const dir = mkdtempSync(join(tmpdir(), 'certscope-types-'));
  for (const f of ['certscope.d.ts', 'certscope_core.d.ts']) copyFileSync(`${root}pkg/${f}`, join(dir, f));
  const literals = reports.map((r, i) => `export const r${i}: Report = ${JSON.stringify(r)};`).join('\n');
  const tree = `export const t: Asn1Node[] = ${JSON.stringify(await asn1(data('generated/p256-root.pem')))};`;
  const summary = await summarize(Buffer.concat([data('formats/chain.p7b'), data('formats/key-sec1-ec.pem'), data('generated/idn-chain.pem')]));
  assert.equal(summary.certificates.length, 4);
  assert.equal(summary.errors[0].code, 'unsupported-block');
  const comparison = await compare(data('generated/p256-leaf.pem'), data('generated/rsa2048-chain.pem'), { at: '2026-02-01' });
  assert.equal(comparison.differences[0].field, 'Public key');
  const listing = `export const s: Summary = ${JSON.stringify(summary)};\nexport const c: Comparison = ${JSON.stringify(comparison)};`;
  // The engine's own declarations too: what a caller writes type-checks.
  const calls = `import { inspect, summarize, load, modulesLoaded, compare } from './certscope';
    export async function use(pem: string): Promise<string[]> {
      const r: Report = await inspect(pem, { at: '2026-12-01', verify: false });
      const s: Summary = await summarize(new Uint8Array(0));
      await load('http');
      const c: Comparison = await compare(pem, new Uint8Array(0), { at: new Date() });
      const loaded: string[] = modulesLoaded();
      return [...r.pending, ...loaded, String(s.certificates.length), c.summary];
    }`;
  writeFileSync(join(dir, 'check.ts'), `import type { Report, Asn1Node, Summary, Comparison } from './certscope';\n${literals}\n${tree}\n${listing}\n${calls}\n`);
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--lib', 'es2022,dom', join(dir, 'check.ts')], { encoding: 'utf8' });
  } catch (err) {
    assert.fail(`tsc found mismatches:\n${String(err.stdout).slice(0, 2000)}`);
  }
});
