//! A quick listing: the identifying fields of every certificate in the input, without
//! analysis — what `openssl x509 -noout -subject -issuer -serial -dates -fingerprint` prints,
//! for a whole bundle in one call.
//!
//! [`inspect`](crate::inspect) explains; [`summarize`] lists. It reads the same inputs (PEM
//! anywhere in text, base64, hex, DER, PKCS #7 bundles) but verifies no signature, builds no
//! chain and runs no lint, so it stays fast on a CA bundle of thousands of certificates.

use der::Decode;
use serde::Serialize;

use crate::input::{self, BlockKind};
use crate::{cert, hex, time, Error, Location, Problem};

/// The certificates found in an input, and the blocks that could not be read.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// One entry per certificate, in input order (certificates inside a PKCS #7 bundle in the
    /// bundle's order).
    pub certificates: Vec<CertificateSummary>,
    /// Blocks that were not certificates or could not be read, with where they were.
    pub errors: Vec<Problem>,
}

/// The fields that identify one certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateSummary {
    /// Where in the input it was.
    pub location: Location,
    /// Subject, RFC 4514 order (as in [`NameReport::display`](crate::NameReport)).
    pub subject: String,
    /// Issuer, same form.
    pub issuer: String,
    /// Serial number, colon hex as in the DER.
    pub serial: String,
    /// Start of validity, RFC 3339 UTC.
    pub not_before: String,
    /// End of validity, RFC 3339 UTC.
    pub not_after: String,
    /// DNS names and IP addresses from the subjectAltName extension.
    pub names: Vec<String>,
    /// Key algorithm: `RSA`, `EC`, `Ed25519`, …
    pub key_algorithm: String,
    /// Key size in bits (RSA modulus, EC field).
    pub key_bits: Option<u32>,
    /// Named curve, for EC keys.
    pub curve: Option<String>,
    /// SHA-256 of the DER, `AB:CD:…`.
    pub sha256: String,
    /// basicConstraints says this is a CA.
    pub ca: bool,
    /// Subject and issuer are the same name (the signature is not checked here).
    pub self_issued: bool,
}

/// Lists every certificate in `input`. Only input too large to read at all is an `Err`;
/// unreadable blocks, and blocks that are not certificates (keys, requests, CRLs, PKCS #12,
/// which [`inspect`](crate::inspect) explains), are listed in [`Summary::errors`].
pub fn summarize(input: &[u8]) -> Result<Summary, Error> {
    let mut summary = Summary {
        certificates: Vec::new(),
        errors: Vec::new(),
    };
    for block in crate::documents::split(input, crate::documents::sniff(input))?.unwrap_or_default()
    {
        let mut block = match block {
            Ok(b) => b,
            Err(problem) => {
                summary.errors.push(*problem);
                continue;
            }
        };
        let at = block.location;
        let kind = match block.kind {
            BlockKind::Certificate { .. } => match certificate(&block.der, at) {
                Ok(c) => {
                    summary.certificates.push(c);
                    continue;
                }
                Err(e) => match input::retype(core::mem::take(&mut block.der), e) {
                    Ok((kind, der)) => {
                        block.der = der;
                        kind
                    }
                    Err(e) => {
                        summary.errors.push(Problem::new(at, e));
                        continue;
                    }
                },
            },
            other => other,
        };
        match kind {
            BlockKind::Pkcs7 => match input::pkcs7::read(&block.der) {
                Ok(contents) => {
                    for der in &contents.certificates {
                        match certificate(der, at) {
                            Ok(c) => summary.certificates.push(c),
                            Err(e) => summary.errors.push(Problem::new(at, e)),
                        }
                    }
                }
                Err(e) => summary
                    .errors
                    .push(Problem::new(at, Error::der("PKCS#7", e))),
            },
            BlockKind::Certificate { .. } => {}
            BlockKind::PrivateKey { .. } => unlisted(&mut summary, at, "PRIVATE KEY"),
            BlockKind::PublicKey { label } => unlisted(&mut summary, at, &label),
            BlockKind::Request => unlisted(&mut summary, at, "CERTIFICATE REQUEST"),
            BlockKind::Crl => unlisted(&mut summary, at, "X509 CRL"),
            BlockKind::Ocsp => unlisted(&mut summary, at, "OCSP"),
            BlockKind::Pkcs12 => unlisted(&mut summary, at, "PKCS12"),
            BlockKind::Other { label } => unlisted(&mut summary, at, &label),
        }
    }
    Ok(summary)
}

/// Notes a block that is not a certificate.
fn unlisted(summary: &mut Summary, at: Location, label: &str) {
    let label = label.to_owned();
    summary
        .errors
        .push(Problem::new(at, Error::UnsupportedBlock { label }));
}

/// Summarises the certificate at the start of `der` (trailing bytes, such as OpenSSL's trust
/// settings, are ignored).
fn certificate(der: &[u8], location: Location) -> Result<CertificateSummary, Error> {
    let (cert, own) = cert::parse(der)?;
    let tbs = cert.tbs_certificate();
    let validity = tbs.validity();
    let key = cert::public_key_report(tbs.subject_public_key_info());
    let mut names = Vec::new();
    let mut ca = false;
    for ext in tbs.extensions().map(|e| e.as_slice()).unwrap_or_default() {
        let value = ext.extn_value.as_bytes();
        if ext.extn_id == const_oid::db::rfc5280::ID_CE_SUBJECT_ALT_NAME {
            if let Ok(san) = x509_cert::ext::pkix::SubjectAltName::from_der(value) {
                names.extend(san.0.iter().filter_map(cert::dns_or_ip));
            }
        } else if ext.extn_id == const_oid::db::rfc5280::ID_CE_BASIC_CONSTRAINTS {
            ca = x509_cert::ext::pkix::BasicConstraints::from_der(value).is_ok_and(|b| b.ca);
        }
    }
    Ok(CertificateSummary {
        location,
        subject: cert::name_display(tbs.subject()),
        issuer: cert::name_display(tbs.issuer()),
        serial: hex::colon(tbs.serial_number().as_bytes()),
        not_before: time::rfc3339(validity.not_before.to_unix_duration().as_secs()),
        not_after: time::rfc3339(validity.not_after.to_unix_duration().as_secs()),
        names,
        key_algorithm: key.algorithm,
        key_bits: key.bits,
        curve: key.curve,
        sha256: cert::sha256_colon(own),
        ca,
        self_issued: tbs.subject() == tbs.issuer(),
    })
}
