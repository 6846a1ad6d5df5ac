//! # certscope
//!
//! Explains X.509 certificates — and, as the project grows, chains and HTTPS
//! configuration — from whatever a person pastes: PEM blocks inside terminal output, bare
//! base64 or hex of DER, or DER bytes. Everything runs locally: natively, or compiled to
//! WebAssembly in the browser.
//!
//! ```
//! let pem = std::fs::read("tests/data/roots/ISRG_Root_X1.pem").unwrap();
//! let report = certscope::inspect(&pem, &certscope::Options::at(1_780_000_000)).unwrap();
//! let root = &report.certificates[0];
//! assert_eq!(root.subject.common_name.as_deref(), Some("ISRG Root X1"));
//! assert!(root.self_signed);
//! ```
//!
//! Problems in input that was read are [`Finding`]s; input that could not be read is an
//! [`Error`] located in the input ([`Problem`]).

#![forbid(unsafe_code)]
// Input-derived numbers never overflow or truncate silently (unit tests may be looser).
#![cfg_attr(
    not(test),
    deny(
        clippy::arithmetic_side_effects,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )
)]

mod asn1;
mod capture;
mod cert;
mod chain;
#[cfg(feature = "compare")]
pub mod compare;
mod connection;
mod crl;
mod csr;
#[cfg(feature = "ct")]
pub mod ct;
mod deceptive;
#[cfg(feature = "ocsp")]
pub mod ocsp;
// Without the `dns` feature only the report types and `present` are used.
#[cfg_attr(not(feature = "dns"), allow(dead_code, unused_imports))]
mod dns;
mod documents;
mod error;
#[cfg(feature = "verify")]
pub mod fix;
// Without the `http` feature only the report types and `present` are used.
#[cfg_attr(not(feature = "http"), allow(dead_code, unused_imports))]
mod headers;
mod hex;
// Without the `html` feature only the fact types and `present` are used.
#[cfg_attr(not(feature = "html"), allow(dead_code, unused_imports))]
mod html;
mod idn;
mod input;
mod inspect;
mod key;
pub(crate) mod lint;
pub mod modules;
mod oid;
mod pkcs12;
#[cfg(any(feature = "documents", feature = "http"))]
mod position;
mod psl;
mod quantum;
mod report;
mod signature;
mod summary;
mod text;
mod time;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use asn1::{asn1_of, asn1_tree, Asn1Node, MAX_ASN1_NODES};
pub use capture::MAX_CAPTURE_BYTES;
#[cfg(feature = "capture")]
pub use capture::MAX_STREAMS as MAX_CAPTURE_STREAMS;
#[cfg(feature = "capture")]
pub use capture::{
    fields::Field as CaptureField,
    handshake::Message as CaptureMessage,
    hello::{ClientHello, KeyExchange, KeyShare, ServerHello, Value as TlsValue},
    read as read_capture, read_reporting as read_capture_reporting, AlertReport, Capture,
    CaptureReport, TlsConnection,
};
pub use cert::{
    AccessEntry, AlgorithmName, AltSignatureReport, AltSignatureStatus, CertificateReport,
    ExtensionReport, ExtensionValue, Fingerprints, GeneralNameKind, GeneralNameReport,
    NameAttribute, NameReport, NamedOid, Policy, PublicKeyReport, Role, Sct, ValidityReport,
    ValidityState,
};
pub use chain::{
    AnchorInfo, AnchorSource, ChainProblem, ChainReport, Link, PolicyOptions, PolicyReport,
    PolicyStep, Profile, Roots, Usage, Verdict,
};
pub use connection::{ChainLineReport, CipherInfo, ConnectionReport, VerifyResult};
pub use crl::{CrlLintInput, CrlReport, RevokedEntry, MAX_LISTED_REVOCATIONS};
pub use csr::CsrReport;
/// Text with bidi controls, zero-width and control characters (terminal escapes) shown as
/// `<U+XXXX>`, safe to print: what the CLI does to every string from the input.
pub use deceptive::escape as terminal_safe;
pub use dns::{
    analyse as analyse_dns, Caa, CaaCheck, DnsCertificate, DnsReport, EchConfig, EchConfigList,
    Record as DnsRecord, Service as DnsService, Tlsa, Tool as DnsTool,
    MAX_RECORDS as MAX_DNS_RECORDS,
};
pub use documents::MAX_DOCUMENT_CERTIFICATES;
#[cfg(any(feature = "documents", feature = "ssh"))]
pub use documents::{read as read_document, Document};
#[cfg(feature = "ssh")]
pub use documents::{
    ssh::MAX_PRINCIPALS as MAX_SSH_PRINCIPALS, SshCertificateReport, SshKeyReport, SshOption,
    SshReport, SshSigner,
};
#[cfg(feature = "documents")]
pub use documents::{
    JwkCheck, JwkReport, JwkSetReport, SamlCertificate, SamlEndpoint, SamlEntity, SamlReport,
    SamlRole,
};
pub use error::Error;
pub use headers::observatory::{grade as observatory_grade, score as observatory_score};
pub use headers::{
    CookieReport, CspFinding, CspReport, CspSource, Deduction, Directive, Grade, HeaderField,
    HstsReport, HttpReport, ObservatoryReport, ObservatoryTest, PreloadIssue, RecordedExchange,
    RecordedTls, ResponseReport, MAX_HEADERS, MAX_HEADER_BYTES, MAX_RESPONSES,
};
#[cfg(feature = "http")]
pub use headers::{MAX_HAR_ENTRIES, MAX_SUBRESOURCES};
#[cfg(feature = "html")]
pub use html::read as read_html;
pub use html::{HtmlFacts, HtmlPage, MetaTag, ScriptTag, MAX_TAGS as MAX_HTML_TAGS};
pub use input::{MAX_BLOCKS, MAX_INPUT_BYTES};
pub use inspect::{inspect, Capability, Lints, Options, Report, MAX_CHAINS};
pub use key::KeyReport;
#[cfg(feature = "profiles")]
pub use lint::crl::crl_lint_results;
pub use lint::engine::{LintResult, Status as LintStatus};
pub use lint::{catalog as lint_catalog, lint_results, LintInfo, LintProfile};
#[cfg(feature = "ocsp")]
pub use ocsp::{
    OcspReport, OcspRequestReport, OcspSignature, OcspStatus, RequestedCertificate,
    Responder as OcspResponder,
};
pub use pkcs12::{BagReport, PasswordState, Pkcs12Report, MAX_BAGS, MAX_ITERATIONS};
pub use psl::PUBLIC_SUFFIX_LIST;
pub use report::{Finding, Location, Problem, Reference, Severity, Snippets, ToolFinding};
pub use summary::{summarize, CertificateSummary, Summary};
pub use text::render as render_text;
pub use time::parse_rfc3339;
