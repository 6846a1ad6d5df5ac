//! The CA/Browser Forum EV Guidelines' certificate profile (§7.1.4.2, formerly §9.2): what an
//! EV subscriber certificate's subject must hold, and the names it may carry. A certificate is
//! EV when it asserts the CA/B Forum EV policy (2.23.140.1.1) or a CA's own EV policy
//! identifier (the list browsers and zlint recognise).

use x509_cert::ext::pkix::name::GeneralName;

use super::{fail, rule};
use crate::lint::engine::{Ctx, Level::*, Lint, ALWAYS};
use crate::Reference;

const EV_SUBJECT: Reference = Reference {
    label: "CA/B Forum EV Guidelines §7.1.4.2",
    url: "https://cabforum.org/working-groups/server/extended-validation/guidelines/#7142-subject-distinguished-name-fields",
};
const EV_SAN: Reference = Reference {
    label: "CA/B Forum EV Guidelines §7.1.4.1",
    url: "https://cabforum.org/working-groups/server/extended-validation/guidelines/#7141-subject-alternative-name-extension",
};
const EV_VALIDITY: Reference = Reference {
    label: "CA/B Forum EV Guidelines §9.4 (2017)",
    url: "https://cabforum.org/working-groups/server/extended-validation/guidelines/",
};

/// The CA/B Forum EV policy and CAs' own EV policy identifiers (as Chromium's EV list and
/// zlint's `util.IsEV` have them).
const EV_POLICIES: &[&str] = &[
    "2.23.140.1.1",
    "1.3.159.1.17.1",
    "1.3.6.1.4.1.34697.2.1",
    "1.3.6.1.4.1.34697.2.2",
    "1.3.6.1.4.1.34697.2.3",
    "1.3.6.1.4.1.34697.2.4",
    "1.2.40.0.17.1.22",
    "2.16.578.1.26.1.3.3",
    "1.3.6.1.4.1.17326.10.14.2.1.2",
    "1.3.6.1.4.1.17326.10.8.2.1.2",
    "1.3.6.1.4.1.6449.1.2.1.5.1",
    "2.16.840.1.114412.2.1",
    "2.16.840.1.114412.1.3.0.2",
    "2.16.528.1.1001.1.1.1.12.6.1.1.1",
    "2.16.792.3.0.4.1.1.4",
    "2.16.840.1.114028.10.1.2",
    "0.4.0.2042.1.4",
    "0.4.0.2042.1.5",
    "1.3.6.1.4.1.13177.10.1.3.10",
    "1.3.6.1.4.1.14370.1.6",
    "1.3.6.1.4.1.4146.1.1",
    "2.16.840.1.114413.1.7.23.3",
    "1.3.6.1.4.1.14777.6.1.1",
    "2.16.792.1.2.1.1.5.7.1.9",
    "1.3.6.1.4.1.782.1.2.1.8.1",
    "1.3.6.1.4.1.22234.2.5.2.3.1",
    "1.3.6.1.4.1.8024.0.2.100.1.2",
    "1.2.392.200091.100.721.1",
    "2.16.840.1.114414.1.7.23.3",
    "1.3.6.1.4.1.23223.2",
    "1.3.6.1.4.1.23223.1.1.1",
    "2.16.756.1.83.21.0",
    "2.16.756.1.89.1.2.1.1",
    "1.3.6.1.4.1.7879.13.24.1",
    "2.16.840.1.113733.1.7.48.1",
    "2.16.840.1.114404.1.1.2.4.1",
    "2.16.840.1.113733.1.7.23.6",
    "1.3.6.1.4.1.6334.1.100.1",
    "2.16.840.1.114171.500.9",
    "1.3.6.1.4.1.36305.2",
];

/// An EV subscriber certificate (zlint's `IsEV` and `IsSubscriberCert`).
pub(crate) fn is_ev(c: &Ctx<'_>) -> bool {
    c.is_subscriber()
        && c.policies()
            .iter()
            .any(|p| EV_POLICIES.contains(&p.as_str()))
}

fn missing(c: &Ctx<'_>, oid: &str, name: &str) -> Option<String> {
    fail(c.subject_values(oid).is_empty(), || {
        format!("no {name} in the subject")
    })
}

/// The EV Guidelines' four business categories (§7.1.4.2.3).
const CATEGORIES: &[&str] = &[
    "Private Organization",
    "Government Entity",
    "Business Entity",
    "Non-Commercial Entity",
];

