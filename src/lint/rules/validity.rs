//! Validity periods: the Baseline Requirements' limits by issuance date (§6.3.2), including
//! ballot SC-081's 200 / 100 / 47-day steps.

use super::{fail, rule};
use crate::lint::engine::{Ctx, Level::*, Lint};
use crate::lint::references::BR_VALIDITY;
use crate::time::add_months;

/// Seconds the certificate is valid, counting both ends (RFC 5280 §4.1.2.5: inclusive).
fn period(c: &Ctx<'_>) -> u64 {
    c.not_after()
        .saturating_sub(c.not_before())
        .saturating_add(1)
}

fn longer(c: &Ctx<'_>, days: u64) -> Option<String> {
    fail(period(c) > days.saturating_mul(86_400), || {
        format!("valid for {} days", period(c) / 86_400)
    })
}

const DAY: u64 = 86_400;

/// 2020-09-01, 2026-03-15, 2027-03-15, 2029-03-15, 2018-03-01, 2015-04-01.
const D2020_09_01: u64 = 1_598_918_400;
const D2026_03_15: u64 = 1_773_532_800;
const D2027_03_15: u64 = 1_805_068_800;
const D2029_03_15: u64 = 1_868_227_200;
const D2018_03_01: u64 = 1_519_862_400;
const D2015_04_01: u64 = 1_427_846_400;

pub(super) const RULES: &[Lint] = &[
    Lint { same_as: Some("cert.lifetime-too-long"), ..rule("validity.over-398-days", Some("e_tls_server_cert_valid_time_longer_than_398_days"), Error, BR_VALIDITY, D2020_09_01, |c| c.is_server(),
        |c| longer(c, 398), "Valid for more than 398 days", "Server certificates issued from 2020-09-01 may be valid for at most 398 days.", "Re-issue with a shorter validity.") },
    rule("validity.over-397-days", Some("w_tls_server_cert_valid_time_longer_than_397_days"), Warn, BR_VALIDITY, D2020_09_01, |c| c.is_server(),
        |c| longer(c, 397), "Valid for more than 397 days", "398 days is the hard limit; CAs are advised to stay at 397 to avoid off-by-one surprises.", ""),
    Lint { same_as: Some("cert.lifetime-too-long"), until: Some(D2027_03_15), ..rule("validity.over-200-days", Some("e_server_cert_valid_time_longer_than_200_days"), Error, BR_VALIDITY, D2026_03_15, |c| c.is_server(),
        |c| longer(c, 200), "Valid for more than 200 days", "Ballot SC-081: server certificates issued from 2026-03-15 may be valid for at most 200 days.", "Re-issue with a shorter validity.") },
    Lint { until: Some(D2027_03_15), ..rule("validity.over-199-days", Some("w_server_cert_valid_time_longer_than_199_days"), Warn, BR_VALIDITY, D2026_03_15, |c| c.is_server(),
        |c| longer(c, 199), "Valid for more than 199 days", "One day under the 200-day limit is the safe maximum.", "") },
    Lint { same_as: Some("cert.lifetime-too-long"), until: Some(D2029_03_15), ..rule("validity.over-100-days", Some("e_server_cert_valid_time_longer_than_100_days"), Error, BR_VALIDITY, D2027_03_15, |c| c.is_server(),
        |c| longer(c, 100), "Valid for more than 100 days", "Ballot SC-081: from 2027-03-15, at most 100 days.", "Re-issue with a shorter validity.") },
    Lint { until: Some(D2029_03_15), ..rule("validity.over-99-days", Some("w_server_cert_valid_time_longer_than_99_days"), Warn, BR_VALIDITY, D2027_03_15, |c| c.is_server(),
        |c| longer(c, 99), "Valid for more than 99 days", "One day under the 100-day limit is the safe maximum.", "") },
    Lint { same_as: Some("cert.lifetime-too-long"), ..rule("validity.over-47-days", Some("e_server_cert_valid_time_longer_than_47_days"), Error, BR_VALIDITY, D2029_03_15, |c| c.is_server(),
        |c| longer(c, 47), "Valid for more than 47 days", "Ballot SC-081: from 2029-03-15, at most 47 days.", "Automate renewal (ACME).") },
    rule("validity.over-46-days", Some("w_server_cert_valid_time_longer_than_46_days"), Warn, BR_VALIDITY, D2029_03_15, |c| c.is_server(),
        |c| longer(c, 46), "Valid for more than 46 days", "One day under the 47-day limit is the safe maximum.", ""),
    Lint { until: Some(D2020_09_01), ..rule("validity.over-825-days", Some("e_sub_cert_valid_time_longer_than_825_days"), Error, BR_VALIDITY, D2018_03_01, |c| c.is_subscriber(),
        |c| fail(c.not_after().saturating_sub(c.not_before()) > 825 * DAY, || format!("valid for {} days", period(c) / DAY)), "Valid for more than 825 days", "Subscriber certificates issued from 2018-03-01 to 2020-08-31 could be valid for at most 825 days.", "") },
    Lint { until: Some(D2018_03_01), ..rule("validity.over-39-months", Some("e_sub_cert_valid_time_longer_than_39_months"), Error, BR_VALIDITY, D2015_04_01, |c| c.is_subscriber(),
        |c| fail(c.not_after() > add_months(c.not_before(), 39), || format!("valid for {} days", period(c) / DAY)), "Valid for more than 39 months", "Subscriber certificates issued from 2015-04-01 could be valid for at most 39 months.", "") },
];
