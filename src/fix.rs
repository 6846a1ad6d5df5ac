//! The chain file a server should use, rebuilt from what was pasted: the leaf first, then
//! each certificate that issued the one before it, up to but not including the root
//! ([RFC 8446 §4.4.2]; TLS 1.2: [RFC 5246 §7.4.2]). When an intermediate was not pasted, where
//! to get it and why only some clients fail without it.
//!
//! The input is what a [`ChainReport`] and the report's certificates say, in a form the
//! verify WebAssembly module can be handed from JavaScript (`engine.js` builds the same
//! [`FixInput`] from the report's JSON as [`input`] does here).
//!
//! [RFC 8446 §4.4.2]: https://www.rfc-editor.org/rfc/rfc8446#section-4.4.2
//! [RFC 5246 §7.4.2]: https://www.rfc-editor.org/rfc/rfc5246#section-7.4.2

use serde::Serialize;

use crate::{CertificateReport, ChainReport, Role};

/// One certificate of the input, as the fix needs it.
#[derive(Debug, Clone, Default)]
pub struct Given {
    /// Its PEM (the report's, so equal certificates have equal PEM).
    pub pem: String,
    /// A short name: the common name, else the whole subject.
    pub name: String,
}

/// One link of the browser path.
#[derive(Debug, Clone, Copy, Default)]
pub struct Step {
    /// Index into [`FixInput::certificates`]; none for a root from the trust store.
    pub certificate: Option<usize>,
    /// Whether this link is the root.
    pub root: bool,
}

/// What the fix is computed from.
#[derive(Debug, Clone, Default)]
pub struct FixInput {
    /// Every certificate given, in input order.
    pub certificates: Vec<Given>,
    /// The browser verdict's path, leaf first.
    pub path: Vec<Step>,
    /// Whether the browser verdict trusted it.
    pub trusted: bool,
    /// The browser verdict's problem code, when not trusted.
    pub problem: Option<String>,
    /// For `unknown-issuer`: the name of the issuer that was not given.
    pub missing_issuer: Option<String>,
    /// For `unknown-issuer`: where that issuer's certificate is published (AIA caIssuers).
    pub missing_url: Option<String>,
}

/// The corrected chain files and how to use them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChainFix {
    /// Whether the files reach a root (and can be used as they are); false when an
    /// intermediate is missing.
    pub complete: bool,
    /// Whether the root they reach is trusted (Mozilla's, or one the user supplied).
    pub trusted: bool,
    /// `fullchain.pem`: the leaf, then each intermediate, without the root.
    pub fullchain: String,
    /// `chain.pem`: the intermediates alone, for servers that take the leaf apart.
    pub chain: String,
    /// What was changed from the input, in words; empty when it was already right.
    pub changes: Vec<String>,
    /// Something to know before using the files.
    pub note: Option<String>,
    /// The configuration lines that use the files, per server.
    pub servers: Vec<ServerLines>,
    /// The intermediate that is missing, when one is.
    pub missing: Option<MissingIntermediate>,
}

/// How one server is told to use the files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServerLines {
    /// The server, e.g. "nginx".
    pub server: &'static str,
    /// The lines to put in its configuration.
    pub lines: &'static str,
}

/// An intermediate that was neither pasted nor in the trust store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingIntermediate {
    /// Its name (the issuer of the last certificate that was given).
    pub issuer: String,
    /// Where its CA publishes it (AIA caIssuers of the certificate it issued).
    pub url: Option<String>,
    /// Shell commands that fetch it, convert it to PEM and build the full chain.
    pub commands: Vec<String>,
    /// Why some clients work without it and others fail.
    pub explanation: &'static str,
}

/// Why the same server works in a browser and fails elsewhere.
pub const WHY_CLIENTS_DIFFER: &str = "Browsers often hide a missing intermediate. Chrome, \
    Edge and Safari download it from the URL printed in the certificate (AIA fetching); \
    Firefox ships the public intermediates with the browser (intermediate preloading); and \
    every browser remembers intermediates it saw on other sites. So the site works there. \
    curl, wget, OpenSSL, Python (requests, urllib), Node.js, Go, Java and most Android apps \
    use only what the server sends, and fail: \"unable to get local issuer certificate\" \
    (curl, OpenSSL, Python), \"unable to verify the first certificate\" (Node.js), \"PKIX path \
    building failed\" (Java), \"certificate signed by unknown authority\" (Go). A fresh browser \
    profile can fail too. The fix is on the server: send the intermediate.";

