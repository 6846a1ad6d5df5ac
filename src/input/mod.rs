//! Splitting a paste into typed blocks.
//!
//! People paste terminal output, not clean files. This module finds every block it can
//! ([RFC 7468] PEM anywhere in the text, bare base64 or hex of DER, raw DER bytes) and gives
//! each a number and a [`Location`], so that one bad block never hides the good ones beside it.
//!
//! [RFC 7468]: https://www.rfc-editor.org/rfc/rfc7468

pub(crate) mod ber;
mod embedded;
mod encoding;
pub(crate) mod ocsp_text;
mod other_format;
mod pem;
pub(crate) mod pkcs7;
pub(crate) mod transcript;

use crate::{Error, Location, Problem};

/// The largest input read at all, in bytes (8 MiB).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// The most blocks read from one input; later ones are reported, not read.
pub const MAX_BLOCKS: usize = 20_000;

/// The DER inside one PEM block that certscope wrote itself (a report's `pem`), as engine.js
/// decodes it for the modules.
#[cfg(feature = "profiles")]
pub(crate) fn pem_body(pem: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    let body: String = pem
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("-----"))
        .collect();
    base64::engine::general_purpose::STANDARD.decode(body).ok()
}

/// What a block holds, judged from its PEM label or its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// An X.509 certificate. `trusted` marks OpenSSL's `TRUSTED CERTIFICATE`, whose DER is
    /// followed by OpenSSL's trust settings.
    Certificate { trusted: bool },
    /// A private key of any format. Only its public half is ever derived from it; the bytes
    /// are dropped as soon as that is done, and never shown.
    PrivateKey {
        label: String,
        /// Legacy OpenSSL PEM encryption (`Proc-Type: 4,ENCRYPTED`), with its `DEK-Info`.
        pem_encryption: Option<String>,
    },
    /// A public key: SubjectPublicKeyInfo ([RFC 7468 §13]) or PKCS#1 RSAPublicKey.
    ///
    /// [RFC 7468 §13]: https://www.rfc-editor.org/rfc/rfc7468#section-13
    PublicKey { label: String },
    /// A certificate signing request (PKCS#10).
    Request,
    /// A certificate revocation list.
    Crl,
    /// An OCSP response or request (RFC 6960 §4.2.1, §4.1.1).
    Ocsp,
    /// A PKCS#7 / CMS SignedData holding certificates and CRLs.
    Pkcs7,
    /// A PKCS#12 / PFX bundle.
    Pkcs12,
    /// A PEM block of another type, recognised but not analysed.
    Other { label: String },
}

/// A block, or why it could not be read (boxed: problems are rare and large).
pub(crate) type Item = Result<Block, Box<Problem>>;

/// One block of input, decoded to DER.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub(crate) location: Location,
    pub(crate) kind: BlockKind,
    pub(crate) der: Vec<u8>,
}

/// Splits `input` into blocks. Only an input too large to read at all is an `Err`; every
/// problem inside it is an `Err` item at its own location.
pub(crate) fn split(input: &[u8]) -> Result<Vec<Item>, Error> {
    check_size(input)?;
    let mut blocks = match core::str::from_utf8(input) {
        Ok(_) if small_der(input) => encoding::split_der(input, 0, None),
        Ok(text) => split_text(text),
        Err(_) if pem::contains_pem(input) => split_text(&String::from_utf8_lossy(input)),
        Err(_) => encoding::split_der(input, 0, None),
    };
    if blocks.len() > MAX_BLOCKS {
        blocks.truncate(MAX_BLOCKS);
        let at = Location {
            block: MAX_BLOCKS.saturating_add(1),
            line: None,
            byte_offset: input.len(),
        };
        blocks.push(Err(Problem::boxed(
            at,
            Error::TooManyBlocks { limit: MAX_BLOCKS },
        )));
    }
    Ok(blocks)
}

