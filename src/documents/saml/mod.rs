//! SAML metadata ([SAML 2.0 Metadata] `EntityDescriptor`), SAML messages and other XML
//! signatures: every `<ds:X509Certificate>` ([XML-DSig §4.5.4]) with the role it plays (the
//! IdP's signing key, an SP's encryption key, the key a response was signed with), the
//! entities and their endpoints, and what a SAML admin needs to know: which certificate signs,
//! when it expires, and whether a rollover certificate is published beside it.
//!
//! Read with `quick-xml`, which never expands DTD entities (no "billion laughs", no external
//! entities); nesting deeper than [`MAX_DEPTH`] and documents past the bounds are refused
//! with the place they were found.
//!
//! [SAML 2.0 Metadata]: https://docs.oasis-open.org/security/saml/v2.0/saml-metadata-2.0-os.pdf
//! [XML-DSig §4.5.4]: https://www.w3.org/TR/xmldsig-core1/#sec-X509Data

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Serialize;

mod findings;

use super::text::{self, CertFacts};
use super::Embedded;
use crate::{Error, Finding, Problem};

/// The deepest element nesting read.
pub const MAX_DEPTH: usize = 256;
/// The most entities read from an `EntitiesDescriptor` (federation metadata has thousands).
pub const MAX_ENTITIES: usize = 5_000;
/// The most endpoints listed per role.
pub const MAX_ENDPOINTS: usize = 100;
/// What an XML document with certificates holds.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SamlReport {
    /// The root element's local name: `EntityDescriptor`, `EntitiesDescriptor`, `Response`, …
    pub root: String,
    /// The document in plain words: "SAML metadata for 1 entity", "a SAML response".
    pub description: String,
    /// `Issuer` of a SAML message.
    pub issuer: Option<String>,
    /// `Destination` of a SAML message.
    pub destination: Option<String>,
    /// Entities described (metadata), in document order.
    pub entities: Vec<SamlEntity>,
    /// Entities past [`MAX_ENTITIES`], counted and not read.
    pub entities_skipped: usize,
    /// Every `<ds:X509Certificate>`, in document order (the same order, and locations, as
    /// the report's certificates).
    pub certificates: Vec<SamlCertificate>,
    /// Whether the document carries an XML signature (`<ds:Signature>`); certscope names its
    /// certificate but does not check the signature.
    pub signed: bool,
    /// Findings about the document.
    pub findings: Vec<Finding>,
    /// Where the XML could not be read.
    pub errors: Vec<Problem>,
}

/// One `EntityDescriptor`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SamlEntity {
    /// `entityID`.
    pub entity_id: String,
    /// `validUntil`: relying parties stop using the metadata after it.
    pub valid_until: Option<String>,
    /// `cacheDuration`, an xs:duration such as `PT12H`.
    pub cache_duration: Option<String>,
    /// The roles it plays (IdP, SP, …).
    pub roles: Vec<SamlRole>,
}

/// One role descriptor (`IDPSSODescriptor`, `SPSSODescriptor`, …).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SamlRole {
    /// "IdP", "SP", "attribute authority", …
    pub role: String,
    /// The element's local name.
    pub element: String,
    /// `WantAuthnRequestsSigned` (IdP) or `AuthnRequestsSigned` (SP), as written.
    pub requests_signed: Option<String>,
    /// `WantAssertionsSigned` (SP), as written.
    pub want_assertions_signed: Option<String>,
    /// Services with a `Binding` and `Location` (single sign-on, logout, assertion consumer).
    pub endpoints: Vec<SamlEndpoint>,
    /// `NameIDFormat`s offered.
    pub name_id_formats: Vec<String>,
}

/// One endpoint of a role.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SamlEndpoint {
    /// The element's local name, e.g. `SingleSignOnService`.
    pub service: String,
    /// The binding's last part, e.g. `HTTP-Redirect`.
    pub binding: String,
    /// `Location`.
    pub location: String,
    /// `index` of an indexed endpoint (assertion consumer services).
    pub index: Option<String>,
}

