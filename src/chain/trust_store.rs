//! Trust anchors: Mozilla's root program (from the `webpki-roots` crate, generated from CCADB),
//! roots the user supplies, or none.

use std::sync::OnceLock;

use der::{asn1::AnyRef, Decode, Encode, Tag};
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::ext::pkix::NameConstraints;
use x509_cert::name::Name;

use super::cert::ChainCert;

/// Where a trust anchor came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AnchorSource {
    /// Mozilla's root program, as embedded in certscope.
    Mozilla,
    /// Roots the user supplied.
    User,
}

/// A trust anchor: a name and a key, with optional name constraints.
#[derive(Debug, Clone)]
pub(crate) struct Anchor {
    pub(crate) subject: Vec<u8>,
    pub(crate) spki: SubjectPublicKeyInfoOwned,
    pub(crate) name_constraints: Option<NameConstraints>,
    /// Their DER, for an anchor that came without a certificate (Mozilla's), so that they can
    /// be handed to another module without encoding them again.
    #[cfg_attr(
        any(
            feature = "revocation",
            not(all(target_arch = "wasm32", not(feature = "module")))
        ),
        allow(dead_code)
    )]
    pub(crate) name_constraints_der: Vec<u8>,
    /// The whole certificate, when the anchor came as one (user roots).
    pub(crate) cert: Option<ChainCert>,
    pub(crate) name: String,
    pub(crate) source: AnchorSource,
}

/// Re-wraps the contents of a SEQUENCE (as webpki-roots stores them) in its tag and length.
fn sequence(contents: &[u8]) -> Option<Vec<u8>> {
    AnyRef::new(Tag::Sequence, contents).ok()?.to_der().ok()
}

/// One of Mozilla's roots as webpki-roots stores it: the contents of the subject, SPKI and
/// name-constraints SEQUENCEs.
struct RawAnchor<'a> {
    subject: &'a [u8],
    spki: &'a [u8],
    name_constraints: Option<&'a [u8]>,
}

fn decode(anchor: &RawAnchor<'_>) -> Option<Anchor> {
    let name = Name::from_der(&sequence(anchor.subject)?).ok()?;
    let subject = super::name_match::key(&name);
    let spki = SubjectPublicKeyInfoOwned::from_der(&sequence(anchor.spki)?).ok()?;
    let name_constraints_der = match anchor.name_constraints {
        Some(nc) => sequence(nc)?,
        None => Vec::new(),
    };
    let name_constraints = match anchor.name_constraints {
        Some(_) => Some(NameConstraints::from_der(&name_constraints_der).ok()?),
        None => None,
    };
    let report = crate::cert::name_report(&name);
    Some(Anchor {
        subject,
        spki,
        name_constraints,
        name_constraints_der,
        cert: None,
        name: report
            .common_name
            .or(report.organization)
            .unwrap_or(report.display),
        source: AnchorSource::Mozilla,
    })
}

/// Mozilla's roots, decoded once. A WebAssembly core gets them from the verify module, which
/// holds the (incompressible) key data; until that module is loaded there are none, and
/// nothing is remembered.
pub(crate) fn mozilla() -> &'static [Anchor] {
    static ROOTS: OnceLock<Vec<Anchor>> = OnceLock::new();
    if let Some(roots) = ROOTS.get() {
        return roots;
    }
    let packed = packed();
    let roots: Vec<Anchor> = unpack(&packed).iter().filter_map(decode).collect();
    if roots.is_empty() {
        return &[];
    }
    ROOTS.get_or_init(|| roots)
}

/// Natively the roots take the same packed form the verify module hands a WebAssembly core
/// (a one-time copy), so every native test also exercises that format.
#[cfg(feature = "verify")]
fn packed() -> Vec<u8> {
    mozilla_packed()
}
#[cfg(all(
    not(feature = "verify"),
    target_arch = "wasm32",
    not(feature = "module")
))]
fn packed() -> Vec<u8> {
    crate::wasm::services::mozilla_roots()
}
#[cfg(all(
    not(feature = "verify"),
    any(not(target_arch = "wasm32"), feature = "module")
))]
fn packed() -> Vec<u8> {
    Vec::new()
}

/// Mozilla's roots (webpki-roots) packed for the move between WebAssembly modules: for each,
/// the subject, SPKI and name constraints, each as a 2-byte big-endian length and its bytes
/// (length 0: no name constraints).
#[cfg(feature = "verify")]
pub fn mozilla_packed() -> Vec<u8> {
    let mut out = Vec::new();
    for a in webpki_roots::TLS_SERVER_ROOTS {
        let nc = a.name_constraints.as_ref().map_or(&[][..], |n| n.as_ref());
        for field in [a.subject.as_ref(), a.subject_public_key_info.as_ref(), nc] {
            let len = u16::try_from(field.len()).unwrap_or(0);
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(field.get(..usize::from(len)).unwrap_or_default());
        }
    }
    out
}

fn unpack(bytes: &[u8]) -> Vec<RawAnchor<'_>> {
    fn field<'a>(bytes: &mut &'a [u8]) -> Option<&'a [u8]> {
        let (len, rest) = bytes.split_first_chunk::<2>()?;
        let (field, rest) = rest.split_at_checked(usize::from(u16::from_be_bytes(*len)))?;
        *bytes = rest;
        Some(field)
    }
    let mut rest = bytes;
    let mut out = Vec::new();
    while let (Some(subject), Some(spki), Some(nc)) =
        (field(&mut rest), field(&mut rest), field(&mut rest))
    {
        out.push(RawAnchor {
            subject,
            spki,
            name_constraints: (!nc.is_empty()).then_some(nc),
        });
    }
    out
}

/// An anchor made from a whole certificate the user trusts.
pub(crate) fn from_cert(cert: ChainCert) -> Anchor {
    let report = crate::cert::name_report(cert.cert.tbs_certificate().subject());
    Anchor {
        subject: cert.subject.clone(),
        spki: cert.spki.clone(),
        name_constraints: cert.name_constraints.clone(),
        name_constraints_der: Vec::new(),
        name: report
            .common_name
            .or(report.organization)
            .unwrap_or(report.display),
        source: AnchorSource::User,
        cert: Some(cert),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn mozilla_roots_all_decode() {
        assert_eq!(super::mozilla().len(), webpki_roots::TLS_SERVER_ROOTS.len());
        assert!(super::mozilla().iter().any(|a| a.name == "ISRG Root X1"));
    }
}
