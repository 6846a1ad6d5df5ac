//! DNS names in the SAN: RFC 5280 §4.2.1.6 (preferred name syntax of RFC 1034) and the
//! Baseline Requirements' wildcard and label rules.

use super::{fail, rule};
use crate::lint::engine::{Ctx, Level::*, Lint, ALWAYS, CABF_BR, SAN};
use crate::lint::references::{BR_SAN, RFC6125_NAMES};

fn applies(c: &Ctx<'_>) -> bool {
    c.ext(SAN).is_some()
}

/// zlint's DNS-name lints apply to every certificate and look at the CN too.
fn subscriber_dns(_: &Ctx<'_>) -> bool {
    true
}

fn any_name(c: &Ctx<'_>, bad: fn(&str) -> bool) -> Option<String> {
    c.dns_names()
        .into_iter()
        .find(|n| bad(n))
        .map(|n| format!("dNSName {n:?}"))
}

/// The first SAN dNSName, or common name that is not an IP address (an IP address in the common
/// name is judged by the IP rules), that `bad` refuses.
fn any_name_or_cn(c: &Ctx<'_>, bad: fn(&str) -> bool) -> Option<String> {
    c.subject_values("2.5.4.3")
        .into_iter()
        .filter(|n| n.parse::<core::net::IpAddr>().is_err())
        .find(|n| bad(n))
        .map(|n| format!("commonName {n:?}"))
        .or_else(|| any_name(c, bad))
}

fn labels(n: &str) -> impl Iterator<Item = &str> {
    n.split('.')
}

fn bad_char(n: &str) -> bool {
    labels(n).enumerate().any(|(i, l)| {
        let l = if i == 0 && l == "*" { "" } else { l };
        !l.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })
}

pub(super) const RULES: &[Lint] = &[
    rule("dns.bare-wildcard", Some("e_san_bare_wildcard"), Error, RFC6125_NAMES, ALWAYS, applies,
        |c| any_name(c, |n| n == "*"), "A SAN entry is just \"*\"", "A bare wildcard would match any name and is meaningless; browsers reject it.", "Name the domain: *.example.com."),
    Lint { same_as: Some("cert.bad-wildcard"), ..rule("dns.wildcard-not-first", Some("e_san_wildcard_not_first"), Error, RFC6125_NAMES, ALWAYS, applies,
        |c| any_name(c, |n| labels(n).skip(1).any(|l| l.contains('*'))), "A wildcard is not in the leftmost label", "Wildcards are only allowed as the whole leftmost label (*.example.com).", "Use *.example.com form.") },
    rule("dns.starts-with-period", Some("e_san_dns_name_starts_with_period"), Error, RFC6125_NAMES, ALWAYS, applies,
        |c| any_name(c, |n| n.starts_with('.')), "A SAN name starts with a period", "A DNS name cannot start with \".\"; clients will not match it.", "Remove the leading period."),
    rule("dns.null-char", Some("e_san_dns_name_includes_null_char"), Error, RFC6125_NAMES, ALWAYS, applies,
        |c| any_name(c, |n| n.contains('\0')), "A SAN name contains a NUL character", "A NUL byte in a name is the classic trick to make \"bank.com\\0.evil.com\" look like bank.com to some software.", "Re-issue with a clean name."),
    rule("dns.name-too-long", Some("e_ext_san_dns_name_too_long"), Error, RFC6125_NAMES, ALWAYS, applies,
        |c| any_name(c, |n| n.len() > 253), "A SAN name is longer than 253 characters", "DNS names are at most 253 characters.", "Shorten the name."),
    rule("dns.space-name", Some("e_ext_san_space_dns_name"), Error, RFC6125_NAMES, ALWAYS, applies,
        |c| any_name(c, |n| n == " "), "A SAN name is a single space", "RFC 5280 §4.2.1.6: dNSName MUST NOT be \" \".", "Remove it."),
    rule("dns.empty-general-name", Some("e_ext_san_empty_name"), Error, RFC6125_NAMES, ALWAYS, applies,
        |c| fail(c.ext(SAN).is_some_and(|e| empty_entry(e.extn_value.as_bytes())), || "an empty name in the SAN".into()),
        "An empty name in the SAN", "RFC 5280 §4.2.1.6: SAN entries MUST NOT be empty.", "Remove the empty entry."),
    rule("dns.bad-character", Some("e_dnsname_bad_character_in_label"), Error, BR_SAN, CABF_BR, |c| c.is_subscriber() && c.server_auth(),
        |c| any_name_or_cn(c, bad_char), "A SAN name has a character not allowed in host names", "Host names are letters, digits and hyphens (RFC 1034 preferred name syntax); anything else cannot be validated.", "Fix the name."),
    rule("dns.empty-label", Some("e_dnsname_empty_label"), Error, BR_SAN, CABF_BR, subscriber_dns,
        |c| any_name_or_cn(c, |n| labels(n).any(str::is_empty)), "A SAN name has an empty label", "A name like \"a..example.com\", or \"example.com.\" with a trailing dot, is not a valid host name in a certificate: RFC 5280 §4.2.1.6 requires RFC 1034's preferred name syntax, which has neither.", "Fix the name (without a trailing dot)."),
    rule("dns.label-too-long", Some("e_dnsname_label_too_long"), Error, BR_SAN, CABF_BR, subscriber_dns,
        |c| any_name_or_cn(c, |n| labels(n).any(|l| l.len() > 63)), "A SAN name has a label longer than 63 characters", "DNS labels are at most 63 characters.", "Fix the name."),
    Lint { same_as: Some("cert.bad-wildcard"), ..rule("dns.wildcard-only-left", Some("e_dnsname_wildcard_only_in_left_label"), Error, BR_SAN, CABF_BR, subscriber_dns,
        |c| any_name_or_cn(c, |n| labels(n).skip(1).any(|l| l.contains('*'))), "A wildcard outside the leftmost label", "The Baseline Requirements allow a wildcard only as the leftmost label.", "Use *.example.com form.") },
    Lint { same_as: Some("cert.bad-wildcard"), ..rule("dns.left-wildcard-correct", Some("e_dnsname_left_label_wildcard_correct"), Error, BR_SAN, CABF_BR, subscriber_dns,
        |c| any_name_or_cn(c, |n| labels(n).next().is_some_and(|l| l.contains('*') && l != "*")), "A partial wildcard label", "The leftmost label may be exactly \"*\", not \"ab*\" or \"*cd\".", "Use *.example.com form.") },
];

/// Whether a GeneralNames SEQUENCE holds an entry of length zero (read raw, so a name that
/// does not even decode is still seen).
fn empty_entry(der: &[u8]) -> bool {
    use der::{Decode, Header, Reader, SliceReader};
    let check = || -> Option<bool> {
        let mut r = SliceReader::new(der).ok()?;
        let h = Header::decode(&mut r).ok()?;
        let mut inner = SliceReader::new(r.read_slice(h.length()).ok()?).ok()?;
        while !inner.is_finished() {
            let h = Header::decode(&mut inner).ok()?;
            if u32::from(h.length()) == 0 {
                return Some(true);
            }
            inner.read_slice(h.length()).ok()?;
        }
        Some(false)
    };
    check().unwrap_or(false)
}
