//! Signature verification, below both [`crate::cert`] (self-signatures, CSRs, CRLs) and
//! [`crate::chain`] (paths).
//!
//! The verifiers themselves ([`verifier`], RustCrypto's RSA, ECDSA and Ed25519) are the
//! `verify` feature. A WebAssembly core built without it asks the separately loaded verify
//! module instead, through [`crate::wasm`]; a native build without it reports
//! [`VerifyError::Unavailable`].

#[cfg(feature = "pqc")]
mod composite;
#[cfg(feature = "dsa")]
mod dsa;
#[cfg(feature = "pqc")]
mod ml_dsa;
#[cfg(feature = "verify")]
mod rsa_public;
#[cfg(feature = "pqc")]
mod slh_dsa;
#[cfg(feature = "verify")]
mod verifier;

use der::Encode;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

/// Why a signature did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(feature = "verify"), allow(dead_code))]
pub(crate) enum VerifyError {
    /// The signature algorithm is not one certscope verifies.
    UnsupportedAlgorithm(String),
    /// The key cannot be used (malformed, unsupported curve, RSA outside 1024–8192 bits).
    UnusableKey(String),
    /// The key type does not match the signature algorithm.
    KeyMismatch,
    /// The signature is wrong for this message and key.
    BadSignature,
    /// No verifier is at hand: a WebAssembly core whose verify module is not loaded, or a
    /// native build without the `verify` feature.
    Unavailable,
}

impl core::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            VerifyError::UnsupportedAlgorithm(a) => {
                write!(f, "signature algorithm {a} is not supported")
            }
            VerifyError::UnusableKey(why) => write!(f, "the public key cannot be used: {why}"),
            VerifyError::KeyMismatch => {
                f.write_str("the key type does not match the signature algorithm")
            }
            VerifyError::BadSignature => f.write_str("the signature does not match"),
            VerifyError::Unavailable => {
                f.write_str("signatures were not checked (no verifier loaded)")
            }
        }
    }
}

#[cfg_attr(not(feature = "verify"), allow(dead_code))]
impl VerifyError {
    /// A compact form that crosses the boundary between WebAssembly modules: `""` for a
    /// good signature, else one letter and the detail.
    pub(crate) fn code(result: &Result<(), VerifyError>) -> String {
        match result {
            Ok(()) => String::new(),
            Err(VerifyError::UnsupportedAlgorithm(a)) => format!("A{a}"),
            Err(VerifyError::UnusableKey(why)) => format!("K{why}"),
            Err(VerifyError::KeyMismatch) => "M".into(),
            Err(VerifyError::BadSignature) => "B".into(),
            Err(VerifyError::Unavailable) => "U".into(),
        }
    }

    /// The inverse of [`VerifyError::code`].
    #[allow(dead_code)] // used by a WebAssembly core only
    pub(crate) fn from_code(code: &str) -> Result<(), VerifyError> {
        let mut chars = code.chars();
        let detail = || code.get(1..).unwrap_or_default().to_owned();
        match chars.next() {
            None => Ok(()),
            Some('A') => Err(VerifyError::UnsupportedAlgorithm(detail())),
            Some('K') => Err(VerifyError::UnusableKey(detail())),
            Some('M') => Err(VerifyError::KeyMismatch),
            Some('B') => Err(VerifyError::BadSignature),
            Some(_) => Err(VerifyError::Unavailable),
        }
    }
}

/// Signature checks already made in one analysis. The browser and strict verdicts walk the
/// same certificates, and backtracking can revisit a pair: each (certificate, key) pair is
/// verified once. Bounded: past [`Cache::MAX`] entries, checks are simply not remembered.
#[derive(Debug, Default)]
pub(crate) struct Cache(core::cell::RefCell<Vec<Checked>>);

/// A certificate's DER, the DER of a key, and whether the key verified its signature.
type Checked = (Vec<u8>, Vec<u8>, Result<(), VerifyError>);

impl Cache {
    const MAX: usize = 256;

    /// The result of verifying `signed` (a whole certificate's DER) with `key`, computed by
    /// `check` the first time.
    pub(crate) fn verify(
        &self,
        signed: &[u8],
        key: &SubjectPublicKeyInfoOwned,
        check: impl FnOnce() -> Result<(), VerifyError>,
    ) -> Result<(), VerifyError> {
        let Ok(key_der) = key.to_der() else {
            return check();
        };
        let known = self.0.try_borrow().ok().and_then(|entries| {
            entries
                .iter()
                .find(|(d, k, _)| d == signed && *k == key_der)
                .map(|(_, _, r)| r.clone())
        });
        if let Some(result) = known {
            return result;
        }
        let result = check();
        if let Ok(mut entries) = self.0.try_borrow_mut() {
            if entries.len() < Self::MAX {
                entries.push((signed.to_vec(), key_der, result.clone()));
            }
        }
        result
    }
}

