//! Revocation against CRLs the user supplies ([RFC 5280 §6.3]). certscope never fetches
//! anything, so only CRLs given with the input are consulted.
//!
//! [RFC 5280 §6.3]: https://www.rfc-editor.org/rfc/rfc5280#section-6.3

use der::Decode;
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::KeyUsage;

use super::cert::ChainCert;
use super::failure::Failure;
use super::trust_store::Anchor;
use crate::signature;

const CRL_NUMBER: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("2.5.29.20");

/// A CRL, decoded.
#[derive(Debug, Clone)]
pub(crate) struct Crl {
    list: CertificateList,
    tbs: Vec<u8>,
    issuer: Vec<u8>,
}

/// CRL extensions a CRL may mark critical and still be used ([RFC 5280 §5.2]).
const UNDERSTOOD: &[&str] = &["2.5.29.20", "2.5.29.35"];
const DELTA_CRL_INDICATOR: &str = "2.5.29.27";
const ISSUING_DISTRIBUTION_POINT: &str = "2.5.29.28";

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
                tbs: signature::signed_part(&b.der)?.to_vec(),
                issuer: super::name_match::key(&list.tbs_cert_list.issuer),
                list,
            })
        })
        .collect()
}

/// A key that may sign CRLs for an issuer: the issuer's own, or (after a key rollover)
/// another certificate of the same CA name ([RFC 5280 §6.3.3 (f)]).
///
/// [RFC 5280 §6.3.3 (f)]: https://www.rfc-editor.org/rfc/rfc5280#section-6.3.3
pub(crate) struct Signer<'a> {
    pub(crate) key: &'a SubjectPublicKeyInfoOwned,
    pub(crate) cert: Option<&'a ChainCert>,
}

/// Why a CRL from the right issuer cannot be used for `cert`, if it cannot; otherwise the
/// signer whose key verifies it.
fn unusable<'a>(
    crl: &Crl,
    cert: &ChainCert,
    signers: &'a [Signer<'a>],
    at: u64,
) -> Result<&'a Signer<'a>, String> {
    let sig = crl.list.signature.as_bytes().unwrap_or_default();
    let signer = signers
        .iter()
        .find(|s| signature::verify(&crl.tbs, &crl.list.signature_algorithm, sig, s.key).is_ok())
        .ok_or_else(|| "its signature does not verify with the issuer's key".to_owned())?;
    let tbs = &crl.list.tbs_cert_list;
    if tbs
        .next_update
        .is_some_and(|n| n.to_unix_duration().as_secs() < at)
    {
        return Err("it is out of date (nextUpdate has passed)".into());
    }
    let exts: Vec<_> = tbs.crl_extensions.iter().flatten().collect();
    match exts.iter().find(|e| e.extn_id == CRL_NUMBER) {
        None => return Err("it has no CRL number (RFC 5280 §5.2.3 requires one)".into()),
        Some(e) if e.critical => {
            return Err("it marks its CRL number critical (RFC 5280 §5.2.3 forbids it)".into())
        }
        Some(_) => {}
    }
    for e in exts {
        let id = e.extn_id.to_string();
        if id == DELTA_CRL_INDICATOR {
            return Err("delta CRLs are not supported".into());
        }
        if id == ISSUING_DISTRIBUTION_POINT {
            out_of_scope(e.extn_value.as_bytes(), cert)?;
            continue;
        }
        if e.critical && !UNDERSTOOD.contains(&id.as_str()) {
            return Err(format!("it has an unknown critical extension {id}"));
        }
    }
    Ok(signer)
}

/// The scope of a partitioned CRL ([RFC 5280 §5.2.5]): it covers `cert` only if the kinds of
/// certificates and the distribution point match. Indirect CRLs and CRLs for some revocation
/// reasons only are not supported, so they never count as covering.
///
/// [RFC 5280 §5.2.5]: https://www.rfc-editor.org/rfc/rfc5280#section-5.2.5
fn out_of_scope(idp: &[u8], cert: &ChainCert) -> Result<(), String> {
    use x509_cert::ext::pkix::crl::dp::IssuingDistributionPoint;
    use x509_cert::ext::pkix::name::DistributionPointName;
    let idp = IssuingDistributionPoint::from_der(idp)
        .map_err(|_| "its issuingDistributionPoint cannot be decoded".to_owned())?;
    if idp.indirect_crl || idp.only_some_reasons.is_some() || idp.only_contains_attribute_certs {
        return Err("indirect CRLs and CRLs for some reasons only are not supported".into());
    }
    if idp.only_contains_user_certs && cert.is_ca() {
        return Err("it only covers end-entity certificates".into());
    }
    if idp.only_contains_ca_certs && !cert.is_ca() {
        return Err("it only covers CA certificates".into());
    }
    if let Some(DistributionPointName::FullName(names)) = &idp.distribution_point {
        let listed = cert.crl_distribution_points();
        if !listed.is_empty() && !names.iter().any(|n| listed.contains(n)) {
            return Err(
                "it is for a different distribution point than the certificate names".into(),
            );
        }
    }
    Ok(())
}

