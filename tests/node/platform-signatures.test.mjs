// SCT signatures (ECDSA P-256 with SHA-256) are checked by the platform in the web engine
// (www/lib/platform.js, `platformSignatures`: WebCrypto, or node:crypto in Node) and by
// RustCrypto everywhere else. They must answer alike, on both platform paths: for every
// encoding a signature or key can take, the answer through the platform path equals the verify
// module's own, and a whole CT report is the same with the platform path on and off.
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const engine = await import(new URL('pkg/node/certscope.js', root).href);
const services = await import(new URL('pkg/services.js', root).href);
const platform = await import(new URL('pkg/platform.js', root).href);
const verifyModule = await import(new URL('pkg/node/certscope_verify.js', root).href);
const data = (name) => readFileSync(new URL(`tests/data/${name}`, root));

// Loads the verify and ct modules.
await engine.inspect(data('ct/peg.a2z.com-chain.pem'), { at: '2022-01-01' });

/** How many checks the platform made while `run` ran: WebCrypto's, or node:crypto's. */
async function platformCalls(run) {
  const spied = [globalThis.crypto.subtle, process.getBuiltinModule('node:crypto')];
  const originals = spied.map((o) => o.verify);
  let calls = 0;
  spied.forEach((o, i) => {
    o.verify = function (...args) {
      calls += 1;
      return originals[i].apply(this, args);
    };
  });
  try {
    return [await run(), calls];
  } finally {
    spied.forEach((o, i) => {
      o.verify = originals[i];
    });
  }
}

/** Both platform paths: node:crypto (Node's default) and WebCrypto (the browsers'). */
const PATHS = [true, 'webcrypto'];

const ALG = Buffer.from('300a06082a8648ce3d040302', 'hex');
const N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
const int = (v) => {
  let h = v.toString(16);
  if (h.length % 2) h = `0${h}`;
  if (parseInt(h.slice(0, 2), 16) & 0x80) h = `00${h}`;
  return Buffer.concat([Buffer.from([2, h.length / 2]), Buffer.from(h, 'hex')]);
};
const seq = (...parts) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
};
/** r and s of a DER signature. */
function halves(der) {
  const r = der.subarray(4, 4 + der[3]);
  const s = der.subarray(6 + der[3]);
  return [BigInt(`0x${r.toString('hex')}`), BigInt(`0x${s.toString('hex')}`)];
}

