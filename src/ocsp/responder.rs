//! Who signed an OCSP response, whether the signature verifies, and whether the signer may
//! answer for the certificate's CA ([RFC 6960 §4.2.2.2]): the CA itself, or a responder whose
//! certificate that CA issued with the id-kp-OCSPSigning purpose.
//!
//! [RFC 6960 §4.2.2.2]: https://www.rfc-editor.org/rfc/rfc6960#section-4.2.2.2

use der::{Decode, Encode};
use serde::Serialize;
use sha1::{Digest, Sha1};
use spki::AlgorithmIdentifierOwned;
use x509_cert::ext::pkix::ExtendedKeyUsage;
use x509_cert::Certificate;

use super::asn1::{ResponderId, SingleResponse};
use crate::lint::{finding, references::RFC6960};
use crate::signature::{self, VerifyError};
use crate::{Finding, Severity};

const EXTENDED_KEY_USAGE: &str = "2.5.29.37";
/// id-kp-OCSPSigning (RFC 5280 §4.2.1.12).
const OCSP_SIGNING: &str = "1.3.6.1.5.5.7.3.9";
/// id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1).
const NO_CHECK: &str = "1.3.6.1.5.5.7.48.1.5";

/// The responder, as the response names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Responder {
    /// Its name (`byName`).
    pub name: Option<String>,
    /// The SHA-1 of its public key, hex (`byKey`).
    pub key_hash: Option<String>,
    /// The subject of the certificate found for it, in the response or pasted.
    pub subject: Option<String>,
    /// Index in `Report.certificates` of that certificate, when it was pasted.
    pub certificate: Option<usize>,
}

/// The response's signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OcspSignature {
    /// The signature algorithm's name.
    pub algorithm: String,
    /// `verified`, `invalid`, `no-signer` (the responder's certificate is neither in the
    /// response nor pasted) or `unchecked` (a build without the `verify` feature, or a
    /// response read from OpenSSL's text, which does not carry the signed bytes).
    pub verdict: &'static str,
    /// Whether the signer may answer for the certificate's CA: `issuer` (the CA's own key),
    /// `delegated` (a certificate that CA issued for OCSP signing), `unauthorized`, or
    /// `unknown` (the CA's certificate was not given, or no signer was found).
    pub authority: &'static str,
    /// The delegated responder's certificate carries id-pkix-ocsp-nocheck: clients do not
    /// check its own revocation.
    pub no_check: bool,
    /// Why, in words, when not verified or not authorised.
    pub detail: Option<String>,
}

type Pooled<'a> = (Option<usize>, &'a Certificate);

/// The certificate of `pool` that `id` names.
pub(super) fn find<'a>(id: &ResponderId, pool: &[Pooled<'a>]) -> Option<Pooled<'a>> {
    pool.iter()
        .find(|(_, c)| match id {
            ResponderId::ByName(name) => {
                name.to_der().ok() == c.tbs_certificate().subject().to_der().ok()
            }
            ResponderId::ByKey(hash) => key_hash(c) == hash.as_bytes(),
        })
        .copied()
}

pub(super) fn key_hash(c: &Certificate) -> Vec<u8> {
    let key = c.tbs_certificate().subject_public_key_info();
    Sha1::digest(key.subject_public_key.raw_bytes()).to_vec()
}

/// The responder as the response names it, and the certificate found for it.
pub(super) fn describe(id: &ResponderId, signer: Option<Pooled<'_>>) -> Responder {
    let (name, key_hash) = match id {
        ResponderId::ByName(n) => (Some(crate::cert::name_display(n)), None),
        ResponderId::ByKey(h) => (None, Some(crate::hex::colon(h.as_bytes()))),
    };
    Responder {
        name,
        key_hash,
        subject: signer.map(|(_, c)| crate::cert::name_display(c.tbs_certificate().subject())),
        certificate: signer.and_then(|(i, _)| i),
    }
}

