//! Documents that carry certificates and keys: SAML metadata and messages, JWK Sets. The
//! fixtures are made by tests/data/documents/make-documents.py (keys and certificates by Python
//! `cryptography`, JWKs by PyJWT); the expected RFC 7638 thumbprints are computed by that
//! script, independently of certscope.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::{inspect, Document, JwkSetReport, Options, Report, SamlReport};

/// 2026-05-28: the IdP's old signing certificate is still valid, the SP's has expired.
const AT: u64 = 1_779_926_400;

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/data/documents/{name}")).unwrap()
}

fn run(input: &[u8]) -> Report {
    inspect(input, &Options::at(AT)).unwrap()
}

fn saml(report: &Report) -> &SamlReport {
    match report.document.as_ref().expect("a document") {
        Document::Saml(s) => s,
        other => panic!("not SAML: {other:?}"),
    }
}

fn jwks(report: &Report) -> &JwkSetReport {
    match report.document.as_ref().expect("a document") {
        Document::Jwks(j) => j,
        other => panic!("not a JWK Set: {other:?}"),
    }
}

fn ids(findings: &[certscope::Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.id).collect()
}

#[test]
fn idp_metadata_certificates_are_read_with_their_roles() {
    let report = run(&data("idp-metadata.xml"));
    let s = saml(&report);
    assert_eq!(report.certificates.len(), 3);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    // The document's certificates are the report's, at the same places.
    for (c, r) in s.certificates.iter().zip(&report.certificates) {
        assert_eq!(c.location, r.location);
        assert_eq!(c.subject.as_deref(), r.subject.common_name.as_deref());
    }
    let roles: Vec<&str> = s.certificates.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(roles, ["IdP signing", "IdP signing", "IdP encryption"]);
    // SAML pins keys: no CA-path verdict for its certificates.
    assert!(report.chains.is_empty());
    assert_eq!(ids(&s.findings), ["saml.signing-rollover"]);
    let idp = &s.entities[0].roles[0];
    assert_eq!(idp.requests_signed.as_deref(), Some("false"));
    assert_eq!(idp.endpoints.len(), 3);
    assert_eq!(idp.name_id_formats.len(), 1);
    assert!(s.description.contains("IdP"));
}

#[test]
fn expiring_signing_certificate_without_a_successor() {
    // The IdP metadata with its new signing certificate removed: one signing key left, 53
    // days before it expires, then 20 days before.
    let xml = String::from_utf8(data("idp-metadata.xml")).unwrap();
    let second = xml.match_indices("<md:KeyDescriptor").nth(1).unwrap().0;
    let end =
        xml[second..].find("</md:KeyDescriptor>").unwrap() + second + "</md:KeyDescriptor>".len();
    let single = format!("{}{}", &xml[..second], &xml[end..]);
    let report = run(single.as_bytes());
    assert!(
        ids(&saml(&report).findings).is_empty(),
        "53 days left is not yet a warning"
    );
    let later = inspect(single.as_bytes(), &Options::at(AT + 33 * 86_400)).unwrap();
    assert_eq!(
        ids(&saml(&later).findings),
        ["saml.signing-certificate-expiring"]
    );
}

#[test]
fn sp_metadata_problems() {
    let report = run(&data("sp-metadata.xml"));
    let s = saml(&report);
    let mut found = ids(&s.findings);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "saml.endpoint-not-https",
            "saml.metadata-expired",
            "saml.signing-certificate-expired"
        ]
    );
    // A KeyDescriptor without `use` is for both.
    assert_eq!(s.certificates[0].usage, "signing and encryption");
    assert_eq!(s.certificates[0].expired, Some(true));
    assert_eq!(
        s.entities[0].roles[0].want_assertions_signed.as_deref(),
        Some("true")
    );
}

#[test]
fn saml_response_names_its_signer() {
    let report = run(&data("saml-response.xml"));
    let s = saml(&report);
    assert_eq!(s.description, "a SAML response");
    assert_eq!(
        s.issuer.as_deref(),
        Some("https://idp.example.org/idp/shibboleth")
    );
    assert_eq!(
        s.destination.as_deref(),
        Some("https://sp.example.com/saml/acs")
    );
    assert_eq!(s.certificates[0].role, "response signature");
    assert!(s.signed);
    assert_eq!(ids(&s.findings), ["saml.signature-not-verified"]);
}

#[test]
fn jwks_keys_thumbprints_and_x5c() {
    let report = run(&data("jwks.json"));
    let j = jwks(&report);
    assert!(j.set);
    assert!(j.findings.is_empty(), "{:?}", ids(&j.findings));
    // RFC 7638 thumbprints as the fixture script computed them.
    let expected = String::from_utf8(data("jwks.thumbprints")).unwrap();
    for line in expected.lines() {
        let (kid, thumbprint) = line.split_once(' ').unwrap();
        let key = j
            .keys
            .iter()
            .find(|k| k.kid.as_deref() == Some(kid))
            .unwrap();
        assert_eq!(key.thumbprint.as_deref(), Some(thumbprint), "{kid}");
    }
    let rsa = &j.keys[0];
    assert_eq!(rsa.description, "RSA 2048-bit public signing key (RS256)");
    assert_eq!(rsa.certificates, [1, 2]);
    assert_eq!(rsa.x5c_matches_key, Some(true));
    assert_eq!(rsa.x5t.as_ref().unwrap().matches, Some(true));
    assert_eq!(rsa.x5t_s256.as_ref().unwrap().matches, Some(true));
    assert_eq!(j.keys[1].description, "P-256 public signing key (ES256)");
    assert_eq!(j.keys[2].description, "Ed25519 public signing key (EdDSA)");
    // A token-signing certificate is not a web server's: no hostname or BR findings on it.
    let ids: Vec<&str> = report
        .certificates
        .iter()
        .flat_map(|c| c.findings.iter().map(|f| f.id))
        .collect();
    assert!(
        ids.iter()
            .all(|id| !id.starts_with("dns.") && !id.starts_with("br.")),
        "{ids:?}"
    );
    // x5c is a chain, and is built as one: leaf then its CA.
    assert_eq!(report.certificates.len(), 2);
    assert_eq!(report.chains.len(), 1);
    assert_eq!(report.chains[0].browser.path.len(), 2);
}

