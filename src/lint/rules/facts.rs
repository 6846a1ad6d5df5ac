//! What the profile rules (S/MIME, code signing) read from a certificate beyond the engine's
//! `Ctx`: AIA and CRL URLs, key usage as bits, and ISO 3166-1 country codes.

use der::Decode;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{AuthorityInfoAccessSyntax, CrlDistributionPoints};

use super::fail;
use crate::lint::engine::{Ctx, AIA, CDP};

pub(super) const CA_ISSUERS: &str = "1.3.6.1.5.5.7.48.2";
pub(super) const OCSP: &str = "1.3.6.1.5.5.7.48.1";

/// The URIs of one AIA access method.
pub(super) fn access_uris(c: &Ctx<'_>, method: &str) -> Vec<String> {
    let Some(aia) = c
        .ext(AIA)
        .and_then(|e| AuthorityInfoAccessSyntax::from_der(e.extn_value.as_bytes()).ok())
    else {
        return Vec::new();
    };
    aia.0
        .iter()
        .filter(|d| d.access_method.to_string() == method)
        .filter_map(|d| match &d.access_location {
            GeneralName::UniformResourceIdentifier(u) => Some(u.to_string()),
            _ => None,
        })
        .collect()
}

/// `Some(uri)` for the first URI whose scheme is not HTTP, or that holds a control character
/// (which no URL may, RFC 3986 §2).
pub(super) fn not_http(uris: &[String]) -> Option<String> {
    uris.iter()
        .find(|u| {
            u.bytes().any(|b| b < 0x20 || b == 0x7f)
                || !u
                    .split_once(':')
                    .is_some_and(|(scheme, _)| scheme.eq_ignore_ascii_case("http"))
        })
        .cloned()
}

/// The full-name URIs of the CRL distribution points.
pub(super) fn crl_uris(c: &Ctx<'_>) -> Vec<String> {
    let Some(cdp) = c
        .ext(CDP)
        .and_then(|e| CrlDistributionPoints::from_der(e.extn_value.as_bytes()).ok())
    else {
        return Vec::new();
    };
    cdp.0
        .iter()
        .filter_map(|p| match &p.distribution_point {
            Some(DistributionPointName::FullName(names)) => Some(names),
            _ => None,
        })
        .flatten()
        .filter_map(|n| match n {
            GeneralName::UniformResourceIdentifier(u) => Some(u.to_string()),
            _ => None,
        })
        .collect()
}

/// The URI's scheme is exactly `http` and it holds no control character.
pub(super) fn scheme_http(uri: &str) -> bool {
    uri.split_once(':').is_some_and(|(s, _)| s == "http")
        && !uri.bytes().any(|b| b < 0x20 || b == 0x7f)
}

/// Key usage bits in RFC 5280's order (digitalSignature = bit 0 … decipherOnly = bit 8).
pub(super) fn ku_bits(c: &Ctx<'_>) -> u16 {
    let Some(k) = c.key_usage() else { return 0 };
    [
        k.digital_signature(),
        k.non_repudiation(),
        k.key_encipherment(),
        k.data_encipherment(),
        k.key_agreement(),
        k.key_cert_sign(),
        k.crl_sign(),
        k.encipher_only(),
        k.decipher_only(),
    ]
    .iter()
    .enumerate()
    .filter(|(_, set)| **set)
    .fold(0, |bits, (i, _)| bits | (1 << i))
}
pub(super) const DIGITAL_SIGNATURE: u16 = 1;
pub(super) const CONTENT_COMMITMENT: u16 = 1 << 1;
pub(super) const KEY_ENCIPHERMENT: u16 = 1 << 2;
pub(super) const DATA_ENCIPHERMENT: u16 = 1 << 3;
pub(super) const KEY_AGREEMENT: u16 = 1 << 4;
pub(super) const KEY_CERT_SIGN: u16 = 1 << 5;
pub(super) const CRL_SIGN: u16 = 1 << 6;
pub(super) const ENCIPHER_ONLY: u16 = 1 << 7;
pub(super) const DECIPHER_ONLY: u16 = 1 << 8;

