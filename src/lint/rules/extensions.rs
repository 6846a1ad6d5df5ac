//! RFC 5280 §4.2: which extensions must, may or must not be critical, and which must be there.

use super::{fail, rule};
use crate::lint::engine::{
    Ctx, Level::*, Lint, AIA, AKI, ALWAYS, BC, BR_2_0, CDP, FRESHEST, IAN, IAP, KU, NC, PC,
    RFC5280, SAN, SIA, SKI,
};
use crate::lint::references::{RFC5280_EXTENSIONS as EXT, RFC5280_VERSION as VERSION};

fn has(oid: &'static str) -> impl Fn(&Ctx<'_>) -> bool {
    move |c| c.ext(oid).is_some()
}

fn critical(c: &Ctx<'_>, oid: &str) -> bool {
    c.ext(oid).is_some_and(|e| e.critical)
}

fn crit_evidence(name: &str) -> impl FnOnce() -> String + '_ {
    move || format!("{name} is marked critical")
}

pub(super) const RULES: &[Lint] = &[
    rule("rfc.bc-not-critical", Some("e_basic_constraints_not_critical"), Error, EXT, ALWAYS,
        |c| c.is_ca() && c.ext(BC).is_some(),
        |c| fail(!critical(c, BC), || "basicConstraints of a CA certificate is not critical".into()),
        "Basic constraints of a CA certificate is not critical",
        "RFC 5280 §4.2.1.9 requires CA certificates to mark basicConstraints critical, so software that does not understand it refuses the certificate rather than ignoring that it is a CA.",
        "Re-issue the CA certificate with basicConstraints critical."),
    rule("rfc.aki-critical", Some("e_ext_authority_key_identifier_critical"), Error, EXT, ALWAYS, |c| has(AKI)(c),
        |c| fail(critical(c, AKI), crit_evidence("authorityKeyIdentifier")),
        "Authority key identifier is marked critical", "RFC 5280 §4.2.1.1: this extension MUST NOT be critical.", "Re-issue without the critical flag on AKI."),
    rule("rfc.ski-critical", Some("e_ext_subject_key_identifier_critical"), Error, EXT, ALWAYS, |c| has(SKI)(c),
        |c| fail(critical(c, SKI), crit_evidence("subjectKeyIdentifier")),
        "Subject key identifier is marked critical", "RFC 5280 §4.2.1.2: this extension MUST NOT be critical.", "Re-issue without the critical flag on SKI."),
    rule("rfc.aia-critical", Some("e_ext_aia_marked_critical"), Error, EXT, ALWAYS, |c| has(AIA)(c),
        |c| fail(critical(c, AIA), crit_evidence("authorityInfoAccess")),
        "Authority information access is marked critical", "RFC 5280 §4.2.2.1: this extension MUST NOT be critical.", "Re-issue without the critical flag on AIA."),
    rule("rfc.sia-critical", Some("e_subject_info_access_marked_critical"), Error, EXT, ALWAYS, |c| has(SIA)(c),
        |c| fail(critical(c, SIA), crit_evidence("subjectInfoAccess")),
        "Subject information access is marked critical", "RFC 5280 §4.2.2.2: this extension MUST NOT be critical.", "Re-issue without the critical flag."),
    rule("rfc.freshest-crl-critical", Some("e_ext_freshest_crl_marked_critical"), Error, EXT, ALWAYS, |c| has(FRESHEST)(c),
        |c| fail(critical(c, FRESHEST), crit_evidence("freshestCRL")),
        "Freshest CRL is marked critical", "RFC 5280 §4.2.1.15: this extension MUST NOT be critical.", "Re-issue without the critical flag."),
    rule("rfc.nc-not-critical", Some("e_ext_name_constraints_not_critical"), Error, EXT, ALWAYS, |c| has(NC)(c),
        |c| fail(!critical(c, NC), || "nameConstraints is not critical".into()),
        "Name constraints are not critical", "RFC 5280 §4.2.1.10: conforming CAs MUST mark name constraints critical (the CA/Browser Forum later allowed otherwise for compatibility, but RFC 5280 has not).", "Mark nameConstraints critical."),
    rule("rfc.nc-not-in-ca", Some("e_ext_name_constraints_not_in_ca"), Error, EXT, ALWAYS, |c| has(NC)(c),
        |c| fail(!c.is_ca(), || "nameConstraints in a certificate that is not a CA".into()),
        "Name constraints in a non-CA certificate", "RFC 5280 §4.2.1.10: name constraints MUST only appear in CA certificates; in a leaf they mean nothing.", "Remove the extension."),
    rule("rfc.pc-not-critical", Some("e_ext_policy_constraints_not_critical"), Error, EXT, ALWAYS, |c| has(PC)(c),
        |c| fail(!critical(c, PC), || "policyConstraints is not critical".into()),
        "Policy constraints are not critical", "RFC 5280 §4.2.1.11: conforming CAs MUST mark this extension critical.", "Mark policyConstraints critical."),
    rule("rfc.iap-not-critical", Some("e_inhibit_any_policy_not_critical"), Error, EXT, ALWAYS, |c| has(IAP)(c),
        |c| fail(!critical(c, IAP), || "inhibitAnyPolicy is not critical".into()),
        "Inhibit anyPolicy is not critical", "RFC 5280 §4.2.1.14: conforming CAs MUST mark this extension critical.", "Mark inhibitAnyPolicy critical."),
    rule("rfc.ian-critical", Some("w_ext_ian_critical"), Warn, EXT, ALWAYS, |c| has(IAN)(c),
        |c| fail(critical(c, IAN), crit_evidence("issuerAltName")),
        "Issuer alternative name is marked critical", "RFC 5280 §4.2.1.7: this extension SHOULD NOT be critical.", "Re-issue without the critical flag."),
    rule("rfc.cdp-critical", Some("w_ext_crl_distribution_marked_critical"), Warn, EXT, ALWAYS, |c| has(CDP)(c),
        |c| fail(critical(c, CDP), crit_evidence("cRLDistributionPoints")),
        "CRL distribution points are marked critical", "RFC 5280 §4.2.1.13: this extension SHOULD be non-critical.", "Re-issue without the critical flag."),
    rule("rfc.ku-not-critical", Some("w_ext_key_usage_not_critical"), Warn, EXT, ALWAYS, |c| has(KU)(c),
        |c| fail(!critical(c, KU), || "keyUsage is not critical".into()),
        "Key usage is not critical", "RFC 5280 §4.2.1.3: when present, conforming CAs SHOULD mark key usage critical.", "Mark keyUsage critical."),
    rule("rfc.san-critical-with-subject", Some("w_ext_san_critical_with_subject_dn"), Warn, EXT, ALWAYS, |c| has(SAN)(c),
        |c| fail(critical(c, SAN) && !c.report.subject.attributes.is_empty(), || "subjectAltName is critical although the subject is not empty".into()),
        "Subject alternative name is critical next to a subject", "RFC 5280 §4.2.1.6: when the subject is not empty, the SAN SHOULD be non-critical.", "Re-issue with a non-critical SAN."),
    rule("rfc.san-not-critical-without-subject", Some("e_ext_san_not_critical_without_subject"), Error, EXT, ALWAYS,
        |c| c.ext(SAN).is_some() && c.subject_empty(),
        |c| fail(!critical(c, SAN), || "empty subject and a non-critical subjectAltName".into()),
        "Empty subject with a non-critical SAN", "RFC 5280 §4.2.1.6: when the subject is empty, the SAN MUST be critical (it is the only identity).", "Mark the SAN critical, or fill in the subject."),
    rule("rfc.san-no-entries", Some("e_ext_san_no_entries"), Error, EXT, ALWAYS, |c| has(SAN)(c),
        |c| fail(c.san().is_some_and(|s| s.is_empty()), || "subjectAltName with no names".into()),
        "Subject alternative name is empty", "RFC 5280 §4.2.1.6: if present, the SAN MUST contain at least one entry.", "Add the names, or drop the extension."),
    rule("rfc.ski-missing-ca", Some("e_ext_subject_key_identifier_missing_ca"), Error, EXT, ALWAYS, |c| c.is_ca(),
        |c| fail(c.ext(SKI).is_none(), || "CA certificate without subjectKeyIdentifier".into()),
        "CA certificate without a subject key identifier", "RFC 5280 §4.2.1.2: CA certificates MUST include it, so the certificates they issue can point back to the right key.", "Re-issue with subjectKeyIdentifier=hash."),
    // For a TLS server certificate issued since BR 2.0 the BR say the opposite (§7.1.2.7.6:
    // NOT RECOMMENDED, `br.sub-cert-ski`); this rule yields to them, as pkilint's filters do,
    // where zlint keeps both and warns either way.
    rule("rfc.ski-missing-subscriber", Some("w_ext_subject_key_identifier_missing_sub_cert"), Warn, EXT, ALWAYS, |c| c.is_subscriber() && !(c.is_server() && c.not_before() >= BR_2_0),
        |c| fail(c.ext(SKI).is_none(), || "end-entity certificate without subjectKeyIdentifier".into()),
        "End-entity certificate without a subject key identifier", "RFC 5280 §4.2.1.2: end-entity certificates SHOULD include it. (For TLS server certificates issued since BR 2.0 the Baseline Requirements recommend against it, and certscope follows them.)", "Issue with subjectKeyIdentifier=hash."),
    rule("rfc.aki-no-key-id", Some("e_ext_authority_key_identifier_no_key_identifier"), Error, EXT, ALWAYS, |c| !c.self_signed(),
        |c| {
            let has_id = c.ext(AKI).and_then(|e| <x509_cert::ext::pkix::AuthorityKeyIdentifier as der::Decode>::from_der(e.extn_value.as_bytes()).ok()).is_some_and(|a| a.key_identifier.is_some());
            fail(!has_id, || "no authorityKeyIdentifier with a keyIdentifier".into())
        },
        "No authority key identifier", "RFC 5280 §4.2.1.1: certificates other than self-signed ones MUST carry the issuer's key identifier, so clients can find the right issuer (especially across key rollovers).", "Re-issue with authorityKeyIdentifier=keyid."),
    rule("rfc.duplicate-extension", Some("e_ext_duplicate_extension"), Error, EXT, ALWAYS, |c| !c.extensions().is_empty(),
        |c| {
            let ids: Vec<String> = c.extensions().iter().map(|e| e.extn_id.to_string()).collect();
            let dup = ids.iter().enumerate().find(|(i, id)| ids.iter().skip(i.saturating_add(1)).any(|o| o == *id));
            fail(dup.is_some(), || format!("extension {} appears twice", dup.map(|d| d.1.as_str()).unwrap_or("")))
        },
        "An extension appears twice", "RFC 5280 §4.2: a certificate MUST NOT include more than one instance of an extension.", "Re-issue with each extension once."),
    rule("rfc.ku-without-bits", Some("e_ext_key_usage_without_bits"), Error, EXT, ALWAYS, |c| has(KU)(c),
        |c| fail(c.key_usage().is_some_and(|k| k.0.bits() == 0), || "keyUsage with no bit set".into()),
        "Key usage with no usage set", "RFC 5280 §4.2.1.3: when key usage is present, at least one bit MUST be set.", "Set the usages the key is for."),
    rule("rfc.cert-sign-without-ca", Some("e_ext_key_usage_cert_sign_without_ca"), Error, EXT, ALWAYS, |c| has(KU)(c),
        |c| fail(c.key_usage().is_some_and(|k| k.key_cert_sign()) && !c.is_ca(), || "keyCertSign without basicConstraints cA".into()),
        "keyCertSign set in a certificate that is not a CA", "RFC 5280 §4.2.1.3: keyCertSign may only be set when basicConstraints asserts cA.", "Remove keyCertSign, or make it a CA certificate."),
    rule("rfc.extensions-not-v3", Some("e_cert_extensions_version_not_3"), Error, VERSION, ALWAYS, |_| true,
        |c| fail(!c.extensions().is_empty() && c.report.version != 3, || format!("version {} with extensions", c.report.version)),
        "Extensions in a certificate that is not version 3", "RFC 5280 §4.1.2.1: extensions exist only in version 3 certificates.", "Re-issue as version 3."),
    rule("rfc.unique-identifier", Some("e_cert_contains_unique_identifier"), Error, VERSION, ALWAYS, |_| true,
        |c| {
            let t = c.cert.tbs_certificate();
            fail(t.issuer_unique_id().is_some() || t.subject_unique_id().is_some(), || "issuerUniqueID or subjectUniqueID present".into())
        },
        "Unique identifiers are present", "The Baseline Requirements (§7.1) forbid issuerUniqueID and subjectUniqueID, an obsolete X.509 v2 feature.", "Re-issue without them."),
    rule("rfc.validity-not-positive", Some("e_validity_time_not_positive"), Error, crate::lint::references::RFC5280_VALIDITY, ALWAYS, |_| true,
        |c| fail(c.not_after() < c.not_before(), || "notAfter is before notBefore".into()),
        "The certificate expires before it starts", "Its notAfter is earlier than its notBefore, so it is never valid.", "Re-issue with correct dates."),
    rule("rfc.issuer-empty", Some("e_issuer_field_empty"), Error, EXT, RFC5280, |_| true,
        |c| fail(c.report.issuer.attributes.is_empty(), || "empty issuer name".into()),
        "The issuer name is empty", "RFC 5280 §4.1.2.4: the issuer field MUST contain a non-empty distinguished name.", "Re-issue from a CA with a proper name."),
    rule("rfc.subject-empty-without-san", Some("e_subject_empty_without_san"), Error, EXT, ALWAYS, |_| true,
        |c| fail(c.report.subject.attributes.is_empty() && c.ext(SAN).is_none(), || "empty subject and no subjectAltName".into()),
        "No subject and no alternative name", "RFC 5280 §4.1.2.6: with an empty subject, the identity MUST be in the SAN; this certificate names nobody.", "Add a SAN (and a subject)."),
];
