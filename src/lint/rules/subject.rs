//! What a TLS subscriber certificate's subject may and must hold under the Baseline
//! Requirements (§7.1.4.2, and §7.1.2.7.2–4 since BR 2.0): a domain-validated certificate names
//! no organization or address; an organization- or individual-validated one names who and
//! where; an address only beside an organization or a person. The profiles module carries
//! them; they run on every certificate when all lints are asked for ([`crate::Lints::All`]).

use super::{fail, rule};
use crate::lint::engine::{Ctx, Level::*, Lint, BR_2_0, CABF_BR, RFC2459};
use crate::Reference;

const SUBJECT: Reference = Reference {
    label: "CA/B Forum BR §7.1.4.2",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7142-subject-attribute-encoding",
};

/// BR 1.3.1 (2015-09-28): the individual-validated policy.
const BR_1_3_1: u64 = 1_443_398_400;
/// 2016-09-07: ballot 173's subject rules (givenName, surname and the address they need).
const GIVEN_NAME: u64 = 1_473_206_400;

/// The string types BR 2.0 §7.1.4.2 allows for each subject attribute (OID, tags).
const ENCODINGS: [(&str, &[der::Tag]); 17] = {
    use der::Tag::{Ia5String as IA5, PrintableString as P, Utf8String as U};
    [
        ("0.9.2342.19200300.100.1.25", &[IA5]),
        ("2.5.4.6", &[P]),
        ("2.5.4.8", &[P, U]),
        ("2.5.4.7", &[P, U]),
        ("2.5.4.17", &[P, U]),
        ("2.5.4.9", &[P, U]),
        ("2.5.4.10", &[P, U]),
        ("2.5.4.4", &[P, U]),
        ("2.5.4.42", &[P, U]),
        ("2.5.4.11", &[P, U]),
        ("2.5.4.3", &[P, U]),
        ("2.5.4.15", &[P, U]),
        ("1.3.6.1.4.1.311.60.2.1.3", &[P]),
        ("1.3.6.1.4.1.311.60.2.1.2", &[P, U]),
        ("1.3.6.1.4.1.311.60.2.1.1", &[P, U]),
        ("2.5.4.5", &[P]),
        ("2.5.4.97", &[P, U]),
    ]
};

/// The first subject attribute whose string type [`ENCODINGS`] does not allow.
fn subject_encoding(c: &Ctx<'_>) -> Option<String> {
    use der::Tagged;
    c.cert
        .tbs_certificate()
        .subject()
        .iter_rdn()
        .flat_map(|rdn| rdn.iter())
        .find_map(|atv| {
            let oid = atv.oid.to_string();
            let (_, allowed) = ENCODINGS.iter().find(|(o, _)| *o == oid)?;
            let tag = atv.value.tag();
            (!allowed.contains(&tag)).then(|| format!("{oid} as {tag}"))
        })
}

const SUBJECT_DV: Reference = Reference {
    label: "CA/B Forum BR §7.1.2.7.2",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#71272-domain-validated",
};
const SUBJECT_IV: Reference = Reference {
    label: "CA/B Forum BR §7.1.2.7.3",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#71273-individual-validated",
};
const SUBJECT_ORDER: Reference = Reference {
    label: "CA/B Forum BR §7.1.4.2",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7142-subject-attribute-encoding",
};
/// BR 2.0's order of subject attributes (§7.1.4.2), as zlint lists it.
const ORDER: [&str; 11] = [
    "0.9.2342.19200300.100.1.25",
    "2.5.4.6",
    "2.5.4.8",
    "2.5.4.7",
    "2.5.4.17",
    "2.5.4.9",
    "2.5.4.10",
    "2.5.4.4",
    "2.5.4.42",
    "2.5.4.11",
    "2.5.4.3",
];

/// Every subject attribute's type, dotted, in order (whatever its value's type).
fn subject_oids(c: &Ctx<'_>) -> Vec<String> {
    c.cert
        .tbs_certificate()
        .subject()
        .iter_rdn()
        .flat_map(|rdn| rdn.iter())
        .map(|atv| atv.oid.to_string())
        .collect()
}

