//! The CA/Browser Forum Code Signing Baseline Requirements' certificate profile (§6.1.5,
//! §6.3.2, §7.1): what a code-signing certificate's key, validity, extensions and subject must
//! be. A certificate is judged by them when it asserts a Code Signing BR policy
//! (`lint::profile::code_signing`), as zlint's framework decides it.

use super::facts::{
    access_uris, country_problem, crl_uris, ku_bits, ku_names, not_http, CA_ISSUERS,
    DIGITAL_SIGNATURE, OCSP,
};
use super::{fail, rule};
use crate::lint::engine::{
    Ctx, Level::*, Lint, AIA, ANY_EKU, CDP, CODE_SIGNING, EMAIL_PROTECTION, KU, SERVER_AUTH,
};
use crate::lint::profile::{code_signing, EV_CODE_SIGNING};
use crate::time::add_months;
use crate::Reference;

const fn cs(label: &'static str) -> Reference {
    Reference {
        label,
        url: "https://cabforum.org/working-groups/code-signing/requirements/",
    }
}
const CS_KEYS: Reference = cs("CA/B Forum CS BR §6.1.5.2");
const CS_VALIDITY: Reference = cs("CA/B Forum CS BR §6.3.2");
const CS_EXTENSIONS: Reference = cs("CA/B Forum CS BR §7.1.2.3");
const CS_SIGNATURE: Reference = cs("CA/B Forum CS BR §7.1.3.2");
const CS_SUBJECT: Reference = cs("CA/B Forum CS BR §7.1.4.2");

/// Code Signing BR 1.2 (2019-08-13), from when zlint applies them.
const CS_BR_1_2: u64 = 1_565_654_400;
/// Ballot CSC-31 (2026-03-01): 460 days instead of 39 months.
const CSC_31: u64 = 1_772_323_200;
const DAY: u64 = 86_400;

/// SHA-2 with RSA (PKCS #1 v1.5 or PSS), ECDSA or DSA with SHA-256 (CS BR §7.1.3.2).
const SIGNATURES: &[&str] = &[
    "1.2.840.113549.1.1.11",
    "1.2.840.113549.1.1.12",
    "1.2.840.113549.1.1.13",
    "1.2.840.113549.1.1.10",
    "1.2.840.10045.4.3.2",
    "1.2.840.10045.4.3.3",
    "1.2.840.10045.4.3.4",
    "2.16.840.1.101.3.4.3.2",
];

fn subscriber(c: &Ctx<'_>) -> bool {
    code_signing(c) && c.is_subscriber()
}
fn subscriber_or_sub_ca(c: &Ctx<'_>) -> bool {
    code_signing(c) && (c.is_subscriber() || c.is_sub_ca())
}
fn not_ev(c: &Ctx<'_>) -> bool {
    subscriber(c) && !c.policies().iter().any(|p| p == EV_CODE_SIGNING)
}

fn eku_problem(c: &Ctx<'_>) -> Option<String> {
    let ekus = c.ekus().unwrap_or_default();
    let mut prohibited = vec![ANY_EKU, SERVER_AUTH];
    if c.is_sub_ca() {
        prohibited.push(EMAIL_PROTECTION);
    }
    if let Some(bad) = ekus.iter().find(|e| prohibited.contains(&e.as_str())) {
        return Some(format!(
            "EKU {bad} is prohibited in a code-signing certificate"
        ));
    }
    fail(!ekus.iter().any(|e| e == CODE_SIGNING), || {
        "no id-kp-codeSigning in the EKU".into()
    })
}

fn key_usage_problem(c: &Ctx<'_>) -> Option<String> {
    let Some(ext) = c.ext(KU) else {
        return Some("no keyUsage extension".into());
    };
    if !ext.critical {
        return Some("keyUsage is not critical".into());
    }
    let Some(ku) = c.key_usage() else {
        return Some("keyUsage does not decode".into());
    };
    if !ku.digital_signature() {
        return Some("digitalSignature is not set".into());
    }
    fail(ku.key_cert_sign() || ku.crl_sign(), || {
        "keyCertSign or cRLSign is set".into()
    })
}

fn other_key_usages(c: &Ctx<'_>) -> Option<String> {
    let others = ku_bits(c) & !DIGITAL_SIGNATURE;
    fail(key_usage_problem(c).is_none() && others != 0, || {
        format!("key usages besides digitalSignature: {}", ku_names(others))
    })
}

