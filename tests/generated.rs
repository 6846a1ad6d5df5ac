//! Chains made by tests/data/generated/generate.sh: every field the script fixed is read back.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use certscope::{
    inspect, CertificateReport, ExtensionValue, Options, Report, Role, Severity, ValidityState,
};

/// 2026-02-01T00:00:00Z: inside every generated leaf's validity.
const AT: u64 = 1_769_904_000;

fn read(name: &str, at: u64) -> Report {
    let bytes = std::fs::read(format!("tests/data/generated/{name}")).unwrap();
    let report = inspect(&bytes, &Options::at(at)).unwrap();
    assert!(report.errors.is_empty(), "{name}: {:?}", report.errors);
    report
}

fn ext<'a>(c: &'a CertificateReport, kind: &str) -> &'a ExtensionValue {
    let wanted = |v: &ExtensionValue| serde_json::to_value(v).unwrap()["kind"] == kind;
    &c.extensions
        .iter()
        .find(|e| wanted(&e.value))
        .unwrap_or_else(|| panic!("no {kind}"))
        .value
}

/// File prefix, key algorithm, bits, curve, signature algorithm name.
type Chain = (
    &'static str,
    &'static str,
    Option<u32>,
    Option<&'static str>,
    &'static str,
);

const CHAINS: &[Chain] = &[
    ("rsa2048", "RSA", Some(2048), None, "SHA-256 with RSA"),
    ("rsa4096", "RSA", Some(4096), None, "SHA-256 with RSA"),
    ("p256", "EC", Some(256), Some("P-256"), "ECDSA with SHA-256"),
    ("p384", "EC", Some(384), Some("P-384"), "ECDSA with SHA-384"),
    ("ed25519", "Ed25519", Some(256), None, "Ed25519"),
];

