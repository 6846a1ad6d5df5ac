//! Certificate Transparency (RFC 6962): a chain's end-entity SCTs named by log, their
//! signatures verified, and the certificate judged against Chrome's and Apple's CT policies.
//! Part of the `verify` capability (it needs the signature verifiers and the log list).

mod logs;
mod policy;
mod sct;

pub use logs::{CtLog, LogState};
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
    /// Each embedded SCT, in the certificate's order.
    pub scts: Vec<SctCheck>,
    /// Chrome's CT policy, on the SCTs that verified.
    pub chrome: CtPolicyVerdict,
    /// Apple's CT policy, on the SCTs that verified (with Chrome's log list).
    pub apple: CtPolicyVerdict,
    /// What is wrong, or worth knowing.
    pub findings: Vec<Finding>,
}

/// One embedded SCT.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SctCheck {
    /// The log's id (SHA-256 of its key), base64 as log lists show it.
    pub log_id: String,
    /// When the log promised to publish the certificate, RFC 3339 UTC (milliseconds dropped).
    pub timestamp: String,
    /// The log, when certscope knows it.
    pub log: Option<CtLog>,
    /// `verified`, `invalid`, `unknown-log`, `no-issuer` (the issuer's key is part of what is
    /// signed), `unsupported` (an algorithm RFC 6962 does not allow) or `unchecked` (a build
    /// without the `verify` feature).
    pub signature: &'static str,
    /// Why the signature was not verified, in words.
    pub detail: Option<String>,
}

/// Checks the SCTs embedded in `leaf` (DER) at `at` (seconds since 1970). `issuer_key_hash`
/// is the SHA-256 of the issuer's SubjectPublicKeyInfo (part of what a log signs), `lifetime`
/// the certificate's validity in seconds (the policies ask for more SCTs beyond 180 days).
/// `None` when the certificate carries no SCT list.
pub fn check(
    leaf: &[u8],
    issuer_key_hash: Option<[u8; 32]>,
    lifetime: u64,
    at: u64,
) -> Option<CtReport> {
    let precert = sct::Precert::read(leaf)?;
    let mut findings = Vec::new();
    let scts = match sct::read_list(precert.sct_list.as_deref()?) {
        Ok(scts) => scts,
        Err(e) => {
            findings.push(finding(
                "ct.sct-list-unreadable",
                Severity::Error,
                "The SCT list cannot be read",
                "The certificate's Certificate Transparency extension is not a valid SignedCertificateTimestampList, so browsers cannot use any of its SCTs.",
                e,
                RFC6962_SCT,
                "Ask the CA to re-issue the certificate.",
            ));
            Vec::new()
        }
    };
    let checks: Vec<SctCheck> = scts
        .iter()
        .map(|s| check_one(s, issuer_key_hash.as_ref(), &precert.tbs))
        .collect();
    let counted: Vec<policy::Counted<'_>> = checks
        .iter()
        .zip(&scts)
        .filter(|(c, _)| c.signature == "verified")
        .filter_map(|(c, s)| {
            Some(policy::Counted {
                log_id: &c.log_id,
                log: c.log.as_ref()?,
                timestamp: s.timestamp / 1000,
            })
        })
        .collect();
    let chrome = policy::chrome(&counted, lifetime, at);
    let apple = policy::apple(&counted, lifetime, at);
    findings.extend(sct_findings(&checks, &scts, at));
    if !chrome.compliant {
        findings.push(finding(
            "ct.chrome-policy-not-met",
            Severity::Warning,
            "Not enough valid SCTs for Chrome's CT policy",
            format!("{} Chrome refuses a publicly trusted certificate that does not meet its policy (unless the server sends SCTs in the TLS handshake or a stapled OCSP response). Certificates from a private CA are exempt.", chrome.explanation),
            format!("{} of {} SCTs verified; {} distinct logs counted, {} needed", counted.len(), checks.len(), chrome.counted, chrome.required),
            CT_POLICY,
            "Public certificates: ask the CA to re-issue with SCTs from current logs. Private CAs: nothing to do.",
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

fn check_one(
    s: &x509_cert::ext::pkix::sct::SignedCertificateTimestamp,
    issuer_key_hash: Option<&[u8; 32]>,
    tbs: &[u8],
) -> SctCheck {
    use base64ct::Encoding;
    let log_id = base64ct::Base64::encode_string(&s.log_id.key_id);
    let log = logs::find(&log_id);
    let (signature, detail) = match (&log, issuer_key_hash) {
        (None, _) => (
            "unknown-log",
            Some("no log with this id is in Chrome's list or Google's 2020 list, so its key is unknown".to_owned()),
        ),
        (_, None) => (
            "no-issuer",
            Some("the SCT signs the issuer's public key too: give the issuing certificate to check it".to_owned()),
        ),
        (Some(_), Some(_)) if sct::algorithm(s).is_none() => (
            "unsupported",
            Some(format!(
                "{:?} with {:?} is not allowed by RFC 6962 §2.1.4",
                s.signature.algorithm.signature, s.signature.algorithm.hash
            )),
        ),
        (Some(log), Some(hash)) => match sct::signed_data(s, hash, tbs) {
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
        log_id,
        timestamp: crate::time::rfc3339(s.timestamp / 1000),
        log,
        signature,
        detail,
    }
}

fn sct_findings(
    checks: &[SctCheck],
    scts: &[x509_cert::ext::pkix::sct::SignedCertificateTimestamp],
    at: u64,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let invalid: Vec<String> = checks
        .iter()
        .filter(|c| matches!(c.signature, "invalid" | "unsupported"))
        .map(|c| {
            format!(
                "{} ({})",
                c.log
                    .as_ref()
                    .map_or(c.log_id.as_str(), |l| l.name.as_str()),
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
        .filter(|(_, s)| s.timestamp / 1000 > at)
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
