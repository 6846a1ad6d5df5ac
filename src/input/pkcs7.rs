//! The certificates and CRLs inside a PKCS#7 / CMS SignedData ([RFC 5652 §5]): `.p7b` and
//! `.p7c` files, `-----BEGIN PKCS7-----` blocks, `openssl crl2pkcs7` output.
//!
//! Walked with der's reader rather than decoded with the `cms` crate: `cms` reads the
//! certificate SET OF into DER order, which loses the order the file lists them in — and the
//! order is what a server-chain diagnosis needs.
//!
//! [RFC 5652 §5]: https://www.rfc-editor.org/rfc/rfc5652#section-5

use der::{Decode, Header, Reader, SliceReader, Tag, TagNumber};

/// id-signedData.
const SIGNED_DATA: &str = "1.2.840.113549.1.7.2";

/// What a SignedData carries, each item's DER in file order.
#[derive(Debug, Default)]
pub(crate) struct Contents {
    pub(crate) certificates: Vec<Vec<u8>>,
    pub(crate) crls: Vec<Vec<u8>>,
}

/// Whether `der` starts like a ContentInfo holding SignedData.
pub(crate) fn is_pkcs7(der: &[u8]) -> bool {
    read(der).is_ok()
}

fn err() -> der::Error {
    der::Error::new(
        der::ErrorKind::Value { tag: Tag::Sequence },
        der::Length::ZERO,
    )
}

/// Reads the certificates and CRLs of a PKCS#7 SignedData.
pub(crate) fn read(der: &[u8]) -> Result<Contents, der::Error> {
    let mut outer = SliceReader::new(der)?;
    let info = Header::decode(&mut outer)?;
    if info.tag() != Tag::Sequence {
        return Err(err());
    }
    let mut info = SliceReader::new(outer.read_slice(info.length())?)?;
    let content_type = <der::asn1::ObjectIdentifier>::decode(&mut info)?;
    if content_type.to_string() != SIGNED_DATA {
        return Err(err());
    }
    let explicit = Header::decode(&mut info)?;
    if explicit.tag().number() != TagNumber(0) {
        return Err(err());
    }
    let mut content = SliceReader::new(info.read_slice(explicit.length())?)?;
    let signed = Header::decode(&mut content)?;
    let mut signed = SliceReader::new(content.read_slice(signed.length())?)?;
    // version, digestAlgorithms, encapContentInfo
    for _ in 0..3 {
        signed.tlv_bytes()?;
    }
    let mut out = Contents::default();
    while !signed.is_finished() {
        let header = Header::decode(&mut signed)?;
        let body = signed.read_slice(header.length())?;
        let list = match (header.tag().is_context_specific(), header.tag().number()) {
            (true, TagNumber(0)) => &mut out.certificates,
            (true, TagNumber(1)) => &mut out.crls,
            _ => break, // signerInfos
        };
        let mut items = SliceReader::new(body)?;
        while !items.is_finished() {
            let item = items.tlv_bytes()?;
            // Only plain certificates / CRLs (SEQUENCE); other choices are tagged.
            if item.first() == Some(&0x30) {
                list.push(item.to_vec());
            }
        }
    }
    Ok(out)
}
