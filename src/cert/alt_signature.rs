//! Alternative signatures ([ITU-T X.509 (10/2019)] §7.2.2 and §9.8): a certificate signed twice,
//! the usual way and again with a second algorithm (typically post-quantum) whose key and
//! algorithm travel in extensions, so that old verifiers see an ordinary certificate and new
//! ones can check both. The subject's second key is `subjectAltPublicKeyInfo` (2.5.29.72), the
//! issuer's algorithm `altSignatureAlgorithm` (2.5.29.73) and its signature `altSignatureValue`
//! (2.5.29.74), made over the PreTBSCertificate: the TBSCertificate without its `signature`
//! field and without the `altSignatureValue` extension.
//!
//! [ITU-T X.509 (10/2019)]: https://www.itu.int/rec/T-REC-X.509-201910-I

use const_oid::ObjectIdentifier as Oid;
use der::Decode;
use serde::Serialize;
use x509_cert::Certificate;

use crate::signature::{self, VerifyError};

pub(crate) const ALT_PUBLIC_KEY: Oid = Oid::new_unwrap("2.5.29.72");
pub(crate) const ALT_ALGORITHM: Oid = Oid::new_unwrap("2.5.29.73");
pub(crate) const ALT_VALUE: Oid = Oid::new_unwrap("2.5.29.74");

/// What became of a certificate's alternative signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AltSignatureStatus {
    /// It verifies with the alternative key of the certificate named by `issuer`.
    Verified,
    /// It does not verify with the alternative key of any pasted certificate of its issuer.
    Invalid,
    /// No pasted certificate of its issuer (nor itself, when self-issued) has an alternative key.
    NoIssuerKey,
    /// Its algorithm, or the issuer's alternative key, is one certscope does not check.
    Unsupported,
    /// Not checked yet: no verifier is loaded.
    Unchecked,
}

/// A certificate's alternative signature and its check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AltSignatureReport {
    /// Its algorithm's name (from `altSignatureAlgorithm`), e.g. "ML-DSA-65".
    pub algorithm: String,
    /// Dotted OID of the algorithm.
    pub oid: String,
    /// The outcome.
    pub status: AltSignatureStatus,
    /// Index of the certificate whose alternative key verifies it (its own, when self-signed).
    pub issuer: Option<usize>,
    /// The outcome in words.
    pub detail: String,
}

/// The three alternative-signature parts of a certificate's extensions, as DER: the
/// algorithm identifier and the signature's bits.
struct Parts {
    algorithm: Vec<u8>,
    oid: Oid,
    signature: Vec<u8>,
}

fn extension<'a>(cert: &'a Certificate, id: &Oid) -> Option<&'a [u8]> {
    cert.tbs_certificate()
        .extensions()?
        .iter()
        .find(|e| e.extn_id == *id)
        .map(|e| e.extn_value.as_bytes())
}

fn parts(cert: &Certificate) -> Option<Result<Parts, String>> {
    let value = extension(cert, &ALT_VALUE)?;
    Some((|| {
        let algorithm = extension(cert, &ALT_ALGORITHM).ok_or(
            "altSignatureValue without the altSignatureAlgorithm that says how to read it",
        )?;
        let oid = spki::AlgorithmIdentifierOwned::from_der(algorithm)
            .map_err(|e| format!("altSignatureAlgorithm: {e}"))?
            .oid;
        let signature =
            der::asn1::BitString::from_der(value).map_err(|e| format!("altSignatureValue: {e}"))?;
        let signature = signature
            .as_bytes()
            .ok_or("altSignatureValue is not a whole number of bytes")?
            .to_vec();
        Ok(Parts {
            algorithm: algorithm.to_vec(),
            oid,
            signature,
        })
    })())
}

/// The subject's alternative public key (SubjectPublicKeyInfo DER), if it has one.
pub(crate) fn public_key(cert: &Certificate) -> Option<&[u8]> {
    extension(cert, &ALT_PUBLIC_KEY)
}

/// Checks the alternative signature of `cert` (`der` its encoding) against the alternative
/// keys of `issuers`: (index, certificate) of every pasted certificate whose subject is its
/// issuer, itself included when self-issued. `None` when it has no alternative signature.
pub(crate) fn check<'a>(
    cert: &Certificate,
    der: &[u8],
    issuers: impl Iterator<Item = (usize, &'a Certificate)>,
) -> Option<AltSignatureReport> {
    let parts = match parts(cert)? {
        Ok(p) => p,
        Err(why) => {
            return Some(AltSignatureReport {
                algorithm: String::new(),
                oid: String::new(),
                status: AltSignatureStatus::Invalid,
                issuer: None,
                detail: why,
            })
        }
    };
    let name = crate::oid::name_or_dotted(crate::oid::SIGNATURES, &parts.oid);
    let report = |status, issuer, detail: String| AltSignatureReport {
        algorithm: name.clone(),
        oid: parts.oid.to_string(),
        status,
        issuer,
        detail,
    };
    // The issuers' alternative keys first: without one there is nothing to rebuild or check.
    let keys: Vec<(usize, &[u8])> = issuers
        .filter_map(|(index, issuer)| Some((index, public_key(issuer)?)))
        .collect();
    if keys.is_empty() {
        return Some(report(
            AltSignatureStatus::NoIssuerKey,
            None,
            "no pasted certificate of its issuer carries an alternative public key to check it with"
                .into(),
        ));
    }
    let Some(message) = pre_tbs(der) else {
        return Some(report(
            AltSignatureStatus::Invalid,
            None,
            "the TBSCertificate cannot be read to rebuild the PreTBSCertificate".into(),
        ));
    };
    let mut outcome: Option<(AltSignatureStatus, String)> = None;
    for (index, key) in keys {
        match signature::verify_encoded(&message, &parts.algorithm, &parts.signature, key) {
            Ok(()) => {
                return Some(report(
                    AltSignatureStatus::Verified,
                    Some(index),
                    format!(
                        "verifies with the alternative key of certificate #{}",
                        index.saturating_add(1)
                    ),
                ))
            }
            Err(VerifyError::BadSignature | VerifyError::KeyMismatch) => {
                outcome = Some((
                    AltSignatureStatus::Invalid,
                    format!(
                        "does not verify with the alternative key of certificate #{}",
                        index.saturating_add(1)
                    ),
                ));
            }
            Err(VerifyError::Unavailable) => {
                outcome.get_or_insert((
                    AltSignatureStatus::Unchecked,
                    "not checked: no verifier is loaded".into(),
                ));
            }
            Err(e) => {
                outcome.get_or_insert((AltSignatureStatus::Unsupported, e.to_string()));
            }
        }
    }
    // Every key gave an outcome (or verified and returned).
    let (status, detail) = outcome.unwrap_or((AltSignatureStatus::Unchecked, String::new()));
    Some(report(status, None, detail))
}

/// The PreTBSCertificate (X.509 (10/2019) §7.2.2) of a certificate's DER: its TBSCertificate
/// without the `signature` field and the `altSignatureValue` extension.
fn pre_tbs(der: &[u8]) -> Option<Vec<u8>> {
    super::tbs::without(der, &ALT_VALUE, true).map(|r| r.tbs)
}
