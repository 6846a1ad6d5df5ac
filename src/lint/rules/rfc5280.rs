//! RFC 5280's deeper checks, beyond the core's: the upper bounds of subject attributes
//! (Appendix A), the issuer alternative name (§4.2.1.7), names read raw (a name that is not an
//! IA5String does not even decode), the criticality of the rarer extensions, and the basic
//! constraints' path length (§4.2.1.9). The profiles module carries them; they run on every
//! certificate when all lints are asked for ([`crate::Lints::All`]).

use super::facts::{
    access_uris, crl_uris, ku_bits, raw_general_names, url_scheme, CA_ISSUERS, KEY_CERT_SIGN,
};
use super::{fail, rule};
use crate::lint::engine::{
    Ctx, Level::*, Lint, ALWAYS, ANY_EKU, BC, CDP, EKU, IAN, KU, NC, PC, RFC3280, RFC5280, SAN,
};
use crate::Reference;

const fn rfc(label: &'static str, url: &'static str) -> Reference {
    Reference { label, url }
}
const UPPER_BOUNDS: Reference = rfc(
    "RFC 5280 Appendix A.1",
    "https://www.rfc-editor.org/rfc/rfc5280#appendix-A.1",
);
const IAN_REF: Reference = rfc(
    "RFC 5280 §4.2.1.7",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.7",
);
const SAN_REF: Reference = rfc(
    "RFC 5280 §4.2.1.6",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.6",
);
const BC_REF: Reference = rfc(
    "RFC 5280 §4.2.1.9",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.9",
);
const EKU_REF: Reference = rfc(
    "RFC 5280 §4.2.1.12",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.12",
);
const CDP_REF: Reference = rfc(
    "RFC 5280 §4.2.1.13",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.13",
);
const AIA_REF: Reference = rfc(
    "RFC 5280 §4.2.2.1",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.2.1",
);
const UID_REF: Reference = rfc(
    "RFC 5280 §4.1.2.8",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.8",
);
const NC_REF: Reference = rfc(
    "RFC 5280 §4.2.1.10",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.10",
);
const SUBJECT_REF: Reference = rfc(
    "RFC 5280 §4.1.2.6",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.6",
);
const KU_REF: Reference = rfc(
    "RFC 5280 §4.2.1.3",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.3",
);
const SIG_REF: Reference = rfc(
    "RFC 4055 §5",
    "https://www.rfc-editor.org/rfc/rfc4055#section-5",
);
const EXT_REF: Reference = rfc(
    "RFC 5280 §4.2.1",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1",
);

/// RFC 2459 (1999-01-01), from which zlint applies most RFC 5280 rules.
const RFC2459: u64 = 915_148_800;

const SUBJECT_DIRECTORY_ATTRIBUTES: &str = "2.5.29.9";
const POLICY_MAPPINGS: &str = "2.5.29.33";

/// The values of a subject attribute longer than `max` characters (X.520's upper bound).
fn longer(c: &Ctx<'_>, oid: &str, max: usize) -> Option<String> {
    c.subject_values(oid)
        .into_iter()
        .find(|v| v.chars().count() > max)
        .map(|v| format!("{} characters (at most {max})", v.chars().count()))
}

/// The issuer alternative name's entries with this tag (1 rfc822Name, 2 dNSName, 6 URI), as
/// text (lossy when not ASCII).
fn ian(c: &Ctx<'_>, tag: u32) -> Vec<String> {
    names(c, IAN, tag)
}
fn names(c: &Ctx<'_>, oid: &str, tag: u32) -> Vec<String> {
    c.ext(oid)
        .and_then(|e| raw_general_names(e.extn_value.as_bytes()))
        .unwrap_or_default()
        .into_iter()
        .filter(|(t, _)| *t == tag)
        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
        .collect()
}
/// The first entry of this tag that is not IA5 (seven-bit ASCII).
fn not_ia5(c: &Ctx<'_>, oid: &str, tag: u32) -> Option<String> {
    let value = c.ext(oid)?.extn_value.as_bytes();
    raw_general_names(value)?
        .into_iter()
        .find(|(t, v)| *t == tag && !v.is_ascii())
        .map(|(_, v)| format!("{:?} is not IA5 (ASCII)", String::from_utf8_lossy(v)))
}
/// A URI that Go's `url.Parse` refuses or that has no scheme (zlint's `IsAbs`).
fn relative(uri: &str) -> bool {
    url_scheme(uri).is_none()
}
fn dns_in_ian(c: &Ctx<'_>, bad: fn(&str) -> bool) -> Option<String> {
    ian(c, 2)
        .into_iter()
        .find(|n| bad(n))
        .map(|n| format!("dNSName {n:?}"))
}

