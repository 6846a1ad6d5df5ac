// The npm package in Deno (from npm's `deno` package): both builds it ships — the default one
// and the `node` condition's one, which `npm:certscope` resolves to in Deno — inspect a chain
// and headers and compare two certificates, with no network permission and nothing added to
// globalThis.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const deno = `${root}node_modules/.bin/deno`;

const script = (entry) => `
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  const { inspect, compare, modulesLoaded } = await import(${JSON.stringify(entry)});
  const read = (p) => Deno.readFileSync(${JSON.stringify(`${root}tests/data/`)} + p);
  const chain = await inspect(read('generated/rsa2048-chain.pem'), { at: '2026-02-01', roots: read('generated/rsa2048-root.pem') });
  const http = await inspect(new TextDecoder().decode(read('http/shop-sIL.txt')), { at: '2026-11-27' });
  const diff = await compare(read('generated/p256-leaf.pem'), read('generated/rsa2048-leaf.pem'), { at: '2026-02-01' });
  const added = Object.getOwnPropertyNames(globalThis).filter((k) => !before.has(k));
  console.log(JSON.stringify({
    trusted: chain.chains[0].browser.trusted,
    roles: chain.certificates.map((c) => c.role),
    grade: http.http[0].observatory.grade,
    diff: diff.differences[0].field,
    modules: modulesLoaded().sort(),
    added,
  }));
`;

for (const [label, entry] of [['default build', 'pkg/certscope.js'], ['node-condition build', 'pkg/node/certscope.js']]) {
  test(`Deno runs the package's ${label}`, () => {
    const out = execFileSync(deno, ['eval', '--no-prompt', '--quiet', '--no-config', `--allow-read=${root}`, '--ext=js', script(`${root}${entry}`)], {
      encoding: 'utf8',
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    assert.deepEqual(JSON.parse(out), {
      trusted: true,
      roles: ['leaf', 'intermediate', 'root'],
      grade: 'C+',
      diff: 'Public key',
      modules: ['compare', 'core', 'http', 'profiles', 'verify'],
      added: [],
    });
  });
}