/// DER short enough to be valid UTF-8 (every byte below 0x80, as in a five-byte OCSP
/// "tryLater"): one SEQUENCE spanning the whole input, whose length byte is no printable
/// character, so no pasted text is taken for it.
fn small_der(input: &[u8]) -> bool {
    use der::{Decode, Encode, Header, SliceReader};
    if input.first() != Some(&0x30) || input.get(1).is_none_or(|b| *b >= 0x20) {
        return false;
    }
    let Ok(mut reader) = SliceReader::new(input) else {
        return false;
    };
    let Ok(header) = Header::decode(&mut reader) else {
        return false;
    };
    let total = header
        .encoded_len()
        .ok()
        .and_then(|head| u32::from(head).checked_add(u32::from(header.length())));
    total.and_then(|t| usize::try_from(t).ok()) == Some(input.len())
}

/// Refuses input larger than [`MAX_INPUT_BYTES`].
pub(crate) fn check_size(input: &[u8]) -> Result<(), Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            size: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

fn split_text(text: &str) -> Vec<Item> {
    if let Some(blocks) = embedded::split(text) {
        return blocks;
    }
    let blocks = pem::split(text);
    if !blocks.is_empty() {
        return blocks;
    }
    encoding::split_bare_text(text)
}

/// Classifies a PEM label ([RFC 7468 §5–§13], plus OpenSSL's legacy key labels).
///
/// [RFC 7468 §5–§13]: https://www.rfc-editor.org/rfc/rfc7468#section-5
pub(crate) fn kind_of_label(label: &str) -> BlockKind {
    match label {
        "CERTIFICATE" | "X509 CERTIFICATE" | "X.509 CERTIFICATE" => {
            BlockKind::Certificate { trusted: false }
        }
        "TRUSTED CERTIFICATE" => BlockKind::Certificate { trusted: true },
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => BlockKind::Request,
        "X509 CRL" => BlockKind::Crl,
        "OCSP RESPONSE" | "OCSP REQUEST" => BlockKind::Ocsp,
        "PKCS7" | "CMS" | "PKCS #7 SIGNED DATA" => BlockKind::Pkcs7,
        "PKCS12" => BlockKind::Pkcs12,
        "PUBLIC KEY" | "RSA PUBLIC KEY" => BlockKind::PublicKey {
            label: label.to_owned(),
        },
        l if l.ends_with("PRIVATE KEY") => BlockKind::PrivateKey {
            label: label.to_owned(),
            pem_encryption: None,
        },
        _ => BlockKind::Other {
            label: label.to_owned(),
        },
    }
}

/// What a DER item is, judged from its structure: certificate, CSR, CRL, PKCS#7, PKCS#12, a
/// private key or a SubjectPublicKeyInfo. Anything else is treated as a certificate, so its
/// error names one.
fn kind_of_der(der: &[u8]) -> BlockKind {
    use der::Decode;
    if x509_cert::Certificate::from_der(der).is_ok() {
        return BlockKind::Certificate { trusted: false };
    }
    if x509_cert::request::CertReq::from_der(der).is_ok() {
        return BlockKind::Request;
    }
    if crate::crl::decode(der).is_ok() {
        return BlockKind::Crl;
    }
    if is_ocsp(der) {
        return BlockKind::Ocsp;
    }
    if pkcs7::is_pkcs7(der) {
        return BlockKind::Pkcs7;
    }
    if crate::key::is_pkcs12(der) {
        return BlockKind::Pkcs12;
    }
    if let Some(label) = crate::key::der_label(der) {
        return BlockKind::PrivateKey {
            label: label.to_owned(),
            pem_encryption: None,
        };
    }
    if spki::SubjectPublicKeyInfoRef::from_der(der).is_ok() {
        return BlockKind::PublicKey {
            label: "PUBLIC KEY".to_owned(),
        };
    }
    BlockKind::Certificate { trusted: false }
}

