//! SLH-DSA signatures ([FIPS 205]) as certificates, CSRs and CRLs carry them
//! ([draft-ietf-lamps-x509-slhdsa], RFC 9909): the pure form with an empty context string, one
//! OID per parameter set naming both the key and the signature, no parameters. Verified with
//! RustCrypto's `slh-dsa`, in the `pqc` feature and module beside ML-DSA.
//!
//! [FIPS 205]: https://doi.org/10.6028/NIST.FIPS.205
//! [draft-ietf-lamps-x509-slhdsa]: https://datatracker.ietf.org/doc/draft-ietf-lamps-x509-slhdsa/

use const_oid::ObjectIdentifier as Oid;
use slh_dsa::{ParameterSet, Signature, VerifyingKey};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use super::VerifyError;

/// Runs `$f::<P>` for the parameter set whose OID is `$oid`, or evaluates `$none`.
macro_rules! by_parameter_set {
    ($oid:expr, $f:ident ( $($arg:expr),* ), $none:expr) => {{
        use slh_dsa::{
            Sha2_128f, Sha2_128s, Sha2_192f, Sha2_192s, Sha2_256f, Sha2_256s, Shake128f,
            Shake128s, Shake192f, Shake192s, Shake256f, Shake256s,
        };
        let oid = $oid;
        if oid == Sha2_128s::ALGORITHM_OID { $f::<Sha2_128s>($($arg),*) }
        else if oid == Sha2_128f::ALGORITHM_OID { $f::<Sha2_128f>($($arg),*) }
        else if oid == Sha2_192s::ALGORITHM_OID { $f::<Sha2_192s>($($arg),*) }
        else if oid == Sha2_192f::ALGORITHM_OID { $f::<Sha2_192f>($($arg),*) }
        else if oid == Sha2_256s::ALGORITHM_OID { $f::<Sha2_256s>($($arg),*) }
        else if oid == Sha2_256f::ALGORITHM_OID { $f::<Sha2_256f>($($arg),*) }
        else if oid == Shake128s::ALGORITHM_OID { $f::<Shake128s>($($arg),*) }
        else if oid == Shake128f::ALGORITHM_OID { $f::<Shake128f>($($arg),*) }
        else if oid == Shake192s::ALGORITHM_OID { $f::<Shake192s>($($arg),*) }
        else if oid == Shake192f::ALGORITHM_OID { $f::<Shake192f>($($arg),*) }
        else if oid == Shake256s::ALGORITHM_OID { $f::<Shake256s>($($arg),*) }
        else if oid == Shake256f::ALGORITHM_OID { $f::<Shake256f>($($arg),*) }
        else { $none }
    }};
}

/// Whether `alg` is one of the twelve SLH-DSA parameter sets.
pub(crate) fn is_slh_dsa(alg: &Oid) -> bool {
    super::SLH_DSA.contains(&alg.to_string().as_str())
}

/// Verifies an SLH-DSA `signature` over `message` by the holder of `spki`.
pub(crate) fn verify(
    message: &[u8],
    alg: &AlgorithmIdentifierOwned,
    signature: &[u8],
    spki: &SubjectPublicKeyInfoOwned,
) -> Result<(), VerifyError> {
    let key = super::pure_pq_key(alg, spki, "draft-ietf-lamps-x509-slhdsa §3")?;
    by_parameter_set!(
        alg.oid,
        check(key, message, signature),
        Err(VerifyError::UnsupportedAlgorithm(alg.oid.to_string()))
    )
}

fn check<P: ParameterSet>(key: &[u8], message: &[u8], signature: &[u8]) -> Result<(), VerifyError> {
    let key = VerifyingKey::<P>::try_from(key).map_err(|_| {
        VerifyError::UnusableKey(format!(
            "an {} public key is {} bytes, not {}",
            P::NAME,
            key_len::<P>(),
            key.len()
        ))
    })?;
    let signature = Signature::<P>::try_from(signature).map_err(|_| VerifyError::BadSignature)?;
    key.try_verify_with_context(message, &[], &signature)
        .map_err(|_| VerifyError::BadSignature)
}

/// A public key's length: 2n bytes, n the security parameter (FIPS 205 §11, Table 2).
fn key_len<P: ParameterSet>() -> usize {
    match P::NAME {
        n if n.contains("128") => 32,
        n if n.contains("192") => 48,
        _ => 64,
    }
}
