//! Composite ML-DSA signatures ([draft-ietf-lamps-pq-composite-sigs], the IESG-reviewed text of
//! April 2026): one algorithm identifier under `1.3.6.1.5.5.7.6` names a pair, ML-DSA with RSA,
//! ECDSA or EdDSA, whose public key and signature are the two halves concatenated (§5). Both
//! sign the same message representative `M' = Prefix || Label || len(ctx) || ctx || PH(M)`
//! (§2.2; certificates use an empty `ctx`), ML-DSA with the label as its context string, and the
//! signature is valid only if both halves are (§4.3).
//!
//! The ML-DSA half is checked here (the `pqc` feature); the traditional half is handed to the
//! ordinary verifier as an algorithm identifier and key of its own, so that in WebAssembly it
//! goes to the verify module.
//!
//! [draft-ietf-lamps-pq-composite-sigs]: https://datatracker.ietf.org/doc/draft-ietf-lamps-pq-composite-sigs/

use const_oid::ObjectIdentifier as Oid;
use der::{asn1::BitString, Any, Encode};
use sha2::{Digest, Sha256, Sha512};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use super::VerifyError;

/// §2.2: the prefix every message representative starts with.
const PREFIX: &[u8] = b"CompositeAlgorithmSignatures2025";

/// The arc under which §7 registers the eighteen composite algorithms (`.37` to `.54`).
const ARC: &str = "1.3.6.1.5.5.7.6.";

/// The ML-DSA parameter set of a composite: its OID arc (17, 18, 19 under NIST's sigAlgs) and
/// the lengths of its public key and signature (FIPS 204 Table 2), which split the halves.
#[derive(Clone, Copy)]
struct MlDsa {
    oid: &'static str,
    key_len: usize,
    signature_len: usize,
}

const ML_DSA_44: MlDsa = MlDsa {
    oid: "2.16.840.1.101.3.4.3.17",
    key_len: 1312,
    signature_len: 2420,
};
const ML_DSA_65: MlDsa = MlDsa {
    oid: "2.16.840.1.101.3.4.3.18",
    key_len: 1952,
    signature_len: 3309,
};
const ML_DSA_87: MlDsa = MlDsa {
    oid: "2.16.840.1.101.3.4.3.19",
    key_len: 2592,
    signature_len: 4627,
};

