//! The entry point: from pasted text or dropped bytes to a [`Report`].

mod alt_signature;
#[cfg(feature = "ct")]
mod ct;
mod findings;
mod report;

pub use report::{Capability, Report};

use findings::{
    pkcs12_found, pkcs12_legacy, pkcs7_found, private_ca_notes, private_key, public_key_mismatch,
    source_layout,
};

use crate::chain::{self, ChainCert, ChainOptions, Roots, Usage};
use crate::input::{self, BlockKind};
use crate::{headers, lint, time, Error, Problem};

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
    pub(crate) lints: Lints,
}

/// Which lint rules judge each certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lints {
    /// The core's rules, and the S/MIME and Code Signing Baseline Requirements for
    /// certificates of those kinds: what `<certscope-view>` runs unless asked for more.
    Core,
    /// Every rule: also the deeper RFC 5280 and community checks of zlint's catalogue, which
    /// in WebAssembly the profiles module carries.
    #[default]
    All,
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
            lints: Lints::All,
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

    /// Also validate each chain with the `rfc5280` profile: RFC 5280 §6.1 as written, with
    /// certificate policy processing under these inputs (`PolicyOptions::default()`: any
    /// policy, none required). The result is [`ChainReport::rfc5280`](crate::ChainReport::rfc5280).
    pub fn rfc5280(mut self, policy: crate::PolicyOptions) -> Self {
        self.chain.policy = Some(policy);
        self
    }

    /// Judge each certificate by these lint rules (default: [`Lints::All`]).
    pub fn lints(mut self, lints: Lints) -> Self {
        self.lints = lints;
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
    if crate::capture::sniff(input).is_some() {
        return Ok(capture(input, options));
    }
    let kind = crate::documents::sniff(input);
    let document = kind.is_some_and(crate::documents::Kind::is_document);
    let blocks = crate::documents::split(input, kind)?;
    let mut report = empty(input, options);
    // Without the reader linked in, the document's description is still to come: on the web,
    // engine.js adds it from the documents module (whose certificates the core already took,
    // once it is loaded); natively without the feature, nothing reads it.
    #[cfg(not(feature = "documents"))]
    if matches!(
        kind,
        Some(crate::documents::Kind::Xml | crate::documents::Kind::Jwk)
    ) {
        report.pending.push(crate::Capability::Documents);
    }
    let blocks = blocks.unwrap_or_default();
    let block_count = blocks.len();
    let mut pool: Vec<ChainCert> = Vec::new();
    let mut crl_blocks: Vec<(Vec<u8>, crate::Location)> = Vec::new();
    let mut ocsp_blocks: Vec<(Vec<u8>, crate::Location)> = Vec::new();
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
            match lint::report(&block.der, block.location, options.at) {
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
            BlockKind::Ocsp => ocsp_blocks.push((block.der, block.location)),
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
                        report.findings.extend(pkcs12_legacy(&p12));
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
    if document {
        for c in &mut report.certificates {
            c.findings
                .retain(|f| crate::documents::applies_to_document_certificates(f.id));
        }
    }
    alt_signature::add(&mut report.certificates, &pool);
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
    // SAML trusts the key its metadata names, not a CA path: no chain verdict for its
    // certificates (a JWK's x5c is a chain, and gets one).
    if kind == Some(crate::documents::Kind::Xml) {
        leaves.clear();
    } else if leaves.is_empty() {
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
        // "Not in the trust store" says something only when the public roots are in it.
        let public_store = matches!(
            chain_options.roots,
            crate::Roots::Mozilla
                | crate::Roots::Custom {
                    with_mozilla: true,
                    ..
                }
        );
        private_ca_notes(&mut report, public_store);
        let layout = core::str::from_utf8(input)
            .ok()
            .and_then(|text| source_layout(text, &report));
        report.findings.extend(layout);
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
            Ok(mut r) => {
                lint_crl(&mut r, der, options.lints, &report.certificates);
                crls.push(r);
            }
            Err(e) => report.errors.push(Problem::new(*at, e)),
        }
    }
    report.crls = crls;
    // OCSP responses pasted as OpenSSL prints them; the ocsp module reads their text.
    if let Ok(text) = core::str::from_utf8(input) {
        for (k, (body, line, offset)) in input::ocsp_text::find(text).into_iter().enumerate() {
            let location = crate::Location {
                block: block_count.saturating_add(k).saturating_add(1),
                line: Some(line),
                byte_offset: offset,
            };
            ocsp_blocks.push((body.as_bytes().to_vec(), location));
        }
    }
    #[cfg(feature = "ocsp")]
    {
        let pasted: Vec<(usize, &x509_cert::Certificate)> = pool
            .iter()
            .filter_map(|c| Some((c.index?, &c.cert)))
            .collect();
        for (der, at) in &ocsp_blocks {
            match crate::ocsp::read(der, *at, &pasted, options.at) {
                Ok(crate::ocsp::Read::Response(r)) => report.ocsp.push(*r),
                Ok(crate::ocsp::Read::Request(r)) => report.ocsp_requests.push(r),
                Err(e) => report.errors.push(Problem::new(*at, e)),
            }
        }
        crate::ocsp::apply_to_chains(&mut report.chains, &report.ocsp);
    }
    // CT after OCSP: a response may carry SCTs for the certificate.
    #[cfg(feature = "ct")]
    ct::add(&mut report, options.at, input);
    // The chain file each chain should use, made on the verdicts as OCSP answers left them
    // (a revoked certificate gets none), as `engine.js` does after `addOcsp`.
    #[cfg(feature = "verify")]
    {
        let fixes: Vec<_> = report
            .chains
            .iter()
            .map(|c| crate::fix::fix(&crate::fix::input(&report.certificates, c)))
            .collect();
        for (chain, fix) in report.chains.iter_mut().zip(fixes) {
            chain.fix = fix;
        }
    }
    #[cfg(not(feature = "ocsp"))]
    if !ocsp_blocks.is_empty() {
        use base64ct::Encoding;
        report.pending.push(crate::Capability::Ocsp);
        report.ocsp_input = ocsp_blocks
            .iter()
            .map(|(der, location)| report::UnreadBlock {
                location: *location,
                der: base64ct::Base64::encode_string(der),
            })
            .collect();
    }
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
            #[cfg(feature = "html")]
            let html = crate::html::read(text);
            #[cfg(not(feature = "html"))]
            let html = crate::html::HtmlFacts::default();
            let (http, problems) = headers::analyse(text, cert_ok, &html);
            add_http(&mut report, http, problems);
        }
        #[cfg(not(feature = "http"))]
        if headers::present(text) || crate::html::present(text) {
            report.pending.push(crate::Capability::Http);
        }
        #[cfg(not(feature = "html"))]
        if crate::html::present(text) {
            report.pending.push(crate::Capability::Html);
        }
        #[cfg(feature = "dns")]
        {
            let certs = dns_certificates(&report);
            report.dns.extend(crate::dns::analyse(text, &certs));
            if !report.dns.is_empty() {
                report.errors.retain(|p| p.code != "nothing-recognised");
            }
        }
        #[cfg(not(feature = "dns"))]
        if crate::dns::present(text) {
            report.pending.push(crate::Capability::Dns);
        }
    }
    #[cfg(any(feature = "documents", feature = "ssh"))]
    if document {
        add_document(&mut report, crate::documents::read(input, options.at));
    }
    #[cfg(not(feature = "ssh"))]
    if kind == Some(crate::documents::Kind::Ssh) {
        report.pending.push(crate::Capability::Ssh);
    }
    #[cfg(feature = "dns")]
    let dns = !report.dns.is_empty();
    #[cfg(not(feature = "dns"))]
    let dns = report.pending.contains(&crate::Capability::Dns);
    if report.certificates.is_empty()
        && !dns
        && !document
        && report.errors.is_empty()
        && report.findings.is_empty()
        && report.http.is_empty()
        && report.requests.is_empty()
        && report.connections.is_empty()
        && report.crls.is_empty()
        && ocsp_blocks.is_empty()
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
        || !ocsp_blocks.is_empty()
        || report
            .keys
            .iter()
            .any(|k| k.private && k.public_key.is_none());
    if signed && !crate::signature::available() {
        report.pending.push(crate::Capability::Verify);
    }
    if ml_dsa_signed(&report) && !crate::signature::pqc_available() {
        report.pending.push(crate::Capability::Pqc);
    }
    if options.password.0.is_some() && !report.pkcs12.is_empty() && !crate::pkcs12::available() {
        report.pending.push(crate::Capability::Pkcs12);
    }
    // CRLs given for the chains need the revocation module.
    if !chain_options.crls.is_empty()
        && !report.certificates.is_empty()
        && !crate::chain::revocation_available()
    {
        report.pending.push(crate::Capability::Revocation);
    }
    // The rfc5280 verdict of a chain signed with DSA needs the dsa module.
    let dsa = report
        .certificates
        .iter()
        .any(|c| crate::signature::is_dsa_signature(&c.signature_algorithm.oid));
    if chain_options.policy.is_some() && dsa && !crate::signature::dsa_available() {
        report.pending.push(crate::Capability::Dsa);
    }
    lint_beyond_core(&mut report, options.lints, document);
    // A wildcard certificate checked against a host needs the Public Suffix List.
    let wildcard = chain_options.host.is_some()
        && report.chains.iter().any(|c| {
            report
                .certificates
                .get(c.leaf)
                .is_some_and(|cert| cert.names.iter().any(|n| n.starts_with("*.")))
        });
    if wildcard {
        if crate::psl::lookup("com").is_ok() {
            report.public_suffix_list = Some(crate::PUBLIC_SUFFIX_LIST);
        } else {
            report.pending.push(crate::Capability::Psl);
        }
    }
    report.pending.sort();
    Ok(report)
}