/// Types DER bytes by their structure ([`kind_of_der`]). PKCS #7 and PKCS #12 written in BER
/// (RFC 5652 and RFC 7292 allow it; streamed CMS and macOS Keychain exports use it) come back
/// re-encoded with DER lengths. Everything else must be DER and is returned as it is, so a
/// BER certificate is still reported as not DER.
fn classify(der: Vec<u8>) -> (BlockKind, Vec<u8>) {
    // A v2/v3 certificate's TBSCertificate opens with `[0] version` (RFC 5280 §4.1); no other
    // structure read here nests a SEQUENCE starting with that tag, so the full decode the
    // certificate will get anyway need not run twice.
    if starts_like_a_v3_certificate(&der) {
        return (BlockKind::Certificate { trusted: false }, der);
    }
    let kind = kind_of_der(&der);
    if kind == (BlockKind::Certificate { trusted: false }) {
        if let Some(container) = ber_container(&der) {
            return container;
        }
    }
    (kind, der)
}

/// What a block labelled CERTIFICATE holds when its DER did not decode as one — a file
/// dropped on the page arrives labelled CERTIFICATE whatever it is — judged by its structure
/// ([`classify`]). When it is meant to be a certificate after all, the error to report: the
/// decoding `error`, or the name of the other format it is in (a Java KeyStore, …).
pub(crate) fn retype(der: Vec<u8>, error: Error) -> Result<(BlockKind, Vec<u8>), Error> {
    match classify(der) {
        (BlockKind::Certificate { .. }, der) => Err(other_format::recognise(&der).unwrap_or(error)),
        other => Ok(other),
    }
}

/// `raw` re-encoded, when it is a PKCS #7 or PKCS #12 in BER.
fn ber_container(raw: &[u8]) -> Option<(BlockKind, Vec<u8>)> {
    let (der, _) = ber::to_der(raw).ok()?;
    if der == raw {
        return None;
    }
    let kind = kind_of_der(&der);
    matches!(kind, BlockKind::Pkcs7 | BlockKind::Pkcs12).then_some((kind, der))
}

/// The shape of an OCSP response, SEQUENCE { ENUMERATED … (RFC 6960 §4.2.1: its
/// responseStatus comes first), or of a request, whose first CertID's hash algorithm is
/// reached through six SEQUENCEs (§4.1.1: OCSPRequest, TBSRequest, requestList, Request,
/// CertID, AlgorithmIdentifier; a version or requestor name first is stepped over). No other
/// structure read here has either shape; the `ocsp` module decodes the rest.
fn is_ocsp(der: &[u8]) -> bool {
    use der::{Decode, Header, Reader, SliceReader, Tag};
    let Ok(mut reader) = SliceReader::new(der) else {
        return false;
    };
    let sequence =
        |r: &mut SliceReader<'_>| Header::decode(r).is_ok_and(|h| h.tag() == Tag::Sequence);
    if !sequence(&mut reader) {
        return false;
    }
    if reader.peek_byte() == Some(0x0A) {
        return true;
    }
    if !sequence(&mut reader) {
        return false;
    }
    // [0] version, [1] requestorName: skipped whole.
    while matches!(reader.peek_byte(), Some(0xA0 | 0xA1)) {
        if der::asn1::AnyRef::decode(&mut reader).is_err() {
            return false;
        }
    }
    (0..4).all(|_| sequence(&mut reader)) && reader.peek_byte() == Some(0x06)
}

/// SEQUENCE { SEQUENCE { [0] … — the shape of a certificate with a version field.
fn starts_like_a_v3_certificate(der: &[u8]) -> bool {
    use der::{Decode, Header, Reader, SliceReader, Tag};
    let Ok(mut reader) = SliceReader::new(der) else {
        return false;
    };
    let mut sequence = || Header::decode(&mut reader).is_ok_and(|h| h.tag() == Tag::Sequence);
    sequence() && sequence() && reader.peek_byte() == Some(0xA0)
}
