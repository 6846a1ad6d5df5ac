//! Certificate extensions ([RFC 5280 §4.2]) decoded by type. Unknown extensions are kept as
//! OID and hex, never dropped; an extension that fails to decode is kept with the error.
//!
//! [RFC 5280 §4.2]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2

use base64ct::Encoding;
use const_oid::{AssociatedOid, ObjectIdentifier};
use der::{Decode, Tag, Tagged};
use serde::Serialize;
use x509_cert::ext::pkix::{
    certpolicy::CertificatePolicies,
    constraints::name::GeneralSubtrees,
    name::{DistributionPointName, GeneralName},
    sct::SignedCertificateTimestampList,
    AccessDescription, AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints,
    CrlDistributionPoints, ExtendedKeyUsage, InhibitAnyPolicy, IssuerAltName, KeyUsage,
    NameConstraints, PolicyConstraints, PolicyMappings, SubjectAltName, SubjectInfoAccessSyntax,
    SubjectKeyIdentifier,
};
use x509_cert::ext::Extension;

use super::general_name::{self, GeneralNameReport};
use crate::{hex, oid, time};

/// One extension: its identity, criticality and decoded value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtensionReport {
    /// Dotted OID.
    pub oid: String,
    /// Human name, e.g. "Subject Alternative Name", or the OID when unknown.
    pub name: String,
    /// Whether a verifier that does not understand it must reject the certificate.
    pub critical: bool,
    /// The decoded value.
    pub value: ExtensionValue,
}

/// An OID with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedOid {
    /// Dotted OID.
    pub oid: String,
    /// Name, or the dotted OID when it has none.
    pub name: String,
}

impl NamedOid {
    fn new(table: &'static [(ObjectIdentifier, &'static str)], o: &ObjectIdentifier) -> Self {
        NamedOid {
            oid: o.to_string(),
            name: oid::name_or_dotted(table, o),
        }
    }
}

/// One entry of Authority/Subject Information Access.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessEntry {
    /// `ocsp`, `caIssuers`, `caRepository`, `timeStamping` or the dotted OID.
    pub method: String,
    /// Where.
    pub location: GeneralNameReport,
}

/// One certificate policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    /// Dotted OID.
    pub oid: String,
    /// A well-known name (CA/B Forum DV/OV/IV/EV …), when there is one.
    pub name: Option<String>,
    /// Certification Practice Statement URIs.
    pub cps: Vec<String>,
}

/// One embedded Signed Certificate Timestamp ([RFC 6962 §3.2]).
///
/// [RFC 6962 §3.2]: https://www.rfc-editor.org/rfc/rfc6962#section-3.2
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sct {
    /// SCT version (1 for v1).
    pub version: u8,
    /// Base64 SHA-256 of the log's key, as CT log lists show it.
    pub log_id: String,
    /// When the log promised to include the certificate, RFC 3339 UTC.
    pub timestamp: String,
    /// e.g. "ECDSA with SHA-256".
    pub signature_algorithm: String,
}