/// The traditional half, as §7 fixes it.
#[derive(Clone, Copy)]
enum Traditional {
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (2048, 3072 bits), or with
    /// SHA-384, MGF1-SHA-384 and 48 bytes (4096 bits), §7.1.
    RsaPss {
        sha384: bool,
    },
    /// RSASSA-PKCS1-v1_5 with this signature algorithm (sha256/384WithRSAEncryption).
    RsaPkcs1(&'static str),
    /// ECDSA on this named curve with this signature algorithm.
    Ecdsa {
        curve: &'static str,
        algorithm: &'static str,
    },
    Ed25519,
    Ed448,
}

/// The message hash of §2.1.
#[derive(Clone, Copy)]
enum PreHash {
    Sha256,
    Sha512,
    /// SHAKE256 with 64 bytes of output (the Ed448 pair only, whose Ed448 half certscope does
    /// not check: its ML-DSA half is).
    Shake256,
}

/// One composite algorithm of §7: its arc under [`ARC`], label, and halves.
struct Composite {
    arc: u32,
    label: &'static str,
    ml_dsa: MlDsa,
    hash: PreHash,
    traditional: Traditional,
}

const SHA256_RSA: &str = "1.2.840.113549.1.1.11";
const SHA384_RSA: &str = "1.2.840.113549.1.1.12";
const P256: &str = "1.2.840.10045.3.1.7";
const P384: &str = "1.3.132.0.34";
const P521: &str = "1.3.132.0.35";
const BRAINPOOL_P256: &str = "1.3.36.3.3.2.8.1.1.7";
const BRAINPOOL_P384: &str = "1.3.36.3.3.2.8.1.1.11";
const ECDSA_SHA256: &str = "1.2.840.10045.4.3.2";
const ECDSA_SHA384: &str = "1.2.840.10045.4.3.3";
const ECDSA_SHA512: &str = "1.2.840.10045.4.3.4";

const fn ecdsa(curve: &'static str, algorithm: &'static str) -> Traditional {
    Traditional::Ecdsa { curve, algorithm }
}

/// §7's table (the labels as `src/algParams.md` of the draft's repository spells them).
const ALGORITHMS: &[Composite] = &[
    Composite {
        arc: 37,
        label: "COMPSIG-MLDSA44-RSA2048-PSS-SHA256",
        ml_dsa: ML_DSA_44,
        hash: PreHash::Sha256,
        traditional: Traditional::RsaPss { sha384: false },
    },
    Composite {
        arc: 38,
        label: "COMPSIG-MLDSA44-RSA2048-PKCS15-SHA256",
        ml_dsa: ML_DSA_44,
        hash: PreHash::Sha256,
        traditional: Traditional::RsaPkcs1(SHA256_RSA),
    },
    Composite {
        arc: 39,
        label: "COMPSIG-MLDSA44-Ed25519-SHA512",
        ml_dsa: ML_DSA_44,
        hash: PreHash::Sha512,
        traditional: Traditional::Ed25519,
    },
    Composite {
        arc: 40,
        label: "COMPSIG-MLDSA44-ECDSA-P256-SHA256",
        ml_dsa: ML_DSA_44,
        hash: PreHash::Sha256,
        traditional: ecdsa(P256, ECDSA_SHA256),
    },
    Composite {
        arc: 41,
        label: "COMPSIG-MLDSA65-RSA3072-PSS-SHA512",
        ml_dsa: ML_DSA_65,
        hash: PreHash::Sha512,
        traditional: Traditional::RsaPss { sha384: false },
    },
    Composite {
        arc: 42,
        label: "COMPSIG-MLDSA65-RSA3072-PKCS15-SHA512",
        ml_dsa: ML_DSA_65,
        hash: PreHash::Sha512,
        traditional: Traditional::RsaPkcs1(SHA256_RSA),
    },
    Composite {
        arc: 43,
        label: "COMPSIG-MLDSA65-RSA4096-PSS-SHA512",
        ml_dsa: ML_DSA_65,
        hash: PreHash::Sha512,
        traditional: Traditional::RsaPss { sha384: true },
    },
    Composite {
        arc: 44,
        label: "COMPSIG-MLDSA65-RSA4096-PKCS15-SHA512",
        ml_dsa: ML_DSA_65,
        hash: PreHash::Sha512,
        traditional: Traditional::RsaPkcs1(SHA384_RSA),
    },
    Composite {
        arc: 45,
        label: "COMPSIG-MLDSA65-ECDSA-P256-SHA512",
        ml_dsa: ML_DSA_65,
        hash: PreHash::Sha512,
        traditional: ecdsa(P256, ECDSA_SHA256),
    },
    Composite {
        arc: 46,
        label: "COMPSIG-MLDSA65-ECDSA-P384-SHA512",
        ml_dsa: ML_DSA_65,
        hash: PreHash::Sha512,
        traditional: ecdsa(P384, ECDSA_SHA384),
    },
    Composite {
        arc: 47,
        label: "COMPSIG-MLDSA65-ECDSA-BP256-SHA512",
        ml_dsa: ML_DSA_65,
        hash: PreHash::Sha512,
        traditional: ecdsa(BRAINPOOL_P256, ECDSA_SHA256),
    },
    Composite {
        arc: 48,
        label: "COMPSIG-MLDSA65-Ed25519-SHA512",
        ml_dsa: ML_DSA_65,
        hash: PreHash::Sha512,
        traditional: Traditional::Ed25519,
    },
    Composite {
        arc: 49,
        label: "COMPSIG-MLDSA87-ECDSA-P384-SHA512",
        ml_dsa: ML_DSA_87,
        hash: PreHash::Sha512,
        traditional: ecdsa(P384, ECDSA_SHA384),
    },
    Composite {
        arc: 50,
        label: "COMPSIG-MLDSA87-ECDSA-BP384-SHA512",
        ml_dsa: ML_DSA_87,
        hash: PreHash::Sha512,
        traditional: ecdsa(BRAINPOOL_P384, ECDSA_SHA384),
    },
    Composite {
        arc: 51,
        label: "COMPSIG-MLDSA87-Ed448-SHAKE256",
        ml_dsa: ML_DSA_87,
        hash: PreHash::Shake256,
        traditional: Traditional::Ed448,
    },
    Composite {
        arc: 52,
        label: "COMPSIG-MLDSA87-RSA3072-PSS-SHA512",
        ml_dsa: ML_DSA_87,
        hash: PreHash::Sha512,
        traditional: Traditional::RsaPss { sha384: false },
    },
    Composite {
        arc: 53,
        label: "COMPSIG-MLDSA87-RSA4096-PSS-SHA512",
        ml_dsa: ML_DSA_87,
        hash: PreHash::Sha512,
        traditional: Traditional::RsaPss { sha384: true },
    },
    Composite {
        arc: 54,
        label: "COMPSIG-MLDSA87-ECDSA-P521-SHA512",
        ml_dsa: ML_DSA_87,
        hash: PreHash::Sha512,
        traditional: ecdsa(P521, ECDSA_SHA512),
    },
];

fn find(alg: &Oid) -> Option<&'static Composite> {
    let dotted = alg.to_string();
    let arc = dotted.strip_prefix(ARC)?.parse::<u32>().ok()?;
    ALGORITHMS.iter().find(|c| c.arc == arc)
}

