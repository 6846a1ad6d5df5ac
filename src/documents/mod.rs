//! Documents that carry certificates and keys inside another format: SAML metadata and
//! XML-DSig signatures (`<ds:X509Certificate>`), and JSON Web Keys ([RFC 7517] JWK and JWK
//! Sets, with `x5c` chains).
//!
//! The core only recognises such a document ([`sniff`]) and takes the certificates it holds
//! from the reader ([`blocks`]); reading the format is the `documents` capability, a separate
//! WebAssembly module on the web. Its description of the document ([`Document`]) is added to
//! the report beside the certificates' own analysis.
//!
//! [RFC 7517]: https://www.rfc-editor.org/rfc/rfc7517

#[cfg(feature = "documents")]
pub(crate) mod jwk;
#[cfg(feature = "documents")]
pub(crate) mod saml;
#[cfg(feature = "ssh")]
pub(crate) mod ssh;
#[cfg(feature = "ssh")]
mod ssh_signature;
#[cfg(any(feature = "documents", feature = "ssh"))]
mod text;

use crate::input::{BlockKind, Item};
use crate::Location;
#[cfg(feature = "documents")]
pub use jwk::{JwkCheck, JwkReport, JwkSetReport};
#[cfg(feature = "documents")]
pub use saml::{SamlCertificate, SamlEndpoint, SamlEntity, SamlReport, SamlRole};
#[cfg(feature = "ssh")]
pub use ssh::{SshCertificateReport, SshKeyReport, SshOption, SshReport, SshSigner};

/// The most certificates read out of one document; the rest are reported, not read.
pub const MAX_DOCUMENT_CERTIFICATES: usize = 1_000;

/// How the key types OpenSSH writes start (`ssh-ed25519`, `ecdsa-sha2-nistp256`, their
/// `-cert-v01@openssh.com` forms, FIDO `sk-…`).
pub(crate) const SSH_KEY_TYPES: &[&str] = &["ssh-", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-"];

/// Where an OpenSSH key starts in `line`: a token naming a key type (after a `known_hosts`
/// marker or `authorized_keys` options) followed by the key's base64, which always starts
/// with `AAAA` (the type's length, a big-endian u32 under 256).
pub(crate) fn ssh_key_at(line: &str) -> Option<usize> {
    let indent = line.len().saturating_sub(line.trim_start().len());
    let line = line.trim_start();
    if line.starts_with('#') {
        return None;
    }
    let mut offset = indent;
    let mut tokens = line.split(' ').take(5).map(|t| {
        let at = offset;
        offset = offset.saturating_add(t.len()).saturating_add(1);
        (at, t)
    });
    let mut previous = tokens.next()?;
    for (at, token) in tokens {
        let (kind_at, kind) = previous;
        if SSH_KEY_TYPES.iter().any(|t| kind.starts_with(t)) && token.starts_with("AAAA") {
            return Some(kind_at);
        }
        previous = (at, token);
    }
    None
}

/// The kinds of document recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// XML holding `<ds:X509Certificate>`: SAML metadata, SAML messages, any XML-DSig.
    Xml,
    /// A JWK or JWK Set (JSON with `"kty"`).
    Jwk,
    /// OpenSSH public keys and certificates, one per line.
    Ssh,
    /// An HTTP Archive (HAR): the http capability reads its responses; it carries no
    /// certificates (and its recorded bodies are not searched for any).
    Har,
}

impl Kind {
    /// A document whose certificates are read, or whose description the documents or ssh
    /// module adds.
    pub(crate) fn is_document(self) -> bool {
        self != Kind::Har
    }
}

/// Which document `input` is, judged cheaply (the core runs this on every paste).
pub(crate) fn sniff(input: &[u8]) -> Option<Kind> {
    let text = core::str::from_utf8(input)
        .ok()?
        .trim_start_matches('\u{feff}');
    let start = text.trim_start();
    // Before JWK: a HAR's recorded bodies may hold a JWK Set.
    if crate::headers::is_har(text) {
        return Some(Kind::Har);
    }
    if start.starts_with('<') && text.contains("X509Certificate>") {
        return Some(Kind::Xml);
    }
    if (start.starts_with('{') || start.starts_with('[')) && text.contains("\"kty\"") {
        return Some(Kind::Jwk);
    }
    // A line holding an OpenSSH key, in a paste without PEM (PEM is read as PEM).
    if !text.contains("-----BEGIN") && text.lines().take(50).any(|l| ssh_key_at(l).is_some()) {
        return Some(Kind::Ssh);
    }
    None
}

