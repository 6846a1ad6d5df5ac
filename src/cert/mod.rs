//! A readable summary of one X.509 certificate ([RFC 5280 §4.1]), built from x509-cert's
//! types. One file per area of the RFC: names, validity, public key, extensions.
//!
//! [RFC 5280 §4.1]: https://www.rfc-editor.org/rfc/rfc5280#section-4.1

mod alt_signature;
mod extensions;
mod fingerprint;
mod general_name;
mod name;
pub(crate) mod public_key;
mod tbs;
mod validity;

pub(crate) use alt_signature::check as check_alt_signature;
pub use alt_signature::{AltSignatureReport, AltSignatureStatus};
pub(crate) use extensions::report as extension_report;
pub use extensions::{AccessEntry, ExtensionReport, ExtensionValue, NamedOid, Policy, Sct};
pub(crate) use fingerprint::spki_pin;
pub use fingerprint::Fingerprints;
pub(crate) use general_name::{prefix_length, report as general_name_report};
pub use general_name::{GeneralNameKind, GeneralNameReport};
pub(crate) use name::decode_string;
pub use name::{NameAttribute, NameReport};
#[cfg(feature = "verify")]
pub(crate) use public_key::bit_length;
pub use public_key::PublicKeyReport;
pub(crate) use public_key::{pqc_kind, ACCEPTED_CURVES, MIN_RSA_BITS};
#[cfg(feature = "ct")]
pub(crate) use tbs::without as tbs_without;
pub use validity::{ValidityReport, ValidityState};

use der::{Decode, Encode, Reader, SliceReader};
use serde::Serialize;
use x509_cert::Certificate;

use crate::signature;
use crate::{hex, oid, Error, Finding, Location};

/// The part a certificate plays in a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// A self-signed CA certificate: a trust anchor candidate.
    Root,
    /// A CA certificate signed by another CA.
    Intermediate,
    /// An end-entity certificate (a server's, a client's), including self-signed ones.
    Leaf,
}

/// The signature algorithm of a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlgorithmName {
    /// Dotted OID.
    pub oid: String,
    /// Name, e.g. "SHA-256 with RSA".
    pub name: String,
}

/// Everything certscope reads from one certificate.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateReport {
    /// Where in the input it was.
    pub location: Location,
    /// X.509 version: 1, 2 or 3.
    pub version: u8,
    /// Serial number, colon hex as in the DER (a leading `00` marks a positive number).
    pub serial: String,
    /// How the issuer signed it.
    pub signature_algorithm: AlgorithmName,
    /// Who it identifies.
    pub subject: NameReport,
    /// Who issued it.
    pub issuer: NameReport,
    /// When it is valid, and its state at the evaluation time.
    pub validity: ValidityReport,
    /// The key it certifies.
    pub public_key: PublicKeyReport,
    /// Hashes of the certificate and its key.
    pub fingerprints: Fingerprints,
    /// Every extension, in order.
    pub extensions: Vec<ExtensionReport>,
    /// Root, intermediate or leaf.
    pub role: Role,
    /// Subject and issuer are the same name.
    pub self_issued: bool,
    /// Self-issued and its signature verifies with its own key.
    pub self_signed: bool,
    /// The DNS names and IP addresses it is valid for (from the SAN extension).
    pub names: Vec<String>,
    /// Any name is a wildcard (`*.example.com`).
    pub wildcard: bool,
    /// The certificate as PEM, for copying.
    pub pem: String,
    /// Its alternative signature (X.509 (10/2019) §7.2.2), when it carries one, and whether
    /// the alternative key of a pasted certificate of its issuer verifies it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt_signature: Option<AltSignatureReport>,
    /// What certscope noticed about it.
    pub findings: Vec<Finding>,
    /// The requirements its lints judged it by: the Baseline Requirements of each kind it is
    /// (TLS server, S/MIME, code signing), and RFC 5280.
    pub profiles: Vec<crate::report::LintProfile>,
    /// Why the rules that bind publicly trusted CAs are shown as notes on it (it chains to a
    /// root you supplied, or looks privately issued); `None` when they keep their level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_rules_note: Option<&'static str>,
    /// Why the self-signature did not verify, for a self-issued certificate.
    #[serde(skip)]
    pub(crate) self_signature_error: Option<String>,
    /// Bytes that followed the certificate in its block (OpenSSL trust settings or junk).
    #[serde(skip)]
    pub(crate) trailing_bytes: usize,
}

