//! Checks on one certificate by the place it takes in a path.
//!
//! The browser profile holds what browsers and webpki-style verifiers enforce. The strict
//! profile adds RFC 5280 MUSTs and CA/Browser Forum rules that clients tolerate, each with
//! a `strict:` code.

use const_oid::ObjectIdentifier as Oid;

use super::cert::ChainCert;
use super::failure::Failure;
use super::hostname::is_dns_name;
use super::name_constraints;
use x509_cert::ext::pkix::name::GeneralName;

/// Which rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Profile {
    /// What a current browser enforces.
    Browser,
    /// Browser rules plus RFC 5280 and CA/Browser Forum rules browsers tolerate.
    Strict,
    /// RFC 5280 §6.1 as written, certificate policies included, without the browsers'
    /// algorithm and key-size rules.
    Rfc5280,
}

/// Where a certificate sits in the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Leaf,
    Intermediate,
    Anchor,
}

const ANY_EKU: Oid = Oid::new_unwrap("2.5.29.37.0");
/// sha1WithRSAEncryption, ecdsa-with-SHA1, dsa-with-sha1.
const SHA1_SIGNATURES: &[Oid] = &[
    Oid::new_unwrap("1.2.840.113549.1.1.5"),
    Oid::new_unwrap("1.2.840.10045.4.1"),
    Oid::new_unwrap("1.2.840.10040.4.3"),
];

fn who(c: &ChainCert) -> String {
    c.subject_display()
}

/// Checks that hold for every profile.
pub(crate) fn check(
    c: &ChainCert,
    at: u64,
    position: Position,
    usage: &Oid,
    profile: Profile,
) -> Result<(), Failure> {
    let fail = |code, msg: String| Err(Failure::new(code, c.index, msg));
    if at > c.not_after {
        return fail(
            "expired",
            format!(
                "{} expired on {}",
                who(c),
                crate::time::rfc3339(c.not_after)
            ),
        );
    }
    if at < c.not_before {
        return fail(
            "not-yet-valid",
            format!(
                "{} is not valid until {}",
                who(c),
                crate::time::rfc3339(c.not_before)
            ),
        );
    }
    if let Some(m) = c.malformed.first() {
        return fail("malformed-extension", format!("{}: {m}", who(c)));
    }
    if let Some(oid) = c.unknown_critical.first() {
        return fail(
            "unknown-critical-extension",
            format!(
                "{} has a critical extension {oid} that clients do not understand",
                who(c)
            ),
        );
    }
    // Browsers reject SHA-1 signatures on every certificate they verify (a root's own
    // signature is never verified, so anchors are exempt).
    if profile != Profile::Rfc5280
        && position != Position::Anchor
        && SHA1_SIGNATURES.contains(&c.cert.signature_algorithm().oid)
    {
        return fail("weak-signature", format!("{} is signed with SHA-1, which browsers reject since 2017 (collisions can be computed)", who(c)));
    }
    // No browser accepts ML-DSA (RFC 9881) in TLS certificates yet; RFC 5280 validation is
    // the same for every algorithm, so the strict verdict still checks such a chain.
    let signature_oid = c.cert.signature_algorithm().oid.to_string();
    if profile == Profile::Browser
        && position != Position::Anchor
        && crate::signature::post_quantum(&signature_oid)
    {
        return fail("unsupported-by-browsers", format!("{} is signed with {}, a post-quantum algorithm no browser accepts in certificates yet (2026); the strict verdict checks the chain by RFC 5280", who(c), crate::oid::name_or_dotted(crate::oid::SIGNATURES, &c.cert.signature_algorithm().oid)));
    }
    if !c.signature_algorithms_match {
        return fail(
            "signature-algorithm-mismatch",
            format!(
                "{}: the signature algorithm inside and outside the signed part differ",
                who(c)
            ),
        );
    }
    let key = c.key_summary();
    // RFC 5280 sets no key sizes; the rfc5280 profile leaves them to the lints.
    let browser_keys = profile != Profile::Rfc5280;
    if let Some(bits) = key.bits.filter(|_| key.algorithm == "RSA" && browser_keys) {
        if bits < crate::cert::MIN_RSA_BITS || bits % 8 != 0 {
            return fail(
                "weak-key",
                format!(
                    "{} has an RSA key of {bits} bits; at least 2048, a multiple of 8, is required",
                    who(c)
                ),
            );
        }
    }
    if let Some(curve) = key.curve.as_ref().filter(|_| browser_keys) {
        if !crate::cert::ACCEPTED_CURVES.contains(&curve.as_str()) {
            return fail(
                "weak-key",
                format!(
                    "{} uses curve {curve}, which browsers do not accept",
                    who(c)
                ),
            );
        }
    }
    // RFC 5280 validation is the same for DSA; browsers dropped it (TLS 1.3 has no DSA
    // scheme, and Chrome and Firefox accept no DSA certificate).
    if key.algorithm == "DSA" && browser_keys {
        return fail(
            "weak-key",
            format!(
                "{} has a DSA key, which browsers do not accept (TLS 1.3 has no DSA signatures and browsers removed DSA); the rfc5280 verdict checks DSA signatures",
                who(c)
            ),
        );
    }
    if key.algorithm == "EC" && key.curve.is_none() {
        return fail(
            "weak-key",
            format!(
                "{} has a {} key that browsers do not accept",
                who(c),
                key.description
            ),
        );
    }
    if let Some(nc) = &c.name_constraints {
        if let Err(v) = name_constraints::validate(nc) {
            return fail("name-constraints", format!("{}: {}", who(c), describe(&v)));
        }
    }
    match position {
        Position::Leaf => {
            if c.version < 3 {
                return fail(
                    "v1",
                    format!("{} is a version {} certificate", who(c), c.version),
                );
            }
            if !c.eku_allows(usage, profile == Profile::Browser) {
                return fail(
                    "eku",
                    format!(
                        "{} is not allowed for {} by its extended key usage",
                        who(c),
                        usage_name(usage)
                    ),
                );
            }
        }
        Position::Intermediate => {
            if c.version < 3 {
                return fail(
                    "v1",
                    format!("{} is a version {} CA certificate", who(c), c.version),
                );
            }
            ca_checks(c, usage)?;
        }
        Position::Anchor => {
            // A v1 root has no extensions at all; browsers still accept it as an anchor.
            if c.version == 3 {
                ca_checks(c, usage)?;
            }
        }
    }
    // The rfc5280 profile is RFC 5280's path validation (§6.1, what PKITS measures); the
    // certificate profile's MUSTs for issuers (§4) are the strict profile's.
    if profile == Profile::Strict {
        strict(c, position)?;
    }
    Ok(())
}

