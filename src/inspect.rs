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
    pub(crate) password: Secret,
}

/// A password that never shows in `Debug` output.
#[derive(Clone, Default, PartialEq, Eq)]
pub(crate) struct Secret(Option<String>);

impl core::fmt::Debug for Secret {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Secret(***)"
        } else {
            "Secret(None)"
        })
    }
}

impl Options {
    /// Judge validity at `unix_seconds`, for any host, against Mozilla's roots.
    pub fn at(unix_seconds: u64) -> Self {
        Options {
            at: unix_seconds,
            chain: ChainOptions::default(),
            password: Secret::default(),
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

    /// Open PKCS#12 bundles with this password. It is used for nothing else and never
    /// appears in the report.
    pub fn password(mut self, password: impl Into<String>) -> Self {
        let p = password.into();
        self.password = Secret((!p.is_empty()).then_some(p));
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
        pkcs12: Vec::new(),
        connections: Vec::new(),
        http: Vec::new(),
        findings: Vec::new(),
        errors: Vec::new(),
        pending: Vec::new(),
    };
    let mut pool: Vec<ChainCert> = Vec::new();
    let mut crl_blocks: Vec<(Vec<u8>, crate::Location)> = Vec::new();
    let mut key_blocks: Vec<crate::KeyReport> = Vec::new();
    for block in blocks {
        let mut block = match block {
            Ok(b) => b,
            Err(problem) => {
                report.errors.push(*problem);
                continue;
            }
        };
        let mut kind = block.kind;
        if let BlockKind::Certificate { .. } = kind {
            match cert::report(&block.der, block.location, options.at) {
                Ok(parsed) => {
                    let index = report.certificates.len();
                    pool.extend(ChainCert::new(parsed.cert, &parsed.der, Some(index)));
                    report.certificates.push(parsed.report);
                    continue;
                }
                Err(e) => match input::retype(core::mem::take(&mut block.der), e) {
                    Ok(retyped) => (kind, block.der) = retyped,
                    Err(e) => {
                        report.errors.push(Problem::new(block.location, e));
                        continue;
                    }
                },
            }
        }
        match kind {
            BlockKind::Certificate { .. } => {}
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
            BlockKind::Pkcs12 => {
                match crate::pkcs12::open(&block.der, options.password.0.as_deref(), block.location)
                {
                    Ok((mut p12, opened)) => {
                        for (bag, der) in opened.certificates {
                            let before = report.certificates.len();
                            add_certificate(
                                &mut report,
                                &mut pool,
                                &der,
                                block.location,
                                options.at,
                            );
                            if let Some(b) = p12
                                .contents
                                .get_mut(bag)
                                .filter(|_| report.certificates.len() > before)
                            {
                                b.certificate = Some(before);
                            }
                        }
                        for (bag, der) in opened.keys {
                            if let Some(b) = p12.contents.get_mut(bag) {
                                b.key = Some(key_blocks.len());
                            }
                            key_blocks.push(crate::key::report(
                                "PRIVATE KEY",
                                &der,
                                None,
                                block.location,
                            ));
                            drop(der);
                        }
                        report.findings.push(pkcs12_found(&p12));
                        report.pkcs12.push(p12);
                    }
                    Err(e) => report.errors.push(Problem::new(block.location, e)),
                }
            }
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
            BlockKind::PublicKey { label } => key_blocks.push(crate::key::public_report(
                &label,
                &block.der,
                block.location,
            )),
            BlockKind::Other { label } => report.errors.push(Problem::new(
                block.location,
                Error::UnsupportedBlock { label },
            )),
        }
    }
    // One chain per end-entity certificate (the first few, for pasted bundles). Without one,
    // the first CA certificate that issued none of the others is explained as the chain's end.
    let issuers: std::collections::HashSet<&[u8]> = pool
        .iter()
        .filter(|o| !o.self_issued())
        .map(|o| o.issuer.as_slice())
        .collect();
    let issues_another = |c: &ChainCert| issuers.contains(c.subject.as_slice());
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
    if crate::signature::available() {
        report.chains = chain::analyse(&pool, &leaves, &chain_options, options.at);
        private_ca_notes(&mut report);
    }
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
        if key.private {
            report.findings.push(private_key(&key, &report));
        } else if let Some(f) = public_key_mismatch(&key, &report) {
            report.findings.push(f);
        }
        report.keys.push(key);
    }
    if let Ok(text) = core::str::from_utf8(input) {
        #[cfg(feature = "http")]
        {
            let cert_ok = report.chains.first().map(|c| c.browser.trusted);
            let (http, problems) = headers::analyse(text, cert_ok);
            add_http(&mut report, http, problems);
        }
        #[cfg(not(feature = "http"))]
        if headers::present(text) {
            report.pending.push(crate::Capability::Http);
        }
    }
    if report.certificates.is_empty()
        && report.errors.is_empty()
        && report.findings.is_empty()
        && report.http.is_empty()
        && report.requests.is_empty()
        && report.connections.is_empty()
        && report.crls.is_empty()
        && report.keys.is_empty()
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
    let signed = !report.certificates.is_empty()
        || !report.requests.is_empty()
        || !report.crls.is_empty()
        || report.keys.iter().any(|k| k.private && k.public_key.is_none());
    if signed && !crate::signature::available() {
        report.pending.push(crate::Capability::Verify);
    }
    if options.password.0.is_some() && !report.pkcs12.is_empty() && !crate::pkcs12::available() {
        report.pending.push(crate::Capability::Pkcs12);
    }
    report.pending.sort();
    Ok(report)
}

/// Adds the header analysis of a paste to its report. The WebAssembly page does the same in
/// JavaScript (`www/lib/engine.js`) with the http module's result.
#[cfg(feature = "http")]
fn add_http(
    report: &mut Report,
    http: Vec<crate::HttpReport>,
    problems: Vec<headers::message::LineProblem>,
) {
    if !http.is_empty() {
        // Header text is not a failed certificate paste.
        report.errors.retain(|p| p.code != "nothing-recognised");
    }
    report.errors.extend(problems.into_iter().map(headers::message::LineProblem::problem));
    report.http = http;
}

/// Rules that bind only publicly trusted CAs (CA/Browser Forum, Mozilla, Chrome) become notes
/// for certificates that chain to a root the user supplied: a private CA need not follow them,
/// and "7 problems to fix" on a healthy internal chain would mislead.
fn private_ca_notes(report: &mut Report) {
    let private: Vec<usize> = report
        .chains
        .iter()
        .filter(|c| {
            c.browser.trusted
                && c.browser
                    .anchor
                    .as_ref()
                    .is_some_and(|a| a.source == crate::AnchorSource::User)
        })
        .flat_map(|c| c.browser.path.iter().filter_map(|l| l.certificate))
        .collect();
    for i in private {
        let Some(cert) = report.certificates.get_mut(i) else {
            continue;
        };
        for f in &mut cert.findings {
            let public_only = ["CA/B Forum", "Mozilla Root Store", "Chrome CT"]
                .iter()
                .any(|p| f.reference.label.starts_with(p));
            if public_only && f.severity != Severity::Info && !f.id.starts_with("cert.") {
                f.severity = Severity::Info;
                f.explanation.push_str(" This rule binds publicly trusted CAs; this certificate chains to a root you supplied, so it is shown as a note.");
            }
        }
        cert.findings.sort_by_key(|f| f.severity);
    }
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

fn pkcs12_found(p12: &crate::Pkcs12Report) -> Finding {
    let locked = p12.contents.iter().filter(|b| b.note.is_some()).count();
    let (severity, title, text) = match p12.password {
        "wrong" => (Severity::Warning, "The password does not open this PKCS#12 bundle", "The bundle's integrity check (MAC) fails with the password given, so it is the wrong password (or the file is damaged). Nothing inside was decrypted.".to_owned()),
        "none given" if locked > 0 => (Severity::Info, "A PKCS#12 (.pfx/.p12) bundle: type its password to open it", format!("PKCS#12 bundles hold a private key with its certificates, encrypted with a password. {locked} part(s) are encrypted; give the password (it stays in this page, and is never put in a link or stored) to see the certificates and which key they go with.")),
        _ if locked > 0 => (Severity::Warning, "Parts of this PKCS#12 bundle could not be opened", "See each part's note: legacy encryption (3DES, RC2, RC4) is named but not decrypted; re-export the bundle with AES (openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC).".to_owned()),
        _ => (Severity::Info, "A PKCS#12 (.pfx/.p12) bundle was opened", "Its certificates are analysed below; its private key is described by its public half only.".to_owned()),
    };
    lint::finding(
        "input.pkcs12",
        severity,
        title,
        text,
        format!(
            "block {}: {} part(s){}",
            p12.location.block,
            p12.contents.len(),
            p12.mac
                .as_ref()
                .map(|m| format!(", MAC {m}"))
                .unwrap_or_default()
        ),
        lint::references::RFC7292,
        "",
    )
}

/// A pasted public key that belongs to none of the pasted certificates or requests.
fn public_key_mismatch(key: &crate::KeyReport, report: &Report) -> Option<Finding> {
    let pasted = report
        .certificates
        .len()
        .saturating_add(report.requests.len());
    if key.public_key.is_none()
        || pasted == 0
        || !key.matches_certificates.is_empty()
        || !key.matches_requests.is_empty()
    {
        return None;
    }
    Some(lint::finding(
        "input.public-key-mismatch",
        Severity::Warning,
        "A pasted public key belongs to no pasted certificate",
        format!(
            "Block {} is a public key ({}, {}) that is the key of none of the {pasted} pasted \
             certificates or requests: its SPKI SHA-256 ({}) appears in none of them. A pin \
             or a key comparison made with it would not match this server.",
            key.location.block,
            key.format,
            key.public_key.as_deref().unwrap_or_default(),
            key.spki_sha256.as_deref().unwrap_or_default(),
        ),
        format!("{} at {}", key.format, key.location),
        lint::RFC7468,
        "Compare against the public key of the certificate actually served \
         (openssl x509 -in cert.pem -pubkey -noout).",
    ))
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
