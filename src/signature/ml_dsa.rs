//! ML-DSA signatures ([FIPS 204]) as certificates, CSRs and CRLs carry them ([RFC 9881]): the
//! pure form with an empty context string, the same OID naming the key and the signature, and
//! no parameters. Verified with RustCrypto's `ml-dsa`. Its own feature (`pqc`) and WebAssembly
//! module, so that only inputs signed with ML-DSA pay for it.
//!
//! [FIPS 204]: https://doi.org/10.6028/NIST.FIPS.204
//! [RFC 9881]: https://www.rfc-editor.org/rfc/rfc9881

use const_oid::ObjectIdentifier as Oid;
use ml_dsa::signature::Keypair;
use ml_dsa::{
    EncodedSignature, EncodedVerifyingKey, ExpandedSigningKey, MlDsa44, MlDsa65, MlDsa87,
    MlDsaParams, Seed, Signature, SigningKey, VerifyingKey,
};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use super::VerifyError;

const ML_DSA_44: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.3.17");
const ML_DSA_65: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.3.18");
const ML_DSA_87: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.3.19");

/// Whether `alg` is one of the three ML-DSA parameter sets.
pub(crate) fn is_ml_dsa(alg: &Oid) -> bool {
    [ML_DSA_44, ML_DSA_65, ML_DSA_87].contains(alg)
}

/// Verifies an ML-DSA `signature` over `message` by the holder of `spki`.
pub(crate) fn verify(
    message: &[u8],
    alg: &AlgorithmIdentifierOwned,
    signature: &[u8],
    spki: &SubjectPublicKeyInfoOwned,
) -> Result<(), VerifyError> {
    let key = super::pure_pq_key(alg, spki, "RFC 9881 §2")?;
    match alg.oid {
        ML_DSA_44 => check::<MlDsa44>("ML-DSA-44", key, message, signature),
        ML_DSA_65 => check::<MlDsa65>("ML-DSA-65", key, message, signature),
        ML_DSA_87 => check::<MlDsa87>("ML-DSA-87", key, message, signature),
        _ => Err(VerifyError::UnsupportedAlgorithm(alg.oid.to_string())),
    }
}

fn check<P: MlDsaParams>(
    name: &str,
    key: &[u8],
    message: &[u8],
    signature: &[u8],
) -> Result<(), VerifyError> {
    let encoded = EncodedVerifyingKey::<P>::try_from(key).map_err(|_| {
        VerifyError::UnusableKey(format!(
            "an {name} public key is {} bytes, not {}",
            EncodedVerifyingKey::<P>::default().len(),
            key.len()
        ))
    })?;
    let key = VerifyingKey::<P>::decode(&encoded);
    let signature = EncodedSignature::<P>::try_from(signature)
        .ok()
        .and_then(|s| Signature::<P>::decode(&s))
        .ok_or(VerifyError::BadSignature)?;
    if key.verify_with_context(message, &[], &signature) {
        Ok(())
    } else {
        Err(VerifyError::BadSignature)
    }
}

/// The public key of an ML-DSA private key (the `privateKey` octets of its PKCS#8), in any of
/// the forms of RFC 9881 §6 that carry the seed: `seed [0] IMPLICIT OCTET STRING (32)` or `both
/// SEQUENCE { seed, expandedKey }` (whose halves must agree); `expandedKey` alone is refused.
pub(crate) fn public_from_private(alg: &Oid, key: &[u8]) -> Result<Vec<u8>, String> {
    match *alg {
        ML_DSA_44 => public::<MlDsa44>(key),
        ML_DSA_65 => public::<MlDsa65>(key),
        ML_DSA_87 => public::<MlDsa87>(key),
        _ => Err(format!("{alg} is not ML-DSA")),
    }
}

fn public<P: MlDsaParams>(key: &[u8]) -> Result<Vec<u8>, String> {
    use der::{Decode, Reader, SliceReader, Tag, TagNumber};
    let from_seed = |seed: &[u8]| -> Result<Seed, String> {
        Seed::try_from(seed).map_err(|_| format!("an ML-DSA seed is 32 bytes, not {}", seed.len()))
    };
    let mut r = SliceReader::new(key).map_err(|e| e.to_string())?;
    let header = der::Header::decode(&mut r).map_err(|e| e.to_string())?;
    let body = r.read_slice(header.length()).map_err(|e| e.to_string())?;
    let seed = match header.tag() {
        Tag::ContextSpecific {
            number: TagNumber(0),
            constructed: false,
        } => from_seed(body)?,
        // Decoding an expanded key is not safe on untrusted input (the crate may panic on a
        // malformed one), so only its seed is used.
        Tag::OctetString => {
            return Err("an ML-DSA key stored only in its expanded form: certscope derives the public half from a seed (RFC 9881 §6 recommends keeping it), so this key is not matched".into())
        }
        Tag::Sequence => {
            let mut both = SliceReader::new(body).map_err(|e| e.to_string())?;
            let seed = <&der::asn1::OctetStringRef>::decode(&mut both).map_err(|e| e.to_string())?;
            let expanded =
                <&der::asn1::OctetStringRef>::decode(&mut both).map_err(|e| e.to_string())?;
            let seed = from_seed(seed.as_bytes())?;
            // The expanded form regenerated from the seed must be the one stored. (Encoding is
            // deprecated only to steer callers to seeds; here it checks a stored copy.)
            #[allow(deprecated)]
            let regenerated = ExpandedSigningKey::<P>::from_seed(&seed).to_expanded();
            if regenerated.as_slice() != expanded.as_bytes() {
                return Err("the key's seed and expanded form do not belong together (RFC 9881 §6 asks to refuse such a key)".into());
            }
            seed
        }
        other => {
            return Err(format!(
                "not an ML-DSA private key (a {other} where RFC 9881 §6 has seed, expandedKey or both)"
            ))
        }
    };
    Ok(SigningKey::<P>::from_seed(&seed)
        .verifying_key()
        .encode()
        .to_vec())
}

/// The pqc module's other export: the public key of an ML-DSA private key (`alg` dotted).
pub fn public_der(alg: &str, key: &[u8]) -> Result<Vec<u8>, String> {
    let alg = alg.parse::<Oid>().map_err(|e| e.to_string())?;
    public_from_private(&alg, key)
}

/// The pqc module's export: DER in, a [`VerifyError::code`] out (`A…` for an algorithm that
/// is not ML-DSA, so that the verify module is asked instead).
pub fn verify_der(message: &[u8], alg: &[u8], signature: &[u8], spki: &[u8]) -> String {
    use der::Decode;
    let result = match (
        AlgorithmIdentifierOwned::from_der(alg),
        SubjectPublicKeyInfoOwned::from_der(spki),
    ) {
        (Ok(alg), Ok(spki)) if is_ml_dsa(&alg.oid) => verify(message, &alg, signature, &spki),
        (Ok(alg), Ok(spki)) if super::slh_dsa::is_slh_dsa(&alg.oid) => {
            super::slh_dsa::verify(message, &alg, signature, &spki)
        }
        (Ok(alg), Ok(_)) => Err(VerifyError::UnsupportedAlgorithm(alg.oid.to_string())),
        (Err(e), _) | (_, Err(e)) => Err(VerifyError::UnusableKey(e.to_string())),
    };
    VerifyError::code(&result)
}
