// ECDSA P-256 with SHA-256 through the platform, for the web engine's CT step. In
// WebAssembly, RustCrypto's P-256 check costs about 0.85 ms (64-bit limbs multiplied through a
// helper call); WebCrypto checks three in about 0.3 ms. It is asynchronous, so it serves only a
// step that runs after the core: the SCTs of the ct module (RFC 6962 §2.1.4 allows ECDSA P-256
// or RSA, both with SHA-256). engine.js imports this file only for that step. In Node,
// node:crypto's synchronous `verify` answers instead (WebCrypto there goes through libuv's
// thread pool, whose wait varies from run to run), in the one run.
//
// Only what both verifiers read the same way goes to the platform: the ecdsa-with-SHA256
// AlgorithmIdentifier without parameters, an uncompressed P-256 SubjectPublicKeyInfo, and a
// DER signature in its one valid encoding (RFC 5480 §2.2, X9.62 Ecdsa-Sig-Value). Everything
// else, and a key the platform refuses, is left to the verify module. A test checks that both
// answer alike (tests/node/platform-signatures.test.mjs).
import { answerFirst } from './services.js';

let collected = null;
const checked = new Map();
const imported = new Map();
let platformAllowed = true;
/** Node's own crypto, when this runs in Node (getBuiltinModule: Node 20.16 and 22.3 on). */
const nodeCrypto = globalThis.process?.getBuiltinModule?.('node:crypto');
const nodeKeys = new Map();

/**
 * Turns the platform path off (`false`) or on (`true`: node:crypto in Node, WebCrypto
 * elsewhere; `'webcrypto'`: WebCrypto even in Node); for comparing it with the verify module.
 */
export function usePlatformSignatures(on) {
  platformAllowed = on;
}

/**
 * Runs `run` (a synchronous call into a module that verifies through `verifySignature`) with
 * its ECDSA P-256 checks made by WebCrypto: a first run collects them, the platform checks
 * them all at once, and a second run reads the answers. Without WebCrypto (an insecure
 * context) or with nothing to collect, the first run's answer is the answer.
 */
export async function platformSignatures(run) {
  if (platformAllowed === true && nodeCrypto) {
    answerFirst(nodeAnswer);
    try {
      return run();
    } finally {
      answerFirst(null);
    }
  }
  const subtle = platformAllowed ? globalThis.crypto?.subtle : undefined;
  if (!subtle) return run();
  const asked = [];
  collected = asked;
  answerFirst(answer);
  let first;
  try {
    first = run();
  } catch (err) {
    answerFirst(null);
    throw err;
  } finally {
    collected = null;
  }
  if (asked.length === 0) {
    answerFirst(null);
    return first;
  }
  await Promise.all(asked.map(async (a) => {
    try {
      const key = await importP256(subtle, a.spki);
      const good = await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, a.raw, a.message);
      checked.set(a.key, { message: a.message, answer: good ? '' : 'B' });
    } catch {
      // The platform refused the key: the verify module judges it.
    }
  }));
  try {
    return run();
  } finally {
    checked.clear();
    answerFirst(null);
  }
}

/** What `verifySignature` answers in Node: node:crypto's verdict, or the verify module's. */
function nodeAnswer(message, alg, signature, spki) {
  const p256 = p256Check(alg, signature, spki);
  if (!p256) return undefined;
  try {
    const id = hex(spki);
    let key = nodeKeys.get(id);
    if (!key) {
      if (nodeKeys.size >= 64) nodeKeys.clear();
      key = nodeCrypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
      nodeKeys.set(id, key);
    }
    return nodeCrypto.verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, p256.raw) ? '' : 'B';
  } catch {
    return undefined; // Node refused the key: the verify module judges it.
  }
}

/** What `verifySignature` (services.js) answers while a step runs: collected, or checked. */
function answer(message, alg, signature, spki) {
  const p256 = p256Check(alg, signature, spki);
  if (!p256) return undefined;
  const known = checked.get(p256.key);
  if (known && sameBytes(known.message, message)) return known.answer;
  if (!collected) return undefined;
  collected.push({ ...p256, message: message.slice(), spki: spki.slice() });
  return 'U';
}

function importP256(subtle, spki) {
  const id = hex(spki);
  let key = imported.get(id);
  if (!key) {
    if (imported.size >= 64) imported.clear();
    key = subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    imported.set(id, key);
    key.catch(() => imported.delete(id));
  }
  return key;
}

/** ecdsa-with-SHA256 (RFC 5758 §3.2), parameters absent. */
const ECDSA_SHA256 = Uint8Array.of(0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02);
/** SubjectPublicKeyInfo of an uncompressed P-256 point, up to the point (RFC 5480 §2). */
const P256_SPKI = Uint8Array.of(0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04);

/** A signature the platform can check: its cache key and r ‖ s; null for any other. */
function p256Check(alg, signature, spki) {
  if (!sameBytes(alg, ECDSA_SHA256) || spki.length !== 91 || !sameBytes(spki.subarray(0, P256_SPKI.length), P256_SPKI)) return null;
  const raw = rawSignature(signature);
  return raw && { key: `${hex(spki)}/${hex(signature)}`, raw };
}

/** r ‖ s of a DER Ecdsa-Sig-Value, or null unless it is the one valid DER of two positive integers below 2²⁵⁶. */
function rawSignature(der) {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const raw = new Uint8Array(64);
  let at = 2;
  for (const half of [0, 32]) {
    if (der[at] !== 0x02) return null;
    const len = der[at + 1];
    const value = der.subarray(at + 2, at + 2 + len);
    if (len < 1 || len > 33 || value.length !== len || value[0] & 0x80) return null;
    if (len > 1 && value[0] === 0 && !(value[1] & 0x80)) return null;
    const digits = value[0] === 0 && len > 1 ? value.subarray(1) : value;
    if (digits.length > 32) return null;
    raw.set(digits, half + 32 - digits.length);
    at += 2 + len;
  }
  return at === der.length ? raw : null;
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function hex(bytes) {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
