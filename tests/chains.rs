//! Chain verdicts on generated and real chains: each deliberately broken chain gives the right
//! reason, and the server-chain diagnostics name what to fix.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use certscope::{inspect, ChainReport, Options, Role, Roots, Severity, Usage};

/// 2026-02-01T00:00:00Z
const AT: u64 = 1_769_904_000;

fn data(path: &str) -> Vec<u8> {
    std::fs::read(format!("tests/data/{path}")).unwrap()
}

fn root(name: &str) -> Roots {
    Roots::Custom {
        certificates: data(&format!("generated/{name}-root.pem")),
        with_mozilla: false,
    }
}

fn chain(input: &[u8], options: Options) -> ChainReport {
    let report = inspect(input, &options).unwrap();
    assert_eq!(report.chains.len(), 1, "{:?}", report.chains);
    report.chains.into_iter().next().unwrap()
}

fn ids(c: &ChainReport) -> Vec<&str> {
    c.findings.iter().map(|f| f.id).collect()
}

#[test]
fn a_complete_chain_is_trusted_for_its_names() {
    for t in ["rsa2048", "rsa4096", "p256", "p384", "ed25519"] {
        let input = data(&format!("generated/{t}-chain.pem"));
        let c = chain(
            &input,
            Options::at(AT).roots(root(t)).host("www.certscope.test"),
        );
        assert!(
            c.browser.trusted && c.strict.trusted,
            "{t}: {:?} / {:?}",
            c.browser.problem,
            c.strict.problem
        );
        assert_eq!(
            c.browser.summary,
            format!("Trusted for www.certscope.test until 2026-04-01 via certscope {t} Root")
        );
        assert_eq!(
            c.browser.valid_until.as_deref(),
            Some("2026-04-01T00:00:00Z")
        );
        let kinds: Vec<Role> = c.browser.path.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [Role::Leaf, Role::Intermediate, Role::Root]);
        let pasted: Vec<Option<usize>> = c.browser.path.iter().map(|l| l.certificate).collect();
        assert_eq!(pasted, [Some(0), Some(1), Some(2)]);
        assert_eq!(ids(&c), ["chain.root-sent"]);
        // Wildcards and IP addresses from the SAN work too; other names do not.
        for host in [
            "x.api.certscope.test",
            "192.0.2.10",
            "2001:db8::10",
            "CERTSCOPE.test.",
        ] {
            assert!(
                chain(&input, Options::at(AT).roots(root(t)).host(host))
                    .browser
                    .trusted,
                "{t} {host}"
            );
        }
    }
}

#[test]
fn internationalised_names_in_both_forms() {
    let input = data("generated/idn-chain.pem");
    let report = inspect(&input, &Options::at(AT)).unwrap();
    let san = report.certificates[0]
        .extensions
        .iter()
        .find_map(|e| match &e.value {
            certscope::ExtensionValue::SubjectAltName { names } => Some(names.clone()),
            _ => None,
        });
    let unicode: Vec<Option<String>> = san.unwrap().into_iter().map(|n| n.unicode).collect();
    assert_eq!(
        unicode,
        [
            Some("bücher.example".to_owned()),
            Some("*.例え.jp".to_owned())
        ]
    );
    // A hostname typed in Unicode is checked as its A-label, and shown both ways.
    for host in ["bücher.example", "xn--bcher-kva.example", "www.例え.jp"] {
        let c = chain(&input, Options::at(AT).roots(root("rsa2048")).host(host));
        assert!(c.browser.trusted, "{host}: {:?}", c.browser.problem);
    }
    let c = chain(
        &input,
        Options::at(AT)
            .roots(root("rsa2048"))
            .host("Bücher.example"),
    );
    assert!(
        c.browser
            .summary
            .starts_with("Trusted for bücher.example (xn--bcher-kva.example) until"),
        "{}",
        c.browser.summary
    );
}

#[test]
fn the_chain_inside_an_s_client_transcript() {
    // Real `openssl s_client -showcerts` output (tests/data/transcripts/record.sh).
    let transcript = data("transcripts/s_client-showcerts.txt");
    let roots = Roots::Custom {
        certificates: data("transcripts/s_client-root.pem"),
        with_mozilla: false,
    };
    // 2026-12-01: inside the recorded leaf's 90 days.
    let c = chain(
        &transcript,
        Options::at(1_796_083_200)
            .roots(roots)
            .host("www.certscope.test"),
    );
    assert!(c.browser.trusted, "{:?}", c.browser.problem);
    assert_eq!(c.browser.path.len(), 3);
    assert!(c.findings.is_empty(), "{:?}", ids(&c));
}

