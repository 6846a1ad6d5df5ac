//! TLSA records ([RFC 6698 §2], DANE), checked against the pasted chain: certificate usage
//! (0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE), selector (0 the whole certificate, 1 its
//! SubjectPublicKeyInfo) and matching type (0 exact, 1 SHA-256, 2 SHA-512).
//!
//! [RFC 6698 §2]: https://www.rfc-editor.org/rfc/rfc6698#section-2

use serde::Serialize;
use sha2::{Digest, Sha512};

use super::read::{generic, words, Record};

/// One TLSA record, read and matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tlsa {
    /// The owner name, e.g. `_443._tcp.www.example.com`.
    pub name: String,
    /// 0–3.
    pub usage: u8,
    /// 0 or 1.
    pub selector: u8,
    /// 0–2.
    pub matching_type: u8,
    /// The association data, lower-case hex.
    pub data: String,
    /// What the three numbers mean, in words.
    pub meaning: String,
    /// Index (in the report's certificates) of the pasted certificate it matches.
    pub matches: Option<usize>,
    /// 1-based line of the paste.
    pub line: usize,
}

/// Reads a TLSA record (presentation or `\#` form).
pub(crate) fn parse(r: &Record) -> Option<Tlsa> {
    let (usage, selector, matching_type, data) = match generic(&r.data) {
        Some(wire) => {
            let (head, data) = wire.split_at_checked(3)?;
            let [u, s, m] = <[u8; 3]>::try_from(head).ok()?;
            (u, s, m, data.to_vec())
        }
        None => {
            let w = words(&r.data);
            let mut w = w.into_iter();
            let u = w.next()?.parse().ok()?;
            let s = w.next()?.parse().ok()?;
            let m = w.next()?.parse().ok()?;
            (u, s, m, crate::hex::decode(&w.collect::<String>())?)
        }
    };
    let usage_text = match usage {
        0 => "PKIX-TA: a CA in the chain, which must also pass normal validation",
        1 => "PKIX-EE: the server's certificate, which must also pass normal validation",
        2 => "DANE-TA: a CA in the chain, trusted on DNSSEC's word alone",
        3 => "DANE-EE: the server's certificate itself, trusted on DNSSEC's word alone",
        _ => "an unassigned usage",
    };
    let selector_text = match selector {
        0 => "the whole certificate",
        1 => "its public key (SubjectPublicKeyInfo)",
        _ => "an unassigned selector",
    };
    let matching_text = match matching_type {
        0 => "compared byte for byte",
        1 => "by SHA-256",
        2 => "by SHA-512",
        _ => "by an unassigned matching type",
    };
    Some(Tlsa {
        name: r.name.clone(),
        usage,
        selector,
        matching_type,
        data: crate::hex::plain(&data),
        meaning: format!("{usage_text}; {selector_text}, {matching_text}"),
        matches: None,
        line: r.line,
    })
}

/// The SubjectPublicKeyInfo of a DER certificate: the seventh field of its TBSCertificate
/// (RFC 5280 §4.1), found by walking the DER headers.
fn spki(cert: &[u8]) -> Option<&[u8]> {
    /// Splits one TLV off `b`: (whole TLV, contents, rest).
    fn tlv(b: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
        let first = *b.get(1)?;
        let (len, head) = if first < 0x80 {
            (usize::from(first), 2usize)
        } else {
            let n = usize::from(first & 0x7f);
            if n == 0 || n > 4 {
                return None;
            }
            let bytes = b.get(2..2usize.checked_add(n)?)?;
            let len = bytes
                .iter()
                .fold(0usize, |acc, x| (acc << 8) | usize::from(*x));
            (len, 2usize.checked_add(n)?)
        };
        let end = head.checked_add(len)?;
        Some((b.get(..end)?, b.get(head..end)?, b.get(end..)?))
    }
    let (_, cert_body, _) = tlv(cert)?;
    let (_, mut tbs, _) = tlv(cert_body)?;
    // An explicit version is [0] (0xa0); then serial, signature, issuer, validity, subject.
    if tbs.first() == Some(&0xa0) {
        tbs = tlv(tbs)?.2;
    }
    for _ in 0..5 {
        tbs = tlv(tbs)?.2;
    }
    Some(tlv(tbs)?.0)
}

/// Whether `record` matches the certificate `cert`. SHA-256 comes from the report's
/// fingerprints (the core computed them); SHA-512 and exact matches from the DER.
pub(crate) fn matches(record: &Tlsa, cert: &super::certificate::DnsCertificate) -> bool {
    if record.matching_type == 1 {
        return match record.selector {
            0 => cert.sha256 == record.data,
            1 => cert.spki_sha256 == record.data,
            _ => false,
        };
    }
    let selected = match record.selector {
        0 => cert.der.as_slice(),
        1 => match spki(&cert.der) {
            Some(s) => s,
            None => return false,
        },
        _ => return false,
    };
    let digest = match record.matching_type {
        0 => selected.to_vec(),
        2 => Sha512::digest(selected).to_vec(),
        _ => return false,
    };
    crate::hex::plain(&digest) == record.data
}