/// Checks `cert`, issued by the holder of `issuer_key` (whose certificate, when known, is
/// `issuer`), against the CRLs given. When CRLs are given at all, each certificate on the
/// path must be covered by a usable CRL from its issuer ([RFC 5280 §6.3.3]): certscope does
/// not fetch others, so an uncovered certificate is reported, not assumed good.
///
/// [RFC 5280 §6.3.3]: https://www.rfc-editor.org/rfc/rfc5280#section-6.3.3
pub(crate) fn check(
    cert: &ChainCert,
    signers: &[Signer<'_>],
    crls: &[Crl],
    at: u64,
) -> Result<(), Failure> {
    let who = cert.subject_display();
    let mut why_not = None;
    let mut covered = false;
    for crl in crls.iter().filter(|c| c.issuer == cert.issuer) {
        let signer = match unusable(crl, cert, signers, at) {
            Ok(s) => s,
            Err(why) => {
                why_not.get_or_insert(why);
                continue;
            }
        };
        if signer
            .cert
            .and_then(|i| i.key_usage.as_ref())
            .is_some_and(|ku: &KeyUsage| !ku.crl_sign())
        {
            return Err(Failure::new("crl-invalid", cert.index, format!(
                "the CRL for {who} is signed by a CA whose key usage does not allow signing CRLs (cRLSign)"
            )));
        }
        covered = true;
        let serial = cert.cert.tbs_certificate().serial_number();
        let revoked = crl
            .list
            .tbs_cert_list
            .revoked_certificates
            .iter()
            .flatten()
            .find(|r| r.serial_number.as_bytes() == serial.as_bytes());
        if let Some(r) = revoked {
            return Err(Failure::new(
                "revoked",
                cert.index,
                format!(
                    "{who} was revoked on {} (serial {} is on its issuer's CRL)",
                    crate::time::rfc3339(r.revocation_date.to_unix_duration().as_secs()),
                    crate::hex::colon(serial.as_bytes())
                ),
            ));
        }
    }
    if covered {
        return Ok(());
    }
    Err(Failure::new(
        "no-crl",
        cert.index,
        match why_not {
            Some(why) => format!("the CRL given for {who}'s issuer cannot be used: {why}"),
            None => format!(
                "no CRL from the issuer of {who} was given, so its revocation status is unknown"
            ),
        },
    ))
}

/// Checks each certificate on `path` (pool indices, leaf first, ending below the trust anchor
/// `anchor`) against the CRLs of its issuer.
pub(crate) fn check_path(
    pool: &[ChainCert],
    anchors: &[&Anchor],
    crls: &[Crl],
    path: &[usize],
    anchor: usize,
    at: u64,
) -> Result<(), Failure> {
    if crls.is_empty() {
        return Ok(());
    }
    for (k, &i) in path.iter().enumerate() {
        let Some(cert) = pool.get(i) else { continue };
        let issuer = path.get(k.saturating_add(1)).and_then(|&j| pool.get(j));
        let anchor = anchors.get(anchor);
        let mut signers: Vec<Signer<'_>> = Vec::new();
        match (issuer, anchor) {
            (Some(c), _) => signers.push(Signer {
                key: &c.spki,
                cert: Some(c),
            }),
            (None, Some(a)) => signers.push(Signer {
                key: &a.spki,
                cert: a.cert.as_ref(),
            }),
            (None, None) => continue,
        }
        // Other certificates of the same CA name (a key rollover) may sign its CRLs.
        signers.extend(
            pool.iter()
                .filter(|c| c.subject == cert.issuer && c.is_ca())
                .map(|c| Signer {
                    key: &c.spki,
                    cert: Some(c),
                }),
        );
        signers.extend(
            anchors
                .iter()
                .filter(|a| a.subject == cert.issuer)
                .map(|a| Signer {
                    key: &a.spki,
                    cert: a.cert.as_ref(),
                }),
        );
        check(cert, &signers, crls, at)?;
    }
    Ok(())
}
