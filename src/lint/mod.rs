//! Findings about a single certificate: validity, names, keys, signatures and structure.
//!
//! Each check reads the [`CertificateReport`] (data flows one way: parse → summary →
//! findings) and says, in plain language, what is wrong, why it matters and how to fix it,
//! citing RFC 5280 or the CA/Browser Forum Baseline Requirements.

#[cfg(feature = "profiles")]
pub(crate) mod crl;
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

/// Runs the core's rules on `cert` and adds the violated rules to its findings (the profiles
/// module's are added later, by [`module_findings`]).
pub(crate) fn apply_rules(cert: &x509_cert::Certificate, report: &mut CertificateReport) {
    let catalog: Vec<&engine::Lint> = rules::core_rules().collect();
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

/// The whole rule catalogue: the certificate rules, then (with the profiles module) the CRL
/// rules.
pub fn catalog() -> Vec<LintInfo> {
    let level = |l: engine::Level| match l {
        engine::Level::Error => "error",
        engine::Level::Warn => "warning",
        engine::Level::Notice => "notice",
    };
    let certificates = rules::catalog().into_iter().map(|l| LintInfo {
        id: l.id,
        zlint: l.zlint,
        pkilint: pkilint::code(l.id),
        level: level(l.level),
        source: l.source.label,
        title: l.title,
    });
    #[cfg(feature = "profiles")]
    let certificates = certificates.chain(crl::RULES.iter().map(|l| LintInfo {
        id: l.id,
        zlint: Some(l.zlint),
        pkilint: None,
        level: level(l.level),
        source: l.source.label,
        title: l.title,
    }));
    certificates.collect()
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

/// What the profiles module adds to one certificate: its findings, and the zlint and pkilint
/// names of the rules that say the same as a finding the core already gave.
#[cfg(feature = "profiles")]
#[derive(Debug, serde::Serialize)]
pub struct ModuleFindings {
    /// New findings, most severe first.
    pub findings: Vec<Finding>,
    /// (finding id, zlint lint, pkilint code) for findings already there.
    pub named: Vec<(String, Option<&'static str>, Option<&'static str>)>,
}

#[cfg(feature = "profiles")]
impl ModuleFindings {
    /// Adds these to a certificate's findings (what engine.js does with the module's answer).
    pub(crate) fn apply(self, findings: &mut Vec<Finding>) {
        for (id, zlint, pkilint) in self.named {
            if let Some(f) = findings.iter_mut().find(|f| f.id == id) {
                f.zlint = f.zlint.or(zlint);
                f.pkilint = f.pkilint.or(pkilint);
            }
        }
        findings.extend(self.findings);
        findings.sort_by_key(|f| f.severity);
    }
}

/// The findings of the profiles module's rules on the certificate in `der`: the S/MIME and Code
/// Signing BR (which judge only certificates of those kinds) and, when `deep`, the deeper
/// catalogue. `self_signed` is the core's verdict, which the module cannot make without the
/// verifier; `note` is the certificate's [`crate::CertificateReport::public_rules_note`], under
/// which public-CA rules are shown as notes as the core shows its own; `existing` the ids of the
/// findings the core gave, which a rule saying the same names instead of repeating; `document`
/// says the certificate came in a SAML or JWK document, whose signing certificates are not judged
/// by the rules for web servers. Natively `inspect` calls this after the core's findings are
/// final, as engine.js calls the module.
#[cfg(feature = "profiles")]
pub(crate) fn module_findings(
    der: &[u8],
    self_signed: bool,
    deep: bool,
    note: Option<&str>,
    existing: &[&str],
    document: bool,
) -> Result<ModuleFindings, crate::Error> {
    let parsed = crate::cert::lint_view(der, self_signed)?;
    let catalog: Vec<&engine::Lint> = if deep {
        rules::profiles().chain(rules::deep()).collect()
    } else {
        rules::profiles().collect()
    };
    let ctx = engine::Ctx::new(&parsed.cert, &parsed.report);
    let mut results = engine::run(&catalog, &ctx);
    let mut named = Vec::new();
    results.retain(|(i, _, evidence)| {
        let Some(l) = catalog.get(*i) else {
            return true;
        };
        match l
            .same_as
            .filter(|id| evidence.is_some() && existing.contains(id))
        {
            Some(id) => {
                named.push((id.to_owned(), l.zlint, pkilint::code(l.id)));
                false
            }
            None => true,
        }
    });
    let mut findings = Vec::new();
    engine::findings(&catalog, &results, &mut findings);
    if document {
        findings.retain(|f| crate::documents::applies_to_document_certificates(f.id));
    }
    findings.sort_by_key(|f| f.severity);
    if let Some(why) = note {
        as_notes(&mut findings, why);
    }
    Ok(ModuleFindings { findings, named })
}

/// Shows the rules that bind publicly trusted CAs (the CA/B Forum TLS BR, Mozilla's and
/// Chrome's policies) as notes, with `why` added to each explanation: the certificate is
/// privately issued. The S/MIME and Code Signing BR keep their level: the TLS chain verdict
/// that makes a certificate look private says nothing about them.
pub(crate) fn as_notes(findings: &mut [Finding], why: &str) {
    for f in findings.iter_mut() {
        let other_profile = matches!(
            f.profile,
            Some(LintProfile::Smime | LintProfile::CodeSigning)
        );
        let public_only = ["CA/B Forum", "Mozilla Root Store", "Chrome CT"]
            .iter()
            .any(|p| f.reference.label.starts_with(p))
            && !other_profile;
        if public_only && f.severity != Severity::Info && !f.id.starts_with("cert.") {
            f.severity = Severity::Info;
            f.explanation.push_str(why);
        }
    }
    findings.sort_by_key(|f| f.severity);
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
