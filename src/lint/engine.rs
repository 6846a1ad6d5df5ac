//! The lint engine: rules with a stable id, a level, a citation, an effective date range and an
//! applicability test, run on one certificate. Results say pass, error, warning, notice, not
//! applicable or not yet effective — the same vocabulary as zlint, so each rule that has a
//! zlint counterpart names it and can be measured against zlint's own test certificates.
//!
//! Applicability follows the CA/Browser Forum's categories as zlint implements them: a CA
//! certificate has basicConstraints cA=TRUE; a root is a self-signed CA; a subscriber
//! certificate is neither a CA nor self-signed; a server certificate is a subscriber
//! certificate whose EKU is absent or allows serverAuth. A rule is effective for certificates
//! whose notBefore is on or after its `from` date (and before `until`, when set).

use der::Decode;
use serde::Serialize;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::Extension;
use x509_cert::Certificate;

use crate::cert::CertificateReport;
use crate::{Finding, Reference, Severity};

/// A rule's outcome on one certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Applies, effective, satisfied.
    Pass,
    /// Violated; an error.
    Error,
    /// Violated; a warning.
    Warn,
    /// Violated; worth knowing.
    Notice,
    /// Does not apply to this kind of certificate.
    #[serde(rename = "na")]
    NotApplicable,
    /// The rule was not in force when this certificate was issued.
    #[serde(rename = "ne")]
    NotEffective,
}

/// How serious a violated rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Error,
    Warn,
    Notice,
}

/// One rule's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LintResult {
    /// certscope's rule id, e.g. `br.san-missing`.
    pub id: &'static str,
    /// The corresponding zlint lint, when there is one.
    pub zlint: Option<&'static str>,
    /// The pkilint finding code for the same requirement, when there is one.
    pub pkilint: Option<&'static str>,
    /// The outcome.
    pub status: Status,
}

/// What a rule sees: the certificate, its summary, and the facts most rules ask for, decoded
/// once.
pub(crate) struct Ctx<'a> {
    pub(crate) cert: &'a Certificate,
    pub(crate) report: &'a CertificateReport,
    bc: Option<x509_cert::ext::pkix::BasicConstraints>,
    ekus: Option<Vec<String>>,
    san: Option<Vec<GeneralName>>,
    ku: Option<x509_cert::ext::pkix::KeyUsage>,
    policies: Vec<String>,
}

