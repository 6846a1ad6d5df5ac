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
    /// The whole certificate, when the anchor came as one (user roots).
    pub(crate) cert: Option<ChainCert>,
    pub(crate) name: String,
    pub(crate) source: AnchorSource,
}

/// Re-wraps the contents of a SEQUENCE (as webpki-roots stores them) in its tag and length.
fn sequence(contents: &[u8]) -> Option<Vec<u8>> {
    AnyRef::new(Tag::Sequence, contents).ok()?.to_der().ok()
}

fn from_webpki(anchor: &rustls_pki_types::TrustAnchor<'_>) -> Option<Anchor> {
    let name = Name::from_der(&sequence(anchor.subject.as_ref())?).ok()?;
    let subject = super::name_match::key(&name);
    let spki =
        SubjectPublicKeyInfoOwned::from_der(&sequence(anchor.subject_public_key_info.as_ref())?)
            .ok()?;
    let name_constraints = match &anchor.name_constraints {
        Some(nc) => Some(NameConstraints::from_der(&sequence(nc.as_ref())?).ok()?),
        None => None,
    };
    let report = crate::cert::name_report(&name);
    Some(Anchor {
        subject,
        spki,
        name_constraints,
        cert: None,
        name: report
            .common_name
            .or(report.organization)
            .unwrap_or(report.display),
        source: AnchorSource::Mozilla,
    })
}

/// Mozilla's roots, decoded once.
pub(crate) fn mozilla() -> &'static [Anchor] {
    static ROOTS: OnceLock<Vec<Anchor>> = OnceLock::new();
    ROOTS.get_or_init(|| {
        webpki_roots::TLS_SERVER_ROOTS
            .iter()
            .filter_map(from_webpki)
            .collect()
    })
}

/// An anchor made from a whole certificate the user trusts.
pub(crate) fn from_cert(cert: ChainCert) -> Anchor {
    let report = crate::cert::name_report(cert.cert.tbs_certificate().subject());
    Anchor {
        subject: cert.subject.clone(),
        spki: cert.spki.clone(),
        name_constraints: cert.name_constraints.clone(),
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
