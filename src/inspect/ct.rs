//! Each chain's Certificate Transparency check ([`crate::ct::check`]), from what the report
//! holds: the end entity, its issuer on the browser path, and the SCTs a server delivered for
//! it in a captured handshake or an OCSP response (RFC 6962 §3.3). `addCt` in `engine.js`
//! reads the report the same way for the ct module.

use base64ct::Encoding;

use crate::ct::{Delivered, Source};
use crate::{CertificateReport, ChainReport, Report};

/// Sets `chain.ct` on every chain of `report`, at `at`.
pub(super) fn add(report: &mut Report, at: u64) {
    let cts: Vec<_> = report
        .chains
        .iter()
        .map(|c| check(&report.certificates, c, &delivered(report, c.leaf), at))
        .collect();
    for (chain, ct) in report.chains.iter_mut().zip(cts) {
        chain.ct = ct;
    }
}

/// Whether a capture in `report` holds SCTs sent in a handshake (its CT checks need redoing
/// once the capture is added).
#[cfg(feature = "capture")]
pub(super) fn capture_has_scts(report: &Report) -> bool {
    report
        .captures
        .iter()
        .flat_map(|c| &c.connections)
        .any(|c| c.scts.is_some())
}

/// The SCT lists delivered for certificate `leaf` of the report: in the TLS handshakes of its
/// captures that served it first, and in OCSP responses about it.
fn delivered(report: &Report, leaf: usize) -> Vec<(Source, Vec<u8>)> {
    let mut out = sent_in_handshakes(report, leaf);
    out.extend(in_ocsp_responses(report, leaf));
    out
}

#[cfg(feature = "capture")]
fn sent_in_handshakes(report: &Report, leaf: usize) -> Vec<(Source, Vec<u8>)> {
    report
        .captures
        .iter()
        .flat_map(|c| &c.connections)
        .filter(|c| c.certificates_from == Some(leaf))
        .filter_map(|c| c.scts.as_deref())
        .filter_map(|b64| base64ct::Base64::decode_vec(b64).ok())
        .map(|list| (Source::Tls, list))
        .collect()
}

#[cfg(not(feature = "capture"))]
fn sent_in_handshakes(_: &Report, _: usize) -> Vec<(Source, Vec<u8>)> {
    Vec::new()
}

#[cfg(feature = "ocsp")]
fn in_ocsp_responses(report: &Report, leaf: usize) -> Vec<(Source, Vec<u8>)> {
    report
        .ocsp
        .iter()
        .flat_map(|r| &r.responses)
        .filter(|s| s.certificate == Some(leaf))
        .filter_map(|s| s.scts.as_deref())
        .filter_map(|b64| base64ct::Base64::decode_vec(b64).ok())
        .map(|list| (Source::Ocsp, list))
        .collect()
}

#[cfg(not(feature = "ocsp"))]
fn in_ocsp_responses(_: &Report, _: usize) -> Vec<(Source, Vec<u8>)> {
    Vec::new()
}

/// The CT check of `chain`: the end entity's PEM and validity, and the key hash of the pasted
/// certificate after it on the browser path, as its issuer.
fn check(
    certificates: &[CertificateReport],
    chain: &ChainReport,
    delivered: &[(Source, Vec<u8>)],
    at: u64,
) -> Option<crate::ct::CtReport> {
    let leaf = certificates.get(chain.leaf)?;
    let der = der::pem::decode_vec(leaf.pem.as_bytes()).ok()?.1;
    let issuer_key_hash = chain
        .browser
        .path
        .get(1)
        .and_then(|l| l.certificate)
        .and_then(|i| certificates.get(i))
        .and_then(|c| base64ct::Base64::decode_vec(&c.fingerprints.spki_sha256).ok())
        .and_then(|h| <[u8; 32]>::try_from(h).ok());
    let lifetime = leaf
        .validity
        .not_after_unix
        .saturating_sub(leaf.validity.not_before_unix);
    let delivered: Vec<Delivered<'_>> = delivered
        .iter()
        .map(|(source, list)| Delivered {
            source: *source,
            list,
        })
        .collect();
    crate::ct::check(&der, issuer_key_hash, lifetime, at, &delivered)
}
