//! Certificate policy processing for the `rfc5280` profile ([RFC 5280 §6.1]): which
//! policies the whole path was issued under, after mappings, inhibitAnyPolicy and the
//! explicit-policy requirements, and where and why the set became empty.
//!
//! The core reads each certificate's policy extensions ([`facts`]) and writes them, with the
//! options, as text ([`encode`]); the processing itself (`tree.rs`, feature `policy`) is its
//! own WebAssembly module, loaded only when the `rfc5280` verdict is asked for (`engine.js` passes `Verdict::policy_input` to
//! `policyCheck` and applies the answer as [`apply`] does natively), so the core that
//! `<certscope-view>` loads does not carry it.
//!
//! [RFC 5280 §6.1]: https://www.rfc-editor.org/rfc/rfc5280#section-6.1

#[cfg(feature = "policy")]
mod tree;

use const_oid::{AssociatedOid, ObjectIdentifier as Oid};
use der::Decode;
use serde::Serialize;
use x509_cert::ext::pkix::{
    CertificatePolicies, InhibitAnyPolicy, PolicyConstraints, PolicyMappings,
};

use super::cert::ChainCert;

/// The inputs of RFC 5280 §6.1.1 that the relying party chooses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PolicyOptions {
    /// user-initial-policy-set, dotted OIDs; empty means anyPolicy.
    pub initial_policy_set: Vec<String>,
    /// initial-explicit-policy: the path must be valid for at least one of them.
    pub initial_explicit_policy: bool,
    /// initial-policy-mapping-inhibit: policy mappings are not followed.
    pub initial_policy_mapping_inhibit: bool,
    /// initial-any-policy-inhibit: anyPolicy in a certificate does not stand for every policy.
    pub initial_any_policy_inhibit: bool,
}

/// One certificate's part in policy processing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyStep {
    /// Index into the report's certificates.
    pub certificate: Option<usize>,
    /// Its subject, for display.
    pub name: String,
    /// The policies (dotted; `2.5.29.32.0` is anyPolicy) valid for the path down to this
    /// certificate once it was processed.
    pub valid: Vec<String>,
    /// What this certificate changed, in words.
    pub notes: Vec<String>,
}

/// The result of policy processing for one path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyReport {
    /// Whether the path passes policy processing.
    pub valid: bool,
    /// The user-initial-policy-set given (empty: anyPolicy).
    pub initial_policy_set: Vec<String>,
    /// The certificates from the one below the anchor to the end entity.
    pub steps: Vec<PolicyStep>,
    /// The authorities-constrained policy set: policies the path is valid for.
    pub authorities: Vec<String>,
    /// The user-constrained policy set: those of them the user accepts (§6.1.6).
    pub user: Vec<String>,
    /// An explicit policy was required (by the options or requireExplicitPolicy).
    pub explicit_required: bool,
    /// The first certificate after which no policy was valid any more (index into `steps`).
    pub emptied_at: Option<usize>,
    /// In a sentence or two.
    pub explanation: String,
}

/// One certificate's policy extensions, as §6.1.3–§6.1.4 read them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct CertPolicies {
    pub(crate) certificate: Option<usize>,
    pub(crate) name: String,
    pub(crate) self_issued: bool,
    /// certificatePolicies, when present.
    pub(crate) policies: Option<Vec<Oid>>,
    /// policyMappings (issuerDomainPolicy, subjectDomainPolicy), when present.
    pub(crate) mappings: Option<Vec<(Oid, Oid)>>,
    pub(crate) require_explicit: Option<u32>,
    pub(crate) inhibit_mapping: Option<u32>,
    pub(crate) inhibit_any: Option<u32>,
}