/// nginx, Apache, Caddy and HAProxy lines for `fullchain.pem` and `chain.pem`.
const SERVERS: [ServerLines; 5] = [
    ServerLines {
        server: "nginx",
        lines: "ssl_certificate     /etc/ssl/fullchain.pem;\nssl_certificate_key /etc/ssl/privkey.pem;",
    },
    ServerLines {
        server: "Apache 2.4.8 or later",
        lines: "SSLCertificateFile    /etc/ssl/fullchain.pem\nSSLCertificateKeyFile /etc/ssl/privkey.pem",
    },
    ServerLines {
        server: "Apache before 2.4.8",
        lines: "SSLCertificateFile      /etc/ssl/cert.pem\nSSLCertificateChainFile /etc/ssl/chain.pem\nSSLCertificateKeyFile   /etc/ssl/privkey.pem",
    },
    ServerLines {
        server: "Caddy",
        lines: "tls /etc/ssl/fullchain.pem /etc/ssl/privkey.pem",
    },
    ServerLines {
        server: "HAProxy",
        lines: "# one file: cat fullchain.pem privkey.pem > /etc/haproxy/site.pem\nbind :443 ssl crt /etc/haproxy/site.pem",
    },
];

/// The fix for one chain, or none when reordering cannot help (the chain fails for another
/// reason: expiry, name, signature) or there is nothing to order.
pub fn fix(input: &FixInput) -> Option<ChainFix> {
    let problem = input.problem.as_deref();
    let issuer_missing = problem == Some("unknown-issuer");
    let fixable = input.trusted || issuer_missing || problem == Some("untrusted-root");
    if !fixable {
        return None;
    }
    // The certificates a server sends: every link but the root, all of which were given.
    let mut kept: Vec<usize> = Vec::new();
    for step in input.path.iter().filter(|s| !s.root) {
        kept.push(step.certificate?);
    }
    let leaf = *kept.first()?;
    let root = input
        .path
        .iter()
        .find(|s| s.root)
        .and_then(|s| s.certificate);
    let name = |i: usize| {
        input
            .certificates
            .get(i)
            .map_or("?", |c| c.name.as_str())
            .to_owned()
    };
    let pem = |list: &[usize]| -> String {
        list.iter()
            .filter_map(|&i| input.certificates.get(i))
            .map(|c| c.pem.trim_end().to_owned() + "\n")
            .collect()
    };

    let mut changes = Vec::new();
    let mut first_seen: Vec<usize> = Vec::new();
    for (i, c) in input.certificates.iter().enumerate() {
        let earlier = input
            .certificates
            .iter()
            .take(i)
            .position(|o| o.pem == c.pem);
        if earlier.is_some() {
            changes.push(format!("removed a second copy of {}", c.name));
        } else if Some(i) == root {
            changes.push(format!(
                "removed the root {}: clients already have it, and it is not sent",
                c.name
            ));
        } else if kept.contains(&i) {
            first_seen.push(i);
        } else {
            changes.push(format!("left out {}: it is not part of this chain", c.name));
        }
    }
    if first_seen != kept {
        // Said as a person would fix it: the leaf to the top first, then each issuer after
        // the certificate it issued.
        if first_seen.first() != Some(&leaf) {
            changes.push(format!(
                "moved the server's certificate {} to the top",
                name(leaf)
            ));
            first_seen.retain(|&i| i != leaf);
            first_seen.insert(0, leaf);
        }
        for pair in kept.windows(2) {
            if let [below, above] = *pair {
                let at = first_seen.iter().position(|&i| i == above);
                let before = at
                    .and_then(|p| p.checked_sub(1))
                    .and_then(|p| first_seen.get(p));
                if before != Some(&below) {
                    changes.push(format!(
                        "moved {} right after {}, the certificate it issued",
                        name(above),
                        name(below)
                    ));
                    first_seen.retain(|&i| i != above);
                    let to = first_seen
                        .iter()
                        .position(|&i| i == below)
                        .map_or(first_seen.len(), |p| p.saturating_add(1));
                    first_seen.insert(to, above);
                }
            }
        }
    }

    let note = if issuer_missing {
        None
    } else if !input.trusted {
        Some(
            "The chain ends at a root that is not in the trust store checked, so certscope \
             cannot confirm clients will trust it. For a private CA, supply its root (Trust: \
             your roots) to check the files against it."
                .to_owned(),
        )
    } else if kept.len() == 1 {
        Some(
            "The certificate is issued directly by a trusted root: the chain file holds it \
             alone, and chain.pem is empty."
                .to_owned(),
        )
    } else {
        None
    };
    let missing = issuer_missing.then(|| {
        let issuer = input
            .missing_issuer
            .clone()
            .unwrap_or_else(|| "its issuer".to_owned());
        MissingIntermediate {
            commands: fetch_commands(input.missing_url.as_deref()),
            issuer,
            url: input.missing_url.clone(),
            explanation: WHY_CLIENTS_DIFFER,
        }
    });
    Some(ChainFix {
        complete: missing.is_none(),
        trusted: input.trusted,
        chain: pem(kept.get(1..).unwrap_or_default()),
        fullchain: pem(&kept),
        changes,
        note,
        servers: SERVERS.to_vec(),
        missing,
    })
}

