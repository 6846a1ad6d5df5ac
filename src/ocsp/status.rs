//! One certificate's status in an OCSP response (RFC 6960 §4.2.1 `SingleResponse`): which
//! certificate its CertID names, and whether the answer is fresh at the time of check.

use der::Encode;
use serde::Serialize;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::Certificate;

use super::asn1::{CertId, CertStatus, SingleResponse};

/// How far a thisUpdate may be ahead of the time of check before the response counts as not
/// yet valid: the responder's clock may run a little ahead (OpenSSL allows 5 minutes too).
const CLOCK_SKEW: u64 = 300;

/// The status of one certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OcspStatus {
    /// The certificate's serial number, hex.
    pub serial: String,
    /// The hash the CertID names the issuer with (`SHA-1` usually).
    pub hash_algorithm: String,
    /// Index in `Report.certificates` of the pasted certificate it is about.
    pub certificate: Option<usize>,
    /// That certificate's subject, when it was pasted.
    pub subject: Option<String>,
    /// Index in `Report.certificates` of the pasted issuer its hashes name.
    pub issuer: Option<usize>,
    /// `good`, `revoked` or `unknown`.
    pub status: &'static str,
    /// When it was revoked, RFC 3339 UTC.
    pub revoked_at: Option<String>,
    /// Why (the CRL reason code's name), when the responder says.
    pub reason: Option<&'static str>,
    /// When the status was known to be right.
    pub this_update: String,
    /// When a newer status will be available; after that this one is stale.
    pub next_update: Option<String>,
    /// At the time of check: `fresh`, `expired` (nextUpdate passed), `not-yet-valid`
    /// (thisUpdate ahead by more than 5 minutes) or `no-next-update` (newer statuses are
    /// always available, RFC 6960 §4.2.2.1).
    pub freshness: &'static str,
    /// The SCTs the responder added for the certificate (RFC 6962 §3.3, the singleExtension
    /// 1.3.6.1.4.1.11129.2.4.5): the TLS-encoded SignedCertificateTimestampList, base64. The
    /// chain's CT check reads them.
    pub scts: Option<String>,
}

/// The SCT list extension of a SingleResponse (RFC 6962 §3.3).
const OCSP_SCTS: &str = "1.3.6.1.4.1.11129.2.4.5";

/// The SCT list of a SingleResponse's extensions: the extension's value is an OCTET STRING
/// around the TLS-encoded list, as in a certificate. Base64.
fn scts(extensions: Option<&x509_cert::ext::Extensions>) -> Option<String> {
    use base64ct::Encoding;
    let list = super::asn1::inner_octets(super::asn1::extension(extensions, OCSP_SCTS)?)?;
    Some(base64ct::Base64::encode_string(list))
}

/// The hashes a CertID may name its issuer with (RFC 6960 §4.1.1 allows any; these are the
/// ones in use), by OID, with their names.
const HASHES: &[(&str, &str)] = &[
    ("1.3.14.3.2.26", "SHA-1"),
    ("2.16.840.1.101.3.4.2.1", "SHA-256"),
    ("2.16.840.1.101.3.4.2.2", "SHA-384"),
    ("2.16.840.1.101.3.4.2.3", "SHA-512"),
];

/// What a CertID hashes of its issuer (RFC 6960 §4.1.1): the issuer's subject name and the
/// bits of its public key, hashed with `alg`.
pub(super) fn hashes(alg: &str, cert: &Certificate) -> Option<(Vec<u8>, Vec<u8>)> {
    let tbs = cert.tbs_certificate();
    let name = tbs.subject().to_der().ok()?;
    let key = tbs.subject_public_key_info().subject_public_key.raw_bytes();
    Some((digest(alg, &name)?, digest(alg, key)?))
}

/// `bytes` hashed with the algorithm named by `alg` (an OID of [`HASHES`]).
fn digest(alg: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    Some(match HASHES.iter().position(|(oid, _)| *oid == alg)? {
        0 => Sha1::digest(bytes).to_vec(),
        1 => Sha256::digest(bytes).to_vec(),
        2 => Sha384::digest(bytes).to_vec(),
        _ => Sha512::digest(bytes).to_vec(),
    })
}

fn hash_name(alg: &str) -> String {
    HASHES
        .iter()
        .find(|(oid, _)| *oid == alg)
        .map_or_else(|| alg.to_owned(), |(_, name)| (*name).to_owned())
}

/// The certificate of `pool` that issued the certificate `id` names (its name and key hash
/// match), with its index in `Report.certificates` when it was pasted.
pub(super) fn issuer<'a>(
    id: &CertId,
    pool: &[(Option<usize>, &'a Certificate)],
) -> Option<(Option<usize>, &'a Certificate)> {
    issuer_of(&Named::of(id), pool)
}

/// What a CertID says, however it was read (DER, or OpenSSL's text).
pub(super) struct Named<'a> {
    /// The hash algorithm's OID, dotted.
    pub(super) alg: String,
    pub(super) name_hash: &'a [u8],
    pub(super) key_hash: &'a [u8],
    pub(super) serial: &'a [u8],
}

