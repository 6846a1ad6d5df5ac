//! Certificate revocation lists ([RFC 5280 §5]) shown for what they say: who issued them, when
//! they were made and stop being current, which serials they revoke and why. Pasted CRLs are
//! also handed to chain validation, so a pasted certificate on a pasted CRL from its issuer is
//! reported revoked in its chain verdict.
//!
//! [RFC 5280 §5]: https://www.rfc-editor.org/rfc/rfc5280#section-5

use der::Decode;
use serde::Serialize;
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::CrlReason;

use crate::cert::{self, AlgorithmName, CertificateReport, NameReport};
use crate::lint::{finding, references as refs};
use crate::signature;
use crate::{hex, oid, time, Error, Finding, Location, Severity};

mod times;

/// The most revoked entries listed in a report (all are counted and checked).
pub const MAX_LISTED_REVOCATIONS: usize = 1_000;

/// One revoked certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevokedEntry {
    /// Serial number, colon hex as in certificate reports.
    pub serial: String,
    /// When it was revoked, RFC 3339.
    pub date: String,
    /// The reason code's name, when given (`keyCompromise`, `superseded`…).
    pub reason: Option<&'static str>,
}

/// One CRL.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CrlReport {
    /// Where in the input it was.
    pub location: Location,
    /// The CA that issued it.
    pub issuer: NameReport,
    /// When it was made.
    pub this_update: String,
    /// When the next one is due; after that this one is stale.
    pub next_update: Option<String>,
    /// The CRL number extension, in hex.
    pub number: Option<String>,
    /// How it is signed.
    pub signature_algorithm: AlgorithmName,
    /// Index in `Report.certificates` of the pasted certificate whose key verifies it.
    pub signed_by: Option<usize>,
    /// How many certificates it revokes.
    pub revoked_count: usize,
    /// The revoked certificates (the first [`MAX_LISTED_REVOCATIONS`]).
    pub revoked: Vec<RevokedEntry>,
    /// What it means for the pasted certificates, and its own state.
    pub findings: Vec<Finding>,
    /// What the profiles module needs to lint it, when all lints are asked for and the module
    /// is not built in (`engine.js` hands it over and removes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lint_input: Option<CrlLintInput>,
}

/// A CRL for the profiles module's CRL rules ([`crate::Lints::All`]).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CrlLintInput {
    /// The CRL, base64 DER.
    pub der: String,
    /// A pasted root verifies it, so it covers CA certificates (BR §4.9.7).
    pub issuer_is_root: bool,
    /// The verifying certificate's `public_rules_note`: the BR's rules become notes.
    pub note: Option<&'static str>,
}

pub(crate) fn reason_name(r: CrlReason) -> &'static str {
    match r {
        CrlReason::Unspecified => "unspecified",
        CrlReason::KeyCompromise => "keyCompromise",
        CrlReason::CaCompromise => "cACompromise",
        CrlReason::AffiliationChanged => "affiliationChanged",
        CrlReason::Superseded => "superseded",
        CrlReason::CessationOfOperation => "cessationOfOperation",
        CrlReason::CertificateHold => "certificateHold",
        CrlReason::RemoveFromCRL => "removeFromCRL",
        CrlReason::PrivilegeWithdrawn => "privilegeWithdrawn",
        CrlReason::AaCompromise => "aACompromise",
    }
}

/// Decodes a CRL, reading dates in forms RFC 5280 does not allow (see [`times`]); the second
/// value lists those dates, as written.
pub(crate) fn decode(der: &[u8]) -> Result<(CertificateList, Vec<String>), Error> {
    match CertificateList::<x509_cert::certificate::Rfc5280>::from_der(der) {
        Ok(list) => Ok((list, Vec::new())),
        Err(e) => times::normalised(der)
            .and_then(|(fixed, changed)| {
                let list = CertificateList::from_der(&fixed).ok()?;
                (!changed.is_empty()).then_some((list, changed))
            })
            .ok_or_else(|| Error::der("CRL", e)),
    }
}