test('the platform path answers as the verify module for every encoding of a signature and key', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const message = Buffer.from('a log signs this (RFC 6962 §3.2)');
  const signer = createSign('SHA256');
  signer.update(message);
  const signature = signer.sign(privateKey);
  const [r, s] = halves(signature);
  const compressed = Buffer.concat([Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex'), Buffer.from([2 + (spki[90] & 1)]), spki.subarray(27, 59)]);
  const offCurve = Buffer.from(spki);
  offCurve[90] ^= 1;
  const cases = {
    valid: [message, signature, spki, true],
    'another message': [Buffer.from('something else'), signature, spki, true],
    'high s (n - s), which neither verifier normalises': [message, seq(int(r), int(N - s)), spki, true],
    's = 0': [message, seq(int(r), int(0n)), spki, true],
    'r = n': [message, seq(int(N), int(s)), spki, true],
    'r with a needless leading zero': [message, seq(Buffer.concat([Buffer.from([2, int(r)[1] + 1, 0]), int(r).subarray(2)]), int(s)), spki, false],
    'a byte after the signature': [message, Buffer.concat([signature, Buffer.from([0])]), spki, false],
    'outer length one short': [message, Buffer.concat([Buffer.from([0x30, signature[1] - 1]), signature.subarray(2)]), spki, false],
    'negative r': [message, seq(Buffer.from([2, 1, 0x80]), int(s)), spki, false],
    'a point off the curve': [message, signature, offCurve, true],
    'a compressed point': [message, signature, compressed, false],
  };
  for (const path of PATHS) {
    platform.usePlatformSignatures(path);
    for (const [name, [msg, sig, key, byPlatform]] of Object.entries(cases)) {
      const own = verifyModule.verifySignature(msg, ALG, sig, key);
      const [answer, calls] = await platformCalls(() => platform.platformSignatures(() => services.verifySignature(msg, ALG, sig, key)));
      assert.equal(answer, own, `${path}: ${name}`);
      if (name !== 'a point off the curve') assert.equal(calls, byPlatform ? 1 : 0, `${path}: ${name}: ${byPlatform ? '' : 'not '}checked by the platform`);
    }
  }
  platform.usePlatformSignatures(true);
  assert.equal(verifyModule.verifySignature(message, ALG, signature, spki), '', 'the valid signature verifies');
  assert.equal(verifyModule.verifySignature(message, ALG, seq(int(r), int(N - s)), spki), '', 'high s verifies');
});

test('a CT report is the same with the platform path on and off, a changed SCT included', async () => {
  const inputs = {
    'peg.a2z.com': [data('ct/peg.a2z.com-chain.pem'), { at: '2022-01-01', host: 'www.peg.a2z.com' }],
    'cryptography.io': [data('ct/cryptography.io-chain.pem'), { at: '2018-10-01' }],
    'crates.io': [data('ct/crates.io-chain.pem'), { at: '2026-11-27' }],
  };
  for (const path of PATHS) {
    for (const [name, [input, options]] of Object.entries(inputs)) {
      platform.usePlatformSignatures(false);
      const own = await engine.inspect(input, options);
      platform.usePlatformSignatures(path);
      const [viaPlatform, calls] = await platformCalls(() => engine.inspect(input, options));
      assert.ok(own.chains[0].ct.scts.length > 0, name);
      assert.deepEqual(viaPlatform.chains.map((c) => c.ct), own.chains.map((c) => c.ct), `${path}: ${name}`);
      // Each SCT whose log is known is checked by the platform (its ECDSA P-256 signature).
      const checkedScts = own.chains[0].ct.scts.filter((s) => ['verified', 'invalid'].includes(s.signature)).length;
      assert.ok(checkedScts > 0, name);
      assert.equal(calls, checkedScts, `${path}: ${name}: the platform checked its SCTs`);
    }
  }
  platform.usePlatformSignatures(true);
  // One signature byte of the leaf's second SCT changed: the ct module itself, with and without
  // the platform, finds that SCT alone invalid.
  const ct = await import(new URL('pkg/node/certscope_ct.js', root).href);
  const report = await engine.inspect(data('ct/peg.a2z.com-chain.pem'), { at: '2022-01-01' });
  const leaf = report.certificates[report.chains[0].leaf];
  const der = Buffer.from(leaf.pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  // Each SCT ends with SHA-256 (4), ECDSA (3), a 16-bit length and the DER signature.
  const ends = [];
  for (let i = 0; i + 5 < der.length; i += 1) {
    if (der[i] === 4 && der[i + 1] === 3 && der[i + 2] === 0 && der[i + 3] === der[i + 5] + 2 && der[i + 4] === 0x30) ends.push(i);
  }
  assert.equal(ends.length, 3, 'three ECDSA SCT signatures in the leaf');
  const sct = ends[1];
  der[sct + 10] ^= 1;
  const issuer = Buffer.from(report.certificates[1].fingerprints.spkiSha256, 'base64');
  const check = () => ct.ctCheck(der, issuer, 397 * 86400, Date.parse('2022-01-01') / 1000, '');
  platform.usePlatformSignatures(false);
  const own = check();
  for (const path of PATHS) {
    platform.usePlatformSignatures(path);
    const [viaPlatform, calls] = await platformCalls(() => platform.platformSignatures(check));
    assert.deepEqual(viaPlatform, own, String(path));
    assert.equal(calls, 3, String(path));
  }
  platform.usePlatformSignatures(true);
  assert.deepEqual(own.scts.map((s) => s.signature), ['verified', 'invalid', 'verified']);
});
