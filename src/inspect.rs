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
        requests: Vec::new(),
        crls: Vec::new(),
        keys: Vec::new(),
        connections: Vec::new(),
        http: Vec::new(),
        findings: Vec::new(),
        errors: Vec::new(),
    };
    let mut pool: Vec<ChainCert> = Vec::new();
    let mut crl_blocks: Vec<(Vec<u8>, crate::Location)> = Vec::new();
    let mut key_blocks: Vec<crate::KeyReport> = Vec::new();
    for block in blocks {
        let block = match block {
            Ok(b) => b,
            Err(problem) => {
                report.errors.push(*problem);
                continue;
            }
        };
        match block.kind {
            BlockKind::Certificate { .. } => add_certificate(
                &mut report,
                &mut pool,
                &block.der,
                block.location,
                options.at,
            ),
            BlockKind::Pkcs7 => match input::pkcs7::read(&block.der) {
                Ok(contents) => {
                    report.findings.push(pkcs7_found(&contents, block.location));
                    for der in &contents.certificates {
                        add_certificate(&mut report, &mut pool, der, block.location, options.at);
                    }
                    crl_blocks.extend(contents.crls.into_iter().map(|d| (d, block.location)));
                }
                Err(e) => report
                    .errors
                    .push(Problem::new(block.location, Error::der("PKCS#7", e))),
            },
            BlockKind::Request => match crate::csr::report(&block.der, block.location) {
                Ok(r) => report.requests.push(r),
                Err(e) => report.errors.push(Problem::new(block.location, e)),
            },
            BlockKind::Crl => crl_blocks.push((block.der, block.location)),
            BlockKind::Pkcs12 => report.findings.push(pkcs12_found(block.location)),
            BlockKind::PrivateKey {
                label,
                pem_encryption,
            } => {
                key_blocks.push(crate::key::report(
                    &label,
                    &block.der,
                    pem_encryption.as_deref(),
                    block.location,
                ));
                // The private bytes go no further than this block.
                drop(block.der);
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
    // A transcript names the host that was connected to: check the chain for it unless the
    // caller named one.
    let transcripts = core::str::from_utf8(input)
        .map(input::transcript::read)
        .unwrap_or_default();
    let mut chain_options = options.chain.clone();
    if chain_options.host.is_none() {
        chain_options.host = transcripts
            .iter()
            .find_map(|t| t.sni.clone().or_else(|| t.host.clone()));
    }
    report.chains = chain::analyse(&pool, &leaves, &chain_options, options.at);
    report.connections = transcripts
        .iter()
        .map(|t| crate::connection::report(t, &report.certificates))
        .collect();
    let pasted: Vec<(&crate::CertificateReport, &x509_cert::Certificate)> = pool
        .iter()
        .filter_map(|c| Some((report.certificates.get(c.index?)?, &c.cert)))
        .collect();
    let mut crls = Vec::new();
    for (der, at) in &crl_blocks {
        match crate::crl::report(der, *at, options.at, &pasted) {
            Ok(r) => crls.push(r),
            Err(e) => report.errors.push(Problem::new(*at, e)),
        }
    }
    report.crls = crls;
    for mut key in key_blocks {
        if let Some(pin) = &key.spki_sha256 {
            key.matches_certificates = report
                .certificates
                .iter()
                .enumerate()
                .filter(|(_, c)| &c.fingerprints.spki_sha256 == pin)
                .map(|(i, _)| i)
                .collect();
            key.matches_requests = report
                .requests
                .iter()
                .enumerate()
                .filter(|(_, r)| &r.spki_sha256 == pin)
                .map(|(i, _)| i)
                .collect();
        }
        report.findings.push(private_key(&key, &report));
        report.keys.push(key);
    }
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
        && report.requests.is_empty()
        && report.connections.is_empty()
        && report.crls.is_empty()
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

fn add_certificate(
    report: &mut Report,
    pool: &mut Vec<ChainCert>,
    der: &[u8],
    at: crate::Location,
    now: u64,
) {
    match cert::report(der, at, now) {
        Ok(parsed) => {
            let index = report.certificates.len();
            pool.extend(ChainCert::new(parsed.cert, &parsed.der, Some(index)));
            report.certificates.push(parsed.report);
        }
        Err(e) => report.errors.push(Problem::new(at, e)),
    }
}

fn pkcs7_found(contents: &input::pkcs7::Contents, at: crate::Location) -> Finding {
    lint::finding(
        "input.pkcs7",
        Severity::Info,
        format!("A PKCS#7 bundle with {} certificate{} and {} CRL{}", contents.certificates.len(), if contents.certificates.len() == 1 { "" } else { "s" }, contents.crls.len(), if contents.crls.len() == 1 { "" } else { "s" }),
        "PKCS#7 (.p7b, .p7c) is a container, typically used by Windows and Java tools to carry a certificate chain. Its certificates are analysed below in the order the file lists them; web servers need them as PEM, leaf first (openssl pkcs7 -print_certs -in file.p7b).",
        format!("block {}", at.block),
        lint::references::RFC5652,
        "",
    )
}

fn pkcs12_found(at: crate::Location) -> Finding {
    lint::finding(
        "input.pkcs12",
        Severity::Info,
        "A PKCS#12 (.pfx/.p12) bundle was found",
        "PKCS#12 bundles hold a private key with its certificates, usually encrypted with a password. certscope recognises the bundle but does not open it yet: convert it with openssl pkcs12 -in file.pfx -nokeys to see the certificates here (keep the key out of what you paste).",
        format!("block {}", at.block),
        lint::references::RFC5958,
        "",
    )
}

fn private_key(key: &crate::KeyReport, report: &Report) -> Finding {
    let at = key.location;
    let mut matches: Vec<String> = key
        .matches_certificates
        .iter()
        .filter_map(|i| {
            report.certificates.get(*i).map(|c| {
                format!(
                    "certificate {} ({})",
                    i.saturating_add(1),
                    c.subject.display
                )
            })
        })
        .collect();
    matches.extend(
        key.matches_requests
            .iter()
            .map(|i| format!("signing request {}", i.saturating_add(1))),
    );
    let relation = match (&key.public_key, matches.is_empty()) {
        (None, _) => format!(" Its public key could not be derived: {}.", key.note.as_deref().unwrap_or("unknown format")),
        (Some(_), false) => format!(" It is the key of {}.", matches.join(" and ")),
        (Some(_), true) if !report.certificates.is_empty() || !report.requests.is_empty() => {
            " It matches none of the pasted certificates or requests — a server configured with this key and one of those certificates fails to start (\"key values mismatch\").".to_owned()
        }
        (Some(_), true) => String::new(),
    };
    let mismatch = key.public_key.is_some()
        && matches.is_empty()
        && (!report.certificates.is_empty() || !report.requests.is_empty());
    lint::finding(
        if mismatch { "input.private-key-mismatch" } else { "input.private-key" },
        Severity::Warning,
        if mismatch { "A pasted private key matches no pasted certificate" } else { "A private key was pasted" },
        format!(
            "Block {} is a private key ({}{}). certscope never sends, stores or shows it; \
             it stays in this page, and only its public half is used.{relation} But a private key must stay secret: do not paste it into \
             tools you do not control, chat, tickets or e-mail. If it has been shared, replace \
             the key and have the certificate re-issued.",
            at.block,
            key.format,
            key.public_key.as_ref().map(|p| format!(", {p}")).unwrap_or_default(),
        ),
        format!("{} at {at}", key.format),
        lint::RFC7468,
        "Remove the key from what you share; if it was exposed, generate a new key and revoke \
         the certificate that uses the old one.",
    )
}