#[test]
fn chains_of_every_key_type_read_back_exactly() {
    for &(prefix, alg, bits, curve, sig) in CHAINS {
        let report = read(&format!("{prefix}-chain.pem"), AT);
        let [leaf, int, root] = &report.certificates[..] else {
            panic!("{prefix}: expected 3 certificates")
        };
        for c in [leaf, int, root] {
            assert_eq!(c.public_key.algorithm, alg, "{prefix}");
            assert_eq!(c.public_key.bits, bits, "{prefix}");
            assert_eq!(c.public_key.curve.as_deref(), curve, "{prefix}");
            assert_eq!(c.signature_algorithm.name, sig, "{prefix}");
            assert_eq!(c.version, 3);
            assert_eq!(c.fingerprints.sha256.len(), 32 * 3 - 1);
            assert_eq!(c.fingerprints.spki_sha256.len(), 44);
        }
        if alg == "RSA" {
            assert_eq!(leaf.public_key.exponent, Some(65537));
        }
        assert_eq!(
            (leaf.role, int.role, root.role),
            (Role::Leaf, Role::Intermediate, Role::Root),
            "{prefix}"
        );
        assert!(
            root.self_signed && !int.self_issued && !leaf.self_issued,
            "{prefix}"
        );
        assert_eq!(
            root.subject.display,
            format!("CN=certscope {prefix} Root,O=certscope tests,C=NZ")
        );
        assert_eq!(int.issuer, root.subject);
        assert_eq!(leaf.issuer, int.subject);
        assert_eq!(
            leaf.subject.common_name.as_deref(),
            Some("www.certscope.test")
        );
        assert_eq!(
            leaf.subject.organization.as_deref(),
            Some("certscope tests")
        );
        assert_eq!(leaf.serial, "2A:3B:4C:5D:6E:7F:80:91");
        assert_eq!(root.serial, "01");

        assert_eq!(leaf.validity.not_before, "2026-01-01T00:00:00Z");
        assert_eq!(leaf.validity.not_after, "2026-04-01T00:00:00Z");
        assert_eq!(leaf.validity.lifetime_days, 90);
        assert_eq!(leaf.validity.state, ValidityState::Valid);
        assert_eq!(leaf.validity.days, 59);
        assert_eq!(leaf.validity.elapsed_percent, 34);
        assert_eq!(root.validity.not_after, "2035-01-01T00:00:00Z");

        assert_eq!(
            leaf.names,
            [
                "www.certscope.test",
                "certscope.test",
                "*.api.certscope.test",
                "192.0.2.10",
                "2001:db8::10"
            ]
        );
        assert!(leaf.wildcard && !int.wildcard);
        let ExtensionValue::SubjectAltName { names } = ext(leaf, "subjectAltName") else {
            unreachable!()
        };
        let san: Vec<(&str, &str)> = names
            .iter()
            .map(|n| (n.kind.as_str(), n.value.as_str()))
            .collect();
        assert_eq!(
            san,
            [
                ("dns", "www.certscope.test"),
                ("dns", "certscope.test"),
                ("dns", "*.api.certscope.test"),
                ("ip", "192.0.2.10"),
                ("ip", "2001:db8::10"),
                ("email", "admin@certscope.test"),
                ("uri", "https://certscope.test/"),
                ("otherName", "UPN: admin@certscope.test"),
                ("directoryName", "CN=Directory Name,O=certscope tests"),
                ("registeredId", "1.2.3.4"),
            ]
        );
        assert_eq!(
            ext(leaf, "keyUsage"),
            &ExtensionValue::KeyUsage {
                usages: vec!["digitalSignature"]
            }
        );
        let ExtensionValue::ExtendedKeyUsage { purposes } = ext(leaf, "extendedKeyUsage") else {
            unreachable!()
        };
        assert_eq!(
            purposes.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["serverAuth", "clientAuth"]
        );
        assert_eq!(
            ext(leaf, "basicConstraints"),
            &ExtensionValue::BasicConstraints {
                ca: false,
                path_len: None
            }
        );
        assert_eq!(
            ext(int, "basicConstraints"),
            &ExtensionValue::BasicConstraints {
                ca: true,
                path_len: Some(0)
            }
        );
        assert_eq!(
            ext(root, "basicConstraints"),
            &ExtensionValue::BasicConstraints {
                ca: true,
                path_len: None
            }
        );

        // The leaf's AKI is the intermediate's SKI.
        let ExtensionValue::SubjectKeyIdentifier { key_id: int_ski } =
            ext(int, "subjectKeyIdentifier")
        else {
            unreachable!()
        };
        let ExtensionValue::AuthorityKeyIdentifier { key_id, .. } =
            ext(leaf, "authorityKeyIdentifier")
        else {
            unreachable!()
        };
        assert_eq!(key_id.as_ref(), Some(int_ski));

        let ExtensionValue::InfoAccess { entries } = ext(leaf, "infoAccess") else {
            unreachable!()
        };
        let aia: Vec<(&str, &str)> = entries
            .iter()
            .map(|e| (e.method.as_str(), e.location.value.as_str()))
            .collect();
        assert_eq!(
            aia,
            [
                ("ocsp", "http://ocsp.certscope.test"),
                ("caIssuers", "http://ca.certscope.test/intermediate.crt")
            ]
        );
        let ExtensionValue::CrlDistributionPoints { points } = ext(leaf, "crlDistributionPoints")
        else {
            unreachable!()
        };
        assert_eq!(
            points[0].value,
            "http://crl.certscope.test/intermediate.crl"
        );
        let ExtensionValue::CertificatePolicies { policies } = ext(leaf, "certificatePolicies")
        else {
            unreachable!()
        };
        assert_eq!(policies[0].oid, "2.23.140.1.2.1");
        assert_eq!(
            policies[0].name.as_deref(),
            Some("CA/B Forum Domain Validated (DV)")
        );
        let ExtensionValue::TlsFeature { features } = ext(leaf, "tlsFeature") else {
            unreachable!()
        };
        assert_eq!(features, &["status_request (OCSP must-staple)"]);

        // A clean chain has no errors or warnings — except that the leaves carry a SAN of
        // every type on purpose (including a documentation-range IP address), and the Baseline
        // Requirements allow only DNS names and public IP addresses in TLS certificates; and
        // their names are under .test (RFC 2606), which no public CA may certify: exactly those
        // rules fire.
        // The chain ends at its own root, which is not in the trust store: a private CA, so
        // the public-CA rules are notes, each saying why (and the chain says how to add the
        // root).
        assert!(
            report.chains[0]
                .findings
                .iter()
                .any(|f| f.id == "chain.private-ca"),
            "{prefix}"
        );
        for c in [leaf, int, root] {
            assert!(
                c.findings
                    .iter()
                    .all(|f| f.severity == Severity::Info || f.id.starts_with("cert.")),
                "{prefix}"
            );
            let serious: Vec<&str> = c
                .findings
                .iter()
                .filter(|f| f.explanation.contains("looks privately issued"))
                .map(|f| f.id)
                .collect();
            let mut expected: Vec<&str> = if std::ptr::eq(c, leaf) {
                vec![
                    "br.san-uri",
                    "br.san-email",
                    "br.san-directory-name",
                    "br.san-other-name",
                    "br.san-registered-id",
                    "ip.reserved-in-san",
                    "dns.unknown-tld",
                    // zlint's deeper catalogue (the lint module): an organization with no
                    // locality or province.
                    "br.locality-required",
                    "br.province-required",
                    // BR 2.0 §7.1.2.7.2: a DV subject holds a country and a CN only.
                    "br.dv-subject-attributes",
                    // BR 2.0 §7.1.2.7.6: subjectKeyIdentifier NOT RECOMMENDED in a leaf.
                    "br.sub-cert-ski",
                ]
            } else {
                Vec::new()
            };
            // The BR (§7.1.3.2) list no Ed25519 signature: every certificate it signs breaks it.
            if prefix.starts_with("ed25519") {
                let at = expected
                    .iter()
                    .position(|id| id.starts_with("ip.") || id.starts_with("dns."));
                expected.insert(at.unwrap_or(expected.len()), "sig.not-allowed");
            }
            assert_eq!(serious, expected, "{prefix}");
        }
    }
}

