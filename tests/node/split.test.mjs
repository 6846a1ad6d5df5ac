// The split engine (the core plus modules loaded on demand) against the native build with
// every capability linked in (the CLI, `certscope inspect --json`): the same report for every
// fixture file, from both builds the package ships (pkg/node/, for speed, and pkg/, for size). A merge in engine.js that drifts from src/inspect.rs,
// or a service call that answers differently from the linked-in code, fails here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const cli = new URL('target/debug/certscope', root).pathname;
const at = '2026-11-27T00:00:00Z';

/** Every fixture under these folders (small files; the hostile and bounds ones excluded). */
function fixtures() {
  const out = [];
  for (const dir of ['generated', 'formats', 'http', 'transcripts', 'input', 'other-formats', 'roots', 'documents', 'ssh', 'catalogue', 'dns', 'pqc', 'pqc/composite', 'ct', 'ct/delivered', 'capture', 'ocsp']) {
    const base = new URL(`tests/data/${dir}/`, root);
    for (const name of readdirSync(base).sort()) {
      const path = new URL(name, base);
      if (statSync(path).isFile() && statSync(path).size < 200_000 && !/\.(sh|py|md|cnf|thumbprints)$|\.tshark\.json$|^tshark-|^PROVENANCE$|^ja4plus\.json$/.test(name)) out.push(path);
    }
  }
  return out;
}

/** `certscope` with `args`, its JSON report (exit 1 is "findings or errors", printed all the same). */
function nativeReport(args) {
  try {
    return JSON.parse(execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch (err) {
    if (!err.stdout) throw err;
    return JSON.parse(err.stdout);
  }
}

test('a certificate without a verdict, linted by the core\'s rules (as <certscope-view> does), loads the core only', async () => {
  // First in this file: nothing has loaded a module yet in this process.
  const engine = await import(new URL('pkg/certscope.js', root));
  const pem = readFileSync(new URL('tests/data/generated/p256-chain.pem', root), 'utf8');
  const report = await engine.inspect(pem, { at, verify: false, lints: 'core' });
  assert.deepEqual(engine.modulesLoaded(), ['core']);
  assert.deepEqual(report.pending, ['verify']);
  assert.equal(report.chains.length, 0);
  assert.deepEqual(report.certificates.map((c) => c.role), ['leaf', 'intermediate', 'root']);
  // Findings that need no signature are all there.
  assert.ok(report.certificates[0].findings.length > 0);
  await assert.rejects(engine.inspect(pem, { lints: 'some' }), /lints must be "all" or "core", not "some"/);
});

test('lints: "core" equals `certscope inspect --core-lints`, and "all" (the default) adds the deeper catalogue from the profiles module', () => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'certscope'], { cwd: root.pathname, stdio: 'inherit' });
  // zlint's certificates with a leading-space subject and a critical subjectDirectoryAttributes.
  for (const name of ['subjectDNLeadingSpace.pem', 'subDirAttCritical.pem']) {
    const file = fileURLToPath(new URL(`tests/data/zlint/testdata/${name}`, root));
    const script = `import { inspect, modulesLoaded } from ${JSON.stringify(new URL('pkg/node/certscope.js', root).href)};
      import { readFileSync } from 'node:fs';
      const core = await inspect(new Uint8Array(readFileSync(${JSON.stringify(file)})), { at: ${JSON.stringify(at)}, lints: 'core' });
      const loaded = modulesLoaded().sort();
      const all = await inspect(new Uint8Array(readFileSync(${JSON.stringify(file)})), { at: ${JSON.stringify(at)} });
      console.log(JSON.stringify([loaded, modulesLoaded().sort(), core, all]));`;
    const [coreModules, allModules, core, all] = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    assert.ok(!coreModules.includes('profiles'), `${name}: ${coreModules}`);
    assert.ok(allModules.includes('profiles'), `${name}: ${allModules}`);
    assert.deepEqual(core, nativeReport(['inspect', file, '--json', '--at', at, '--core-lints']), `${name} with lints: "core"`);
    assert.deepEqual(all, nativeReport(['inspect', file, '--json', '--at', at]), `${name} with every lint`);
    const ids = (r) => new Set(r.certificates.flatMap((c) => c.findings.map((f) => f.id)));
    const deeper = [...ids(all)].filter((id) => !ids(core).has(id));
    assert.ok(deeper.length > 0, `${name}: no finding beyond the core's`);
  }
});

