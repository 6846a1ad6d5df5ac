//! Validity: expired, not yet valid, about to expire, and lifetimes longer than browsers
//! accept.

use super::{finding, references as refs};
use crate::cert::{CertificateReport, Role, ValidityState};
use crate::{Finding, Severity};

/// Renewal is due when fewer days than this remain.
pub(crate) const EXPIRY_WARNING_DAYS: u64 = 30;
/// Maximum lifetimes of TLS server certificates by issuance date (notBefore):
/// 398 days from 2020-09-01 (browser root programs, [BR §6.3.2]), then ballot SC-081's
/// 200 days from 2026-03-15, 100 days from 2027-03-15 and 47 days from 2029-03-15.
const LIFETIME_LIMITS: &[(u64, u64, &str)] = &[
    (1_868_227_200, 47, "2029-03-15"),
    (1_805_068_800, 100, "2027-03-15"),
    (1_773_532_800, 200, "2026-03-15"),
    (1_598_918_400, 398, "2020-09-01"),
];

/// The lifetime limit in days in force when a certificate was issued, with its start date.
fn lifetime_limit(not_before: u64) -> Option<(u64, &'static str)> {
    LIFETIME_LIMITS
        .iter()
        .find(|(from, _, _)| not_before >= *from)
        .map(|(_, days, since)| (*days, *since))
}

pub(super) fn check(cert: &CertificateReport, out: &mut Vec<Finding>) {
    let v = &cert.validity;
    let evidence = format!("notBefore {}, notAfter {}", v.not_before, v.not_after);
    match v.state {
        ValidityState::Expired => out.push(finding(
            "cert.expired",
            Severity::Error,
            "Certificate has expired",
            format!(
                "This certificate stopped being valid on {} ({}). Browsers and other TLS \
                 clients reject an expired certificate with an error such as \
                 NET::ERR_CERT_DATE_INVALID, whatever else is right about it.",
                v.not_after, v.summary
            ),
            evidence.clone(),
            refs::RFC5280_VALIDITY,
            "Renew the certificate with your CA (or your ACME client) and install the new one \
             together with its intermediate certificates; then reload the server.",
        )),
        ValidityState::NotYetValid => out.push(finding(
            "cert.not-yet-valid",
            Severity::Error,
            "Certificate is not valid yet",
            format!(
                "This certificate only becomes valid on {}. Clients reject it until then. \
                 If it was just issued, check the clock of the machine judging it.",
                v.not_before
            ),
            evidence.clone(),
            refs::RFC5280_VALIDITY,
            "Wait until the start date, or check the system clock of the client.",
        )),
        ValidityState::Valid if v.days < EXPIRY_WARNING_DAYS => out.push(finding(
            "cert.expiring-soon",
            Severity::Warning,
            format!("Certificate expires in {} days", v.days),
            format!(
                "This certificate expires on {}. Renew it before then: clients will refuse \
                 the connection from that moment.",
                v.not_after
            ),
            evidence.clone(),
            refs::RFC5280_VALIDITY,
            "Renew now and make sure renewal is automated (for example with an ACME client).",
        )),
        ValidityState::Valid => {}
    }
    let Some((limit, since)) = lifetime_limit(v.not_before_unix) else {
        return;
    };
    if cert.role == Role::Leaf
        && !cert.self_signed
        && v.lifetime_seconds > limit.saturating_mul(86_400)
    {
        let browsers = if limit == 398 {
            "Safari, Chrome and Firefox reject longer-lived certificates from public CAs."
        } else {
            "Public CAs may no longer issue such certificates, and clients are entitled to \
             reject them (Apple's root program enforces the same schedule)."
        };
        out.push(finding(
            "cert.lifetime-too-long",
            Severity::Error,
            format!(
                "Lifetime of {} days exceeds the {limit}-day limit",
                v.lifetime_days
            ),
            format!(
                "TLS server certificates issued on or after {since} may be valid for at most \
                 {limit} days. {browsers} The limit shrinks by CA/Browser Forum ballot SC-081: \
                 200 days from 2026-03-15, 100 days from 2027-03-15, 47 days from 2029-03-15."
            ),
            format!("{evidence}: {} days", v.lifetime_days),
            refs::BR_VALIDITY,
            "Re-issue the certificate with a shorter validity (public CAs do this by default) \
             and automate renewal, for example with an ACME client.",
        ));
    }
}
