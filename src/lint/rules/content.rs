//! Certificate content: serial numbers, name encodings, reserved IP addresses, policies,
//! revocation pointers, name constraints and Certificate Transparency.

use std::net::IpAddr;

use der::Decode;
use x509_cert::ext::pkix::name::GeneralName;

use super::{fail, rule};
use crate::lint::engine::{
    Ctx, Level::*, Lint, AIA, ALWAYS, ANY_EKU, CABF_BR, CDP, CLIENT_AUTH, CP, NC, SAN, SERVER_AUTH,
};
use crate::lint::references::{BR_SAN, RFC5280_EXTENSIONS as EXT, RFC5280_SERIAL as SERIAL};
use crate::Reference;

const ENCODING: Reference = Reference { label: "CA/B Forum BR §7.1.4", url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#714-name-forms" };
const SERIAL_ENTROPY: Reference = Reference { label: "CA/B Forum BR §7.1", url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#71-certificate-profile" };
const CT: Reference = crate::lint::references::CT_POLICY;
const POLICY: Reference = Reference { label: "CA/B Forum BR §7.1.6", url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#716-certificate-policy-object-identifier" };
const REVOCATION: Reference = Reference { label: "CA/B Forum BR §7.1.2.7", url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7127-subscriber-certificate-profile" };

/// IANA special-purpose ranges (RFC 6890 and its registries) that may not be in public certificates.
pub(super) fn reserved(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            let [a, b, c, _] = o;
            a == 0
                || a == 10
                || a == 127
                || a >= 224
                || (a == 100 && (64..128).contains(&b))
                || (a == 169 && b == 254)
                || (a == 172 && (16..32).contains(&b))
                || (a == 192 && b == 0 && (c == 0 || c == 2))
                || (a == 192 && b == 88 && c == 99)
                || (a == 192 && b == 168)
                || (a == 198 && (b == 18 || b == 19))
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113)
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            let first = s.first().copied().unwrap_or(0);
            v6.is_unspecified()
                || v6.is_loopback()
                || v6.to_ipv4_mapped().is_some()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || (first & 0xff00) == 0xff00
                || (first == 0x2001 && s.get(1).is_some_and(|x| *x == 0x0db8 || *x < 0x0200))
                || (first == 0x0064 && s.get(1) == Some(&0xff9b))
                || first == 0x0100
        }
    }
}

fn ip_of(bytes: &[u8]) -> Option<IpAddr> {
    match bytes.len() {
        4 => <[u8; 4]>::try_from(bytes).ok().map(IpAddr::from),
        16 => <[u8; 16]>::try_from(bytes).ok().map(IpAddr::from),
        _ => None,
    }
}

fn serial(c: &Ctx<'_>) -> Vec<u8> {
    c.cert.tbs_certificate().serial_number().as_bytes().to_vec()
}

fn aia_methods(c: &Ctx<'_>) -> Vec<String> {
    c.ext(AIA)
        .and_then(|e| {
            x509_cert::ext::pkix::AuthorityInfoAccessSyntax::from_der(e.extn_value.as_bytes()).ok()
        })
        .map(|a| a.0.iter().map(|d| d.access_method.to_string()).collect())
        .unwrap_or_default()
}

fn subtrees_bad(
    c: &Ctx<'_>,
    bad: fn(&x509_cert::ext::pkix::constraints::name::GeneralSubtree) -> bool,
) -> bool {
    c.ext(NC)
        .and_then(|e| x509_cert::ext::pkix::NameConstraints::from_der(e.extn_value.as_bytes()).ok())
        .is_some_and(|nc| {
            nc.permitted_subtrees
                .iter()
                .chain(nc.excluded_subtrees.iter())
                .flatten()
                .any(bad)
        })
}

/// A precertificate (RFC 6962 poison extension): logged, never served.
fn precert(c: &Ctx<'_>) -> bool {
    c.ext("1.3.6.1.4.1.11129.2.4.3").is_some()
}

fn sct_count(c: &Ctx<'_>) -> Option<usize> {
    c.report.extensions.iter().find_map(|e| match &e.value {
        crate::ExtensionValue::SignedCertificateTimestamps { scts } => Some(scts.len()),
        _ => None,
    })
}

/// Chrome Root Program: server-authentication hierarchies only, from 2026-06-15.
const CHROME_SERVER_ONLY: u64 = 1_781_481_600;
/// BR ballot SC12: underscores in dNSName prohibited from 2019-04-01.
const NO_UNDERSCORES: u64 = 1_554_076_800;

/// Suffixes that only exist on private networks (RFC 6762 .local, RFC 6761 .localhost, ICANN's
/// .internal, and common de facto ones).
const INTERNAL: &[&str] = &[
    "local",
    "localhost",
    "internal",
    "lan",
    "home",
    "corp",
    "intranet",
    "localdomain",
    "home.arpa",
];

fn internal(name: &str) -> bool {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    !n.contains('.')
        || INTERNAL
            .iter()
            .any(|s| n == *s || n.ends_with(&format!(".{s}")))
}

pub(super) const RULES: &[Lint] = &[
    rule("eku.any", None, Error, REVOCATION, CABF_BR, |c| c.is_subscriber() && c.ekus().is_some(),
        |c| fail(c.ekus().unwrap_or_default().iter().any(|o| o == ANY_EKU), || "anyExtendedKeyUsage".into()),
        "The certificate allows any purpose", "anyExtendedKeyUsage lets the key be used for everything (code signing, e-mail…); the Baseline Requirements forbid it in subscriber certificates.", "Re-issue with extendedKeyUsage=serverAuth only."),
    rule("eku.no-server-auth", None, Error, REVOCATION, CABF_BR, |c| c.is_subscriber() && c.ekus().is_some() && !c.dns_names().is_empty(),
        |c| fail(!c.ekus().unwrap_or_default().iter().any(|o| o == SERVER_AUTH || o == ANY_EKU), || "extendedKeyUsage without serverAuth".into()),
        "Not valid for TLS servers", "The certificate names hosts but its extended key usage does not include serverAuth, so browsers refuse it for HTTPS (\"ERR_CERT_INVALID\" / \"not authorized for this use\").", "Re-issue with extendedKeyUsage=serverAuth."),
    rule("eku.client-auth", Some("e_client_auth_not_allowed"), Error, REVOCATION, CHROME_SERVER_ONLY, |c| c.is_server(),
        |c| fail(c.ekus().unwrap_or_default().iter().any(|o| o == CLIENT_AUTH), || "serverAuth together with clientAuth".into()),
        "Server certificate also allows client authentication", "From 2026-06-15 the Chrome Root Program accepts only dedicated server-authentication hierarchies: publicly trusted TLS server certificates may no longer include clientAuth.", "Re-issue with extendedKeyUsage=serverAuth only; use a separate (private) CA for client certificates."),
    rule("key.ec-key-encipherment", None, Error, crate::lint::references::BR_KEYS, ALWAYS, |c| c.report.public_key.algorithm == "EC" && c.key_usage().is_some(),
        |c| fail(c.key_usage().is_some_and(|k| k.key_encipherment()), || "keyEncipherment on an EC key".into()),
        "keyEncipherment on an ECDSA key", "EC keys cannot encrypt (RSA key transport); keyEncipherment on one is meaningless and the Baseline Requirements forbid it.", "Re-issue with keyUsage=digitalSignature."),
    rule("dns.underscore", Some("e_underscore_not_permissible_in_dnsname"), Error, BR_SAN, NO_UNDERSCORES, |c| c.is_subscriber(),
        |c| {
            let bad = c.dns_names().into_iter().find(|n| n.contains('_'));
            fail(bad.is_some(), || format!("dNSName {:?}", bad.unwrap_or_default()))
        },
        "An underscore in a DNS name", "Underscores are not valid in host names; the Baseline Requirements prohibit them in certificates issued from 2019-04-01.", "Use a name without underscores."),
    rule("dns.internal-name", None, Error, BR_SAN, 1_446_336_000, |c| c.is_server(),
        |c| {
            let bad = c.dns_names().into_iter().find(|n| internal(n));
            fail(bad.is_some(), || format!("dNSName {:?}", bad.unwrap_or_default()))
        },
        "An internal name", "Names like \"server\", \"nas.local\" or \"intranet.corp\" are not unique on the internet, so no public CA may certify them (since 2015-11-01). A certificate for them can only come from a private CA.", "Use a public domain name, or a private CA your devices trust."),
    Lint { same_as: Some("cert.serial-not-positive"), ..rule("serial.not-positive", Some("e_serial_number_not_positive"), Error, SERIAL, ALWAYS, |_| true,
        |c| fail(serial(c).first().is_none_or(|b| b & 0x80 != 0) || serial(c).iter().all(|b| *b == 0), || "serial number is zero or negative".into()),
        "Serial number is not positive", "RFC 5280 §4.1.2.2: the serial MUST be a positive integer.", "Re-issue.") },
    rule("serial.too-long", Some("e_serial_number_longer_than_20_octets"), Error, SERIAL, ALWAYS, |_| true,
        |c| fail(serial(c).len() > 20, || format!("{} octets", serial(c).len())),
        "Serial number longer than 20 octets", "RFC 5280 §4.1.2.2: conforming CAs MUST NOT use serial numbers longer than 20 octets; some clients cannot handle them.", "Re-issue with a shorter serial."),
    rule("serial.low-entropy", Some("w_serial_number_low_entropy"), Warn, SERIAL_ENTROPY, CABF_BR, |c| c.is_subscriber(),
        |c| fail(serial(c).iter().skip_while(|b| **b == 0).count() < 8, || format!("{} significant octets", serial(c).iter().skip_while(|b| **b == 0).count())),
        "Serial number too short for 64 bits of randomness", "The Baseline Requirements (§7.1) require at least 64 bits of CSPRNG output in the serial; a serial shorter than 8 octets cannot hold them (predictable serials made the 2008 MD5 collision attack possible).", "Have the CA issue with at least 64 random bits in the serial."),
    rule("name.country-not-printable", Some("e_subject_dn_country_not_printable_string"), Error, ENCODING, ALWAYS, |c| c.report.subject.attributes.iter().any(|a| a.oid == "2.5.4.6"),
        |c| fail(c.report.subject.attributes.iter().any(|a| a.oid == "2.5.4.6" && a.encoding != "PrintableString"), || "subject countryName is not a PrintableString".into()),
        "Subject country is not a PrintableString", "RFC 5280 appendix A: countryName MUST be a PrintableString of two letters.", "Re-issue with C encoded as PrintableString."),
    rule("name.issuer-country-not-printable", Some("e_issuer_dn_country_not_printable_string"), Error, ENCODING, ALWAYS, |c| c.report.issuer.attributes.iter().any(|a| a.oid == "2.5.4.6"),
        |c| fail(c.report.issuer.attributes.iter().any(|a| a.oid == "2.5.4.6" && a.encoding != "PrintableString"), || "issuer countryName is not a PrintableString".into()),
        "Issuer country is not a PrintableString", "RFC 5280 appendix A: countryName MUST be a PrintableString of two letters.", "The CA must fix its own name encoding."),
    rule("ip.reserved-in-san", Some("e_ext_san_contains_reserved_ip"), Error, BR_SAN, CABF_BR, |c| c.is_subscriber() && c.ext(SAN).is_some(),
        |c| {
            let bad = c.san().unwrap_or_default().iter().find_map(|n| match n {
                GeneralName::IpAddress(o) => ip_of(o.as_bytes()).filter(|ip| reserved(*ip)),
                _ => None,
            });
            fail(bad.is_some(), || format!("reserved IP address {}", bad.map(|b| b.to_string()).unwrap_or_default()))
        },
        "A reserved IP address in the SAN", "Publicly trusted certificates must not name private or reserved IP addresses (10/8, 192.168/16, 127/8, fc00::/7…): nobody can prove they own them.", "Use a private CA for internal addresses."),
    rule("ip.reserved-in-cn", Some("e_subject_contains_reserved_ip"), Error, BR_SAN, CABF_BR, |c| c.is_subscriber(),
        |c| {
            let bad = c.subject_values("2.5.4.3").into_iter().find(|v| v.parse::<IpAddr>().is_ok_and(reserved));
            fail(bad.is_some(), || format!("CN={}", bad.unwrap_or_default()))
        },
        "A reserved IP address in the common name", "Publicly trusted certificates must not name private or reserved IP addresses.", "Use a private CA for internal addresses."),
    rule("policy.duplicate", Some("e_ext_cert_policy_duplicate"), Error, EXT, ALWAYS, |c| c.ext(CP).is_some(),
        |c| {
            let p = c.policies();
            let dup = p.iter().enumerate().any(|(i, x)| p.iter().skip(i.saturating_add(1)).any(|y| y == x));
            fail(dup, || "a policy OID appears twice".into())
        },
        "A certificate policy appears twice", "RFC 5280 §4.2.1.4: a policy OID MUST NOT appear more than once.", "Re-issue with each policy once."),
    rule("policy.no-cabf-oid", None, Notice, POLICY, CABF_BR, |c| c.is_server() && c.ext(CP).is_some(),
        |c| fail(!c.policies().iter().any(|p| p.starts_with("2.23.140.1.")), || c.policies().join(", ")),
        "No CA/Browser Forum policy OID", "Publicly trusted TLS certificates must assert one of the CA/Browser Forum's reserved policy OIDs (2.23.140.1.2.1 DV, .2.2 OV, .2.3 IV, .1 EV) so clients know how the CA validated it. Certificates from a private CA need not.", "If this should be a public certificate, ask the CA; a private CA can ignore this."),
    rule("revocation.none", None, Notice, REVOCATION, CABF_BR, |c| c.is_server(),
        |c| fail(c.ext(CDP).is_none() && !aia_methods(c).iter().any(|m| m == "1.3.6.1.5.5.7.48.1"), || "no CRL distribution point and no OCSP URL".into()),
        "No way to check revocation", "The certificate names neither a CRL distribution point nor an OCSP responder, so clients cannot learn that it was revoked. Public subscriber certificates must carry at least one (CRLs are required since 2024).", "Have the CA include a CRL distribution point."),
    rule("nc.empty", Some("e_name_constraint_empty"), Error, EXT, ALWAYS, |c| c.ext(NC).is_some(),
        |c| {
            let empty = c.ext(NC).and_then(|e| x509_cert::ext::pkix::NameConstraints::from_der(e.extn_value.as_bytes()).ok())
                .is_some_and(|nc| nc.permitted_subtrees.as_ref().is_none_or(|p| p.is_empty()) && nc.excluded_subtrees.as_ref().is_none_or(|x| x.is_empty()));
            fail(empty, || "nameConstraints with neither permitted nor excluded subtrees".into())
        },
        "Empty name constraints", "RFC 5280 §4.2.1.10: either permittedSubtrees or excludedSubtrees MUST be present.", "Re-issue with the constraints meant, or without the extension."),
    rule("nc.minimum-not-zero", Some("e_name_constraint_minimum_non_zero"), Error, EXT, ALWAYS, |c| c.ext(NC).is_some(),
        |c| fail(subtrees_bad(c, |s| s.minimum != 0), || "a subtree's minimum is not 0".into()),
        "A name constraint has a minimum other than 0", "RFC 5280 §4.2.1.10: minimum MUST be zero (the field is unused).", "Re-issue."),
    rule("nc.maximum-present", Some("e_name_constraint_maximum_not_absent"), Error, EXT, ALWAYS, |c| c.ext(NC).is_some(),
        |c| fail(subtrees_bad(c, |s| s.maximum.is_some()), || "a subtree has a maximum".into()),
        "A name constraint has a maximum", "RFC 5280 §4.2.1.10: maximum MUST be absent.", "Re-issue."),
    rule("ct.empty-sct-list", Some("e_empty_sct_list"), Error, CT, ALWAYS, |c| c.is_subscriber() && !precert(c),
        |c| fail(sct_count(c) == Some(0), || "an SCT list with no SCT".into()),
        "The SCT list is empty", "RFC 6962 §3.3: the SignedCertificateTimestampList must contain at least one SCT.", "Re-issue."),
    rule("ct.sct-count", None, Notice, CT, 1_524_787_200, |c| c.is_server() && !precert(c),
        |c| {
            let needed = if c.not_after().saturating_sub(c.not_before()) <= 180 * 86_400 { 2 } else { 3 };
            let have = sct_count(c).unwrap_or(0);
            fail(have < needed, || format!("{have} embedded SCTs; {needed} needed"))
        },
        "Too few Certificate Transparency SCTs", "Chrome and Safari require publicly trusted certificates issued since 2018-04-30 to be logged: 2 embedded SCTs for lifetimes up to 180 days, 3 beyond (or SCTs delivered by TLS or OCSP instead). Private-CA certificates are exempt.", "Public certificates: ask the CA. Private CAs: nothing to do."),
];

/// Top-level domains of the ICANN section of the Public Suffix List (Debian `publicsuffix`
/// 20230209, MPL-2.0), A-labels, one per line between newlines — see `tlds.txt`.
const TLDS: &str = concat!("\n", include_str!("tlds.txt"));

pub(super) fn known_tld(name: &str) -> bool {
    let tld = name
        .trim_end_matches('.')
        .rsplit('.')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // One substring search (two-way, no allocation per line) instead of comparing ~1,500 lines.
    !tld.is_empty() && !tld.contains('\n') && TLDS.contains(&format!("\n{tld}\n"))
}

pub(super) const TLD_RULES: &[Lint] = &[rule(
    "dns.unknown-tld",
    Some("e_dnsname_not_valid_tld"),
    Error,
    BR_SAN,
    CABF_BR,
    |c| c.is_subscriber() && (!c.dns_names().is_empty() || !c.subject_values("2.5.4.3").is_empty()),
    |c| {
        let names = c.dns_names().into_iter().chain(c.subject_values("2.5.4.3").into_iter().filter(|n| n.parse::<IpAddr>().is_err()));
        let bad = names.into_iter().find(|n| n.contains('.') && !known_tld(n));
        fail(bad.is_some(), || format!("dNSName {:?}", bad.unwrap_or_default()))
    },
    "A name under a top-level domain that does not exist",
    "The last label is not a top-level domain in the public DNS, so no public CA can validate it; such names only work inside a private network (and may collide with a future real TLD).",
    "Use a name under a real public domain, or a private CA.",
)];

#[cfg(test)]
mod tests {
    use super::known_tld;

    #[test]
    fn top_level_domains_are_matched_whole_from_first_line_to_last() {
        // The list's first and last lines, a mid one, case and a trailing dot.
        for name in ["a.aaa", "x.zw", "example.COM", "example.org.", "xn--p1ai"] {
            assert!(known_tld(name), "{name}");
        }
        // Parts of a line, two lines joined by a newline, the empty label, a private name.
        for name in [
            "a.aa",
            "a.arp",
            "x.aaa\naarp",
            "example.",
            "",
            "host.internal",
            "router.lan",
        ] {
            assert!(!known_tld(name), "{name:?}");
        }
    }
}
