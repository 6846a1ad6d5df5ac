//! The JavaScript surface, run by wasm-bindgen-test in Node and (with
//! WASM_BINDGEN_USE_BROWSER=1) in headless Chromium: inputs JS passes, the shape of what
//! comes back, and errors as JS exceptions.

#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use certscope::wasm::{inspect, version};

const CHAIN: &str = include_str!("data/generated/p256-chain.pem");
const LEAF_DER: &[u8] = include_bytes!("data/input/leaf.der");

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(v.clone(), |v, key| match key.parse::<u32>() {
            Ok(i) => Array::from(&v).get(i),
            Err(_) => Reflect::get(&v, &JsValue::from_str(key)).unwrap(),
        })
}

fn options(at: JsValue) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"at".into(), &at).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn report_has_the_documented_shape() {
    let r = inspect(CHAIN.into(), options("2026-02-01".into())).unwrap();
    assert_eq!(
        get(&r, "evaluatedAt").as_string().unwrap(),
        "2026-02-01T00:00:00Z"
    );
    assert_eq!(Array::from(&get(&r, "certificates")).length(), 3);
    assert!(Array::is_array(&get(&r, "errors")));
    assert!(Array::is_array(&get(&r, "findings")));
    let leaf = get(&r, "certificates.0");
    assert_eq!(get(&leaf, "role").as_string().unwrap(), "leaf");
    assert_eq!(
        get(&leaf, "subject.commonName").as_string().unwrap(),
        "www.certscope.test"
    );
    assert_eq!(get(&leaf, "validity.state").as_string().unwrap(), "valid");
    assert_eq!(get(&leaf, "validity.days").as_f64().unwrap(), 59.0);
    assert_eq!(get(&leaf, "publicKey.curve").as_string().unwrap(), "P-256");
    assert_eq!(get(&leaf, "publicKey.bits").as_f64().unwrap(), 256.0);
    // Absent values are null (not undefined), as the TypeScript types say.
    assert!(get(&leaf, "publicKey.exponent").is_null());
    assert_eq!(get(&leaf, "location.block").as_f64().unwrap(), 1.0);
    assert_eq!(
        get(&leaf, "names.0").as_string().unwrap(),
        "www.certscope.test"
    );
    assert_eq!(
        get(&leaf, "extensions.0.value.kind").as_string().unwrap(),
        "basicConstraints"
    );
    assert!(!get(&leaf, "extensions.0.value.ca").as_bool().unwrap());
    // Plain objects and arrays, not Maps.
    assert!(get(&leaf, "fingerprints").is_instance_of::<Object>());
    assert!(!get(&leaf, "fingerprints").is_instance_of::<js_sys::Map>());
    assert!(get(&leaf, "fingerprints.sha256")
        .as_string()
        .unwrap()
        .contains(':'));
    let root = get(&r, "certificates.2");
    assert!(get(&root, "selfSigned").as_bool().unwrap());
}

#[wasm_bindgen_test]
fn accepts_bytes_and_every_form_of_time() {
    let bytes = Uint8Array::from(LEAF_DER);
    let by_ms = inspect(
        bytes.clone().into(),
        options(JsValue::from_f64(1_769_904_000_000.0)),
    )
    .unwrap();
    assert_eq!(
        get(&by_ms, "certificates.0.subject.commonName")
            .as_string()
            .unwrap(),
        "www.certscope.test"
    );
    assert_eq!(
        get(&by_ms, "evaluatedAt").as_string().unwrap(),
        "2026-02-01T00:00:00Z"
    );
    let date = js_sys::Date::new(&JsValue::from_str("2026-02-01T00:00:00Z"));
    let by_date = inspect(bytes.buffer().into(), options(date.into())).unwrap();
    assert_eq!(
        get(&by_date, "evaluatedAt").as_string().unwrap(),
        "2026-02-01T00:00:00Z"
    );
    // No options: judged now.
    let now = inspect(CHAIN.into(), JsValue::UNDEFINED).unwrap();
    assert!(get(&now, "evaluatedAt")
        .as_string()
        .unwrap()
        .starts_with("20"));
}

