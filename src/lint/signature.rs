//! Signature algorithms: SHA-1 and MD5 are broken; a self-issued certificate should verify
//! under its own key.

use super::{finding, references as refs};
use crate::cert::{CertificateReport, Role};
use crate::{Finding, Severity};

pub(super) fn check(cert: &CertificateReport, out: &mut Vec<Finding>) {
    let alg = &cert.signature_algorithm.name;
    let weak = ["MD2", "MD5", "SHA-1"]
        .into_iter()
        .find(|h| alg.contains(h));
    if let Some(hash) = weak {
        if cert.role == Role::Root {
            // A trust anchor's own signature is never checked by verifiers: it is trusted
            // because it is in the store, not because of its signature.
            out.push(finding(
                "cert.weak-self-signature",
                Severity::Info,
                format!("Root signed with {hash} (harmless for a root)"),
                format!(
                    "This root certificate signs itself with {alg}. Clients trust a root \
                     because it is in their trust store, never because of its own signature, \
                     so this does not weaken anything."
                ),
                alg.clone(),
                refs::RFC5280_SIGNATURE,
                "",
            ));
        } else {
            out.push(finding(
                "cert.weak-signature",
                Severity::Error,
                format!("Signed with {hash}, which is broken"),
                format!(
                    "This certificate's signature uses {alg}. Collisions for {hash} can be \
                     computed, so a forger could obtain a different certificate with the same \
                     signature. Browsers reject {hash}-signed certificates."
                ),
                alg.clone(),
                refs::BR_SIGNATURE,
                "Have the CA re-issue the certificate with a SHA-256 based signature.",
            ));
        }
    }
    if let Some(why) = &cert.self_signature_error {
        let unsupported = why.contains("not supported") || why.contains("cannot be used");
        out.push(finding(
            "cert.self-signature-unverified",
            if unsupported {
                Severity::Info
            } else {
                Severity::Warning
            },
            if unsupported {
                "Self-signature could not be checked"
            } else {
                "Subject equals issuer, but the certificate does not verify under its own key"
            },
            if unsupported {
                format!(
                    "The issuer and subject names are identical, so this looks self-signed, \
                     but certscope cannot check its signature: {why}."
                )
            } else {
                format!(
                    "The issuer and subject names are identical, so this looks self-signed, but \
                     checking its signature with its own public key failed: {why}. It is either \
                     issued by a different CA that uses the same name, or damaged."
                )
            },
            format!("issuer = subject = {}", cert.subject.display),
            refs::RFC5280_SIGNATURE,
            "",
        ));
    }
}
