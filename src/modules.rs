//! What the separately loaded WebAssembly modules export (docs/architecture.md): plain bytes
//! and strings in and out, so that each call can cross from the core to a module built apart.
//! Native builds link these capabilities directly and never need this module.

#[cfg(feature = "verify")]
pub use crate::chain::mozilla_packed as mozilla_roots;
/// The CT check of a chain's end entity (DER), with its issuer's key hash (32 bytes, or none),
/// its lifetime in seconds, at `at`, and the SCT lists the server delivered beside it: one per
/// line, `tls ` or `ocsp ` and the TLS-encoded list in base64 (as `addCt` in `engine.js` writes
/// them); `engine.js` merges the result into the report.
#[cfg(feature = "ct")]
pub fn ct_check(
    leaf: &[u8],
    issuer_key_hash: Option<&[u8]>,
    lifetime: u64,
    at: u64,
    delivered: &str,
) -> Option<crate::ct::CtReport> {
    let hash = issuer_key_hash.and_then(|h| <[u8; 32]>::try_from(h).ok());
    let lists = crate::ct::delivered_read(delivered);
    let delivered: Vec<crate::ct::Delivered<'_>> = lists
        .iter()
        .map(|(source, list)| crate::ct::Delivered {
            source: *source,
            list,
        })
        .collect();
    crate::ct::check(leaf, hash, lifetime, at, &delivered)
}
/// One OCSP response or request (DER, found by the core at `location`) read against the report's
/// certificates, given as the PEM of `Report.certificates` in order (so that indices match),
/// at `at`, as `inspect` reads it natively; `engine.js` merges the result into the report.
#[cfg(feature = "ocsp")]
pub fn ocsp(
    der: &[u8],
    location: crate::Location,
    certificates_pem: &str,
    at: u64,
) -> Result<crate::ocsp::Read, Box<crate::Problem>> {
    use der::Decode;
    // The report's own PEM, one block per certificate: split here rather than by
    // `input::split`, which would link the core's whole input reader (transcripts, keys, BER,
    // other formats) into the module for text the core has already read.
    const END: &str = "-----END CERTIFICATE-----";
    let mut certificates = Vec::new();
    let mut rest = certificates_pem;
    while let Some(end) = rest.find(END).map(|i| i.saturating_add(END.len())) {
        let block = rest.get(..end).unwrap_or_default();
        certificates.push(
            der::pem::decode_vec(block.trim_start().as_bytes())
                .ok()
                .and_then(|(_, der)| x509_cert::Certificate::from_der(&der).ok()),
        );
        rest = rest.get(end..).unwrap_or_default();
    }
    let pasted: Vec<(usize, &x509_cert::Certificate)> = certificates
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.as_ref()?)))
        .collect();
    crate::ocsp::read(der, location, &pasted, at).map_err(|e| crate::Problem::boxed(location, e))
}
/// Certificate policy processing of an `rfc5280` verdict's `policy_input`: the report, and
/// the problem that makes the chain untrusted (none when the policies allow the path);
/// `engine.js` applies both as `inspect` does natively.
#[cfg(feature = "policy")]
#[derive(Debug, serde::Serialize)]
pub struct PolicyCheck {
    /// [`crate::Verdict::policy`].
    pub policy: crate::PolicyReport,
    /// [`crate::Verdict::problem`], when the policies refuse the path.
    pub problem: Option<crate::ChainProblem>,
}
/// See [`PolicyCheck`].
#[cfg(feature = "policy")]
pub fn policy_check(input: &str) -> PolicyCheck {
    let (policy, problem) = crate::chain::policy_check(input);
    PolicyCheck { policy, problem }
}
/// The corrected chain file of one chain (the report is merged in `engine.js`).
#[cfg(feature = "verify")]
pub use crate::fix::fix as fix_chain;
#[cfg(feature = "pkcs12")]
pub use crate::pkcs12::crypto::{decrypt as pkcs12_decrypt, mac as pkcs12_mac};
#[cfg(feature = "verify")]
pub use crate::signature::{ed25519_public_der as ed25519_public, verify_der as verify_signature};
/// ML-DSA signature checks, as the pqc module exports them.
#[cfg(feature = "pqc")]
pub use crate::signature::{
    ml_dsa_public_der as ml_dsa_public, verify_ml_dsa_der as verify_ml_dsa,
};
/// Revocation of one validated path against the CRLs given, as the revocation module exports
/// it: the core's text in (`src/chain/revocation/wire.rs`), the failure, if any, out.
#[cfg(feature = "revocation")]
pub fn revocation_check(input: &str) -> String {
    crate::chain::revocation_check(input)
}
/// The profiles module's lint findings on one certificate (DER): the S/MIME and Code Signing
/// BR, and the deeper catalogue when `deep`; `note` is the certificate's `publicRulesNote`,
/// `existing` the ids of its findings, one per line, `document` whether it came in a SAML or JWK
/// document. `engine.js` adds them to the certificate's.
#[cfg(feature = "profiles")]
pub fn lint_profiles(
    der: &[u8],
    self_signed: bool,
    deep: bool,
    note: Option<&str>,
    existing: &str,
    document: bool,
) -> Result<crate::lint::ModuleFindings, crate::Error> {
    let existing: Vec<&str> = existing.lines().collect();
    crate::lint::module_findings(der, self_signed, deep, note, &existing, document)
}
/// The findings of the CRL rules on one CRL (its [`crate::CrlLintInput`]), for the
/// profiles module; `engine.js` adds them to the CRL's.
#[cfg(feature = "profiles")]
pub fn lint_crl(
    der: &[u8],
    issuer_is_root: bool,
    note: Option<&str>,
) -> Result<Vec<crate::Finding>, crate::Error> {
    crate::lint::crl::findings(der, issuer_is_root, note)
}
/// DSA signature checks, as the dsa module exports them for the `rfc5280` verdict.
#[cfg(feature = "dsa")]
pub use crate::signature::verify_dsa_der as verify_dsa;

/// The header analysis of a paste, as the http module hands it to the core's report.
#[cfg(feature = "http")]
#[derive(Debug, serde::Serialize)]
pub struct HttpAnalysis {
    /// [`crate::Report::http`].
    pub http: Vec<crate::HttpReport>,
    /// Lines that could not be read, for [`crate::Report::errors`].
    pub errors: Vec<crate::Problem>,
}

/// Analyses the HTTP responses in `text`; `cert_ok` is whether the pasted chain was trusted,
/// `html` what the html module read from the same text ([`html`]'s JSON; `""` for none).
#[cfg(feature = "http")]
pub fn http(text: &str, cert_ok: Option<bool>, html: &str) -> HttpAnalysis {
    let html = crate::html::HtmlFacts::from_json(html);
    let (http, problems) = crate::headers::analyse(text, cert_ok, &html);
    HttpAnalysis {
        http,
        errors: problems
            .into_iter()
            .map(crate::headers::message::LineProblem::problem)
            .collect(),
    }
}

/// The certificates of a SAML or JWK document, packed for the core.
#[cfg(feature = "documents")]
pub use crate::documents::packed as document_certificates;
/// The description of a SAML or JWK document (documents module) or of OpenSSH keys (ssh
/// module).
#[cfg(any(feature = "documents", feature = "ssh"))]
pub use crate::documents::read as document;

/// The HTML pages in `text` and the registrable domains of its hosts, for [`http`].
#[cfg(feature = "html")]
pub fn html(text: &str) -> crate::html::HtmlFacts {
    crate::html::read(text)
}