/// Fetch, convert and append: the CA's file is DER (`.crt`, `.cer`) or a PKCS#7 bundle
/// (`.p7c`, `.p7b`) at the AIA caIssuers URL ([RFC 5280 §4.2.2.1]).
///
/// [RFC 5280 §4.2.2.1]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.2.1
fn fetch_commands(url: Option<&str>) -> Vec<String> {
    let Some(url) = url else {
        return vec![
            "# The certificate names no download URL: get the intermediate (\"CA bundle\", \
             \"full chain\") from your CA's site or the place you got the certificate."
                .to_owned(),
            "cat cert.pem intermediate.pem > fullchain.pem".to_owned(),
        ];
    };
    // Single quotes keep the shell from reading anything in the URL; a quote in it is closed,
    // escaped and reopened.
    let quoted = format!("'{}'", url.replace('\'', r"'\''"));
    let lower = url.to_ascii_lowercase();
    let convert = if lower.ends_with(".p7c") || lower.ends_with(".p7b") {
        "openssl pkcs7 -inform DER -in intermediate.crt -print_certs -out intermediate.pem"
    } else {
        "openssl x509 -inform DER -in intermediate.crt -out intermediate.pem"
    };
    vec![
        format!("curl -fsSL -o intermediate.crt {quoted}"),
        convert.to_owned(),
        "cat cert.pem intermediate.pem > fullchain.pem".to_owned(),
    ]
}

/// What the fix of `chain` is computed from, read from the report (`engine.js` reads the same
/// from the report's JSON).
pub(crate) fn input(certificates: &[CertificateReport], chain: &ChainReport) -> FixInput {
    let verdict = &chain.browser;
    let problem = verdict.problem.as_ref();
    let failed = problem
        .and_then(|p| p.certificate)
        .and_then(|i| certificates.get(i));
    let missing = problem.is_some_and(|p| p.code == "unknown-issuer");
    FixInput {
        certificates: certificates
            .iter()
            .map(|c| Given {
                pem: c.pem.clone(),
                name: c
                    .subject
                    .common_name
                    .clone()
                    .unwrap_or_else(|| c.subject.display.clone()),
            })
            .collect(),
        path: verdict
            .path
            .iter()
            .map(|l| Step {
                certificate: l.certificate,
                root: l.kind == Role::Root,
            })
            .collect(),
        trusted: verdict.trusted,
        problem: problem.map(|p| p.code.to_owned()),
        missing_issuer: failed.filter(|_| missing).map(|c| c.issuer.display.clone()),
        missing_url: failed.filter(|_| missing).and_then(ca_issuers),
    }
}

/// The first caIssuers URL of a certificate's Authority Information Access.
fn ca_issuers(c: &CertificateReport) -> Option<String> {
    let aia = c.extensions.iter().find(|e| e.oid == "1.3.6.1.5.5.7.1.1")?;
    match &aia.value {
        crate::ExtensionValue::InfoAccess { entries } => entries
            .iter()
            .find(|a| a.method == "caIssuers")
            .map(|a| a.location.value.clone()),
        _ => None,
    }
}