#[test]
fn wrong_hostname() {
    let c = chain(
        &data("generated/p256-chain.pem"),
        Options::at(AT)
            .roots(root("p256"))
            .host("api.certscope.test"),
    );
    assert!(!c.browser.trusted);
    let p = c.browser.problem.unwrap();
    assert_eq!(p.code, "hostname");
    assert!(p.message.contains("not valid for api.certscope.test: it is valid for www.certscope.test, certscope.test, *.api.certscope.test"), "{}", p.message);
    // The common name is never a fallback.
    let c = chain(
        &data("generated/flawed-no-san.pem"),
        Options::at(AT)
            .roots(Roots::None)
            .host("flawed.certscope.test"),
    );
    assert!(!c.browser.trusted);
}

#[test]
fn missing_intermediate_names_the_issuer_and_where_to_fetch_it() {
    let c = chain(
        &data("generated/p256-leaf.pem"),
        Options::at(AT)
            .roots(root("p256"))
            .host("www.certscope.test"),
    );
    assert!(!c.browser.trusted);
    assert_eq!(c.browser.problem.as_ref().unwrap().code, "unknown-issuer");
    let f = &c.findings[0];
    assert_eq!(f.id, "chain.missing-intermediate");
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.explanation.contains("CN=certscope p256 Intermediate"),
        "{}",
        f.explanation
    );
    assert_eq!(f.evidence, "issuer's certificate is published at http://ca.certscope.test/intermediate.crt (from AIA caIssuers)");
}

#[test]
fn deliberately_broken_chains_give_the_right_reason() {
    let cases = [
        (
            "broken-expired-intermediate.pem",
            "expired",
            "expired on 2025-12-31T00:00:00Z",
        ),
        (
            "broken-ca-false-issuer.pem",
            "not-a-ca",
            "is not a CA (basicConstraints cA is not set)",
        ),
        (
            "broken-name-constraints.pem",
            "name-constraints",
            "dns www.certscope.test is outside the permitted names",
        ),
    ];
    for (file, code, words) in cases {
        let c = chain(
            &data(&format!("generated/{file}")),
            Options::at(AT)
                .roots(root("rsa2048"))
                .host("www.certscope.test"),
        );
        for v in [&c.browser, &c.strict] {
            assert!(!v.trusted, "{file}");
            let p = v.problem.as_ref().unwrap();
            assert_eq!(p.code, code, "{file}: {}", p.message);
            assert!(p.message.contains(words), "{file}: {}", p.message);
        }
    }
}

#[test]
fn bad_signature_is_caught_and_backtracking_finds_the_good_issuer() {
    let pem = String::from_utf8(data("generated/rsa2048-chain.pem")).unwrap();
    let report = inspect(pem.as_bytes(), &Options::at(AT)).unwrap();
    // Corrupt the leaf's signature (last bytes of its DER).
    let mut der = common::pem_der(&report.certificates[0].pem);
    let n = der.len();
    der[n - 10] ^= 0xff;
    let mut input = common::pem_of(&der);
    input.push_str(&report.certificates[1].pem);
    let c = chain(input.as_bytes(), Options::at(AT).roots(root("rsa2048")));
    assert_eq!(c.browser.problem.as_ref().unwrap().code, "bad-signature");

    // An unrelated intermediate with the same name (another key) given first: the verifier
    // must back off from it and use the real one.
    let impostor = String::from_utf8(data("generated/broken-expired-intermediate.pem")).unwrap();
    let impostor_int = impostor
        .split_inclusive("-----END CERTIFICATE-----\n")
        .nth(1)
        .unwrap();
    let renamed = impostor_int.to_owned();
    let input = format!(
        "{}{renamed}{}",
        report.certificates[0].pem, report.certificates[1].pem
    );
    let c = chain(input.as_bytes(), Options::at(AT).roots(root("rsa2048")));
    assert!(c.browser.trusted, "{:?}", c.browser.problem);
    assert_eq!(ids(&c), ["chain.extra-certificate"]);
    // The intermediate before the leaf: trusted, but in the wrong order.
    let swapped = format!(
        "{}{}",
        report.certificates[1].pem, report.certificates[0].pem
    );
    let c = chain(swapped.as_bytes(), Options::at(AT).roots(root("rsa2048")));
    assert!(c.browser.trusted);
    assert_eq!(c.leaf, 1);
    assert_eq!(ids(&c), ["chain.wrong-order"]);
    assert_eq!(c.findings[0].evidence, "given in the order [2], [1]");
}

#[test]
fn untrusted_private_root_and_an_empty_trust_store() {
    let input = data("generated/rsa2048-chain.pem");
    let c = chain(&input, Options::at(AT));
    assert_eq!(c.browser.problem.as_ref().unwrap().code, "untrusted-root");
    assert!(ids(&c).contains(&"chain.untrusted-root"));
    let c = chain(&input, Options::at(AT).roots(Roots::None));
    assert!(!c.browser.trusted);
}

