//! A CRL as revocation checking reads it ([RFC 5280 §5]): decoded once, with the extensions
//! that decide which certificates it covers, and every reason no certificate may use it.
//!
//! [RFC 5280 §5]: https://www.rfc-editor.org/rfc/rfc5280#section-5

use der::Decode;
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::crl::dp::IssuingDistributionPoint;
use x509_cert::ext::pkix::crl::{BaseCrlNumber, CrlNumber, CrlReason};
use x509_cert::ext::pkix::name::{GeneralName, GeneralNames};

use crate::signature;

/// CRL extensions ([RFC 5280 §5.2]).
const AUTHORITY_KEY_ID: &str = "2.5.29.35";
const ISSUER_ALT_NAME: &str = "2.5.29.18";
const CRL_NUMBER: &str = "2.5.29.20";
const DELTA_CRL_INDICATOR: &str = "2.5.29.27";
const ISSUING_DISTRIBUTION_POINT: &str = "2.5.29.28";
const FRESHEST_CRL: &str = "2.5.29.46";
/// CRL entry extensions ([RFC 5280 §5.3]).
const REASON_CODE: &str = "2.5.29.21";
const HOLD_INSTRUCTION: &str = "2.5.29.23";
const INVALIDITY_DATE: &str = "2.5.29.24";
const CERTIFICATE_ISSUER: &str = "2.5.29.29";

/// A CRL, decoded.
#[derive(Debug, Clone)]
pub(crate) struct Crl {
    pub(crate) list: CertificateList,
    /// The whole CRL, for the signature cache.
    pub(crate) der: Vec<u8>,
    pub(crate) tbs: Vec<u8>,
    /// RFC 5280 §7.1 comparison key of the issuer (see `name_match`).
    pub(crate) issuer: Vec<u8>,
    /// cRLNumber, as a big-endian magnitude.
    pub(crate) number: Option<Vec<u8>>,
    /// A delta CRL's BaseCRLNumber ([RFC 5280 §5.2.4]); `None` for a complete CRL.
    ///
    /// [RFC 5280 §5.2.4]: https://www.rfc-editor.org/rfc/rfc5280#section-5.2.4
    pub(crate) base: Option<Vec<u8>>,
    pub(crate) idp: Option<IssuingDistributionPoint>,
    /// The issuingDistributionPoint's DER: a delta CRL must have the same scope as its base.
    pub(crate) idp_der: Vec<u8>,
    pub(crate) next_update: Option<u64>,
    /// Why no certificate may be checked against this CRL, if one may not.
    pub(crate) problem: Option<String>,
}

/// A certificate's entry on a CRL.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub(crate) date: u64,
    pub(crate) reason: Option<CrlReason>,
}

fn magnitude(bytes: &[u8]) -> Vec<u8> {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default().to_vec()
}

/// Whether CRL number `a` is at least `b` (both big-endian magnitudes).
pub(crate) fn at_least(a: &[u8], b: &[u8]) -> bool {
    (a.len(), a) >= (b.len(), b)
}

