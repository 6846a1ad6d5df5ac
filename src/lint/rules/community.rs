//! The community's checks in zlint's catalogue, most from AWS Labs' certlint: whitespace around
//! name attributes, several attributes in one RDN, the issuer alternative name's DNS names, and
//! how a country is written. They are not requirements of a standard but mark what breaks
//! software or signals a careless CA. The profiles module carries them; they run on every
//! certificate when all lints are asked for ([`crate::Lints::All`]).

use super::{fail, rule};
use crate::lint::engine::{Ctx, Level::*, Lint, ALWAYS, IAN};
use crate::Reference;

const CERTLINT: Reference = Reference {
    label: "certlint (AWS Labs)",
    url: "https://github.com/awslabs/certlint",
};
const ISO3166: Reference = Reference {
    label: "ISO 3166-1 §5.1",
    url: "https://www.iso.org/iso-3166-country-codes.html",
};

/// The name attributes zlint checks for whitespace (RFC 5280 Appendix A's, with street and
/// postal code as Go's pkix has them).
const NAME_ATTRIBUTES: [u32; 16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 17, 41, 42, 43, 44, 46];

fn name_attribute(oid: &str) -> bool {
    oid.strip_prefix("2.5.4.")
        .and_then(|n| n.parse().ok())
        .is_some_and(|n| NAME_ATTRIBUTES.contains(&n))
}

/// The first name attribute value of the subject (or the issuer) that `bad` refuses.
fn whitespace(c: &Ctx<'_>, issuer: bool, bad: fn(&str) -> bool) -> Option<String> {
    let name = if issuer {
        &c.report.issuer
    } else {
        &c.report.subject
    };
    name.attributes
        .iter()
        .find(|a| name_attribute(&a.oid) && bad(&a.value))
        .map(|a| format!("{}={:?}", a.short, a.value))
}
fn leading(v: &str) -> bool {
    v.starts_with(char::is_whitespace)
}
fn trailing(v: &str) -> bool {
    v.ends_with(char::is_whitespace)
}

/// An RDN of the subject (or the issuer) with more than one attribute.
fn multi_valued(c: &Ctx<'_>, issuer: bool) -> Option<String> {
    let tbs = c.cert.tbs_certificate();
    let name = if issuer { tbs.issuer() } else { tbs.subject() };
    name.iter_rdn()
        .map(|rdn| rdn.iter().count())
        .find(|n| *n > 1)
        .map(|n| format!("an RDN of {n} attributes"))
}

/// The issuer alternative name's dNSNames.
fn ian_dns(c: &Ctx<'_>, bad: fn(&str) -> bool) -> Option<String> {
    let value = c.ext(IAN)?.extn_value.as_bytes();
    super::facts::raw_general_names(value)?
        .into_iter()
        .filter(|(tag, _)| *tag == 2)
        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
        .find(|n| bad(n))
        .map(|n| format!("dNSName {n:?}"))
}
fn with_ian(c: &Ctx<'_>) -> bool {
    c.ext(IAN).is_some()
}

/// The first value of the subject fields zlint reads that holds an HTML entity (`&amp;`,
/// `&#39;`).
fn html_entity(c: &Ctx<'_>) -> Option<String> {
    const FIELDS: [&str; 12] = [
        "2.5.4.42",
        "2.5.4.4",
        "2.5.4.3",
        "2.5.4.11",
        "2.5.4.10",
        "2.5.4.7",
        "2.5.4.8",
        "2.5.4.9",
        "2.5.4.17",
        "2.5.4.97",
        "1.3.6.1.4.1.311.60.2.1.1",
        "1.3.6.1.4.1.311.60.2.1.2",
    ];
    let entity = |v: &str| {
        v.split('&').skip(1).any(|rest| {
            let rest = rest.strip_prefix('#').unwrap_or(rest);
            let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
            name_len > 0 && rest.as_bytes().get(name_len) == Some(&b';')
        })
    };
    FIELDS
        .iter()
        .filter_map(|oid| c.subject_values(oid).into_iter().next())
        .find(|v| entity(v))
        .map(|v| format!("{v:?}"))
}

/// Whether the RSA public key's exponent, read raw, is negative.
fn negative_exponent(c: &Ctx<'_>) -> bool {
    let key = c
        .cert
        .tbs_certificate()
        .subject_public_key_info()
        .subject_public_key
        .raw_bytes();
    let read = || -> Option<bool> {
        let (_, body) = super::facts::raw_tlv(key)?;
        let parts = super::facts::raw_items(body)?;
        let (_, exponent) = parts.get(1)?;
        Some(exponent.first().is_some_and(|b| b & 0x80 != 0))
    };
    read().unwrap_or(false)
}