/// One `<ds:X509Certificate>` and the role it plays.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SamlCertificate {
    /// Where its base64 starts (block numbers are those of the report's certificates).
    pub location: crate::Location,
    /// The role in plain words: "IdP signing", "SP encryption", "response signature".
    pub role: String,
    /// `signing`, `encryption`, `signing and encryption` (a KeyDescriptor without `use`) or
    /// `signature` (the certificate of a `<ds:Signature>`).
    pub usage: String,
    /// Index in [`SamlReport::entities`] of the entity whose key it is.
    pub entity: Option<usize>,
    /// The subject's common name.
    pub subject: Option<String>,
    /// notAfter, RFC 3339.
    pub not_after: Option<String>,
    /// Whether it had expired at the evaluation time.
    pub expired: Option<bool>,
}

/// The certificates in the XML `text`, for the core.
pub(crate) fn certificates(text: &str) -> Vec<Embedded> {
    let mut out = Vec::new();
    walk(text, &mut |event| {
        if let Found::Certificate { der, location, .. } = event {
            out.push(Embedded { location, der });
        }
    });
    out
}

/// The whole description of the XML `text`, certificate dates judged at `at`.
pub(crate) fn read(text: &str, at: u64) -> SamlReport {
    let mut report = SamlReport {
        root: String::new(),
        description: String::new(),
        issuer: None,
        destination: None,
        entities: Vec::new(),
        entities_skipped: 0,
        certificates: Vec::new(),
        signed: false,
        findings: Vec::new(),
        errors: Vec::new(),
    };
    let mut facts: Vec<Option<CertFacts>> = Vec::new();
    let mut doctype = None;
    walk(text, &mut |event| match event {
        Found::Root { name, destination } => {
            report.root = name;
            report.destination = destination;
        }
        Found::Issuer(issuer) => {
            report.issuer.get_or_insert(issuer);
        }
        Found::Entity(entity) => {
            if report.entities.len() < MAX_ENTITIES {
                report.entities.push(entity);
            } else {
                report.entities_skipped = report.entities_skipped.saturating_add(1);
            }
        }
        Found::Role(role) => {
            if let Some(entity) = report.entities.last_mut() {
                entity.roles.push(role);
            }
        }
        Found::Endpoint(endpoint) => {
            let role = report.entities.last_mut().and_then(|e| e.roles.last_mut());
            if let Some(role) = role.filter(|r| r.endpoints.len() < MAX_ENDPOINTS) {
                role.endpoints.push(endpoint);
            }
        }
        Found::NameIdFormat(format) => {
            let role = report.entities.last_mut().and_then(|e| e.roles.last_mut());
            if let Some(role) = role.filter(|r| r.name_id_formats.len() < MAX_ENDPOINTS) {
                role.name_id_formats.push(format);
            }
        }
        Found::Certificate {
            der,
            location,
            role,
            usage,
            in_entity,
        } => {
            if report.certificates.len() >= super::MAX_DOCUMENT_CERTIFICATES {
                return;
            }
            let cert = text::cert_facts(&der);
            let mut location = location;
            location.block = report.certificates.len().saturating_add(1);
            report.certificates.push(SamlCertificate {
                location,
                role,
                usage,
                entity: in_entity
                    .then(|| report.entities.len().checked_sub(1))
                    .flatten(),
                subject: cert.as_ref().map(|c| c.subject.clone()),
                not_after: cert.as_ref().map(|c| crate::time::rfc3339(c.not_after)),
                expired: cert.as_ref().map(|c| c.not_after < at),
            });
            facts.push(cert);
        }
        Found::Signature => report.signed = true,
        Found::Doctype(at) => doctype = Some(at),
        Found::Problem(problem) => report.errors.push(problem),
    });
    report.description = describe(&report);
    findings::check(&mut report, &facts, at, doctype);
    report
}