/// The DER of the first element of a signed structure (a certificate's TBSCertificate, a
/// CRL's TBSCertList) exactly as it appears in `der`: the bytes the signature covers.
/// Re-encoding a decoded value is not safe here (x509-cert normalises times).
pub(crate) fn signed_part(der: &[u8]) -> Option<&[u8]> {
    use der::{Decode, Reader};
    let mut outer = der::SliceReader::new(der).ok()?;
    der::Header::decode(&mut outer).ok()?;
    outer.tlv_bytes().ok()
}

/// The dotted OIDs of ML-DSA-44, -65 and -87 (RFC 9881), which the pqc module verifies.
pub(crate) const ML_DSA: [&str; 3] = [
    "2.16.840.1.101.3.4.3.17",
    "2.16.840.1.101.3.4.3.18",
    "2.16.840.1.101.3.4.3.19",
];

/// The dotted OIDs of the twelve SLH-DSA parameter sets (FIPS 205; SHA2 and SHAKE, 128/192/256,
/// small and fast), which the pqc module verifies too.
pub(crate) const SLH_DSA: [&str; 12] = [
    "2.16.840.1.101.3.4.3.20",
    "2.16.840.1.101.3.4.3.21",
    "2.16.840.1.101.3.4.3.22",
    "2.16.840.1.101.3.4.3.23",
    "2.16.840.1.101.3.4.3.24",
    "2.16.840.1.101.3.4.3.25",
    "2.16.840.1.101.3.4.3.26",
    "2.16.840.1.101.3.4.3.27",
    "2.16.840.1.101.3.4.3.28",
    "2.16.840.1.101.3.4.3.29",
    "2.16.840.1.101.3.4.3.30",
    "2.16.840.1.101.3.4.3.31",
];

/// Whether `oid` (dotted) is a post-quantum signature algorithm the pqc module verifies: ML-DSA,
/// SLH-DSA, or a composite of ML-DSA with a traditional algorithm (`1.3.6.1.5.5.7.6.37` to
/// `.54`, draft-ietf-lamps-pq-composite-sigs §7).
pub(crate) fn post_quantum(oid: &str) -> bool {
    ML_DSA.contains(&oid) || SLH_DSA.contains(&oid) || crate::oid::composite(oid).is_some()
}

/// Whether ML-DSA signatures can be checked in this build (in a WebAssembly core: whether the
/// pqc module has been loaded).
pub(crate) fn pqc_available() -> bool {
    #[cfg(feature = "pqc")]
    {
        true
    }
    #[cfg(all(
        not(feature = "pqc"),
        target_arch = "wasm32",
        any(
            not(feature = "module"),
            feature = "ssh-module",
            feature = "ct-module",
            feature = "ocsp-module",
            feature = "pqc-module"
        )
    ))]
    {
        crate::wasm::services::loaded("pqc")
    }
    #[cfg(all(
        not(feature = "pqc"),
        any(
            not(target_arch = "wasm32"),
            all(
                feature = "module",
                not(any(
                    feature = "ssh-module",
                    feature = "ct-module",
                    feature = "ocsp-module",
                    feature = "pqc-module"
                ))
            )
        )
    ))]
    {
        false
    }
}

/// The dsa module's export: DER in, a [`VerifyError::code`] out, for DSA (`A…` for any other
/// algorithm, so that the next module is asked).
#[cfg(feature = "dsa")]
pub fn verify_dsa_der(message: &[u8], alg: &[u8], signature: &[u8], spki: &[u8]) -> String {
    use der::Decode;
    let result = match (
        AlgorithmIdentifierOwned::from_der(alg),
        SubjectPublicKeyInfoOwned::from_der(spki),
    ) {
        (Ok(alg), Ok(spki)) if dsa::is_dsa(&alg.oid) => {
            dsa::verify(message, &alg, signature, &spki)
        }
        (Ok(alg), Ok(_)) => Err(VerifyError::UnsupportedAlgorithm(alg.oid.to_string())),
        (Err(e), _) | (_, Err(e)) => Err(VerifyError::UnusableKey(e.to_string())),
    };
    VerifyError::code(&result)
}

/// Whether DSA signatures can be checked in this build (in a WebAssembly core: whether the dsa
/// module has been loaded).
pub(crate) fn dsa_available() -> bool {
    #[cfg(feature = "dsa")]
    {
        true
    }
    #[cfg(all(
        not(feature = "dsa"),
        target_arch = "wasm32",
        not(any(
            feature = "module",
            all(feature = "verify", feature = "pkcs12", feature = "documents")
        ))
    ))]
    {
        crate::wasm::services::loaded("dsa")
    }
    #[cfg(all(
        not(feature = "dsa"),
        any(
            not(target_arch = "wasm32"),
            feature = "module",
            all(feature = "verify", feature = "pkcs12", feature = "documents")
        )
    ))]
    {
        false
    }
}