pub(super) const RULES: &[Lint] = &[
    rule("community.subject-leading-whitespace", Some("w_subject_dn_leading_whitespace"), Warn, CERTLINT, ALWAYS, |_| true,
        |c| whitespace(c, false, leading), "A subject attribute starts with whitespace", "Whitespace at the start of a name attribute is invisible in most displays, so two different names look the same, and name comparison (RFC 5280 §7.1) treats it inconsistently across software.", "Re-issue with the whitespace trimmed."),
    rule("community.subject-trailing-whitespace", Some("w_subject_dn_trailing_whitespace"), Warn, CERTLINT, ALWAYS, |_| true,
        |c| whitespace(c, false, trailing), "A subject attribute ends with whitespace", "Whitespace at the end of a name attribute is invisible in most displays, so two different names look the same, and name comparison (RFC 5280 §7.1) treats it inconsistently across software.", "Re-issue with the whitespace trimmed."),
    rule("community.issuer-leading-whitespace", Some("w_issuer_dn_leading_whitespace"), Warn, CERTLINT, ALWAYS, |_| true,
        |c| whitespace(c, true, leading), "An issuer attribute starts with whitespace", "The issuer name is copied from the CA's subject; whitespace at the start of an attribute is invisible and makes chain building depend on how each client compares names.", "Fix the CA's name."),
    rule("community.issuer-trailing-whitespace", Some("w_issuer_dn_trailing_whitespace"), Warn, CERTLINT, ALWAYS, |_| true,
        |c| whitespace(c, true, trailing), "An issuer attribute ends with whitespace", "The issuer name is copied from the CA's subject; whitespace at the end of an attribute is invisible and makes chain building depend on how each client compares names.", "Fix the CA's name."),
    rule("community.subject-multi-valued-rdn", Some("n_multiple_subject_rdn"), Notice, CERTLINT, ALWAYS, |_| true,
        |c| multi_valued(c, false), "The subject has several attributes in one RDN", "Certificates normally have one attribute per RDN (CN=…, O=…); a multi-valued RDN (CN=…+O=…) is legal but rare, displayed differently by each tool, and often a mistake in the CA's template.", "Put each attribute in its own RDN."),
    rule("community.issuer-multi-valued-rdn", Some("w_multiple_issuer_rdn"), Warn, CERTLINT, ALWAYS, |_| true,
        |c| multi_valued(c, true), "The issuer has several attributes in one RDN", "A multi-valued RDN (CN=…+O=…) in the issuer name is legal but rare; software that sorts or compares its attributes differently fails to build the chain.", "Fix the CA's name: one attribute per RDN."),
    rule("community.ian-bare-wildcard", Some("e_ian_bare_wildcard"), Error, CERTLINT, ALWAYS, with_ian,
        |c| ian_dns(c, |n| n.ends_with('*')), "An issuer alternative name ends with a wildcard", "A dNSName ending in \"*\" names no host; wildcards are only ever the whole leftmost label.", "Name the domain."),
    rule("community.ian-wildcard-not-first", Some("e_ian_wildcard_not_first"), Error, CERTLINT, ALWAYS, with_ian,
        |c| ian_dns(c, |n| n.bytes().skip(1).any(|b| b == b'*')), "A wildcard inside an issuer alternative name", "A \"*\" anywhere but the first character of a dNSName is not a wildcard any client understands.", "Fix the name."),
    rule("community.ian-starts-with-period", Some("e_ian_dns_name_starts_with_period"), Error, CERTLINT, ALWAYS, with_ian,
        |c| ian_dns(c, |n| n.starts_with('.')), "An issuer alternative name starts with a period", "A DNS name cannot start with \".\".", "Remove the leading period."),
    rule("community.ian-null-char", Some("e_ian_dns_name_includes_null_char"), Error, CERTLINT, ALWAYS, with_ian,
        |c| ian_dns(c, |n| n.contains('\0')), "An issuer alternative name contains a NUL character", "A NUL byte in a name is the classic trick to make \"bank.com\\0.evil.com\" look like bank.com to software written in C.", "Re-issue with a clean name."),
    rule("community.country-not-uppercase", Some("e_subj_country_not_uppercase"), Error, ISO3166, ALWAYS, |_| true,
        |c| c.subject_values("2.5.4.6").into_iter().find(|v| v.is_empty() || !v.bytes().all(|b| b.is_ascii_uppercase())).map(|v| format!("countryName {v:?}")),
        "The subject's country is not in capital letters", "ISO 3166-1 country codes are capital letters (DE, not de); software comparing names byte for byte treats \"de\" as another country.", "Write the code in capitals."),
    rule("community.html-entity", Some("e_subj_contains_html_entities"), Error, CERTLINT, ALWAYS, |_| true,
        html_entity, "The subject holds an HTML entity", "A value like \"Smith &amp; Sons\" is text that went through an HTML form and was escaped on the way: the certificate now names something else than the organization, and shows the entity to every reader.", "Re-issue with the plain text (\"Smith & Sons\")."),
    rule("community.san-dns-duplicate", Some("n_san_dns_name_duplicate"), Notice, CERTLINT, ALWAYS, |c| c.ext(crate::lint::engine::SAN).is_some(),
        |c| {
            let names: Vec<String> = c.dns_names().iter().map(|n| n.to_ascii_lowercase()).collect();
            names.iter().enumerate().find(|(i, n)| names.iter().take(*i).any(|m| m == *n)).map(|(_, n)| format!("{n} is listed twice"))
        },
        "A DNS name is listed twice in the SAN", "A repeated name does no harm, but it is a sign the CA's request handling does not deduplicate, and it wastes room in every handshake.", "List each name once."),
    rule("community.rsa-negative-exponent", Some("e_rsa_exp_negative"), Error, CERTLINT, ALWAYS, |c| c.report.public_key.oid == "1.2.840.113549.1.1.1",
        |c| fail(negative_exponent(c), || "negative RSA public exponent".into()),
        "The RSA public exponent is negative", "An RSA exponent is a positive integer (RFC 8017 §3.1); a negative one is a broken key that no signature can be checked with.", "Generate a new key (e = 65537)."),
];
