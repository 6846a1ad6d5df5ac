//! Findings about the input as a whole: what a container held, a pasted private key, a
//! public key that matches nothing, and public-CA rules as notes under a private root.

use crate::{input, lint, Finding, Report, Severity};

/// Rules that bind only publicly trusted CAs (CA/Browser Forum, Mozilla, Chrome) become notes
/// for privately issued certificates: those that chain to a root the user supplied, those
/// whose chain ends at a pasted root that is not in the trust store, and those whose chain
/// reaches no root and that carry no CA/Browser Forum policy OID (every publicly trusted TLS
/// certificate asserts one: BR §7.1.6.1). A private CA need not follow these rules, and "7
/// problems to fix" on an internal certificate would mislead. The last two kinds also get
/// `chain.private-ca`, which says how to supply the root; they are judged only when
/// `public_store` (Mozilla's roots are trusted): with no trust store, or only the user's
/// roots, every chain ends outside it and the rules stay as they are, as zlint reports them.
pub(super) fn private_ca_notes(report: &mut Report, public_store: bool) {
    let mut notes: Vec<(usize, &'static str)> = Vec::new();
    let mut unsupplied: Vec<(usize, String)> = Vec::new();
    for (n, c) in report.chains.iter().enumerate() {
        let user_root = c.browser.trusted
            && c.browser
                .anchor
                .as_ref()
                .is_some_and(|a| a.source == crate::AnchorSource::User);
        if user_root {
            notes.extend(
                c.browser
                    .path
                    .iter()
                    .filter_map(|l| l.certificate)
                    .map(|i| (i, SUPPLIED)),
            );
        } else if public_store && !c.browser.trusted && c.browser.anchor.is_none() {
            let untrusted_root = c
                .browser
                .problem
                .as_ref()
                .filter(|p| p.code == "untrusted-root")
                .and_then(|p| report.certificates.get(p.certificate?));
            let evidence = match untrusted_root {
                Some(root) => format!(
                    "the chain ends at {}, which is not in the trust store",
                    root.subject.display
                ),
                None if report
                    .certificates
                    .get(c.leaf)
                    .is_some_and(|l| !public_policy(l)) =>
                {
                    "no CA/Browser Forum policy (2.23.140.1.*) and no root found".to_owned()
                }
                None => continue,
            };
            unsupplied.push((n, evidence));
            notes.extend(
                c.browser
                    .path
                    .iter()
                    .filter_map(|l| l.certificate)
                    .map(|i| (i, UNSUPPLIED)),
            );
        }
    }
    for (i, why) in notes {
        let Some(cert) = report.certificates.get_mut(i) else {
            continue;
        };
        let why = *cert.public_rules_note.get_or_insert(why);
        lint::as_notes(&mut cert.findings, why);
    }
    for (n, evidence) in unsupplied {
        if let Some(chain) = report.chains.get_mut(n) {
            chain.findings.push(private_ca_unsupplied(evidence));
            chain.findings.sort_by_key(|f| f.severity);
        }
    }
}

const SUPPLIED: &str = " This rule binds publicly trusted CAs; this certificate chains to a root you supplied, so it is shown as a note.";
const UNSUPPLIED: &str = " This rule binds publicly trusted CAs; this certificate looks privately issued (see the chain's note), so it is shown as a note.";

/// Whether a certificate asserts a CA/Browser Forum reserved policy (2.23.140.1.*).
fn public_policy(c: &crate::CertificateReport) -> bool {
    c.extensions.iter().any(|e| match &e.value {
        crate::ExtensionValue::CertificatePolicies { policies } => {
            policies.iter().any(|p| p.oid.starts_with("2.23.140.1."))
        }
        _ => false,
    })
}

fn private_ca_unsupplied(evidence: String) -> Finding {
    lint::finding(
        "chain.private-ca",
        Severity::Info,
        "This certificate looks privately issued: supply your root to check the chain",
        "Its chain ends at a root that is not in the trust store, or reaches no root while the certificate carries none of the CA/Browser Forum policy OIDs that every publicly trusted TLS certificate asserts. That is normal for an internal CA (a company PKI, a service mesh, a development CA), so the rules that bind public CAs are shown as notes, not problems. Browsers and other clients will trust it only where that root is installed. To have certscope check the chain as your clients do, give it your organisation's root (on the page: Trust store, your own roots; command line: --roots root.pem; JavaScript: the roots option).",
        evidence,
        lint::references::BR_RESERVED_POLICIES,
        "Supply the root your clients trust (and the intermediates, in the server's chain).",
    )
}

pub(super) fn pkcs7_found(contents: &input::pkcs7::Contents, at: crate::Location) -> Finding {
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

pub(super) fn pkcs12_found(p12: &crate::Pkcs12Report) -> Finding {
    let locked = p12.contents.iter().filter(|b| b.note.is_some()).count();
    let (severity, title, text) = match p12.password {
        crate::PasswordState::Wrong => (Severity::Warning, "The password does not open this PKCS#12 bundle", "The bundle's integrity check (MAC) fails with the password given, so it is the wrong password (or the file is damaged). Nothing inside was decrypted.".to_owned()),
        crate::PasswordState::NoneGiven if locked > 0 => (Severity::Info, "A PKCS#12 (.pfx/.p12) bundle: type its password to open it", format!("PKCS#12 bundles hold a private key with its certificates, encrypted with a password. {locked} part(s) are encrypted; give the password (it stays in this page, and is never put in a link or stored) to see the certificates and which key they go with.")),
        _ if locked > 0 => (Severity::Warning, "Parts of this PKCS#12 bundle could not be opened", format!("See each part's note for why. Re-exporting the bundle with AES usually helps ({}).", crate::pkcs12::REEXPORT)),
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

/// A bundle encrypted with RFC 7292's own schemes: obsolete, and weak at 40 bits.
pub(super) fn pkcs12_legacy(p12: &crate::Pkcs12Report) -> Option<Finding> {
    let schemes = crate::pkcs12::legacy_schemes(p12);
    if schemes.is_empty() {
        return None;
    }
    let weak = schemes.iter().any(|s| s.contains("40Bit"));
    Some(lint::finding(
        "input.pkcs12-legacy-encryption",
        Severity::Warning,
        "This PKCS#12 bundle uses obsolete encryption",
        format!(
            "Its parts are encrypted with {}: the PKCS#12 schemes of 1999, still the default of \
             OpenSSL 1.1 and of older Windows and Java exports.{} OpenSSL 3 reads them only with \
             its legacy provider (openssl pkcs12 -legacy), and newer systems refuse them. \
             certscope can open them; re-export the bundle with AES so that it stays readable \
             and protected.",
            schemes.join(" and "),
            if weak {
                " 40-bit RC2 and RC4 keys can be found by brute force, so those parts (usually the certificates) are hardly protected."
            } else {
                ""
            },
        ),
        format!("block {}: {}", p12.location.block, schemes.join(", ")),
        lint::references::RFC7292,
        "openssl pkcs12 -legacy -in old.p12 -nodes -out all.pem, then openssl pkcs12 -export \
         -in all.pem -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256 -out new.p12 \
         (all.pem holds the private key unencrypted: delete it afterwards).",
    ))
}

/// A pasted public key that belongs to none of the pasted certificates or requests.
pub(super) fn public_key_mismatch(key: &crate::KeyReport, report: &Report) -> Option<Finding> {
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

pub(super) fn private_key(key: &crate::KeyReport, report: &Report) -> Finding {
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

/// Where the pasted blocks came from, when a tool's layout explains their order: a HashiCorp
/// Vault `pki/issue` response, `aws acm get-certificate` output, a Kubernetes TLS Secret. The
/// chain findings describe the paste; this says what they mean for that source and which
/// fields to deploy (RFC 8446 §4.4.2: the leaf first, then the certificates that certify it).
pub(super) fn source_layout(text: &str, report: &Report) -> Option<Finding> {
    let (source, layout, deploy) = if text.contains("\"issuing_ca\"")
        && text.contains("\"certificate\"")
    {
        (
            "a HashiCorp Vault pki/issue (or pki/sign) response",
            "Vault puts the leaf in `certificate`, its CA in `issuing_ca` and the CA chain in `ca_chain`, which repeats that CA. In file order the chain comes before the leaf and the CA appears twice: Vault's layout, not a server fault.",
            "Deploy `certificate` followed by the `ca_chain` entries, without a self-signed root: vault write -format=json pki/issue/ROLE common_name=… | jq -r '.data.certificate, .data.ca_chain[]' > fullchain.pem",
        )
    } else if text.contains("\"CertificateChain\"") && text.contains("\"Certificate\"") {
        (
            "`aws acm get-certificate` output",
            "ACM returns the leaf in `Certificate` and its issuers in `CertificateChain`.",
            "Servers outside AWS need both, leaf first: aws acm get-certificate --certificate-arn ARN | jq -r '.Certificate, .CertificateChain' > fullchain.pem",
        )
    } else if text.contains("tls.crt") && text.contains("kind: Secret") {
        (
            "a Kubernetes TLS Secret",
            "Ingress controllers serve `tls.crt` as it is: the leaf, then its intermediates. `ca.crt` is for verifying clients and is not sent.",
            "Rebuild the Secret from the full chain: kubectl create secret tls NAME --cert=fullchain.pem --key=privkey.pem",
        )
    } else {
        return None;
    };
    let order = report
        .chains
        .iter()
        .flat_map(|c| c.findings.iter())
        .any(|f| {
            matches!(
                f.id,
                "chain.wrong-order" | "chain.duplicate" | "chain.root-sent"
            )
        });
    Some(lint::finding(
        "input.source-layout",
        Severity::Info,
        format!("These certificates come from {source}"),
        format!(
            "{layout}{}",
            if order {
                " The chain's order and duplicate findings describe the paste as given."
            } else {
                ""
            }
        ),
        source,
        lint::references::RFC8446_CHAIN,
        deploy,
    ))
}