fn ca_checks(c: &ChainCert, usage: &Oid) -> Result<(), Failure> {
    let fail = |code, msg: String| Err(Failure::new(code, c.index, msg));
    if !c.is_ca() {
        return fail(
            "not-a-ca",
            format!(
                "{} issued a certificate but is not a CA (basicConstraints cA is not set)",
                who(c)
            ),
        );
    }
    if c.key_usage.as_ref().is_some_and(|ku| !ku.key_cert_sign()) {
        return fail(
            "key-usage",
            format!(
                "{} is a CA but its key usage does not allow signing certificates (keyCertSign)",
                who(c)
            ),
        );
    }
    if !c.eku_allows(usage, true) {
        return fail(
            "eku",
            format!(
                "{} limits its extended key usage and {} is not among it",
                who(c),
                usage_name(usage)
            ),
        );
    }
    Ok(())
}

pub(crate) fn usage_name(usage: &Oid) -> &'static str {
    crate::oid::lookup(crate::oid::KEY_PURPOSES, usage).unwrap_or("the requested usage")
}

pub(crate) fn describe(v: &name_constraints::Violation) -> String {
    match v {
        name_constraints::Violation::Invalid(why) => format!("invalid name constraints: {why}"),
        name_constraints::Violation::NotPermitted(name) => {
            format!("{name} is outside the permitted names")
        }
        name_constraints::Violation::Excluded { name, subtree } => {
            format!("{name} falls under the excluded {subtree}")
        }
        name_constraints::Violation::Budget => "too many name-constraint comparisons".into(),
    }
}

