//! The CA/Browser Forum profile (Baseline Requirements §7.1.2): what CA, root and subscriber
//! certificates must and must not contain.

use x509_cert::ext::pkix::name::GeneralName;

use super::{fail, rule};
use crate::lint::engine::{
    Ctx, Level::*, Lint, AIA, ALWAYS, BR_1_7_1, BR_2_0, CABF_BR, CDP, CP, EKU, KU, SAN,
};
use crate::lint::references::{BR_CN, BR_SAN as SAN_REF};
use crate::Reference;

const PROFILE: Reference = Reference {
    label: "CA/B Forum BR §7.1.2",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#712-certificate-content-and-extensions",
};

fn san_kinds(c: &Ctx<'_>, pick: fn(&GeneralName) -> bool) -> bool {
    c.san().unwrap_or_default().iter().any(pick)
}

fn access_methods(c: &Ctx<'_>) -> Option<Vec<String>> {
    c.ext(AIA).map(|e| {
        <x509_cert::ext::pkix::AuthorityInfoAccessSyntax as der::Decode>::from_der(
            e.extn_value.as_bytes(),
        )
        .map(|a| a.0.iter().map(|d| d.access_method.to_string()).collect())
        .unwrap_or_default()
    })
}

/// BR 1.8.0 (2021-08-21).
const BR_1_8_0: u64 = 1_629_504_000;
const CA_ISSUERS: &str = "1.3.6.1.5.5.7.48.2";
const CN: &str = "2.5.4.3";