impl CertificateReport {
    /// The decoded value of the first extension of this kind.
    pub(crate) fn extension(
        &self,
        pick: impl Fn(&ExtensionValue) -> bool,
    ) -> Option<&ExtensionReport> {
        self.extensions.iter().find(|e| pick(&e.value))
    }

    /// The basicConstraints cA flag, `None` when the extension is absent.
    pub(crate) fn is_ca(&self) -> Option<bool> {
        self.extensions.iter().find_map(|e| match e.value {
            ExtensionValue::BasicConstraints { ca, .. } => Some(ca),
            _ => None,
        })
    }
}

/// The RFC 4514 display string of a name.
pub(crate) fn name_display(n: &x509_cert::name::Name) -> String {
    name::display(n)
}

/// The summary of a name.
pub(crate) fn name_report(n: &x509_cert::name::Name) -> NameReport {
    name::report(n)
}

/// A SAN entry as [`CertificateReport::names`] lists it: DNS names and IP addresses only.
pub(crate) fn dns_or_ip(name: &x509_cert::ext::pkix::name::GeneralName) -> Option<String> {
    use x509_cert::ext::pkix::name::GeneralName;
    match name {
        GeneralName::DnsName(s) => Some(s.as_str().to_owned()),
        GeneralName::IpAddress(octets) => Some(general_name::ip(octets.as_bytes())),
        _ => None,
    }
}

/// SHA-256 of `der` as `AB:CD:…`.
pub(crate) fn sha256_colon(der: &[u8]) -> String {
    fingerprint::sha256_colon(der)
}

/// The summary of a public key.
pub(crate) fn public_key_report(spki: &spki::SubjectPublicKeyInfoOwned) -> PublicKeyReport {
    public_key::report(spki)
}

/// A certificate read from the input: its summary, and the parsed form and DER for chain
/// analysis.
pub(crate) struct Parsed {
    pub(crate) report: CertificateReport,
    pub(crate) cert: Certificate,
    pub(crate) der: Vec<u8>,
}

/// Decodes the certificate at the start of `der`, returning it and its own bytes (anything
/// after it, such as OpenSSL's trust settings, is left out).
pub(crate) fn parse(der: &[u8]) -> Result<(Certificate, &[u8]), Error> {
    let mut reader = SliceReader::new(der).map_err(|e| Error::der("certificate", e))?;
    let own = reader
        .tlv_bytes()
        .map_err(|e| Error::der("certificate", e))?;
    let cert = Certificate::from_der(own).map_err(|e| Error::der("certificate", e))?;
    Ok((cert, own))
}

