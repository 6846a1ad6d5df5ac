// The built npm package (pkg/) imported from Node as users do.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = new URL('../../pkg/', import.meta.url);

test('pkg/ imports in Node and inspects a chain', async () => {
  // What `import 'certscope'` resolves to in Node (the "node" export condition).
  const { inspect, version, modulesLoaded } = await import(new URL('node/certscope.js', pkg));
  const manifest = JSON.parse(readFileSync(new URL('package.json', pkg)));
  assert.equal(await version(), manifest.version);
  const chain = readFileSync(new URL('../data/generated/rsa4096-chain.pem', import.meta.url), 'utf8');
  const report = await inspect(chain, { at: '2026-02-01T00:00:00Z' });
  assert.deepEqual(modulesLoaded(), ['core', 'verify', 'profiles']);
  assert.deepEqual(report.pending, []);
  assert.deepEqual(report.certificates.map((c) => c.role), ['leaf', 'intermediate', 'root']);
  assert.deepEqual(report.certificates.map((c) => c.publicKey.bits), [4096, 4096, 4096]);
  assert.equal(report.certificates[2].selfSigned, true);
  assert.deepEqual(report.errors, []);
});

test('package.json and `npm pack` ship exactly the intended files', async () => {
  const manifest = JSON.parse(readFileSync(new URL('package.json', pkg)));
  assert.equal(manifest.name, 'certscope');
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, './certscope.d.ts');
  assert.deepEqual(Object.keys(manifest.exports), ['.', './element', './define', './render', './core', './certscope_core_bg.wasm', './certscope_verify_bg.wasm', './certscope_http_bg.wasm', './certscope_pkcs12_bg.wasm', './certscope_documents_bg.wasm', './certscope_ssh_bg.wasm', './certscope_compare_bg.wasm', './certscope_dns_bg.wasm', './certscope_html_bg.wasm', './certscope_pqc_bg.wasm', './certscope_ct_bg.wasm', './certscope_capture_bg.wasm', './certscope_ocsp_bg.wasm', './certscope_policy_bg.wasm', './certscope_psl_bg.wasm', './certscope_dsa_bg.wasm', './certscope_revocation_bg.wasm', './certscope_profiles_bg.wasm', './package.json']);
  assert.deepEqual(manifest.sideEffects, ['./certscope-view-define.js']);
  for (const field of ['description', 'license', 'repository', 'keywords', 'version']) assert.ok(manifest[field], field);
  const { execFileSync } = await import('node:child_process');
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: pkg, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const files = packed[0].files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    'LICENSE', 'README.md', 'certscope-view-define.d.ts', 'certscope-view-define.js', 'certscope-view.d.ts',
    'certscope-view.js', 'certscope.d.ts', 'certscope.js', 'certscope_capture.js', 'certscope_capture_bg.wasm', 'certscope_compare.js',
    'certscope_compare_bg.wasm', 'certscope_core.d.ts', 'certscope_core.js', 'certscope_core_bg.wasm',
    'certscope_core_bg.wasm.d.ts', 'certscope_ct.js', 'certscope_ct_bg.wasm', 'certscope_dns.js', 'certscope_dns_bg.wasm', 'certscope_documents.js',
    'certscope_documents_bg.wasm', 'certscope_dsa.js', 'certscope_dsa_bg.wasm', 'certscope_html.js', 'certscope_html_bg.wasm', 'certscope_http.js', 'certscope_http_bg.wasm', 'certscope_ocsp.js',
    'certscope_ocsp_bg.wasm', 'certscope_pkcs12.js',
    'certscope_pkcs12_bg.wasm', 'certscope_policy.js', 'certscope_policy_bg.wasm', 'certscope_pqc.js', 'certscope_pqc_bg.wasm', 'certscope_profiles.js', 'certscope_profiles_bg.wasm', 'certscope_psl.js', 'certscope_psl_bg.wasm', 'certscope_revocation.js', 'certscope_revocation_bg.wasm', 'certscope_ssh.js', 'certscope_ssh_bg.wasm', 'certscope_verify.js',
    'certscope_verify_bg.wasm', 'dom.js', 'node/certscope.js', 'node/certscope_capture.js', 'node/certscope_capture_bg.wasm', 'node/certscope_compare.js',
    'node/certscope_compare_bg.wasm', 'node/certscope_core.js', 'node/certscope_core_bg.wasm', 'node/certscope_ct.js', 'node/certscope_ct_bg.wasm',
    'node/certscope_dns.js', 'node/certscope_dns_bg.wasm', 'node/certscope_documents.js',
    'node/certscope_documents_bg.wasm', 'node/certscope_dsa.js', 'node/certscope_dsa_bg.wasm', 'node/certscope_html.js', 'node/certscope_html_bg.wasm', 'node/certscope_http.js', 'node/certscope_http_bg.wasm',
    'node/certscope_ocsp.js', 'node/certscope_ocsp_bg.wasm', 'node/certscope_pkcs12.js', 'node/certscope_pkcs12_bg.wasm', 'node/certscope_policy.js', 'node/certscope_policy_bg.wasm', 'node/certscope_pqc.js', 'node/certscope_pqc_bg.wasm', 'node/certscope_profiles.js', 'node/certscope_profiles_bg.wasm', 'node/certscope_psl.js', 'node/certscope_psl_bg.wasm', 'node/certscope_revocation.js', 'node/certscope_revocation_bg.wasm', 'node/certscope_ssh.js',
    'node/certscope_ssh_bg.wasm', 'node/certscope_verify.js', 'node/certscope_verify_bg.wasm',
    'node/platform.js', 'node/services.js', 'package.json', 'platform.js', 'render-capture.js', 'render-ct.js', 'render-dns.js', 'render-document.js', 'render-files.js',
    'render-fix.js', 'render-http.js', 'render-ocsp.js', 'render-policy.js', 'render.js', 'report-style.js', 'services.js',
  ]);
});

test('the TypeScript declarations describe the report, not any', () => {
  const engine = readFileSync(new URL('certscope.d.ts', pkg), 'utf8');
  assert.match(engine, /export function inspect\(input: string \| Uint8Array \| ArrayBuffer, options\?: InspectOptions\): Promise<Report>;/);
  const dts = readFileSync(new URL('certscope_core.d.ts', pkg), 'utf8');
  assert.match(dts, /export function inspect\(input: string \| Uint8Array, options: InspectOptions\): Report;/);
  for (const type of ['Report', 'Certificate', 'Finding', 'ExtensionValue', 'Problem', 'Validity']) {
    assert.match(dts, new RegExp(`export (interface|type) ${type}\\b`), type);
  }
});

test('the README\'s Node snippet works against an installed package', async () => {
  const { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { execFileSync } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'certscope-node-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(new URL('.', pkg).pathname, join(dir, 'node_modules/certscope'));
  writeFileSync(join(dir, 'chain.pem'), readFileSync(new URL('../data/generated/p256-chain.pem', import.meta.url)));
  writeFileSync(join(dir, 'main.mjs'), `
    import { readFileSync } from 'node:fs';
    import { inspect } from 'certscope';

    const report = await inspect(readFileSync('chain.pem'), { at: '2026-02-01' });
    console.log(report.certificates.map((c) => c.role).join(','));
  `);
  const out = execFileSync('node', ['main.mjs'], { cwd: dir, encoding: 'utf8' });
  assert.equal(out.trim(), 'leaf,intermediate,root');
});
