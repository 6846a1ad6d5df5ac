//! A DER structure as a tree, for showing a certificate's raw ASN.1 on demand
//! ([X.690 §8](https://www.itu.int/rec/T-REC-X.690)). Bounded in depth and node count.

use const_oid::ObjectIdentifier;
use der::{Decode, Header, Reader, SliceReader, Tag, TagNumber};
use serde::Serialize;

use crate::{hex, oid};

/// The most nodes in one tree (a certificate has a few hundred).
pub const MAX_ASN1_NODES: usize = 5_000;
/// The deepest nesting shown.
const MAX_DEPTH: usize = 32;

/// One TLV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Asn1Node {
    /// Tag as ASN.1 names it: `SEQUENCE`, `INTEGER`, `[3]`, `OBJECT IDENTIFIER` …
    pub tag: String,
    /// Offset of the tag byte in the DER.
    pub offset: usize,
    /// Length of the header (tag and length bytes).
    pub header_length: usize,
    /// Length of the value.
    pub length: usize,
    /// For primitive values: the value as text (OIDs with their names, strings, times,
    /// integers as hex); `None` for constructed ones.
    pub value: Option<String>,
    /// For constructed values (and BIT/OCTET STRINGs that hold DER): the children.
    pub children: Vec<Asn1Node>,
}

/// The ASN.1 tree of the first block of `input` (PEM, base64, hex or DER, as
/// [`inspect`](crate::inspect) reads it).
pub fn asn1_of(input: &[u8]) -> Result<Vec<Asn1Node>, crate::Error> {
    let first = crate::input::split(input)?.into_iter().next();
    match first {
        Some(Ok(block)) => Ok(asn1_tree(&block.der)),
        Some(Err(problem)) => Err(problem.error),
        None => Err(crate::Error::NothingRecognised),
    }
}

/// Parses `der` into a tree. Stops at the first malformed TLV, at [`MAX_ASN1_NODES`] nodes or
/// at depth 32, with what was read so far.
pub fn asn1_tree(der: &[u8]) -> Vec<Asn1Node> {
    let mut budget = MAX_ASN1_NODES;
    nodes(der, 0, 0, &mut budget)
}

fn nodes(bytes: &[u8], base: usize, depth: usize, budget: &mut usize) -> Vec<Asn1Node> {
    let mut out = Vec::new();
    let Ok(mut reader) = SliceReader::new(bytes) else {
        return out;
    };
    while !reader.is_finished() && *budget > 0 {
        let start = usize::try_from(u32::from(reader.position())).unwrap_or(usize::MAX);
        let Ok(header) = Header::decode(&mut reader) else {
            break;
        };
        let header_length = usize::try_from(u32::from(reader.position()))
            .unwrap_or(usize::MAX)
            .saturating_sub(start);
        let length = usize::try_from(u32::from(header.length())).unwrap_or(usize::MAX);
        let Ok(value) = reader.read_slice(header.length()) else {
            break;
        };
        *budget = budget.saturating_sub(1);
        let offset = base.saturating_add(start);
        let inner = offset.saturating_add(header_length);
        let tag = header.tag();
        let mut node = Asn1Node {
            tag: tag_name(tag),
            offset,
            header_length,
            length,
            value: None,
            children: Vec::new(),
        };
        if depth < MAX_DEPTH && tag.is_constructed() {
            node.children = nodes(value, inner, depth.saturating_add(1), budget);
        } else {
            node.value = Some(describe(tag, value));
            // OCTET and BIT STRINGs often wrap DER (extension values, public keys).
            let wrapped = match tag {
                Tag::OctetString => Some((value, inner)),
                Tag::BitString => value.get(1..).map(|v| (v, inner.saturating_add(1))),
                _ => None,
            };
            if let Some((inside, at)) = wrapped {
                if depth < MAX_DEPTH && inside.first() == Some(&0x30) && well_formed(inside) {
                    node.children = nodes(inside, at, depth.saturating_add(1), budget);
                }
            }
        }
        out.push(node);
    }
    out
}

/// Whether `bytes` are exactly one whole TLV.
fn well_formed(bytes: &[u8]) -> bool {
    SliceReader::new(bytes)
        .and_then(|mut r| r.tlv_bytes().map(|_| r.is_finished()))
        .unwrap_or(false)
}

