//! Findings about a single certificate: validity, names, keys, signatures and structure.
//!
//! Each check reads the [`CertificateReport`] (data flows one way: parse → summary →
//! findings) and says, in plain language, what is wrong, why it matters and how to fix it,
//! citing RFC 5280 or the CA/Browser Forum Baseline Requirements.

mod keys;
mod names;
pub(crate) mod references;
mod signature;
mod structure;
mod validity;

pub(crate) use references::{RFC7468, RFC8446_CHAIN};

use crate::cert::CertificateReport;
use crate::{Finding, Reference, Severity};

/// Runs every check on `cert`, most severe findings first.
pub(crate) fn check(cert: &CertificateReport) -> Vec<Finding> {
    let mut out = Vec::new();
    validity::check(cert, &mut out);
    names::check(cert, &mut out);
    keys::check(cert, &mut out);
    signature::check(cert, &mut out);
    structure::check(cert, &mut out);
    out.sort_by_key(|f| f.severity);
    out
}

/// Builds a finding; `fix` is empty when there is nothing to do.
pub(crate) fn finding(
    id: &'static str,
    severity: Severity,
    title: impl Into<String>,
    explanation: impl Into<String>,
    evidence: impl Into<String>,
    reference: Reference,
    fix: &str,
) -> Finding {
    Finding {
        id,
        severity,
        title: title.into(),
        explanation: explanation.into(),
        evidence: evidence.into(),
        reference,
        fix: (!fix.is_empty()).then(|| fix.to_owned()),
        csp_evaluator: None,
        hsts_preload: Vec::new(),
        observatory: None,
        snippets: None,
    }
}
