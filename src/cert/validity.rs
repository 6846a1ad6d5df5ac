//! The validity period ([RFC 5280 §4.1.2.5]) judged at an evaluation time.
//!
//! Both ends are inclusive: a certificate is valid from `notBefore` through `notAfter`, so
//! its lifetime is `notAfter − notBefore + 1 second` (the CA/Browser Forum counts it the same
//! way, [BR §1.6.1] "Validity Period").
//!
//! [RFC 5280 §4.1.2.5]: https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5
//! [BR §1.6.1]: https://cabforum.org/working-groups/server/baseline-requirements/requirements/#161-definitions

use serde::Serialize;
use x509_cert::time::Validity;

use crate::time;

const DAY: u64 = 86_400;

/// Where the evaluation time falls in the validity period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ValidityState {
    /// Before `notBefore`.
    NotYetValid,
    /// Between `notBefore` and `notAfter`, both included.
    Valid,
    /// After `notAfter`.
    Expired,
}

/// The validity period and what it means at the evaluation time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidityReport {
    /// Start, RFC 3339 UTC.
    pub not_before: String,
    /// End (inclusive), RFC 3339 UTC.
    pub not_after: String,
    /// Whole days from `notBefore` to `notAfter`, both included.
    pub lifetime_days: u64,
    /// The state at the evaluation time.
    pub state: ValidityState,
    /// Whole days until `notAfter` (valid), until `notBefore` (not yet valid) or since
    /// `notAfter` (expired).
    pub days: u64,
    /// How much of the lifetime has passed, 0–100.
    pub elapsed_percent: u8,
    /// A phrase such as "valid, 42 days left" or "expired 3 days ago".
    pub summary: String,
    #[serde(skip)]
    pub(crate) not_before_unix: u64,
    #[serde(skip)]
    pub(crate) not_after_unix: u64,
    #[serde(skip)]
    pub(crate) lifetime_seconds: u64,
}

pub(crate) fn report(validity: &Validity, at: u64) -> ValidityReport {
    let nb = validity.not_before.to_unix_duration().as_secs();
    let na = validity.not_after.to_unix_duration().as_secs();
    let lifetime_seconds = na.saturating_sub(nb).saturating_add(1);
    let (state, days) = if at < nb {
        (ValidityState::NotYetValid, nb.saturating_sub(at) / DAY)
    } else if at > na {
        (ValidityState::Expired, at.saturating_sub(na) / DAY)
    } else {
        (ValidityState::Valid, na.saturating_sub(at) / DAY)
    };
    let elapsed = at.saturating_sub(nb).min(lifetime_seconds);
    let elapsed_percent = u8::try_from(
        elapsed
            .saturating_mul(100)
            .checked_div(lifetime_seconds)
            .unwrap_or(100)
            .min(100),
    )
    .unwrap_or(100);
    ValidityReport {
        not_before: time::rfc3339(nb),
        not_after: time::rfc3339(na),
        lifetime_days: lifetime_seconds / DAY,
        state,
        days,
        elapsed_percent,
        summary: summary(state, days, nb),
        not_before_unix: nb,
        not_after_unix: na,
        lifetime_seconds,
    }
}

fn plural(n: u64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

fn summary(state: ValidityState, days: u64, not_before: u64) -> String {
    match state {
        ValidityState::Valid if days == 0 => "valid, expires within a day".into(),
        ValidityState::Valid => format!("valid, {} left", plural(days, "day")),
        ValidityState::Expired if days == 0 => "expired less than a day ago".into(),
        ValidityState::Expired => format!("expired {} ago", plural(days, "day")),
        ValidityState::NotYetValid => format!(
            "not valid until {} (in {})",
            time::rfc3339(not_before),
            plural(days.saturating_add(1), "day")
        ),
    }
}