/// A decoded extension value, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ExtensionValue {
    /// Names the certificate is valid for ([RFC 5280 §4.2.1.6]).
    ///
    /// [RFC 5280 §4.2.1.6]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.6
    SubjectAltName {
        /// Every name, in order.
        names: Vec<GeneralNameReport>,
    },
    /// Alternative names of the issuer.
    IssuerAltName {
        /// Every name, in order.
        names: Vec<GeneralNameReport>,
    },
    /// What the key may be used for ([RFC 5280 §4.2.1.3]).
    ///
    /// [RFC 5280 §4.2.1.3]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.3
    KeyUsage {
        /// RFC 5280 names: `digitalSignature`, `keyEncipherment`, `keyCertSign` …
        usages: Vec<&'static str>,
    },
    /// Purposes the certificate may be used for ([RFC 5280 §4.2.1.12]).
    ///
    /// [RFC 5280 §4.2.1.12]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.12
    ExtendedKeyUsage {
        /// Purposes, e.g. `serverAuth`.
        purposes: Vec<NamedOid>,
    },
    /// Whether the subject is a CA ([RFC 5280 §4.2.1.9]).
    ///
    /// [RFC 5280 §4.2.1.9]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.9
    BasicConstraints {
        /// The subject is a CA.
        ca: bool,
        /// How many CA certificates may follow below this one.
        path_len: Option<u8>,
    },
    /// Identifies this certificate's key ([RFC 5280 §4.2.1.2]).
    ///
    /// [RFC 5280 §4.2.1.2]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.2
    SubjectKeyIdentifier {
        /// Colon hex.
        key_id: String,
    },
    /// Identifies the issuer's key ([RFC 5280 §4.2.1.1]).
    ///
    /// [RFC 5280 §4.2.1.1]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.1
    AuthorityKeyIdentifier {
        /// Colon hex.
        key_id: Option<String>,
        /// Issuer names of the issuer's certificate.
        issuer: Vec<GeneralNameReport>,
        /// Serial of the issuer's certificate, colon hex.
        serial: Option<String>,
    },
    /// Where to find the issuer's certificate and OCSP ([RFC 5280 §4.2.2.1]), or the
    /// subject's services (§4.2.2.2).
    ///
    /// [RFC 5280 §4.2.2.1]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.2.1
    InfoAccess {
        /// Entries in order.
        entries: Vec<AccessEntry>,
    },
    /// Where to fetch CRLs ([RFC 5280 §4.2.1.13]).
    ///
    /// [RFC 5280 §4.2.1.13]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.13
    CrlDistributionPoints {
        /// Every full name of every distribution point, and relative names as text.
        points: Vec<GeneralNameReport>,
    },
    /// Policies the certificate was issued under ([RFC 5280 §4.2.1.4]).
    ///
    /// [RFC 5280 §4.2.1.4]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.4
    CertificatePolicies {
        /// Policies in order.
        policies: Vec<Policy>,
    },
    /// Limits on the names certificates below this CA may have ([RFC 5280 §4.2.1.10]).
    ///
    /// [RFC 5280 §4.2.1.10]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.10
    NameConstraints {
        /// Names must fall within one of these (per type).
        permitted: Vec<GeneralNameReport>,
        /// Names must fall within none of these.
        excluded: Vec<GeneralNameReport>,
    },
    /// Policy constraints ([RFC 5280 §4.2.1.11]).
    ///
    /// [RFC 5280 §4.2.1.11]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.11
    PolicyConstraints {
        /// requireExplicitPolicy skip count.
        require_explicit_policy: Option<u32>,
        /// inhibitPolicyMapping skip count.
        inhibit_policy_mapping: Option<u32>,
    },
    /// Inhibit anyPolicy ([RFC 5280 §4.2.1.14]).
    ///
    /// [RFC 5280 §4.2.1.14]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.14
    InhibitAnyPolicy {
        /// Skip count.
        skip_certs: u32,
    },
    /// Policy mappings ([RFC 5280 §4.2.1.5]), as "issuer policy → subject policy".
    ///
    /// [RFC 5280 §4.2.1.5]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.5
    PolicyMappings {
        /// Mappings in order.
        mappings: Vec<String>,
    },
    /// Certificate Transparency proofs embedded by the CA ([RFC 6962 §3.3]).
    ///
    /// [RFC 6962 §3.3]: https://www.rfc-editor.org/rfc/rfc6962#section-3.3
    SignedCertificateTimestamps {
        /// Each SCT.
        scts: Vec<Sct>,
    },
    /// Marks a precertificate, which no TLS client may accept ([RFC 6962 §3.1]).
    ///
    /// [RFC 6962 §3.1]: https://www.rfc-editor.org/rfc/rfc6962#section-3.1
    PrecertificatePoison,
    /// TLS features the server promises ([RFC 7633]); `status_request` is OCSP must-staple.
    ///
    /// [RFC 7633]: https://www.rfc-editor.org/rfc/rfc7633
    TlsFeature {
        /// Feature names.
        features: Vec<String>,
    },
    /// The subject's second public key, for alternative signatures (X.509 (10/2019) §9.8.2,
    /// `subjectAltPublicKeyInfo`).
    AltPublicKey {
        /// The key, as the certificate's own key is described.
        key: super::PublicKeyReport,
    },
    /// The algorithm of the issuer's alternative signature (§9.8.3, `altSignatureAlgorithm`).
    AltSignatureAlgorithm {
        /// Its name.
        algorithm: NamedOid,
    },
    /// The issuer's alternative signature over the PreTBSCertificate (§9.8.4,
    /// `altSignatureValue`).
    AltSignatureValue {
        /// Its length.
        bytes: usize,
    },
    /// An extension certscope does not decode, as colon hex of its value.
    Unknown {
        /// Colon hex of extnValue.
        hex: String,
    },
    /// An extension whose value could not be decoded.
    Invalid {
        /// What was wrong.
        error: String,
        /// Colon hex of extnValue.
        hex: String,
    },
}

