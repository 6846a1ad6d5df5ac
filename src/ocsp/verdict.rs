//! OCSP answers in the chain verdicts: a certificate on a trusted path that a response calls
//! revoked — a response whose signature verified and whose signer may answer for that CA (the
//! CA itself or its delegated responder, RFC 6960 §4.2.2.2) — makes the verdict untrusted
//! (code `revoked`, as a CRL does; Firefox refuses such a stapled answer). A response that is
//! stale still counts: revocation is never undone (RFC 5280 §5.3.1's removeFromCRL aside).
//! `engine.js` (`applyOcsp`) does the same after the ocsp module has read the responses.

use super::OcspReport;
use crate::chain::{ChainProblem, ChainReport, Verdict};

/// The revocation a trustworthy response states for the certificate `index`, in words.
fn revoked(index: usize, reports: &[OcspReport]) -> Option<String> {
    reports.iter().find_map(|r| {
        let s = r.signature.as_ref()?;
        let by = match (s.verdict, s.authority) {
            ("verified", "issuer") => "its CA",
            ("verified", "delegated") => "a responder its CA delegated",
            _ => return None,
        };
        let status = r
            .responses
            .iter()
            .find(|s| s.certificate == Some(index) && s.status == "revoked")?;
        let who = status
            .subject
            .clone()
            .unwrap_or_else(|| format!("certificate {}", index.saturating_add(1)));
        let when = status
            .revoked_at
            .as_deref()
            .map_or("?", |t| t.get(..10).unwrap_or(t));
        let why = status.reason.map(|r| format!(" ({r})")).unwrap_or_default();
        Some(format!(
            "{who} was revoked on {when}{why}: an OCSP response signed by {by} says so"
        ))
    })
}

fn apply(verdict: &mut Verdict, reports: &[OcspReport]) {
    if !verdict.trusted {
        return;
    }
    let found = verdict
        .path
        .iter()
        .filter_map(|l| l.certificate)
        .find_map(|i| Some((i, revoked(i, reports)?)));
    let Some((index, message)) = found else {
        return;
    };
    verdict.trusted = false;
    verdict.summary = format!("Not trusted: {message}");
    for link in &mut verdict.path {
        link.failed = link.certificate == Some(index);
    }
    verdict.problem = Some(ChainProblem {
        code: "revoked",
        message,
        certificate: Some(index),
    });
}

/// Applies `reports` to every verdict of every chain.
#[cfg_attr(feature = "module", allow(dead_code))]
pub(crate) fn apply_to_chains(chains: &mut [ChainReport], reports: &[OcspReport]) {
    for chain in chains {
        apply(&mut chain.browser, reports);
        apply(&mut chain.strict, reports);
        if let Some(v) = chain.rfc5280.as_mut() {
            apply(v, reports);
        }
    }
}