/// The basic constraints read raw: (cA, whether a pathLenConstraint follows, whether it is
/// negative). `None` when the extension is not a SEQUENCE.
fn raw_basic_constraints(c: &Ctx<'_>) -> Option<(bool, bool, bool)> {
    use der::{Decode, Reader, SliceReader, Tag};
    let value = c.ext(BC)?.extn_value.as_bytes();
    let mut r = SliceReader::new(value).ok()?;
    let seq = der::Header::decode(&mut r).ok()?;
    let mut inner = SliceReader::new(r.read_slice(seq.length()).ok()?).ok()?;
    let mut ca = false;
    let mut path_len = None;
    while !inner.is_finished() {
        let h = der::Header::decode(&mut inner).ok()?;
        let body = inner.read_slice(h.length()).ok()?;
        match h.tag() {
            Tag::Boolean => ca = body.first().is_some_and(|b| *b != 0),
            Tag::Integer => path_len = Some(body.first().is_some_and(|b| b & 0x80 != 0)),
            _ => {}
        }
    }
    Some((ca, path_len.is_some(), path_len.unwrap_or(false)))
}

/// Whether a distribution point of the cRLDistributionPoints value holds reasons but neither a
/// distributionPoint nor a cRLIssuer (read raw: zlint reads reasons of any length).
fn reasons_only(value: &[u8]) -> bool {
    use der::{Decode, Encode};
    let Ok(points) = Vec::<der::Any>::from_der(value) else {
        return false;
    };
    points.iter().any(|p| {
        let fields = p.to_der().ok().and_then(|d| {
            raw_general_names(&d).map(|f| f.iter().map(|(t, v)| (*t, v.len())).collect::<Vec<_>>())
        });
        fields.is_some_and(|f| {
            f.iter().any(|(t, len)| *t == 1 && *len > 1)
                && !f.iter().any(|(t, _)| *t == 0 || *t == 2)
        })
    })
}

