// What the core WebAssembly module calls when it needs a capability it was built without
// (src/wasm.rs, `services`): signature checks and Mozilla's roots (the verify module), PKCS#12
// decryption (the pkcs12 module), the certificates of SAML and JWK documents (the documents
// module), ML-DSA signatures (pqc) and DSA signatures (dsa). engine.js registers each module
// here once it has loaded it; until then every call answers "not loaded" (undefined), and the
// core reports the capability as pending instead of guessing.
const modules = {};

/** Makes a loaded, initialised capability module (its wasm-bindgen glue) callable. */
export function register(capability, glue) {
  modules[capability] = glue;
}

/** Whether `capability` ("verify", "pkcs12") is loaded. */
export function loaded(capability) {
  return modules[capability] !== undefined;
}

let platform = null;

/** While `answer` is set (platform.js), it answers the signatures it knows first. */
export function answerFirst(answer) {
  platform = answer;
}

/**
 * ML-DSA signatures go to the pqc module and DSA ones to the dsa module (once loaded), each
 * answering `A…` for any other algorithm; the rest to the verify module. A signature the
 * platform checks (platform.js) is answered from that check.
 */
export function verifySignature(message, alg, signature, spki) {
  const known = platform?.(message, alg, signature, spki);
  if (known !== undefined) return known;
  for (const capability of ['pqc', 'dsa']) {
    const answer = modules[capability]?.verifySignature(message, alg, signature, spki);
    if (answer !== undefined && !answer.startsWith('A')) return answer;
  }
  return modules.verify?.verifySignature(message, alg, signature, spki);
}

export function ed25519Public(seed) {
  return modules.verify?.ed25519Public(seed);
}

export function mozillaRoots() {
  return modules.verify?.mozillaRoots();
}

export function pkcs12Decrypt(alg, password, data) {
  return modules.pkcs12?.pkcs12Decrypt(alg, password, data);
}

export function pkcs12Mac(mac, password, content) {
  return modules.pkcs12 ? modules.pkcs12.pkcs12Mac(mac, password, content) : -1;
}

export function documentCertificates(input) {
  return modules.documents?.documentCertificates(input);
}

export function mlDsaPublic(alg, key) {
  return modules.pqc?.mlDsaPublic(alg, key);
}

/** Whether a domain is a public suffix (psl module): 0 no, 1 ICANN section, 2 private; undefined until loaded. */
export function publicSuffix(domain) {
  return modules.psl?.publicSuffix(domain);
}

/** One validated path checked against the CRLs given (revocation module); undefined until loaded. */
export function checkRevocation(input) {
  return modules.revocation?.checkRevocation(input);
}
