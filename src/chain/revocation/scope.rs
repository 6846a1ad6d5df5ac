//! Which CRLs cover a certificate, and for which revocation reasons: the certificate's CRL
//! distribution points against a CRL's issuer and issuingDistributionPoint
//! ([RFC 5280 §6.3.3] (b) and (c), §4.2.1.13, §5.2.5).
//!
//! [RFC 5280 §6.3.3]: https://www.rfc-editor.org/rfc/rfc5280#section-6.3.3

use der::{Decode, Encode};
use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::CrlDistributionPoints;
use x509_cert::name::{Name, RelativeDistinguishedName};

use super::super::cert::ChainCert;
use super::super::name_match;
use super::list::Crl;

/// All eight revocation reasons of ReasonFlags (keyCompromise … aACompromise; bit 0 is unused).
pub(crate) const ALL_REASONS: u16 = 0x1fe;

/// ReasonFlags bit names, bit 1 first.
const REASON_NAMES: [&str; 8] = [
    "keyCompromise",
    "cACompromise",
    "affiliationChanged",
    "superseded",
    "cessationOfOperation",
    "certificateHold",
    "privilegeWithdrawn",
    "aACompromise",
];

/// The names of the reasons in `mask`.
pub(crate) fn reason_names(mask: u16) -> Vec<&'static str> {
    REASON_NAMES
        .iter()
        .enumerate()
        .filter(|(k, _)| mask & (2u16 << k) != 0)
        .map(|(_, n)| *n)
        .collect()
}

/// A name compared as RFC 5280 §7 asks: directory names by `name_match`, others by DER.
#[derive(Debug, PartialEq, Eq)]
enum Key {
    Directory(Vec<u8>),
    Other(Vec<u8>),
}

fn general(name: &GeneralName) -> Key {
    match name {
        GeneralName::DirectoryName(d) => Key::Directory(name_match::key(d)),
        other => Key::Other(other.to_der().unwrap_or_default()),
    }
}

/// The names a distribution point name stands for; a name relative to the CRL issuer is that
/// issuer's name with one more RDN.
fn point_names(name: &DistributionPointName, relative_to: &Name) -> Vec<Key> {
    match name {
        DistributionPointName::FullName(names) => names.iter().map(general).collect(),
        DistributionPointName::NameRelativeToCRLIssuer(rdn) => {
            let rdns = relative_to
                .iter_rdn()
                .chain(core::iter::once::<&RelativeDistinguishedName>(rdn));
            vec![Key::Directory(name_match::key_of_rdns(rdns))]
        }
    }
}

fn directory_names(names: &[GeneralName]) -> Vec<Vec<u8>> {
    names
        .iter()
        .filter_map(|n| match n {
            GeneralName::DirectoryName(d) => Some(name_match::key(d)),
            _ => None,
        })
        .collect()
}

/// The most distribution points of one certificate that are matched against the CRLs (each
/// against every CRL): real certificates list one or two.
const MAX_POINTS: usize = 16;

/// A certificate's CRL distribution points (the first [`MAX_POINTS`]); a certificate without
/// the extension is covered by complete CRLs of its issuer for every reason, as if it had one
/// point with no fields.
pub(crate) fn points(cert: &ChainCert) -> Vec<DistributionPoint> {
    let listed: Vec<DistributionPoint> = cert
        .cert
        .tbs_certificate()
        .extensions()
        .into_iter()
        .flatten()
        .filter(|e| e.extn_id.to_string() == "2.5.29.31")
        .filter_map(|e| CrlDistributionPoints::from_der(e.extn_value.as_bytes()).ok())
        .flat_map(|d| d.0)
        .take(MAX_POINTS)
        .collect();
    if listed.is_empty() {
        vec![DistributionPoint {
            distribution_point: None,
            reasons: None,
            crl_issuer: None,
        }]
    } else {
        listed
    }
}

/// Why a CRL does not cover a certificate through one distribution point.
pub(crate) enum Miss {
    /// From another issuer: not a CRL for this certificate at all.
    Issuer,
    /// From the right issuer, but not usable for this certificate: why.
    Scope(String),
}

/// The reasons `crl` covers for `cert` through `point` ([RFC 5280 §6.3.3] (b), (c)).
///
/// [RFC 5280 §6.3.3]: https://www.rfc-editor.org/rfc/rfc5280#section-6.3.3
pub(crate) fn covers(crl: &Crl, point: &DistributionPoint, cert: &ChainCert) -> Result<u16, Miss> {
    let crl_issuer_name = &crl.list.tbs_cert_list.issuer;
    // (b)(1): the CRL comes from the point's cRLIssuer (an indirect CRL) or else from the
    // certificate's issuer.
    match &point.crl_issuer {
        Some(names) => {
            if !directory_names(names).contains(&crl.issuer) {
                return Err(Miss::Issuer);
            }
            if !crl.indirect() {
                return Err(Miss::Scope(
                    "the certificate names its CRL issuer, but this CRL is not marked indirect (indirectCRL in its issuingDistributionPoint)".into(),
                ));
            }
        }
        None if crl.issuer != cert.issuer => return Err(Miss::Issuer),
        None => {}
    }
    let Some(idp) = &crl.idp else {
        return Ok(point_reasons(point));
    };
    // (b)(2)(i): the distribution point names match.
    if let Some(idp_name) = &idp.distribution_point {
        let crl_names = point_names(idp_name, crl_issuer_name);
        let cert_names: Vec<Key> = match (&point.distribution_point, &point.crl_issuer) {
            (Some(name), crl_issuer) => {
                let base = crl_issuer
                    .iter()
                    .flatten()
                    .find_map(|n| match n {
                        GeneralName::DirectoryName(d) => Some(d),
                        _ => None,
                    })
                    .unwrap_or(cert.cert.tbs_certificate().issuer());
                point_names(name, base)
            }
            (None, Some(issuers)) => issuers.iter().map(general).collect(),
            (None, None) => Vec::new(),
        };
        if !crl_names.iter().any(|n| cert_names.contains(n)) {
            return Err(Miss::Scope(
                "it is for a different distribution point than the certificate names".into(),
            ));
        }
    }
    // (b)(2)(ii), (iii): the kinds of certificates it holds.
    if idp.only_contains_user_certs && cert.is_ca() {
        return Err(Miss::Scope("it only covers end-entity certificates".into()));
    }
    if idp.only_contains_ca_certs && !cert.is_ca() {
        return Err(Miss::Scope("it only covers CA certificates".into()));
    }
    if idp.only_contains_attribute_certs {
        return Err(Miss::Scope("it only covers attribute certificates".into()));
    }
    // (c): the reasons both the point and the CRL cover.
    let only = idp
        .only_some_reasons
        .map_or(ALL_REASONS, |r| r.bits() & ALL_REASONS);
    Ok(point_reasons(point) & only)
}

fn point_reasons(point: &DistributionPoint) -> u16 {
    point
        .reasons
        .map_or(ALL_REASONS, |r| r.bits() & ALL_REASONS)
}