/// A report with nothing in it yet.
fn empty(input: &[u8], options: &Options) -> Report {
    Report {
        evaluated_at: time::rfc3339(options.at),
        input_bytes: input.len(),
        certificates: Vec::new(),
        chains: Vec::new(),
        requests: Vec::new(),
        crls: Vec::new(),
        keys: Vec::new(),
        pkcs12: Vec::new(),
        connections: Vec::new(),
        #[cfg(feature = "capture")]
        captures: Vec::new(),
        #[cfg(feature = "ocsp")]
        ocsp: Vec::new(),
        #[cfg(feature = "ocsp")]
        ocsp_requests: Vec::new(),
        #[cfg(not(feature = "ocsp"))]
        ocsp_input: Vec::new(),
        http: Vec::new(),
        #[cfg(feature = "dns")]
        dns: Vec::new(),
        #[cfg(any(feature = "documents", feature = "ssh"))]
        document: None,
        findings: Vec::new(),
        errors: Vec::new(),
        public_suffix_list: None,
        pending: Vec::new(),
    }
}

/// A packet capture or TLS bytes: the capture module reads the connections, and the
/// certificates a TLS 1.2 server sent in the clear are inspected as if pasted, for the host
/// the client asked for. The WebAssembly page does the same in `engine.js`.
#[cfg(feature = "capture")]
fn capture(input: &[u8], options: &Options) -> Report {
    let read = match crate::capture::read(input) {
        Ok(read) => read,
        Err(problem) => {
            let mut report = empty(input, options);
            report.errors.push(*problem);
            return report;
        }
    };
    let mut options = options.clone();
    if options.chain.host.is_none() {
        options.chain.host.clone_from(&read.host);
    }
    let mut report =
        inspect(read.pem.as_bytes(), &options).unwrap_or_else(|_| empty(input, &options));
    report.errors.retain(|p| p.code != "nothing-recognised");
    report.input_bytes = input.len();
    add_capture(&mut report, read);
    // SCTs sent in a handshake count for the certificate it served.
    #[cfg(feature = "ct")]
    if ct::capture_has_scts(&report) {
        ct::add(&mut report, options.at, input);
    }
    report
}