/// What the walk over the XML reports, in document order.
enum Found {
    Root {
        name: String,
        destination: Option<String>,
    },
    Issuer(String),
    Entity(SamlEntity),
    Role(SamlRole),
    Endpoint(SamlEndpoint),
    NameIdFormat(String),
    Certificate {
        der: Vec<u8>,
        location: crate::Location,
        role: String,
        usage: String,
        /// Inside an EntityDescriptor (so [`SamlCertificate::entity`] is the last one seen).
        in_entity: bool,
    },
    Signature,
    Doctype(crate::Location),
    Problem(Problem),
}

/// The roles of SAML metadata, by element.
fn role_name(element: &str) -> Option<&'static str> {
    Some(match element {
        "IDPSSODescriptor" => "IdP",
        "SPSSODescriptor" => "SP",
        "AttributeAuthorityDescriptor" => "attribute authority",
        "AuthnAuthorityDescriptor" => "authentication authority",
        "PDPDescriptor" => "policy decision point",
        "RoleDescriptor" => "role",
        _ => return None,
    })
}

/// Which message a signature's parent element is, for the role of its certificate.
fn signature_role(parent: &str) -> &'static str {
    match parent {
        "EntityDescriptor" | "EntitiesDescriptor" => "metadata signature",
        "Response" => "response signature",
        "Assertion" => "assertion signature",
        "AuthnRequest" => "request signature",
        "LogoutRequest" | "LogoutResponse" => "logout message signature",
        _ => "XML signature",
    }
}

/// An attribute's value, unescaped; `None` when absent or malformed.
fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Where an element's text is being gathered, and for what.
enum Gather {
    Certificate { start: usize },
    Issuer,
    NameIdFormat,
}

/// The elements gathered as text.
const GATHERED: [&str; 3] = ["X509Certificate", "Issuer", "NameIDFormat"];

/// What the open elements say about a certificate met now: the key use of the open
/// KeyDescriptor, the role of the open role descriptor, the parent of the open Signature,
/// and whether an EntityDescriptor is open.
#[derive(Default)]
struct Context {
    key_use: Option<String>,
    role: Option<&'static str>,
    signature_parent: Option<String>,
    in_entity: bool,
}

impl Context {
    /// Leaves the context element `name` opened.
    fn leave(&mut self, name: &str) {
        match name {
            "KeyDescriptor" => self.key_use = None,
            "Signature" => self.signature_parent = None,
            "EntityDescriptor" => self.in_entity = false,
            other if role_name(other).is_some() => self.role = None,
            _ => {}
        }
    }

    /// The role in plain words and the usage of a certificate met in this context.
    fn certificate_role(&self) -> (String, &'static str) {
        match (&self.signature_parent, &self.key_use) {
            (Some(parent), _) => (signature_role(parent).to_owned(), "signature"),
            (None, Some(u)) => {
                let usage = match u.as_str() {
                    "signing" => "signing",
                    "encryption" => "encryption",
                    _ => "signing and encryption",
                };
                (format!("{} {usage}", self.role.unwrap_or("entity")), usage)
            }
            (None, None) => (
                format!("{} key", self.role.unwrap_or("document")),
                "signing and encryption",
            ),
        }
    }
}

