//! DSA signatures ([FIPS 186-4], [RFC 3279 §2.2.2] with SHA-1, [RFC 5758 §3.1] with SHA-224
//! and SHA-256), verified with RustCrypto's `dsa`. Only the `rfc5280` verdict accepts them:
//! browsers removed DSA, and TLS 1.3 has no DSA signature scheme.
//!
//! [FIPS 186-4]: https://nvlpubs.nist.gov/nistpubs/FIPS/NIST.FIPS.186-4.pdf
//! [RFC 3279 §2.2.2]: https://www.rfc-editor.org/rfc/rfc3279#section-2.2.2
//! [RFC 5758 §3.1]: https://www.rfc-editor.org/rfc/rfc5758#section-3.1

use const_oid::ObjectIdentifier as Oid;
use der::asn1::UintRef;
use der::Decode;
use dsa::signature::hazmat::PrehashVerifier;
use dsa::{BoxedUint, Components, Signature, VerifyingKey};
use sha2::Digest;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use super::VerifyError;

/// id-dsa ([RFC 3279 §2.3.2]).
///
/// [RFC 3279 §2.3.2]: https://www.rfc-editor.org/rfc/rfc3279#section-2.3.2
pub(crate) const DSA_KEY: Oid = Oid::new_unwrap("1.2.840.10040.4.1");
const DSA_SHA1: Oid = Oid::new_unwrap("1.2.840.10040.4.3");
const DSA_SHA224: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.3.1");
const DSA_SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.3.2");

/// Whether `oid` is a DSA signature algorithm.
pub(crate) fn is_dsa(oid: &Oid) -> bool {
    [DSA_SHA1, DSA_SHA224, DSA_SHA256].contains(oid)
}

/// Verifies a DSA `signature` (DER `Dss-Sig-Value`) over `message` by the holder of `spki`,
/// whose domain parameters must be present (a certificate that inherits them from its issuer,
/// RFC 3279 §2.3.2, has them filled in by the caller).
pub(crate) fn verify(
    message: &[u8],
    alg: &AlgorithmIdentifierOwned,
    signature: &[u8],
    spki: &SubjectPublicKeyInfoOwned,
) -> Result<(), VerifyError> {
    if spki.algorithm.oid != DSA_KEY {
        return Err(VerifyError::KeyMismatch);
    }
    let hash = match alg.oid {
        DSA_SHA1 => sha1::Sha1::digest(message).to_vec(),
        DSA_SHA224 => sha2::Sha224::digest(message).to_vec(),
        DSA_SHA256 => sha2::Sha256::digest(message).to_vec(),
        other => return Err(VerifyError::UnsupportedAlgorithm(other.to_string())),
    };
    let params = spki.algorithm.parameters.as_ref().ok_or_else(|| {
        VerifyError::UnusableKey(
            "DSA key without domain parameters, and none to inherit from its issuer (RFC 3279 §2.3.2)"
                .into(),
        )
    })?;
    let components: Components = params.decode_as().map_err(|_| {
        VerifyError::UnusableKey(
            "DSA domain parameters that are not 1024/160, 2048/224, 2048/256 or 3072/256 bits"
                .into(),
        )
    })?;
    let y = UintRef::from_der(spki.subject_public_key.raw_bytes())
        .map_err(|e| VerifyError::UnusableKey(format!("DSA public key: {e}")))?;
    let y = BoxedUint::from_be_slice_vartime(y.as_bytes());
    let key = VerifyingKey::from_components(components, y)
        .map_err(|_| VerifyError::UnusableKey("not a valid DSA public key".into()))?;
    let signature = Signature::try_from(signature).map_err(|_| VerifyError::BadSignature)?;
    key.verify_prehash(&hash, &signature)
        .map_err(|_| VerifyError::BadSignature)
}
