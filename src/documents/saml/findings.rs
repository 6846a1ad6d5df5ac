//! What a SAML admin is told about a document: expired metadata, signing keys expired,
//! expiring without a successor or being rolled over, endpoints without TLS, and what
//! certscope did not check.

use super::super::text::{self, CertFacts};
use super::{SamlCertificate, SamlReport};
use crate::lint::finding;
use crate::{Finding, Reference, Severity};

/// A signing certificate expiring sooner than this (days) without a successor is a warning.
const EXPIRING_DAYS: u64 = 30;

const METADATA: Reference = Reference {
    label: "SAML 2.0 Metadata §2.4.1.1 (KeyDescriptor)",
    url: "https://docs.oasis-open.org/security/saml/v2.0/saml-metadata-2.0-os.pdf",
};
const METADATA_IOP: Reference = Reference {
    label: "SAML V2.0 Metadata Interoperability Profile §2.5",
    url: "https://docs.oasis-open.org/security/saml/Post2.0/sstc-metadata-iop-os.html",
};
const XMLDSIG: Reference = Reference {
    label: "XML Signature Syntax and Processing 1.1",
    url: "https://www.w3.org/TR/xmldsig-core1/",
};

/// The document's findings: expired metadata, signing keys expired, expiring without a
/// successor or being rolled over, endpoints without TLS, what was not checked.
pub(super) fn check(
    report: &mut SamlReport,
    facts: &[Option<CertFacts>],
    at: u64,
    doctype: Option<crate::Location>,
) {
    let mut out = Vec::new();
    for entity in &report.entities {
        let until = entity.valid_until.as_deref();
        if let Some(until) = until.filter(|u| crate::time::parse_rfc3339(u).is_ok_and(|t| t < at)) {
            out.push(finding(
                "saml.metadata-expired",
                Severity::Error,
                format!("The metadata of {} expired", entity.entity_id),
                format!(
                    "Its validUntil is {until}. Relying parties that honour it (Shibboleth, \
                     SimpleSAMLphp, most federation software) refuse expired metadata, so logins \
                     with {} fail until fresh metadata is published and fetched.",
                    entity.entity_id
                ),
                format!("validUntil=\"{until}\""),
                METADATA,
                "Publish the metadata again with a later validUntil (or none), signed if it was \
                 signed, and have partners refresh it.",
            ));
        }
        for endpoint in entity.roles.iter().flat_map(|r| r.endpoints.iter()) {
            if endpoint.location.starts_with("http://") {
                out.push(finding(
                    "saml.endpoint-not-https",
                    Severity::Warning,
                    format!("{} is served over plain HTTP", endpoint.service),
                    format!(
                        "{} sends SAML messages, which carry who the user is and may carry the \
                         session, to {} without TLS: anyone on the path can read or replay them.",
                        endpoint.service, endpoint.location
                    ),
                    format!("{} Location=\"{}\"", endpoint.service, endpoint.location),
                    METADATA,
                    "Serve the endpoint over HTTPS and update its Location in the metadata.",
                ));
            }
        }
    }
    signing_findings(report, facts, at, &mut out);
    if report.signed {
        out.push(finding(
            "saml.signature-not-verified",
            Severity::Info,
            "The XML signature is shown, not checked",
            "The document carries a <ds:Signature>. certscope shows the certificate it names, but \
             does not verify XML signatures: that needs XML canonicalisation, which it does not \
             implement. Your SAML software checks it against the key it already trusts, not \
             against the certificate inside the message.",
            "<ds:Signature> present",
            XMLDSIG,
            "To check it yourself: xmlsec1 --verify --pubkey-cert-pem signer.pem --id-attr:ID \
             EntityDescriptor metadata.xml",
        ));
    }
    if let Some(at) = doctype {
        out.push(finding(
            "saml.doctype",
            Severity::Warning,
            "The document has a DOCTYPE",
            "A DTD in SAML is how XML external entity (XXE) and entity-expansion attacks \
             arrive, and SAML libraries reject documents that carry one. certscope did not \
             process it: entities it declares were not expanded.",
            format!("<!DOCTYPE …> on line {}", at.line.unwrap_or(1)),
            XMLDSIG,
            "Remove the DOCTYPE declaration.",
        ));
    }
    out.sort_by_key(|f| f.severity);
    report.findings = out;
}