/// Reads `text` once, reporting what it finds to `found`.
fn walk(text: &str, found: &mut dyn FnMut(Found)) {
    let mut reader = Reader::from_str(text);
    let mut lines = crate::position::Locator::new(text);
    // Element names on the way down (local names).
    let mut stack: Vec<String> = Vec::new();
    let mut context = Context::default();
    let mut gathering: Option<(Gather, String)> = None;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(before);
                let message = format!("the XML is malformed: {e}");
                found(Found::Problem(problem(lines.at(at), message)));
                return;
            }
        };
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.local_name().as_ref().to_owned();
                if stack.is_empty() {
                    found(Found::Root {
                        name: name.clone(),
                        destination: attribute(e, "Destination"),
                    });
                }
                match name.as_str() {
                    "EntityDescriptor" => {
                        context.in_entity = true;
                        found(Found::Entity(SamlEntity {
                            entity_id: attribute(e, "entityID").unwrap_or_default(),
                            valid_until: attribute(e, "validUntil"),
                            cache_duration: attribute(e, "cacheDuration"),
                            roles: Vec::new(),
                        }));
                    }
                    "KeyDescriptor" => {
                        context.key_use = Some(attribute(e, "use").unwrap_or_default());
                    }
                    "Signature" => {
                        context.signature_parent = Some(stack.last().cloned().unwrap_or_default());
                        found(Found::Signature);
                    }
                    "X509Certificate" => {
                        gathering = Some((Gather::Certificate { start: after }, String::new()));
                    }
                    "Issuer" if !context.in_entity => {
                        gathering = Some((Gather::Issuer, String::new()));
                    }
                    "NameIDFormat" if context.role.is_some() => {
                        gathering = Some((Gather::NameIdFormat, String::new()));
                    }
                    other => {
                        if let Some(r) = role_name(other).filter(|_| context.in_entity) {
                            context.role = Some(r);
                            let signed = if r == "IdP" {
                                "WantAuthnRequestsSigned"
                            } else {
                                "AuthnRequestsSigned"
                            };
                            found(Found::Role(SamlRole {
                                role: r.to_owned(),
                                element: other.to_owned(),
                                requests_signed: attribute(e, signed),
                                want_assertions_signed: attribute(e, "WantAssertionsSigned"),
                                endpoints: Vec::new(),
                                name_id_formats: Vec::new(),
                            }));
                        } else if context.role.is_some() {
                            if let (Some(binding), Some(location)) =
                                (attribute(e, "Binding"), attribute(e, "Location"))
                            {
                                found(Found::Endpoint(SamlEndpoint {
                                    service: other.to_owned(),
                                    binding: binding
                                        .rsplit(':')
                                        .next()
                                        .unwrap_or_default()
                                        .to_owned(),
                                    location,
                                    index: attribute(e, "index"),
                                }));
                            }
                        }
                    }
                }
                if matches!(event, Event::Start(_)) {
                    if stack.len() >= MAX_DEPTH {
                        let message = format!(
                            "the XML nests deeper than {MAX_DEPTH} elements; reading stopped here"
                        );
                        found(Found::Problem(problem(lines.at(before), message)));
                        return;
                    }
                    stack.push(name);
                } else {
                    // An empty element opens and closes at once: nothing to gather.
                    if GATHERED.contains(&name.as_str()) {
                        gathering = None;
                    }
                    context.leave(&name);
                }
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                if GATHERED.contains(&name.as_str()) {
                    if let Some((what, content)) = gathering.take() {
                        emit(&mut lines, what, content, &context, found);
                    }
                }
                context.leave(&name);
            }
            Event::Text(ref t) => {
                if let Some((_, content)) = gathering.as_mut() {
                    content.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0));
                }
            }
            Event::CData(ref t) => {
                if let Some((_, content)) = gathering.as_mut() {
                    content.push_str(t.as_ref());
                }
            }
            Event::DocType(_) => found(Found::Doctype(lines.at(before))),
            Event::Eof => {
                if !stack.is_empty() {
                    let message = format!("the XML ends inside <{}>", stack.join("><"));
                    found(Found::Problem(problem(lines.at(text.len()), message)));
                }
                return;
            }
            _ => {}
        }
    }
}

/// Reports gathered text: a certificate with its role, an issuer, a NameID format.
fn emit(
    lines: &mut crate::position::Locator<'_>,
    what: Gather,
    content: String,
    context: &Context,
    found: &mut dyn FnMut(Found),
) {
    let start = match what {
        Gather::Issuer => return found(Found::Issuer(content.trim().to_owned())),
        Gather::NameIdFormat => return found(Found::NameIdFormat(content.trim().to_owned())),
        Gather::Certificate { start } => start,
    };
    let leading = content.len().saturating_sub(content.trim_start().len());
    let location = lines.at(start.saturating_add(leading));
    let Some(der) = text::base64(&content).filter(|d| !d.is_empty()) else {
        let message = if content.trim().is_empty() {
            "a <ds:X509Certificate> is empty (entity references are not expanded)"
        } else {
            "a <ds:X509Certificate> is not valid base64"
        };
        return found(Found::Problem(problem(location, message.to_owned())));
    };
    let (role, usage) = context.certificate_role();
    found(Found::Certificate {
        der,
        location,
        role,
        usage: usage.to_owned(),
        in_entity: context.in_entity,
    });
}

