//! The TLS Baseline Requirements' rules beyond the core's: which extensions of a subordinate
//! CA or subscriber certificate may be critical (§7.1.2.2, §7.1.2.3, §7.1.2.7.6), and what a
//! CA certificate's subject holds (§7.1.2.10.2). The profiles module carries them; they run on
//! every certificate when all lints are asked for ([`crate::Lints::All`]).

use super::facts::{
    access_uris, crl_uris, iso_country, ku_bits, ku_names, not_http, raw_items, raw_tlv,
    CA_ISSUERS, DIGITAL_SIGNATURE, OCSP,
};
use der::Decode;

use super::{fail, rule};
use crate::lint::engine::{
    Ctx, Level::*, Lint, AIA, ALWAYS, ANY_EKU, BC, BR_1_7_1, BR_2_0, BR_2_0_1, CABF_BR, CDP,
    CLIENT_AUTH, CODE_SIGNING, CP, EKU, EMAIL_PROTECTION, NC, OCSP_SIGNING, SERVER_AUTH, SKI,
    TIME_STAMPING,
};
use crate::Reference;

/// A short-lived certificate (BR §1.6.1, as zlint's `IsShortLivedCert` reads it): valid for at
/// most ten days if issued before 2026-03-15, seven days after.
fn short_lived(c: &Ctx<'_>) -> bool {
    const SEVEN_DAYS_FROM: u64 = 1_773_532_800;
    let period = c.not_after().saturating_sub(c.not_before());
    period
        <= if c.not_before() < SEVEN_DAYS_FROM {
            864_000
        } else {
            604_800
        }
}

/// A distribution point with reasons ([1]) or cRLIssuer ([2]).
fn dp_issuer_or_reasons(c: &Ctx<'_>) -> Option<String> {
    let dps =
        x509_cert::ext::pkix::CrlDistributionPoints::from_der(c.ext(CDP)?.extn_value.as_bytes())
            .ok()?;
    dps.0.iter().find_map(|dp| {
        if dp.crl_issuer.is_some() {
            Some("a distribution point with cRLIssuer".to_owned())
        } else {
            dp.reasons
                .map(|_| "a distribution point with reasons".to_owned())
        }
    })
}