/// A rule.
pub(crate) struct Lint {
    pub(crate) id: &'static str,
    pub(crate) zlint: Option<&'static str>,
    pub(crate) level: Level,
    pub(crate) source: Reference,
    /// Effective for certificates with notBefore ≥ this (Unix seconds).
    pub(crate) from: u64,
    /// No longer effective for notBefore ≥ this.
    pub(crate) until: Option<u64>,
    pub(crate) applies: fn(&Ctx<'_>) -> bool,
    /// `Some(evidence)` when violated.
    pub(crate) check: fn(&Ctx<'_>) -> Option<String>,
    pub(crate) title: &'static str,
    pub(crate) explanation: &'static str,
    pub(crate) fix: &'static str,
    /// An older certscope finding that says the same; the rule then adds its zlint name to
    /// that finding instead of repeating it.
    pub(crate) same_as: Option<&'static str>,
    /// Judged for every kind of certificate, even when it cites the TLS BR (zlint's
    /// `OverrideFrameworkFilter`: the BR's rules for delegated OCSP responder certificates).
    pub(crate) every_kind: bool,
}

/// 2012-07-01, the CA/Browser Forum Baseline Requirements' effective date.
pub(crate) const CABF_BR: u64 = 1_341_100_800;
/// 2008-05-01, RFC 5280.
pub(crate) const RFC5280: u64 = 1_209_600_000;
/// 2002-04-01, RFC 3280.
#[cfg(feature = "profiles")]
pub(crate) const RFC3280: u64 = 1_017_619_200;
/// 2020-08-20, Baseline Requirements 1.7.1.
pub(crate) const BR_1_7_1: u64 = 1_597_881_600;
/// 2023-09-15: Baseline Requirements 2.0.0's certificate profiles (ballot SC-62) take effect.
pub(crate) const BR_2_0: u64 = 1_694_736_000;
/// 2024-03-15, Baseline Requirements 2.0.1 (ballot SC-63's CRL rules).
#[cfg(feature = "profiles")]
pub(crate) const BR_2_0_1: u64 = 1_710_460_800;
/// 1999-01-01, RFC 2459.
#[cfg(feature = "profiles")]
pub(crate) const RFC2459: u64 = 915_148_800;
/// Always.
pub(crate) const ALWAYS: u64 = 0;

impl<'a> Ctx<'a> {
    pub(crate) fn new(cert: &'a Certificate, report: &'a CertificateReport) -> Self {
        let mut c = Ctx {
            cert,
            report,
            bc: None,
            ekus: None,
            san: None,
            ku: None,
            policies: Vec::new(),
        };
        let value = |oid: &str| c.ext(oid).map(|e| e.extn_value.as_bytes().to_vec());
        let (bc, eku, san, ku, cp) = (value(BC), value(EKU), value(SAN), value(KU), value(CP));
        c.bc = bc.and_then(|b| x509_cert::ext::pkix::BasicConstraints::from_der(&b).ok());
        c.ekus = eku.map(|b| {
            x509_cert::ext::pkix::ExtendedKeyUsage::from_der(&b)
                .map(|k| k.0.iter().map(|o| o.to_string()).collect())
                .unwrap_or_default()
        });
        c.san = san.map(|b| {
            x509_cert::ext::pkix::SubjectAltName::from_der(&b)
                .map(|s| s.0)
                .unwrap_or_default()
        });
        c.ku = ku.and_then(|b| x509_cert::ext::pkix::KeyUsage::from_der(&b).ok());
        c.policies = cp
            .and_then(|b| x509_cert::ext::pkix::CertificatePolicies::from_der(&b).ok())
            .map(|p| {
                p.0.iter()
                    .map(|i| i.policy_identifier.to_string())
                    .collect()
            })
            .unwrap_or_default();
        c
    }
}

impl Ctx<'_> {
    pub(crate) fn not_before(&self) -> u64 {
        self.cert
            .tbs_certificate()
            .validity()
            .not_before
            .to_unix_duration()
            .as_secs()
    }
    pub(crate) fn not_after(&self) -> u64 {
        self.cert
            .tbs_certificate()
            .validity()
            .not_after
            .to_unix_duration()
            .as_secs()
    }
    pub(crate) fn extensions(&self) -> &[Extension] {
        self.cert
            .tbs_certificate()
            .extensions()
            .map(|e| e.as_slice())
            .unwrap_or_default()
    }
    pub(crate) fn ext(&self, oid: &str) -> Option<&Extension> {
        let oid = const_oid::ObjectIdentifier::new(oid).ok()?;
        self.extensions().iter().find(|e| e.extn_id == oid)
    }
    pub(crate) fn basic_constraints(&self) -> Option<x509_cert::ext::pkix::BasicConstraints> {
        self.bc.clone()
    }
    /// basicConstraints present with cA TRUE.
    pub(crate) fn is_ca(&self) -> bool {
        self.basic_constraints().is_some_and(|b| b.ca)
    }
    pub(crate) fn self_signed(&self) -> bool {
        self.report.self_signed
    }
    pub(crate) fn is_root(&self) -> bool {
        self.is_ca() && self.self_signed()
    }
    pub(crate) fn is_sub_ca(&self) -> bool {
        self.is_ca() && !self.self_signed()
    }
    pub(crate) fn is_subscriber(&self) -> bool {
        !self.is_ca() && !self.self_signed()
    }
    pub(crate) fn ekus(&self) -> Option<Vec<String>> {
        self.ekus.clone()
    }
    /// EKU absent, or containing serverAuth or anyExtendedKeyUsage, or a CA/Browser Forum
    /// TLS policy asserted (zlint's `IsServerAuthCert`).
    pub(crate) fn server_auth(&self) -> bool {
        let eku = self
            .ekus()
            .is_none_or(|k| k.is_empty() || k.iter().any(|o| o == SERVER_AUTH || o == ANY_EKU));
        let policy = self.policies.iter().any(|p| {
            [
                "2.23.140.1.2.1",
                "2.23.140.1.2.2",
                "2.23.140.1.2.3",
                "2.23.140.1.1",
            ]
            .contains(&p.as_str())
        });
        eku || policy
    }
    /// The subject has none of the attributes zlint looks at (it treats such a subject as
    /// empty, RFC 5280 §4.1.2.6).
    pub(crate) fn subject_empty(&self) -> bool {
        const COMMON: &[&str] = &[
            "2.5.4.3", "2.5.4.6", "2.5.4.7", "2.5.4.8", "2.5.4.9", "2.5.4.10", "2.5.4.11",
            "2.5.4.17", "2.5.4.5",
        ];
        !self
            .report
            .subject
            .attributes
            .iter()
            .any(|a| COMMON.contains(&a.oid.as_str()))
    }
    pub(crate) fn is_server(&self) -> bool {
        self.is_subscriber() && self.server_auth()
    }
    /// The certificate policy identifiers, dotted (none when the extension is absent or does
    /// not decode).
    pub(crate) fn policies(&self) -> &[String] {
        &self.policies
    }
    pub(crate) fn key_usage(&self) -> Option<x509_cert::ext::pkix::KeyUsage> {
        self.ku
    }
    pub(crate) fn san(&self) -> Option<&[GeneralName]> {
        self.san.as_deref()
    }
    pub(crate) fn dns_names(&self) -> Vec<String> {
        self.san()
            .unwrap_or_default()
            .iter()
            .filter_map(|n| match n {
                GeneralName::DnsName(d) => Some(d.to_string()),
                _ => None,
            })
            .collect()
    }
    /// Values of the subject attribute with this OID, decoded as text.
    pub(crate) fn subject_values(&self, oid: &str) -> Vec<String> {
        self.report
            .subject
            .attributes
            .iter()
            .filter(|a| a.oid == oid)
            .map(|a| a.value.clone())
            .collect()
    }
}

pub(crate) const BC: &str = "2.5.29.19";
pub(crate) const KU: &str = "2.5.29.15";
pub(crate) const EKU: &str = "2.5.29.37";
pub(crate) const SAN: &str = "2.5.29.17";
pub(crate) const IAN: &str = "2.5.29.18";
pub(crate) const SKI: &str = "2.5.29.14";
pub(crate) const AKI: &str = "2.5.29.35";
pub(crate) const AIA: &str = "1.3.6.1.5.5.7.1.1";
pub(crate) const SIA: &str = "1.3.6.1.5.5.7.1.11";
pub(crate) const CDP: &str = "2.5.29.31";
pub(crate) const CP: &str = "2.5.29.32";
pub(crate) const NC: &str = "2.5.29.30";
pub(crate) const PC: &str = "2.5.29.36";
pub(crate) const IAP: &str = "2.5.29.54";
pub(crate) const FRESHEST: &str = "2.5.29.46";
/// Extended key usages the rules read (RFC 5280 §4.2.1.12).
pub(crate) const SERVER_AUTH: &str = "1.3.6.1.5.5.7.3.1";
pub(crate) const CLIENT_AUTH: &str = "1.3.6.1.5.5.7.3.2";
pub(crate) const EMAIL_PROTECTION: &str = "1.3.6.1.5.5.7.3.4";
#[cfg(feature = "profiles")]
pub(crate) const CODE_SIGNING: &str = "1.3.6.1.5.5.7.3.3";
#[cfg(feature = "profiles")]
pub(crate) const TIME_STAMPING: &str = "1.3.6.1.5.5.7.3.8";
#[cfg(feature = "profiles")]
pub(crate) const OCSP_SIGNING: &str = "1.3.6.1.5.5.7.3.9";
pub(crate) const ANY_EKU: &str = "2.5.29.37.0";

/// Runs every rule of `catalog` on one certificate.
pub(crate) fn run(catalog: &[&Lint], ctx: &Ctx<'_>) -> Vec<(usize, Status, Option<String>)> {
    let issued = ctx.not_before();
    let server = ctx.server_auth();
    catalog
        .iter()
        .enumerate()
        .map(|(i, l)| {
            // The TLS Baseline Requirements judge TLS server certificates only (zlint's
            // framework filter): a code-signing or S/MIME certificate is not held to them.
            let tls = l.source.label.starts_with("CA/B Forum")
                && super::LintProfile::of(&l.source) == super::LintProfile::TlsServer;
            if (tls && !server && !l.every_kind) || !(l.applies)(ctx) {
                return (i, Status::NotApplicable, None);
            }
            if issued < l.from || l.until.is_some_and(|u| issued >= u) {
                return (i, Status::NotEffective, None);
            }
            let (status, evidence) = l.level.outcome((l.check)(ctx));
            (i, status, evidence)
        })
        .collect()
}

impl Level {
    /// A rule's outcome once it applies and is in force: pass, or violated at this level.
    pub(crate) fn outcome(self, evidence: Option<String>) -> (Status, Option<String>) {
        let status = match (evidence.is_some(), self) {
            (false, _) => Status::Pass,
            (true, Level::Error) => Status::Error,
            (true, Level::Warn) => Status::Warn,
            (true, Level::Notice) => Status::Notice,
        };
        (status, evidence)
    }
}

impl Status {
    /// The severity of a finding for a violated rule.
    pub(crate) fn severity(self) -> Severity {
        match self {
            Status::Error => Severity::Error,
            Status::Warn => Severity::Warning,
            _ => Severity::Info,
        }
    }
}

/// Turns violated rules into findings on `findings` (or names the zlint lint on an existing
/// finding that says the same).
pub(crate) fn findings(
    catalog: &[&Lint],
    results: &[(usize, Status, Option<String>)],
    findings: &mut Vec<Finding>,
) {
    for (i, status, evidence) in results {
        let (Some(l), Some(evidence)) = (catalog.get(*i), evidence) else {
            continue;
        };
        if let Some(existing) = l
            .same_as
            .and_then(|id| findings.iter_mut().find(|f| f.id == id))
        {
            if existing.zlint.is_none() {
                existing.zlint = l.zlint;
            }
            if existing.pkilint.is_none() {
                existing.pkilint = super::pkilint::code(l.id);
            }
            continue;
        }
        let mut f = super::finding(
            l.id,
            status.severity(),
            l.title,
            l.explanation,
            evidence.clone(),
            l.source.clone(),
            l.fix,
        );
        f.zlint = l.zlint;
        f.pkilint = super::pkilint::code(l.id);
        f.profile = Some(super::LintProfile::of(&l.source));
        findings.push(f);
    }
}
