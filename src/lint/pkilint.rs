//! pkilint's names for certscope's rules: the finding code that DigiCert's pkilint (PyPI
//! `pkilint`, its CA/B Forum TLS Baseline Requirements linter) reports for the same requirement.
//! `tests/data/pkilint/map.tsv` pairs them; `tests/pkilint.rs` measures each pair's agreement
//! over the lint corpus and checks this table against that file.

/// pkilint's code for the rule `id`, if pkilint checks the same thing.
pub(crate) fn code(id: &str) -> Option<&'static str> {
    CODES
        .iter()
        .find(|(rule, _)| *rule == id)
        .map(|(_, code)| *code)
}

/// (certscope rule, pkilint code), by rule id. Where pkilint splits a requirement by
/// certificate type (`dv`, `ov`, `iv`, `ev`), the DV code is named.
const CODES: &[(&str, &str)] = &[
    (
        "br.ca-cert-sign-missing",
        "pkix.ca_certificate_keycertsign_keyusage_not_set",
    ),
    (
        "br.ca-crl-sign-missing",
        "cabf.ca_certificate_required_ku_missing",
    ),
    ("br.ca-ku-missing", "pkix.ca_certificate_no_ku_extension"),
    (
        "br.ca-ku-not-critical",
        "cabf.serverauth.ca.non_critical_key_usage_extension",
    ),
    (
        "br.cn-included",
        "cabf.serverauth.dv.common_name_attribute_present",
    ),
    (
        "br.root-cp",
        "cabf.serverauth.root.certificate_policies_extension_present",
    ),
    (
        "br.root-eku",
        "cabf.serverauth.root.extended_key_usage_extension_present",
    ),
    (
        "br.root-ku-missing",
        "cabf.serverauth.root.key_usage_extension_absent",
    ),
    (
        "br.root-path-len",
        "cabf.serverauth.root_basic_constraints_pathlenconstraint_present",
    ),
    (
        "br.san-directory-name",
        "cabf.serverauth.prohibited_san_type",
    ),
    ("br.san-edi-party", "cabf.serverauth.prohibited_san_type"),
    ("br.san-email", "cabf.serverauth.prohibited_san_type"),
    (
        "br.san-missing",
        "cabf.serverauth.subscriber.subject_altname_extension_absent",
    ),
    ("br.san-other-name", "cabf.serverauth.prohibited_san_type"),
    (
        "br.san-registered-id",
        "cabf.serverauth.prohibited_san_type",
    ),
    ("br.san-uri", "cabf.serverauth.prohibited_san_type"),
    (
        "br.sub-aia-missing",
        "cabf.serverauth.subscriber.authority_info_access_extension_absent",
    ),
    (
        "br.sub-ca-aia-missing",
        "cabf.serverauth.ca.authority_info_access_extension_absent",
    ),
    (
        "br.sub-ca-cdp-missing",
        "cabf.serverauth.ca.crl_distribution_points_extension_absent",
    ),
    (
        "br.sub-ca-cp-missing",
        "cabf.serverauth.ca.certificate_policies_extension_absent",
    ),
    (
        "br.sub-cert-sign",
        "cabf.serverauth.subscriber_prohibited_ku_present",
    ),
    (
        "br.sub-cp-missing",
        "cabf.serverauth.subscriber.certificate_policies_extension_absent",
    ),
    (
        "br.sub-crl-sign",
        "cabf.serverauth.subscriber_prohibited_ku_present",
    ),
    (
        "br.sub-eku-missing",
        "cabf.serverauth.subscriber.extended_key_usage_extension_absent",
    ),
    (
        "br.sub-ku-prohibited",
        "cabf.serverauth.subscriber_prohibited_ku_present",
    ),
    ("br.unique-id-version", "pkix.certificate_version_is_not_v3"),
    (
        "dns.bad-character",
        "cabf.serverauth.invalid_dnsname_syntax",
    ),
    (
        "dns.bare-wildcard",
        "cabf.serverauth.invalid_dnsname_syntax",
    ),
    ("dns.empty-label", "cabf.serverauth.invalid_dnsname_syntax"),
    ("dns.internal-name", "cabf.internal_domain_name"),
    (
        "dns.label-too-long",
        "cabf.serverauth.invalid_dnsname_syntax",
    ),
    (
        "dns.left-wildcard-correct",
        "cabf.serverauth.invalid_dnsname_syntax",
    ),
    (
        "dns.name-too-long",
        "cabf.serverauth.invalid_dnsname_syntax",
    ),
    ("dns.null-char", "cabf.serverauth.invalid_dnsname_syntax"),
    ("dns.space-name", "cabf.serverauth.invalid_dnsname_syntax"),
    (
        "dns.starts-with-period",
        "cabf.serverauth.invalid_dnsname_syntax",
    ),
    ("dns.underscore", "cabf.serverauth.invalid_dnsname_syntax"),
    ("dns.unknown-tld", "cabf.internal_domain_name"),
    (
        "dns.wildcard-not-first",
        "cabf.serverauth.invalid_dnsname_syntax",
    ),
    (
        "dns.wildcard-only-left",
        "cabf.serverauth.invalid_dnsname_syntax",
    ),
    ("eku.any", "cabf.serverauth.subscriber.anyeku_eku_present"),
    (
        "ev.business-category-invalid",
        "cabf.ev_guidelines.invalid_business_category",
    ),
    (
        "ev.business-category-missing",
        "cabf.ev_guidelines.business_category_attribute_absent",
    ),
    (
        "ev.country-missing",
        "cabf.ev_guidelines.country_attribute_absent",
    ),
    (
        "ev.jurisdiction-country-missing",
        "cabf.ev_guidelines.jurisdiction_country_attribute_absent",
    ),
    (
        "ev.organization-missing",
        "cabf.ev_guidelines.organization_name_attribute_absent",
    ),
    (
        "ev.san-ip-address",
        "cabf.ev_guidelines.prohibited_san_type",
    ),
    (
        "ev.serial-number-missing",
        "cabf.ev_guidelines.serial_number_attribute_absent",
    ),
    ("ev.wildcard", "cabf.ev_guidelines.ev_wildcard_san_present"),
    ("ip.reserved-in-cn", "cabf.internal_ip_address"),
    ("ip.reserved-in-san", "cabf.internal_ip_address"),
    (
        "key.ec-key-encipherment",
        "pkix.key_usage_value_prohibited_for_ec",
    ),
    ("key.mp-rsa-2048", "cabf.rsa_modulus_invalid_length"),
    (
        "key.mp-rsa-divisible-by-8",
        "cabf.rsa_modulus_invalid_length",
    ),
    (
        "key.rsa-exponent-range",
        "cabf.rsa_exponent_not_in_recommended_range",
    ),
    (
        "policy.no-cabf-oid",
        "cabf.serverauth.subscriber_missing_reserved_policy_oid",
    ),
    (
        "rfc.aki-no-key-id",
        "pkix.authority_key_identifier_extension_absent",
    ),
    (
        "rfc.bc-not-critical",
        "pkix.basic_constraints_extension_not_critical",
    ),
    (
        "rfc.cert-sign-without-ca",
        "pkix.ee_certificate_keycertsign_keyusage_set",
    ),
    (
        "rfc.ku-not-critical",
        "pkix.key_usage_extension_not_critical",
    ),
    (
        "rfc.san-not-critical-without-subject",
        "pkix.san_extension_not_critical_empty_subject",
    ),
    ("rfc.ski-missing-ca", "pkix.certificate_skid_ca_missing"),
    (
        "serial.not-positive",
        "pkix.certificate_serial_number_out_of_range",
    ),
    (
        "serial.too-long",
        "pkix.certificate_serial_number_out_of_range",
    ),
    (
        "sig.encoding",
        "cabf.serverauth.prohibited_signature_algorithm_encoding",
    ),
    (
        "sig.not-allowed",
        "cabf.serverauth.prohibited_signature_algorithm_encoding",
    ),
    (
        "validity.over-100-days",
        "cabf.serverauth.certificate_validity_period_exceeds_100_days",
    ),
    (
        "validity.over-199-days",
        "cabf.serverauth.certificate_validity_period_exceeds_199_days",
    ),
    (
        "validity.over-200-days",
        "cabf.serverauth.certificate_validity_period_exceeds_200_days",
    ),
    (
        "validity.over-397-days",
        "cabf.serverauth.certificate_validity_period_exceeds_397_days",
    ),
    (
        "validity.over-398-days",
        "cabf.serverauth.certificate_validity_period_exceeds_398_days",
    ),
    (
        "validity.over-46-days",
        "cabf.serverauth.certificate_validity_period_exceeds_46_days",
    ),
    (
        "validity.over-47-days",
        "cabf.serverauth.certificate_validity_period_exceeds_47_days",
    ),
    (
        "validity.over-99-days",
        "cabf.serverauth.certificate_validity_period_exceeds_99_days",
    ),
    (
        "br.sub-cert-ski",
        "cabf.serverauth.subscriber.subject_key_identifier_extension_present",
    ),
];