const fn br(label: &'static str, anchor: &'static str) -> Reference {
    Reference { label, url: anchor }
}
const SUB_CA: Reference = br("CA/B Forum BR §7.1.2.2", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7122-subordinate-ca-certificate");
const SUBSCRIBER: Reference = br("CA/B Forum BR §7.1.2.3", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7123-subscriber-certificate");
const SUBSCRIBER_EXTENSIONS: Reference = br("CA/B Forum BR §7.1.2.7.6", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#71276-subscriber-certificate-extensions");
const SUBSCRIBER_AIA: Reference = br("CA/B Forum BR §7.1.2.7.7", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#71277-subscriber-certificate-authority-information-access");
const CRL_DP: Reference = br("CA/B Forum BR §7.1.2.11.2", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#712112-crl-distribution-points");
const POLICIES: Reference = br("CA/B Forum BR §7.1.6.4", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7164-subscriber-certificates");
const CA_EKU: Reference = br("CA/B Forum BR §7.1.2.10.6", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#712106-ca-certificate-extended-key-usage");
const RESERVED_LABELS: Reference = br("CA/B Forum BR §7.1.4.2.1", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#71421-subject-alternative-name-extension");
const CA_KU: Reference = br("CA/B Forum BR §7.1.2.10.7", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#712107-ca-certificate-key-usage");
const SUBSCRIBER_SUBJECT: Reference = br("CA/B Forum BR §7.1.2.7.2", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#71272-domain-validated");
const OCSP_RESPONDER: Reference = br("CA/B Forum BR §7.1.2.8", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7128-ocsp-responder-certificate-profile");
const CA_SUBJECT: Reference = br("CA/B Forum BR §7.1.2.10.2", "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#712102-ca-certificate-naming");

/// BR 1.0.2 (2012-06-08).
const BR_1_0_2: u64 = 1_339_113_600;
/// BR 1.1.6 (2013-07-29).
const BR_1_1_6: u64 = 1_375_056_000;
/// BR 1.6.2 (2018-12-10): underscores tolerated for a transition.
const BR_1_6_2: u64 = 1_544_400_000;
/// 2019-04-01: the end of that transition (ballot SC12).
const UNDERSCORE_SUNSET: u64 = 1_554_076_800;

/// A host-name label (RFC 1034 §3.5 as zlint's `IsLDHLabel` reads it): 1–63 letters, digits
/// and hyphens, not starting or ending with a hyphen, no reserved `??--` prefix but `xn--`.
fn ldh(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
        && (label.get(2..4) != Some("--") || label.to_ascii_lowercase().starts_with("xn--"))
}

/// BR 1.4.8 (2017-06-08).
const BR_1_4_8: u64 = 1_496_880_000;
/// 2021-10-01: reserved "??--" labels prohibited.
const NO_RESERVED_LABELS: u64 = 1_633_046_400;

/// The extended key usages Go's x509 package knows by name (zlint's `c.ExtKeyUsage`; others
/// are `UnknownExtKeyUsage`).
fn known_ekus(c: &Ctx<'_>) -> Vec<String> {
    const KNOWN: [&str; 14] = [
        ANY_EKU,
        SERVER_AUTH,
        CLIENT_AUTH,
        CODE_SIGNING,
        EMAIL_PROTECTION,
        "1.3.6.1.5.5.7.3.5",
        "1.3.6.1.5.5.7.3.6",
        "1.3.6.1.5.5.7.3.7",
        TIME_STAMPING,
        OCSP_SIGNING,
        "1.3.6.1.4.1.311.10.3.3",
        "2.16.840.1.113730.4.1",
        "1.3.6.1.4.1.311.2.1.22",
        "1.3.6.1.4.1.311.61.1.1",
    ];
    c.ekus()
        .unwrap_or_default()
        .into_iter()
        .filter(|e| KNOWN.contains(&e.as_str()))
        .collect()
}

/// BR 2.0's subscriber EKU (§7.1.2.7.10): (an error, a warning) as zlint's
/// `e_sub_cert_eku_check` reports them.
fn eku_check(c: &Ctx<'_>) -> (Option<String>, Option<String>) {
    const PRECERT_SIGNING: &str = "1.3.6.1.4.1.11129.2.4.4";
    let known = known_ekus(c);
    let unknown: Vec<String> = c
        .ekus()
        .unwrap_or_default()
        .into_iter()
        .filter(|e| !known.contains(e))
        .collect();
    if let Some(e) = known.iter().find(|e| {
        [
            ANY_EKU,
            CODE_SIGNING,
            TIME_STAMPING,
            OCSP_SIGNING,
            EMAIL_PROTECTION,
        ]
        .contains(&e.as_str())
    }) {
        return (Some(format!("{e} MUST NOT be present")), None);
    }
    if !known.iter().any(|e| e == SERVER_AUTH) {
        return (Some("id-kp-serverAuth MUST be present".into()), None);
    }
    if unknown.iter().any(|e| e == PRECERT_SIGNING) {
        return (
            Some("the Precertificate Signing Certificate EKU MUST NOT be present".into()),
            None,
        );
    }
    let client = known.iter().any(|e| e == CLIENT_AUTH);
    let extra = (known.len() > 2 && !client) || !unknown.is_empty();
    (
        None,
        extra.then(|| {
            format!(
                "other purposes than serverAuth and clientAuth: {}",
                unknown.join(", ")
            )
        }),
    )
}

/// The first URL of `uris` that does not start with `prefix` (ASCII case ignored when `fold`).
fn not_prefixed(uris: &[String], prefix: &str, fold: bool) -> Option<String> {
    uris.iter()
        .find(|u| {
            let head = u.get(..prefix.len()).unwrap_or("");
            !(head == prefix || (fold && head.eq_ignore_ascii_case(prefix)))
        })
        .cloned()
}
fn has_prefixed(uris: &[String], prefix: &str) -> bool {
    uris.iter().any(|u| u.starts_with(prefix))
}
/// A URL given twice (ASCII case ignored) among `uris`.
fn repeated(uris: &[String]) -> Option<String> {
    uris.iter()
        .enumerate()
        .find(|(i, u)| uris.iter().take(*i).any(|v| v.eq_ignore_ascii_case(u)))
        .map(|(_, u)| u.clone())
}
/// The first AccessDescription of the AIA, read raw, whose method is neither caIssuers nor
/// OCSP or whose location is not a URI.
fn aia_outside(c: &Ctx<'_>) -> Option<String> {
    const CA_ISSUERS_DER: [u8; 8] = [0x2b, 6, 1, 5, 5, 7, 0x30, 2];
    const OCSP_DER: [u8; 8] = [0x2b, 6, 1, 5, 5, 7, 0x30, 1];
    let (_, body) = raw_tlv(c.ext(AIA)?.extn_value.as_bytes())?;
    raw_items(body)?.into_iter().find_map(|(_, description)| {
        let fields = raw_items(description)?;
        let method = fields.first()?;
        let uri = fields.get(1).is_some_and(|(tag, _)| {
            matches!(tag, der::Tag::ContextSpecific { number, .. } if number.value() == 6)
        });
        if method.1 != CA_ISSUERS_DER && method.1 != OCSP_DER {
            Some("an access method other than caIssuers and OCSP".into())
        } else {
            (!uri).then(|| "an access location that is not a URI".into())
        }
    })
}

/// A label of the form "??--" that is not an A-label ("xn--"): reserved by RFC 5890 §2.3.1.
fn reserved_label(label: &str) -> bool {
    let mut chars = label.chars();
    let first_two =
        chars.next().is_some_and(|c| c != '\n') && chars.next().is_some_and(|c| c != '\n');
    first_two
        && chars.as_str().starts_with("--")
        && !label
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("xn--"))
}

/// A delegated OCSP responder certificate: its EKU has id-kp-OCSPSigning.
fn ocsp_responder(c: &Ctx<'_>) -> bool {
    known_ekus(c).iter().any(|e| e == OCSP_SIGNING)
}

fn critical(c: &Ctx<'_>, oid: &str) -> bool {
    c.ext(oid).is_some_and(|e| e.critical)
}
fn marked(name: &'static str) -> impl FnOnce() -> String {
    move || format!("{name} is marked critical")
}

pub(super) const RULES: &[Lint] = &[
    rule("br.sub-ca-aia-critical", Some("e_sub_ca_aia_marked_critical"), Error, SUB_CA, ALWAYS, |c| c.is_sub_ca() && c.ext(AIA).is_some(),
        |c| fail(critical(c, AIA), marked("authorityInformationAccess")),
        "The CA's authority information access is marked critical", "The Baseline Requirements (§7.1.2.2) require authorityInformationAccess to be non-critical in a subordinate CA certificate; a client that does not process it must still accept the certificate.", "Re-issue without the critical flag."),
    rule("br.sub-ca-crl-dp-critical", Some("e_sub_ca_crl_distribution_points_marked_critical"), Error, SUB_CA, CABF_BR, |c| c.is_sub_ca() && c.ext(CDP).is_some(),
        |c| fail(critical(c, CDP), marked("cRLDistributionPoints")),
        "The CA's CRL distribution points are marked critical", "The Baseline Requirements (§7.1.2.2) require cRLDistributionPoints to be non-critical in a subordinate CA certificate.", "Re-issue without the critical flag."),
    rule("br.sub-cert-crl-dp-critical", Some("e_sub_cert_crl_distribution_points_marked_critical"), Error, SUBSCRIBER, CABF_BR, |c| c.ext(CDP).is_some(),
        |c| fail(critical(c, CDP), marked("cRLDistributionPoints")),
        "CRL distribution points are marked critical", "The Baseline Requirements (§7.1.2.3) require cRLDistributionPoints to be non-critical.", "Re-issue without the critical flag."),
    rule("br.sub-ca-policies-critical", Some("w_sub_ca_certificate_policies_marked_critical"), Warn, SUB_CA, CABF_BR, |c| c.is_sub_ca() && c.ext(CP).is_some(),
        |c| fail(critical(c, CP), marked("certificatePolicies")),
        "The CA's certificate policies are marked critical", "The Baseline Requirements (§7.1.2.2) say certificatePolicies SHOULD NOT be critical in a subordinate CA certificate.", "Re-issue without the critical flag."),
    rule("br.sub-ca-eku-critical", Some("w_sub_ca_eku_critical"), Warn, SUB_CA, BR_1_1_6, |c| c.is_sub_ca() && c.ext(EKU).is_some(),
        |c| fail(critical(c, EKU), marked("extKeyUsage")),
        "The CA's extended key usage is marked critical", "The Baseline Requirements (§7.1.2.2) say extKeyUsage SHOULD NOT be critical in a subordinate CA certificate.", "Re-issue without the critical flag."),
    rule("br.sub-ca-name-constraints-not-critical", Some("w_sub_ca_name_constraints_not_critical"), Warn, SUB_CA, BR_1_0_2, |c| c.is_sub_ca() && c.ext(NC).is_some(),
        |c| fail(!critical(c, NC), || "nameConstraints is not critical".into()),
        "The CA's name constraints are not critical", "The Baseline Requirements (§7.1.2.2) say nameConstraints SHOULD be critical, so that software that cannot enforce them refuses the CA rather than trusting it for every name.", "Mark nameConstraints critical."),
    rule("br.sub-cert-bc-not-critical", Some("e_sub_cert_basic_constraints_not_critical"), Error, SUBSCRIBER_EXTENSIONS, BR_2_0, |c| c.is_subscriber() && c.ext(BC).is_some(),
        |c| fail(!critical(c, BC), || "basicConstraints is present and not critical".into()),
        "Basic constraints present but not critical", "Since BR 2.0 (§7.1.2.7.6), a subscriber certificate's basicConstraints, when present, MUST be critical.", "Mark basicConstraints critical, or leave it out."),
    rule("br.sub-cert-is-ca", Some("e_sub_cert_not_is_ca"), Error, SUBSCRIBER, CABF_BR,
        |c| c.key_usage().is_some_and(|k| !k.key_cert_sign()) && c.ext(BC).is_some(),
        |c| fail(c.is_ca(), || "cA is TRUE without keyCertSign".into()),
        "A certificate that cannot sign certificates says it is a CA", "The Baseline Requirements (§7.1.2.3): a subscriber certificate MUST NOT set cA. With no keyCertSign this is a subscriber certificate, so cA TRUE only misleads.", "Re-issue with cA FALSE."),
    rule("br.ca-cn-missing", Some("e_ca_common_name_missing"), Error, CA_SUBJECT, BR_1_4_8, |c| c.is_ca(),
        |c| fail(c.subject_values("2.5.4.3").first().is_none_or(String::is_empty), || "no commonName in the CA's subject".into()),
        "The CA certificate's subject has no common name", "The Baseline Requirements (§7.1.2.10.2) require a commonName in a CA certificate's subject, unique among the CA's names, so people and software can tell CAs apart.", "Give the CA a commonName."),
    rule("br.ca-country-missing", Some("e_ca_country_name_missing"), Error, CA_SUBJECT, CABF_BR, |c| c.is_ca(),
        |c| fail(c.subject_values("2.5.4.6").first().is_none_or(String::is_empty), || "no countryName in the CA's subject".into()),
        "The CA certificate's subject has no country", "The Baseline Requirements (§7.1.2.10.2) require countryName in a CA certificate's subject: the country of the CA's place of business.", "Add countryName."),
    rule("br.ca-country-invalid", Some("e_ca_country_name_invalid"), Error, CA_SUBJECT, CABF_BR, |c| c.is_ca() && !c.subject_values("2.5.4.6").is_empty(),
        |c| c.subject_values("2.5.4.6").into_iter().find(|v| !iso_country(v) || v.bytes().any(|b| b.is_ascii_lowercase())).map(|v| format!("countryName {v:?}")),
        "The CA certificate's country is not an ISO 3166-1 code", "The Baseline Requirements (§7.1.2.10.2) require countryName to be the two-letter ISO 3166-1 code of the CA's country.", "Use the two-letter code (DE, US, …)."),
    rule("br.ca-organization-missing", Some("e_ca_organization_name_missing"), Error, CA_SUBJECT, CABF_BR, |c| c.is_ca(),
        |c| fail(c.subject_values("2.5.4.10").first().is_none_or(String::is_empty), || "no organizationName in the CA's subject".into()),
        "The CA certificate's subject has no organization", "The Baseline Requirements (§7.1.2.10.2) require organizationName in a CA certificate's subject: who operates the CA.", "Add organizationName."),
    rule("br.sub-ca-aia-absent", Some("w_sub_ca_aia_missing"), Warn, SUB_CA, BR_1_7_1, |c| c.is_sub_ca(),
        |c| fail(c.ext(AIA).is_none(), || "no authorityInformationAccess".into()),
        "The CA certificate has no authority information access", "The Baseline Requirements (§7.1.2.2) expect a subordinate CA certificate to say where its issuer's certificate and OCSP responder are, so clients can complete the chain and check revocation.", "Add authorityInformationAccess with caIssuers (and OCSP)."),
    rule("br.sub-ca-eku-missing", Some("n_sub_ca_eku_missing"), Notice, SUB_CA, CABF_BR, |c| c.is_sub_ca(),
        |c| fail(c.ext(EKU).is_none(), || "no extKeyUsage".into()),
        "The CA certificate has no extended key usage", "The Baseline Requirements (§7.1.2.2) expect subordinate CAs to be limited by extKeyUsage to the purposes they issue for (serverAuth for a TLS CA); without it the CA is unconstrained.", "Issue the CA with the EKUs it needs (id-kp-serverAuth for TLS)."),
    rule("br.aia-ca-issuers-not-http", Some("e_aia_ca_issuers_must_have_http_only"), Error, SUBSCRIBER_AIA, BR_2_0, |c| c.is_subscriber() && !access_uris(c, CA_ISSUERS).is_empty(),
        |c| not_http(&access_uris(c, CA_ISSUERS)).map(|u| format!("caIssuers {u}")),
        "The issuer's certificate is not at an http:// URL", "Since BR 2.0 (§7.1.2.7.7) every caIssuers location MUST be an http:// URL: clients fetch it without TLS (which would need the very chain it completes).", "Publish the issuing CA's certificate at an http:// URL."),
    rule("br.aia-ocsp-not-http", Some("e_aia_ocsp_must_have_http_only"), Error, SUBSCRIBER_AIA, BR_2_0, |c| c.is_subscriber() && !access_uris(c, OCSP).is_empty(),
        |c| not_http(&access_uris(c, OCSP)).map(|u| format!("OCSP {u}")),
        "The OCSP responder is not at an http:// URL", "Since BR 2.0 (§7.1.2.7.7) every OCSP location MUST be an http:// URL (RFC 6960 over plain HTTP, signed responses need no TLS).", "Give the responder's http:// URL."),
    rule("br.aia-repeated-location", Some("e_aia_unique_access_locations"), Error, SUBSCRIBER_AIA, BR_2_0, |c| c.is_subscriber() && (!access_uris(c, CA_ISSUERS).is_empty() || !access_uris(c, OCSP).is_empty()),
        |c| repeated(&access_uris(c, OCSP)).or_else(|| repeated(&access_uris(c, CA_ISSUERS))).map(|u| format!("{u} given twice")),
        "The same URL is given twice in the authority information access", "Since BR 2.0 (§7.1.2.7.7) each access location of a method MUST be unique; a repeat only makes clients try the same server again.", "List each URL once."),
    rule("br.aia-method-not-allowed", Some("e_aia_must_contain_permitted_access_method"), Error, SUBSCRIBER_AIA, BR_2_0, |c| c.is_subscriber() && c.ext(AIA).is_some(),
        aia_outside,
        "The authority information access holds something other than caIssuers and OCSP URLs", "Since BR 2.0 (§7.1.2.7.7) a subscriber certificate's AIA holds only id-ad-caIssuers and id-ad-ocsp entries, each a URI.", "Keep only the caIssuers and OCSP URLs."),
    rule("br.ca-aia-not-http", Some("e_ca_aia_non_http_url"), Error, SUB_CA, BR_2_0, |c| c.is_sub_ca() && (!access_uris(c, CA_ISSUERS).is_empty() || !access_uris(c, OCSP).is_empty()),
        |c| not_prefixed(&access_uris(c, CA_ISSUERS), "http://", true).or_else(|| not_prefixed(&access_uris(c, OCSP), "http://", true)),
        "The CA's authority information access has a URL that is not http://", "Since BR 2.0 (§7.1.2.10.3) a CA certificate's caIssuers and OCSP locations MUST be http:// URLs.", "Use http:// URLs."),
    rule("br.crl-dp-not-http", Some("e_crl_distrib_points_not_http"), Error, CRL_DP, BR_2_0, |c| !crl_uris(c).is_empty(),
        |c| not_prefixed(&crl_uris(c), "http:", false),
        "A CRL distribution point is not an http: URL", "Since BR 2.0 (§7.1.2.11.2) every distribution point's URI MUST use the http scheme: CRLs are signed and fetched without TLS.", "Publish the CRL at an http:// URL."),
    rule("br.sub-ca-crl-dp-no-http", Some("e_sub_ca_crl_distribution_points_does_not_contain_url"), Error, SUB_CA, CABF_BR, |c| c.is_sub_ca() && c.ext(CDP).is_some(),
        |c| fail(!has_prefixed(&crl_uris(c), "http://"), || "no http:// URL among the distribution points".into()),
        "The CA's CRL distribution points give no http:// URL", "The Baseline Requirements (§7.1.2.2) require a subordinate CA certificate's cRLDistributionPoints to hold an HTTP URL of the CRL.", "Add the CRL's http:// URL."),
    Lint { same_as: Some("br.sub-ca-crl-dp-no-http"), ..rule("br.sub-cert-crl-dp-no-http", Some("e_sub_cert_crl_distribution_points_does_not_contain_url"), Error, SUBSCRIBER, CABF_BR, |c| c.ext(CDP).is_some(),
        |c| fail(!has_prefixed(&crl_uris(c), "http://"), || "no http:// URL among the distribution points".into()),
        "The CRL distribution points give no http:// URL", "The Baseline Requirements (§7.1.2.3): when present, cRLDistributionPoints MUST hold an HTTP URL of the CRL.", "Add the CRL's http:// URL.") },
    Lint { until: Some(BR_2_0), ..rule("br.sub-cert-no-ocsp-url", Some("e_sub_cert_aia_does_not_contain_ocsp_url"), Error, SUBSCRIBER, CABF_BR, |c| !c.is_ca(),
        |c| fail(!has_prefixed(&access_uris(c, OCSP), "http://"), || "no http:// OCSP URL".into()),
        "No OCSP responder URL", "Before BR 2.0 (§7.1.2.3) a subscriber certificate's AIA MUST give the HTTP URL of the issuer's OCSP responder.", "Add the OCSP responder's http:// URL.") },
    Lint { until: Some(BR_2_0), ..rule("br.sub-ca-no-issuer-url", Some("w_sub_ca_aia_does_not_contain_issuing_ca_url"), Warn, SUB_CA, CABF_BR, |c| c.is_sub_ca(),
        |c| fail(!has_prefixed(&access_uris(c, CA_ISSUERS), "http://"), || "no http:// caIssuers URL".into()),
        "The CA certificate does not say where its issuer's certificate is", "Before BR 2.0 (§7.1.2.2) a subordinate CA certificate's AIA SHOULD give the HTTP URL of its issuer's certificate.", "Add a caIssuers http:// URL.") },
    Lint { same_as: Some("br.sub-cp-missing"), ..rule("br.sub-cert-no-policies", Some("e_sub_cert_cert_policy_empty"), Error, POLICIES, CABF_BR, |c| !c.is_ca(),
        |c| fail(c.ext(CP).is_none() || c.policies().is_empty(), || "no certificate policies".into()),
        "No certificate policies", "The Baseline Requirements (§7.1.6.4) require a subscriber certificate to assert a CA/B Forum policy (DV, OV, IV or EV): it is how relying parties learn what was validated.", "Issue under the CA/B Forum policy for the validation done.") },
    Lint { until: Some(BR_2_0), ..rule("br.sub-cert-eku-no-tls", Some("e_sub_cert_eku_server_auth_client_auth_missing"), Error, SUBSCRIBER, CABF_BR, |c| !known_ekus(c).is_empty(),
        |c| fail(!known_ekus(c).iter().any(|e| e == SERVER_AUTH || e == CLIENT_AUTH), || "neither serverAuth nor clientAuth".into()),
        "The extended key usage has neither serverAuth nor clientAuth", "Before BR 2.0 (§7.1.2.3) a subscriber certificate's EKU MUST hold id-kp-serverAuth or id-kp-clientAuth (or both).", "Add id-kp-serverAuth.") },
    Lint { until: Some(BR_2_0), ..rule("br.sub-cert-eku-extra", Some("w_sub_cert_eku_extra_values"), Warn, SUBSCRIBER, CABF_BR, |c| c.is_subscriber() && !known_ekus(c).is_empty(),
        |c| known_ekus(c).into_iter().find(|e| ![SERVER_AUTH, CLIENT_AUTH, EMAIL_PROTECTION].contains(&e.as_str())),
        "The extended key usage has purposes besides TLS and email", "Before BR 2.0 (§7.1.2.3) other values than serverAuth, clientAuth and emailProtection SHOULD NOT be present: one key for many purposes is one key to lose for all of them.", "Issue separate certificates for other purposes.") },
    rule("br.ca-eku-mixed", Some("e_ca_invalid_eku"), Error, CA_EKU, BR_1_7_1, |c| c.is_sub_ca() && !known_ekus(c).is_empty(),
        |c| {
            let ekus = known_ekus(c);
            if ekus.iter().any(|e| e == ANY_EKU) && ekus.len() > 1 {
                return Some("anyExtendedKeyUsage beside other purposes".into());
            }
            ekus.into_iter().find(|e| [EMAIL_PROTECTION, CODE_SIGNING, TIME_STAMPING, OCSP_SIGNING].contains(&e.as_str())).map(|e| format!("{e} in a TLS CA"))
        },
        "The CA's extended key usage mixes TLS with other purposes", "The Baseline Requirements (§7.1.2.10.6) forbid anyExtendedKeyUsage beside other values, and emailProtection, codeSigning, timeStamping and OCSPSigning in a TLS CA.", "Issue separate CAs for separate purposes."),
    rule("br.sub-ca-eku-not-constrained", Some("n_sub_ca_eku_not_technically_constrained"), Notice, SUB_CA, BR_1_1_6, |c| c.is_sub_ca() && c.ext(EKU).is_some(),
        |c| fail(!known_ekus(c).iter().any(|e| e == SERVER_AUTH || e == CLIENT_AUTH), || "neither serverAuth nor clientAuth".into()),
        "The CA's extended key usage has neither serverAuth nor clientAuth", "A subordinate CA whose EKU has neither TLS purpose is not a TLS CA; zlint notes it, since the Baseline Requirements (§7.1.2.2) expect TLS CAs to be constrained to serverAuth (and clientAuth).", "If this CA issues TLS certificates, add id-kp-serverAuth."),
    rule("br.sub-cert-eku", Some("e_sub_cert_eku_check"), Error, SUBSCRIBER_EXTENSIONS, BR_2_0, |c| c.is_subscriber() && c.ext(EKU).is_some(),
        |c| eku_check(c).0,
        "The extended key usage breaks BR 2.0's subscriber profile", "Since BR 2.0 (§7.1.2.7.10) a TLS subscriber certificate's EKU MUST hold id-kp-serverAuth and MUST NOT hold anyExtendedKeyUsage, codeSigning, timeStamping, OCSPSigning, emailProtection or the precertificate signing EKU.", "Issue with id-kp-serverAuth (and id-kp-clientAuth if needed) only."),
    rule("br.sub-cert-eku-other", Some("e_sub_cert_eku_check"), Warn, SUBSCRIBER_EXTENSIONS, BR_2_0, |c| c.is_subscriber() && c.ext(EKU).is_some(),
        |c| eku_check(c).1,
        "The extended key usage has purposes besides serverAuth and clientAuth", "Since BR 2.0 (§7.1.2.7.10) any value other than id-kp-serverAuth and id-kp-clientAuth is NOT RECOMMENDED in a TLS subscriber certificate.", "Issue with id-kp-serverAuth (and id-kp-clientAuth if needed) only."),
    rule("br.reserved-label", Some("e_dnsname_contains_prohibited_reserved_label"), Error, RESERVED_LABELS, NO_RESERVED_LABELS, |c| c.is_subscriber() && (!c.dns_names().is_empty() || c.subject_values("2.5.4.3").first().is_some_and(|v| !v.is_empty())),
        |c| c.dns_names().into_iter().find(|n| n.split('.').any(reserved_label)).map(|n| format!("dNSName {n:?}")),
        "A SAN name has a reserved \"??--\" label", "Since 2021-10-01 the Baseline Requirements (§7.1.4.2.1) forbid labels with \"--\" in the third and fourth positions unless they are valid A-labels (xn--): RFC 5890 §2.3.1 reserves them, and browsers may read them differently.", "Use the name's proper A-label, or another name."),
    rule("br.ca-no-digital-signature", Some("n_ca_digital_signature_not_set"), Notice, CA_KU, CABF_BR, |c| c.is_ca() && c.key_usage().is_some(),
        |c| fail(c.key_usage().is_some_and(|k| !k.digital_signature()), || "keyUsage without digitalSignature".into()),
        "The CA's key usage lacks digitalSignature", "The Baseline Requirements (§7.1.2.10.7) require digitalSignature for a CA key that signs OCSP responses; without it the CA can only delegate OCSP to a responder certificate.", "Nothing to do if a delegated responder signs OCSP; otherwise add digitalSignature."),
    Lint { same_as: Some("br.cn-included"), ..rule("br.cn-present", Some("w_subject_common_name_included"), Warn, SUBSCRIBER_SUBJECT, BR_2_0, |c| c.is_subscriber(),
        |c| c.subject_values("2.5.4.3").into_iter().next().filter(|v| !v.is_empty()).map(|v| format!("CN={v}")),
        "The subject has a common name", "Since BR 2.0 (§7.1.2.7.2) the commonName is NOT RECOMMENDED (deprecated): browsers match only the SAN.", "Issue without a commonName.") },
    Lint { every_kind: true, ..rule("br.ocsp-responder-crl-dp", Some("e_ocsp_cert_cdp_forbidden"), Error, OCSP_RESPONDER, BR_2_0, ocsp_responder,
        |c| fail(!crl_uris(c).is_empty(), || "cRLDistributionPoints in an OCSP responder certificate".into()),
        "The OCSP responder certificate has CRL distribution points", "Since BR 2.0 (§7.1.2.8) a delegated OCSP responder certificate MUST NOT carry cRLDistributionPoints: it is not checked for revocation (it carries id-pkix-ocsp-nocheck instead).", "Issue the responder certificate without CRL distribution points.") },
    Lint { every_kind: true, ..rule("br.ocsp-responder-policies", Some("e_ocsp_cert_cp_forbidden"), Error, OCSP_RESPONDER, BR_2_0, ocsp_responder,
        |c| fail(!c.policies().is_empty(), || "certificatePolicies in an OCSP responder certificate".into()),
        "The OCSP responder certificate has certificate policies", "Since BR 2.0 (§7.1.2.8) a delegated OCSP responder certificate MUST NOT carry certificatePolicies: it is not issued to a subscriber under a policy.", "Issue the responder certificate without policies.") },
    Lint { every_kind: true, ..rule("br.ocsp-responder-key-usage", Some("e_ocsp_cert_invalid_ku"), Error, OCSP_RESPONDER, BR_2_0, ocsp_responder,
        |c| fail(ku_bits(c) & !DIGITAL_SIGNATURE != 0, || format!("key usage {}", ku_names(ku_bits(c)))),
        "The OCSP responder certificate allows more than digitalSignature", "Since BR 2.0 (§7.1.2.8.7) a delegated OCSP responder's key usage is digitalSignature only: the key signs OCSP responses and nothing else.", "Issue the responder certificate with keyUsage digitalSignature.") },
    Lint { every_kind: true, ..rule("br.ocsp-responder-no-check", Some("e_ocsp_id_pkix_ocsp_nocheck_ext_not_included_server_auth"), Error, OCSP_RESPONDER, CABF_BR, ocsp_responder,
        |c| fail(c.ext("1.3.6.1.5.5.7.48.1.5").is_none(), || "no id-pkix-ocsp-nocheck".into()),
        "The OCSP responder certificate lacks id-pkix-ocsp-nocheck", "The Baseline Requirements (§4.9.9) require a delegated OCSP responder certificate to carry id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): otherwise clients would have to check the responder's own revocation, with no end.", "Add the id-pkix-ocsp-nocheck extension (OpenSSL: noCheck = ignored).") },
    rule("br.sub-cert-eku-critical", Some("e_eku_critical"), Error, SUBSCRIBER_EXTENSIONS, BR_2_0, |c| c.is_subscriber() && c.ext(EKU).is_some(),
        |c| fail(critical(c, EKU), marked("extKeyUsage")),
        "The extended key usage is marked critical", "Since BR 2.0 (§7.1.2.7.6) a subscriber certificate's extKeyUsage MUST NOT be critical.", "Re-issue without the critical flag."),
    rule("br.sub-cert-ski", Some("w_ext_subject_key_identifier_not_recommended_subscriber"), Warn, SUBSCRIBER_EXTENSIONS, BR_2_0, |c| c.is_subscriber(),
        |c| fail(c.ext(SKI).is_some(), || "subjectKeyIdentifier in a subscriber certificate".into()),
        "The subscriber certificate has a subject key identifier", "Since BR 2.0 (§7.1.2.7.6) subjectKeyIdentifier is NOT RECOMMENDED in a subscriber certificate: nothing builds a path up from a leaf's key identifier, so it only adds bytes.", "Issue subscriber certificates without subjectKeyIdentifier."),
    rule("br.sub-cert-crl-dp-missing", Some("e_missing_crl_distrib_point"), Error, CRL_DP, BR_2_0_1, |c| c.is_subscriber() && !short_lived(c),
        |c| fail(crl_uris(c).is_empty() && access_uris(c, OCSP).is_empty(), || "neither cRLDistributionPoints nor an OCSP URL".into()),
        "The certificate says nowhere how to check its revocation", "Since ballot SC-63 (BR 2.0.1, §7.1.2.11.2) a subscriber certificate that is not short-lived and has no OCSP URL MUST carry cRLDistributionPoints: otherwise nothing tells a relying party where to learn it was revoked.", "Add a cRLDistributionPoints HTTP URL (or issue short-lived certificates)."),
    rule("br.crl-dp-issuer-or-reasons", Some("e_crlissuer_must_not_be_present_in_cdp"), Error, CRL_DP, BR_2_0, |c| !crl_uris(c).is_empty(),
        dp_issuer_or_reasons,
        "A CRL distribution point has reasons or a CRL issuer", "Since BR 2.0 (§7.1.2.11.2) each distribution point holds only the URL of a full CRL: reasons (a partitioned CRL) and cRLIssuer (an indirect CRL) MUST NOT be present.", "List only the CRL's HTTP URL in each distribution point."),
    rule("br.ca-is-ca", Some("e_ca_is_ca"), Error, CA_KU, CABF_BR, |c| c.key_usage().is_some_and(|k| k.key_cert_sign()) && c.ext(BC).is_some(),
        |c| fail(!c.is_ca(), || "keyCertSign with cA FALSE".into()),
        "A certificate that may sign certificates is not a CA", "The Baseline Requirements (§7.1.2.1.4, §7.1.2.10.4) require cA TRUE in a root or subordinate CA certificate, and keyCertSign makes it one: certificates it signs fail path validation (RFC 5280 §6.1.4 (k)).", "Re-issue with basicConstraints cA TRUE, or without keyCertSign."),
    rule("br.key-type", Some("e_public_key_type_not_allowed"), Error, crate::lint::references::BR_KEYS, CABF_BR, |_| true,
        |c| fail(!matches!(c.report.public_key.algorithm.as_str(), "RSA" | "EC" | "DSA" | "Ed25519" | "X25519"), || format!("{} key", c.report.public_key.algorithm)),
        "The key type is not one the Baseline Requirements allow", "The Baseline Requirements (§6.1.5) allow RSA and ECDSA keys (and DSA before BR 2.0); a key of another kind cannot be checked by browsers' verifiers. (zlint, whose rule this is, passes every key type Go parses, which includes Ed25519 and X25519; certscope follows it.)", "Re-issue for an RSA or ECDSA P-256/P-384 key."),
    Lint { same_as: Some("br.ca-country-invalid"), ..rule("br.country-not-iso", Some("e_subject_country_not_iso"), Error, SUBSCRIBER_SUBJECT, CABF_BR, |_| true,
        |c| c.subject_values("2.5.4.6").into_iter().find(|v| !iso_country(&v.to_ascii_uppercase())).map(|v| format!("countryName {v:?}")),
        "The country is not an ISO 3166-1 code", "The Baseline Requirements (§7.1.4.2.2) require countryName to be a two-letter ISO 3166-1 code, or XX where no country applies.", "Use the two-letter code (DE, US, …).") },
    Lint { until: Some(BR_1_6_2), ..rule("br.underscore-before-1-6-2", Some("e_no_underscores_before_1_6_2"), Error, RESERVED_LABELS, ALWAYS, |c| c.is_subscriber() && !c.dns_names().is_empty(),
        |c| c.dns_names().into_iter().find(|d| d.contains('_')).map(|d| format!("{d} contains an underscore")),
        "A DNS name has an underscore", "Until BR 1.6.2 (2018-12-10) the Baseline Requirements followed RFC 5280: a dNSName is a host name of letters, digits and hyphens, so an underscore was never allowed.", "Re-issue without the underscore name.") },
    Lint { until: Some(UNDERSCORE_SUNSET), ..rule("br.underscore-not-ldh", Some("e_underscore_permissible_in_dnsname_if_valid_when_replaced"), Error, RESERVED_LABELS, BR_1_6_2, |c| c.is_subscriber() && !c.dns_names().is_empty(),
        |c| c.dns_names().iter().flat_map(|d| d.split('.').map(str::to_owned).collect::<Vec<_>>()).find(|l| l.contains('_') && l != "*" && !ldh(&l.replace('_', "-"))).map(|l| format!("label {l:?} is not a host-name label even with - for _")),
        "A DNS name's underscore label is not otherwise valid", "From BR 1.6.2 (2018-12-10) to 2019-04-01 a DNS name could hold underscores only if each label became a valid host-name label with the underscores replaced by hyphens.", "Re-issue without the underscore name.") },
    Lint { until: Some(UNDERSCORE_SUNSET), ..rule("br.underscore-long-validity", Some("e_underscore_present_with_too_long_validity"), Error, RESERVED_LABELS, BR_1_6_2, |c| c.is_subscriber() && !c.dns_names().is_empty() && c.not_after() >= c.not_before().saturating_add(30 * 86_400),
        |c| c.dns_names().into_iter().find(|d| d.contains('_')).map(|d| format!("{d}, in a certificate valid for 30 days or more")),
        "An underscore name in a certificate valid for 30 days or more", "From BR 1.6.2 (2018-12-10) to 2019-04-01 a DNS name could hold underscores only in a certificate valid for less than 30 days (ballot SC12's transition).", "Re-issue without the underscore name.") },
];
