//! The parts of a certificate that path validation reads ([RFC 5280 §6.1]), decoded once.
//!
//! [RFC 5280 §6.1]: https://www.rfc-editor.org/rfc/rfc5280#section-6.1

use const_oid::{AssociatedOid, ObjectIdentifier as Oid};
use der::{Decode, Encode};
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies,
    CrlDistributionPoints, ExtendedKeyUsage, InhibitAnyPolicy, IssuerAltName, KeyUsage,
    NameConstraints, PolicyConstraints, PolicyMappings, SubjectAltName, SubjectInfoAccessSyntax,
    SubjectKeyIdentifier,
};
use x509_cert::Certificate;

/// Extensions whose meaning path validation knows, so that their being critical is fine.
const UNDERSTOOD: &[Oid] = &[
    SubjectAltName::OID,
    IssuerAltName::OID,
    KeyUsage::OID,
    ExtendedKeyUsage::OID,
    BasicConstraints::OID,
    SubjectKeyIdentifier::OID,
    AuthorityKeyIdentifier::OID,
    AuthorityInfoAccessSyntax::OID,
    SubjectInfoAccessSyntax::OID,
    CrlDistributionPoints::OID,
    CertificatePolicies::OID,
    NameConstraints::OID,
    PolicyConstraints::OID,
    PolicyMappings::OID,
    InhibitAnyPolicy::OID,
];

const ANY_EKU: Oid = Oid::new_unwrap("2.5.29.37.0");
/// id-dsa ([RFC 3279 §2.3.2]).
///
/// [RFC 3279 §2.3.2]: https://www.rfc-editor.org/rfc/rfc3279#section-2.3.2
const DSA_KEY: Oid = Oid::new_unwrap("1.2.840.10040.4.1");

/// A certificate as path validation sees it.
#[derive(Debug, Clone)]
pub(crate) struct ChainCert {
    /// Index into the report's certificates, for pasted certificates.
    pub(crate) index: Option<usize>,
    pub(crate) der: Vec<u8>,
    pub(crate) tbs: Vec<u8>,
    pub(crate) cert: Certificate,
    /// RFC 5280 §7.1 comparison keys of the subject and issuer (see `name_match`).
    pub(crate) subject: Vec<u8>,
    pub(crate) issuer: Vec<u8>,
    /// DER of the subject, for name constraints.
    pub(crate) subject_der: Vec<u8>,
    pub(crate) spki: SubjectPublicKeyInfoOwned,
    pub(crate) not_before: u64,
    pub(crate) not_after: u64,
    pub(crate) version: u8,
    pub(crate) ski: Option<Vec<u8>>,
    pub(crate) aki: Option<AuthorityKeyIdentifier>,
    pub(crate) aki_critical: bool,
    pub(crate) ski_critical: bool,
    pub(crate) basic: Option<BasicConstraints>,
    pub(crate) basic_critical: bool,
    pub(crate) key_usage: Option<KeyUsage>,
    pub(crate) eku: Option<Vec<Oid>>,
    pub(crate) eku_critical: bool,
    pub(crate) san: Option<Vec<GeneralName>>,
    pub(crate) san_critical: bool,
    pub(crate) name_constraints: Option<NameConstraints>,
    pub(crate) nc_critical: bool,
    pub(crate) has_policy_constraints: bool,
    pub(crate) policy_constraints_critical: bool,
    pub(crate) aia_critical: bool,
    /// Critical extensions that validation does not understand.
    pub(crate) unknown_critical: Vec<Oid>,
    /// Extensions that could not be decoded, or appear twice.
    pub(crate) malformed: Vec<String>,
    /// The outer signature algorithm equals the one inside the TBSCertificate.
    pub(crate) signature_algorithms_match: bool,
}