#[test]
fn each_flawed_leaf_gets_its_findings() {
    // 2026-01-02: early in every flawed certificate's validity.
    const EARLY: u64 = 1_767_312_000;
    /// File, evaluation time, expected findings in order.
    type Case = (&'static str, u64, &'static [(&'static str, Severity)]);
    let cases: &[Case] = &[
        (
            "flawed-expired.pem",
            AT,
            &[("cert.expired", Severity::Error)],
        ),
        ("flawed-no-san.pem", AT, &[("cert.no-san", Severity::Error)]),
        (
            "flawed-cn-not-in-san.pem",
            AT,
            &[("cert.cn-not-in-san", Severity::Warning)],
        ),
        (
            "flawed-sha1.pem",
            AT,
            &[("cert.weak-signature", Severity::Error)],
        ),
        (
            "flawed-rsa1024.pem",
            AT,
            &[("cert.rsa-weak-key", Severity::Error)],
        ),
        (
            "flawed-long-lifetime.pem",
            AT,
            &[("cert.lifetime-too-long", Severity::Error)],
        ),
        // 2026-03-01: 14 days before it expires.
        (
            "flawed-expiring.pem",
            1_772_323_200,
            &[("cert.expiring-soon", Severity::Warning)],
        ),
        (
            "flawed-wildcard.pem",
            AT,
            &[
                ("cert.bad-wildcard", Severity::Error),
                ("cert.cn-not-in-san", Severity::Warning),
            ],
        ),
        (
            "flawed-unknown-critical.pem",
            AT,
            &[("cert.unknown-critical-extension", Severity::Error)],
        ),
        (
            "flawed-secp256k1.pem",
            AT,
            &[("cert.ec-unsupported-curve", Severity::Error)],
        ),
        (
            "flawed-self-signed-leaf.pem",
            AT,
            &[("cert.self-signed-leaf", Severity::Warning)],
        ),
        (
            "flawed-v1.pem",
            EARLY,
            &[
                ("cert.no-san", Severity::Error),
                ("cert.expiring-soon", Severity::Warning),
                ("cert.not-v3", Severity::Warning),
            ],
        ),
    ];
    for &(file, at, expected) in cases {
        let report = read(file, at);
        let c = &report.certificates[0];
        // The certificate checks (`cert.*`); the BR profile rules (`br.*`, tested against
        // zlint in tests/zlint.rs) also fire on these private test leaves (no AIA, no policies).
        let got: Vec<(&str, Severity)> = c
            .findings
            .iter()
            .filter(|f| f.id.starts_with("cert."))
            .map(|f| (f.id, f.severity))
            .collect();
        assert_eq!(got, expected, "{file}");
        for f in c.findings.iter().filter(|f| f.id.starts_with("cert.")) {
            assert!(f.explanation.len() > 80, "{file}: {}", f.id);
            assert!(f.reference.url.starts_with("https://"), "{file}: {}", f.id);
            assert!(!f.evidence.is_empty(), "{file}: {}", f.id);
        }
    }
    // The same leaves at other times: not yet valid before, no finding for a clean date.
    let early = read("flawed-expiring.pem", 1_700_000_000);
    assert_eq!(early.certificates[0].findings[0].id, "cert.not-yet-valid");
    assert_eq!(
        early.certificates[0].validity.state,
        ValidityState::NotYetValid
    );
    assert!(!read("flawed-expiring.pem", AT).certificates[0]
        .findings
        .iter()
        .any(|f| f.id.starts_with("cert.")));
}

#[test]
fn validity_boundaries_are_inclusive() {
    // notAfter 2026-04-01T00:00:00Z is the last valid second.
    let not_after = 1_775_001_600;
    let at_end = read("rsa2048-leaf.pem", not_after);
    assert_eq!(at_end.certificates[0].validity.state, ValidityState::Valid);
    let after = read("rsa2048-leaf.pem", not_after + 1);
    assert_eq!(after.certificates[0].validity.state, ValidityState::Expired);
    assert_eq!(
        after.certificates[0].validity.summary,
        "expired less than a day ago"
    );
    let later = read("rsa2048-leaf.pem", not_after + 3 * 86_400);
    assert_eq!(later.certificates[0].validity.summary, "expired 3 days ago");
    assert_eq!(later.certificates[0].validity.elapsed_percent, 100);
}