const KU_NAMES: [&str; 9] = [
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly",
];
pub(super) fn ku_names(bits: u16) -> String {
    let names: Vec<&str> = KU_NAMES
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, n)| *n)
        .collect();
    names.join(", ")
}

/// ISO 3166-1 alpha-2 codes as zlint's `util.IsISOCountryCode` has them (with the withdrawn
/// `AN` and the user-assigned `XX`).
pub(super) fn iso_country(code: &str) -> bool {
    const CODES: &str = "AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XX";
    code.len() == 2 && CODES.split(' ').any(|c| c.eq_ignore_ascii_case(code))
}

pub(super) fn country_problem(c: &Ctx<'_>) -> Option<String> {
    match c.subject_values("2.5.4.6").first() {
        None => Some("no countryName in the subject".into()),
        Some(country) => fail(!iso_country(country), || {
            format!("countryName {country:?} is not an ISO 3166-1 code")
        }),
    }
}

/// The TLVs one after another in `bytes`, read raw: (tag, contents). `None` when they do not
/// parse.
pub(super) fn raw_items(bytes: &[u8]) -> Option<Vec<(der::Tag, &[u8])>> {
    use der::{Reader, SliceReader};
    let mut r = SliceReader::new(bytes).ok()?;
    let mut out = Vec::new();
    while !r.is_finished() {
        let h = der::Header::decode(&mut r).ok()?;
        out.push((h.tag(), r.read_slice(h.length()).ok()?));
    }
    Some(out)
}

/// The one TLV in `value`: (tag, contents).
pub(super) fn raw_tlv(value: &[u8]) -> Option<(der::Tag, &[u8])> {
    match raw_items(value)?.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The entries of a GeneralNames value read raw: (context tag number, contents). Read this way
/// a name that is not an IA5String is still seen; `None` when it is not a SEQUENCE of tagged
/// values.
pub(super) fn raw_general_names(value: &[u8]) -> Option<Vec<(u32, &[u8])>> {
    let (tag, body) = raw_tlv(value)?;
    if tag != der::Tag::Sequence {
        return None;
    }
    raw_items(body)?
        .into_iter()
        .map(|(tag, v)| match tag {
            der::Tag::ContextSpecific { number, .. } => Some((number.value(), v)),
            _ => None,
        })
        .collect()
}

/// The scheme of `uri`, lower-cased, as Go's `url.Parse` finds it; `None` when Go refuses the
/// URL (a control character, a bad %-escape, nothing before the colon) or it has no scheme.
pub(super) fn url_scheme(uri: &str) -> Option<String> {
    let bad_escape = uri.split('%').skip(1).any(|after| {
        !after
            .get(..2)
            .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    if bad_escape || uri.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return None;
    }
    let (scheme, _) = uri.split_once(':')?;
    (scheme
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)))
    .then(|| scheme.to_ascii_lowercase())
}

/// The subject's attribute values that are strings (as Go's parser keeps them), decoded:
/// (dotted OID, text).
pub(super) fn subject_strings(c: &Ctx<'_>) -> Vec<(String, String)> {
    use der::{Tag, Tagged};
    c.cert
        .tbs_certificate()
        .subject()
        .iter_rdn()
        .flat_map(|rdn| rdn.iter())
        .filter_map(|atv| {
            let bytes = atv.value.value();
            let text = match atv.value.tag() {
                Tag::BmpString => {
                    let units = bytes.chunks(2).map(|p| {
                        u16::from_be_bytes([
                            p.first().copied().unwrap_or(0),
                            p.get(1).copied().unwrap_or(0),
                        ])
                    });
                    char::decode_utf16(units)
                        .map(|r| r.unwrap_or('\u{fffd}'))
                        .collect()
                }
                Tag::Utf8String
                | Tag::PrintableString
                | Tag::Ia5String
                | Tag::TeletexString
                | Tag::NumericString
                | Tag::VisibleString => String::from_utf8_lossy(bytes).into_owned(),
                _ => return None,
            };
            Some((atv.oid.to_string(), text))
        })
        .collect()
}