/// Reads the policy extensions of one certificate; an extension that cannot be decoded is
/// an error naming it.
pub(crate) fn facts(c: &ChainCert) -> Result<CertPolicies, String> {
    let mut out = CertPolicies {
        certificate: c.index,
        name: c.subject_display(),
        self_issued: c.self_issued(),
        ..CertPolicies::default()
    };
    let bad = |what: &str| format!("{}: its {what} extension cannot be decoded", out.name);
    for ext in c.cert.tbs_certificate().extensions().into_iter().flatten() {
        let bytes = ext.extn_value.as_bytes();
        match ext.extn_id {
            CertificatePolicies::OID => {
                let p =
                    CertificatePolicies::from_der(bytes).map_err(|_| bad("certificatePolicies"))?;
                out.policies = Some(p.0.into_iter().map(|i| i.policy_identifier).collect());
            }
            PolicyMappings::OID => {
                let m = PolicyMappings::from_der(bytes).map_err(|_| bad("policyMappings"))?;
                out.mappings = Some(
                    m.0.into_iter()
                        .map(|m| (m.issuer_domain_policy, m.subject_domain_policy))
                        .collect(),
                );
            }
            PolicyConstraints::OID => {
                let p = PolicyConstraints::from_der(bytes).map_err(|_| bad("policyConstraints"))?;
                out.require_explicit = p.require_explicit_policy;
                out.inhibit_mapping = p.inhibit_policy_mapping;
            }
            InhibitAnyPolicy::OID => {
                let s = InhibitAnyPolicy::from_der(bytes).map_err(|_| bad("inhibitAnyPolicy"))?;
                out.inhibit_any = Some(s.0);
            }
            _ => {}
        }
    }
    Ok(out)
}

fn oids(list: &[Oid]) -> String {
    list.iter()
        .map(Oid::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn number(n: Option<u32>) -> String {
    n.map_or("-".into(), |n| n.to_string())
}

/// The path's facts and the options as text, one line each (tab-separated), for the verify
/// module: `options` with the initial policy set and three flags, then per certificate its
/// index, self-issued, policies, mappings, the three constraints and its name.
pub(crate) fn encode(path: &[CertPolicies], options: &PolicyOptions) -> String {
    let flag = |b: bool| if b { "1" } else { "0" };
    let mut out = format!(
        "options\t{}\t{}\t{}\t{}\n",
        options.initial_policy_set.join(","),
        flag(options.initial_explicit_policy),
        flag(options.initial_policy_mapping_inhibit),
        flag(options.initial_any_policy_inhibit)
    );
    for c in path {
        let mappings = c.mappings.as_ref().map_or("-".into(), |m| {
            m.iter()
                .map(|(a, b)| format!("{a}>{b}"))
                .collect::<Vec<_>>()
                .join(",")
        });
        let name: String = c
            .name
            .chars()
            .map(|ch| if ch.is_control() { ' ' } else { ch })
            .collect();
        out.push_str(&format!(
            "{}\t{}\t{}\t{mappings}\t{}\t{}\t{}\t{name}\n",
            c.certificate.map_or("-".into(), |i| i.to_string()),
            flag(c.self_issued),
            c.policies.as_deref().map_or("-".into(), oids),
            number(c.require_explicit),
            number(c.inhibit_mapping),
            number(c.inhibit_any),
        ));
    }
    out
}

#[cfg(feature = "policy")]
mod decode;
#[cfg(feature = "policy")]
pub(crate) use decode::check;

#[cfg(feature = "policy")]
/// The verdict once policy processing has answered: natively from `check`, in WebAssembly
/// from the policy module (`engine.js` does the same assignments).
pub(crate) fn apply(
    verdict: &mut super::Verdict,
    report: PolicyReport,
    problem: Option<super::ChainProblem>,
) {
    verdict.policy_input = None;
    if let Some(problem) = problem {
        verdict.trusted = false;
        verdict.summary = format!("Not trusted: {}", problem.message);
        for link in &mut verdict.path {
            link.failed = link.certificate.is_some() && link.certificate == problem.certificate;
        }
        verdict.problem = Some(problem);
    }
    verdict.policy = Some(report);
}
