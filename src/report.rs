//! The vocabulary every analysis reports in: findings (id, severity, title, explanation,
//! evidence, reference, fix), their references, and located problems for input that could
//! not be read. Everything here serialises to the JSON the CLI prints and the plain objects
//! the JavaScript API returns (field names in camelCase). The whole [`Report`](crate::Report)
//! is assembled by [`inspect`](crate::inspect).

use serde::Serialize;

use crate::Error;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something will fail, or is forbidden by the rules browsers enforce.
    Error,
    /// Works today but is weak, deprecated or about to break.
    Warning,
    /// Worth knowing; nothing to fix.
    Info,
}

/// A set of requirements certscope judges certificates by (detected and named in
/// `lint::profile`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LintProfile {
    /// The CA/Browser Forum TLS Baseline Requirements and EV Guidelines.
    TlsServer,
    /// The CA/Browser Forum S/MIME Baseline Requirements.
    Smime,
    /// The CA/Browser Forum Code Signing Baseline Requirements.
    CodeSigning,
    /// RFC 5280 and its companions: every certificate.
    Rfc5280,
}

/// A rule or section that a finding rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// Short human label, e.g. "RFC 5280 §4.1.2.5".
    pub label: &'static str,
    /// Where to read it.
    pub url: &'static str,
}

/// One thing certscope noticed about valid input, explained for a web developer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable identifier, e.g. `cert.expired`.
    pub id: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// One line, e.g. "Certificate has expired".
    pub title: String,
    /// What it means and why it matters, in plain language.
    pub explanation: String,
    /// The values from the input that triggered it.
    pub evidence: String,
    /// The rule it rests on.
    pub reference: Reference,
    /// What to do about it, when there is something to do.
    pub fix: Option<String>,
    /// For CSP findings: the type and severity Google's CSP Evaluator gives the same problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csp_evaluator: Option<ToolFinding>,
    /// For HSTS findings: the issue codes of Chromium's HSTS preload list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hsts_preload: Vec<&'static str>,
    /// For certificate lints: the zlint lint that checks the same rule, e.g. `e_ext_san_missing`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zlint: Option<&'static str>,
    /// For certificate lints: the pkilint finding code for the same requirement, e.g.
    /// `cabf.serverauth.subscriber.subject_altname_extension_absent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pkilint: Option<&'static str>,
    /// For certificate lints: the requirements it was judged by (the TLS, S/MIME or Code
    /// Signing Baseline Requirements, or RFC 5280).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<LintProfile>,
    /// For header findings: the Mozilla HTTP Observatory result id it corresponds to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observatory: Option<&'static str>,
    /// The header line and server directives that fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippets: Option<Snippets>,
}

/// Another tool's name for a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ToolFinding {
    /// The tool's finding type, e.g. `SCRIPT_UNSAFE_INLINE`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The tool's severity, e.g. `HIGH`.
    pub severity: &'static str,
    /// Whose rule it is: `evaluator` (the CSP Evaluator's default checks), `evaluator-strict`,
    /// `evaluator-reporting`, or `certscope` (certscope's own, in the Evaluator's terms).
    pub source: &'static str,
}

/// How to apply a fix: the header line, and the directive for nginx, Apache and Caddy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippets {
    /// The response header line to send, when the fix is a header.
    pub header: Option<String>,
    /// nginx (`server` or `location` block).
    pub nginx: String,
    /// Apache httpd (with `mod_headers`).
    pub apache: String,
    /// Caddy (Caddyfile site block).
    pub caddy: String,
}

impl Finding {
    /// Names the Observatory result this finding matches.
    pub(crate) fn observatory(mut self, id: &'static str) -> Self {
        self.observatory = Some(id);
        self
    }

    /// Adds the snippets that apply the fix.
    pub(crate) fn snippets(mut self, s: Snippets) -> Self {
        self.snippets = Some(s);
        self
    }
}

/// Where in the input something was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// 1-based number of the block in the input (PEM blocks, DER items), in order.
    pub block: usize,
    /// 1-based line where the block (or the problem in it) starts; `None` for binary input.
    pub line: Option<usize>,
    /// 0-based byte offset of the block (or the problem in it) in the input.
    pub byte_offset: usize,
}

impl core::fmt::Display for Location {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.line {
            Some(line) => write!(
                f,
                "block {}, line {}, byte {}",
                self.block, line, self.byte_offset
            ),
            None => write!(f, "block {}, byte {}", self.block, self.byte_offset),
        }
    }
}

/// A block that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Where it is.
    pub location: Location,
    /// Stable code of the error kind (see [`Error::code`]).
    pub code: &'static str,
    /// What was wrong, in words.
    pub message: String,
    #[serde(skip)]
    /// The error itself, for Rust callers.
    pub error: Error,
}

impl Problem {
    pub(crate) fn new(location: Location, error: Error) -> Self {
        Problem {
            location,
            code: error.code(),
            message: error.to_string(),
            error,
        }
    }

    pub(crate) fn boxed(location: Location, error: Error) -> Box<Self> {
        Box::new(Self::new(location, error))
    }
}