/// Checks the signature over `tbs` with `signer`'s key, and `signer`'s authority for the CA
/// of each of `responses` (all must be answered for by the same CA's responder).
pub(super) fn check(
    tbs: &[u8],
    alg: &AlgorithmIdentifierOwned,
    sig: &[u8],
    signer: Option<Pooled<'_>>,
    responses: &[SingleResponse],
    pool: &[Pooled<'_>],
    at: u64,
) -> OcspSignature {
    // From certscope's tables only: const-oid's whole database (`oid::name`) would triple
    // the module for a name these tables already have.
    let algorithm = crate::oid::lookup(crate::oid::SIGNATURES, &alg.oid)
        .or_else(|| crate::oid::lookup(crate::oid::POST_QUANTUM, &alg.oid))
        .map_or_else(|| alg.oid.to_string(), str::to_owned);
    let Some((_, signer)) = signer else {
        return OcspSignature {
            algorithm,
            verdict: "no-signer",
            authority: "unknown",
            no_check: false,
            detail: Some("the responder's certificate is neither in the response nor pasted: paste the CA certificate (or the responder's) beside it".into()),
        };
    };
    let key = signer.tbs_certificate().subject_public_key_info();
    let (verdict, mut detail) = match signature::verify(tbs, alg, sig, key) {
        Ok(()) => ("verified", None),
        Err(VerifyError::Unavailable) => ("unchecked", Some(VerifyError::Unavailable.to_string())),
        Err(e) => ("invalid", Some(e.to_string())),
    };
    // The weakest answer over all the responses stands.
    let mut authority = "unknown";
    for (i, single) in responses.iter().enumerate() {
        let (a, why) = match super::status::issuer(&single.cert_id, pool) {
            None => ("unknown", Some("the certificate's issuer was not given, so whether the signer may answer for it is unknown".to_owned())),
            Some((_, ca)) => authorised(signer, ca, at),
        };
        let rank = |a: &str| {
            ["unauthorized", "unknown", "delegated", "issuer"]
                .iter()
                .position(|x| *x == a)
        };
        if i == 0 || rank(a) < rank(authority) {
            authority = a;
        }
        if detail.is_none() {
            detail = why;
        }
    }
    OcspSignature {
        algorithm,
        verdict,
        authority,
        no_check: has_extension(signer, NO_CHECK),
        detail,
    }
}

/// Whether `signer` may sign OCSP responses for the CA `ca` at `at`, and why not.
fn authorised(signer: &Certificate, ca: &Certificate, at: u64) -> (&'static str, Option<String>) {
    let key = |c: &Certificate| c.tbs_certificate().subject_public_key_info().to_der().ok();
    if key(signer) == key(ca) {
        return ("issuer", None);
    }
    let tbs = signer.tbs_certificate();
    let issued_by_ca = tbs.issuer().to_der().ok() == ca.tbs_certificate().subject().to_der().ok()
        && signer.to_der().ok().is_some_and(|der| {
            signature::signed_part(&der).is_some_and(|signed| {
                signature::verify(
                    signed,
                    signer.signature_algorithm(),
                    signer.signature().as_bytes().unwrap_or_default(),
                    ca.tbs_certificate().subject_public_key_info(),
                )
                .is_ok()
            })
        });
    let who = crate::cert::name_display(tbs.subject());
    if !issued_by_ca {
        return ("unauthorized", Some(format!("the signer ({who}) is neither the CA that issued the certificate nor a responder that CA certified")));
    }
    if !ocsp_signing(signer) {
        return ("unauthorized", Some(format!("the CA issued the signer's certificate ({who}), but without the id-kp-OCSPSigning purpose, so it may not sign OCSP responses")));
    }
    let validity = tbs.validity();
    let from = validity.not_before.to_unix_duration().as_secs();
    let until = validity.not_after.to_unix_duration().as_secs();
    if at < from || at > until {
        return (
            "unauthorized",
            Some(format!(
                "the delegated responder's certificate ({who}) is not valid at the time of check"
            )),
        );
    }
    ("delegated", None)
}

fn has_extension(c: &Certificate, oid: &str) -> bool {
    c.tbs_certificate()
        .extensions()
        .into_iter()
        .flatten()
        .any(|e| e.extn_id.to_string() == oid)
}

fn ocsp_signing(c: &Certificate) -> bool {
    c.tbs_certificate()
        .extensions()
        .into_iter()
        .flatten()
        .filter(|e| e.extn_id.to_string() == EXTENDED_KEY_USAGE)
        .filter_map(|e| ExtendedKeyUsage::from_der(e.extn_value.as_bytes()).ok())
        .any(|eku| eku.0.iter().any(|p| p.to_string() == OCSP_SIGNING))
}

/// The findings of the signature check.
pub(super) fn findings(sig: &OcspSignature) -> Vec<Finding> {
    let detail = sig.detail.clone().unwrap_or_default();
    let mut out = Vec::new();
    match sig.verdict {
        "invalid" => out.push(finding(
            "ocsp.bad-signature",
            Severity::Error,
            "The OCSP response's signature does not verify",
            "The response was changed after it was signed, or it was signed by another key than its responder's certificate holds. Clients discard it.",
            detail.clone(),
            RFC6960,
            "Fetch the response again from the CA's responder.",
        )),
        "no-signer" => out.push(finding(
            "ocsp.signer-unknown",
            Severity::Info,
            "The OCSP response's signature cannot be checked",
            "The response is signed by its CA or by a responder the CA certified; neither certificate is in the response or in the paste.",
            detail.clone(),
            RFC6960,
            "Paste the issuing CA's certificate beside the response.",
        )),
        _ => {}
    }
    if sig.verdict == "verified" && sig.authority == "unauthorized" {
        out.push(finding(
            "ocsp.unauthorized-responder",
            Severity::Error,
            "The OCSP response is signed by a key that may not answer for this CA",
            "Only the CA that issued the certificate, or a responder whose certificate that CA issued with the OCSP-signing purpose, may sign its status (RFC 6960 §4.2.2.2). Clients reject the response even though the signature itself is valid.",
            detail,
            RFC6960,
            "Have the CA's responder sign with the CA key or a delegated OCSP-signing certificate.",
        ));
    }
    out
}