#[test]
fn jwks_problems() {
    let report = run(&data("jwks-bad.json"));
    let j = jwks(&report);
    let mut found = ids(&j.findings);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "jwk.duplicate-kid",
            "jwk.missing-kid",
            "jwk.private-key",
            "jwk.rsa-key-too-small",
            "jwk.x5c-key-mismatch",
            "jwk.x5t-mismatch"
        ]
    );
    assert_eq!(j.keys[1].private_members, ["d"]);
    // The private value itself appears nowhere in the report.
    let text = String::from_utf8(data("jwks-bad.json")).unwrap();
    let d = text
        .split("\"d\": \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let json = serde_json::to_string(&report).unwrap();
    assert!(!json.contains(d));
    assert!(!certscope::render_text(&report).contains(d));
}

#[test]
fn a_jwk_without_certificates_is_not_an_unreadable_paste() {
    let report = run(&data("rfc7638-example.json"));
    assert!(report.certificates.is_empty());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(jwks(&report).keys[0].kid.as_deref(), Some("2011-04-29"));
}

#[test]
fn hostile_documents_are_bounded() {
    // 100k keys: the first thousand read, the rest counted.
    let key = r#"{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}"#;
    let many = format!("{{\"keys\":[{}]}}", vec![key; 100_000].join(","));
    let j_report = run(many.as_bytes());
    let j = jwks(&j_report);
    assert_eq!(j.keys.len(), 1_000);
    assert_eq!(j.keys_skipped, 99_000);
    // JSON nested past serde_json's limit: a located error, no stack overflow.
    let deep = format!("{{\"kty\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let report = run(deep.as_bytes());
    assert_eq!(report.errors[0].code, "document");
    // XML nested 100k deep: stopped at the bound.
    let deep_xml = format!("<a>{}<X509Certificate>", "<b>".repeat(100_000));
    let report = run(deep_xml.as_bytes());
    assert!(
        report.errors[0].message.contains("deeper"),
        "{:?}",
        report.errors
    );
    // A federation of 6,000 entities: 5,000 read.
    let entity = r#"<md:EntityDescriptor entityID="https://e.example/"><md:SPSSODescriptor/></md:EntityDescriptor>"#;
    let federation = format!(
        "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">{}<!-- X509Certificate> --></md:EntitiesDescriptor>",
        entity.repeat(6_000)
    );
    let report = run(federation.as_bytes());
    assert_eq!(saml(&report).entities.len(), 5_000);
    assert_eq!(saml(&report).entities_skipped, 1_000);
    // Larger than any input read.
    let huge = format!("{{\"kty\":\"{}\"}}", "A".repeat(certscope::MAX_INPUT_BYTES));
    assert!(inspect(huge.as_bytes(), &Options::at(AT)).is_err());
}

#[test]
fn billion_laughs_expands_nothing() {
    let report = run(&data("hostile-billion-laughs.xml"));
    let s = saml(&report);
    assert!(report.certificates.is_empty());
    assert!(ids(&s.findings).contains(&"saml.doctype"));
    assert!(
        report.errors[0].message.contains("empty"),
        "{:?}",
        report.errors
    );
}

#[test]
fn x5c_certificates_are_located_where_they_are_written() {
    // 200 keys, each with its own x5c (a key's certificate repeated in the next key too), in
    // a pretty-printed set: every certificate is found at its own string, on its own line,
    // and a string written with escaped slashes is placed at its key.
    let set: serde_json::Value = serde_json::from_slice(&data("jwks.json")).unwrap();
    let template = set["keys"][0].clone();
    let chain: Vec<String> = template["x5c"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    let keys: Vec<serde_json::Value> = (0..200)
        .map(|i| {
            let mut key = template.clone();
            key["kid"] = format!("k{i}").into();
            key["x5c"] = serde_json::json!([chain[i % 2], chain[(i + 1) % 2]]);
            key
        })
        .collect();
    let text = serde_json::to_string_pretty(&serde_json::json!({ "keys": keys })).unwrap();
    let report = run(text.as_bytes());
    let j = jwks(&report);
    assert_eq!(report.certificates.len(), 400);
    let mut previous = 0;
    for c in &report.certificates {
        let at = c.location.byte_offset;
        assert!(at > previous, "in document order");
        previous = at;
        let line = text[..at].matches('\n').count() + 1;
        assert_eq!(c.location.line, Some(line));
        assert!(chain.iter().any(|b64| text[at..].starts_with(b64.as_str())));
    }
    assert_eq!(j.keys[199].certificates, [399, 400]);
    // PHP's json_encode writes "\/": the certificate is placed at its key.
    let escaped = String::from_utf8(data("jwks.json"))
        .unwrap()
        .replace('/', "\\/");
    let report = run(escaped.as_bytes());
    let key = &jwks(&report).keys[0];
    assert_eq!(report.certificates.len(), 2);
    assert_eq!(report.certificates[0].location.line, key.location.line);
    assert_eq!(key.x5c_matches_key, Some(true));
}