/// Whether a certificate finding applies to a certificate carried in a document (a SAML or
/// JWK signing key), which is not a TLS server's: the CA/Browser Forum's Baseline Requirements
/// and the hostname rules are for web servers, so their findings are left out.
pub(crate) fn applies_to_document_certificates(id: &str) -> bool {
    const SERVER_ONLY: &[&str] = &[
        "cert.no-san",
        "cert.cn-not-in-san",
        "cert.bad-wildcard",
        "cert.confusable-name",
        "cert.deceptive-characters",
        "cert.lifetime-too-long",
        "cert.self-signed-leaf",
    ];
    !id.starts_with("br.") && !id.starts_with("dns.") && !SERVER_ONLY.contains(&id)
}

/// A document's description: what it is and holds, with its own findings and the parts of it
/// that could not be read.
#[cfg(any(feature = "documents", feature = "ssh"))]
#[derive(Debug, Clone, serde::Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Document {
    /// SAML metadata, a SAML message, or another XML signature.
    #[cfg(feature = "documents")]
    Saml(SamlReport),
    /// A JWK or a JWK Set.
    #[cfg(feature = "documents")]
    Jwks(JwkSetReport),
    /// OpenSSH public keys and certificates (the `ssh` capability).
    #[cfg(feature = "ssh")]
    Ssh(SshReport),
}

#[cfg(any(feature = "documents", feature = "ssh"))]
impl Document {
    /// The document's findings.
    pub fn findings(&self) -> &[crate::Finding] {
        match self {
            #[cfg(feature = "documents")]
            Document::Saml(s) => &s.findings,
            #[cfg(feature = "documents")]
            Document::Jwks(j) => &j.findings,
            #[cfg(feature = "ssh")]
            Document::Ssh(s) => &s.findings,
        }
    }

    /// Parts of the document that could not be read.
    pub fn errors(&self) -> &[crate::Problem] {
        match self {
            #[cfg(feature = "documents")]
            Document::Saml(s) => &s.errors,
            #[cfg(feature = "documents")]
            Document::Jwks(j) => &j.errors,
            #[cfg(feature = "ssh")]
            Document::Ssh(s) => &s.errors,
        }
    }
}

/// Reads the document in `input` (`None` when it is not one this build reads), judging
/// certificate dates at `at` (Unix seconds).
#[cfg(any(feature = "documents", feature = "ssh"))]
pub fn read(input: &[u8], at: u64) -> Option<Document> {
    let kind = sniff(input)?;
    let text = core::str::from_utf8(input).ok()?;
    match kind {
        #[cfg(feature = "documents")]
        Kind::Xml => Some(Document::Saml(saml::read(text, at))),
        #[cfg(feature = "documents")]
        Kind::Jwk => Some(Document::Jwks(jwk::read(text))),
        #[cfg(feature = "ssh")]
        Kind::Ssh => Some(Document::Ssh(ssh::read(text, at))),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// A certificate found in a document, as DER, with where it is in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Embedded {
    pub(crate) location: Location,
    pub(crate) der: Vec<u8>,
}

/// The blocks of `input`, a document of `kind` ([`sniff`]): a document's certificates, taken
/// through its reader, or else what [`crate::input::split`] finds. `None` when `input` is a
/// document and this build cannot read documents (the report then lists it as pending).
pub(crate) fn split(input: &[u8], kind: Option<Kind>) -> Result<Option<Vec<Item>>, crate::Error> {
    match kind {
        None => crate::input::split(input).map(Some),
        // OpenSSH keys carry no X.509 certificate; the ssh capability describes them.
        Some(Kind::Ssh) => crate::input::check_size(input).map(|()| Some(Vec::new())),
        Some(Kind::Har) => match crate::input::check_size(input) {
            Ok(()) => Ok(Some(Vec::new())),
            Err(crate::Error::InputTooLarge { size, limit }) => {
                Err(crate::Error::HarTooLarge { size, limit })
            }
            Err(e) => Err(e),
        },
        Some(Kind::Xml | Kind::Jwk) => crate::input::check_size(input).map(|()| blocks(input)),
    }
}

fn blocks(input: &[u8]) -> Option<Vec<Item>> {
    let embedded = backend::embedded(input)?;
    Some(
        embedded
            .into_iter()
            .map(|e| {
                Ok(crate::input::Block {
                    location: e.location,
                    kind: BlockKind::Certificate { trusted: false },
                    der: e.der,
                })
            })
            .collect(),
    )
}

/// The certificates in `input` in the packed form the documents module hands the core: per
/// certificate its byte offset, line (0 for none) and length as little-endian u32, then DER.
#[cfg(feature = "documents")]
pub fn packed(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in embedded(input) {
        let numbers = [
            e.location.byte_offset,
            e.location.line.unwrap_or(0),
            e.der.len(),
        ];
        for n in numbers {
            out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
        }
        out.extend_from_slice(&e.der);
    }
    out
}

/// The inverse of [`packed`]; stops at the first entry that does not fit.
#[cfg_attr(
    any(feature = "documents", feature = "module", not(target_arch = "wasm32")),
    allow(dead_code)
)]
pub(crate) fn unpack(mut bytes: &[u8]) -> Vec<Embedded> {
    let mut out = Vec::new();
    let number = |bytes: &mut &[u8]| -> Option<usize> {
        let (head, rest) = bytes.split_first_chunk::<4>()?;
        *bytes = rest;
        usize::try_from(u32::from_le_bytes(*head)).ok()
    };
    while let (Some(offset), Some(line), Some(len)) =
        (number(&mut bytes), number(&mut bytes), number(&mut bytes))
    {
        let Some((der, rest)) = bytes.split_at_checked(len) else {
            break;
        };
        bytes = rest;
        out.push(Embedded {
            location: Location {
                block: out.len().saturating_add(1),
                line: (line > 0).then_some(line),
                byte_offset: offset,
            },
            der: der.to_vec(),
        });
    }
    out
}