pub(super) const RULES: &[Lint] = &[
    Lint { same_as: Some("cert.no-san"), ..rule("br.san-missing", Some("e_ext_san_missing"), Error, SAN_REF, CABF_BR, |c| c.is_subscriber(),
        |c| fail(c.ext(SAN).is_none(), || "no subjectAltName".into()),
        "No subject alternative name", "Subscriber certificates MUST carry their names in the SAN; browsers ignore the CN.", "Re-issue with every hostname in the SAN.") },
    rule("br.san-uri", Some("e_ext_san_uniform_resource_identifier_present"), Error, SAN_REF, CABF_BR, |c| c.ext(SAN).is_some(),
        |c| fail(san_kinds(c, |n| matches!(n, GeneralName::UniformResourceIdentifier(_))), || "a URI in the SAN".into()),
        "A URI in the SAN", "TLS server certificates may only name DNS names and IP addresses.", "Remove the URI."),
    rule("br.san-email", Some("e_ext_san_rfc822_name_present"), Error, SAN_REF, CABF_BR, |c| c.ext(SAN).is_some(),
        |c| fail(san_kinds(c, |n| matches!(n, GeneralName::Rfc822Name(_))), || "an email address in the SAN".into()),
        "An email address in the SAN", "TLS server certificates may only name DNS names and IP addresses.", "Remove the email address."),
    rule("br.san-directory-name", Some("e_ext_san_directory_name_present"), Error, SAN_REF, CABF_BR, |c| c.ext(SAN).is_some(),
        |c| fail(san_kinds(c, |n| matches!(n, GeneralName::DirectoryName(_))), || "a directory name in the SAN".into()),
        "A directory name in the SAN", "TLS server certificates may only name DNS names and IP addresses.", "Remove the directory name."),
    rule("br.san-other-name", Some("e_ext_san_other_name_present"), Error, SAN_REF, CABF_BR, |c| c.ext(SAN).is_some(),
        |c| fail(san_kinds(c, |n| matches!(n, GeneralName::OtherName(_))), || "an otherName in the SAN".into()),
        "An otherName in the SAN", "TLS server certificates may only name DNS names and IP addresses.", "Remove the otherName."),
    rule("br.san-registered-id", Some("e_ext_san_registered_id_present"), Error, SAN_REF, CABF_BR, |c| c.ext(SAN).is_some(),
        |c| fail(san_kinds(c, |n| matches!(n, GeneralName::RegisteredId(_))), || "a registeredID in the SAN".into()),
        "A registered ID in the SAN", "TLS server certificates may only name DNS names and IP addresses.", "Remove the registeredID."),
    rule("br.san-edi-party", Some("e_ext_san_edi_party_name_present"), Error, SAN_REF, CABF_BR, |c| c.ext(SAN).is_some(),
        |c| fail(san_kinds(c, |n| matches!(n, GeneralName::EdiPartyName(_))), || "an ediPartyName in the SAN".into()),
        "An EDI party name in the SAN", "TLS server certificates may only name DNS names and IP addresses.", "Remove the ediPartyName."),
    rule("br.ca-ku-missing", Some("e_ca_key_usage_missing"), Error, PROFILE, ALWAYS, |c| c.is_ca(),
        |c| fail(c.ext(KU).is_none(), || "CA certificate without keyUsage".into()),
        "CA certificate without key usage", "CA certificates MUST include key usage (keyCertSign, cRLSign).", "Re-issue with keyUsage=critical,keyCertSign,cRLSign."),
    rule("br.ca-ku-not-critical", Some("e_ca_key_usage_not_critical"), Error, PROFILE, ALWAYS, |c| c.is_ca() && c.ext(KU).is_some(),
        |c| fail(!c.ext(KU).is_some_and(|e| e.critical), || "CA keyUsage not critical".into()),
        "CA key usage is not critical", "A CA certificate's key usage MUST be critical.", "Mark keyUsage critical."),
    rule("br.ca-cert-sign-missing", Some("e_ca_key_cert_sign_not_set"), Error, PROFILE, ALWAYS, |c| c.is_ca() && c.ext(KU).is_some(),
        |c| fail(!c.key_usage().is_some_and(|k| k.key_cert_sign()), || "CA keyUsage without keyCertSign".into()),
        "CA key usage without keyCertSign", "A CA certificate MUST allow keyCertSign, or it cannot issue.", "Add keyCertSign."),
    rule("br.ca-crl-sign-missing", Some("e_ca_crl_sign_not_set"), Error, PROFILE, ALWAYS, |c| c.is_ca() && c.ext(KU).is_some(),
        |c| fail(!c.key_usage().is_some_and(|k| k.crl_sign()), || "CA keyUsage without cRLSign".into()),
        "CA key usage without cRLSign", "A CA certificate MUST allow cRLSign, or it cannot publish revocation.", "Add cRLSign."),
    rule("br.sub-cert-sign", Some("e_sub_cert_key_usage_cert_sign_bit_set"), Error, PROFILE, ALWAYS, |c| c.is_subscriber() && c.ext(KU).is_some(),
        |c| fail(c.key_usage().is_some_and(|k| k.key_cert_sign()), || "keyCertSign in a subscriber certificate".into()),
        "keyCertSign in a subscriber certificate", "An end-entity certificate must not be able to sign certificates.", "Remove keyCertSign."),
    rule("br.sub-crl-sign", Some("e_sub_cert_key_usage_crl_sign_bit_set"), Error, PROFILE, ALWAYS, |c| c.is_subscriber() && c.ext(KU).is_some(),
        |c| fail(c.key_usage().is_some_and(|k| k.crl_sign()), || "cRLSign in a subscriber certificate".into()),
        "cRLSign in a subscriber certificate", "An end-entity certificate must not be able to sign CRLs.", "Remove cRLSign."),
    rule("br.sub-ku-prohibited", None, Error, PROFILE, BR_2_0,
        |c| c.is_server() && c.ext(KU).is_some() && matches!(c.report.public_key.algorithm.as_str(), "RSA" | "EC"),
        |c| {
            let bad = prohibited_key_usage(c);
            fail(!bad.is_empty(), || format!("keyUsage {}", bad.join(", ")))
        },
        "A key usage the Baseline Requirements forbid in a TLS certificate", "Since BR 2.0 (certificates issued from 2023-09-15) a subscriber certificate's key usage may hold digitalSignature, keyEncipherment (RSA keys) and keyAgreement (EC keys) only: nonRepudiation, encipherOnly and decipherOnly are prohibited, and so are keyAgreement on an RSA key and dataEncipherment on an EC key. (BR §7.1.2.7.11 has a table for RSA and for ECDSA keys only; other keys, which the BR do not allow at all, are not judged here.)", "Re-issue with keyUsage=critical,digitalSignature (and keyEncipherment for an RSA key)."),
    Lint { same_as: None, ..rule("br.sub-eku-missing", Some("e_sub_cert_eku_missing"), Error, PROFILE, CABF_BR, |c| c.is_subscriber(),
        |c| fail(c.ext(EKU).is_none(), || "no extendedKeyUsage".into()),
        "No extended key usage", "Subscriber certificates MUST list their extended key usages (serverAuth for a web server). Without EKU the key may be used for anything, which the Baseline Requirements forbid for publicly trusted certificates.", "Re-issue with extendedKeyUsage=serverAuth.") },
    rule("br.sub-aia-missing", Some("e_sub_cert_aia_missing"), Error, PROFILE, CABF_BR, |c| c.is_subscriber(),
        |c| fail(c.ext(AIA).is_none(), || "no authorityInfoAccess".into()),
        "No authority information access", "Subscriber certificates MUST include AIA with the issuer's certificate URL, so clients can fetch a missing intermediate.", "Re-issue with AIA (caIssuers)."),
    rule("br.sub-aia-critical", Some("e_sub_cert_aia_marked_critical"), Error, PROFILE, CABF_BR, |c| c.is_subscriber() && c.ext(AIA).is_some(),
        |c| fail(c.ext(AIA).is_some_and(|e| e.critical), || "AIA marked critical".into()),
        "AIA is marked critical", "AIA MUST NOT be critical.", "Remove the critical flag."),
    rule("br.sub-aia-no-ca-issuers", Some("w_sub_cert_aia_does_not_contain_issuing_ca_url"), Warn, PROFILE, CABF_BR, |c| c.is_subscriber() && c.ext(AIA).is_some(),
        |c| fail(!access_methods(c).unwrap_or_default().iter().any(|m| m == CA_ISSUERS), || "AIA without caIssuers".into()),
        "AIA has no CA issuers URL", "Without caIssuers, a client missing the intermediate cannot fetch it.", "Add the issuer certificate URL."),
    rule("br.sub-cp-missing", Some("e_sub_cert_certificate_policies_missing"), Error, PROFILE, CABF_BR, |c| c.is_subscriber(),
        |c| fail(c.ext(CP).is_none(), || "no certificatePolicies".into()),
        "No certificate policies", "Publicly trusted subscriber certificates MUST carry a CA/Browser Forum policy OID (DV, OV, IV or EV) saying how the CA validated the request. Private CAs usually omit it; for a public certificate it is a mis-issuance.", "Re-issue with the right policy OID."),
    rule("br.sub-cp-critical", Some("w_sub_cert_certificate_policies_marked_critical"), Warn, PROFILE, CABF_BR, |c| c.is_subscriber() && c.ext(CP).is_some(),
        |c| fail(c.ext(CP).is_some_and(|e| e.critical), || "certificatePolicies marked critical".into()),
        "Certificate policies are marked critical", "Certificate policies SHOULD NOT be critical.", "Remove the critical flag."),
    Lint { until: Some(BR_1_7_1), ..rule("br.sub-ca-aia-missing", Some("e_sub_ca_aia_missing"), Error, PROFILE, CABF_BR, |c| c.is_sub_ca(),
        |c| fail(c.ext(AIA).is_none(), || "subordinate CA without AIA".into()),
        "Subordinate CA without AIA", "Subordinate CA certificates MUST include AIA.", "Re-issue with AIA.") },
    rule("br.sub-ca-cdp-missing", Some("e_sub_ca_crl_distribution_points_missing"), Error, PROFILE, CABF_BR, |c| c.is_sub_ca(),
        |c| fail(c.ext(CDP).is_none(), || "subordinate CA without cRLDistributionPoints".into()),
        "Subordinate CA without CRL distribution points", "Subordinate CA certificates MUST say where their revocation is published.", "Re-issue with cRLDistributionPoints."),
    rule("br.sub-ca-cp-missing", Some("e_sub_ca_certificate_policies_missing"), Error, PROFILE, CABF_BR, |c| c.is_sub_ca(),
        |c| fail(c.ext(CP).is_none(), || "subordinate CA without certificatePolicies".into()),
        "Subordinate CA without certificate policies", "Subordinate CA certificates MUST include certificate policies.", "Re-issue with certificatePolicies."),
    rule("br.root-eku", Some("e_root_ca_extended_key_usage_present"), Error, PROFILE, ALWAYS, |c| c.is_root(),
        |c| fail(c.ext(EKU).is_some(), || "root with extendedKeyUsage".into()),
        "Root certificate with extended key usage", "Root CA certificates MUST NOT include EKU.", "Re-issue the root without EKU."),
    rule("br.root-ku-missing", Some("e_root_ca_key_usage_present"), Error, PROFILE, ALWAYS, |c| c.is_root(),
        |c| fail(c.ext(KU).is_none(), || "root without keyUsage".into()),
        "Root certificate without key usage", "Root CA certificates MUST include key usage.", "Re-issue the root with keyUsage."),
    rule("br.root-ku-not-critical", Some("e_root_ca_key_usage_must_be_critical"), Error, PROFILE, ALWAYS, |c| c.is_root() && c.ext(KU).is_some(),
        |c| fail(!c.ext(KU).is_some_and(|e| e.critical), || "root keyUsage not critical".into()),
        "Root key usage is not critical", "A root's key usage MUST be critical.", "Mark keyUsage critical."),
    rule("br.root-cp", Some("w_root_ca_contains_cert_policy"), Warn, PROFILE, CABF_BR, |c| c.is_root(),
        |c| fail(c.ext(CP).is_some(), || "root with certificatePolicies".into()),
        "Root certificate with certificate policies", "Root CA certificates SHOULD NOT include certificate policies.", ""),
    rule("br.root-path-len", Some("w_root_ca_basic_constraints_path_len_constraint_field_present"), Warn, PROFILE, CABF_BR, |c| c.is_root(),
        |c| fail(c.basic_constraints().is_some_and(|b| b.path_len_constraint.is_some()), || "root with pathLenConstraint".into()),
        "Root certificate with a path length limit", "A root's basicConstraints SHOULD NOT include pathLenConstraint.", ""),
    rule("br.cn-too-long", Some("e_subject_common_name_max_length"), Error, BR_CN, ALWAYS, |c| !c.subject_values(CN).is_empty(),
        |c| fail(c.subject_values(CN).iter().any(|v| v.chars().count() > 64), || "commonName longer than 64 characters".into()),
        "Common name longer than 64 characters", "X.520's upper bound for commonName is 64 characters (RFC 5280 appendix A).", "Shorten the CN (names belong in the SAN)."),
    rule("br.cn-included", Some("n_subject_common_name_included"), Notice, BR_CN, ALWAYS, |c| c.is_subscriber(),
        |c| fail(!c.subject_values(CN).is_empty(), || format!("CN={}", c.subject_values(CN).join(","))),
        "The subject has a common name", "The Baseline Requirements discourage the subject common name: browsers ignore it and match only the SAN, so it only adds room for confusion. Nothing to fix for browsers.", ""),
    Lint { same_as: Some("cert.cn-not-in-san"), until: Some(BR_1_8_0), ..rule("br.cn-not-in-san", Some("e_subject_common_name_not_from_san"), Error, BR_CN, CABF_BR, |c| c.is_subscriber() && !c.subject_values(CN).is_empty(),
        |c| {
            let dns = c.dns_names();
            let ips: Vec<String> = c.report.names.clone();
            fail(c.subject_values(CN).iter().any(|cn| !dns.iter().any(|d| d.eq_ignore_ascii_case(cn)) && !ips.contains(cn)), || "the CN is not among the SAN entries".into())
        },
        "The common name is not in the SAN", "If a CN is present it MUST repeat one of the SAN's names.", "Re-issue with the CN among the SANs.") },
    rule("br.unique-id-version", Some("e_invalid_certificate_version"), Error, crate::lint::references::RFC5280_VERSION, ALWAYS, |_| true,
        |c| fail(c.report.version != 3, || format!("version {}", c.report.version)),
        "Not a version 3 certificate", "The Baseline Requirements (§7.1.1) require X.509 version 3.", "Re-issue as version 3."),
];

/// The key usages BR 2.0 §7.1.2.7.11 prohibits in a subscriber certificate that other rules do
/// not already report (keyCertSign, cRLSign, keyEncipherment on an EC key have their own).
fn prohibited_key_usage(c: &Ctx<'_>) -> Vec<&'static str> {
    let Some(ku) = c.key_usage() else {
        return Vec::new();
    };
    let ec = c.report.public_key.algorithm == "EC";
    let rsa = c.report.public_key.algorithm == "RSA";
    [
        (ku.non_repudiation(), "nonRepudiation"),
        (ku.encipher_only(), "encipherOnly"),
        (ku.decipher_only(), "decipherOnly"),
        (rsa && ku.key_agreement(), "keyAgreement on an RSA key"),
        (
            ec && ku.data_encipherment(),
            "dataEncipherment on an EC key",
        ),
    ]
    .into_iter()
    .filter(|(set, _)| *set)
    .map(|(_, name)| name)
    .collect()
}