/// Adds a capture's connections and description to the report of its certificates.
#[cfg(feature = "capture")]
fn add_capture(report: &mut Report, read: crate::Capture) {
    let offset = report.connections.len();
    report.connections.extend(read.connections);
    report.errors.extend(read.errors);
    let mut capture = read.capture;
    for c in &mut capture.connections {
        c.connection = c.connection.saturating_add(offset);
    }
    report.captures.push(capture);
}

/// Without the capture module the capture is left for it (`pending`).
#[cfg(not(feature = "capture"))]
fn capture(input: &[u8], options: &Options) -> Report {
    let mut report = empty(input, options);
    report.pending.push(crate::Capability::Capture);
    report
}

/// Whether something in the report needs the pqc module: signed with a post-quantum algorithm
/// (the second signature of a hybrid certificate too), or certifying such a key (that may have
/// signed another input).
fn ml_dsa_signed(report: &Report) -> bool {
    let ml_dsa = crate::signature::post_quantum;
    report.certificates.iter().any(|c| {
        ml_dsa(&c.signature_algorithm.oid)
            || ml_dsa(&c.public_key.oid)
            || c.alt_signature.as_ref().is_some_and(|a| ml_dsa(&a.oid))
    }) || report
        .requests
        .iter()
        .any(|r| ml_dsa(&r.signature_algorithm.oid))
        || report
            .crls
            .iter()
            .any(|c| ml_dsa(&c.signature_algorithm.oid))
        || report
            .keys
            .iter()
            .any(|k| k.note.as_deref() == Some(crate::signature::PQC_NOT_LOADED))
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
    report.errors.extend(
        problems
            .into_iter()
            .map(headers::message::LineProblem::problem),
    );
    report.http = http;
}

