//! The rule catalogue, one file per area. Each rule cites its source (CA/Browser Forum Baseline
//! Requirements or RFC 5280) and, where zlint has the same check, names the zlint lint.

#[cfg(feature = "profiles")]
mod code_signing;
mod content;
mod dns;
mod ev;
mod extensions;
#[cfg(feature = "profiles")]
mod facts;
mod keys;
mod profile;
#[cfg(feature = "profiles")]
mod smime;
mod validity;

use super::engine::{Ctx, Level, Lint};
use crate::Reference;

/// Every rule, in a stable order.
pub(crate) fn catalog() -> Vec<&'static Lint> {
    extensions::RULES
        .iter()
        .chain(profile::RULES)
        .chain(dns::RULES)
        .chain(keys::RULES)
        .chain(validity::RULES)
        .chain(content::RULES)
        .chain(content::TLD_RULES)
        .chain(ev::RULES)
        .chain(profiles())
        .collect()
}

/// The rules of the S/MIME and Code Signing profiles, which the profiles module carries.
pub(crate) fn profiles() -> impl Iterator<Item = &'static Lint> {
    #[cfg(feature = "profiles")]
    return code_signing::RULES.iter().chain(smime::RULES);
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
    }
}

/// `Some(evidence)` when `bad`.
pub(super) fn fail(bad: bool, evidence: impl FnOnce() -> String) -> Option<String> {
    bad.then(evidence)
}