/// Every certificate of the document in `input`, numbered as blocks in document order.
#[cfg(feature = "documents")]
fn embedded(input: &[u8]) -> Vec<Embedded> {
    let Some(text) = core::str::from_utf8(input).ok() else {
        return Vec::new();
    };
    let mut found = match sniff(input) {
        Some(Kind::Xml) => saml::certificates(text),
        Some(Kind::Jwk) => jwk::certificates(text),
        Some(Kind::Ssh | Kind::Har) | None => Vec::new(),
    };
    found.truncate(MAX_DOCUMENT_CERTIFICATES);
    for (i, e) in found.iter_mut().enumerate() {
        e.location.block = i.saturating_add(1);
    }
    found
}

#[cfg(feature = "documents")]
mod backend {
    pub(super) fn embedded(input: &[u8]) -> Option<Vec<super::Embedded>> {
        Some(super::embedded(input))
    }
}

#[cfg(all(
    not(feature = "documents"),
    target_arch = "wasm32",
    not(feature = "module")
))]
use crate::wasm::services::documents as backend;

/// Without the `documents` feature natively, documents are recognised but not read.
#[cfg(all(
    not(feature = "documents"),
    any(not(target_arch = "wasm32"), feature = "module")
))]
mod backend {
    pub(super) fn embedded(_: &[u8]) -> Option<Vec<super::Embedded>> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_only_documents() {
        assert_eq!(
            sniff(b"  <md:EntityDescriptor><ds:X509Certificate>"),
            Some(Kind::Xml)
        );
        assert_eq!(sniff(br#"{"keys":[{"kty":"RSA"}]}"#), Some(Kind::Jwk));
        assert_eq!(sniff(b"-----BEGIN CERTIFICATE-----"), None);
        // Vault's JSON carries PEM, not JWKs.
        assert_eq!(sniff(br#"{"data":{"certificate":"-----BEGIN"}}"#), None);
        assert_eq!(sniff(b"<html>no certificates</html>"), None);
        assert_eq!(
            sniff(b"# keys\nssh-ed25519 AAAAC3Nza user@host\n"),
            Some(Kind::Ssh)
        );
        assert_eq!(
            sniff(b"@cert-authority *.example.com ssh-rsa AAAAB3Nza\n"),
            Some(Kind::Ssh)
        );
        // ssh-keygen -L output names key types but holds no key; PEM beside a key is PEM.
        assert_eq!(
            sniff(b"    Type: ssh-ed25519-cert-v01@openssh.com user certificate"),
            None
        );
        assert_eq!(
            sniff(b"ssh-ed25519 AAAAC3Nza\n-----BEGIN CERTIFICATE-----\n"),
            None
        );
    }

    #[cfg(feature = "documents")]
    #[test]
    fn packed_round_trips_and_stops_at_truncation() {
        let xml = std::fs::read("tests/data/documents/idp-metadata.xml").unwrap();
        let direct = embedded(&xml);
        assert_eq!(direct.len(), 3);
        let bytes = packed(&xml);
        assert_eq!(unpack(&bytes), direct);
        let cut = bytes.get(..bytes.len() - 1).unwrap();
        assert_eq!(unpack(cut).len(), 2);
        assert!(unpack(&[1, 2, 3]).is_empty());
    }
}