/// What the DNS analysis needs of the pasted certificates: the first chain's path (end
/// certificate first), else every certificate in input order. `engine.js` builds the same list
/// from the report for the dns module (`analyseDns`).
#[cfg(feature = "dns")]
fn dns_certificates(report: &Report) -> Vec<crate::DnsCertificate> {
    let order: Vec<usize> = match report.chains.first() {
        Some(chain) => chain
            .browser
            .path
            .iter()
            .filter_map(|l| l.certificate)
            .collect(),
        None => (0..report.certificates.len()).collect(),
    };
    order
        .into_iter()
        .filter_map(|i| report.certificates.get(i).map(|c| (i, c)))
        .map(|(index, c)| {
            use base64::Engine as _;
            let body: String = c.pem.lines().filter(|l| !l.starts_with("-----")).collect();
            let pin = base64::engine::general_purpose::STANDARD
                .decode(&c.fingerprints.spki_sha256)
                .unwrap_or_default();
            crate::DnsCertificate {
                der: base64::engine::general_purpose::STANDARD
                    .decode(body)
                    .unwrap_or_default(),
                sha256: c.fingerprints.sha256.replace(':', "").to_ascii_lowercase(),
                spki_sha256: crate::hex::plain(&pin),
                names: c.names.clone(),
                issuer: c
                    .issuer
                    .organization
                    .clone()
                    .or_else(|| c.issuer.common_name.clone())
                    .unwrap_or_default(),
                ca: c.is_ca() == Some(true),
                index,
            }
        })
        .collect()
}

/// Adds a document's description to its report. The WebAssembly page does the same in
/// JavaScript (`www/lib/engine.js`) with the documents module's result.
#[cfg(any(feature = "documents", feature = "ssh"))]
fn add_document(report: &mut Report, document: Option<crate::Document>) {
    if let Some(document) = document {
        report.errors.extend(document.errors().iter().cloned());
        report.document = Some(document);
    }
}