/// Reads one CRL from `der` and relates it to the pasted certificates (`certs`, with their DER
/// for signature checks).
pub(crate) fn report(
    der: &[u8],
    location: Location,
    at: u64,
    certs: &[(&CertificateReport, &x509_cert::Certificate)],
) -> Result<CrlReport, Error> {
    let (list, dates_changed) = decode(der)?;
    let tbs = &list.tbs_cert_list;
    let secs = |t: &x509_cert::time::Time| t.to_unix_duration().as_secs();
    let sig = list.signature.as_bytes().unwrap_or_default();
    let signed_by = signature::signed_part(der).and_then(|message| {
        certs.iter().position(|(_, c)| {
            let tbs_c = c.tbs_certificate();
            tbs_c.subject() == &tbs.issuer
                && signature::verify(
                    message,
                    &list.signature_algorithm,
                    sig,
                    tbs_c.subject_public_key_info(),
                )
                .is_ok()
        })
    });
    let number = tbs.crl_extensions.as_ref().and_then(|exts| {
        exts.iter()
            .find(|e| e.extn_id.to_string() == "2.5.29.20")
            .and_then(|e| {
                der::asn1::UintRef::from_der(e.extn_value.as_bytes())
                    .ok()
                    .map(|n| hex::colon(n.as_bytes()))
            })
    });
    let entries = tbs.revoked_certificates.as_deref().unwrap_or_default();
    let revoked: Vec<RevokedEntry> = entries
        .iter()
        .take(MAX_LISTED_REVOCATIONS)
        .map(|e| RevokedEntry {
            serial: hex::colon(e.serial_number.as_bytes()),
            date: time::rfc3339(secs(&e.revocation_date)),
            reason: e.crl_entry_extensions.as_ref().and_then(|exts| {
                exts.iter()
                    .find(|x| x.extn_id.to_string() == "2.5.29.21")
                    .and_then(|x| CrlReason::from_der(x.extn_value.as_bytes()).ok())
                    .map(reason_name)
            }),
        })
        .collect();
    let mut r = CrlReport {
        location,
        issuer: cert::name_report(&tbs.issuer),
        this_update: time::rfc3339(secs(&tbs.this_update)),
        next_update: tbs.next_update.as_ref().map(|t| time::rfc3339(secs(t))),
        number,
        signature_algorithm: AlgorithmName {
            oid: list.signature_algorithm.oid.to_string(),
            name: oid::name_or_dotted(oid::SIGNATURES, &list.signature_algorithm.oid),
        },
        signed_by,
        revoked_count: entries.len(),
        revoked,
        findings: Vec::new(),
        lint_input: None,
    };
    let at_text = format!("CRL at {location}");
    if !dates_changed.is_empty() {
        r.findings.push(finding("crl.time-encoding", Severity::Error, "Dates in the CRL are not written as RFC 5280 requires",
            "RFC 5280 (§5.1.2.4, §5.1.2.6, §4.1.2.5) requires UTCTime in Zulu time with seconds for dates through 2049 and GeneralizedTime after, and no real revocation predates 1970. Strict parsers refuse this CRL; certscope read each such date as shown.",
            format!("{at_text}: {}", dates_changed.join("; ")), refs::RFC5280_CRL, "Configure the CA to write dates in UTC (Z) with seconds, and to give each revocation its real date."));
    }
    if tbs.next_update.as_ref().is_some_and(|t| secs(t) < at) {
        r.findings.push(finding("crl.stale", Severity::Warning, "The CRL is out of date",
            format!("Its nextUpdate ({}) has passed, so relying parties no longer accept it as current revocation information; the CA should have published a newer one.", r.next_update.clone().unwrap_or_default()),
            at_text.clone(), refs::RFC5280_CRL, "Fetch the current CRL from the URL in the certificate's CRL Distribution Points."));
    }
    if secs(&tbs.this_update) > at {
        r.findings.push(finding(
            "crl.not-yet-valid",
            Severity::Warning,
            "The CRL's thisUpdate is in the future",
            format!(
                "It says it was made at {}, after the evaluation time.",
                r.this_update
            ),
            at_text.clone(),
            refs::RFC5280_CRL,
            "Check the clocks, or evaluate at a later time.",
        ));
    }
    let issuer_pasted = certs
        .iter()
        .any(|(_, c)| c.tbs_certificate().subject() == &tbs.issuer);
    if signed_by.is_none() {
        let text = if issuer_pasted {
            "A certificate with the CRL issuer's name was pasted, but its key does not verify this CRL's signature: the CRL may be forged or from a different key of the same CA."
        } else {
            "The CRL issuer's certificate is not in the paste, so its signature cannot be checked; paste the issuing CA's certificate with it."
        };
        r.findings.push(finding(
            "crl.unverified",
            if issuer_pasted {
                Severity::Error
            } else {
                Severity::Info
            },
            "The CRL's signature is not verified",
            text,
            at_text.clone(),
            refs::RFC5280_CRL,
            "",
        ));
    }
    for (i, (c, x)) in certs.iter().enumerate() {
        if x.tbs_certificate().issuer() != &tbs.issuer {
            continue;
        }
        let serial = x.tbs_certificate().serial_number().as_bytes();
        if let Some(e) = entries
            .iter()
            .find(|e| e.serial_number.as_bytes() == serial)
        {
            r.findings.push(finding("crl.revokes-pasted-certificate", Severity::Error,
                format!("Certificate {} is revoked by this CRL", i.saturating_add(1)),
                format!("{} (serial {}) is on this CRL from its issuer, revoked at {}{}. Clients that check revocation will refuse it.", c.subject.display, c.serial, time::rfc3339(secs(&e.revocation_date)),
                    r.revoked.iter().find(|x| x.serial == c.serial).and_then(|x| x.reason).map(|why| format!(" ({why})")).unwrap_or_default()),
                at_text.clone(), refs::RFC5280_CRL, "Replace the certificate: get a new one issued (for a new key if the reason is keyCompromise)."));
        }
    }
    Ok(r)
}