test('the split engine reports exactly what the native engine reports, on every fixture', async () => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'certscope'], { cwd: root.pathname, stdio: 'inherit' });
  const engine = await import(new URL('pkg/node/certscope.js', root));
  const browserBuild = await import(new URL('pkg/certscope.js', root));
  const files = fixtures();
  assert.ok(files.length > 100, `only ${files.length} fixtures found`);
  const passwordFile = join(mkdtempSync(join(tmpdir(), 'certscope-split-')), 'password');
  writeFileSync(passwordFile, 'certscope\n');
  let compared = 0;
  for (const file of files) {
    // PKCS#12 bundles also with their password, so that the pkcs12 module is compared too.
    for (const password of file.pathname.endsWith('.p12') ? [undefined, 'certscope'] : [undefined]) {
      const args = ['inspect', fileURLToPath(file), '--json', '--at', at, ...(password ? ['--password-file', passwordFile] : [])];
      const native = nativeReport(args);
      const name = `${file.pathname.slice(root.pathname.length)}${password ? ' with its password' : ''}`;
      const bytes = new Uint8Array(readFileSync(file));
      assert.deepEqual(await engine.inspect(bytes, { at, password }), native, `${name} differs (node build)`);
      assert.deepEqual(await browserBuild.inspect(bytes, { at, password }), native, `${name} differs (browser build)`);
      compared += 1;
    }
  }
  assert.deepEqual(engine.modulesLoaded().sort(), ['capture', 'core', 'ct', 'dns', 'documents', 'html', 'http', 'ocsp', 'pkcs12', 'pqc', 'profiles', 'ssh', 'verify']);
  console.log(`split engine = native engine on ${compared} fixtures`);
});