/// Whether `oid` (dotted) is a DSA signature algorithm (RFC 3279 §2.2.2, RFC 5758 §3.1).
pub(crate) fn is_dsa_signature(oid: &str) -> bool {
    [
        "1.2.840.10040.4.3",
        "2.16.840.1.101.3.4.3.1",
        "2.16.840.1.101.3.4.3.2",
    ]
    .contains(&oid)
}

/// The pqc module's other export (see [`ml_dsa::public_der`]).
#[cfg(feature = "pqc")]
pub use ml_dsa::public_der as ml_dsa_public_der;

/// The pqc module's export: DER in, a [`VerifyError::code`] out, for ML-DSA, SLH-DSA and
/// composite ML-DSA (`A…` for any other algorithm, so that the verify module is asked instead).
#[cfg(feature = "pqc")]
pub fn verify_ml_dsa_der(message: &[u8], alg: &[u8], signature: &[u8], spki: &[u8]) -> String {
    use der::Decode;
    let result = match (
        AlgorithmIdentifierOwned::from_der(alg),
        SubjectPublicKeyInfoOwned::from_der(spki),
    ) {
        (Ok(alg), Ok(spki)) if ml_dsa::is_ml_dsa(&alg.oid) => {
            ml_dsa::verify(message, &alg, signature, &spki)
        }
        (Ok(alg), Ok(spki)) if slh_dsa::is_slh_dsa(&alg.oid) => {
            slh_dsa::verify(message, &alg, signature, &spki)
        }
        (Ok(alg), Ok(spki)) if composite::is_composite(&alg.oid) => {
            composite::verify(message, &alg, signature, &spki)
        }
        (Ok(alg), Ok(_)) => Err(VerifyError::UnsupportedAlgorithm(alg.oid.to_string())),
        (Err(e), _) | (_, Err(e)) => Err(VerifyError::UnusableKey(e.to_string())),
    };
    VerifyError::code(&result)
}

/// Why an ML-DSA private key's public half is missing in a WebAssembly core before the pqc
/// module is loaded (the core then asks for it).
pub(crate) const PQC_NOT_LOADED: &str =
    "the public half of an ML-DSA key is computed by the pqc module, which is not loaded";

/// The public key of an ML-DSA private key (`alg` dotted, `key` the PKCS#8 `privateKey`).
pub(crate) fn ml_dsa_public(alg: &str, key: &[u8]) -> Result<Vec<u8>, String> {
    #[cfg(feature = "pqc")]
    {
        ml_dsa::public_der(alg, key)
    }
    #[cfg(all(
        not(feature = "pqc"),
        target_arch = "wasm32",
        any(
            not(feature = "module"),
            feature = "ssh-module",
            feature = "ct-module",
            feature = "ocsp-module",
            feature = "pqc-module"
        )
    ))]
    {
        crate::wasm::services::ml_dsa_public(alg, key)
            .unwrap_or_else(|| Err(PQC_NOT_LOADED.to_owned()))
    }
    #[cfg(all(
        not(feature = "pqc"),
        any(
            not(target_arch = "wasm32"),
            all(
                feature = "module",
                not(any(
                    feature = "ssh-module",
                    feature = "ct-module",
                    feature = "ocsp-module",
                    feature = "pqc-module"
                ))
            )
        )
    ))]
    {
        let _ = (alg, key);
        Err("ML-DSA keys need the `pqc` feature".to_owned())
    }
}

/// What ML-DSA (RFC 9881 §2) and SLH-DSA (draft-ietf-lamps-x509-slhdsa §3) ask alike: one OID
/// names both the key and the signature, and neither carries parameters. Returns the public key.
#[cfg(feature = "pqc")]
fn pure_pq_key<'a>(
    alg: &AlgorithmIdentifierOwned,
    spki: &'a SubjectPublicKeyInfoOwned,
    rule: &str,
) -> Result<&'a [u8], VerifyError> {
    if spki.algorithm.oid != alg.oid {
        return Err(VerifyError::KeyMismatch);
    }
    if alg.parameters.is_some() || spki.algorithm.parameters.is_some() {
        return Err(VerifyError::UnusableKey(format!(
            "{rule}: the algorithm identifiers must have no parameters"
        )));
    }
    Ok(spki.subject_public_key.raw_bytes())
}

