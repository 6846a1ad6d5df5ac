//! Revocation against CRLs the user supplies ([RFC 5280 §6.3]). certscope never fetches
//! anything, so only CRLs given with the input are consulted.
//!
//! [RFC 5280 §6.3]: https://www.rfc-editor.org/rfc/rfc5280#section-6.3

use der::{Decode, Encode};
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::KeyUsage;

use super::cert::ChainCert;
use super::failure::Failure;
use super::signature;

const CRL_NUMBER: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("2.5.29.20");

/// A CRL, decoded.
#[derive(Debug, Clone)]
pub(crate) struct Crl {
    list: CertificateList,
    tbs: Vec<u8>,
    issuer: Vec<u8>,
}

/// Reads every CRL in `bytes` (PEM `X509 CRL` blocks or DER); unreadable ones are skipped.
pub(crate) fn parse(bytes: &[u8]) -> Vec<Crl> {
    if bytes.is_empty() {
        return Vec::new();
    }
    let Ok(blocks) = crate::input::split(bytes) else {
        return Vec::new();
    };
    blocks
        .into_iter()
        .flatten()
        .filter_map(|b| {
            let list = CertificateList::from_der(&b.der).ok()?;
            Some(Crl {
                tbs: list.tbs_cert_list.to_der().ok()?,
                issuer: list.tbs_cert_list.issuer.to_der().ok()?,
                list,
            })
        })
        .collect()
}

/// Checks `cert`, issued by the holder of `issuer_key` (whose certificate, when known, is
/// `issuer`), against every CRL from that issuer.
pub(crate) fn check(
    cert: &ChainCert,
    issuer_key: &SubjectPublicKeyInfoOwned,
    issuer: Option<&ChainCert>,
    crls: &[Crl],
) -> Result<(), Failure> {
    let who = cert.subject_display();
    for crl in crls.iter().filter(|c| c.issuer == cert.issuer) {
        let fail = |code, msg: String| Err(Failure::new(code, cert.index, msg));
        if issuer
            .and_then(|i| i.key_usage.as_ref())
            .is_some_and(|ku: &KeyUsage| !ku.crl_sign())
        {
            return fail("crl-invalid", format!("a CRL for {who} is signed by a CA whose key usage does not allow signing CRLs (cRLSign)"));
        }
        let sig = crl.list.signature.as_bytes().unwrap_or_default();
        if signature::verify(&crl.tbs, &crl.list.signature_algorithm, sig, issuer_key).is_err() {
            return fail(
                "crl-invalid",
                format!("a CRL naming the issuer of {who} does not verify with that issuer's key"),
            );
        }
        let number = crl
            .list
            .tbs_cert_list
            .crl_extensions
            .iter()
            .flatten()
            .find(|e| e.extn_id == CRL_NUMBER);
        match number {
            None => {
                return fail(
                    "crl-invalid",
                    format!("the CRL for {who} has no CRL number (RFC 5280 §5.2.3 requires one)"),
                )
            }
            Some(ext) if ext.critical => {
                return fail(
                    "crl-invalid",
                    format!(
                    "the CRL for {who} marks its CRL number critical (RFC 5280 §5.2.3 forbids it)"
                ),
                )
            }
            Some(_) => {}
        }
        let serial = cert.cert.tbs_certificate().serial_number();
        let revoked = crl
            .list
            .tbs_cert_list
            .revoked_certificates
            .iter()
            .flatten()
            .find(|r| r.serial_number.as_bytes() == serial.as_bytes());
        if let Some(r) = revoked {
            return fail(
                "revoked",
                format!(
                    "{who} was revoked on {} (serial {} is on its issuer's CRL)",
                    crate::time::rfc3339(r.revocation_date.to_unix_duration().as_secs()),
                    crate::hex::colon(serial.as_bytes())
                ),
            );
        }
    }
    Ok(())
}
