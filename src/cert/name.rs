//! Distinguished names ([RFC 5280 §4.1.2.4]) as attribute lists and one display string.
//!
//! The display string is in [RFC 4514] order: the most specific attribute first
//! (`CN=ISRG Root X1, O=Internet Security Research Group, C=US`), which is how people read a
//! name and how `openssl -nameopt RFC2253` prints it. Attribute lists keep the DER order
//! (most general first, usually `C` first).
//!
//! [RFC 5280 §4.1.2.4]: https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.4
//! [RFC 4514]: https://www.rfc-editor.org/rfc/rfc4514

use der::{Encode, Tag, Tagged};
use serde::Serialize;
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::name::Name;

use crate::{hex, oid};

/// One attribute of a name, e.g. `CN = example.com`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NameAttribute {
    /// Short name (`CN`, `O`, `C` …) or the dotted OID when it has none.
    pub short: String,
    /// Dotted OID of the attribute type.
    pub oid: String,
    /// The value as text (`#` and hex of the DER when it is not a string type).
    pub value: String,
    /// The ASN.1 string type the value was encoded with, e.g. `PrintableString`.
    pub encoding: String,
}

/// A distinguished name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NameReport {
    /// Attributes in DER order. Multi-valued RDNs are flattened in order.
    pub attributes: Vec<NameAttribute>,
    /// RFC 4514 string, most specific attribute first.
    pub display: String,
    /// The (last) common name, if any.
    pub common_name: Option<String>,
    /// The (last) organisation, if any.
    pub organization: Option<String>,
}

pub(crate) fn report(name: &Name) -> NameReport {
    let mut attributes = Vec::new();
    let mut rdns = Vec::new();
    for rdn in name.iter_rdn() {
        let parts: Vec<String> = rdn
            .iter()
            .map(|atv| {
                let (attr, is_string) = attribute(atv);
                let shown = shown(&attr.short, &attr.value, is_string);
                attributes.push(attr);
                shown
            })
            .collect();
        rdns.push(parts.join("+"));
    }
    rdns.reverse();
    let last = |short: &str| {
        attributes
            .iter()
            .rev()
            .find(|a| a.short == short)
            .map(|a| a.value.clone())
    };
    NameReport {
        common_name: last("CN"),
        organization: last("O"),
        display: rdns.join(","),
        attributes,
    }
}

/// The attribute, and whether its value is a string (not `#`-hex).
/// Only the RFC 4514 string of `name`, as [`report`] would give it in `display`.
pub(crate) fn display(name: &Name) -> String {
    let mut rdns: Vec<String> = name
        .iter_rdn()
        .map(|rdn| {
            let parts: Vec<String> = rdn
                .iter()
                .map(|atv| {
                    let (value, is_string) = value(atv);
                    shown(&short(atv), &value, is_string)
                })
                .collect();
            parts.join("+")
        })
        .collect();
    rdns.reverse();
    rdns.join(",")
}

/// `type=value`, with RFC 4514 §2.4 escaping for string values (others are `#hex` already).
fn shown(short: &str, value: &str, is_string: bool) -> String {
    if is_string {
        format!("{short}={}", escape_rfc4514(value))
    } else {
        format!("{short}={value}")
    }
}

fn attribute(atv: &AttributeTypeAndValue) -> (NameAttribute, bool) {
    let (value, is_string) = value(atv);
    let attr = NameAttribute {
        short: short(atv),
        oid: atv.oid.to_string(),
        value,
        encoding: tag_name(atv.value.tag()),
    };
    (attr, is_string)
}

/// The attribute's short name (`CN`, `O`, …), or its dotted OID.
fn short(atv: &AttributeTypeAndValue) -> String {
    oid::ATTRIBUTES
        .iter()
        .find(|(o, _, _)| *o == atv.oid)
        .map_or_else(|| atv.oid.to_string(), |(_, s, _)| (*s).to_owned())
}

/// The value as text, and whether it was a string type (otherwise `#` and the DER in hex).
fn value(atv: &AttributeTypeAndValue) -> (String, bool) {
    match decode_string(atv.value.tag(), atv.value.value()) {
        Some(text) => (text, true),
        None => {
            let der = atv.value.to_der().unwrap_or_default();
            (format!("#{}", hex::plain(&der)), false)
        }
    }
}

fn tag_name(tag: Tag) -> String {
    match tag {
        Tag::Utf8String => "UTF8String".into(),
        Tag::PrintableString => "PrintableString".into(),
        Tag::Ia5String => "IA5String".into(),
        Tag::TeletexString => "TeletexString".into(),
        Tag::BmpString => "BMPString".into(),
        Tag::VisibleString => "VisibleString".into(),
        Tag::NumericString => "NumericString".into(),
        other => other.to_string(),
    }
}

/// Decodes the ASN.1 string types that appear in names. TeletexString is read as Latin-1,
/// as OpenSSL and browsers do; invalid UTF-8 is shown with replacement characters.
pub(crate) fn decode_string(tag: Tag, bytes: &[u8]) -> Option<String> {
    match tag {
        Tag::Utf8String => Some(String::from_utf8_lossy(bytes).into_owned()),
        Tag::PrintableString | Tag::Ia5String | Tag::VisibleString | Tag::NumericString => {
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
        Tag::TeletexString => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        Tag::BmpString => {
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|c| match c {
                    [hi, lo] => u16::from_be_bytes([*hi, *lo]),
                    _ => 0xFFFD,
                })
                .collect();
            Some(String::from_utf16_lossy(&units))
        }
        _ => None,
    }
}

/// Escapes a value for an RFC 4514 string ([RFC 4514 §2.4]).
///
/// [RFC 4514 §2.4]: https://www.rfc-editor.org/rfc/rfc4514#section-2.4
fn escape_rfc4514(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '#' | ' ' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            ' ' if i == last => out.push_str("\\ "),
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}
