//! The rule catalogue, one file per area. Each rule cites its source (CA/Browser Forum Baseline
//! Requirements or RFC 5280) and, where zlint has the same check, names the zlint lint.

#[cfg(feature = "profiles")]
mod algorithms;
#[cfg(feature = "profiles")]
mod br;
#[cfg(feature = "profiles")]
mod code_signing;
#[cfg(feature = "profiles")]
mod community;
mod content;
mod dns;
#[cfg(feature = "profiles")]
mod etsi;
mod ev;
mod extensions;
#[cfg(feature = "profiles")]
mod facts;
#[cfg(feature = "profiles")]
mod key_usage;
mod keys;
#[cfg(feature = "profiles")]
mod policies;
mod profile;
#[cfg(feature = "profiles")]
mod reverse_dns;
#[cfg(feature = "profiles")]
mod rfc5280;
#[cfg(feature = "profiles")]
mod root_programs;
#[cfg(feature = "profiles")]
mod smime;
#[cfg(feature = "profiles")]
mod subject;
mod validity;

use super::engine::{Ctx, Level, Lint};
use crate::Reference;

/// Every rule, in a stable order: the core's, then the profiles module's.
pub(crate) fn catalog() -> Vec<&'static Lint> {
    core_rules().chain(profiles()).chain(deep()).collect()
}

/// The rules the core runs on every certificate.
pub(crate) fn core_rules() -> impl Iterator<Item = &'static Lint> {
    extensions::RULES
        .iter()
        .chain(profile::RULES)
        .chain(dns::RULES)
        .chain(keys::RULES)
        .chain(validity::RULES)
        .chain(content::RULES)
        .chain(content::TLD_RULES)
        .chain(ev::RULES)
}

/// The rules of the S/MIME and Code Signing profiles, which the profiles module carries.
pub(crate) fn profiles() -> impl Iterator<Item = &'static Lint> {
    #[cfg(feature = "profiles")]
    return code_signing::RULES.iter().chain(smime::RULES);
    #[cfg(not(feature = "profiles"))]
    return core::iter::empty();
}

/// The deeper catalogue the profiles module carries for every certificate when all lints are
/// asked for ([`crate::Lints::All`]): zlint's RFC 5280 and community checks beyond the core's.
pub(crate) fn deep() -> impl Iterator<Item = &'static Lint> {
    #[cfg(feature = "profiles")]
    return rfc5280::RULES
        .iter()
        .chain(br::RULES)
        .chain(algorithms::RULES)
        .chain(policies::RULES)
        .chain(etsi::RULES)
        .chain(subject::RULES)
        .chain(community::RULES)
        .chain(key_usage::RULES)
        .chain(root_programs::RULES)
        .chain(reverse_dns::RULES);
    #[cfg(not(feature = "profiles"))]
    return core::iter::empty();
}

/// Builds a rule (a `const fn`, so catalogues are static data).
#[allow(clippy::too_many_arguments)]
pub(super) const fn rule(
    id: &'static str,
    zlint: Option<&'static str>,
    level: Level,
    source: Reference,
    from: u64,
    applies: fn(&Ctx<'_>) -> bool,
    check: fn(&Ctx<'_>) -> Option<String>,
    title: &'static str,
    explanation: &'static str,
    fix: &'static str,
) -> Lint {
    Lint {
        id,
        zlint,
        level,
        source,
        from,
        until: None,
        applies,
        check,
        title,
        explanation,
        fix,
        same_as: None,
        every_kind: false,
    }
}

/// `Some(evidence)` when `bad`.
pub(super) fn fail(bad: bool, evidence: impl FnOnce() -> String) -> Option<String> {
    bad.then(evidence)
}