#[wasm_bindgen_test]
fn bad_input_is_reported_not_thrown() {
    let r = inspect("hello".into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(Array::from(&get(&r, "certificates")).length(), 0);
    assert_eq!(
        get(&r, "errors.0.code").as_string().unwrap(),
        "nothing-recognised"
    );
    assert_eq!(get(&r, "errors.0.location.line").as_f64().unwrap(), 1.0);
}

#[wasm_bindgen_test]
fn wrong_types_throw_clear_errors() {
    let err = inspect(JsValue::from_f64(42.0), JsValue::UNDEFINED).unwrap_err();
    let err: JsValue = err.into();
    let message = get(&err, "message").as_string().unwrap();
    assert!(
        message.contains("expected a string, Uint8Array or ArrayBuffer"),
        "{message}"
    );
    let err: JsValue = inspect(CHAIN.into(), options("soon".into()))
        .unwrap_err()
        .into();
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .contains("RFC 3339"));
    assert!(err.dyn_ref::<js_sys::Error>().is_some());
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

const ROOT: &str = include_str!("data/generated/p256-root.pem");

#[wasm_bindgen_test]
fn chains_with_host_and_custom_roots() {
    let o = Object::new();
    Reflect::set(&o, &"at".into(), &"2026-02-01".into()).unwrap();
    Reflect::set(&o, &"host".into(), &"www.certscope.test".into()).unwrap();
    Reflect::set(&o, &"roots".into(), &ROOT.into()).unwrap();
    let r = inspect(CHAIN.into(), o.clone().into()).unwrap();
    assert_eq!(get(&r, "chains.0.leaf").as_f64().unwrap(), 0.0);
    assert!(get(&r, "chains.0.browser.trusted").as_bool().unwrap());
    assert_eq!(
        get(&r, "chains.0.browser.summary").as_string().unwrap(),
        "Trusted for www.certscope.test until 2026-04-01 via certscope p256 Root"
    );
    assert_eq!(
        get(&r, "chains.0.browser.path.2.kind").as_string().unwrap(),
        "root"
    );
    assert_eq!(
        get(&r, "chains.0.browser.anchor.source")
            .as_string()
            .unwrap(),
        "user"
    );
    assert!(get(&r, "chains.0.strict.problem").is_null());
    // Mozilla's store (the default) does not hold the test root.
    Reflect::set(&o, &"roots".into(), &"mozilla".into()).unwrap();
    let r = inspect(CHAIN.into(), o.clone().into()).unwrap();
    assert_eq!(
        get(&r, "chains.0.browser.problem.code")
            .as_string()
            .unwrap(),
        "untrusted-root"
    );
    Reflect::set(&o, &"usage".into(), &"codeSigning".into()).unwrap();
    assert!(inspect(CHAIN.into(), o.into()).is_err());
}

#[wasm_bindgen_test]
fn asn1_tree_of_a_certificate() {
    let tree = certscope::wasm::asn1(ROOT.into()).unwrap();
    assert_eq!(get(&tree, "0.tag").as_string().unwrap(), "SEQUENCE");
    assert_eq!(get(&tree, "0.offset").as_f64().unwrap(), 0.0);
    assert_eq!(
        get(&tree, "0.children.1.children.0.tag")
            .as_string()
            .unwrap(),
        "OBJECT IDENTIFIER"
    );
    assert!(get(&tree, "0.value").is_null());
    assert!(certscope::wasm::asn1("not a certificate".into()).is_err());
}

#[wasm_bindgen_test]
fn pasted_dns_answers_are_checked_against_the_chain() {
    let text = format!(
        "{}{}",
        include_str!("data/dns/chain.pem"),
        include_str!("data/dns/kdig.txt")
    );
    let r = inspect(text.as_str().into(), options("2026-12-05".into())).unwrap();
    let d = get(&r, "dns.0");
    assert_eq!(get(&d, "tool").as_string().unwrap(), "kdig");
    assert_eq!(
        get(&d, "caaChecks.2.name").as_string().unwrap(),
        "*.certscope.test"
    );
    assert_eq!(get(&d, "caaChecks.2.issuerAllowed").as_bool(), Some(false));
    assert_eq!(get(&d, "caaChecks.0.issuerAllowed").as_bool(), Some(true));
    assert_eq!(
        get(&d, "services.0.ech.configs.0.publicName")
            .as_string()
            .unwrap(),
        "public.certscope.test"
    );
    // 2 0 1 matches the CA, 3 1 1 the leaf, the old record nothing.
    assert_eq!(get(&d, "tlsa.0.matches").as_f64(), Some(1.0));
    assert_eq!(get(&d, "tlsa.1.matches").as_f64(), Some(0.0));
    assert!(get(&d, "tlsa.2.matches").is_null());
}

#[wasm_bindgen_test]
fn pasted_headers_give_an_https_configuration() {
    let text = include_str!("data/http/shop-sIL.txt");
    let r = inspect(text.into(), options("2026-11-27".into())).unwrap();
    let site = get(&r, "http.0");
    assert_eq!(get(&site, "observatory.score").as_f64().unwrap(), 60.0);
    assert_eq!(get(&site, "observatory.grade").as_string().unwrap(), "C+");
    assert_eq!(
        get(&site, "responses.1.url").as_string().unwrap(),
        "https://shop.certscope.test/"
    );
    let first = get(&site, "findings.0");
    assert_eq!(
        get(&first, "cspEvaluator.type").as_string().unwrap(),
        "SCRIPT_UNSAFE_INLINE"
    );
    assert!(get(&first, "snippets.nginx")
        .as_string()
        .unwrap()
        .starts_with("add_header"));
    assert_eq!(Array::from(&get(&r, "certificates")).length(), 0);
    assert_eq!(Array::from(&get(&r, "errors")).length(), 0);
}

#[wasm_bindgen_test]
fn a_pasted_page_gives_its_meta_policy_and_scripts() {
    let text = include_str!("data/http/page-meta-sri.txt");
    let r = inspect(text.into(), options("2026-11-27".into())).unwrap();
    let site = get(&r, "http.0");
    assert_eq!(get(&site, "csp.metaPolicies").as_f64().unwrap(), 1.0);
    assert_eq!(Array::from(&get(&site, "page.scripts")).length(), 5);
    assert_eq!(
        get(&site, "page.scripts.2.domain").as_string().unwrap(),
        "certscope.test"
    );
    let sri = Array::from(&get(&site, "observatory.tests"))
        .iter()
        .find(|t| get(t, "test").as_string().as_deref() == Some("subresource-integrity"))
        .unwrap();
    assert_eq!(get(&sri, "modifier").as_f64().unwrap(), -50.0);
}

#[wasm_bindgen_test]
fn ml_dsa_signatures_verify_in_webassembly() {
    for set in ["44", "65", "87"] {
        let pem = match set {
            "44" => include_str!("data/pqc/ML-DSA-44.crt"),
            "65" => include_str!("data/pqc/ML-DSA-65.crt"),
            _ => include_str!("data/pqc/ML-DSA-87.crt"),
        };
        let r = inspect(pem.into(), options("2026-12-01".into())).unwrap();
        assert_eq!(
            get(&r, "certificates.0.publicKey.algorithm")
                .as_string()
                .unwrap(),
            format!("ML-DSA-{set}")
        );
        assert_eq!(get(&r, "certificates.0.selfSigned").as_bool(), Some(true));
    }
}

#[wasm_bindgen_test]
fn composite_and_alternative_signatures_verify_in_webassembly() {
    // Composite ML-DSA: both halves, ECDSA P-256, RSA-PSS and Ed25519 beside ML-DSA.
    for pem in [
        include_str!("data/pqc/composite/MLDSA44-ECDSA-P256-SHA256.crt"),
        include_str!("data/pqc/composite/MLDSA65-RSA3072-PSS-SHA512.crt"),
        include_str!("data/pqc/composite/MLDSA87-ECDSA-P521-SHA512.crt"),
        include_str!("data/pqc/composite/MLDSA44-Ed25519-SHA512.crt"),
    ] {
        let r = inspect(pem.into(), options("2026-12-01".into())).unwrap();
        assert_eq!(get(&r, "certificates.0.selfSigned").as_bool(), Some(true));
    }
    // A hybrid chain: ECDSA, and ML-DSA in X.509 2019's alternative-signature extensions.
    let r = inspect(
        include_str!("data/pqc/alt-chain.pem").into(),
        options("2026-12-01".into()),
    )
    .unwrap();
    for i in 0..2 {
        assert_eq!(
            get(&r, &format!("certificates.{i}.altSignature.status"))
                .as_string()
                .unwrap(),
            "verified"
        );
    }
}

#[wasm_bindgen_test]
fn a_har_file_gives_the_recorded_chain_and_subresources() {
    let text = include_str!("data/http/shop.har");
    let r = inspect(text.into(), options("2026-12-02".into())).unwrap();
    assert_eq!(Array::from(&get(&r, "errors")).length(), 0);
    let site = get(&r, "http.0");
    assert_eq!(get(&site, "observatory.score").as_f64().unwrap(), 60.0);
    assert_eq!(
        get(&site, "responses.0.recorded.method")
            .as_string()
            .unwrap(),
        "GET"
    );
    assert_eq!(
        get(&site, "responses.0.urlSource").as_string().unwrap(),
        "har"
    );
    assert!(get(&site, "responses.0.recorded.tls").is_null());
    assert_eq!(
        get(&site, "responses.1.recorded.tls.protocol")
            .as_string()
            .unwrap(),
        "TLS 1.3"
    );
    assert_eq!(
        get(&site, "subresources.2.recorded.resourceType")
            .as_string()
            .unwrap(),
        "fetch"
    );
    assert!(get(&site, "recordedBy")
        .as_string()
        .unwrap()
        .starts_with("Playwright"));
}

#[wasm_bindgen_test]
fn summarize_lists_certificates_in_one_call() {
    let s = certscope::wasm::summarize(include_str!("data/generated/example-chain.pem").into())
        .unwrap();
    assert_eq!(get(&s, "certificates.length").as_f64().unwrap(), 3.0);
    assert!(get(&s, "certificates.0.sha256")
        .as_string()
        .unwrap()
        .contains(':'));
    assert!(get(&s, "certificates.0.names.length").as_f64().unwrap() >= 1.0);
    assert!(get(&s, "certificates.1.ca").as_bool().unwrap());
    assert_eq!(get(&s, "errors.length").as_f64().unwrap(), 0.0);
    let bad = certscope::wasm::summarize("-----BEGIN CERTIFICATE-----\n!!\n".into()).unwrap();
    assert_eq!(get(&bad, "certificates.length").as_f64().unwrap(), 0.0);
    assert_eq!(get(&bad, "errors.length").as_f64().unwrap(), 1.0);
}

#[wasm_bindgen_test]
fn documents_come_back_as_report_document() {
    let saml = include_str!("data/documents/idp-metadata.xml");
    let r = inspect(saml.into(), options("2026-05-28".into())).unwrap();
    assert_eq!(get(&r, "document.kind").as_string().unwrap(), "saml");
    assert_eq!(
        get(&r, "document.certificates.1.role").as_string().unwrap(),
        "IdP signing"
    );
    assert_eq!(
        get(&r, "document.entities.0.roles.0.endpoints.0.binding")
            .as_string()
            .unwrap(),
        "HTTP-Redirect"
    );
    assert_eq!(Array::from(&get(&r, "certificates")).length(), 3);
    let jwks = include_str!("data/documents/jwks.json");
    let r = inspect(jwks.into(), options("2026-05-28".into())).unwrap();
    assert_eq!(get(&r, "document.kind").as_string().unwrap(), "jwks");
    assert_eq!(get(&r, "document.keys.0.x5tS256.matches"), JsValue::TRUE);
    assert_eq!(get(&r, "document.keys.0.use").as_string().unwrap(), "sig");
    assert!(get(&r, "document.keys.1.x5t").is_null());
}

#[wasm_bindgen_test]
fn ssh_certificates_are_explained_and_verified() {
    let cert = include_str!("data/ssh/web01-cert.pub");
    let r = inspect(cert.into(), options("2026-05-28".into())).unwrap();
    assert_eq!(get(&r, "document.kind").as_string().unwrap(), "ssh");
    let c = get(&r, "document.keys.0.certificate");
    assert_eq!(get(&c, "certType").as_string().unwrap(), "host");
    assert_eq!(get(&c, "serial").as_string().unwrap(), "7");
    assert_eq!(get(&c, "signatureValid"), JsValue::TRUE);
    assert_eq!(
        get(&c, "signingCa.signatureAlgorithm").as_string().unwrap(),
        "rsa-sha2-512"
    );
    assert!(get(&c, "validBefore")
        .as_string()
        .unwrap()
        .starts_with("2028-01-01"));
}

#[wasm_bindgen_test]
fn a_chain_fix_names_the_missing_intermediate() {
    let leaf = include_str!("data/generated/p256-leaf.pem");
    let r = inspect(leaf.into(), options("2026-02-01".into())).unwrap();
    assert!(!get(&r, "chains.0.fix.complete").as_bool().unwrap());
    assert_eq!(
        get(&r, "chains.0.fix.missing.url").as_string().unwrap(),
        "http://ca.certscope.test/intermediate.crt"
    );
    // The pasted chain, root first: reordered, the root removed.
    let blocks: Vec<&str> = CHAIN
        .split_inclusive("-----END CERTIFICATE-----\n")
        .collect();
    let reversed: String = blocks.iter().rev().copied().collect();
    let r = inspect(reversed.as_str().into(), options("2026-02-01".into())).unwrap();
    assert_eq!(
        get(&r, "chains.0.fix.fullchain").as_string().unwrap(),
        format!("{}{}", blocks[0], blocks[1])
    );
    assert_eq!(Array::from(&get(&r, "chains.0.fix.changes")).length(), 2);
}

#[wasm_bindgen_test]
fn two_certificates_compared() {
    let certificates = |pem: &str| {
        let r = inspect(pem.into(), options("2026-02-01".into())).unwrap();
        js_sys::JSON::stringify(&get(&r, "certificates"))
            .unwrap()
            .as_string()
            .unwrap()
    };
    let leaf = certificates(include_str!("data/generated/p256-leaf.pem"));
    let other = certificates(include_str!("data/generated/rsa2048-leaf.pem"));
    let c = certscope::wasm::compare_certificates(&leaf, &other).unwrap();
    assert!(!get(&c, "identical").as_bool().unwrap());
    assert_eq!(
        get(&c, "differences.0.field").as_string().unwrap(),
        "Public key"
    );
    let same = certscope::wasm::compare_certificates(&certificates(CHAIN), &leaf).unwrap();
    assert!(get(&same, "identical").as_bool().unwrap());
    // Errors are JS exceptions naming the input.
    assert!(certscope::wasm::compare_certificates("[]", &leaf).is_err());
    assert!(certscope::wasm::compare_certificates(&leaf, "not json").is_err());
}

#[wasm_bindgen_test]
fn a_packet_capture_is_decoded_in_webassembly() {
    // pcap (tcpdump) and pcapng (dumpcap) as bytes; the TLS 1.2 server's certificates
    // analysed for the SNI name.
    let pcap = include_bytes!("data/capture/tls12-ecdsa.pcap");
    let r = inspect(
        Uint8Array::from(&pcap[..]).into(),
        options("2026-12-10".into()),
    )
    .unwrap();
    assert_eq!(get(&r, "captures.0.format").as_string().unwrap(), "pcap");
    assert_eq!(
        Array::from(&get(&r, "captures.0.connections.0.messages")).length(),
        13
    );
    assert_eq!(
        get(&r, "captures.0.connections.0.clientHello.sni")
            .as_string()
            .unwrap(),
        "localhost"
    );
    assert_eq!(
        get(&r, "captures.0.connections.0.clientHello.ja3Hash")
            .as_string()
            .unwrap(),
        "7b15e023156c94815f028ded58cd07ce"
    );
    assert_eq!(Array::from(&get(&r, "certificates")).length(), 2);
    assert_eq!(
        get(&r, "connections.0.tool").as_string().unwrap(),
        "capture"
    );
    let pcapng = include_bytes!("data/capture/tls13-curl.pcapng");
    let r = inspect(
        Uint8Array::from(&pcapng[..]).into(),
        options("2026-12-10".into()),
    )
    .unwrap();
    assert_eq!(
        get(&r, "captures.0.connections.0.serverHello.version.name")
            .as_string()
            .unwrap(),
        "TLS 1.3"
    );
    assert_eq!(
        get(&r, "captures.0.connections.0.certificateEncrypted").as_bool(),
        Some(true)
    );
    // TLS bytes pasted as hex text.
    let hex = include_str!("data/capture/client-hello.hex");
    let r = inspect(hex.into(), options("2026-12-10".into())).unwrap();
    assert_eq!(
        get(&r, "captures.0.format").as_string().unwrap(),
        "TLS bytes"
    );
}

#[wasm_bindgen_test]
fn an_ocsp_response_is_read_and_its_signature_checked_in_webassembly() {
    // The certificate, its CA and the CA's "revoked" answer, pasted together.
    let pem = include_str!("data/ocsp/revoked-with-chain.pem");
    let r = inspect(pem.into(), options("2026-12-04".into())).unwrap();
    assert_eq!(
        get(&r, "ocsp.0.responses.0.status").as_string().unwrap(),
        "revoked"
    );
    assert_eq!(
        get(&r, "ocsp.0.responses.0.reason").as_string().unwrap(),
        "keyCompromise"
    );
    assert_eq!(
        get(&r, "ocsp.0.responses.0.certificate").as_f64(),
        Some(0.0)
    );
    assert_eq!(
        get(&r, "ocsp.0.signature.verdict").as_string().unwrap(),
        "verified"
    );
    assert_eq!(
        get(&r, "ocsp.0.signature.authority").as_string().unwrap(),
        "issuer"
    );
    assert_eq!(
        get(&r, "ocsp.0.findings.0.id").as_string().unwrap(),
        "ocsp.revoked"
    );
}

#[wasm_bindgen_test]
fn openssl_text_of_an_ocsp_response_is_read_in_webassembly() {
    // `openssl ocsp -resp_text` pasted after the certificate and its CA.
    let text = include_str!("data/ocsp/revoked-resp-text.txt");
    let r = inspect(text.into(), options("2026-12-04".into())).unwrap();
    assert_eq!(
        get(&r, "ocsp.0.responses.0.status").as_string().unwrap(),
        "revoked"
    );
    assert_eq!(
        get(&r, "ocsp.0.responses.0.certificate").as_f64(),
        Some(0.0)
    );
    assert_eq!(
        get(&r, "ocsp.0.signature.verdict").as_string().unwrap(),
        "unchecked"
    );
}

/// PKITS 4.14.24 (an indirect CRL names the end entity's issuer) and 4.1.5 (DSA with
/// parameters inherited from the issuer's key), through the WebAssembly API.
#[wasm_bindgen_test]
fn indirect_crls_and_dsa_are_checked_in_webassembly() {
    let pem = |names: &[&[u8]]| -> String {
        names
            .iter()
            .map(|der| {
                der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, der).unwrap()
            })
            .collect()
    };
    let root = pem(&[include_bytes!(
        "data/pkits/certs/TrustAnchorRootCertificate.crt"
    )]);
    let run = |chain: String, crls: &[&[u8]], rfc5280: bool| {
        let o = options("2012-01-01".into());
        Reflect::set(&o, &"roots".into(), &root.clone().into()).unwrap();
        let all: Vec<u8> = crls.concat();
        Reflect::set(&o, &"crls".into(), &Uint8Array::from(all.as_slice())).unwrap();
        if rfc5280 {
            Reflect::set(&o, &"rfc5280".into(), &JsValue::TRUE).unwrap();
        }
        inspect(chain.into(), o).unwrap()
    };
    let r = run(
        pem(&[
            include_bytes!("data/pkits/certs/ValidIDPwithindirectCRLTest24EE.crt"),
            include_bytes!("data/pkits/certs/indirectCRLCA1Cert.crt"),
            include_bytes!("data/pkits/certs/indirectCRLCA2Cert.crt"),
        ]),
        &[
            include_bytes!("data/pkits/crls/TrustAnchorRootCRL.crl"),
            include_bytes!("data/pkits/crls/indirectCRLCA1CRL.crl"),
        ],
        false,
    );
    assert_eq!(get(&r, "chains.0.browser.trusted").as_bool(), Some(true));
    let r = run(
        pem(&[
            include_bytes!("data/pkits/certs/ValidDSAParameterInheritanceTest5EE.crt"),
            include_bytes!("data/pkits/certs/DSAParametersInheritedCACert.crt"),
            include_bytes!("data/pkits/certs/DSACACert.crt"),
        ]),
        &[
            include_bytes!("data/pkits/crls/TrustAnchorRootCRL.crl"),
            include_bytes!("data/pkits/crls/DSACACRL.crl"),
            include_bytes!("data/pkits/crls/DSAParametersInheritedCACRL.crl"),
        ],
        true,
    );
    assert_eq!(get(&r, "chains.0.rfc5280.trusted").as_bool(), Some(true));
    // Browsers refuse it: DSA with SHA-1.
    assert_eq!(get(&r, "chains.0.browser.trusted").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn the_rfc5280_verdict_processes_certificate_policies_in_webassembly() {
    // PKITS 4.10.3: P2 survives three mappings; asked for P1 only, the path fails.
    let chain = include_str!("data/policy/mapping-chain.pem");
    let root = include_str!("data/policy/pkits-root.pem");
    let run = |policies: &[&str]| {
        let o = options("2026-12-04".into());
        Reflect::set(&o, &"roots".into(), &root.into()).unwrap();
        let p = Object::new();
        let list: Array = policies.iter().map(|s| JsValue::from_str(s)).collect();
        Reflect::set(&p, &"policies".into(), &list).unwrap();
        Reflect::set(&o, &"rfc5280".into(), &p).unwrap();
        inspect(chain.into(), o).unwrap()
    };
    let r = run(&[]);
    assert_eq!(get(&r, "chains.0.rfc5280.trusted").as_bool(), Some(true));
    assert_eq!(
        get(&r, "chains.0.rfc5280.policy.user.0")
            .as_string()
            .unwrap(),
        "2.16.840.1.101.3.2.1.48.2"
    );
    assert_eq!(
        get(&r, "chains.0.rfc5280.profile").as_string().unwrap(),
        "rfc5280"
    );
    let r = run(&["2.16.840.1.101.3.2.1.48.1"]);
    assert_eq!(get(&r, "chains.0.rfc5280.trusted").as_bool(), Some(false));
    assert_eq!(
        get(&r, "chains.0.rfc5280.problem.code")
            .as_string()
            .unwrap(),
        "policy"
    );
    assert_eq!(get(&r, "chains.0.browser.trusted").as_bool(), Some(true));
    // A policy that is not an OID is refused with a message.
    let o = options("2026-12-04".into());
    let p = Object::new();
    let list: Array = std::iter::once(JsValue::from_str("policy-1")).collect();
    Reflect::set(&p, &"policies".into(), &list).unwrap();
    Reflect::set(&o, &"rfc5280".into(), &p).unwrap();
    assert!(inspect(chain.into(), o).is_err());
}