/// RFC 5280 MUSTs and CA/Browser Forum rules that browsers tolerate.
fn strict(c: &ChainCert, position: Position) -> Result<(), Failure> {
    let fail = |code, msg: String| Err(Failure::new(code, c.index, msg));
    let ca = position != Position::Leaf;
    let serial = c.cert.tbs_certificate().serial_number().as_bytes();
    if serial.iter().all(|b| *b == 0)
        || serial.first().is_some_and(|b| *b >= 0x80)
        || serial.len() > 20
    {
        return fail(
            "strict:serial",
            format!(
                "{}: serial numbers must be positive and at most 20 octets (RFC 5280 §4.1.2.2)",
                who(c)
            ),
        );
    }
    if c.ski_critical {
        return fail(
            "strict:ski-critical",
            format!(
                "{}: subjectKeyIdentifier must not be critical (RFC 5280 §4.2.1.2)",
                who(c)
            ),
        );
    }
    if c.aki_critical {
        return fail(
            "strict:aki-critical",
            format!(
                "{}: authorityKeyIdentifier must not be critical (RFC 5280 §4.2.1.1)",
                who(c)
            ),
        );
    }
    if ca && c.version == 3 && c.ski.is_none() {
        return fail(
            "strict:ski-missing",
            format!(
                "{}: CA certificates must carry a subjectKeyIdentifier (RFC 5280 §4.2.1.2)",
                who(c)
            ),
        );
    }
    if position != Position::Anchor
        && c.aki
            .as_ref()
            .and_then(|a| a.key_identifier.as_ref())
            .is_none()
        && !c.self_issued()
    {
        return fail(
            "strict:aki-missing",
            format!(
                "{}: authorityKeyIdentifier with a key identifier is required (RFC 5280 §4.2.1.1)",
                who(c)
            ),
        );
    }
    if position == Position::Anchor && c.self_issued() {
        if let Some(aki) = &c.aki {
            let mismatch = match (&aki.key_identifier, &c.ski) {
                (Some(k), Some(s)) => k.as_bytes() != s.as_slice(),
                (None, _) => true,
                _ => false,
            };
            if mismatch
                || aki.authority_cert_issuer.is_some()
                || aki.authority_cert_serial_number.is_some()
            {
                return fail("strict:root-aki", format!("{}: a root's authorityKeyIdentifier may only hold its own key identifier (BR §7.1.2.1.3)", who(c)));
            }
        }
        if c.eku.is_some() {
            return fail(
                "strict:root-eku",
                format!(
                    "{}: root certificates must not carry extended key usage (BR §7.1.2.1.2)",
                    who(c)
                ),
            );
        }
    }
    if ca && c.version == 3 && !c.basic_critical {
        return fail(
            "strict:basic-constraints",
            format!(
                "{}: CA certificates must mark basicConstraints critical (RFC 5280 §4.2.1.9)",
                who(c)
            ),
        );
    }
    if c.aia_critical {
        return fail(
            "strict:aia-critical",
            format!(
                "{}: authorityInfoAccess must not be critical (RFC 5280 §4.2.2.1)",
                who(c)
            ),
        );
    }
    if c.has_policy_constraints && !c.policy_constraints_critical {
        return fail(
            "strict:policy-constraints",
            format!(
                "{}: policyConstraints must be critical (RFC 5280 §4.2.1.11)",
                who(c)
            ),
        );
    }
    if c.name_constraints.is_some() {
        if !ca {
            return fail(
                "strict:nc-in-leaf",
                format!(
                    "{}: name constraints may only appear in CA certificates (RFC 5280 §4.2.1.10)",
                    who(c)
                ),
            );
        }
        if !c.nc_critical {
            return fail(
                "strict:nc-not-critical",
                format!(
                    "{}: name constraints must be critical (RFC 5280 §4.2.1.10)",
                    who(c)
                ),
            );
        }
    }
    let subject_empty = c.cert.tbs_certificate().subject().is_empty();
    if ca && subject_empty {
        return fail(
            "strict:empty-subject",
            format!(
                "{}: a CA certificate must have a non-empty subject (RFC 5280 §4.1.2.6)",
                who(c)
            ),
        );
    }
    if c.cert.tbs_certificate().issuer().is_empty() {
        return fail(
            "strict:empty-issuer",
            format!(
                "{}: the issuer name must not be empty (RFC 5280 §4.1.2.4)",
                who(c)
            ),
        );
    }
    if let Some(san) = &c.san {
        if subject_empty && !c.san_critical {
            return fail("strict:san-not-critical", format!("{}: with an empty subject, subjectAltName must be critical (RFC 5280 §4.2.1.6)", who(c)));
        }
        if san.is_empty() {
            return fail(
                "strict:san-empty",
                format!(
                    "{}: subjectAltName must not be empty (RFC 5280 §4.2.1.6)",
                    who(c)
                ),
            );
        }
        for name in san {
            if let GeneralName::DnsName(d) = name {
                if !is_dns_name(d.as_str().strip_suffix('.').unwrap_or(d.as_str()), true) {
                    return fail(
                        "strict:san-dns-syntax",
                        format!(
                            "{}: \"{}\" is not a valid DNS name (BR §7.1.2.7.12)",
                            who(c),
                            d.as_str()
                        ),
                    );
                }
            }
        }
    }
    if c.san.is_some() && !subject_empty && c.san_critical {
        return fail("strict:san-critical", format!("{}: subjectAltName must not be critical when the subject is not empty (BR §7.1.2.7.12)", who(c)));
    }
    if position == Position::Leaf {
        if c.is_ca() {
            return fail(
                "strict:leaf-is-ca",
                format!(
                    "{}: a subscriber certificate must not be a CA (BR §7.1.2.7.8)",
                    who(c)
                ),
            );
        }
        // keyCertSign requires cA (RFC 5280 §4.2.1.3); a CA as the leaf is BR's rule above.
        if !c.is_ca() && c.key_usage.as_ref().is_some_and(|ku| ku.key_cert_sign()) {
            return fail(
                "strict:leaf-keycertsign",
                format!(
                    "{}: keyCertSign is only for CA certificates (RFC 5280 §4.2.1.3)",
                    who(c)
                ),
            );
        }
        match &c.eku {
            None => return fail("strict:eku-missing", format!("{}: subscriber certificates must carry extended key usage (BR §7.1.2.7.10)", who(c))),
            Some(list) if list.contains(&ANY_EKU) => {
                return fail("strict:eku-any", format!("{}: anyExtendedKeyUsage is not allowed in subscriber certificates (BR §7.1.2.7.10)", who(c)))
            }
            Some(_) if c.eku_critical => {
                return fail("strict:eku-critical", format!("{}: extended key usage should not be critical (BR §7.1.2.7.10)", who(c)))
            }
            _ => {}
        }
    }
    Ok(())
}
