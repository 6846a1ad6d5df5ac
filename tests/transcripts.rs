//! Real `openssl s_client` and `curl -v` output recorded by tests/data/transcripts/record.sh
//! against `openssl s_server`: every field certscope reads from them, the chain found inside,
//! and the verdicts the recorded tools reached.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::{inspect, ConnectionReport, Options, Report, Roots};

/// 2026-12-01: the recorded leaves are valid then (the "expired" one is not).
const AT: u64 = 1_796_083_200;

fn run(file: &str) -> Report {
    let text = std::fs::read(format!("tests/data/transcripts/{file}")).unwrap();
    let root = std::fs::read("tests/data/transcripts/s_client-root.pem").unwrap();
    inspect(
        &text,
        &Options::at(AT).roots(Roots::Custom {
            certificates: root.clone(),
            with_mozilla: false,
        }),
    )
    .unwrap()
}

fn connection(r: &Report) -> &ConnectionReport {
    assert_eq!(r.connections.len(), 1);
    &r.connections[0]
}

fn ids(r: &Report) -> Vec<&'static str> {
    r.all_findings().map(|f| f.id).collect()
}

#[test]
fn complete_chain_tls13() {
    let r = run("s_client-showcerts.txt");
    let c = connection(&r);
    assert_eq!(c.tool, "openssl s_client");
    assert_eq!(
        (c.host.as_deref(), c.port),
        (Some("www.certscope.test"), Some(443))
    );
    assert_eq!(c.protocol.as_deref(), Some("TLSv1.3"));
    assert_eq!(c.cipher.as_deref(), Some("TLS_AES_256_GCM_SHA384"));
    let info = c.cipher_info.as_ref().unwrap();
    assert_eq!(
        (info.encryption.as_str(), info.aead, info.forward_secrecy),
        ("AES-256-GCM", true, true)
    );
    assert_eq!(c.group.as_deref(), Some("X25519"));
    assert!(!c.post_quantum);
    // Quantum-safe? Neither: the key exchange is X25519, the certificate's key ECDSA.
    assert_eq!(
        (c.quantum.key_exchange, c.quantum.signature),
        ("classical", "classical")
    );
    assert!(
        c.quantum.summary.starts_with(
            "Key exchange not quantum-safe (X25519); certificate signature not (ECDSA"
        ),
        "{}",
        c.quantum.summary
    );
    assert!(c
        .quantum
        .explanation
        .contains("ssl_ecdh_curve X25519MLKEM768"));
    assert_eq!(c.peer_signature.as_deref(), Some("ECDSA with SHA256"));
    assert_eq!(c.alpn, None);
    let v = c.verify.as_ref().unwrap();
    assert_eq!((v.code, v.ok, v.text.as_str()), (Some(0), true, "ok"));
    let depths: Vec<(usize, Option<usize>)> =
        c.chain.iter().map(|l| (l.depth, l.certificate)).collect();
    assert_eq!(
        depths,
        vec![(0, Some(0)), (1, Some(1))],
        "each chain line is matched to its certificate"
    );
    assert!(c
        .steps
        .iter()
        .any(|s| s.contains("port 443 (the HTTPS default)")));
    assert!(c.steps.iter().any(
        |s| s.contains("TLSv1.3 with TLS_AES_256_GCM_SHA384 and the key-exchange group X25519")
    ));
    // The transcript's SNI name is used to check the chain.
    assert_eq!(r.chains[0].host.as_deref(), Some("www.certscope.test"));
    assert!(
        r.chains[0].browser.trusted,
        "{}",
        r.chains[0].browser.summary
    );
    assert!(c.findings.is_empty(), "{:?}", ids(&r));
}

#[test]
fn missing_intermediate() {
    let r = run("s_client-missing.txt");
    let c = connection(&r);
    let v = c.verify.as_ref().unwrap();
    assert_eq!((v.code, v.ok), (Some(21), false));
    assert!(v.meaning.contains("intermediate"));
    assert_eq!(c.chain.len(), 1);
    let found = ids(&r);
    assert!(found.contains(&"tls.verify-failed"));
    assert!(found.contains(&"chain.missing-intermediate"), "{found:?}");
    assert!(!r.chains[0].browser.trusted);
}

#[test]
fn expired_leaf() {
    let r = run("s_client-expired.txt");
    let v = connection(&r).verify.clone().unwrap();
    assert_eq!(
        (v.code, v.text.as_str()),
        (Some(10), "certificate has expired")
    );
    assert!(ids(&r).contains(&"cert.expired"));
    assert!(!r.chains[0].browser.trusted);
}

#[test]
fn wrong_name() {
    let r = run("s_client-wrong-name.txt");
    let c = connection(&r);
    assert_eq!(c.host.as_deref(), Some("other.certscope.test"));
    assert_eq!(c.verify.as_ref().unwrap().code, Some(62));
    assert!(c
        .verify
        .as_ref()
        .unwrap()
        .meaning
        .contains("not valid for the name"));
    // The chain is checked for the name the client asked for, and fails on it.
    assert_eq!(r.chains[0].host.as_deref(), Some("other.certscope.test"));
    assert!(!r.chains[0].browser.trusted);
    assert_eq!(
        r.chains[0].browser.problem.as_ref().unwrap().code,
        "hostname"
    );
}

