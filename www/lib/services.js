// What the core WebAssembly module calls when it needs a capability it was built without
// (src/wasm.rs, `services`): signature checks and Mozilla's roots (the verify module) and
// PKCS#12 decryption (the pkcs12 module) and the certificates of SAML and JWK documents (the
// documents module). engine.js registers each module here once it has
// loaded it; until then every call answers "not loaded" (undefined), and the core reports the
// capability as pending instead of guessing.
const modules = {};

/** Makes a loaded, initialised capability module (its wasm-bindgen glue) callable. */
export function register(capability, glue) {
  modules[capability] = glue;
}

/** Whether `capability` ("verify", "pkcs12") is loaded. */
export function loaded(capability) {
  return modules[capability] !== undefined;
}

/** ML-DSA signatures go to the pqc module (once loaded), which answers `A…` for any other. */
export function verifySignature(message, alg, signature, spki) {
  const pq = modules.pqc?.verifySignature(message, alg, signature, spki);
  if (pq !== undefined && !pq.startsWith('A')) return pq;
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