/// BR 1.8.0 (2021-08-25).
const BR_1_8_0: u64 = 1_629_849_600;
const CN: &str = "2.5.4.3";
const RFC_SUBJECT: Reference = Reference {
    label: "RFC 5280 §4.1.2.6",
    url: "https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.6",
};

/// BR 1.7.9 (2021-08-16).
const BR_1_7_9: u64 = 1_629_072_000;
/// 2022-09-01: organizationalUnitName prohibited in subscriber certificates (ballot SC47v2).
const OU_PROHIBITED: u64 = 1_661_990_400;

const DV: &str = "2.23.140.1.2.1";
const OV: &str = "2.23.140.1.2.2";
const IV: &str = "2.23.140.1.2.3";

const O: &str = "2.5.4.10";
const C: &str = "2.5.4.6";
const L: &str = "2.5.4.7";
const ST: &str = "2.5.4.8";
const STREET: &str = "2.5.4.9";
const POSTAL: &str = "2.5.4.17";
const GIVEN: &str = "2.5.4.42";
const OU: &str = "2.5.4.11";

/// The attributes of which a subject may hold one only (BR §7.1.2.7.4 since 2.0).
const SINGLE: [&str; 13] = [
    "1.3.6.1.4.1.311.60.2.1.1",
    "1.3.6.1.4.1.311.60.2.1.2",
    "1.3.6.1.4.1.311.60.2.1.3",
    "2.5.4.3",
    SURNAME,
    "2.5.4.5",
    C,
    L,
    ST,
    O,
    "2.5.4.15",
    GIVEN,
    "2.5.4.97",
];
fn repeated_attribute(c: &Ctx<'_>) -> Option<String> {
    let oids: Vec<&str> = c
        .report
        .subject
        .attributes
        .iter()
        .map(|a| a.oid.as_str())
        .collect();
    oids.iter()
        .enumerate()
        .find(|(i, o)| SINGLE.contains(o) && oids.iter().take(*i).any(|p| p == *o))
        .map(|(_, o)| format!("{o} appears more than once"))
}
/// A text value with no letter, digit or non-ASCII character ("-", ".", " ").
fn metadata_only(c: &Ctx<'_>) -> Option<String> {
    super::facts::subject_strings(c)
        .into_iter()
        .find(|(_, v)| {
            !v.chars()
                .any(|ch| ch.is_ascii_alphanumeric() || !ch.is_ascii())
        })
        .map(|(oid, v)| format!("{oid} is {v:?}"))
}
/// A character of `=:{};"|\[]` in the locality or province.
fn address_punctuation(c: &Ctx<'_>) -> Option<String> {
    c.subject_values(ST)
        .into_iter()
        .chain(c.subject_values(L))
        .find(|v| v.chars().any(|ch| "=:{};\"|\\[]".contains(ch)))
        .map(|v| format!("{v:?}"))
}
const SURNAME: &str = "2.5.4.4";

fn has(c: &Ctx<'_>, oid: &str) -> bool {
    !c.subject_values(oid).is_empty()
}
fn policy(c: &Ctx<'_>, oid: &str) -> bool {
    c.policies().iter().any(|p| p == oid)
}
/// A certificate of this validation policy that is not a CA (zlint's applicability).
fn dv(c: &Ctx<'_>) -> bool {
    policy(c, DV) && !c.is_ca()
}
fn ov(c: &Ctx<'_>) -> bool {
    policy(c, OV) && !c.is_ca()
}
fn iv(c: &Ctx<'_>) -> bool {
    policy(c, IV) && !c.is_ca()
}
/// The subject names an organization or a person (givenName or surname).
fn who(c: &Ctx<'_>) -> bool {
    has(c, O) || has(c, GIVEN) || has(c, SURNAME)
}
fn present(name: &'static str) -> impl FnOnce() -> String {
    move || format!("{name} in the subject")
}
fn absent(name: &'static str) -> impl FnOnce() -> String {
    move || format!("no {name} in the subject")
}

