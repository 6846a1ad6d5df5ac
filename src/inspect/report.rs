//! The whole report of one input, assembled by [`inspect`](crate::inspect).

use serde::Serialize;

use crate::{Finding, Problem};

/// The result of [`inspect`](crate::inspect): one entry per block of input.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The time validity was judged at, RFC 3339 UTC.
    pub evaluated_at: String,
    /// Size of the input in bytes.
    pub input_bytes: usize,
    /// Every certificate read, in input order.
    pub certificates: Vec<crate::CertificateReport>,
    /// Chain analysis for each end-entity certificate (at most [`MAX_CHAINS`](crate::MAX_CHAINS)).
    pub chains: Vec<crate::ChainReport>,
    /// Certificate signing requests (PKCS#10), in input order.
    pub requests: Vec<crate::CsrReport>,
    /// Certificate revocation lists, in input order.
    pub crls: Vec<crate::CrlReport>,
    /// Keys: private keys, described by their public half only (never the key itself), and
    /// public keys.
    pub keys: Vec<crate::KeyReport>,
    /// PKCS#12 bundles: what they hold (opened with `Options::password` when given).
    pub pkcs12: Vec<crate::Pkcs12Report>,
    /// TLS connections shown by pasted `openssl s_client` or `curl -v` transcripts.
    pub connections: Vec<crate::ConnectionReport>,
    /// Packet captures and TLS bytes, connection by connection (their verdicts are in
    /// `connections`). On the web the capture module adds them (`engine.js`), as natively
    /// `inspect` does.
    #[cfg(feature = "capture")]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub captures: Vec<crate::CaptureReport>,
    /// OCSP responses, pasted or stapled in a capture, in input order. On the web the ocsp
    /// module adds them (`engine.js`), as natively `inspect` does.
    #[cfg(feature = "ocsp")]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ocsp: Vec<crate::OcspReport>,
    /// OCSP requests, in input order (added on the web as `ocsp` is).
    #[cfg(feature = "ocsp")]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ocsp_requests: Vec<crate::OcspRequestReport>,
    /// The OCSP responses and requests of the input, for a build without the `ocsp` feature to hand to the
    /// ocsp module (`engine.js` reads them with it into `ocsp`, then drops this list).
    #[cfg(not(feature = "ocsp"))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ocsp_input: Vec<UnreadBlock>,
    /// The HTTPS configuration of each site whose HTTP responses were pasted. (A build without
    /// the `http` feature never fills it, so it writes `[]` without linking the serializer.)
    #[cfg_attr(not(feature = "http"), serde(serialize_with = "always_empty"))]
    pub http: Vec<crate::HttpReport>,
    /// The DNS answers of the paste (CAA, HTTPS/SVCB, TLSA), checked against its certificates.
    /// On the web the dns module adds them (`engine.js`), as natively `inspect` does.
    #[cfg(feature = "dns")]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dns: Vec<crate::DnsReport>,
    /// The document the certificates came from (SAML metadata, a JWK Set), described. On the
    /// web the documents module adds it (`engine.js`), as natively `inspect` does.
    #[cfg(any(feature = "documents", feature = "ssh"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<crate::Document>,
    /// Findings about the input as a whole (a pasted private key, an unsupported block).
    pub findings: Vec<Finding>,
    /// Blocks that could not be read, each with where and why.
    pub errors: Vec<Problem>,
    /// The Public Suffix List consulted for a wildcard certificate checked against a host,
    /// with its date ([`crate::PUBLIC_SUFFIX_LIST`]); absent when none was consulted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_suffix_list: Option<&'static str>,
    /// What this build could not do for this input: the capabilities whose module (on the
    /// web) or feature (natively) was not at hand. Empty when the report is complete.
    pub pending: Vec<Capability>,
}

impl Report {
    /// All findings: the input's first, then the HTTP sites', the chains', then each certificate's.
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .chain(self.document_findings())
            .chain(self.connections.iter().flat_map(|c| c.findings.iter()))
            .chain(self.http.iter().flat_map(|h| h.findings.iter()))
            .chain(self.requests.iter().flat_map(|r| r.findings.iter()))
            .chain(self.crls.iter().flat_map(|c| c.findings.iter()))
            .chain(self.ocsp_findings())
            .chain(self.chains.iter().flat_map(|c| c.findings.iter()))
            .chain(self.certificates.iter().flat_map(|c| c.findings.iter()))
    }
}

impl Report {
    #[cfg(any(feature = "documents", feature = "ssh"))]
    fn document_findings(&self) -> impl Iterator<Item = &Finding> {
        self.document.iter().flat_map(|d| d.findings().iter())
    }

    #[cfg(not(any(feature = "documents", feature = "ssh")))]
    fn document_findings(&self) -> impl Iterator<Item = &Finding> {
        core::iter::empty()
    }

    #[cfg(feature = "ocsp")]
    fn ocsp_findings(&self) -> impl Iterator<Item = &Finding> {
        self.ocsp.iter().flat_map(|o| o.findings.iter())
    }

    #[cfg(not(feature = "ocsp"))]
    fn ocsp_findings(&self) -> impl Iterator<Item = &Finding> {
        core::iter::empty()
    }
}

/// A block this build recognised but leaves to a module: where it was and its DER (base64).
#[cfg(not(feature = "ocsp"))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnreadBlock {
    /// Where in the input it was.
    pub location: crate::Location,
    /// Its DER, base64.
    pub der: String,
}

/// A part of the engine built and loaded on its own (a Cargo feature; a WebAssembly module).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Capability {
    /// Signatures, chain verdicts and Mozilla's roots.
    Verify,
    /// HTTP response header analysis.
    Http,
    /// PKCS#12 decryption.
    Pkcs12,
    /// Reading SAML metadata and JWK Sets.
    Documents,
    /// Reading OpenSSH keys and certificates.
    Ssh,
    /// Reading DNS answers.
    Dns,
    /// Reading HTML: `<meta>` policies and scripts' Subresource Integrity.
    Html,
    /// ML-DSA signatures (post-quantum, RFC 9881).
    Pqc,
    /// Reading packet captures and TLS bytes.
    Capture,
    /// Reading OCSP responses.
    Ocsp,
    /// The Public Suffix List, for a wildcard certificate checked against a host.
    Psl,
    /// DSA signatures, for the `rfc5280` verdict of a chain that has them.
    Dsa,
    /// Revocation against the CRLs given (RFC 5280 §6.3).
    Revocation,
    /// The lints beyond the core's: the S/MIME and Code Signing Baseline Requirements for such
    /// certificates, and zlint's deeper catalogue for every certificate ([`crate::Lints::All`]).
    Profiles,
}

/// Serializes a list this build never fills as `[]`.
#[cfg(not(feature = "http"))]
fn always_empty<T, S: serde::Serializer>(_: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(core::iter::empty::<()>())
}