impl ChainCert {
    pub(crate) fn new(cert: Certificate, der: &[u8], index: Option<usize>) -> Option<Self> {
        let tbs = crate::signature::signed_part(der)?.to_vec();
        let t = cert.tbs_certificate();
        let mut c = ChainCert {
            index,
            der: der.to_vec(),
            tbs,
            subject: super::name_match::key(t.subject()),
            issuer: super::name_match::key(t.issuer()),
            subject_der: t.subject().to_der().ok()?,
            spki: t.subject_public_key_info().clone(),
            not_before: t.validity().not_before.to_unix_duration().as_secs(),
            not_after: t.validity().not_after.to_unix_duration().as_secs(),
            version: match t.version() {
                x509_cert::certificate::Version::V1 => 1,
                x509_cert::certificate::Version::V2 => 2,
                x509_cert::certificate::Version::V3 => 3,
            },
            ski: None,
            aki: None,
            aki_critical: false,
            ski_critical: false,
            basic: None,
            basic_critical: false,
            key_usage: None,
            eku: None,
            eku_critical: false,
            san: None,
            san_critical: false,
            name_constraints: None,
            nc_critical: false,
            has_policy_constraints: false,
            policy_constraints_critical: false,
            aia_critical: false,
            unknown_critical: Vec::new(),
            malformed: Vec::new(),
            signature_algorithms_match: cert.signature_algorithm() == t.signature(),
            cert,
        };
        let mut seen: Vec<Oid> = Vec::new();
        // Borrows only `c.cert`; the loop fills the other fields.
        for ext in c.cert.tbs_certificate().extensions().into_iter().flatten() {
            let id = ext.extn_id;
            if seen.contains(&id) {
                c.malformed.push(format!("extension {id} appears twice"));
            }
            seen.push(id);
            let bytes = ext.extn_value.as_bytes();
            let bad = |what: &str| format!("{what} extension cannot be decoded");
            match id {
                SubjectKeyIdentifier::OID => match SubjectKeyIdentifier::from_der(bytes) {
                    Ok(v) => {
                        c.ski = Some(v.0.as_bytes().to_vec());
                        c.ski_critical = ext.critical;
                    }
                    Err(_) => c.malformed.push(bad("subjectKeyIdentifier")),
                },
                AuthorityKeyIdentifier::OID => match AuthorityKeyIdentifier::from_der(bytes) {
                    Ok(v) => {
                        c.aki = Some(v);
                        c.aki_critical = ext.critical;
                    }
                    Err(_) => c.malformed.push(bad("authorityKeyIdentifier")),
                },
                BasicConstraints::OID => match BasicConstraints::from_der(bytes) {
                    Ok(v) => {
                        c.basic = Some(v);
                        c.basic_critical = ext.critical;
                    }
                    Err(_) => c.malformed.push(bad("basicConstraints")),
                },
                KeyUsage::OID => match KeyUsage::from_der(bytes) {
                    Ok(v) => c.key_usage = Some(v),
                    Err(_) => c.malformed.push(bad("keyUsage")),
                },
                ExtendedKeyUsage::OID => match ExtendedKeyUsage::from_der(bytes) {
                    Ok(v) => {
                        c.eku = Some(v.0);
                        c.eku_critical = ext.critical;
                    }
                    Err(_) => c.malformed.push(bad("extendedKeyUsage")),
                },
                SubjectAltName::OID => match SubjectAltName::from_der(bytes) {
                    Ok(v) => {
                        c.san = Some(v.0);
                        c.san_critical = ext.critical;
                    }
                    Err(_) => c.malformed.push(bad("subjectAltName")),
                },
                NameConstraints::OID => match NameConstraints::from_der(bytes) {
                    Ok(v) => {
                        c.name_constraints = Some(v);
                        c.nc_critical = ext.critical;
                    }
                    Err(_) => c.malformed.push(bad("nameConstraints")),
                },
                AuthorityInfoAccessSyntax::OID => {
                    c.aia_critical = ext.critical;
                    if AuthorityInfoAccessSyntax::from_der(bytes).is_err() {
                        c.malformed.push(bad("authorityInfoAccess"));
                    }
                }
                PolicyConstraints::OID => {
                    c.has_policy_constraints = true;
                    c.policy_constraints_critical = ext.critical;
                }
                other if ext.critical && !UNDERSTOOD.contains(&other) => {
                    c.unknown_critical.push(other)
                }
                _ => {}
            }
        }
        Some(c)
    }

    /// basicConstraints cA.
    pub(crate) fn is_ca(&self) -> bool {
        self.basic.as_ref().is_some_and(|b| b.ca)
    }

    pub(crate) fn self_issued(&self) -> bool {
        self.subject == self.issuer
    }

    /// Whether this certificate's EKU allows `purpose` (an absent EKU allows everything;
    /// anyExtendedKeyUsage as the purpose asks for none in particular).
    pub(crate) fn eku_allows(&self, purpose: &Oid, any_ok: bool) -> bool {
        if *purpose == ANY_EKU {
            return true;
        }
        match &self.eku {
            None => true,
            Some(list) => list.contains(purpose) || (any_ok && list.contains(&ANY_EKU)),
        }
    }

    /// The subject's display string (RFC 4514), for messages.
    pub(crate) fn subject_display(&self) -> String {
        crate::cert::name_display(self.cert.tbs_certificate().subject())
    }

    /// The certificate's CA Issuers URL from AIA, for "fetch the missing intermediate here".
    pub(crate) fn ca_issuers_url(&self) -> Option<String> {
        let exts = self.cert.tbs_certificate().extensions()?;
        let aia = exts
            .iter()
            .find(|e| e.extn_id == AuthorityInfoAccessSyntax::OID)?;
        let parsed = AuthorityInfoAccessSyntax::from_der(aia.extn_value.as_bytes()).ok()?;
        parsed.0.iter().find_map(|a| match &a.access_location {
            GeneralName::UniformResourceIdentifier(u)
                if a.access_method.to_string() == "1.3.6.1.5.5.7.48.2" =>
            {
                Some(u.as_str().to_owned())
            }
            _ => None,
        })
    }

    /// The key that verifies what this certificate's subject signed. A DSA key may leave out
    /// its domain parameters and inherit its issuer's ([RFC 3279 §2.3.2]); they are taken
    /// from a certificate in `pool` of its issuer's name whose DSA key has them.
    ///
    /// [RFC 3279 §2.3.2]: https://www.rfc-editor.org/rfc/rfc3279#section-2.3.2
    pub(crate) fn signing_key<'a>(
        &'a self,
        pool: &[ChainCert],
    ) -> std::borrow::Cow<'a, SubjectPublicKeyInfoOwned> {
        use std::borrow::Cow;
        if self.spki.algorithm.oid != DSA_KEY || self.spki.algorithm.parameters.is_some() {
            return Cow::Borrowed(&self.spki);
        }
        let inherited = pool
            .iter()
            .filter(|c| c.subject == self.issuer && c.spki.algorithm.oid == DSA_KEY)
            .find_map(|c| c.spki.algorithm.parameters.clone());
        match inherited {
            Some(p) => {
                let mut key = self.spki.clone();
                key.algorithm.parameters = Some(p);
                Cow::Owned(key)
            }
            None => Cow::Borrowed(&self.spki),
        }
    }

    /// The RSA modulus size or EC curve, for key-strength rules.
    pub(crate) fn key_summary(&self) -> crate::cert::PublicKeyReport {
        crate::cert::public_key_report(&self.spki)
    }
}
