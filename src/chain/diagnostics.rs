//! What the certificates given say about how a server is configured: the chain a server
//! should send is its leaf, then each intermediate up to (not including) the root
//! ([RFC 8446 §4.4.2]: "the sender's certificate MUST come in the first CertificateEntry";
//! each following certificate SHOULD directly certify the one preceding it).
//!
//! [RFC 8446 §4.4.2]: https://www.rfc-editor.org/rfc/rfc8446#section-4.4.2

use super::cert::ChainCert;
use super::trust_store::Anchor;
use super::Verdict;
use crate::lint::{finding, RFC8446_CHAIN};
use crate::{Finding, Severity};

pub(super) fn findings(
    pool: &[ChainCert],
    leaf: usize,
    browser: &Verdict,
    anchors: &[&Anchor],
) -> Vec<Finding> {
    let mut out = Vec::new();
    let pasted: Vec<&ChainCert> = pool.iter().filter(|c| c.index.is_some()).collect();

    if let Some(problem) = &browser.problem {
        if problem.code == "unknown-issuer" {
            let missing = pool.iter().find(|c| c.index == problem.certificate);
            let issuer =
                missing.map(|c| crate::cert::name_display(c.cert.tbs_certificate().issuer()));
            let url = missing.and_then(ChainCert::ca_issuers_url);
            out.push(finding(
                "chain.missing-intermediate",
                Severity::Error,
                "An intermediate certificate is missing",
                format!(
                    "The chain stops at a certificate whose issuer{} was not sent and is not a \
                     trusted root. Browsers that have not seen that intermediate before (and \
                     most other clients: curl, Java, Android apps) will refuse the connection \
                     with \"unable to get local issuer certificate\" or similar.",
                    issuer
                        .as_deref()
                        .map(|i| format!(" ({i})"))
                        .unwrap_or_default()
                ),
                match &url {
                    Some(u) => {
                        format!("issuer's certificate is published at {u} (from AIA caIssuers)")
                    }
                    None => problem.message.clone(),
                },
                RFC8446_CHAIN,
                "Configure the server to send the full chain: your certificate followed by the \
                 intermediate(s) your CA gave you (for example nginx `ssl_certificate` pointing \
                 at fullchain.pem, not cert.pem).",
            ));
        }
        if problem.code == "untrusted-root" {
            out.push(finding(
                "chain.untrusted-root",
                Severity::Error,
                "The chain ends at a root that is not trusted",
                "The last certificate is a self-signed root that is not in Mozilla's trust \
                 store. That is normal for a private or corporate CA, but browsers will only \
                 trust it on machines where that root was installed by hand.",
                problem.message.clone(),
                RFC8446_CHAIN,
                "For a public site, use a certificate from a publicly trusted CA; for an internal \
                 one, distribute the root to the clients (or check with certscope using your root \
                 as a custom trust store).",
            ));
        }
    }

    // Order: the certificates of this chain should appear leaf first, each followed by its
    // issuer. Unrelated certificates pasted alongside (other leaves) do not count.
    let chain_order: Vec<usize> = browser.path.iter().filter_map(|l| l.certificate).collect();
    let in_input_order = chain_order.windows(2).all(|w| matches!(w, [a, b] if a < b));
    if chain_order.len() > 1 && !in_input_order {
        out.push(finding(
            "chain.wrong-order",
            Severity::Warning,
            "Certificates are not in chain order",
            "A server should send its own certificate first, then the certificate that issued \
             it, and so on up. Browsers usually cope with another order, but some clients \
             (older Java, embedded devices) fail.",
            format!("given in the order {}", chain_order.iter().map(|i| format!("[{}]", i.saturating_add(1))).collect::<Vec<_>>().join(", ")),
            RFC8446_CHAIN,
            "Concatenate the files in order: leaf, then intermediates (issuer of the previous one each time).",
        ));
    }

    let on_path: Vec<Option<usize>> = browser.path.iter().map(|l| l.certificate).collect();
    if browser.trusted {
        for c in &pasted {
            let in_store = anchors
                .iter()
                .any(|a| a.subject == c.subject && a.spki == c.spki);
            if c.self_issued() && in_store {
                out.push(finding(
                    "chain.root-sent",
                    Severity::Info,
                    "The root certificate is included",
                    "Clients already have the root in their trust store, so sending it only \
                     adds bytes to every handshake. It does no harm otherwise.",
                    c.subject_display(),
                    RFC8446_CHAIN,
                    "Leave the root out of the chain file.",
                ));
            } else if c.is_ca() && !on_path.contains(&c.index) {
                out.push(finding(
                    "chain.extra-certificate",
                    Severity::Warning,
                    "A certificate is not part of the chain",
                    "This certificate was given but is not needed to link the server's \
                     certificate to a trusted root. Servers that send unrelated certificates \
                     confuse some clients and waste bytes.",
                    c.subject_display(),
                    RFC8446_CHAIN,
                    "Remove it from the chain file (an old intermediate, or a cross-signed one no longer needed).",
                ));
            }
        }
    }

    for (i, c) in pasted.iter().enumerate() {
        if pasted.iter().take(i).any(|p| p.der == c.der) {
            out.push(finding(
                "chain.duplicate",
                Severity::Warning,
                "The same certificate appears twice",
                "Sending a certificate twice is harmless to browsers but a sign of a mistake in \
                 the chain file.",
                c.subject_display(),
                RFC8446_CHAIN,
                "Remove the duplicate.",
            ));
        }
    }

    // The same CA (name and key) given twice with different issuers: a cross-sign.
    for (i, c) in pasted.iter().enumerate() {
        let twin = pasted.iter().skip(i.saturating_add(1)).find(|o| {
            o.subject == c.subject && o.spki == c.spki && o.issuer != c.issuer && o.der != c.der
        });
        if let (Some(twin), true) = (twin, c.is_ca()) {
            out.push(finding(
                "chain.cross-signed",
                Severity::Info,
                "A cross-signed intermediate offers two paths",
                "The same CA (same name and key) appears twice, issued by two different CAs. That \
                 is a cross-sign: it lets older clients that only trust the other root build a \
                 path. Browsers pick whichever path validates; certscope does the same, and the \
                 path shown is the one it chose.",
                format!(
                    "{} issued by {} and by {}",
                    c.subject_display(),
                    crate::cert::name_display(c.cert.tbs_certificate().issuer()),
                    crate::cert::name_display(twin.cert.tbs_certificate().issuer())
                ),
                RFC8446_CHAIN,
                "Nothing, if the chain is trusted; drop the cross-sign once clients no longer need the old root.",
            ));
        }
    }

    if pool.get(leaf).is_some_and(ChainCert::is_ca) {
        out.push(finding(
            "chain.leaf-is-ca",
            Severity::Warning,
            "The chain's first certificate is a CA certificate",
            "The certificate at the bottom of this chain has basicConstraints cA=true. If it is \
             the server's own certificate, browsers accept it, but the Baseline Requirements \
             forbid it and strict clients reject it: a server certificate should not be able to \
             issue certificates. If you pasted an intermediate on its own, its chain is \
             explained here as if it were the server's.",
            pool.get(leaf)
                .map(ChainCert::subject_display)
                .unwrap_or_default(),
            RFC8446_CHAIN,
            "Re-issue the server certificate with cA=false.",
        ));
    }
    out
}