const SCT_LIST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.2");
const PRECERT_POISON: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.3");
const TLS_FEATURE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.24");
const CPS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.2.1");

pub(crate) fn report(ext: &Extension) -> ExtensionReport {
    let bytes = ext.extn_value.as_bytes();
    let value = decode(&ext.extn_id, bytes).unwrap_or_else(|error| ExtensionValue::Invalid {
        error,
        hex: hex::colon(bytes),
    });
    ExtensionReport {
        oid: ext.extn_id.to_string(),
        name: oid::name_or_dotted(oid::EXTENSIONS, &ext.extn_id),
        critical: ext.critical,
        value,
    }
}

fn parse<'a, T: Decode<'a, Error = der::Error>>(bytes: &'a [u8]) -> Result<T, String> {
    T::from_der(bytes).map_err(|e| e.to_string())
}

fn names(list: &[GeneralName]) -> Vec<GeneralNameReport> {
    list.iter().map(general_name::report).collect()
}

fn subtrees(trees: Option<&GeneralSubtrees>) -> Vec<GeneralNameReport> {
    trees
        .map(|t| t.iter().map(|s| general_name::report(&s.base)).collect())
        .unwrap_or_default()
}

fn access(list: &[AccessDescription]) -> ExtensionValue {
    ExtensionValue::InfoAccess {
        entries: list
            .iter()
            .map(|a| AccessEntry {
                method: oid::name_or_dotted(oid::ACCESS_METHODS, &a.access_method),
                location: general_name::report(&a.access_location),
            })
            .collect(),
    }
}

fn decode(id: &ObjectIdentifier, bytes: &[u8]) -> Result<ExtensionValue, String> {
    Ok(match *id {
        SubjectAltName::OID => ExtensionValue::SubjectAltName {
            names: names(&parse::<SubjectAltName>(bytes)?.0),
        },
        IssuerAltName::OID => ExtensionValue::IssuerAltName {
            names: names(&parse::<IssuerAltName>(bytes)?.0),
        },
        KeyUsage::OID => ExtensionValue::KeyUsage {
            usages: key_usages(&parse::<KeyUsage>(bytes)?),
        },
        ExtendedKeyUsage::OID => ExtensionValue::ExtendedKeyUsage {
            purposes: parse::<ExtendedKeyUsage>(bytes)?
                .0
                .iter()
                .map(|o| NamedOid::new(oid::KEY_PURPOSES, o))
                .collect(),
        },
        BasicConstraints::OID => {
            let bc = parse::<BasicConstraints>(bytes)?;
            ExtensionValue::BasicConstraints {
                ca: bc.ca,
                path_len: bc.path_len_constraint,
            }
        }
        SubjectKeyIdentifier::OID => ExtensionValue::SubjectKeyIdentifier {
            key_id: hex::colon(parse::<SubjectKeyIdentifier>(bytes)?.0.as_bytes()),
        },
        AuthorityKeyIdentifier::OID => {
            let aki = parse::<AuthorityKeyIdentifier>(bytes)?;
            ExtensionValue::AuthorityKeyIdentifier {
                key_id: aki.key_identifier.map(|k| hex::colon(k.as_bytes())),
                issuer: aki
                    .authority_cert_issuer
                    .as_deref()
                    .map(names)
                    .unwrap_or_default(),
                serial: aki
                    .authority_cert_serial_number
                    .map(|s| hex::colon(s.as_bytes())),
            }
        }
        AuthorityInfoAccessSyntax::OID => access(&parse::<AuthorityInfoAccessSyntax>(bytes)?.0),
        SubjectInfoAccessSyntax::OID => access(&parse::<SubjectInfoAccessSyntax>(bytes)?.0),
        CrlDistributionPoints::OID => ExtensionValue::CrlDistributionPoints {
            points: parse::<CrlDistributionPoints>(bytes)?
                .0
                .iter()
                .filter_map(|dp| dp.distribution_point.as_ref())
                .flat_map(|name| match name {
                    DistributionPointName::FullName(full) => names(full),
                    DistributionPointName::NameRelativeToCRLIssuer(rdn) => {
                        vec![GeneralNameReport {
                            kind: super::GeneralNameKind::RelativeName,
                            value: rdn.to_string(),
                            unicode: None,
                        }]
                    }
                })
                .collect(),
        },
        CertificatePolicies::OID => ExtensionValue::CertificatePolicies {
            policies: parse::<CertificatePolicies>(bytes)?
                .0
                .iter()
                .map(|p| Policy {
                    oid: p.policy_identifier.to_string(),
                    name: oid::lookup(oid::POLICIES, &p.policy_identifier).map(str::to_owned),
                    cps: p
                        .policy_qualifiers
                        .iter()
                        .flatten()
                        .filter(|q| q.policy_qualifier_id == CPS)
                        .filter_map(|q| q.qualifier.as_ref())
                        .filter(|q| q.tag() == Tag::Ia5String)
                        .map(|q| String::from_utf8_lossy(q.value()).into_owned())
                        .collect(),
                })
                .collect(),
        },
        NameConstraints::OID => {
            let nc = parse::<NameConstraints>(bytes)?;
            ExtensionValue::NameConstraints {
                permitted: subtrees(nc.permitted_subtrees.as_ref()),
                excluded: subtrees(nc.excluded_subtrees.as_ref()),
            }
        }
        PolicyConstraints::OID => {
            let pc = parse::<PolicyConstraints>(bytes)?;
            ExtensionValue::PolicyConstraints {
                require_explicit_policy: pc.require_explicit_policy,
                inhibit_policy_mapping: pc.inhibit_policy_mapping,
            }
        }
        InhibitAnyPolicy::OID => ExtensionValue::InhibitAnyPolicy {
            skip_certs: parse::<InhibitAnyPolicy>(bytes)?.0,
        },
        PolicyMappings::OID => ExtensionValue::PolicyMappings {
            mappings: parse::<PolicyMappings>(bytes)?
                .0
                .iter()
                .map(|m| format!("{} → {}", m.issuer_domain_policy, m.subject_domain_policy))
                .collect(),
        },
        SCT_LIST => ExtensionValue::SignedCertificateTimestamps { scts: scts(bytes)? },
        PRECERT_POISON => ExtensionValue::PrecertificatePoison,
        super::alt_signature::ALT_PUBLIC_KEY => ExtensionValue::AltPublicKey {
            key: super::public_key::report(&parse::<spki::SubjectPublicKeyInfoOwned>(bytes)?),
        },
        super::alt_signature::ALT_ALGORITHM => ExtensionValue::AltSignatureAlgorithm {
            algorithm: NamedOid::new(
                oid::SIGNATURES,
                &parse::<spki::AlgorithmIdentifierOwned>(bytes)?.oid,
            ),
        },
        super::alt_signature::ALT_VALUE => ExtensionValue::AltSignatureValue {
            bytes: parse::<der::asn1::BitString>(bytes)?.raw_bytes().len(),
        },
        TLS_FEATURE => ExtensionValue::TlsFeature {
            features: parse::<Vec<u16>>(bytes)?
                .into_iter()
                .map(|f| match f {
                    5 => "status_request (OCSP must-staple)".to_owned(),
                    17 => "status_request_v2".to_owned(),
                    other => format!("TLS extension {other}"),
                })
                .collect(),
        },
        _ => ExtensionValue::Unknown {
            hex: hex::colon(bytes),
        },
    })
}