impl<'a> Named<'a> {
    fn of(id: &'a CertId) -> Self {
        Named {
            alg: id.hash_algorithm.oid.to_string(),
            name_hash: id.issuer_name_hash.as_bytes(),
            key_hash: id.issuer_key_hash.as_bytes(),
            serial: id.serial_number.as_bytes(),
        }
    }
}

fn issuer_of<'a>(
    id: &Named<'_>,
    pool: &[(Option<usize>, &'a Certificate)],
) -> Option<(Option<usize>, &'a Certificate)> {
    pool.iter()
        .find(|(_, c)| {
            hashes(&id.alg, c).is_some_and(|(name, key)| name == id.name_hash && key == id.key_hash)
        })
        .copied()
}

/// A certificate as a CertID names it (in a request or a response).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestedCertificate {
    /// The certificate's serial number, hex.
    pub serial: String,
    /// The hash the CertID names the issuer with (`SHA-1` usually).
    pub hash_algorithm: String,
    /// Index in `Report.certificates` of the pasted certificate it names.
    pub certificate: Option<usize>,
    /// That certificate's subject, when it was pasted.
    pub subject: Option<String>,
    /// Index in `Report.certificates` of the pasted issuer its hashes name.
    pub issuer: Option<usize>,
}

/// The certificate `id` names, among the pasted ones of `pool`: its serial, and its issuer's
/// name hashing as the CertID's; and its issuer, by name and key hash.
pub(super) fn named(id: &CertId, pool: &[(Option<usize>, &Certificate)]) -> RequestedCertificate {
    named_by(&Named::of(id), pool)
}

/// [`named`] for a CertID however it was read.
pub(super) fn named_by(
    id: &Named<'_>,
    pool: &[(Option<usize>, &Certificate)],
) -> RequestedCertificate {
    let subject = pool.iter().find(|(i, c)| {
        let tbs = c.tbs_certificate();
        i.is_some()
            && tbs.serial_number().as_bytes() == id.serial
            && tbs
                .issuer()
                .to_der()
                .ok()
                .and_then(|n| digest(&id.alg, &n))
                .is_some_and(|h| h == id.name_hash)
    });
    RequestedCertificate {
        serial: crate::hex::colon(id.serial),
        hash_algorithm: hash_name(&id.alg),
        certificate: subject.and_then(|(i, _)| *i),
        subject: subject.map(|(_, c)| crate::cert::name_display(c.tbs_certificate().subject())),
        issuer: issuer_of(id, pool).and_then(|(i, _)| i),
    }
}

/// The hash algorithm's OID for OpenSSL's name of it (`sha1`, `sha256`, …).
pub(super) fn hash_oid(openssl_name: &str) -> Option<&'static str> {
    let bits = openssl_name.strip_prefix("sha")?;
    HASHES
        .iter()
        .find(|(_, n)| n.strip_prefix("SHA-") == Some(bits))
        .map(|(oid, _)| *oid)
}

/// Reads one SingleResponse against the certificates of `pool` at `at`.
pub(super) fn read(
    single: &SingleResponse,
    pool: &[(Option<usize>, &Certificate)],
    at: u64,
) -> OcspStatus {
    let named = named(&single.cert_id, pool);
    let (status, revoked_at, reason) = match &single.cert_status {
        CertStatus::Good(_) => ("good", None, None),
        CertStatus::Unknown(_) => ("unknown", None, None),
        CertStatus::Revoked(r) => (
            "revoked",
            Some(r.revocation_time.to_unix_duration().as_secs()),
            r.revocation_reason.map(crate::crl::reason_name),
        ),
    };
    let this_update = single.this_update.to_unix_duration().as_secs();
    let next_update = single.next_update.map(|n| n.to_unix_duration().as_secs());
    OcspStatus {
        scts: scts(single.single_extensions.as_ref()),
        ..judged(
            named,
            (status, revoked_at, reason),
            this_update,
            next_update,
            at,
        )
    }
}

/// A status as the CertID named it, judged fresh or not at `at`.
pub(super) fn judged(
    named: RequestedCertificate,
    (status, revoked_at, reason): (&'static str, Option<u64>, Option<&'static str>),
    this_update: u64,
    next_update: Option<u64>,
    at: u64,
) -> OcspStatus {
    let freshness = if this_update > at.saturating_add(CLOCK_SKEW) {
        "not-yet-valid"
    } else {
        match next_update {
            Some(n) if n < at => "expired",
            Some(_) => "fresh",
            None => "no-next-update",
        }
    };
    OcspStatus {
        serial: named.serial,
        hash_algorithm: named.hash_algorithm,
        certificate: named.certificate,
        subject: named.subject,
        issuer: named.issuer,
        status,
        revoked_at: revoked_at.map(crate::time::rfc3339),
        reason,
        this_update: crate::time::rfc3339(this_update),
        next_update: next_update.map(crate::time::rfc3339),
        freshness,
        scts: None,
    }
}
