// Parses the same corpus with certscope's npm package and the libraries users would
// otherwise pick, each extracting the same fields: subject, issuer, serial, notBefore,
// notAfter, SAN list, key algorithm and size, SHA-256 fingerprint. Before any timing counts,
// every library's fingerprint and dates are checked against node:crypto for every
// certificate. Each library runs in its own child process (for its peak RSS), all in one run.
//
//   node bench/node.mjs [--certs 10000] [--runs 5]
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const TARGET = Number(arg('certs', 10000));
const RUNS = Number(arg('runs', 5));

/** The corpus: Mozilla's 142 roots plus the generated leaves and CAs, repeated to TARGET. */
function corpus() {
  const pems = [];
  for (const dir of ['tests/data/roots', 'tests/data/generated']) {
    for (const f of readdirSync(root + dir).filter((n) => n.endsWith('.pem')).sort()) {
      pems.push(...readFileSync(`${root}${dir}/${f}`, 'utf8').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g));
    }
  }
  const unique = [...new Set(pems)];
  const ders = unique.map((p) => Buffer.from(p.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
  const all = [];
  while (all.length < TARGET) all.push(...ders);
  return { unique: ders.length, ders: all.slice(0, TARGET), pems: all.slice(0, TARGET).map((d) => pemOf(d)) };
}

function pemOf(der) {
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
}

const sha256 = (der) => createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g).join(':');
const iso = (d) => new Date(d).toISOString().replace('.000', '');

/** certscope's npm package (the engine: the core, and modules as inputs need them). */
async function certscope() {
  // What `import 'certscope'` gives Node: the speed build (pkg/node/); CERTSCOPE_BUILD=browser
  // measures the size build that browsers download instead.
  const lib = await import(`${root}pkg/${process.env.CERTSCOPE_BUILD === 'browser' ? '' : 'node/'}certscope.js`);
  await lib.init();
  return lib;
}

/** certscope is called once per 4,000 certificates (one paste, under the 8 MiB input limit). */
async function inBatches(items, call) {
  const out = [];
  for (let i = 0; i < items.length; i += 4000) out.push(...(await call(items.slice(i, i + 4000))));
  return out;
}

/** certscope's CertificateSummary in the shape every library returns. */
const row = (c) => ({
  subject: c.subject, issuer: c.issuer, serial: c.serial,
  notBefore: c.notBefore, notAfter: c.notAfter, san: c.names,
  keyAlg: c.keyAlgorithm, keyBits: c.keyBits ?? c.curve, fingerprint: c.sha256,
});