fn tag_name(tag: Tag) -> String {
    match tag {
        Tag::ContextSpecific { number, .. } => format!("[{}]", number_of(number)),
        Tag::Application { number, .. } => format!("[APPLICATION {}]", number_of(number)),
        Tag::Private { number, .. } => format!("[PRIVATE {}]", number_of(number)),
        other => other.to_string().to_uppercase().replace("ASN.1 ", ""),
    }
}

fn number_of(n: TagNumber) -> u32 {
    n.value()
}

fn describe(tag: Tag, value: &[u8]) -> String {
    const PREVIEW: usize = 48;
    match tag {
        Tag::ObjectIdentifier => match ObjectIdentifier::from_bytes(value) {
            Ok(o) => match oid::name(&[], &o)
                .or_else(|| oid::lookup(oid::SIGNATURES, &o))
                .or_else(|| oid::lookup(oid::EXTENSIONS, &o))
            {
                Some(n) => format!("{o} ({n})"),
                None => o.to_string(),
            },
            Err(_) => format!("malformed: {}", hex::plain(value)),
        },
        Tag::Boolean => {
            if value == [0] {
                "FALSE".into()
            } else {
                "TRUE".into()
            }
        }
        Tag::Null => String::new(),
        Tag::UtcTime | Tag::GeneralizedTime => String::from_utf8_lossy(value).into_owned(),
        _ => match crate::cert::decode_string(tag, value) {
            Some(text) => text,
            None => {
                let shown = hex::colon(value.get(..PREVIEW).unwrap_or(value));
                if value.len() > PREVIEW {
                    format!("{shown}… ({} bytes)", value.len())
                } else {
                    shown
                }
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_as_a_tree() {
        let pem = include_str!("../tests/data/generated/p256-root.pem");
        let report = crate::inspect(pem.as_bytes(), &crate::Options::at(1_769_904_000)).unwrap();
        let der = pem_body(&report.certificates[0].pem);
        let tree = asn1_tree(&der);
        assert_eq!(tree.len(), 1);
        let cert = &tree[0];
        assert_eq!(cert.tag, "SEQUENCE");
        assert_eq!(cert.offset, 0);
        assert_eq!(cert.header_length + cert.length, der.len());
        let [tbs, alg, sig] = &cert.children[..] else {
            panic!("{cert:?}")
        };
        assert_eq!(tbs.children[0].tag, "[0]");
        assert_eq!(
            alg.children[0].value.as_deref(),
            Some("1.2.840.10045.4.3.2 (ecdsa-with-SHA256)")
        );
        assert_eq!(sig.tag, "BIT STRING");
        // The signature BIT STRING holds DER (an ECDSA SEQUENCE of two INTEGERs).
        assert_eq!(sig.children[0].children.len(), 2);
    }

    #[test]
    fn garbage_and_bounds() {
        assert!(asn1_tree(b"").is_empty());
        assert!(asn1_tree(&[0x30, 0x80, 1, 2]).is_empty());
        // 10,000 SEQUENCEs, each inside the next: depth stops at 32, nothing overflows.
        let mut deep: Vec<u8> = Vec::new();
        for _ in 0..10_000 {
            let len = deep.len();
            let mut outer = vec![0x30];
            match len {
                0..=127 => outer.push(len as u8),
                128..=255 => outer.extend([0x81, len as u8]),
                256..=65535 => outer.extend([0x82, (len >> 8) as u8, len as u8]),
                _ => outer.extend([0x83, (len >> 16) as u8, (len >> 8) as u8, len as u8]),
            }
            outer.extend(deep);
            deep = outer;
        }
        let tree = asn1_tree(&deep);
        let mut depth = 0;
        let mut node = &tree[0];
        while let Some(child) = node.children.first() {
            node = child;
            depth += 1;
        }
        assert_eq!(depth, MAX_DEPTH);
        // 10,000 siblings: the node budget stops it.
        assert_eq!(
            asn1_tree(&[0x30, 0x00].repeat(10_000)).len(),
            MAX_ASN1_NODES
        );
    }

    fn pem_body(pem: &str) -> Vec<u8> {
        use base64ct::Encoding;
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        base64ct::Base64::decode_vec(&body).unwrap()
    }
}
