//! Fingerprints of the certificate and the SPKI pin.

use base64ct::Encoding;
use serde::Serialize;
use sha1::Sha1;
use sha2::{Digest, Sha256};

use crate::hex;

/// Hashes that identify a certificate and its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fingerprints {
    /// SHA-256 of the certificate's DER, `AB:CD:…` as `openssl x509 -fingerprint -sha256`.
    pub sha256: String,
    /// SHA-1 of the DER (what older tools and Windows show as "thumbprint").
    pub sha1: String,
    /// Base64 SHA-256 of the DER SubjectPublicKeyInfo: the `pin-sha256` value of
    /// [RFC 7469 §2.4] and what most pinning libraries compare.
    ///
    /// [RFC 7469 §2.4]: https://www.rfc-editor.org/rfc/rfc7469#section-2.4
    pub spki_sha256: String,
}

pub(crate) fn report(der: &[u8], spki_der: &[u8]) -> Fingerprints {
    Fingerprints {
        sha256: sha256_colon(der),
        sha1: hex::colon(&Sha1::digest(der)),
        spki_sha256: spki_pin(spki_der),
    }
}

/// The `pin-sha256` of a DER SubjectPublicKeyInfo: base64 of its SHA-256 ([RFC 7469 §2.4]).
///
/// [RFC 7469 §2.4]: https://www.rfc-editor.org/rfc/rfc7469#section-2.4
pub(crate) fn spki_pin(spki_der: &[u8]) -> String {
    base64ct::Base64::encode_string(&Sha256::digest(spki_der))
}

pub(crate) fn sha256_colon(der: &[u8]) -> String {
    hex::colon(&Sha256::digest(der))
}