const DC: &str = "0.9.2342.19200300.100.1.25";
const L: &str = "2.5.4.7";
const ST: &str = "2.5.4.8";
const O: &str = "2.5.4.10";

pub(super) const RULES: &[Lint] = &[
    rule("cs.aia-ca-issuers", Some("e_cs_aia_missing_ca_issuers_http_url"), Error, CS_EXTENSIONS, CS_BR_1_2, subscriber_or_sub_ca,
        |c| {
            let uris = access_uris(c, CA_ISSUERS);
            if uris.is_empty() {
                return Some("no caIssuers URL in authorityInfoAccess".into());
            }
            not_http(&uris).map(|u| format!("caIssuers {u:?} is not an HTTP URL"))
        },
        "Code-signing certificate without an HTTP CA issuers URL",
        "The Code Signing BR require authorityInfoAccess to hold the HTTP URL of the issuing CA's certificate, so that signature checkers can fetch a missing intermediate.",
        "Re-issue with an http:// caIssuers URL in authorityInfoAccess."),
    rule("cs.aia-ocsp-http", Some("e_cs_aia_ocsp_not_http"), Error, CS_EXTENSIONS, CS_BR_1_2, |c| subscriber_or_sub_ca(c) && !access_uris(c, OCSP).is_empty(),
        |c| not_http(&access_uris(c, OCSP)).map(|u| format!("OCSP URL {u:?} is not HTTP")),
        "Code-signing OCSP URL is not HTTP",
        "If the CA runs OCSP, the Code Signing BR require authorityInfoAccess to give its responder's HTTP URL.",
        "Use an http:// OCSP URL."),
    rule("cs.signature-algorithm", Some("e_cs_signature_algorithm_not_supported"), Error, CS_SIGNATURE, CS_BR_1_2, code_signing,
        |c| {
            let oid = c.cert.signature_algorithm().oid.to_string();
            fail(!SIGNATURES.contains(&oid.as_str()), || format!("signed with {}", c.report.signature_algorithm.name))
        },
        "Code-signing certificate signed with an algorithm the Code Signing BR do not allow",
        "Code-signing certificates must be signed with SHA-256, SHA-384 or SHA-512 (RSA, RSA-PSS, ECDSA, or DSA with SHA-256); SHA-1 signatures can be forged.",
        "Have the CA re-issue it with a SHA-256 (or stronger) signature."),
    rule("cs.aia", Some("e_cs_authority_information_access"), Error, CS_EXTENSIONS, CS_BR_1_2, subscriber_or_sub_ca,
        |c| match c.ext(AIA) {
            None => Some("no authorityInfoAccess".into()),
            Some(e) => fail(e.critical, || "authorityInfoAccess is critical".into()),
        },
        "Code-signing certificate without a usable authority information access",
        "The Code Signing BR require authorityInfoAccess in subscriber and subordinate CA certificates, not critical.",
        "Re-issue with a non-critical authorityInfoAccess."),
    rule("cs.crl-distribution-points", Some("e_cs_crl_distribution_points"), Error, CS_EXTENSIONS, CS_BR_1_2, subscriber_or_sub_ca,
        |c| match c.ext(CDP) {
            None => Some("no cRLDistributionPoints".into()),
            Some(e) if e.critical => Some("cRLDistributionPoints is critical".into()),
            Some(_) => crl_uris(c).into_iter().find(|u| !u.starts_with("http://")).map(|u| format!("CRL URL {u:?} is not http://")),
        },
        "Code-signing certificate without an HTTP CRL distribution point",
        "The Code Signing BR require cRLDistributionPoints, not critical, with the HTTP URL of the CA's CRL: code signatures are checked for revocation long after signing.",
        "Re-issue with an http:// CRL distribution point."),
    rule("cs.ecdsa-curve", Some("e_cs_ecdsa_prohibited_curve"), Error, CS_KEYS, CS_BR_1_2, |c| code_signing(c) && c.report.public_key.algorithm == "EC",
        |c| {
            let curve = c.report.public_key.curve.as_deref().unwrap_or("unknown");
            fail(!["P-256", "P-384", "P-521"].contains(&curve), || format!("curve {curve}"))
        },
        "Code-signing ECDSA key on a curve the Code Signing BR do not allow",
        "ECDSA keys must be on NIST P-256, P-384 or P-521.",
        "Generate the key on P-256 or P-384."),
    rule("cs.eku", Some("e_cs_eku_required"), Error, CS_EXTENSIONS, CS_BR_1_2, subscriber_or_sub_ca, eku_problem,
        "Code-signing certificate with the wrong extended key usage",
        "A code-signing certificate must carry id-kp-codeSigning and must not carry anyExtendedKeyUsage or serverAuth (nor emailProtection in a subordinate CA): one key should sign code only.",
        "Re-issue with extendedKeyUsage=codeSigning only."),
    rule("cs.key-usage", Some("e_cs_key_usage_required"), Error, CS_EXTENSIONS, CS_BR_1_2, subscriber, key_usage_problem,
        "Code-signing certificate with the wrong key usage",
        "The Code Signing BR require a critical keyUsage with digitalSignature, and forbid keyCertSign and cRLSign.",
        "Re-issue with a critical keyUsage of digitalSignature."),
    rule("cs.key-usage-others", Some("e_cs_key_usage_required"), Warn, CS_EXTENSIONS, CS_BR_1_2, subscriber, other_key_usages,
        "Code-signing certificate with key usages besides digitalSignature",
        "The Code Signing BR say all key usages other than digitalSignature SHOULD NOT be set.",
        "Re-issue with digitalSignature alone."),
    rule("cs.subject-dc", Some("e_cs_subject_prohibited"), Error, CS_SUBJECT, CS_BR_1_2, subscriber,
        |c| fail(!c.subject_values(DC).is_empty(), || "domainComponent in the subject".into()),
        "Code-signing certificate with a domainComponent in its subject",
        "The Code Signing BR prohibit subject:domainComponent: the subject names the publisher, not a domain.",
        "Re-issue without DC attributes."),
    rule("cs.rsa-3072", Some("e_cs_rsa_key_size"), Error, CS_KEYS, CS_BR_1_2, |c| subscriber(c) && c.report.public_key.algorithm == "RSA",
        |c| {
            let bits = c.report.public_key.bits.unwrap_or(0);
            fail(bits < 3072, || format!("RSA key of {bits} bits"))
        },
        "Code-signing RSA key shorter than 3072 bits",
        "The Code Signing BR require RSA moduli of at least 3072 bits: signed code is trusted for years, so keys must outlast it.",
        "Generate a 3072-bit (or larger) RSA key, or an ECDSA P-256/P-384 key."),
    rule("cs.subject-country", Some("e_cs_subject_country_name"), Error, CS_SUBJECT, CS_BR_1_2, not_ev, country_problem,
        "Code-signing certificate without an ISO country code",
        "subject:countryName must hold the two-letter ISO 3166-1 code of the subject's verified location.",
        "Re-issue with the subject's two-letter country code."),
    rule("cs.subject-locality", Some("e_cs_subject_locality_or_province_required"), Error, CS_SUBJECT, CS_BR_1_2, not_ev,
        |c| fail(c.subject_values(L).is_empty() && c.subject_values(ST).is_empty(), || "neither localityName nor stateOrProvinceName".into()),
        "Code-signing certificate without locality or state",
        "A code-signing subject must give at least one of localityName and stateOrProvinceName.",
        "Re-issue with the verified locality or state."),
    rule("cs.subject-organization", Some("e_cs_requires_org"), Error, CS_SUBJECT, CS_BR_1_2, subscriber,
        |c| fail(c.subject_values(O).is_empty(), || "no organizationName".into()),
        "Code-signing certificate without an organization",
        "Code-signing certificates name their publisher: subject:organizationName is required (EV and non-EV).",
        "Re-issue with the verified organization name."),
    Lint { until: Some(CSC_31), ..rule("cs.validity-39-months", Some("e_cs_max_validity_period_39_months"), Error, CS_VALIDITY, CS_BR_1_2, subscriber,
        |c| fail(c.not_after() > add_months(c.not_before(), 39), || format!("valid for {} days", c.not_after().saturating_sub(c.not_before()) / DAY)),
        "Code-signing certificate valid for more than 39 months",
        "Code-signing certificates issued before 2026-03-01 may be valid for at most 39 months.",
        "Re-issue with a shorter validity.") },
    rule("cs.validity-460-days", Some("e_cs_max_validity_period_460_days"), Error, CS_VALIDITY, CSC_31, subscriber,
        |c| fail(c.not_after() > c.not_before().saturating_add(460 * DAY), || format!("valid for {} days", c.not_after().saturating_sub(c.not_before()) / DAY)),
        "Code-signing certificate valid for more than 460 days",
        "Since ballot CSC-31, code-signing certificates issued from 2026-03-01 may be valid for at most 460 days.",
        "Re-issue with at most 460 days of validity."),
];