/// 2018-03-01: from then the Baseline Requirements' 825 days bound EV certificates too.
const SUB_CERT_825_DAYS: u64 = 1_519_862_400;
/// 27 months, as zlint counts them from notBefore.
fn over_27_months(c: &Ctx<'_>) -> bool {
    let (nb, na) = (c.not_before(), c.not_after());
    let Ok(start) = der::DateTime::from_unix_duration(core::time::Duration::from_secs(nb)) else {
        return false;
    };
    let months = u32::from(start.month()).saturating_add(27);
    let year = u16::try_from(months.saturating_sub(1) / 12)
        .ok()
        .and_then(|y| start.year().checked_add(y));
    let month = u8::try_from((months.saturating_sub(1) % 12).saturating_add(1)).ok();
    let end = year.zip(month).and_then(|(y, m)| {
        der::DateTime::new(
            y,
            m,
            start.day().min(28),
            start.hour(),
            start.minutes(),
            start.seconds(),
        )
        .ok()
    });
    end.is_some_and(|e| na > e.unix_duration().as_secs())
}

pub(super) const RULES: &[Lint] = &[
    rule("ev.organization-missing", Some("e_ev_organization_name_missing"), Error, EV_SUBJECT, ALWAYS, is_ev,
        |c| missing(c, "2.5.4.10", "organizationName"),
        "EV certificate without an organization name", "The EV Guidelines require the subject to name the verified legal organization (organizationName); it is what EV attests.", "Re-issue with the organization's verified legal name in O."),
    rule("ev.business-category-missing", Some("e_ev_business_category_missing"), Error, EV_SUBJECT, ALWAYS, is_ev,
        |c| missing(c, "2.5.4.15", "businessCategory"),
        "EV certificate without a business category", "The EV Guidelines require businessCategory: Private Organization, Government Entity, Business Entity or Non-Commercial Entity.", "Re-issue with the subject's businessCategory."),
    rule("ev.country-missing", Some("e_ev_country_name_missing"), Error, EV_SUBJECT, ALWAYS, is_ev,
        |c| missing(c, "2.5.4.6", "countryName"),
        "EV certificate without a country", "The EV Guidelines require the countryName of the organization's place of business.", "Re-issue with C set."),
    rule("ev.serial-number-missing", Some("e_ev_serial_number_missing"), Error, EV_SUBJECT, ALWAYS, is_ev,
        |c| missing(c, "2.5.4.5", "serialNumber"),
        "EV certificate without the registration number", "The EV Guidelines require the subject's serialNumber: the organization's registration (or incorporation) number.", "Re-issue with the registration number in the subject's serialNumber."),
    rule("ev.jurisdiction-country-missing", None, Error, EV_SUBJECT, ALWAYS, is_ev,
        |c| missing(c, "1.3.6.1.4.1.311.60.2.1.3", "jurisdictionCountryName"),
        "EV certificate without the jurisdiction of incorporation", "The EV Guidelines require jurisdictionCountryName: the country whose law the organization is registered under.", "Re-issue with jurisdictionCountryName (and, where it applies, the state or locality of incorporation)."),
    rule("ev.business-category-invalid", Some("e_ev_invalid_business_category"), Error, EV_SUBJECT, ALWAYS,
        |c| is_ev(c) && !c.subject_values("2.5.4.15").is_empty(),
        |c| {
            let bad = c.subject_values("2.5.4.15").into_iter().find(|v| !CATEGORIES.contains(&v.as_str()));
            fail(bad.is_some(), || format!("businessCategory {:?}", bad.unwrap_or_default()))
        },
        "EV certificate with an unknown business category", "The EV Guidelines allow exactly four values: Private Organization, Government Entity, Business Entity, Non-Commercial Entity.", "Re-issue with one of the four values, spelled exactly."),
    rule("ev.san-ip-address", Some("e_ev_san_ip_address_present"), Error, EV_SAN, ALWAYS, is_ev,
        |c| fail(c.san().unwrap_or_default().iter().any(|n| matches!(n, GeneralName::IpAddress(_))), || "an IP address in the SAN".into()),
        "EV certificate naming an IP address", "The EV Guidelines allow only domain names in an EV certificate's SAN: an IP address cannot be attributed to a verified organization.", "Re-issue without the IP address (use an OV or DV certificate for it)."),
    rule("ev.wildcard", None, Error, EV_SAN, ALWAYS, is_ev,
        |c| {
            let wild = c.dns_names().into_iter().find(|n| n.starts_with('*') && !n.ends_with(".onion"));
            fail(wild.is_some(), || format!("dNSName {:?}", wild.unwrap_or_default()))
        },
        "EV certificate with a wildcard name", "The EV Guidelines forbid wildcard names in EV certificates (only .onion names may be wildcards, Appendix F): each name must be verified on its own.", "List each host name, or use an OV certificate for the wildcard."),
    rule("ev.validity-over-27-months", Some("e_ev_valid_time_too_long"), Error, EV_VALIDITY, ALWAYS,
        |c| is_ev(c) && c.not_before() < SUB_CERT_825_DAYS,
        |c| fail(over_27_months(c), || "valid for more than 27 months".into()),
        "EV certificate valid for more than 27 months", "Until the Baseline Requirements' 825-day limit (2018-03-01), the EV Guidelines capped EV certificates at 27 months.", "Re-issue with a shorter validity."),
];
