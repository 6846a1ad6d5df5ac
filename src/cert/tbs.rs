//! A certificate's TBSCertificate rebuilt without some of its parts, for signatures made over
//! something other than the certificate as served: Certificate Transparency's precertificate
//! (RFC 6962 §3.2, without the SCT list extension) and X.509's PreTBSCertificate (ITU-T X.509
//! (10/2019) §7.2.2, without the `signature` field and the `altSignatureValue` extension). One
//! walk over the DER, every element kept exactly as encoded; only the enclosing SEQUENCE and the
//! extensions' `[3]` are written again, for their new lengths.

use const_oid::ObjectIdentifier as Oid;
use der::asn1::OctetStringRef;
use der::{Decode, Header, Reader, SliceReader};

/// The rebuilt TBSCertificate, and the value (OCTET STRING contents) of the extension left out,
/// when the certificate had it.
pub(crate) struct Rebuilt {
    pub(crate) tbs: Vec<u8>,
    #[cfg_attr(not(feature = "ct"), allow(dead_code))] // the SCT list, for the ct module
    pub(crate) dropped: Option<Vec<u8>>,
}

/// The TBSCertificate of the certificate `der` without the extension `drop` and, when
/// `without_signature_field`, without its `signature` AlgorithmIdentifier.
pub(crate) fn without(der: &[u8], drop: &Oid, without_signature_field: bool) -> Option<Rebuilt> {
    let tbs = crate::signature::signed_part(der)?;
    let mut reader = SliceReader::new(contents(tbs)?).ok()?;
    let mut body = Vec::with_capacity(tbs.len());
    let mut dropped = None;
    let mut index = 0usize;
    let mut versioned = false;
    while !reader.is_finished() {
        let element = reader.tlv_bytes().ok()?;
        let tag = *element.first()?;
        versioned |= index == 0 && tag == 0xa0;
        let signature_field = index == if versioned { 2 } else { 1 };
        index = index.saturating_add(1);
        if signature_field && without_signature_field {
            continue;
        }
        if tag != 0xa3 {
            body.extend_from_slice(element);
            continue;
        }
        // [3] EXPLICIT SEQUENCE OF Extension; each Extension is kept as its bytes.
        let mut extensions = SliceReader::new(contents(contents(element)?)?).ok()?;
        let mut kept = Vec::new();
        while !extensions.is_finished() {
            let extension = extensions.tlv_bytes().ok()?;
            let mut fields = SliceReader::new(contents(extension)?).ok()?;
            let id: Oid = fields.decode().ok()?;
            if id == *drop {
                let _critical: Option<bool> = fields.decode().ok()?;
                let value: &OctetStringRef = fields.decode().ok()?;
                dropped = Some(value.as_bytes().to_vec());
            } else {
                kept.extend_from_slice(extension);
            }
        }
        body.extend(tlv(0xa3, &tlv(0x30, &kept)));
    }
    Some(Rebuilt {
        tbs: tlv(0x30, &body),
        dropped,
    })
}

/// The contents of one DER TLV.
fn contents(element: &[u8]) -> Option<&[u8]> {
    let mut r = SliceReader::new(element).ok()?;
    let header = Header::decode(&mut r).ok()?;
    r.read_slice(header.length()).ok()
}

/// A DER TLV of `tag` around `body` (definite length, short or long form).
fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    match u8::try_from(body.len()) {
        Ok(short) if short < 0x80 => out.push(short),
        _ => {
            let bytes = body.len().to_be_bytes();
            let skip = bytes.iter().take_while(|b| **b == 0).count();
            let significant = bytes.get(skip..).unwrap_or_default();
            out.push(0x80 | u8::try_from(significant.len()).unwrap_or_default());
            out.extend_from_slice(significant);
        }
    }
    out.extend_from_slice(body);
    out
}