/// Whether `alg` is one of the composite ML-DSA algorithms.
pub(crate) fn is_composite(alg: &Oid) -> bool {
    find(alg).is_some()
}

fn oid(dotted: &str) -> Result<Oid, VerifyError> {
    dotted
        .parse()
        .map_err(|_| VerifyError::UnsupportedAlgorithm(dotted.to_owned()))
}

fn identifier(
    dotted: &str,
    parameters: Option<Any>,
) -> Result<AlgorithmIdentifierOwned, VerifyError> {
    Ok(AlgorithmIdentifierOwned {
        oid: oid(dotted)?,
        parameters,
    })
}

/// RSASSA-PSS-params (RFC 4055 §3.1) for SHA-256 with a 32-byte salt or SHA-384 with 48, the
/// two §7.1 fixes.
fn pss_parameters(sha384: bool) -> Result<Any, VerifyError> {
    use der::Decode;
    let (hash, salt) = if sha384 { (0x02, 48) } else { (0x01, 32) };
    // AlgorithmIdentifier { id-sha256 or id-sha384, NULL }
    let hash_alg = [
        0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, hash, 0x05, 0x00,
    ];
    // SEQUENCE { [0] hashAlgorithm, [1] maskGenAlgorithm { id-mgf1, hash }, [2] saltLength }
    let mut der = vec![0x30, 0x34, 0xa0, 0x0f];
    der.extend_from_slice(&hash_alg);
    der.extend_from_slice(&[0xa1, 0x1c, 0x30, 0x1a, 0x06, 0x09]);
    der.extend_from_slice(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08]);
    der.extend_from_slice(&hash_alg);
    der.extend_from_slice(&[0xa2, 0x03, 0x02, 0x01, salt]);
    Any::from_der(&der).map_err(|e| VerifyError::UnsupportedAlgorithm(e.to_string()))
}

/// The algorithm identifier and SubjectPublicKeyInfo (DER) of the traditional half, from its
/// raw public key (§5.1: RSAPublicKey, an uncompressed point, or the EdDSA key bytes).
fn traditional_key(t: Traditional, key: &[u8]) -> Result<(Vec<u8>, Vec<u8>), VerifyError> {
    const RSA_KEY: &str = "1.2.840.113549.1.1.1";
    let (alg, key_alg) = match t {
        Traditional::RsaPss { sha384 } => (
            identifier("1.2.840.113549.1.1.10", Some(pss_parameters(sha384)?))?,
            identifier(RSA_KEY, Some(Any::null()))?,
        ),
        Traditional::RsaPkcs1(alg) => (
            identifier(alg, Some(Any::null()))?,
            identifier(RSA_KEY, Some(Any::null()))?,
        ),
        Traditional::Ecdsa { curve, algorithm } => (
            identifier(algorithm, None)?,
            identifier(
                "1.2.840.10045.2.1",
                Some(
                    Any::encode_from(&oid(curve)?)
                        .map_err(|e| VerifyError::UnusableKey(e.to_string()))?,
                ),
            )?,
        ),
        Traditional::Ed25519 => (
            identifier("1.3.101.112", None)?,
            identifier("1.3.101.112", None)?,
        ),
        Traditional::Ed448 => (
            identifier("1.3.101.113", None)?,
            identifier("1.3.101.113", None)?,
        ),
    };
    let spki = SubjectPublicKeyInfoOwned {
        algorithm: key_alg,
        subject_public_key: BitString::from_bytes(key)
            .map_err(|e| VerifyError::UnusableKey(e.to_string()))?,
    };
    let encode = |e: der::Error| VerifyError::UnusableKey(e.to_string());
    Ok((
        alg.to_der().map_err(encode)?,
        spki.to_der().map_err(encode)?,
    ))
}

