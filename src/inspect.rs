//! The entry point: from pasted text or dropped bytes to a [`Report`].

use crate::chain::{self, ChainCert, ChainOptions, Roots, Usage};
use crate::input::{self, BlockKind};
use crate::{cert, headers, lint, time, Error, Finding, Problem, Report, Severity};

/// The most end-entity certificates whose chains are analysed in one input.
pub const MAX_CHAINS: usize = 8;

/// How to inspect.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The time to judge validity at, in seconds since the Unix epoch.
    pub at: u64,
    pub(crate) chain: ChainOptions,
}

impl Options {
    /// Judge validity at `unix_seconds`, for any host, against Mozilla's roots.
    pub fn at(unix_seconds: u64) -> Self {
        Options {
            at: unix_seconds,
            chain: ChainOptions::default(),
        }
    }

    /// Judge validity now. Not available on `wasm32-unknown-unknown`, which has no clock;
    /// the JavaScript binding passes `Date.now()` instead.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn now() -> Self {
        Self::at(time::now())
    }

    /// Check that the chain is valid for this hostname or IP address.
    pub fn host(mut self, host: impl Into<String>) -> Self {
        let host = host.into();
        self.chain.host = (!host.trim().is_empty()).then_some(host);
        self
    }

    /// Validate for this usage (default: TLS server).
    pub fn usage(mut self, usage: Usage) -> Self {
        self.chain.usage = usage;
        self
    }

    /// Trust these roots (default: Mozilla's).
    pub fn roots(mut self, roots: Roots) -> Self {
        self.chain.roots = roots;
        self
    }

    /// Check revocation against these CRLs (PEM `X509 CRL` blocks or DER). certscope never
    /// fetches CRLs; only the ones given are consulted.
    pub fn crls(mut self, crls: Vec<u8>) -> Self {
        self.chain.crls = crls;
        self
    }

    /// Allow at most this many intermediates between leaf and root (default 8).
    pub fn max_intermediates(mut self, n: usize) -> Self {
        self.chain.max_intermediates = n;
        self
    }
}

/// Reads every certificate in `input` — PEM blocks anywhere in text, bare base64 or hex of
/// DER, or raw DER bytes — and explains each one.
///
/// Only input too large to read at all is an `Err`. Blocks that cannot be read are listed in
/// [`Report::errors`] with their location; they never hide the readable blocks around them.
pub fn inspect(input: &[u8], options: &Options) -> Result<Report, Error> {
    let blocks = input::split(input)?;
    let mut report = Report {
        evaluated_at: time::rfc3339(options.at),
        input_bytes: input.len(),
        certificates: Vec::new(),
        chains: Vec::new(),
        http: Vec::new(),
        findings: Vec::new(),
        errors: Vec::new(),
    };
    let mut pool: Vec<ChainCert> = Vec::new();
    for block in blocks {
        let block = match block {
            Ok(b) => b,
            Err(problem) => {
                report.errors.push(*problem);
                continue;
            }
        };
        match block.kind {
            BlockKind::Certificate { .. } => {
                match cert::report(&block.der, block.location, options.at) {
                    Ok(parsed) => {
                        let index = report.certificates.len();
                        pool.extend(ChainCert::new(parsed.cert, &parsed.der, Some(index)));
                        report.certificates.push(parsed.report);
                    }
                    Err(e) => report.errors.push(Problem::new(block.location, e)),
                }
            }
            BlockKind::PrivateKey { label } => {
                report.findings.push(private_key(&label, block.location))
            }
            BlockKind::Other { label } => report.errors.push(Problem::new(
                block.location,
                Error::UnsupportedBlock { label },
            )),
        }
    }
    // One chain per end-entity certificate (the first few, for pasted bundles). Without one,
    // the first CA certificate that issued none of the others is explained as the chain's end.
    let issues_another = |c: &ChainCert| {
        pool.iter()
            .any(|o| o.issuer == c.subject && !o.self_issued())
    };
    let mut leaves: Vec<usize> = pool
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.index
                .and_then(|i| report.certificates.get(i))
                .is_some_and(|r| r.role == crate::Role::Leaf)
                && (c.self_issued() || !issues_another(c))
        })
        .map(|(p, _)| p)
        .take(MAX_CHAINS)
        .collect();
    if leaves.is_empty() {
        let bottom = pool
            .iter()
            .position(|c| !c.self_issued() && !issues_another(c));
        leaves.extend(bottom);
    }
    report.chains = chain::analyse(&pool, &leaves, &options.chain, options.at);
    if let Ok(text) = core::str::from_utf8(input) {
        let cert_ok = report.chains.first().map(|c| c.browser.trusted);
        let (http, problems) = headers::analyse(text, cert_ok);
        if !http.is_empty() {
            // Header text is not a failed certificate paste.
            report.errors.retain(|p| p.code != "nothing-recognised");
        }
        for p in problems {
            let at = crate::Location {
                block: p.response.max(1),
                line: Some(p.line),
                byte_offset: p.byte_offset,
            };
            report
                .errors
                .push(Problem::new(at, Error::HttpLine { message: p.message }));
        }
        report.http = http;
    }
    if report.certificates.is_empty()
        && report.errors.is_empty()
        && report.findings.is_empty()
        && report.http.is_empty()
    {
        let at = crate::Location {
            block: 1,
            line: Some(1),
            byte_offset: 0,
        };
        report
            .errors
            .push(Problem::new(at, Error::NothingRecognised));
    }
    Ok(report)
}

fn private_key(label: &str, at: crate::Location) -> Finding {
    lint::finding(
        "input.private-key",
        Severity::Warning,
        "A private key was pasted",
        format!(
            "Block {} is a private key ({label}). certscope never sends, stores or shows it; \
             it stays in this page. But a private key must stay secret: do not paste it into \
             tools you do not control, chat, tickets or e-mail. If it has been shared, replace \
             the key and have the certificate re-issued.",
            at.block
        ),
        format!("{label} at {at}"),
        lint::RFC7468,
        "Remove the key from what you share; if it was exposed, generate a new key and revoke \
         the certificate that uses the old one.",
    )
}
