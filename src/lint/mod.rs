//! Findings about a single certificate: validity, names, keys, signatures and structure.
//!
//! Each check reads the [`CertificateReport`] (data flows one way: parse → summary →
//! findings) and says, in plain language, what is wrong, why it matters and how to fix it,
//! citing RFC 5280 or the CA/Browser Forum Baseline Requirements.

pub(crate) mod engine;
mod keys;
mod names;
mod pkilint;
mod profile;
pub(crate) mod references;
mod rules;
mod signature;
mod structure;
mod validity;

pub use profile::LintProfile;
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
        zlint: None,
        pkilint: None,
        profile: None,
        observatory: None,
        snippets: None,
    }
}

/// Runs the rule catalogue on `cert` and adds the violated rules to its findings.
pub(crate) fn apply_rules(cert: &x509_cert::Certificate, report: &mut CertificateReport) {
    let catalog = rules::catalog();
    let ctx = engine::Ctx::new(cert, report);
    let results = engine::run(&catalog, &ctx);
    let profiles = profile::detect(&ctx);
    let mut findings = std::mem::take(&mut report.findings);
    // certscope's own findings that rest on the TLS Baseline Requirements (a SAN, the CN, a
    // lifetime) say nothing about a certificate that is not for TLS servers.
    if !profiles.contains(&LintProfile::TlsServer) {
        findings.retain(|f| f.profile != Some(LintProfile::TlsServer));
    }
    report.profiles = profiles;
    engine::findings(&catalog, &results, &mut findings);
    findings.sort_by_key(|f| f.severity);
    report.findings = findings;
}

/// Every rule's outcome on `cert`.
pub(crate) fn results(
    cert: &x509_cert::Certificate,
    report: &CertificateReport,
) -> Vec<engine::LintResult> {
    let catalog = rules::catalog();
    let ctx = engine::Ctx::new(cert, report);
    engine::run(&catalog, &ctx)
        .into_iter()
        .filter_map(|(i, status, _)| {
            catalog.get(i).map(|l| engine::LintResult {
                id: l.id,
                zlint: l.zlint,
                pkilint: pkilint::code(l.id),
                status,
            })
        })
        .collect()
}

/// One rule of the catalogue, described.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LintInfo {
    /// certscope's rule id.
    pub id: &'static str,
    /// The zlint lint checking the same, when there is one.
    pub zlint: Option<&'static str>,
    /// The pkilint finding code for the same requirement, when there is one.
    pub pkilint: Option<&'static str>,
    /// "error", "warning" or "notice".
    pub level: &'static str,
    /// What it cites.
    pub source: &'static str,
    /// One line.
    pub title: &'static str,
}

/// The whole rule catalogue.
pub fn catalog() -> Vec<LintInfo> {
    rules::catalog()
        .into_iter()
        .map(|l| LintInfo {
            id: l.id,
            zlint: l.zlint,
            pkilint: pkilint::code(l.id),
            level: match l.level {
                engine::Level::Error => "error",
                engine::Level::Warn => "warning",
                engine::Level::Notice => "notice",
            },
            source: l.source.label,
            title: l.title,
        })
        .collect()
}

/// Reads one certificate and lints it: the summary with every finding, as `inspect` shows it.
pub(crate) fn report(
    der: &[u8],
    location: crate::Location,
    at: u64,
) -> Result<crate::cert::Parsed, crate::Error> {
    let mut parsed = crate::cert::report(der, location, at)?;
    parsed.report.findings = check(&parsed.report);
    // The profile of certscope's own findings, from the rule each cites (the catalogue's are
    // set by the engine).
    for f in &mut parsed.report.findings {
        f.profile = LintProfile::cited(&f.reference);
    }
    apply_rules(&parsed.cert, &mut parsed.report);
    Ok(parsed)
}

/// The findings of the S/MIME and Code Signing profiles' rules on the certificate in `der`
/// (the profiles module's work in WebAssembly; natively `report` runs them with the rest).
/// `self_signed` is the core's verdict, which the module cannot make without the verifier.
#[cfg(feature = "profiles")]
pub(crate) fn profile_findings(
    der: &[u8],
    self_signed: bool,
) -> Result<Vec<Finding>, crate::Error> {
    let parsed = crate::cert::lint_view(der, self_signed)?;
    let catalog: Vec<&engine::Lint> = rules::profiles().collect();
    let ctx = engine::Ctx::new(&parsed.cert, &parsed.report);
    let results = engine::run(&catalog, &ctx);
    let mut findings = Vec::new();
    engine::findings(&catalog, &results, &mut findings);
    findings.sort_by_key(|f| f.severity);
    Ok(findings)
}

/// Every lint rule's outcome on the certificate in `der` (zlint's vocabulary: pass, error,
/// warn, notice, na, ne), for comparing certscope with zlint.
pub fn lint_results(der: &[u8]) -> Result<Vec<crate::LintResult>, crate::Error> {
    let parsed = crate::cert::report(
        der,
        crate::Location {
            block: 1,
            line: None,
            byte_offset: 0,
        },
        0,
    )?;
    Ok(results(&parsed.cert, &parsed.report))
}
