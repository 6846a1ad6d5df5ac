//! Certificate policy processing for the `rfc5280` profile ([RFC 5280 §6.1]): which
//! policies the whole path was issued under, after mappings, inhibitAnyPolicy and the
//! explicit-policy requirements, and where and why the set became empty.
//!
//! The core writes the path and the options as text ([`encode`]); reading each certificate's
//! policy extensions and the processing itself (`decode.rs`, `tree.rs`, feature `policy`) are
//! their own WebAssembly module, loaded only when the `rfc5280` verdict is asked for (`engine.js` passes `Verdict::policy_input` to
//! `policyCheck` and applies the answer as `apply_policy` in `chain/mod.rs` does natively), so the core that
//! `<certscope-view>` loads does not carry it.
//!
//! [RFC 5280 §6.1]: https://www.rfc-editor.org/rfc/rfc5280#section-6.1

#[cfg(feature = "policy")]
mod tree;

#[cfg(feature = "policy")]
use const_oid::ObjectIdentifier as Oid;
use serde::Serialize;

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
#[cfg(feature = "policy")]
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

/// The path (anchor side first: each certificate's index in the report and its DER) and the
/// options as text for the policy module, one line each: `options`, the initial policy set and
/// three flags, tab-separated; then per certificate its index (`-` for none) and its DER in
/// base64. The module reads the policy extensions itself (`decode.rs`): reading them here
/// would cost the core 1.5 KB, the module nothing it does not already link.
pub(crate) fn encode<'a>(
    path: impl Iterator<Item = (Option<usize>, &'a [u8])>,
    options: &PolicyOptions,
) -> String {
    use base64ct::Encoding;
    let flag = |b: bool| if b { "1" } else { "0" };
    let mut out = format!(
        "options\t{}\t{}\t{}\t{}\n",
        options.initial_policy_set.join(","),
        flag(options.initial_explicit_policy),
        flag(options.initial_policy_mapping_inhibit),
        flag(options.initial_any_policy_inhibit)
    );
    for (index, der) in path {
        out.push_str(&index.map_or("-".into(), |i| i.to_string()));
        out.push('\t');
        out.push_str(&base64ct::Base64::encode_string(der));
        out.push('\n');
    }
    out
}

#[cfg(feature = "policy")]
mod decode;
#[cfg(feature = "policy")]
pub(crate) use decode::{check, named as policy_names};
