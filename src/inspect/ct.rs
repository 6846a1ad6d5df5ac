//! Each chain's Certificate Transparency check ([`crate::ct::check`]), from what the report
//! holds: the end entity, its issuer on the browser path, and the SCTs a server delivered for
//! it (RFC 6962 §3.3) in a captured handshake, an OCSP response, or as an `openssl s_client
//! -ct` transcript of the input prints them. `addCt` in `engine.js` reads the report the same
//! way for the ct module.

use base64ct::Encoding;

use crate::ct::{Delivered, Source};
use crate::{CertificateReport, ChainReport, Report};

/// Sets `chain.ct` on every chain of `report` (read from `input`), at `at`.
pub(super) fn add(report: &mut Report, at: u64, input: &[u8]) {
    let cts: Vec<_> = report
        .chains
        .iter()
        .map(|c| {
            let mut delivered = delivered(report, c.leaf);
            delivered.extend(printed(report, input, c.leaf));
            check(&report.certificates, c, &delivered, at)
        })
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

/// The SCTs printed by the `openssl s_client -ct` transcripts of `input` whose server
/// certificate is `leaf`: each transcript's text runs from its first line to the next one's.
fn printed(report: &Report, input: &[u8], leaf: usize) -> Vec<(Source, Vec<u8>)> {
    let Ok(text) = core::str::from_utf8(input) else {
        return Vec::new();
    };
    if !text.contains("SCTs present (") {
        return Vec::new();
    }
    let starts: Vec<usize> = report.connections.iter().map(|c| c.line).collect();
    report
        .connections
        .iter()
        .filter(|c| c.tool == "openssl s_client")
        .filter(|c| c.chain.first().and_then(|l| l.certificate) == Some(leaf))
        .flat_map(|c| {
            let end = starts.iter().copied().filter(|&l| l > c.line).min();
            crate::ct::printed_lists(lines(text, c.line, end))
        })
        .collect()
}

/// Lines `from` (1-based) up to `to` (excluded; the end when `None`) of `text`.
fn lines(text: &str, from: usize, to: Option<usize>) -> &str {
    let mut offset = 0usize;
    let (mut start, mut end) = (0usize, text.len());
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if n.saturating_add(1) == from {
            start = offset;
        }
        if Some(n.saturating_add(1)) == to {
            end = offset;
            break;
        }
        offset = offset.saturating_add(line.len());
    }
    text.get(start..end).unwrap_or_default()
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
