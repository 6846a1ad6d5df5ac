//! SAML metadata / XML signatures, JWK Sets and OpenSSH keys (seeded with real certificate
//! lines): arbitrary text as it is, and framed as XML (a leading `<` with `X509Certificate>`)
//! and as JSON (`{` with `"kty"`) so the readers, not the sniffing, get the work. Oracles: the document's certificates are the report's, at the same places,
//! and no JWK private member's value is ever in the report.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else { return };
    let xml = format!("<{text}<X509Certificate>");
    let json = format!("{{\"kty\":{text}");
    for input in [text, xml.as_str(), json.as_str()] {
        let Ok(report) = certscope::inspect(input.as_bytes(), &certscope::Options::at(1_769_904_000)) else {
            continue;
        };
        match &report.document {
            Some(certscope::Document::Saml(s)) => {
                for c in s.certificates.iter().filter(|c| c.subject.is_some()) {
                    assert!(report.certificates.iter().any(|r| r.location == c.location), "{c:?}");
                }
            }
            Some(certscope::Document::Jwks(_)) => {
                // A private value written once in the input never reaches the report.
                let Ok(value) = serde_json::from_str::<serde_json::Value>(input) else { continue };
                let keys = value.get("keys").and_then(|k| k.as_array()).cloned().unwrap_or_else(|| vec![value.clone()]);
                let json = serde_json::to_string(&report).unwrap_or_default();
                for d in keys.iter().filter_map(|k| k.get("d")?.as_str()) {
                    if d.len() >= 16 && input.matches(d).count() == 1 {
                        assert!(!json.contains(d), "private member in the report");
                    }
                }
            }
            Some(certscope::Document::Ssh(s)) => {
                // The principal list is bounded and never longer than what was counted.
                for c in s.keys.iter().filter_map(|k| k.certificate.as_ref()) {
                    assert!(c.principals.len() <= c.principal_count.min(certscope::MAX_SSH_PRINCIPALS));
                }
            }
            None => {}
        }
    }
});