pub(super) const RULES: &[Lint] = &[
    Lint { until: Some(BR_2_0), ..rule("br.dv-organization", Some("e_cab_dv_conflicts_with_org"), Error, SUBJECT, CABF_BR, dv,
        |c| fail(has(c, O), present("organizationName")),
        "A domain-validated certificate names an organization", "A DV certificate proves control of the domain only; the Baseline Requirements (§7.1.4.2.2) forbid organizationName in it, which would claim a vetting that never happened.", "Re-issue without organizationName, or as an OV certificate.") },
    Lint { until: Some(BR_2_0), ..rule("br.dv-locality", Some("e_cab_dv_conflicts_with_locality"), Error, SUBJECT, CABF_BR, dv,
        |c| fail(has(c, L), present("localityName")),
        "A domain-validated certificate names a locality", "A DV certificate proves control of the domain only; the Baseline Requirements (§7.1.4.2.2) forbid address fields in it.", "Re-issue without localityName.") },
    Lint { until: Some(BR_2_0), ..rule("br.dv-province", Some("e_cab_dv_conflicts_with_province"), Error, SUBJECT, CABF_BR, dv,
        |c| fail(has(c, ST), present("stateOrProvinceName")),
        "A domain-validated certificate names a state or province", "A DV certificate proves control of the domain only; the Baseline Requirements (§7.1.4.2.2) forbid address fields in it.", "Re-issue without stateOrProvinceName.") },
    Lint { until: Some(BR_2_0), ..rule("br.dv-street", Some("e_cab_dv_conflicts_with_street"), Error, SUBJECT, CABF_BR, dv,
        |c| fail(has(c, STREET), present("streetAddress")),
        "A domain-validated certificate names a street address", "A DV certificate proves control of the domain only; the Baseline Requirements (§7.1.4.2.2) forbid address fields in it.", "Re-issue without streetAddress.") },
    Lint { until: Some(BR_2_0), ..rule("br.dv-postal-code", Some("e_cab_dv_conflicts_with_postal"), Error, SUBJECT, CABF_BR, dv,
        |c| fail(has(c, POSTAL), present("postalCode")),
        "A domain-validated certificate names a postal code", "A DV certificate proves control of the domain only; the Baseline Requirements (§7.1.4.2.2) forbid address fields in it.", "Re-issue without postalCode.") },
    rule("br.ov-organization", Some("e_cab_ov_requires_org"), Error, SUBJECT, CABF_BR, ov,
        |c| fail(!has(c, O), absent("organizationName")),
        "An organization-validated certificate names no organization", "The OV policy (2.23.140.1.2.2) says the CA verified the organization; the Baseline Requirements (§7.1.6.1) require its name in organizationName.", "Re-issue with the verified organizationName."),
    rule("br.ov-country", Some("e_cert_policy_ov_requires_country"), Error, SUBJECT, CABF_BR, ov,
        |c| fail(!has(c, C), absent("countryName")),
        "An organization-validated certificate names no country", "The Baseline Requirements (§7.1.6.1) require countryName in an OV certificate: the country of the verified organization.", "Re-issue with countryName."),
    rule("br.ov-locality-or-province", Some("e_cert_policy_ov_requires_province_or_locality"), Error, SUBJECT, CABF_BR, |c| c.is_subscriber() && policy(c, OV),
        |c| fail(!has(c, L) && !has(c, ST), absent("localityName or stateOrProvinceName")),
        "An organization-validated certificate names no locality or province", "The Baseline Requirements (§7.1.6.1) require localityName or stateOrProvinceName in an OV certificate, so the organization can be told from others of the same name.", "Re-issue with the organization's locality or province."),
    rule("br.iv-country", Some("e_cert_policy_iv_requires_country"), Error, SUBJECT, BR_1_3_1, iv,
        |c| fail(!has(c, C), absent("countryName")),
        "An individual-validated certificate names no country", "The Baseline Requirements (§7.1.6.1) require countryName in an IV certificate.", "Re-issue with countryName."),
    rule("br.iv-locality-or-province", Some("e_cert_policy_iv_requires_province_or_locality"), Error, SUBJECT, BR_1_3_1, |c| c.is_subscriber() && policy(c, IV),
        |c| fail(!has(c, L) && !has(c, ST), absent("localityName or stateOrProvinceName")),
        "An individual-validated certificate names no locality or province", "The Baseline Requirements (§7.1.6.1) require localityName or stateOrProvinceName in an IV certificate.", "Re-issue with the person's locality or province."),
    Lint { until: Some(BR_2_0), ..rule("br.iv-personal-name", Some("e_cab_iv_requires_personal_name"), Error, SUBJECT, BR_1_3_1, iv,
        |c| fail(!(has(c, O) || has(c, GIVEN) && has(c, SURNAME)), absent("organizationName, or givenName and surname")),
        "An individual-validated certificate names no person", "The IV policy (2.23.140.1.2.3) says the CA verified a person; the Baseline Requirements (§7.1.6.1) require givenName and surname (or an organizationName).", "Re-issue with the verified givenName and surname.") },
    rule("br.locality-required", Some("e_sub_cert_locality_name_must_appear"), Error, SUBJECT, GIVEN_NAME, |c| c.is_subscriber(),
        |c| fail(who(c) && !has(c, ST) && !has(c, L), absent("localityName (nor stateOrProvinceName) beside the organization or person")),
        "The subject names an organization or person but no locality", "The Baseline Requirements (§7.1.4.2.2): with organizationName, givenName or surname, localityName is required unless stateOrProvinceName is given.", "Add localityName."),
    rule("br.province-required", Some("e_sub_cert_province_must_appear"), Error, SUBJECT, GIVEN_NAME, |c| c.is_subscriber(),
        |c| fail(who(c) && !has(c, L) && !has(c, ST), absent("stateOrProvinceName (nor localityName) beside the organization or person")),
        "The subject names an organization or person but no province", "The Baseline Requirements (§7.1.4.2.2): with organizationName, givenName or surname, stateOrProvinceName is required unless localityName is given.", "Add stateOrProvinceName."),
    rule("br.country-required", Some("e_sub_cert_country_name_must_appear"), Error, SUBJECT, GIVEN_NAME, |c| c.is_subscriber(),
        |c| fail(who(c) && !has(c, C), absent("countryName beside the organization or person")),
        "The subject names an organization or person but no country", "The Baseline Requirements (§7.1.4.2.2): with organizationName, givenName or surname, countryName is required.", "Add countryName."),
    rule("br.locality-without-organization", Some("e_sub_cert_locality_name_must_not_appear"), Error, SUBJECT, GIVEN_NAME, |c| c.is_subscriber(),
        |c| fail(!who(c) && has(c, L), || "localityName without an organization or person".into()),
        "A locality without an organization or person", "The Baseline Requirements (§7.1.4.2.2): localityName is prohibited unless organizationName, givenName or surname is present; an address of nobody verifies nothing.", "Remove localityName."),
    rule("br.province-without-organization", Some("e_sub_cert_province_must_not_appear"), Error, SUBJECT, GIVEN_NAME, |c| c.is_subscriber(),
        |c| fail(!who(c) && has(c, ST), || "stateOrProvinceName without an organization or person".into()),
        "A province without an organization or person", "The Baseline Requirements (§7.1.4.2.2): stateOrProvinceName is prohibited unless organizationName, givenName or surname is present.", "Remove stateOrProvinceName."),
    rule("br.postal-code-without-organization", Some("e_sub_cert_postal_code_must_not_appear"), Error, SUBJECT, GIVEN_NAME, |c| c.is_subscriber(),
        |c| fail(!who(c) && has(c, POSTAL), || "postalCode without an organization or person".into()),
        "A postal code without an organization or person", "The Baseline Requirements (§7.1.4.2.2): postalCode is prohibited unless organizationName, givenName or surname is present.", "Remove postalCode."),
    rule("br.street-without-organization", Some("e_sub_cert_street_address_should_not_exist"), Error, SUBJECT, GIVEN_NAME, |c| c.is_subscriber(),
        |c| fail(!who(c) && has(c, STREET), || "streetAddress without an organization or person".into()),
        "A street address without an organization or person", "The Baseline Requirements (§7.1.4.2.2): streetAddress is prohibited unless organizationName, givenName or surname is present.", "Remove streetAddress."),
    rule("br.noninformational-value", Some("e_subject_contains_noninformational_value"), Error, SUBJECT, CABF_BR, |_| true,
        metadata_only,
        "A subject attribute holds only punctuation", "The Baseline Requirements (§7.1.4.2.2) forbid metadata such as \".\", \"-\" or \" \" standing in for an absent value: a field is either verified information or left out.", "Leave the attribute out instead."),
    rule("br.address-punctuation", Some("e_state_or_province_name_must_not_contain_control_characters"), Error, SUBJECT, CABF_BR, |_| true,
        address_punctuation,
        "The locality or province holds characters of a name's syntax", "Characters such as = : { } ; \" | \\ [ ] in stateOrProvinceName or localityName are almost always a CA's template or parser error (a whole DN pasted into one field), not a place name; zlint applies the BR's verified-information rule (§7.1.4.2.2) to them.", "Put only the place name in the attribute."),
    rule("br.duplicate-attribute", Some("e_duplicate_subject_attribs"), Error, SUBJECT, BR_2_0, |_| true,
        repeated_attribute,
        "A subject attribute that may appear once appears twice", "Since BR 2.0 (§7.1.2.7.4) the subject holds at most one of each of commonName, organizationName, countryName, localityName, stateOrProvinceName, serialNumber, givenName, surname, businessCategory, organizationIdentifier and the jurisdiction fields.", "Keep one value of the attribute."),
    rule("br.ou-prohibited", Some("e_organizational_unit_name_prohibited"), Error, SUBJECT, OU_PROHIBITED, |c| !c.is_ca(),
        |c| fail(has(c, OU), present("organizationalUnitName")),
        "The subject has an organizational unit", "Since 2022-09-01 (ballot SC47v2, BR §7.1.4.2.2) organizationalUnitName is prohibited in subscriber certificates: CAs could not verify it.", "Re-issue without OU."),
    rule("br.ca-ou", Some("e_subj_orgunit_in_ca_cert"), Error, SUBJECT, BR_2_0, |c| c.is_ca(),
        |c| fail(has(c, OU), present("organizationalUnitName")),
        "The CA certificate's subject has an organizational unit", "Since BR 2.0 (§7.1.2.10.2) organizationalUnitName is prohibited in root and TLS CA certificates (cross-certificates aside).", "Issue the CA without OU."),
    rule("br.ou-without-organization", Some("e_subject_contains_organizational_unit_name_and_no_organization_name"), Error, SUBJECT, BR_1_7_9, |c| has(c, OU),
        |c| fail(!has(c, O), || "organizationalUnitName without organizationName".into()),
        "An organizational unit without an organization", "The Baseline Requirements (§7.1.4.2.2, from 1.7.9): organizationalUnitName is prohibited when organizationName is absent; a unit of nothing.", "Remove the OU (or add the verified organization)."),
    rule("br.several-common-names", Some("w_extra_subject_common_names"), Warn, SUBJECT, CABF_BR, |c| c.is_subscriber(),
        |c| fail(c.subject_values("2.5.4.3").len() > 1, || format!("{} commonNames", c.subject_values("2.5.4.3").len())),
        "The subject has several common names", "The Baseline Requirements (§7.1.4.2.2) allow one commonName, one of the SAN's names; software reads the first or the last, and shows a different name than it checks.", "Keep one commonName (or none)."),
    Lint { same_as: Some("cert.cn-not-in-san"), ..rule("br.cn-not-exactly-in-san", Some("e_subject_common_name_not_exactly_from_san"), Error, crate::lint::references::BR_CN, BR_1_8_0, |c| !c.is_ca() && !c.subject_values(CN).is_empty(),
        |c| {
            let dns = c.dns_names();
            c.subject_values(CN).into_iter().find(|cn| !dns.contains(cn) && !c.report.names.contains(cn)).map(|cn| format!("CN={cn} is not a SAN entry, letter for letter"))
        },
        "The common name is not exactly one of the SAN's names", "Since BR 1.8.0 (§7.1.4.2.2) a subscriber certificate's commonName, if present, MUST be exactly one of the SAN's DNS names or IP addresses, byte for byte: a different case or a Unicode form of the name is not enough.", "Re-issue with the CN copied from a SAN entry, or without a CN.") },
    rule("rfc.ca-subject-empty", Some("e_ca_subject_field_empty"), Error, RFC_SUBJECT, RFC2459, |c| c.is_ca(),
        |c| fail(c.subject_empty(), || "the CA's subject is empty".into()),
        "The CA certificate's subject is empty", "RFC 5280 §4.1.2.6: a CA's subject MUST be a non-empty distinguished name, since it is the issuer name of every certificate the CA signs and path building matches on it.", "Give the CA a subject (at least a commonName and organization)."),
    rule("br.subject-encoding", Some("e_subject_rdns_correct_encoding"), Error, SUBJECT, BR_2_0, |_| true,
        subject_encoding,
        "A subject attribute has a string type the BR do not allow", "Since BR 2.0 (§7.1.4.2, tables of subject attribute encodings) countryName, serialNumber and jurisdictionCountryName are PrintableString, domainComponent is IA5String, and the other common attributes PrintableString or UTF8String. TeletexString, BMPString and UniversalString are legacy types some software misreads.", "Re-issue with the attribute as UTF8String (or PrintableString where required)."),
    rule("br.dv-subject-attributes", Some("e_cab_dv_subject_invalid_values"), Error, SUBJECT_DV, BR_2_0, |c| policy(c, DV) && c.is_subscriber(),
        |c| subject_oids(c).into_iter().find(|o| o != CN && o != C).map(|o| format!("{o} in a DV certificate's subject")),
        "A domain-validated certificate's subject holds more than a country and a name", "Since BR 2.0 (§7.1.2.7.2) a DV certificate's subject may hold countryName and commonName only: the CA validated a domain, nothing about who holds it.", "Re-issue with only the CN (or nothing) in the subject, or validate the organization and issue OV."),
    rule("br.iv-given-name-and-surname", Some("e_cab_iv_requires_personal_name_strict"), Error, SUBJECT_IV, BR_2_0, iv,
        |c| fail(!(has(c, GIVEN) && has(c, SURNAME)), absent("givenName and surname")),
        "An individual-validated certificate does not name the person", "Since BR 2.0 (§7.1.2.7.3) an IV certificate's subject MUST hold givenName and surname: the person whose identity the CA validated.", "Re-issue with the subscriber's givenName and surname."),
    rule("br.personal-name-needs-iv", Some("e_sub_cert_given_name_surname_contains_correct_policy"), Error, SUBJECT, GIVEN_NAME, |c| c.is_subscriber() && (has(c, GIVEN) || has(c, SURNAME)),
        |c| fail(!policy(c, IV), || "givenName or surname without the IV policy 2.23.140.1.2.3".into()),
        "A personal name without the individual-validated policy", "Since ballot 173 (2016-09-07, BR §7.1.4.2.2) a subscriber certificate with givenName or surname MUST assert the individual-validated policy (2.23.140.1.2.3): a name is only there if the CA validated the person.", "Assert 2.23.140.1.2.3, or leave the personal name out."),
    rule("br.subject-order", Some("e_invalid_subject_rdn_order"), Error, SUBJECT_ORDER, BR_2_0, |c| c.is_subscriber(),
        |c| {
            let positions: Vec<(String, usize)> = subject_oids(c).into_iter().filter_map(|o| ORDER.iter().position(|x| *x == o).map(|p| (o, p))).collect();
            positions.windows(2).find(|w| matches!(w, [a, b] if b.1 < a.1)).and_then(|w| match w { [a, b] => Some(format!("{} after {}", b.0, a.0)), _ => None })
        },
        "The subject's attributes are out of order", "Since BR 2.0 (§7.1.4.2) a subscriber certificate's subject attributes SHALL come in a fixed order: domainComponent, country, state or province, locality, postal code, street, organization, surname, givenName, organizational unit, common name.", "Re-issue with the attributes in the BR's order."),
];