#[test]
fn evaluation_time_moves_the_verdict_and_the_chain_end_is_reported() {
    let input = data("generated/rsa2048-chain.pem");
    let later = chain(&input, Options::at(1_780_000_000).roots(root("rsa2048")));
    assert_eq!(later.browser.problem.as_ref().unwrap().code, "expired");
    let earlier = chain(&input, Options::at(1_760_000_000).roots(root("rsa2048")));
    assert_eq!(
        earlier.browser.problem.as_ref().unwrap().code,
        "not-yet-valid"
    );
}

#[test]
fn usage_client_auth_and_max_depth() {
    let input = data("generated/rsa2048-chain.pem");
    // The generated leaf allows serverAuth and clientAuth.
    assert!(
        chain(
            &input,
            Options::at(AT)
                .roots(root("rsa2048"))
                .usage(Usage::ClientAuth)
        )
        .browser
        .trusted
    );
    let c = chain(
        &input,
        Options::at(AT).roots(root("rsa2048")).max_intermediates(0),
    );
    assert_eq!(c.browser.problem.as_ref().unwrap().code, "max-depth");
}

#[test]
fn strict_and_browser_verdicts_differ_where_browsers_are_lenient() {
    // A leaf without extended key usage: browsers accept it, the Baseline Requirements do not.
    let mut input = data("generated/flawed-no-eku.pem");
    input.extend(data("generated/rsa2048-intermediate.pem"));
    let c = chain(
        &input,
        Options::at(AT)
            .roots(root("rsa2048"))
            .host("flawed.certscope.test"),
    );
    assert!(c.browser.trusted, "{:?}", c.browser.problem);
    assert!(!c.strict.trusted);
    let p = c.strict.problem.unwrap();
    assert_eq!(p.code, "strict:eku-missing");
    assert!(p.message.contains("BR §7.1.2.7.10"));
}

#[test]
fn a_self_signed_server_certificate_trusted_directly() {
    let input = data("generated/flawed-self-signed-leaf.pem");
    let trusted = Roots::Custom {
        certificates: input.clone(),
        with_mozilla: false,
    };
    let c = chain(&input, Options::at(AT).roots(trusted).host("localhost"));
    assert!(
        c.browser.trusted && c.strict.trusted,
        "{:?}",
        c.browser.problem
    );
    assert_eq!(c.browser.path.len(), 1);
    // Without that trust, it is an untrusted root.
    let c = chain(&input, Options::at(AT).host("localhost"));
    assert_eq!(c.browser.problem.unwrap().code, "untrusted-root");
}

#[test]
fn sha1_signed_certificates_fail_the_browser_verdict() {
    let mut input = data("generated/flawed-sha1.pem");
    input.extend(data("generated/rsa2048-intermediate.pem"));
    let c = chain(
        &input,
        Options::at(AT)
            .roots(root("rsa2048"))
            .host("flawed.certscope.test"),
    );
    assert!(!c.browser.trusted);
    assert_eq!(c.browser.problem.as_ref().unwrap().code, "weak-signature");
}

#[test]
fn rsa_pss_and_p521_signatures_verify() {
    for file in [
        "rsa-pss/self_signed_sha256.der",
        "rsa-pss/self_signed_sha384.der",
        "rsa-pss/self_signed_sha512.der",
        "p521-selfsigned.der",
    ] {
        let report = inspect(&data(&format!("x509-parser/{file}")), &Options::at(AT)).unwrap();
        let c = &report.certificates[0];
        assert!(c.self_issued && c.self_signed, "{file}");
    }
}

#[test]
fn a_cross_signed_intermediate_is_explained() {
    // The rsa2048 intermediate, and the same name and key issued by the rsa4096 root.
    let input = data("generated/cross-signed-chain.pem");
    let c = chain(
        &input,
        Options::at(AT)
            .roots(root("rsa2048"))
            .host("www.certscope.test"),
    );
    assert!(c.browser.trusted, "{:?}", c.browser.problem);
    assert!(ids(&c).contains(&"chain.cross-signed"), "{:?}", ids(&c));
}

#[test]
fn a_real_intermediate_whose_root_left_mozillas_store() {
    // Let's Encrypt X3, cross-signed by IdenTrust's DST Root CA X3 (removed from Mozilla's
    // store after it expired in 2021).
    let report = inspect(
        &data("x509-parser/lets-encrypt-x3-cross-signed.der"),
        &Options::at(1_600_000_000),
    )
    .unwrap();
    let c = &report.chains[0];
    let p = c.browser.problem.as_ref().unwrap();
    assert_eq!(p.code, "unknown-issuer");
    assert!(p.message.contains("DST Root CA X3"), "{}", p.message);
    assert!(
        p.message
            .contains("http://apps.identrust.com/roots/dstrootcax3.p7c"),
        "{}",
        p.message
    );
}