/// Per entity role: its signing certificates, expired, expiring alone, or rolled over.
fn signing_findings(
    report: &SamlReport,
    facts: &[Option<CertFacts>],
    at: u64,
    out: &mut Vec<Finding>,
) {
    for (index, entity) in report.entities.iter().enumerate() {
        for role in ["IdP", "SP"] {
            if !entity.roles.iter().any(|r| r.role == role) {
                continue;
            }
            let prefix = format!("{role} ");
            let signing: Vec<(&SamlCertificate, &CertFacts)> = report
                .certificates
                .iter()
                .zip(facts)
                .filter(|(c, _)| {
                    c.entity == Some(index)
                        && c.role.starts_with(&prefix)
                        && c.usage != "encryption"
                })
                .filter_map(|(c, f)| f.as_ref().map(|f| (c, f)))
                .collect();
            let who = &entity.entity_id;
            if signing.is_empty() {
                if role == "IdP" {
                    out.push(finding(
                        "saml.idp-no-signing-key",
                        Severity::Warning,
                        format!("The IdP {who} publishes no signing certificate"),
                        "Service providers check the IdP's responses and assertions against the \
                         signing key in its metadata. With none, they cannot trust anything it \
                         sends unless the key is configured by hand.",
                        format!("{who}: no KeyDescriptor with use=\"signing\" or without use"),
                        METADATA,
                        "Add a <md:KeyDescriptor use=\"signing\"> with the IdP's certificate.",
                    ));
                }
                continue;
            }
            let latest = signing.iter().map(|(_, f)| f.not_after).max().unwrap_or(0);
            let list = signing
                .iter()
                .map(|(c, f)| {
                    format!(
                        "{} (block {}, expires {})",
                        f.subject,
                        c.location.block,
                        crate::time::rfc3339(f.not_after)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            if latest < at {
                out.push(finding(
                    "saml.signing-certificate-expired",
                    Severity::Warning,
                    format!("The {role} signing certificate of {who} has expired"),
                    format!(
                        "Every {role} signing certificate expired, the latest {}. Many SAML \
                         products use the certificate only to carry the key and ignore its \
                         dates, as the Metadata Interoperability profile allows; others (ADFS, \
                         some SaaS SPs and Java stacks) reject an expired one, and logins then \
                         fail with a signature or trust error.",
                        text::days_from(at, latest)
                    ),
                    list,
                    METADATA_IOP,
                    "Generate a new signing certificate, publish it beside the old one, let \
                     partners refresh the metadata, then switch signing to it.",
                ));
            } else if signing.len() == 1 && latest.saturating_sub(at) < EXPIRING_DAYS * 86_400 {
                out.push(finding(
                    "saml.signing-certificate-expiring",
                    Severity::Warning,
                    format!("The {role} signing certificate of {who} expires {} with no successor published", text::days_from(at, latest)),
                    "There is one signing certificate and no rollover certificate beside it. \
                     Partners that pin the certificate or check its dates need the new one in \
                     the metadata before the switch, or logins break on the day.",
                    list,
                    METADATA_IOP,
                    "Publish the next signing certificate now as a second <md:KeyDescriptor \
                     use=\"signing\">; switch signing once partners have refreshed.",
                ));
            } else if signing.len() > 1 {
                out.push(finding(
                    "saml.signing-rollover",
                    Severity::Info,
                    format!(
                        "{who} publishes {} {role} signing certificates (a rollover)",
                        signing.len()
                    ),
                    "Partners that read this metadata accept a signature by any of them, so \
                     signing can move to the new key without breaking logins. Once it has, and \
                     partners have refreshed, remove the old certificate.",
                    list,
                    METADATA,
                    "",
                ));
            }
        }
    }
}