/// Verifies `signature` over `message` made with `alg` by the holder of `spki`.
pub(crate) fn verify(
    message: &[u8],
    alg: &AlgorithmIdentifierOwned,
    signature: &[u8],
    spki: &SubjectPublicKeyInfoOwned,
) -> Result<(), VerifyError> {
    #[cfg(feature = "pqc")]
    if ml_dsa::is_ml_dsa(&alg.oid) {
        return ml_dsa::verify(message, alg, signature, spki);
    }
    #[cfg(feature = "pqc")]
    if slh_dsa::is_slh_dsa(&alg.oid) {
        return slh_dsa::verify(message, alg, signature, spki);
    }
    #[cfg(feature = "pqc")]
    if composite::is_composite(&alg.oid) {
        return composite::verify(message, alg, signature, spki);
    }
    #[cfg(feature = "dsa")]
    if dsa::is_dsa(&alg.oid) {
        return dsa::verify(message, alg, signature, spki);
    }
    #[cfg(feature = "verify")]
    {
        verifier::verify(message, alg, signature, spki)
    }
    #[cfg(not(feature = "verify"))]
    {
        let (Ok(alg), Ok(spki)) = (alg.to_der(), spki.to_der()) else {
            return Err(VerifyError::Unavailable);
        };
        backend::verify(message, &alg, signature, &spki)
    }
}

/// [`verify`] on DER: the algorithm identifier and the key as encoded. A module built without
/// `verify` hands them to the verify module as they are, without decoding them first.
#[cfg_attr(not(any(feature = "ct", feature = "pqc")), allow(dead_code))]
pub(crate) fn verify_encoded(
    message: &[u8],
    alg: &[u8],
    signature: &[u8],
    spki: &[u8],
) -> Result<(), VerifyError> {
    #[cfg(feature = "verify")]
    {
        use der::Decode;
        let alg = AlgorithmIdentifierOwned::from_der(alg)
            .map_err(|e| VerifyError::UnsupportedAlgorithm(e.to_string()))?;
        let spki = SubjectPublicKeyInfoOwned::from_der(spki)
            .map_err(|e| VerifyError::UnusableKey(e.to_string()))?;
        verify(message, &alg, signature, &spki)
    }
    #[cfg(not(feature = "verify"))]
    {
        backend::verify(message, alg, signature, spki)
    }
}

/// Whether signatures can be checked in this build (or, in a WebAssembly core, whether the
/// verify module has been loaded).
pub(crate) fn available() -> bool {
    #[cfg(feature = "verify")]
    {
        true
    }
    #[cfg(not(feature = "verify"))]
    {
        backend::available()
    }
}

/// The public key of an Ed25519 private key's seed, when a verifier is at hand.
pub(crate) fn ed25519_public(seed: &[u8; 32]) -> Option<[u8; 32]> {
    #[cfg(feature = "verify")]
    {
        Some(verifier::ed25519_public(seed))
    }
    #[cfg(not(feature = "verify"))]
    {
        backend::ed25519_public(seed)
    }
}

/// The verify capability as the separately loaded module exports it: DER in, a
/// [`VerifyError::code`] out.
#[cfg(feature = "verify")]
pub fn verify_der(message: &[u8], alg: &[u8], signature: &[u8], spki: &[u8]) -> String {
    use der::Decode;
    let result = match (
        AlgorithmIdentifierOwned::from_der(alg),
        SubjectPublicKeyInfoOwned::from_der(spki),
    ) {
        (Ok(alg), Ok(spki)) => verifier::verify(message, &alg, signature, &spki),
        (Err(e), _) | (_, Err(e)) => Err(VerifyError::UnusableKey(e.to_string())),
    };
    VerifyError::code(&result)
}

/// Ed25519 public key from a seed, as the verify module exports it (empty unless 32 bytes).
#[cfg(feature = "verify")]
pub fn ed25519_public_der(seed: &[u8]) -> Vec<u8> {
    <[u8; 32]>::try_from(seed)
        .map(|s| verifier::ed25519_public(&s).to_vec())
        .unwrap_or_default()
}

// The core, and the ssh module (OpenSSH certificates), ask the verify module.
#[cfg(all(
    not(feature = "verify"),
    target_arch = "wasm32",
    any(
        not(feature = "module"),
        feature = "ssh-module",
        feature = "ct-module",
        feature = "ocsp-module",
        feature = "pqc-module",
        feature = "revocation-module"
    )
))]
use crate::wasm::services as backend;

/// Without the `verify` feature natively (or in another capability's module), nothing verifies.
#[cfg(all(
    not(feature = "verify"),
    any(
        not(target_arch = "wasm32"),
        all(
            feature = "module",
            not(any(
                feature = "ssh-module",
                feature = "ct-module",
                feature = "ocsp-module",
                feature = "pqc-module",
                feature = "revocation-module"
            ))
        )
    )
))]
mod backend {
    pub(super) fn verify(_: &[u8], _: &[u8], _: &[u8], _: &[u8]) -> Result<(), super::VerifyError> {
        Err(super::VerifyError::Unavailable)
    }
    pub(super) fn available() -> bool {
        false
    }
    pub(super) fn ed25519_public(_: &[u8; 32]) -> Option<[u8; 32]> {
        None
    }
}
