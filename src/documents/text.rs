//! What the document readers share: base64 that tolerates the whitespace documents wrap it in,
//! and the certificate facts a document's findings need (locations: `crate::position`).

// The ssh capability uses only the base64 reader; the rest is the documents'.
#![cfg_attr(not(feature = "documents"), allow(dead_code))]

use base64::Engine as _;

/// Standard base64 (RFC 4648 §4) with any whitespace inside, as XML and JSON writers wrap it.
pub(super) fn base64(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact)
        .ok()
}

/// base64url without padding (RFC 7515 §2), as JWK members are written; padding is tolerated.
pub(super) fn base64url(text: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .ok()
}

/// base64url without padding of `bytes`.
pub(super) fn to_base64url(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The facts about a certificate that a document's findings use, from its DER.
#[derive(Debug, Clone)]
pub(super) struct CertFacts {
    /// The subject's common name.
    pub(super) subject: String,
    pub(super) not_after: u64,
    /// subjectPublicKeyInfo, DER.
    pub(super) spki: Vec<u8>,
}

pub(super) fn cert_facts(der: &[u8]) -> Option<CertFacts> {
    use der::{Decode, Encode};
    let cert = x509_cert::Certificate::from_der(der).ok()?;
    let tbs = cert.tbs_certificate();
    // The common name read by hand: Name's Display links const-oid's whole name database.
    let common_name = tbs
        .subject()
        .iter()
        .find(|atv| atv.oid == const_oid::db::rfc4519::CN)
        .map(|atv| String::from_utf8_lossy(atv.value.value()).into_owned());
    Some(CertFacts {
        subject: common_name.unwrap_or_else(|| "(no common name)".to_owned()),
        not_after: tbs.validity().not_after.to_unix_duration().as_secs(),
        spki: tbs.subject_public_key_info().to_der().ok()?,
    })
}

/// "in 12 days" / "12 days ago" between `at` and `when` (Unix seconds).
pub(super) fn days_from(at: u64, when: u64) -> String {
    let day = 86_400;
    if when >= at {
        format!("in {} days", when.saturating_sub(at) / day)
    } else {
        format!("{} days ago", at.saturating_sub(when) / day)
    }
}