fn add_certificate(
    report: &mut Report,
    pool: &mut Vec<ChainCert>,
    der: &[u8],
    at: crate::Location,
    now: u64,
) {
    match lint::report(der, at, now) {
        Ok(parsed) => {
            let index = report.certificates.len();
            pool.extend(ChainCert::new(parsed.cert, &parsed.der, Some(index)));
            report.certificates.push(parsed.report);
        }
        Err(e) => report.errors.push(Problem::new(at, e)),
    }
}

/// Lints each certificate by the profiles module's rules (natively; in WebAssembly the module
/// is `pending` and engine.js does the same): the S/MIME and Code Signing BR for certificates
/// of those kinds, and with [`Lints::All`] the deeper catalogue for every certificate. This
/// runs once the core's findings are final (after the private-CA notes), so both add the same
/// findings in the same order.
#[cfg_attr(not(feature = "profiles"), allow(unused_variables))]
fn lint_beyond_core(report: &mut Report, lints: Lints, document: bool) {
    let profiled = |c: &crate::CertificateReport| {
        c.profiles.iter().any(|p| {
            matches!(
                p,
                crate::lint::LintProfile::Smime | crate::lint::LintProfile::CodeSigning
            )
        })
    };
    let deep = lints == Lints::All;
    #[cfg(not(feature = "profiles"))]
    if report.certificates.iter().any(|c| deep || profiled(c))
        || report.crls.iter().any(|c| c.lint_input.is_some())
    {
        report.pending.push(crate::Capability::Profiles);
    }
    #[cfg(feature = "profiles")]
    for c in report
        .certificates
        .iter_mut()
        .filter(|c| deep || profiled(c))
    {
        let Some(der) = crate::input::pem_body(&c.pem) else {
            continue;
        };
        let existing: Vec<&str> = c.findings.iter().map(|f| f.id).collect();
        if let Ok(added) = crate::lint::module_findings(
            &der,
            c.self_signed,
            deep,
            c.public_rules_note,
            &existing,
            document,
        ) {
            added.apply(&mut c.findings);
        }
    }
}

/// Added to the Baseline Requirements' rules on a CRL whose issuer is not pasted.
const ISSUER_UNKNOWN: &str = " This rule binds publicly trusted CAs; the CRL's issuer certificate is not in the paste, so certscope cannot tell whether it is one and shows it as a note (paste the issuing CA's certificate with the CRL for a verdict).";

/// Lints the CRL `r` read from `der` by the profiles module's CRL rules when `lints` asks for
/// all of them: here when the module is built in, else by leaving [`crate::CrlReport::lint_input`]
/// for `engine.js`.
fn lint_crl(
    r: &mut crate::CrlReport,
    der: &[u8],
    lints: Lints,
    certs: &[crate::CertificateReport],
) {
    if lints != Lints::All {
        return;
    }
    let signer = r.signed_by.and_then(|i| certs.get(i));
    let issuer_is_root = signer.is_some_and(|c| c.self_signed);
    // The Baseline Requirements bind publicly trusted CAs only: their rules keep their level
    // when the CRL's issuer is pasted and not found private, as on certificates.
    let note = match signer {
        Some(c) => c.public_rules_note,
        None => Some(ISSUER_UNKNOWN),
    };
    #[cfg(feature = "profiles")]
    if let Ok(found) = crate::lint::crl::findings(der, issuer_is_root, note) {
        r.findings.extend(found);
        r.findings.sort_by_key(|f| f.severity);
    }
    #[cfg(not(feature = "profiles"))]
    {
        use base64ct::Encoding;
        r.lint_input = Some(crate::CrlLintInput {
            der: base64ct::Base64::encode_string(der),
            issuer_is_root,
            note,
        });
    }
}