/// Reads one CRL; `None` when it is not one.
pub(super) fn decode(der: &[u8]) -> Option<Crl> {
    let list = CertificateList::from_der(der).ok()?;
    let tbs = &list.tbs_cert_list;
    let mut crl = Crl {
        der: der.to_vec(),
        tbs: signature::signed_part(der)?.to_vec(),
        issuer: super::super::name_match::key(&tbs.issuer),
        number: None,
        base: None,
        idp: None,
        idp_der: Vec::new(),
        next_update: tbs.next_update.map(|n| n.to_unix_duration().as_secs()),
        problem: None,
        list: list.clone(),
    };
    let mut problems = Vec::new();
    let mut number_critical = false;
    for e in tbs.crl_extensions.iter().flatten() {
        let id = e.extn_id.to_string();
        let bytes = e.extn_value.as_bytes();
        match id.as_str() {
            CRL_NUMBER => {
                number_critical = e.critical;
                match CrlNumber::from_der(bytes) {
                    Ok(n) => crl.number = Some(magnitude(n.0.as_bytes())),
                    Err(_) => problems.push("its CRL number cannot be decoded".to_owned()),
                }
            }
            DELTA_CRL_INDICATOR => match BaseCrlNumber::from_der(bytes) {
                Ok(n) => crl.base = Some(magnitude(n.0.as_bytes())),
                Err(_) => problems.push("its delta CRL indicator cannot be decoded".to_owned()),
            },
            ISSUING_DISTRIBUTION_POINT => match IssuingDistributionPoint::from_der(bytes) {
                Ok(idp) => {
                    crl.idp = Some(idp);
                    crl.idp_der = bytes.to_vec();
                }
                Err(_) => {
                    problems.push("its issuingDistributionPoint cannot be decoded".to_owned())
                }
            },
            AUTHORITY_KEY_ID | ISSUER_ALT_NAME | FRESHEST_CRL => {}
            other if e.critical => {
                problems.push(format!("it has a critical extension {other} that is not understood (RFC 5280 §5.2: such a CRL must not be used)"))
            }
            _ => {}
        }
    }
    if crl.number.is_none() && !problems.iter().any(|p| p.contains("CRL number")) {
        problems.push("it has no CRL number (RFC 5280 §5.2.3 requires one)".into());
    }
    if number_critical {
        problems.push("it marks its CRL number critical (RFC 5280 §5.2.3 forbids it)".into());
    }
    for r in tbs.revoked_certificates.iter().flatten() {
        for e in r.crl_entry_extensions.iter().flatten() {
            let id = e.extn_id.to_string();
            let known = [
                REASON_CODE,
                HOLD_INSTRUCTION,
                INVALIDITY_DATE,
                CERTIFICATE_ISSUER,
            ];
            if e.critical && !known.contains(&id.as_str()) {
                problems.push(format!(
                    "the entry for serial {} has a critical extension {id} that is not understood (RFC 5280 §5.3: such a CRL must not be used)",
                    crate::hex::colon(r.serial_number.as_bytes())
                ));
            }
            // Which issuer the entries from here on are for must be readable, or none of them
            // can be matched to a certificate.
            if id == CERTIFICATE_ISSUER && GeneralNames::from_der(e.extn_value.as_bytes()).is_err()
            {
                problems.push(format!(
                    "the certificateIssuer of the entry for serial {} cannot be decoded",
                    crate::hex::colon(r.serial_number.as_bytes())
                ));
            }
        }
    }
    crl.problem = problems.into_iter().next();
    Some(crl)
}

impl Crl {
    /// Whether this is an indirect CRL ([RFC 5280 §5.2.5]): its entries may be for
    /// certificates other issuers issued.
    ///
    /// [RFC 5280 §5.2.5]: https://www.rfc-editor.org/rfc/rfc5280#section-5.2.5
    pub(crate) fn indirect(&self) -> bool {
        self.idp.as_ref().is_some_and(|i| i.indirect_crl)
    }

    /// The entry for the certificate with `serial` from the issuer with name key `issuer`.
    /// On an indirect CRL a certificateIssuer entry extension names the issuer of that entry
    /// and every later one until the next; before the first, it is the CRL's issuer
    /// ([RFC 5280 §5.3.3]).
    ///
    /// [RFC 5280 §5.3.3]: https://www.rfc-editor.org/rfc/rfc5280#section-5.3.3
    pub(crate) fn entry(&self, issuer: &[u8], serial: &[u8]) -> Option<Entry> {
        let mut current = self.issuer.clone();
        for r in self
            .list
            .tbs_cert_list
            .revoked_certificates
            .iter()
            .flatten()
        {
            let mut reason = None;
            for e in r.crl_entry_extensions.iter().flatten() {
                let bytes = e.extn_value.as_bytes();
                match e.extn_id.to_string().as_str() {
                    CERTIFICATE_ISSUER => {
                        // Undecodable ones make the CRL unusable (see `decode`).
                        let names = GeneralNames::from_der(bytes).unwrap_or_default();
                        current = names
                            .iter()
                            .find_map(|n| match n {
                                GeneralName::DirectoryName(d) => {
                                    Some(super::super::name_match::key(d))
                                }
                                _ => None,
                            })
                            .unwrap_or_default();
                    }
                    REASON_CODE => reason = CrlReason::from_der(bytes).ok(),
                    _ => {}
                }
            }
            if current == issuer && r.serial_number.as_bytes() == serial {
                return Some(Entry {
                    date: r.revocation_date.to_unix_duration().as_secs(),
                    reason,
                });
            }
        }
        None
    }
}