fn problem(location: crate::Location, message: String) -> Problem {
    Problem::new(
        location,
        Error::Document {
            format: "XML",
            message,
        },
    )
}

/// The document in plain words.
fn describe(report: &SamlReport) -> String {
    let entities = report
        .entities
        .len()
        .saturating_add(report.entities_skipped);
    match report.root.as_str() {
        "EntityDescriptor" | "EntitiesDescriptor" => {
            let roles: Vec<&str> = report
                .entities
                .iter()
                .flat_map(|e| e.roles.iter().map(|r| r.role.as_str()))
                .collect();
            let mut kinds: Vec<&str> = roles.clone();
            kinds.sort_unstable();
            kinds.dedup();
            let plural = if entities == 1 { "entity" } else { "entities" };
            if kinds.is_empty() {
                format!("SAML metadata for {entities} {plural}")
            } else {
                format!(
                    "SAML metadata for {entities} {plural} ({})",
                    kinds.join(", ")
                )
            }
        }
        "Response" => "a SAML response".to_owned(),
        "AuthnRequest" => "a SAML authentication request".to_owned(),
        "LogoutRequest" => "a SAML logout request".to_owned(),
        "LogoutResponse" => "a SAML logout response".to_owned(),
        "Assertion" => "a SAML assertion".to_owned(),
        "" => "XML that could not be read".to_owned(),
        other => format!("an XML document (<{other}>) with certificates"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: u64 = 1_780_000_000;

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("tests/data/documents/{name}")).unwrap()
    }

    #[test]
    fn idp_metadata_roles_and_rollover() {
        let r = read(&fixture("idp-metadata.xml"), AT);
        assert_eq!(r.root, "EntityDescriptor");
        assert_eq!(r.entities.len(), 1);
        let e = &r.entities[0];
        assert_eq!(e.entity_id, "https://idp.example.org/idp/shibboleth");
        let idp = &e.roles[0];
        assert_eq!(idp.role, "IdP");
        assert!(idp
            .endpoints
            .iter()
            .any(|p| p.service == "SingleSignOnService" && p.binding == "HTTP-Redirect"));
        let roles: Vec<&str> = r.certificates.iter().map(|c| c.role.as_str()).collect();
        assert_eq!(roles, ["IdP signing", "IdP signing", "IdP encryption"]);
        let ids: Vec<&str> = r.findings.iter().map(|f| f.id).collect();
        assert!(ids.contains(&"saml.signing-rollover"), "{ids:?}");
        assert!(r.errors.is_empty());
    }

    #[test]
    fn malformed_xml_is_located() {
        let r = read(
            "<a>\n<b><ds:X509Certificate>AAAA</ds:X509Certificate></c>",
            AT,
        );
        let e = &r.errors[0];
        assert_eq!(e.location.line, Some(2));
        assert!(e.message.contains("malformed"), "{}", e.message);
    }

    #[test]
    fn deep_nesting_stops_with_a_problem() {
        let deep = "<a>".repeat(MAX_DEPTH + 10) + "<X509Certificate>";
        let r = read(&deep, AT);
        assert!(r.errors[0].message.contains("deeper"));
    }

    #[test]
    fn entity_expansion_is_not_performed() {
        let bomb = fixture("hostile-billion-laughs.xml");
        let r = read(&bomb, AT);
        assert!(r.findings.iter().any(|f| f.id == "saml.doctype"));
        // The entity reference stays a reference: nothing is expanded, into the certificate
        // or the entityID.
        assert!(r.certificates.is_empty());
        assert!(r.errors[0].message.contains("empty"), "{:?}", r.errors);
        assert_eq!(r.entities[0].entity_id, "");
    }
}