#[test]
fn tls12_rsa_with_status_request() {
    let r = run("s_client-tls12-rsa.txt");
    let c = connection(&r);
    assert_eq!(c.protocol.as_deref(), Some("TLSv1.2"));
    assert_eq!(c.cipher.as_deref(), Some("ECDHE-RSA-AES128-GCM-SHA256"));
    let info = c.cipher_info.as_ref().unwrap();
    assert_eq!(
        (
            info.key_exchange.as_str(),
            info.authentication.as_str(),
            info.forward_secrecy
        ),
        ("ECDHE", "RSA", true)
    );
    assert_eq!(c.ocsp.as_deref(), Some("no response sent"));
    assert!(c.peer_signature.as_deref().unwrap().starts_with("RSA-PSS"));
    assert!(c.steps.iter().any(|s| s.starts_with("ServerKeyExchange")));
    let found = ids(&r);
    assert!(
        found.contains(&"tls.version-1.2") && found.contains(&"tls.no-ocsp-staple"),
        "{found:?}"
    );
    assert_eq!(r.certificates[0].public_key.algorithm, "RSA");
}

#[test]
fn curl_verbose_with_headers() {
    let r = run("curl-v.txt");
    let c = connection(&r);
    assert_eq!(c.tool, "curl");
    assert_eq!(
        (c.host.as_deref(), c.ip.as_deref(), c.port),
        (Some("www.certscope.test"), Some("127.0.0.1"), Some(443))
    );
    assert_eq!(
        (c.protocol.as_deref(), c.cipher.as_deref()),
        (Some("TLSv1.3"), Some("TLS_AES_256_GCM_SHA384"))
    );
    assert!(c.verify.as_ref().unwrap().ok);
    let subject = c
        .server_certificate
        .iter()
        .find(|(k, _)| k == "subject")
        .unwrap();
    assert_eq!(subject.1, "CN=www.certscope.test");
    assert!(ids(&r).contains(&"tls.no-http2"));
    // The HTTP response after the handshake goes to the headers analysis, with its URL.
    let site = &r.http[0];
    assert_eq!(site.url.as_deref(), Some("https://www.certscope.test/"));
    assert_eq!(site.responses[0].status, Some(200));
    assert!(site.findings.iter().any(|f| f.id == "hsts.missing"));
}

#[test]
fn curl_verbose_verify_failure() {
    let r = run("curl-v-missing.txt");
    let v = connection(&r).verify.clone().unwrap();
    assert!(!v.ok);
    assert_eq!(v.text, "unable to get local issuer certificate");
    assert!(v.meaning.contains("intermediate"));
    assert!(r.http.is_empty(), "no response was received");
}

#[test]
fn garbage_around_a_transcript_hides_nothing() {
    let text = std::fs::read_to_string("tests/data/transcripts/s_client-showcerts.txt").unwrap();
    let noisy = format!(
        "random preamble !!\n\u{1b}[31mcolour\u{1b}[0m\n{}\n$ exit\nlogout\n",
        text.replace(
            "---\nServer certificate",
            "garbage line here\n---\nServer certificate"
        )
    );
    let root = std::fs::read("tests/data/transcripts/s_client-root.pem").unwrap();
    let r = inspect(
        noisy.as_bytes(),
        &Options::at(AT).roots(Roots::Custom {
            certificates: root.clone(),
            with_mozilla: false,
        }),
    )
    .unwrap();
    assert_eq!(r.certificates.len(), 2);
    assert_eq!(r.connections[0].protocol.as_deref(), Some("TLSv1.3"));
    assert!(r.chains[0].browser.trusted);
}

/// The same recorded handshake as OpenSSL 3.5 prints a hybrid group: the key exchange is
/// quantum-safe, the ECDSA certificate is not; the obsolete Kyber draft is named as such.
#[test]
fn the_quantum_safe_line_judges_the_group_and_the_certificate_apart() {
    let text = std::fs::read_to_string("tests/data/transcripts/s_client-showcerts.txt").unwrap();
    let root = std::fs::read("tests/data/transcripts/s_client-root.pem").unwrap();
    let options = Options::at(AT).roots(Roots::Custom {
        certificates: root,
        with_mozilla: false,
    });
    for (group, kx, line) in [
        (
            "X25519MLKEM768",
            "hybrid",
            "Key exchange quantum-safe (hybrid X25519MLKEM768); certificate signature not (ECDSA",
        ),
        (
            "SecP256r1MLKEM768",
            "hybrid",
            "Key exchange quantum-safe (hybrid SecP256r1MLKEM768)",
        ),
        (
            "X25519Kyber768Draft00",
            "obsolete-draft",
            "Key exchange X25519Kyber768Draft00: a pre-standard draft",
        ),
    ] {
        let pasted = text.replace(
            "Server Temp Key: X25519, 253 bits",
            &format!("Negotiated TLS1.3 group: {group}"),
        );
        let r = inspect(pasted.as_bytes(), &options).unwrap();
        let c = connection(&r);
        assert_eq!(c.quantum.key_exchange, kx, "{group}");
        assert!(c.quantum.summary.starts_with(line), "{}", c.quantum.summary);
        assert!(c.post_quantum);
    }
}
