//! Certificate Transparency (RFC 6962): a chain's end-entity SCTs named by log, their
//! signatures verified, and the certificate judged against Chrome's and Apple's CT policies.
//! Part of the `verify` capability (it needs the signature verifiers and the log list).

#[cfg(test)]
mod delivered_tests;
mod logs;
mod policy;
mod printed;
mod sct;

pub use logs::{AppleLog, AppleState, CtLog, LogState};
pub use policy::CtPolicyVerdict;
pub use sct::precert_tbs;

use crate::lint::{finding, references::CT_POLICY, references::RFC6962_SCT};
use crate::signature::VerifyError;
use crate::{Finding, Severity};
use serde::Serialize;

/// The CT check of a chain's end-entity certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CtReport {
    /// Which log list the logs were looked up in, with its date.
    pub log_list: String,
    /// Each SCT: the embedded ones in the certificate's order, then those the server sent in
    /// the TLS handshake or a stapled OCSP response.
    pub scts: Vec<SctCheck>,
    /// Chrome's CT policy, on the SCTs that verified.
    pub chrome: CtPolicyVerdict,
    /// Apple's CT policy, on the SCTs that verified (with Apple's log list).
    pub apple: CtPolicyVerdict,
    /// What is wrong, or worth knowing.
    pub findings: Vec<Finding>,
}

/// How an SCT reached the client (RFC 6962 §3.3): each signs something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// In the certificate's SCT list extension: signs the precertificate.
    Embedded,
    /// In the `signed_certificate_timestamp` TLS extension: signs the certificate.
    Tls,
    /// In an OCSP response's SingleResponse extension: signs the certificate.
    Ocsp,
    /// Sent by the server, in the TLS extension or a stapled OCSP response: an
    /// `openssl s_client -ct` transcript without `-status` does not say which. Signs the
    /// certificate.
    Server,
}

impl Source {
    /// How it reached the client, in words ("sent in the TLS handshake").
    pub fn words(self) -> &'static str {
        match self {
            Source::Embedded => "embedded in the certificate",
            Source::Tls => "sent in the TLS handshake",
            Source::Ocsp => "in an OCSP response",
            Source::Server => "sent by the server (TLS or OCSP; the transcript does not say which)",
        }
    }
}

/// A TLS-encoded SignedCertificateTimestampList a server delivered beside the certificate
/// (RFC 6962 §3.3), and how.
#[derive(Debug, Clone, Copy)]
pub struct Delivered<'a> {
    /// [`Source::Tls`], [`Source::Ocsp`] or [`Source::Server`].
    pub source: Source,
    /// The list as sent: a 16-bit length, then each SCT with its own 16-bit length.
    pub list: &'a [u8],
}

/// One SCT.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SctCheck {
    /// How the client got it.
    pub source: Source,
    /// The log's id (SHA-256 of its key), base64 as log lists show it.
    pub log_id: String,
    /// When the log promised to publish the certificate, RFC 3339 UTC (milliseconds dropped).
    pub timestamp: String,
    /// The log, when certscope knows it.
    pub log: Option<CtLog>,
    /// `verified`, `invalid`, `unknown-log`, `no-issuer` (an embedded SCT signs the issuer's
    /// key too), `unsupported` (an algorithm RFC 6962 does not allow) or `unchecked` (a build
    /// without the `verify` feature).
    pub signature: &'static str,
    /// Why the signature was not verified, in words.
    pub detail: Option<String>,
}

/// At most this many SCTs are checked per certificate, from all sources together (real
/// certificates carry 2 to 5; each costs a signature check).
const MAX_SCTS: usize = 16;

