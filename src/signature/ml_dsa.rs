//! ML-DSA signatures ([FIPS 204]) as certificates, CSRs and CRLs carry them ([RFC 9881]): the
//! pure form with an empty context string, the same OID naming the key and the signature, and
//! no parameters. Verified with RustCrypto's `ml-dsa`. Its own feature (`pqc`) and WebAssembly
//! module, so that only inputs signed with ML-DSA pay for it.
//!
//! [FIPS 204]: https://doi.org/10.6028/NIST.FIPS.204
//! [RFC 9881]: https://www.rfc-editor.org/rfc/rfc9881

use const_oid::ObjectIdentifier as Oid;
use ml_dsa::{
    EncodedSignature, EncodedVerifyingKey, MlDsa44, MlDsa65, MlDsa87, MlDsaParams, Signature,
    VerifyingKey,
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
    if spki.algorithm.oid != alg.oid {
        return Err(VerifyError::KeyMismatch);
    }
    // RFC 9881 §2 and §4: the parameters MUST be absent.
    if alg.parameters.is_some() || spki.algorithm.parameters.is_some() {
        return Err(VerifyError::UnusableKey(
            "ML-DSA algorithm identifiers must have no parameters (RFC 9881 §2)".into(),
        ));
    }
    let key = spki.subject_public_key.raw_bytes();
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

/// The pqc module's export: DER in, a [`VerifyError::code`] out (`A…` for an algorithm that
/// is not ML-DSA, so that the verify module is asked instead).
pub fn verify_der(message: &[u8], alg: &[u8], signature: &[u8], spki: &[u8]) -> String {
    use der::Decode;
    let result = match (
        AlgorithmIdentifierOwned::from_der(alg),
        SubjectPublicKeyInfoOwned::from_der(spki),
    ) {
        (Ok(alg), Ok(spki)) if is_ml_dsa(&alg.oid) => verify(message, &alg, signature, &spki),
        (Ok(alg), Ok(_)) => Err(VerifyError::UnsupportedAlgorithm(alg.oid.to_string())),
        (Err(e), _) | (_, Err(e)) => Err(VerifyError::UnusableKey(e.to_string())),
    };
    VerifyError::code(&result)
}