/// Reads one certificate from `der` (which may be followed by other bytes, such as OpenSSL's
/// trust settings) and summarises it as of `at` (Unix seconds).
pub(crate) fn report(der: &[u8], location: Location, at: u64) -> Result<Parsed, Error> {
    let (cert, own) = parse(der)?;
    let trailing_bytes = der.len().saturating_sub(own.len());
    let tbs = cert.tbs_certificate();

    let spki_der = tbs
        .subject_public_key_info()
        .to_der()
        .map_err(|e| Error::der("public key", e))?;
    let extensions: Vec<ExtensionReport> = tbs
        .extensions()
        .map(|exts| exts.iter().map(extensions::report).collect())
        .unwrap_or_default();

    let self_issued = tbs.subject() == tbs.issuer();
    let self_signature_error = if self_issued {
        match (signature::signed_part(own), cert.signature().as_bytes()) {
            (Some(message), Some(sig)) => signature::verify(
                message,
                cert.signature_algorithm(),
                sig,
                tbs.subject_public_key_info(),
            )
            .err()
            // Unchecked (no verifier loaded) is not a failure: the report says it is pending.
            .filter(|e| *e != signature::VerifyError::Unavailable)
            .map(|e| e.to_string()),
            _ => Some("the signature is not a whole number of bytes".into()),
        }
    } else {
        None
    };
    let self_signed = self_issued && self_signature_error.is_none();

    let mut names = Vec::new();
    for ext in &extensions {
        if let ExtensionValue::SubjectAltName { names: san } = &ext.value {
            names.extend(
                san.iter()
                    .filter(|n| matches!(n.kind, GeneralNameKind::Dns | GeneralNameKind::Ip))
                    .map(|n| n.value.clone()),
            );
        }
    }
    let version = match tbs.version() {
        x509_cert::certificate::Version::V1 => 1,
        x509_cert::certificate::Version::V2 => 2,
        x509_cert::certificate::Version::V3 => 3,
    };

    let mut report = CertificateReport {
        location,
        version,
        serial: hex::colon(tbs.serial_number().as_bytes()),
        signature_algorithm: AlgorithmName {
            oid: cert.signature_algorithm().oid.to_string(),
            name: oid::name_or_dotted(oid::SIGNATURES, &cert.signature_algorithm().oid),
        },
        subject: name::report(tbs.subject()),
        issuer: name::report(tbs.issuer()),
        validity: validity::report(tbs.validity(), at),
        public_key: public_key::report(tbs.subject_public_key_info()),
        fingerprints: fingerprint::report(own, &spki_der),
        role: Role::Leaf,
        self_issued,
        self_signed,
        wildcard: names.iter().any(|n| n.starts_with("*.")),
        names,
        pem: der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, own)
            .unwrap_or_default(),
        extensions,
        alt_signature: None,
        findings: Vec::new(),
        profiles: Vec::new(),
        public_rules_note: None,
        self_signature_error,
        trailing_bytes,
    };
    report.role = role(&report);
    Ok(Parsed {
        report,
        der: own.to_vec(),
        cert,
    })
}

/// Reads one certificate for the profiles module's lints: the parsed certificate, and of the
/// summary only what those rules read (version, signature algorithm, subject, issuer, public
/// key, validity; `self_signed` as the core judged it). Extensions, names, fingerprints and PEM
/// are left empty: summarising them would put the core's extension reader in the module
/// (44% larger: 192 KB against 133 KB gzipped, both measured before `wasm-opt`).
#[cfg(feature = "profiles")]
pub(crate) fn lint_view(der: &[u8], self_signed: bool) -> Result<Parsed, Error> {
    let (cert, own) = parse(der)?;
    let tbs = cert.tbs_certificate();
    let version = match tbs.version() {
        x509_cert::certificate::Version::V1 => 1,
        x509_cert::certificate::Version::V2 => 2,
        x509_cert::certificate::Version::V3 => 3,
    };
    let report = CertificateReport {
        location: Location {
            block: 1,
            line: None,
            byte_offset: 0,
        },
        version,
        serial: String::new(),
        signature_algorithm: AlgorithmName {
            oid: cert.signature_algorithm().oid.to_string(),
            name: oid::name_or_dotted(oid::SIGNATURES, &cert.signature_algorithm().oid),
        },
        subject: name::report(tbs.subject()),
        issuer: name::report(tbs.issuer()),
        validity: validity::report(tbs.validity(), 0),
        public_key: public_key::report(tbs.subject_public_key_info()),
        fingerprints: Fingerprints {
            sha256: String::new(),
            sha1: String::new(),
            spki_sha256: String::new(),
        },
        role: Role::Leaf,
        self_issued: tbs.subject() == tbs.issuer(),
        self_signed,
        wildcard: false,
        names: Vec::new(),
        pem: String::new(),
        extensions: Vec::new(),
        alt_signature: None,
        findings: Vec::new(),
        profiles: Vec::new(),
        public_rules_note: None,
        self_signature_error: None,
        trailing_bytes: 0,
    };
    Ok(Parsed {
        report,
        der: own.to_vec(),
        cert,
    })
}

/// A v1 certificate has no basicConstraints; a self-signed one is treated as a CA, as
/// OpenSSL and the Mozilla root program do for legacy roots.
fn role(cert: &CertificateReport) -> Role {
    match (cert.is_ca(), cert.self_signed) {
        (Some(true), true) => Role::Root,
        (Some(true), false) => Role::Intermediate,
        (None, true) if cert.version == 1 => Role::Root,
        _ => Role::Leaf,
    }
}