/// Verifies a composite `signature` over `message` (with an empty application context, as in
/// certificates, CSRs and CRLs) by the holder of `spki`: §4.3's steps.
pub(crate) fn verify(
    message: &[u8],
    alg: &AlgorithmIdentifierOwned,
    signature: &[u8],
    spki: &SubjectPublicKeyInfoOwned,
) -> Result<(), VerifyError> {
    let composite =
        find(&alg.oid).ok_or_else(|| VerifyError::UnsupportedAlgorithm(alg.oid.to_string()))?;
    let name = crate::oid::composite(&alg.oid.to_string()).unwrap_or("composite ML-DSA");
    // §6: one OID names both the key and the signature, and neither has parameters.
    let key = super::pure_pq_key(alg, spki, "draft-ietf-lamps-pq-composite-sigs §6")?;
    // §5.1 and §5.3: the ML-DSA halves have fixed lengths; the traditional halves follow.
    let (ml_dsa_key, traditional_key_bytes) = split(key, composite.ml_dsa.key_len).ok_or_else(|| {
        VerifyError::UnusableKey(format!(
            "a {name} public key starts with a {}-byte ML-DSA key, and this one has {} bytes in all",
            composite.ml_dsa.key_len,
            key.len()
        ))
    })?;
    let (ml_dsa_signature, traditional_signature) =
        split(signature, composite.ml_dsa.signature_len).ok_or(VerifyError::BadSignature)?;
    // §2.2: M' = Prefix || Label || len(ctx) || ctx || PH(M), with ctx empty.
    let hash = match composite.hash {
        PreHash::Sha256 => Sha256::digest(message).to_vec(),
        PreHash::Sha512 => Sha512::digest(message).to_vec(),
        PreHash::Shake256 => {
            use sha3::digest::{ExtendableOutput, Update};
            let mut out = [0u8; 64];
            let mut h = sha3::Shake256::default();
            h.update(message);
            h.finalize_xof_into(&mut out);
            out.to_vec()
        }
    };
    let mut representative = Vec::new();
    representative.extend_from_slice(PREFIX);
    representative.extend_from_slice(composite.label.as_bytes());
    representative.push(0);
    representative.extend_from_slice(&hash);
    // §4.3 step 4: ML-DSA with the label as its context, then the traditional algorithm.
    super::ml_dsa::verify_raw(
        composite.ml_dsa.oid,
        ml_dsa_key,
        &representative,
        composite.label.as_bytes(),
        ml_dsa_signature,
    )?;
    let (alg_der, spki_der) = traditional_key(composite.traditional, traditional_key_bytes)?;
    match super::verify_encoded(&representative, &alg_der, traditional_signature, &spki_der) {
        Ok(()) => Ok(()),
        Err(VerifyError::UnusableKey(why) | VerifyError::UnsupportedAlgorithm(why)) => {
            // UnusableKey, not UnsupportedAlgorithm: the pqc module's `A…` answer means "not
            // mine" to services.js, which would then ask the verify module.
            Err(VerifyError::UnusableKey(format!(
                "{name}: its ML-DSA half verifies; its traditional half cannot be checked: {why}"
            )))
        }
        Err(e) => Err(e),
    }
}

fn split(bytes: &[u8], at: usize) -> Option<(&[u8], &[u8])> {
    (bytes.len() > at).then(|| bytes.split_at(at))
}
