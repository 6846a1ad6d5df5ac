//! The CA signature of an OpenSSH certificate, checked by certscope's own verifiers
//! ([`crate::signature`]): the CA key becomes a SubjectPublicKeyInfo and the signature its
//! X.509 form (RFC 8332 RSA with SHA-2, RFC 5656 ECDSA, RFC 8709 Ed25519).

use der::asn1::{BitString, UintRef};
use der::{Decode, Encode};
use spki::{AlgorithmIdentifierOwned, ObjectIdentifier, SubjectPublicKeyInfoOwned};
use ssh_key::public::KeyData;
use ssh_key::Certificate;

const RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// Whether the CA's signature over `line`'s certificate matches; `None` when it could not be
/// checked (no verifier at hand, an algorithm certscope does not verify).
pub(super) fn check(line: &str, cert: &Certificate) -> Option<bool> {
    let message = signed_part(line, cert)?;
    let spki = spki(cert.signature_key())?;
    let (alg, signature) = x509_signature(cert)?;
    match crate::signature::verify(&message, &alg, &signature, &spki) {
        Ok(()) => Some(true),
        Err(crate::signature::VerifyError::BadSignature) => Some(false),
        Err(_) => None,
    }
}

/// The certificate's bytes without its final signature field: what the CA signed.
fn signed_part(line: &str, cert: &Certificate) -> Option<Vec<u8>> {
    use ssh_key::encoding::Encode as _;
    let blob = super::text::base64(line.split(' ').nth(1)?)?;
    let signature = cert.signature().encoded_len().ok()?.checked_add(4)?;
    let cut = blob.len().checked_sub(signature)?;
    Some(blob.get(..cut)?.to_vec())
}

fn spki(key: &KeyData) -> Option<SubjectPublicKeyInfoOwned> {
    let (oid, parameters, bits) = match key {
        KeyData::Ed25519(k) => (ED25519, None, k.0.to_vec()),
        KeyData::Rsa(k) => {
            let n = UintRef::new(k.n().as_positive_bytes()?).ok()?;
            let e = UintRef::new(k.e().as_positive_bytes()?).ok()?;
            let rsa = pkcs1::RsaPublicKey {
                modulus: n,
                public_exponent: e,
            };
            (RSA, Some(der::Any::null()), rsa.to_der().ok()?)
        }
        KeyData::Ecdsa(k) => {
            let curve = match k.curve().as_str() {
                "nistp256" => "1.2.840.10045.3.1.7",
                "nistp384" => "1.3.132.0.34",
                "nistp521" => "1.3.132.0.35",
                _ => return None,
            };
            let curve = ObjectIdentifier::new(curve).ok()?;
            (EC, Some(der::Any::from(&curve)), k.as_sec1_bytes().to_vec())
        }
        _ => return None,
    };
    Some(SubjectPublicKeyInfoOwned {
        algorithm: AlgorithmIdentifierOwned { oid, parameters },
        subject_public_key: BitString::from_bytes(&bits).ok()?,
    })
}

/// The signature algorithm and value in their X.509 forms.
fn x509_signature(cert: &Certificate) -> Option<(AlgorithmIdentifierOwned, Vec<u8>)> {
    let signature = cert.signature();
    let raw = signature.as_bytes();
    let (oid, null, value) = match signature.algorithm().as_str() {
        "ssh-ed25519" => ("1.3.101.112", false, raw.to_vec()),
        "rsa-sha2-256" => ("1.2.840.113549.1.1.11", true, raw.to_vec()),
        "rsa-sha2-512" => ("1.2.840.113549.1.1.13", true, raw.to_vec()),
        "ssh-rsa" => ("1.2.840.113549.1.1.5", true, raw.to_vec()),
        "ecdsa-sha2-nistp256" => ("1.2.840.10045.4.3.2", false, ecdsa_der(raw)?),
        "ecdsa-sha2-nistp384" => ("1.2.840.10045.4.3.3", false, ecdsa_der(raw)?),
        "ecdsa-sha2-nistp521" => ("1.2.840.10045.4.3.4", false, ecdsa_der(raw)?),
        _ => return None,
    };
    let alg = AlgorithmIdentifierOwned {
        oid: ObjectIdentifier::new(oid).ok()?,
        parameters: null.then(der::Any::null),
    };
    Some((alg, value))
}

/// RFC 5656 §3.1.2's `mpint r, mpint s` as an X.509 ECDSA-Sig-Value (RFC 5480 §2.2.3).
fn ecdsa_der(blob: &[u8]) -> Option<Vec<u8>> {
    let mut rest = blob;
    let mut mpint = || -> Option<&[u8]> {
        let (len, tail) = rest.split_first_chunk::<4>()?;
        let len = usize::try_from(u32::from_be_bytes(*len)).ok()?;
        let (value, tail) = tail.split_at_checked(len)?;
        rest = tail;
        Some(value)
    };
    let (r, s) = (mpint()?, mpint()?);
    let mut body = UintRef::new(r).ok()?.to_der().ok()?;
    body.extend(UintRef::new(s).ok()?.to_der().ok()?);
    let header = der::Header::new(der::Tag::Sequence, der::Length::try_from(body.len()).ok()?);
    let mut out = header.to_der().ok()?;
    out.extend(body);
    // Well-formed by construction; decoded once more so a surprise is a None, not a panic.
    der::asn1::AnyRef::from_der(&out).ok()?;
    Some(out)
}
