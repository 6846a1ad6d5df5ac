//! The subject public key ([RFC 5280 §4.1.2.7]): algorithm, size and parameters.
//!
//! RSA keys per [RFC 3279 §2.3.1], EC keys per [RFC 5480 §2], EdDSA keys per [RFC 8410].
//!
//! [RFC 5280 §4.1.2.7]: https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.7
//! [RFC 3279 §2.3.1]: https://www.rfc-editor.org/rfc/rfc3279#section-2.3.1
//! [RFC 5480 §2]: https://www.rfc-editor.org/rfc/rfc5480#section-2
//! [RFC 8410]: https://www.rfc-editor.org/rfc/rfc8410

use const_oid::ObjectIdentifier;
use der::Decode;
use serde::Serialize;
use spki::SubjectPublicKeyInfoOwned;

use crate::oid;

/// A public key's kind and strength.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicKeyReport {
    /// `RSA`, `EC`, `Ed25519`, `Ed448`, `RSA-PSS`, `DSA` … or the dotted OID.
    pub algorithm: String,
    /// Dotted OID of the algorithm.
    pub oid: String,
    /// Key size in bits (RSA modulus, curve size), when known.
    pub bits: Option<u32>,
    /// RSA public exponent, when it is below 2^53 (so JavaScript holds it exactly).
    pub exponent: Option<u64>,
    /// Named curve of an EC key.
    pub curve: Option<String>,
    /// One phrase, e.g. "RSA 2048 bits" or "EC P-256".
    pub description: String,
}

/// The smallest RSA modulus browsers and the Baseline Requirements accept ([BR §6.1.5]).
///
/// [BR §6.1.5]: https://cabforum.org/working-groups/server/baseline-requirements/requirements/#615-key-sizes
pub(crate) const MIN_RSA_BITS: u32 = 2048;

/// The only curves browsers and the Baseline Requirements accept for ECDSA keys.
pub(crate) const ACCEPTED_CURVES: &[&str] = &["P-256", "P-384", "P-521"];

/// 2^53 − 1, the largest integer a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

const RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const RSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
const EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const ED448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.113");

pub(crate) fn report(spki: &SubjectPublicKeyInfoOwned) -> PublicKeyReport {
    let alg = &spki.algorithm.oid;
    let algorithm = oid::name_or_dotted(oid::KEY_ALGORITHMS, alg);
    let mut bits = None;
    let mut exponent = None;
    let mut curve = None;
    let key_bytes = spki.subject_public_key.raw_bytes();
    if *alg == RSA || *alg == RSA_PSS {
        if let Ok(key) = pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(key_bytes) {
            bits = Some(bit_length(key.modulus.as_bytes()));
            let e = key.public_exponent.as_bytes();
            if e.len() <= 8 {
                let value = e.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
                // Only values JavaScript numbers hold exactly (every real key's exponent).
                exponent = (value <= MAX_SAFE_INTEGER).then_some(value);
            }
        }
    } else if *alg == EC {
        let named = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
        if let Some(named) = named {
            match oid::CURVES.iter().find(|(o, _, _)| *o == named) {
                Some((_, name, size)) => {
                    curve = Some((*name).to_owned());
                    bits = Some(*size);
                }
                None => curve = Some(oid::name_or_dotted(&[], &named)),
            }
        }
    } else if *alg == ED25519 {
        bits = Some(256);
    } else if *alg == ED448 {
        bits = Some(456);
    }
    let dotted = alg.to_string();
    let description = match (&curve, bits) {
        (Some(c), _) => format!("{algorithm} {c}"),
        (None, Some(b)) if *alg == RSA || *alg == RSA_PSS => format!("{algorithm} {b} bits"),
        _ => match pqc_kind(&dotted) {
            Some(kind) => format!("{algorithm} ({kind})"),
            None => algorithm.clone(),
        },
    };
    PublicKeyReport {
        algorithm,
        oid: alg.to_string(),
        bits,
        exponent,
        curve,
        description,
    }
}

/// What a post-quantum key is, for the algorithms NIST standardised in 2024: ML-KEM (FIPS
/// 203), ML-DSA (FIPS 204) and SLH-DSA (FIPS 205), under `2.16.840.1.101.3.4.{3,4}`, and the
/// composite ML-DSA keys of draft-ietf-lamps-pq-composite-sigs.
pub(crate) fn pqc_kind(dotted: &str) -> Option<&'static str> {
    if crate::oid::composite(dotted).is_some() {
        return Some("composite key: an ML-DSA key and a classical one, both must sign");
    }
    let arc = |prefix: &str| {
        dotted
            .strip_prefix(prefix)
            .and_then(|n| n.parse::<u32>().ok())
    };
    match (arc("2.16.840.1.101.3.4.3."), arc("2.16.840.1.101.3.4.4.")) {
        (Some(17..=19), _) => Some("post-quantum signature key, FIPS 204"),
        (Some(20..=31), _) => Some("post-quantum hash-based signature key, FIPS 205"),
        (_, Some(1..=3)) => Some("post-quantum key encapsulation key, FIPS 203"),
        _ => None,
    }
}

/// Bit length of a big-endian unsigned integer.
pub(crate) fn bit_length(bytes: &[u8]) -> u32 {
    let significant = bytes.iter().skip_while(|b| **b == 0);
    let mut len = 0u32;
    for (i, b) in significant.enumerate() {
        if i == 0 {
            len = 8u32.saturating_sub(b.leading_zeros());
        } else {
            len = len.saturating_add(8);
        }
    }
    len
}

#[cfg(test)]
mod tests {
    #[test]
    fn bit_length_ignores_leading_zero_bytes_and_bits() {
        assert_eq!(super::bit_length(&[0x00, 0x80, 0x00]), 16);
        assert_eq!(super::bit_length(&[0x01, 0xff]), 9);
        assert_eq!(super::bit_length(&[]), 0);
    }
}