/// Checks the SCTs of `leaf` (DER) at `at` (seconds since 1970): those embedded in it and those
/// `delivered` beside it. `issuer_key_hash` is the SHA-256 of the issuer's
/// SubjectPublicKeyInfo (part of what a log signs for an embedded SCT), `lifetime` the
/// certificate's validity in seconds (the policies ask for more embedded SCTs beyond 180 days).
/// `None` when there is no SCT at all.
pub fn check(
    leaf: &[u8],
    issuer_key_hash: Option<[u8; 32]>,
    lifetime: u64,
    at: u64,
    delivered: &[Delivered<'_>],
) -> Option<CtReport> {
    let precert = sct::Precert::read(leaf)?;
    if precert.sct_list.is_none() && delivered.is_empty() {
        return None;
    }
    let mut findings = Vec::new();
    let mut unreadable = |source: Source, e: String| {
        findings.push(finding(
            "ct.sct-list-unreadable",
            Severity::Error,
            "An SCT list cannot be read",
            "The SCTs are not a valid SignedCertificateTimestampList, so browsers cannot use any of them.",
            format!("SCTs {}: {e}", source.words()),
            RFC6962_SCT,
            "Embedded SCTs: ask the CA to re-issue the certificate. SCTs sent by the server: fix or remove the server's SCT file (nginx-ct, Apache's mod_ssl_ct, OpenSSL's serverinfo file).",
        ));
    };
    let mut scts = Vec::new();
    if let Some(list) = precert.sct_list.as_deref() {
        match sct::read_list(list) {
            Ok(read) => scts.extend(read.into_iter().map(|s| (Source::Embedded, s))),
            Err(e) => unreadable(Source::Embedded, e),
        }
    }
    for d in delivered {
        match sct::read_tls_list(d.list) {
            // s_client -ct lists the certificate's own SCTs among the others: those are
            // embedded, and already here.
            Ok(read) => scts.extend(
                read.into_iter()
                    .filter(|s| {
                        !scts
                            .iter()
                            .any(|(from, e)| *from == Source::Embedded && e == s)
                    })
                    .map(|s| (d.source, s))
                    .collect::<Vec<_>>(),
            ),
            Err(e) => unreadable(d.source, e),
        }
    }
    let left_out = scts.len().saturating_sub(MAX_SCTS);
    scts.truncate(MAX_SCTS);
    let checks: Vec<SctCheck> = scts
        .iter()
        .map(|(source, s)| {
            let entry = match source {
                Source::Embedded => issuer_key_hash.as_ref().map(|h| sct::Entry::Precert {
                    issuer_key_hash: h,
                    tbs: &precert.tbs,
                }),
                Source::Tls | Source::Ocsp | Source::Server => Some(sct::Entry::X509(leaf)),
            };
            check_one(*source, s, entry.as_ref())
        })
        .collect();
    let counted: Vec<policy::Counted<'_>> = checks
        .iter()
        .zip(&scts)
        .filter(|(c, _)| c.signature == "verified")
        .filter_map(|(c, (source, s))| {
            Some(policy::Counted {
                log_id: &c.log_id,
                log: c.log.as_ref()?,
                timestamp: s.timestamp / 1000,
                embedded: *source == Source::Embedded,
            })
        })
        .collect();
    let chrome = policy::chrome(&counted, lifetime, at);
    let apple = policy::apple(&counted, lifetime, at);
    findings.extend(sct_findings(&checks, &scts, at));
    if left_out > 0 {
        findings.push(finding(
            "ct.too-many-scts",
            Severity::Info,
            "Only the first SCTs were checked",
            format!("certscope checks at most {MAX_SCTS} SCTs per certificate; real certificates and servers send 2 to 5."),
            format!("{left_out} more not checked"),
            RFC6962_SCT,
            "",
        ));
    }
    if !chrome.compliant {
        findings.push(finding(
            "ct.chrome-policy-not-met",
            Severity::Warning,
            "Not enough valid SCTs for Chrome's CT policy",
            format!("{} Chrome refuses a publicly trusted certificate that does not meet its policy. Certificates from a private CA are exempt.", chrome.explanation),
            format!("{} of {} SCTs verified; {} distinct logs counted, {} needed", counted.len(), checks.len(), chrome.counted, chrome.required),
            CT_POLICY,
            "Public certificates: ask the CA to re-issue with SCTs from current logs (or have the server send SCTs from two current logs of different operators in the TLS handshake). Private CAs: nothing to do.",
        ));
    }
    if let Some(date) = logs::list_date() {
        if at >= date.saturating_add(70 * 86_400) {
            findings.push(finding(
                "ct.log-list-stale",
                Severity::Info,
                "certscope's CT log list is more than 10 weeks older than the time of check",
                "Chrome stops enforcing CT when its own built-in log list is 70 days old, and logs are added and retired every few months: a log unknown here may be new. Update certscope (or run scripts/ct-logs.py with a newer Chromium).",
                logs::provenance(),
                CT_POLICY,
                "",
            ));
        }
    }
    Some(CtReport {
        log_list: logs::provenance(),
        scts: checks,
        chrome,
        apple,
        findings,
    })
}

/// At most this many delivered lists are read (a connection sends one in its handshake and
/// one in its stapled OCSP response; a capture may hold a few connections to one server).
const MAX_LISTS: usize = 8;

/// The delivered SCT lists of `text`: one per line, `tls ` or `ocsp ` and the TLS-encoded list
/// in base64, or `printed ` and an `openssl s_client -ct` transcript in base64 (how the web
/// engine hands them to the ct module). Other lines are skipped.
pub fn delivered_read(text: &str) -> Vec<(Source, Vec<u8>)> {
    use base64ct::Encoding;
    text.lines()
        .take(MAX_LISTS)
        .flat_map(|line| {
            let Some((kind, b64)) = line.trim().split_once(' ') else {
                return Vec::new();
            };
            let Ok(bytes) = base64ct::Base64::decode_vec(b64.trim()) else {
                return Vec::new();
            };
            match kind {
                "tls" => vec![(Source::Tls, bytes)],
                "ocsp" => vec![(Source::Ocsp, bytes)],
                "printed" => core::str::from_utf8(&bytes)
                    .map(printed_lists)
                    .unwrap_or_default(),
                _ => Vec::new(),
            }
        })
        .collect()
}

/// The SCT lists an `openssl s_client -ct` transcript prints, by how they came.
pub fn printed_lists(transcript: &str) -> Vec<(Source, Vec<u8>)> {
    printed::read(transcript)
}

fn check_one(
    source: Source,
    s: &x509_cert::ext::pkix::sct::SignedCertificateTimestamp,
    entry: Option<&sct::Entry<'_>>,
) -> SctCheck {
    use base64ct::Encoding;
    let log_id = base64ct::Base64::encode_string(&s.log_id.key_id);
    let log = logs::find(&log_id);
    let (signature, detail) = match (&log, entry) {
        (None, _) => (
            "unknown-log",
            Some("no log with this id is in Chrome's list, Apple's or Google's 2020 list, so its key is unknown".to_owned()),
        ),
        (_, None) => (
            "no-issuer",
            Some("an embedded SCT signs the issuer's public key too: give the issuing certificate to check it".to_owned()),
        ),
        (Some(_), Some(_)) if sct::algorithm(s).is_none() => (
            "unsupported",
            Some(format!(
                "{:?} with {:?} is not allowed by RFC 6962 §2.1.4",
                s.signature.algorithm.signature, s.signature.algorithm.hash
            )),
        ),
        (Some(log), Some(entry)) => match sct::signed_data(s, entry) {
            None => (
                "invalid",
                Some("the certificate is too large for an SCT".to_owned()),
            ),
            Some(message) => match sct::verify(s, &message, &log.key) {
                Ok(()) => ("verified", None),
                Err(VerifyError::Unavailable) => ("unchecked", Some(VerifyError::Unavailable.to_string())),
                Err(e) => ("invalid", Some(e.to_string())),
            },
        },
    };
    SctCheck {
        source,
        log_id,
        timestamp: crate::time::rfc3339(s.timestamp / 1000),
        log,
        signature,
        detail,
    }
}

fn sct_findings(
    checks: &[SctCheck],
    scts: &[(
        Source,
        x509_cert::ext::pkix::sct::SignedCertificateTimestamp,
    )],
    at: u64,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let invalid: Vec<String> = checks
        .iter()
        .filter(|c| matches!(c.signature, "invalid" | "unsupported"))
        .map(|c| {
            format!(
                "{}, {} ({})",
                c.log
                    .as_ref()
                    .map_or(c.log_id.as_str(), |l| l.name.as_str()),
                c.source.words(),
                c.detail.as_deref().unwrap_or("")
            )
        })
        .collect();
    if !invalid.is_empty() {
        out.push(finding(
            "ct.sct-invalid-signature",
            Severity::Error,
            "An SCT's signature does not verify",
            "The log's signature does not match this certificate: the certificate was changed after it was logged, the SCT was copied from another certificate, or the issuer given is not the one the CA logged with. Browsers ignore such an SCT, so it does not count towards their CT policies.",
            invalid.join("; "),
            RFC6962_SCT,
            "Check that the issuer given is the real one; otherwise ask the CA to re-issue the certificate.",
        ));
    }
    let unknown: Vec<&str> = checks
        .iter()
        .filter(|c| c.signature == "unknown-log")
        .map(|c| c.log_id.as_str())
        .collect();
    if !unknown.is_empty() {
        out.push(finding(
            "ct.unknown-log",
            Severity::Warning,
            "An SCT comes from a log certscope does not know",
            "Its log is in neither Chrome's log list nor Google's 2020 list: a test or private log, a log Chrome rejected, or one newer than certscope's list. Chrome does not count it.",
            unknown.join(", "),
            CT_POLICY,
            "",
        ));
    }
    let future: Vec<&str> = checks
        .iter()
        .zip(scts)
        .filter(|(_, (_, s))| s.timestamp / 1000 > at)
        .map(|(c, _)| c.timestamp.as_str())
        .collect();
    if !future.is_empty() {
        out.push(finding(
            "ct.sct-in-future",
            Severity::Warning,
            "An SCT is dated after the time of check",
            "A log cannot have signed an SCT in the future: the time of check is earlier than the certificate's logging (check the date you asked about), or the log's clock was wrong.",
            future.join(", "),
            RFC6962_SCT,
            "",
        ));
    }
    out
}