/** One summary per library; `fingerprint`, `notBefore`, `notAfter` are compared. */
const LIBRARIES = {
  'node:crypto': async () => (ders) => ders.map((der) => {
    const c = new X509Certificate(der);
    const key = c.publicKey;
    return {
      subject: c.subject, issuer: c.issuer, serial: c.serialNumber,
      notBefore: iso(c.validFrom), notAfter: iso(c.validTo),
      san: c.subjectAltName ?? '', keyAlg: key.asymmetricKeyType,
      keyBits: key.asymmetricKeyDetails?.modulusLength ?? key.asymmetricKeyDetails?.namedCurve,
      fingerprint: c.fingerprint256,
    };
  }),
  'certscope summarize': async () => {
    const { summarize } = await certscope();
    // The batch listing API, given the DER the others get (concatenated).
    return (ders) => inBatches(ders, async (b) => (await summarize(Buffer.concat(b))).certificates.map(row));
  },
  'certscope summarize (PEM text)': async () => {
    const { summarize } = await certscope();
    // The same, given what people paste: PEM text, base64 decoded by certscope.
    return (ders, pems) => inBatches(pems, async (b) => (await summarize(b.join(''))).certificates.map(row));
  },
  'certscope inspect': async () => {
    const { inspect } = await certscope();
    // The full explanation (every extension, lints, self-signatures verified), one call per paste.
    return (ders, pems) => inBatches(pems, async (b) => (await inspect(b.join(''), { at: '2026-11-27', roots: 'none' }))
      .certificates.map((c) => ({
        subject: c.subject.display, issuer: c.issuer.display, serial: c.serial,
        notBefore: c.validity.notBefore, notAfter: c.validity.notAfter, san: c.names,
        keyAlg: c.publicKey.algorithm, keyBits: c.publicKey.bits, fingerprint: c.fingerprints.sha256,
      })));
  },
  '@peculiar/x509': async () => {
    await import('reflect-metadata'); // @peculiar/x509's dependency injection needs it
    const x509 = await import('@peculiar/x509');
    return async (ders) => Promise.all(ders.map(async (der) => {
      const c = new x509.X509Certificate(der);
      const san = c.getExtension(x509.SubjectAlternativeNameExtension);
      return {
        subject: c.subject, issuer: c.issuer, serial: c.serialNumber,
        notBefore: iso(c.notBefore), notAfter: iso(c.notAfter),
        san: san ? san.names.items.map((n) => n.value) : [],
        keyAlg: c.publicKey.algorithm.name,
        keyBits: c.publicKey.algorithm.modulusLength ?? c.publicKey.algorithm.namedCurve,
        fingerprint: Buffer.from(await c.getThumbprint('SHA-256')).toString('hex').toUpperCase().match(/../g).join(':'),
      };
    }));
  },
  'pkijs + asn1js': async () => {
    const pkijs = await import('pkijs');
    return (ders) => ders.map((der) => {
      const c = pkijs.Certificate.fromBER(der);
      const name = (n) => n.typesAndValues.map((t) => `${t.type}=${t.value.valueBlock.value}`).join(',');
      const sanExt = c.extensions?.find((e) => e.extnID === '2.5.29.17');
      const spki = c.subjectPublicKeyInfo;
      return {
        subject: name(c.subject), issuer: name(c.issuer),
        serial: Buffer.from(c.serialNumber.valueBlock.valueHexView).toString('hex'),
        notBefore: iso(c.notBefore.value), notAfter: iso(c.notAfter.value),
        san: sanExt ? sanExt.parsedValue.altNames.map((n) => String(n.value)) : [],
        keyAlg: spki.algorithm.algorithmId,
        keyBits: spki.parsedKey?.modulus ? spki.parsedKey.modulus.valueBlock.valueHexView.length * 8 : spki.algorithm.algorithmParams?.valueBlock?.toString(),
        fingerprint: sha256(der),
      };
    });
  },
  'node-forge': async () => {
    const { default: forge } = await import('node-forge');
    return (ders) => ders.map((der) => {
      let c;
      try {
        c = forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary')));
      } catch {
        return null; // forge reads RSA keys only
      }
      const san = c.getExtension('subjectAltName');
      const md = forge.md.sha256.create();
      md.update(der.toString('binary'));
      return {
        subject: c.subject.attributes.map((a) => `${a.shortName ?? a.type}=${a.value}`).join(','),
        issuer: c.issuer.attributes.map((a) => `${a.shortName ?? a.type}=${a.value}`).join(','),
        serial: c.serialNumber, notBefore: iso(c.validity.notBefore), notAfter: iso(c.validity.notAfter),
        san: san ? san.altNames.map((n) => n.value ?? n.ip) : [], keyAlg: 'RSA', keyBits: c.publicKey.n.bitLength(),
        fingerprint: md.digest().toHex().toUpperCase().match(/../g).join(':'),
      };
    });
  },
  jsrsasign: async () => {
    const { default: rs } = await import('jsrsasign');
    return (ders) => ders.map((der) => {
      const hex = der.toString('hex');
      const c = new rs.X509();
      let key;
      try {
        c.readCertHex(hex);
        key = c.getPublicKey();
      } catch {
        return null; // jsrsasign cannot read this key type (Ed25519)
      }
      const time = (t) => {
        const full = t.length === 13 ? (Number(t.slice(0, 2)) >= 50 ? '19' : '20') + t : t;
        return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}T${full.slice(8, 10)}:${full.slice(10, 12)}:${full.slice(12, 14)}Z`;
      };
      let san = [];
      try { san = (c.getExtSubjectAltName()?.array ?? []).map((n) => Object.values(n)[0]); } catch { /* no SAN */ }
      return {
        subject: c.getSubjectString(), issuer: c.getIssuerString(), serial: c.getSerialNumberHex(),
        notBefore: time(c.getNotBefore()), notAfter: time(c.getNotAfter()), san,
        keyAlg: key.type, keyBits: key.n ? key.n.bitLength() : key.curveName,
        fingerprint: rs.KJUR.crypto.Util.hashHex(hex, 'sha256').toUpperCase().match(/../g).join(':'),
      };
    });
  },
};

async function child(name) {
  const { ders, pems } = corpus();
  const summarize = await LIBRARIES[name]();
  const reference = await (await LIBRARIES['node:crypto']())(ders);
  const first = await summarize(ders, pems);
  // Correctness before speed: fingerprints and dates agree with node:crypto.
  let compared = 0;
  first.forEach((s, i) => {
    if (!s) return; // a library that cannot read this certificate (forge: non-RSA keys)
    const r = reference[i];
    for (const field of ['fingerprint', 'notBefore', 'notAfter']) {
      if (s[field] !== r[field]) throw new Error(`${name}: certificate ${i} ${field} ${s[field]} != node:crypto ${r[field]}`);
    }
    compared += 1;
  });
  await summarize(ders, pems); // warm-up
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    await summarize(ders, pems);
    times.push(performance.now() - t);
  }
  process.stdout.write(JSON.stringify({ name, certs: ders.length, read: compared, times, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function parent() {
  const { unique } = corpus();
  console.log(`corpus: ${TARGET} certificates (${unique} distinct: Mozilla roots + generated), ${RUNS} runs after a warm-up, Node ${process.version}`);
  const rows = [];
  for (const name of Object.keys(LIBRARIES)) {
    try {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--certs', String(TARGET), '--runs', String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] });
      rows.push(JSON.parse(out));
    } catch (err) {
      const line = String(err.stderr ?? err).split('\n').find((l) => /Error/.test(l)) ?? 'failed';
      console.log(`${name}: ${line.slice(0, 300)}`);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rate = (r) => r.read / (median(r.times) / 1000);
  const base = rate(rows.find((r) => r.name === 'node:crypto'));
  const ours = rate(rows.find((r) => r.name === 'certscope summarize'));
  console.log('| library | certs read | median ms (min–max) | certs/s | vs node:crypto | certscope summarize is × faster | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const rps = rate(r);
    console.log(`| ${r.name} | ${r.read}/${r.certs} | ${median(r.times).toFixed(0)} (${Math.min(...r.times).toFixed(0)}–${Math.max(...r.times).toFixed(0)}) | ${rps.toFixed(0)} | ${(rps / base).toFixed(2)}× | ${(ours / rps).toFixed(2)} | ${r.maxRssMb.toFixed(0)} |`);
  }
}

if (process.argv.includes('--child')) await child(arg('child'));
else await parent();
