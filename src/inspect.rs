//! The entry point: from pasted text or dropped bytes to a [`Report`].

use crate::input::{self, BlockKind};
use crate::{cert, lint, time, Error, Finding, Problem, Report, Severity};

/// How to inspect.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The time to judge validity at, in seconds since the Unix epoch.
    pub at: u64,
}

impl Options {
    /// Judge validity at `unix_seconds`.
    pub fn at(unix_seconds: u64) -> Self {
        Options { at: unix_seconds }
    }

    /// Judge validity now. Not available on `wasm32-unknown-unknown`, which has no clock;
    /// the JavaScript binding passes `Date.now()` instead.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn now() -> Self {
        Options { at: time::now() }
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
        findings: Vec::new(),
        errors: Vec::new(),
    };
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
                    Ok(c) => report.certificates.push(c),
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
    if report.certificates.is_empty() && report.errors.is_empty() && report.findings.is_empty() {
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