test('compare in the split engine says exactly what `certscope diff` says, loading the core and the compare module only', async () => {
  const g = (f) => `tests/data/generated/${f}`;
  const pairs = [
    ['p256-leaf.pem', 'rsa2048-leaf.pem'], ['p256-leaf.pem', 'p256-chain.pem'], ['rsa2048-leaf.pem', 'rsa4096-leaf.pem'],
    ['flawed-expired.pem', 'flawed-sha1.pem'], ['flawed-no-san.pem', 'flawed-wildcard.pem'], ['idn-chain.pem', 'ed25519-leaf.pem'],
    ['p384-leaf.pem', 'flawed-unknown-critical.pem'], ['flawed-v1.pem', 'flawed-long-lifetime.pem'],
  ];
  const engine = await import(new URL('pkg/node/certscope.js', root));
  for (const [a, b] of pairs) {
    let native;
    try {
      native = execFileSync(`${root.pathname}target/debug/certscope`, ['diff', g(a), g(b), '--json', '--at', at], { cwd: root.pathname, encoding: 'utf8' });
    } catch (err) {
      native = err.stdout; // exit 1: they differ
    }
    const split = await engine.compare(readFileSync(new URL(g(a), root)), readFileSync(new URL(g(b), root), 'utf8'), { at });
    assert.deepEqual(split, JSON.parse(native), `${a} vs ${b}`);
  }
  // A fresh process: compare() needs the core (to read both inputs) and the compare module, no other.
  const script = `import { compare, modulesLoaded } from ${JSON.stringify(new URL('pkg/node/certscope.js', root).href)};
    import { readFileSync } from 'node:fs';
    const c = await compare(readFileSync(${JSON.stringify(`${root.pathname}${g('p256-leaf.pem')}`)}), readFileSync(${JSON.stringify(`${root.pathname}${g('p384-leaf.pem')}`)}));
    console.log(JSON.stringify([modulesLoaded(), c.identical]));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), [['core', 'compare'], false]);
  await assert.rejects(engine.compare('nothing', readFileSync(new URL(g('p256-leaf.pem'), root))), /the first certificate: no certificate found/);
});

test('a chain loads the ct module only when its end entity carries SCTs', () => {
  const run = (file) => {
    const script = `import { inspect, modulesLoaded } from ${JSON.stringify(new URL('pkg/node/certscope.js', root).href)};
      import { readFileSync } from 'node:fs';
      const r = await inspect(readFileSync(${JSON.stringify(`${root.pathname}tests/data/${file}`)}), { at: '2018-10-01T00:00:00Z' });
      console.log(JSON.stringify([modulesLoaded().sort(), r.chains[0].ct?.scts.map((s) => s.signature) ?? null]));`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  };
  assert.deepEqual(run('ct/cryptography.io-chain.pem'), [['core', 'ct', 'profiles', 'verify'], ['verified', 'verified']]);
  assert.deepEqual(run('generated/p256-chain.pem'), [['core', 'profiles', 'verify'], null]);
  // SCTs sent in the handshake and in the stapled OCSP response (test logs: unknown here).
  const script = `import { inspect, modulesLoaded } from ${JSON.stringify(new URL('pkg/node/certscope.js', root).href)};
    import { readFileSync } from 'node:fs';
    const r = await inspect(readFileSync(${JSON.stringify(`${root.pathname}tests/data/ct/delivered/tls12-scts.pcap`)}), { at: '2026-12-05T00:00:00Z' });
    console.log(JSON.stringify([modulesLoaded().sort(), r.chains[0].ct.scts.map((s) => [s.source, s.signature])]));`;
  assert.deepEqual(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })), [
    ['capture', 'core', 'ct', 'ocsp', 'profiles', 'verify'],
    [['tls', 'unknown-log'], ['tls', 'unknown-log'], ['ocsp', 'unknown-log'], ['ocsp', 'unknown-log']],
  ]);
  // The same SCTs as `openssl s_client -ct -status` printed them in its transcript.
  const printed = script.replace('tls12-scts.pcap', 's_client-ct.txt');
  assert.deepEqual(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', printed], { encoding: 'utf8' })), [
    ['core', 'ct', 'ocsp', 'profiles', 'verify'],
    [['tls', 'unknown-log'], ['tls', 'unknown-log'], ['ocsp', 'unknown-log'], ['ocsp', 'unknown-log']],
  ]);
});

test('a capture loads the capture module, and verify for the certificates it carries', () => {
  const run = (file) => {
    const script = `import { inspect, modulesLoaded } from ${JSON.stringify(new URL('pkg/node/certscope.js', root).href)};
      import { readFileSync } from 'node:fs';
      const r = await inspect(readFileSync(${JSON.stringify(`${root.pathname}tests/data/capture/${file}`)}), { at: '2026-12-10T00:00:00Z' });
      console.log(JSON.stringify([modulesLoaded().sort(), r.captures[0].connections.map((c) => c.messages.length), r.chains.length, r.connections.map((c) => c.tool)]));`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  };
  assert.deepEqual(run('tls12-ecdsa.pcap'), [['capture', 'core', 'profiles', 'verify'], [13], 1, ['capture']]);
  // TLS 1.3: the certificate is encrypted, so nothing needs the verify module.
  const [modules, messages, chains] = run('tls13-curl.pcapng');
  assert.deepEqual([modules, messages.length, chains], [['capture', 'core'], 1, 0]);
});

test('headers load the http module, and the html module only when a page is pasted with them', () => {
  const run = (file) => {
    const script = `import { inspect, modulesLoaded } from ${JSON.stringify(new URL('pkg/node/certscope.js', root).href)};
      import { readFileSync } from 'node:fs';
      const r = await inspect(readFileSync(${JSON.stringify(`${root.pathname}tests/data/http/${file}`)}, 'utf8'), { verify: false });
      console.log(JSON.stringify([modulesLoaded().sort(), r.http.length, r.http[0]?.page?.scripts.length ?? null, r.pending]));`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  };
  assert.deepEqual(run('shop-sIL.txt'), [['core', 'http'], 1, null, []]);
  assert.deepEqual(run('page-meta-sri.txt'), [['core', 'html', 'http'], 1, 5, []]);
  assert.deepEqual(run('page.html'), [['core', 'html', 'http'], 1, 5, []]);
});

test('the rfc5280 verdict (the policy, dsa and revocation modules) equals the native one on every PKITS policy, DSA and revocation case', async () => {
  const pkits = new URL('tests/data/pkits/', root);
  const { testcases } = JSON.parse(readFileSync(new URL('pkits_expectations.json', pkits), 'utf8'));
  const oids = (names) => names.split(',').filter(Boolean).map((n) => (n === 'anyPolicy' ? '2.5.29.32.0' : `2.16.840.1.101.3.2.1.48.${n.replace('NIST-test-policy-', '')}`));
  const dir = mkdtempSync(join(tmpdir(), 'certscope-pkits-'));
  const engine = await import(new URL('pkg/node/certscope.js', root));
  const browserBuild = await import(new URL('pkg/certscope.js', root));
  // Policies (4.8–4.12), signatures with DSA among them (4.1), CRLs (4.4, 4.5, 4.14, 4.15).
  const cases = testcases.filter((c) => /^4\.(1|4|5|8|9|10|11|12|14|15)\./.test(c.test_number) || c.SetInitialPolicySet);
  let compared = 0;
  for (const c of cases) {
    const read = (sub, name, ext) => readFileSync(new URL(`${sub}/${name}.${ext}`, pkits));
    const [anchor, ...rest] = c.certs;
    const input = Buffer.concat(rest.reverse().map((n) => read('certs', n, 'crt')));
    const roots = read('certs', anchor, 'crt');
    const crls = Buffer.concat(c.crls.map((n) => read('crls', n, 'crl')));
    for (const [name, bytes] of [['input', input], ['roots', roots], ['crls', crls]]) writeFileSync(join(dir, name), bytes);
    const policy = {
      policies: oids(c.SetInitialPolicySet ?? ''),
      explicitPolicy: c.SetInitialExplicitPolicy === 'true',
      inhibitPolicyMapping: c.SetInitialPolicyMappingInhibit === 'true',
      inhibitAnyPolicy: c.SetInitialInhibitAnyPolicy === 'true',
    };
    const args = ['inspect', join(dir, 'input'), '--json', '--at', '2012-01-01', '--roots', join(dir, 'roots'), '--crls', join(dir, 'crls'), '--rfc5280',
      ...policy.policies.flatMap((p) => ['--policy', p]),
      ...(policy.explicitPolicy ? ['--explicit-policy'] : []), ...(policy.inhibitPolicyMapping ? ['--inhibit-policy-mapping'] : []), ...(policy.inhibitAnyPolicy ? ['--inhibit-any-policy'] : [])];
    const native = nativeReport(args);
    const options = { at: '2012-01-01T00:00:00Z', roots: new Uint8Array(roots), crls: new Uint8Array(crls), rfc5280: policy };
    for (const [build, e] of [['node', engine], ['browser', browserBuild]]) {
      const split = await e.inspect(new Uint8Array(input), options);
      const leaf = split.chains.find((ch) => ch.leaf === 0);
      assert.deepEqual(split, native, `${c.title} differs (${build} build)`);
      assert.equal(leaf?.rfc5280.trusted ?? false, c.should_validate, `${c.title}: PKITS says ${c.should_validate}`);
    }
    compared += 1;
  }
  assert.equal(compared, 88 + 80);
  // CRLs load the revocation module, DSA signatures (4.1.4, 4.1.5) the dsa module (the builds
  // share one registry of loaded modules, services.js, so the first to need one loads it).
  const loadedModules = [...engine.modulesLoaded(), ...browserBuild.modulesLoaded()];
  assert.ok(['policy', 'revocation', 'dsa'].every((m) => loadedModules.includes(m)), loadedModules.join());
});

test('an OCSP answer that revokes a certificate fails the chain in the split engine as natively', async () => {
  const file = new URL('tests/data/ocsp/revoked-with-chain.pem', root);
  const roots = new URL('tests/data/ocsp/root.pem', root);
  const native = JSON.parse(execFileSync(cli, ['inspect', fileURLToPath(file), '--json', '--at', '2026-12-04', '--roots', fileURLToPath(roots)], { encoding: 'utf8' }).toString());
  for (const build of ['pkg/node/certscope.js', 'pkg/certscope.js']) {
    const engine = await import(new URL(build, root));
    const split = await engine.inspect(readFileSync(file), { at: '2026-12-04T00:00:00Z', roots: readFileSync(roots, 'utf8') });
    assert.deepEqual(split, native, build);
    assert.equal(split.chains[0].browser.problem.code, 'revoked');
    assert.equal(split.chains[0].fix, undefined, 'no chain file for a revoked certificate');
  }
});

test('a wildcard over a public suffix: the psl module loads, and the verdicts equal the native ones', async () => {
  const { testcases } = JSON.parse(readFileSync(new URL('tests/data/limbo/limbo-native.json', root), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'certscope-psl-'));
  const expected = {
    'webpki::san::public-suffix-multi-label-wildcard-san': ['wildcard-public-suffix', 'wildcard-public-suffix'],
    'webpki::san::public-suffix-private-namespace-wildcard-san': [null, 'wildcard-public-suffix'],
  };
  for (const [id, [browser, strict]] of Object.entries(expected)) {
    const c = testcases.find((t) => t.id === id);
    const input = [c.peer_certificate, ...c.untrusted_intermediates].join('\n');
    const roots = c.trusted_certs.join('\n');
    writeFileSync(join(dir, 'input.pem'), input);
    writeFileSync(join(dir, 'roots.pem'), roots);
    const at = c.validation_time ?? '2026-11-27T00:00:00Z';
    const host = c.expected_peer_name.value;
    const native = JSON.parse(execFileSync(cli, ['inspect', join(dir, 'input.pem'), '--json', '--at', at, '--host', host, '--roots', join(dir, 'roots.pem')], { encoding: 'utf8' }));
    assert.match(native.publicSuffixList, /Public Suffix List of 2023-02-09/);
    // A fresh process, so that what loads is this input's doing.
    const script = `import { inspect, modulesLoaded } from ${JSON.stringify(new URL('pkg/node/certscope.js', root).href)};
      const r = await inspect(${JSON.stringify(input)}, { at: ${JSON.stringify(at)}, host: ${JSON.stringify(host)}, roots: ${JSON.stringify(roots)} });
      console.log(JSON.stringify([modulesLoaded().sort(), r]));`;
    const [modules, split] = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    assert.deepEqual(modules, ['core', 'profiles', 'psl', 'verify'], id);
    assert.deepEqual(split, native, id);
    const chain = split.chains.find((ch) => ch.leaf === 0);
    assert.equal(chain.browser.problem?.code ?? null, browser, `${id}: ${chain.browser.summary}`);
    assert.equal(chain.strict.problem?.code ?? null, strict, `${id}: ${chain.strict.summary}`);
  }
});

test('S/MIME and code-signing certificates load the profiles module, and their findings equal the native ones', async () => {
  const dirs = ['smime', 'smime/MailboxAddressFromSAN', 'code_signing'];
  const files = dirs.flatMap((d) => {
    const base = new URL(`tests/data/zlint/testdata/${d}/`, root);
    return readdirSync(base).filter((n) => n.endsWith('.pem')).sort().map((n) => new URL(n, base));
  });
  assert.ok(files.length > 90, `${files.length} files`);
  // A fresh process, so that what loads is these inputs' doing.
  const script = `import { inspect, modulesLoaded } from ${JSON.stringify(new URL('pkg/node/certscope.js', root).href)};
    import { readFileSync } from 'node:fs';
    const out = [];
    for (const f of ${JSON.stringify(files.map((f) => fileURLToPath(f)))}) out.push(await inspect(new Uint8Array(readFileSync(f)), { at: ${JSON.stringify(at)} }));
    console.log(JSON.stringify([modulesLoaded().sort(), out]));`;
  const [modules, reports] = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  // Some of zlint's S/MIME certificates carry SCTs (ct) or ML-DSA keys (pqc).
  assert.deepEqual(modules.filter((m) => !['ct', 'pqc'].includes(m)), ['core', 'profiles', 'verify']);
  let profiled = 0;
  files.forEach((file, i) => {
    const native = nativeReport(['inspect', fileURLToPath(file), '--json', '--at', at]);
    const split = reports[i];
    assert.deepEqual(split.certificates.map((c) => c.findings), native.certificates.map((c) => c.findings), fileURLToPath(file));
    assert.deepEqual(split.certificates.map((c) => c.profiles), native.certificates.map((c) => c.profiles), fileURLToPath(file));
    if (split.certificates.some((c) => c.findings.some((f) => f.profile === 'smime' || f.profile === 'code-signing'))) profiled += 1;
  });
  // Most of these certificates break at least one S/MIME or Code Signing BR rule.
  assert.ok(profiled > files.length / 2, `${profiled} of ${files.length} with a profile finding`);
});