fn key_usages(ku: &KeyUsage) -> Vec<&'static str> {
    [
        (ku.digital_signature(), "digitalSignature"),
        (ku.non_repudiation(), "nonRepudiation"),
        (ku.key_encipherment(), "keyEncipherment"),
        (ku.data_encipherment(), "dataEncipherment"),
        (ku.key_agreement(), "keyAgreement"),
        (ku.key_cert_sign(), "keyCertSign"),
        (ku.crl_sign(), "cRLSign"),
        (ku.encipher_only(), "encipherOnly"),
        (ku.decipher_only(), "decipherOnly"),
    ]
    .into_iter()
    .filter_map(|(set, name)| set.then_some(name))
    .collect()
}

fn scts(bytes: &[u8]) -> Result<Vec<Sct>, String> {
    let list = parse::<SignedCertificateTimestampList>(bytes)?;
    let serialized = list.parse_timestamps().map_err(|e| format!("{e:?}"))?;
    serialized
        .iter()
        .map(|s| {
            let sct = s.parse_timestamp().map_err(|e| format!("{e:?}"))?;
            let alg = &sct.signature.algorithm;
            Ok(Sct {
                version: 1,
                log_id: base64ct::Base64::encode_string(&sct.log_id.key_id),
                timestamp: time::rfc3339(sct.timestamp / 1000),
                signature_algorithm: format!("{:?} with {:?}", alg.signature, alg.hash)
                    .replace("Ecdsa", "ECDSA")
                    .replace("Rsa", "RSA")
                    .replace("Sha", "SHA-"),
            })
        })
        .collect()
}