/// The policy mappings: (issuerDomainPolicy, subjectDomainPolicy), dotted.
fn mappings(c: &Ctx<'_>) -> Vec<(String, String)> {
    use der::Decode;
    c.ext(POLICY_MAPPINGS)
        .and_then(|e| x509_cert::ext::pkix::PolicyMappings::from_der(e.extn_value.as_bytes()).ok())
        .map(|m| {
            m.0.iter()
                .map(|p| {
                    (
                        p.issuer_domain_policy.to_string(),
                        p.subject_domain_policy.to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a permitted or excluded subtree of the name constraints, read raw, has a base of
/// this GeneralName tag (3 x400Address, 5 ediPartyName, 8 registeredID).
fn constrains(c: &Ctx<'_>, tag: u32) -> bool {
    let read = || -> Option<bool> {
        let (_, body) = super::facts::raw_tlv(c.ext(NC)?.extn_value.as_bytes())?;
        for (_, subtrees) in super::facts::raw_items(body)? {
            for (_, subtree) in super::facts::raw_items(subtrees)? {
                let base = super::facts::raw_items(subtree)?;
                if base.first().is_some_and(|(t, _)| matches!(t, der::Tag::ContextSpecific { number, .. } if number.value() == tag)) {
                    return Some(true);
                }
            }
        }
        Some(false)
    };
    read().unwrap_or(false)
}

/// Each subject attribute value, raw: (tag, contents).
fn subject_raw(c: &Ctx<'_>) -> Vec<(der::Tag, Vec<u8>)> {
    c.cert
        .tbs_certificate()
        .subject()
        .iter_rdn()
        .flat_map(|rdn| rdn.iter())
        .map(|atv| (der::Tagged::tag(&atv.value), atv.value.value().to_vec()))
        .collect()
}
/// The key usage extension's value, raw (a BIT STRING: 03, length, unused bits, bytes).
fn ku_raw<'a>(c: &'a Ctx<'_>) -> Option<&'a [u8]> {
    c.ext(KU)
        .map(|e| e.extn_value.as_bytes())
        .filter(|v| !v.is_empty())
}
/// zlint's `e_key_usage_incorrect_length`: a bit beyond decipherOnly (bit 8) is set, or the
/// value is not a BIT STRING.
fn ku_out_of_range(value: &[u8]) -> bool {
    let Some((der::Tag::BitString, body)) = super::facts::raw_tlv(value) else {
        return true;
    };
    let Some((&unused, bits)) = body.split_first() else {
        return true;
    };
    if unused > 7 || (bits.is_empty() && unused != 0) {
        return true;
    }
    let significant: Vec<u8> = bits.iter().copied().skip_while(|b| *b == 0).collect();
    if significant.len() > 8
        || significant.len() == 8 && significant.first().is_some_and(|b| *b >= 0x80)
    {
        return true;
    }
    let value = significant
        .iter()
        .fold(0u64, |v, b| (v << 8) | u64::from(*b));
    (value >> unused) >= 512
}
/// zlint's `e_incorrect_ku_encoding`: the declared unused bits differ from the trailing zero bits.
fn ku_unused_wrong(value: &[u8]) -> Option<String> {
    let declared = u32::from(*value.get(2)?);
    let bits = value.get(3..)?;
    // Go's big.Int TrailingZeroBits: zero for a value of zero.
    let zero_bytes = bits.iter().rev().take_while(|b| **b == 0).count();
    let actual = match bits.iter().rev().find(|b| **b != 0) {
        Some(last) => {
            let zero_bits = u32::try_from(zero_bytes)
                .unwrap_or(u32::MAX)
                .saturating_mul(8);
            last.trailing_zeros().saturating_add(zero_bits)
        }
        None => 0,
    };
    (declared != actual)
        .then(|| format!("{declared} unused bits declared, {actual} trailing zero bits"))
}
/// The extensions whose value is `SEQUENCE SIZE (1..MAX) OF`, and zlint's names for them.
const SEQUENCE_OF: [(&str, &str); 10] = [
    ("2.5.29.32", "certificatePolicies"),
    ("2.5.29.33", "policyMappings"),
    (SAN, "subjectAltName"),
    (IAN, "issuerAltName"),
    ("2.5.29.9", "subjectDirectoryAttributes"),
    (EKU, "extKeyUsage"),
    (CDP, "cRLDistributionPoints"),
    ("1.3.6.1.5.5.7.1.1", "authorityInfoAccess"),
    ("1.3.6.1.5.5.7.1.11", "subjectInfoAccess"),
    ("2.5.29.46", "freshestCRL"),
];
fn empty_sequence(c: &Ctx<'_>) -> Option<String> {
    SEQUENCE_OF
        .iter()
        .find(|(oid, _)| {
            c.ext(oid)
                .is_some_and(|e| e.extn_value.as_bytes() == [0x30, 0x00])
        })
        .map(|(_, name)| format!("{name} is an empty SEQUENCE"))
}

/// An rfc822Name with a phrase or comment around the mailbox, as zlint spots one: a space, a
/// leading "<" or a trailing ")".
fn not_mailbox(name: &str) -> bool {
    !name.is_empty() && (name.contains(' ') || name.starts_with('<') || name.ends_with(')'))
}
/// The SAN's dNSNames, raw (zlint's `c.DNSNames`).
fn san_dns(c: &Ctx<'_>) -> Vec<String> {
    names(c, SAN, 2)
}
fn with_dns(c: &Ctx<'_>) -> bool {
    c.is_subscriber()
        && (!san_dns(c).is_empty()
            || c.subject_values("2.5.4.3")
                .first()
                .is_some_and(|v| !v.is_empty()))
}

/// A URI Go's `url.Parse` refuses, or that has no scheme, or nothing after it (no host, user,
/// opaque part or path).
fn malformed_uri(uri: &str) -> bool {
    if url_scheme(uri).is_none() {
        return true;
    }
    let rest = uri.split_once(':').map_or("", |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    rest.strip_prefix("//").unwrap_or(rest).is_empty()
}
/// The TBS signature AlgorithmIdentifier of an RSA PKCS#1 v1.5 signature, when its parameters
/// are not NULL (RFC 4055 §5, RFC 3279 §2.2.1).
fn rsa_params_not_null(c: &Ctx<'_>) -> Option<String> {
    use der::Encode;
    let algorithm = c.cert.tbs_certificate().signature();
    let oid = algorithm.oid.to_string();
    let last = oid
        .strip_prefix("1.2.840.113549.1.1.")?
        .parse::<u8>()
        .ok()?;
    let der = algorithm.to_der().ok()?;
    let null = [
        0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, last, 0x05, 0x00,
    ];
    (der != null).then(|| format!("{oid} without NULL parameters"))
}
fn rsa_pkcs1(c: &Ctx<'_>) -> bool {
    matches!(
        c.cert
            .tbs_certificate()
            .signature()
            .oid
            .to_string()
            .as_str(),
        "1.2.840.113549.1.1.1"
            | "1.2.840.113549.1.1.2"
            | "1.2.840.113549.1.1.4"
            | "1.2.840.113549.1.1.5"
            | "1.2.840.113549.1.1.11"
            | "1.2.840.113549.1.1.12"
            | "1.2.840.113549.1.1.13"
            | "1.2.840.113549.1.1.14"
    )
}

fn printable(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b" '()+,-./:=?".contains(&b)
}

pub(super) const RULES: &[Lint] = &[
    rule("rfc.subject-serial-number-too-long", Some("e_subject_dn_serial_number_max_length"), Error, UPPER_BOUNDS, ALWAYS, |c| !c.subject_values("2.5.4.5").is_empty(),
        |c| c.subject_values("2.5.4.5").first().filter(|v| v.chars().count() > 64).map(|v| format!("serialNumber of {} characters (at most 64)", v.chars().count())),
        "Subject serial number longer than 64 characters", "X.520's upper bound for the serialNumber attribute is 64 characters (RFC 5280 Appendix A.1, ub-serial-number); longer values break software that sizes its buffers by it.", "Shorten the subject serialNumber."),
    rule("rfc.subject-email-too-long", Some("e_subject_email_max_length"), Error, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("1.2.840.113549.1.9.1").is_empty(),
        |c| longer(c, "1.2.840.113549.1.9.1", 255), "Subject emailAddress longer than 255 characters", "RFC 5280 Appendix A.1 bounds emailAddress at 255 characters (ub-emailaddress-length).", "Shorten the address (and put it in the SAN, where it belongs)."),
    rule("rfc.subject-given-name-too-long", Some("e_subject_given_name_max_length"), Error, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("2.5.4.42").is_empty(),
        |c| longer(c, "2.5.4.42", 32_768), "Subject givenName longer than 32768 characters", "givenName is an X520name, bounded at 32768 characters (ub-name, RFC 5280 Appendix A.1).", "Shorten the givenName."),
    rule("rfc.subject-given-name-long", Some("w_subject_given_name_recommended_max_length"), Warn, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("2.5.4.42").is_empty(),
        |c| longer(c, "2.5.4.42", 64), "Subject givenName longer than 64 characters", "X.411's upper bound for a given name is 64 characters; software built to it (mail systems above all) truncates or refuses longer ones.", "Keep the givenName to 64 characters."),
    rule("rfc.subject-surname-too-long", Some("e_subject_surname_max_length"), Error, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("2.5.4.4").is_empty(),
        |c| longer(c, "2.5.4.4", 32_768), "Subject surname longer than 32768 characters", "surname is an X520name, bounded at 32768 characters (ub-name, RFC 5280 Appendix A.1).", "Shorten the surname."),
    rule("rfc.subject-surname-long", Some("w_subject_surname_recommended_max_length"), Warn, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("2.5.4.4").is_empty(),
        |c| longer(c, "2.5.4.4", 64), "Subject surname longer than 64 characters", "X.411's upper bound for a surname is 64 characters; software built to it truncates or refuses longer ones.", "Keep the surname to 64 characters."),
    rule("rfc.subject-locality-too-long", Some("e_subject_locality_name_max_length"), Error, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("2.5.4.7").is_empty(),
        |c| longer(c, "2.5.4.7", 128), "Subject localityName longer than 128 characters", "RFC 5280 Appendix A.1 bounds localityName at 128 characters (ub-locality-name).", "Shorten the locality."),
    rule("rfc.subject-state-too-long", Some("e_subject_state_name_max_length"), Error, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("2.5.4.8").is_empty(),
        |c| longer(c, "2.5.4.8", 128), "Subject stateOrProvinceName longer than 128 characters", "RFC 5280 Appendix A.1 bounds stateOrProvinceName at 128 characters (ub-state-name).", "Shorten the state or province."),
    rule("rfc.subject-organization-too-long", Some("e_subject_organization_name_max_length"), Error, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("2.5.4.10").is_empty(),
        |c| longer(c, "2.5.4.10", 64), "Subject organizationName longer than 64 characters", "RFC 5280 Appendix A.1 bounds organizationName at 64 characters (ub-organization-name).", "Shorten the organization name (an abbreviation the registration records support)."),
    rule("rfc.subject-ou-too-long", Some("e_subject_organizational_unit_name_max_length"), Error, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("2.5.4.11").is_empty(),
        |c| longer(c, "2.5.4.11", 64), "Subject organizationalUnitName longer than 64 characters", "RFC 5280 Appendix A.1 bounds organizationalUnitName at 64 characters (ub-organizational-unit-name).", "Shorten the OU, or drop it."),
    rule("rfc.subject-postal-code-too-long", Some("e_subject_postal_code_max_length"), Error, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("2.5.4.17").is_empty(),
        |c| longer(c, "2.5.4.17", 16), "Subject postalCode longer than 16 characters", "X.520 bounds postalCode at 40 characters and zlint, following the upper bounds software uses, at 16; no postal code is longer.", "Put only the postal code in postalCode."),
    rule("rfc.subject-street-too-long", Some("e_subject_street_address_max_length"), Error, UPPER_BOUNDS, RFC2459, |c| !c.subject_values("2.5.4.9").is_empty(),
        |c| longer(c, "2.5.4.9", 128), "Subject streetAddress longer than 128 characters", "X.520 (02/2001) bounds streetAddress at 128 characters.", "Shorten the street address."),
    rule("rfc.ian-no-entries", Some("e_ext_ian_no_entries"), Error, IAN_REF, RFC2459, |c| c.ext(IAN).is_some(),
        |c| fail(c.ext(IAN).is_some_and(|e| raw_general_names(e.extn_value.as_bytes()).is_some_and(|n| n.is_empty())), || "issuerAltName with no names".into()),
        "Issuer alternative name is empty", "RFC 5280 §4.2.1.7: the issuer alternative name, like the SAN, MUST hold at least one entry.", "Add the names, or drop the extension."),
    rule("rfc.ian-empty-name", Some("e_ext_ian_empty_name"), Error, IAN_REF, RFC2459, |c| c.ext(IAN).is_some(),
        |c| fail(c.ext(IAN).and_then(|e| raw_general_names(e.extn_value.as_bytes())).is_some_and(|n| n.iter().any(|(_, v)| v.is_empty())), || "an empty name in issuerAltName".into()),
        "An empty name in the issuer alternative name", "RFC 5280 §4.2.1.7: its entries follow the SAN's rules, which forbid empty names.", "Remove the empty entry."),
    rule("rfc.ian-dns-not-ia5", Some("e_ext_ian_dns_not_ia5_string"), Error, IAN_REF, RFC2459, |c| c.ext(IAN).is_some(),
        |c| not_ia5(c, IAN, 2), "An issuer alternative dNSName is not ASCII", "RFC 5280 §4.2.1.7: dNSName is an IA5String (seven-bit ASCII); internationalized names go in as A-labels (xn--…).", "Encode the name as its A-label."),
    rule("rfc.ian-uri-not-ia5", Some("e_ext_ian_uri_not_ia5"), Error, IAN_REF, RFC5280, |c| c.ext(IAN).is_some(),
        |c| not_ia5(c, IAN, 6), "An issuer alternative URI is not ASCII", "RFC 5280 §4.2.1.7: a URI is an IA5String; other characters must be percent-encoded (RFC 3987 §3.1).", "Percent-encode the URI."),
    rule("rfc.ian-uri-relative", Some("e_ext_ian_uri_relative"), Error, IAN_REF, RFC5280, |c| c.ext(IAN).is_some(),
        |c| ian(c, 6).into_iter().find(|u| relative(u)).map(|u| format!("URI {u:?}")),
        "An issuer alternative URI is not an absolute URI", "RFC 5280 §4.2.1.7: a uniformResourceIdentifier MUST be a URI with a scheme (not a relative reference), and parse as one.", "Write the full URI, scheme included."),
    rule("rfc.ian-space-dns", Some("e_ext_ian_space_dns_name"), Error, IAN_REF, RFC2459, |c| c.ext(IAN).is_some(),
        |c| dns_in_ian(c, |n| n == " "), "An issuer alternative dNSName is a single space", "RFC 5280 §4.2.1.6, which §4.2.1.7 follows: dNSName MUST NOT be \" \".", "Remove it."),
    rule("rfc.san-dns-not-ia5", Some("e_ext_san_dns_not_ia5_string"), Error, SAN_REF, RFC2459, |c| c.ext(SAN).is_some(),
        |c| not_ia5(c, SAN, 2), "A SAN dNSName is not ASCII", "RFC 5280 §4.2.1.6: dNSName is an IA5String (seven-bit ASCII); clients cannot match anything else. Internationalized names go in as A-labels (xn--…).", "Encode the name as its A-label."),
    rule("rfc.san-uri-not-ia5", Some("e_ext_san_uri_not_ia5"), Error, SAN_REF, RFC5280, |c| c.ext(SAN).is_some(),
        |c| not_ia5(c, SAN, 6), "A SAN URI is not ASCII", "RFC 5280 §4.2.1.6: a URI is an IA5String; other characters must be percent-encoded (RFC 3987 §3.1).", "Percent-encode the URI."),
    rule("rfc.san-uri-relative", Some("e_ext_san_uri_relative"), Error, SAN_REF, RFC5280, |c| c.ext(SAN).is_some(),
        |c| names(c, SAN, 6).into_iter().find(|u| relative(u)).map(|u| format!("URI {u:?}")),
        "A SAN URI is not an absolute URI", "RFC 5280 §4.2.1.6: a uniformResourceIdentifier MUST be a URI with a scheme (not a relative reference), and parse as one.", "Write the full URI, scheme included."),
    rule("rfc.subject-directory-attributes-critical", Some("e_ext_subject_directory_attr_critical"), Error, EXT_REF, RFC2459, |c| c.ext(SUBJECT_DIRECTORY_ATTRIBUTES).is_some(),
        |c| fail(c.ext(SUBJECT_DIRECTORY_ATTRIBUTES).is_some_and(|e| e.critical), || "subjectDirectoryAttributes is marked critical".into()),
        "Subject directory attributes are marked critical", "RFC 5280 §4.2.1.8: conforming CAs MUST mark this extension non-critical.", "Re-issue without the critical flag."),
    rule("rfc.policy-mappings-not-critical", Some("w_ext_policy_map_not_critical"), Warn, EXT_REF, RFC2459, |c| c.ext(POLICY_MAPPINGS).is_some(),
        |c| fail(c.ext(POLICY_MAPPINGS).is_some_and(|e| !e.critical), || "policyMappings is not critical".into()),
        "Policy mappings are not critical", "RFC 5280 §4.2.1.5: conforming CAs SHOULD mark policy mappings critical, so that software that cannot map policies refuses the path instead of misreading it.", "Mark policyMappings critical."),
    rule("rfc.policy-constraints-empty", Some("e_ext_policy_constraints_empty"), Error, EXT_REF, RFC2459,
        |c| c.ext(PC).is_some_and(|e| matches!(e.extn_value.as_bytes(), [0x30, ..])),
        |c| fail(c.ext(PC).is_some_and(|e| e.extn_value.as_bytes() == [0x30, 0x00]), || "policyConstraints is an empty SEQUENCE".into()),
        "Policy constraints are empty", "RFC 5280 §4.2.1.11: requireExplicitPolicy or inhibitPolicyMapping MUST be present; an empty sequence says nothing.", "Give at least one of the two fields, or drop the extension."),
    rule("rfc.eku-critical-with-any", Some("w_eku_critical_improperly"), Warn, EKU_REF, RFC3280, |c| c.ext(EKU).is_some(),
        |c| fail(c.ext(EKU).is_some_and(|e| e.critical) && c.ekus().is_some_and(|e| e.iter().any(|o| o == ANY_EKU)), || "critical extKeyUsage with anyExtendedKeyUsage".into()),
        "Critical extended key usage includes anyExtendedKeyUsage", "RFC 5280 §4.2.1.12: the extension SHOULD NOT be critical when it holds anyExtendedKeyUsage; \"any purpose\" and \"refuse what you do not understand\" contradict each other.", "Mark extKeyUsage non-critical, or list the purposes."),
    rule("rfc.path-len-without-cert-sign", Some("e_path_len_constraint_improperly_included"), Error, BC_REF, RFC3280, |c| c.ext(BC).is_some(),
        |c| {
            let (ca, path_len, _) = raw_basic_constraints(c)?;
            fail(path_len && (!ca || c.ext(KU).is_none() || ku_bits(c) & KEY_CERT_SIGN == 0), || "pathLenConstraint without cA and keyCertSign".into())
        },
        "A path length limit on a certificate that cannot sign certificates", "RFC 5280 §4.2.1.9: pathLenConstraint is meaningful only with cA set and keyCertSign asserted; CAs MUST NOT include it otherwise.", "Drop pathLenConstraint, or make this a CA certificate with keyCertSign."),
    rule("rfc.path-len-negative", Some("e_path_len_constraint_zero_or_less"), Error, BC_REF, RFC2459, |c| raw_basic_constraints(c).is_some(),
        |c| fail(raw_basic_constraints(c).is_some_and(|(_, _, negative)| negative), || "negative pathLenConstraint".into()),
        "A negative path length limit", "RFC 5280 §4.2.1.9: pathLenConstraint is INTEGER (0..MAX); a negative value is not a limit any verifier can apply.", "Re-issue with a path length of 0 or more."),
    Lint { same_as: Some("rfc.unique-identifier"), ..rule("rfc.unique-id-version", Some("e_cert_unique_identifier_version_not_2_or_3"), Error, UID_REF, RFC5280, |_| true,
        |c| {
            let tbs = c.cert.tbs_certificate();
            fail((tbs.issuer_unique_id().is_some() || tbs.subject_unique_id().is_some()) && c.report.version == 1, || "unique identifiers in a version 1 certificate".into())
        },
        "Unique identifiers in a version 1 certificate", "RFC 5280 §4.1.2.8: issuerUniqueID and subjectUniqueID MUST appear only in version 2 or 3 certificates.", "Re-issue as version 3, without unique identifiers.") },
    rule("rfc.dp-reasons-only", Some("e_distribution_point_incomplete"), Error, CDP_REF, RFC3280, |c| c.ext(CDP).is_some(),
        |c| fail(reasons_only(c.ext(CDP)?.extn_value.as_bytes()), || "a distribution point with only reasons".into()),
        "A CRL distribution point with nothing but reasons", "RFC 5280 §4.2.1.13: a DistributionPoint MUST NOT hold only reasons; it needs distributionPoint or cRLIssuer to say where the CRL is.", "Add the CRL's URL, or drop the entry."),
    rule("rfc.dp-no-http-or-ldap", Some("w_distribution_point_missing_ldap_or_uri"), Warn, CDP_REF, RFC5280, |c| c.ext(CDP).is_some(),
        |c| {
            let uris = crl_uris(c);
            fail(!uris.iter().any(|u| { let l = u.to_ascii_lowercase(); l.starts_with("http://") || l.starts_with("ldap://") }), || if uris.is_empty() { "no URI among the distribution points".into() } else { uris.join(", ") })
        },
        "No HTTP or LDAP URL among the CRL distribution points", "RFC 5280 §4.2.1.13: a distribution point SHOULD give an http:// or ldap:// URI, the schemes relying parties are required to fetch.", "Publish the CRL at an http:// URL and name it here."),
    rule("rfc.aia-no-http-or-ldap", Some("w_ext_aia_access_location_missing"), Warn, AIA_REF, RFC5280, |c| !access_uris(c, CA_ISSUERS).is_empty(),
        |c| {
            let uris = access_uris(c, CA_ISSUERS);
            fail(!uris.iter().any(|u| { let l = u.to_ascii_lowercase(); l.starts_with("http://") || l.starts_with("ldap://") }), || uris.join(", "))
        },
        "No HTTP or LDAP URL for the issuer's certificate", "RFC 5280 §4.2.2.1: the caIssuers access location SHOULD be an http:// or ldap:// URI, which clients can fetch to complete the chain.", "Give an http:// URL of the issuing CA's certificate."),
    rule("rfc.policy-mapping-any-policy", Some("e_ext_policy_map_any_policy"), Error, EXT_REF, RFC3280, |c| c.ext(POLICY_MAPPINGS).is_some(),
        |c| mappings(c).into_iter().find(|(i, s)| i == "2.5.29.32.0" || s == "2.5.29.32.0").map(|(i, s)| format!("{i} → {s}")),
        "A policy mapping involves anyPolicy", "RFC 5280 §4.2.1.5: policies MUST NOT be mapped to or from anyPolicy; such a mapping would make every policy equal to every other.", "Map the specific policies."),
    rule("rfc.policy-mapping-not-asserted", Some("w_ext_policy_map_not_in_cert_policy"), Warn, EXT_REF, RFC3280, |c| c.ext(POLICY_MAPPINGS).is_some(),
        |c| mappings(c).into_iter().find(|(i, _)| !c.policies().contains(i)).map(|(i, _)| format!("{i} is mapped but not among the certificate's policies")),
        "A mapped policy is not among the certificate's policies", "RFC 5280 §4.2.1.5: each issuerDomainPolicy SHOULD also be in the certificate policies; a mapping of a policy the CA does not assert is never used.", "Add the policy to certificatePolicies, or drop the mapping."),
    rule("rfc.nc-edi-party", Some("w_name_constraint_on_edi_party_name"), Warn, NC_REF, RFC5280, |c| c.ext(NC).is_some(),
        |c| fail(constrains(c, 5), || "a subtree of ediPartyName".into()),
        "Name constraints on EDI party names", "RFC 5280 §4.2.1.10 defines no matching rules for ediPartyName; verifiers cannot apply the constraint (and, when critical, must reject the chain).", "Drop the ediPartyName subtree."),
    rule("rfc.nc-registered-id", Some("w_name_constraint_on_registered_id"), Warn, NC_REF, RFC5280, |c| c.ext(NC).is_some(),
        |c| fail(constrains(c, 8), || "a subtree of registeredID".into()),
        "Name constraints on registered IDs", "RFC 5280 §4.2.1.10 defines no matching rules for registeredID; verifiers cannot apply the constraint.", "Drop the registeredID subtree."),
    rule("rfc.nc-x400", Some("w_name_constraint_on_x400"), Warn, NC_REF, RFC5280, |c| c.ext(NC).is_some(),
        |c| fail(constrains(c, 3), || "a subtree of x400Address".into()),
        "Name constraints on X.400 addresses", "RFC 5280 §4.2.1.10 leaves x400Address constraints to X.411, which almost no verifier implements.", "Drop the x400Address subtree."),
    rule("rfc.subject-control-character", Some("e_subject_dn_not_printable_characters"), Error, SUBJECT_REF, ALWAYS, |_| true,
        |c| fail(subject_raw(c).iter().any(|(_, b)| String::from_utf8_lossy(b).chars().any(|ch| ch < ' ' || ('\u{7f}'..='\u{9f}').contains(&ch))), || "a control character in the subject".into()),
        "The subject holds a control character", "Control characters (U+0000 to U+001F, U+007F to U+009F) have no place in a name: they are invisible or garble the display, and can hide what a name really says (RFC 5280 §4.1.2.6 names are for people and software to compare).", "Re-issue with the control characters removed."),
    rule("rfc.printable-string-bad-character", Some("e_subject_printable_string_badalpha"), Error, SUBJECT_REF, RFC2459, |c| !c.cert.tbs_certificate().subject().is_empty(),
        |c| subject_raw(c).into_iter().find(|(t, b)| *t == der::Tag::PrintableString && (b.is_empty() || !b.iter().all(|x| printable(*x)))).map(|(_, b)| format!("PrintableString {:?}", String::from_utf8_lossy(&b))),
        "A PrintableString in the subject holds characters it cannot", "X.680 limits PrintableString to letters, digits, space and ' ( ) + , - . / : = ?; anything else (an @, an &, a *) is a misencoded value that strict parsers refuse.", "Encode the value as a UTF8String."),
    rule("rfc.ku-bits-out-of-range", Some("e_key_usage_incorrect_length"), Error, KU_REF, RFC5280, |c| c.ext(KU).is_some(),
        |c| fail(ku_raw(c).is_some_and(ku_out_of_range), || "keyUsage holds bits beyond decipherOnly, or is not a BIT STRING".into()),
        "Key usage holds more bits than there are usages", "RFC 5280 §4.2.1.3 defines nine key usage bits (digitalSignature … decipherOnly); a value beyond them is malformed, and software reads it differently.", "Re-issue with only the defined bits."),
    rule("rfc.ku-trailing-zero-byte", Some("e_superfluous_ku_encoding"), Error, KU_REF, ALWAYS, |c| ku_raw(c).is_some(),
        |c| fail(ku_raw(c).is_some_and(|v| v.last() == Some(&0)), || "keyUsage ends in a zero byte".into()),
        "Key usage ends in a superfluous zero byte", "DER (X.690 §11.2.2) requires a named bit list without trailing zero bits; a trailing 00 byte is a BER encoding that strict parsers refuse.", "Re-issue with the key usage encoded in DER."),
    rule("rfc.ku-unused-bits", Some("e_incorrect_ku_encoding"), Error, KU_REF, ALWAYS, |c| ku_raw(c).is_some_and(|v| v.len() >= 4),
        |c| ku_unused_wrong(ku_raw(c)?),
        "Key usage declares the wrong number of unused bits", "DER (X.690 §11.2.2) requires the unused-bits count to equal the trailing zero bits of a named bit list; anything else is a non-DER encoding.", "Re-issue with the key usage encoded in DER."),
    rule("rfc.empty-sequence-extension", Some("e_ext_cannot_be_empty_sequence"), Error, EXT_REF, RFC2459, |_| true,
        empty_sequence, "An extension that must list something is empty", "RFC 5280 defines certificatePolicies, the alternative names, extKeyUsage, cRLDistributionPoints, the information access extensions and others as SEQUENCE SIZE (1..MAX): an empty one is malformed.", "Fill the extension, or leave it out."),
    Lint { same_as: Some("smime.mailbox-subject"), ..rule("rfc.subject-email-not-in-san", Some("e_subj_email_not_in_san"), Error, SAN_REF, RFC2459, |c| !c.subject_values("1.2.840.113549.1.9.1").is_empty(),
        |c| {
            let san = names(c, SAN, 1);
            c.subject_values("1.2.840.113549.1.9.1").into_iter().find(|e| !san.contains(e)).map(|e| format!("{e} is not in the SAN"))
        },
        "The subject's email address is not in the SAN", "RFC 5280 §4.2.1.6: email addresses belong in the SAN as rfc822Name; software that finds one only in the subject's deprecated emailAddress cannot rely on it.", "Add the address to the SAN as an rfc822Name.") },
    rule("rfc.san-email-not-mailbox", Some("e_ext_san_rfc822_format_invalid"), Error, SAN_REF, RFC2459, |c| c.ext(SAN).is_some(),
        |c| names(c, SAN, 1).into_iter().find(|n| not_mailbox(n)).map(|n| format!("rfc822Name {n:?}")),
        "A SAN email address is not a bare mailbox", "RFC 5280 §4.2.1.6: an rfc822Name is a Mailbox, local-part@domain, with no display name before it, no comment after it and no angle brackets.", "Give the bare address: user@example.com."),
    rule("rfc.ian-email-not-mailbox", Some("e_ext_ian_rfc822_format_invalid"), Error, IAN_REF, RFC2459, |c| c.ext(IAN).is_some(),
        |c| ian(c, 1).into_iter().find(|n| not_mailbox(n)).map(|n| format!("rfc822Name {n:?}")),
        "An issuer alternative email address is not a bare mailbox", "RFC 5280 §4.2.1.7 (as §4.2.1.6): an rfc822Name is a Mailbox, local-part@domain, with no display name, comment or angle brackets.", "Give the bare address."),
    Lint { same_as: Some("dns.empty-label"), ..rule("rfc.dns-empty-label", Some("e_rfc_dnsname_empty_label"), Error, SAN_REF, RFC5280, with_dns,
        |c| san_dns(c).into_iter().find(|n| n.split('.').any(str::is_empty)).map(|n| format!("dNSName {n:?}")),
        "A SAN name has an empty label", "RFC 5280 §4.2.1.6 requires dNSNames in RFC 1034's preferred name syntax, which has no empty label (\"a..example.com\", a leading or trailing dot).", "Fix the name.") },
    Lint { same_as: Some("dns.label-too-long"), ..rule("rfc.dns-label-too-long", Some("e_rfc_dnsname_label_too_long"), Error, SAN_REF, RFC5280, with_dns,
        |c| san_dns(c).into_iter().find(|n| n.split('.').any(|l| l.len() > 63)).map(|n| format!("dNSName {n:?}")),
        "A SAN name has a label longer than 63 characters", "RFC 1034 §3.1, which RFC 5280 §4.2.1.6 follows: a DNS label is at most 63 octets.", "Fix the name.") },
    rule("rfc.san-uri-malformed", Some("e_ext_san_uri_format_invalid"), Error, SAN_REF, RFC5280, |c| c.ext(SAN).is_some(),
        |c| names(c, SAN, 6).into_iter().find(|u| malformed_uri(u)).map(|u| format!("URI {u:?}")),
        "A SAN URI is not a well-formed URI", "RFC 5280 §4.2.1.6: a uniformResourceIdentifier is a URI with a scheme and a scheme-specific part (RFC 3986); \"http://\" alone, or text with a bad %-escape, is not one.", "Write the full URI."),
    rule("rfc.ian-uri-malformed", Some("e_ext_ian_uri_format_invalid"), Error, IAN_REF, RFC5280, |c| c.ext(IAN).is_some(),
        |c| ian(c, 6).into_iter().find(|u| malformed_uri(u)).map(|u| format!("URI {u:?}")),
        "An issuer alternative URI is not a well-formed URI", "RFC 5280 §4.2.1.7 (as §4.2.1.6): a uniformResourceIdentifier is a URI with a scheme and a scheme-specific part.", "Write the full URI."),
    rule("rfc.rsa-signature-parameters", Some("e_tbs_signature_rsa_encryption_parameter_not_null"), Error, SIG_REF, RFC5280, rsa_pkcs1,
        rsa_params_not_null, "The RSA signature algorithm has no NULL parameters", "RFC 4055 §5 (and RFC 3279 §2.2.1), which RFC 5280 follows: the AlgorithmIdentifier of an RSA PKCS#1 v1.5 signature MUST carry NULL parameters; some verifiers refuse it without them.", "Re-issue with the standard encoding (…0101 0b 05 00)."),
];
