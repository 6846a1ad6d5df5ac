// Turns wasm-pack's pkg/package.json into the published manifest: exports for the library,
// the element and its registration module, types, the exact files, and side effects.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../pkg/package.json', import.meta.url);
const generated = JSON.parse(readFileSync(path, 'utf8'));

const manifest = {
  name: 'certscope',
  version: generated.version,
  description: 'Explain X.509 certificates and chains — will browsers trust it, and if not, why — entirely in the browser (WebAssembly).',
  license: 'MIT',
  repository: { type: 'git', url: 'https://github.com/certscope/certscope' },
  keywords: ['x509', 'certificate', 'tls', 'https', 'pem', 'chain', 'webassembly', 'web-component'],
  type: 'module',
  main: './certscope.js',
  module: './certscope.js',
  types: './certscope.d.ts',
  exports: {
    '.': { types: './certscope.d.ts', node: './node/certscope.js', default: './certscope.js' },
    './element': { types: './certscope-view.d.ts', default: './certscope-view.js' },
    './define': { types: './certscope-view-define.d.ts', default: './certscope-view-define.js' },
    './render': './render.js',
    './core': { types: './certscope_core.d.ts', default: './certscope_core.js' },
    './certscope_core_bg.wasm': './certscope_core_bg.wasm',
    './certscope_verify_bg.wasm': './certscope_verify_bg.wasm',
    './certscope_http_bg.wasm': './certscope_http_bg.wasm',
    './certscope_pkcs12_bg.wasm': './certscope_pkcs12_bg.wasm',
    './certscope_documents_bg.wasm': './certscope_documents_bg.wasm',
    './certscope_ssh_bg.wasm': './certscope_ssh_bg.wasm',
    './certscope_compare_bg.wasm': './certscope_compare_bg.wasm',
    './certscope_dns_bg.wasm': './certscope_dns_bg.wasm',
    './certscope_html_bg.wasm': './certscope_html_bg.wasm',
    './certscope_pqc_bg.wasm': './certscope_pqc_bg.wasm',
    './certscope_ct_bg.wasm': './certscope_ct_bg.wasm',
    './certscope_capture_bg.wasm': './certscope_capture_bg.wasm',
    './certscope_ocsp_bg.wasm': './certscope_ocsp_bg.wasm',
    './certscope_policy_bg.wasm': './certscope_policy_bg.wasm',
    './certscope_psl_bg.wasm': './certscope_psl_bg.wasm',
    './certscope_dsa_bg.wasm': './certscope_dsa_bg.wasm',
    './certscope_revocation_bg.wasm': './certscope_revocation_bg.wasm',
    './certscope_profiles_bg.wasm': './certscope_profiles_bg.wasm',
    './package.json': './package.json',
  },
  files: [
    'certscope.js', 'certscope.d.ts', 'services.js', 'platform.js',
    'certscope_core.js', 'certscope_core.d.ts', 'certscope_core_bg.wasm', 'certscope_core_bg.wasm.d.ts',
    'certscope_verify.js', 'certscope_verify_bg.wasm', 'certscope_http.js', 'certscope_http_bg.wasm',
    'certscope_pkcs12.js', 'certscope_pkcs12_bg.wasm', 'certscope_documents.js', 'certscope_documents_bg.wasm',
    'certscope_ssh.js', 'certscope_ssh_bg.wasm', 'certscope_compare.js', 'certscope_compare_bg.wasm', 'certscope_dns.js', 'certscope_dns_bg.wasm',
    'certscope_html.js', 'certscope_html_bg.wasm', 'certscope_pqc.js', 'certscope_pqc_bg.wasm', 'certscope_ct.js', 'certscope_ct_bg.wasm', 'certscope_capture.js', 'certscope_capture_bg.wasm', 'certscope_ocsp.js', 'certscope_ocsp_bg.wasm', 'certscope_policy.js', 'certscope_policy_bg.wasm', 'certscope_psl.js', 'certscope_psl_bg.wasm', 'certscope_dsa.js', 'certscope_dsa_bg.wasm', 'certscope_revocation.js', 'certscope_revocation_bg.wasm', 'certscope_profiles.js', 'certscope_profiles_bg.wasm', 'node/',
    'dom.js', 'render.js', 'render-fix.js', 'render-ct.js', 'render-capture.js', 'render-ocsp.js', 'render-policy.js', 'render-http.js', 'render-dns.js', 'render-files.js', 'render-document.js', 'report-style.js',
    'certscope-view.js', 'certscope-view.d.ts', 'certscope-view-define.js', 'certscope-view-define.d.ts',
  ],
  sideEffects: ['./certscope-view-define.js'],
};

writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
