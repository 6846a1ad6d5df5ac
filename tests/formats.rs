//! CSRs, CRLs, PKCS#7 bundles, PKCS#12 recognition and private keys in every common format,
//! all made with OpenSSL by tests/data/formats/make.sh (a small CA whose leaf-ec certificate is
//! revoked by root.crl).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::{inspect, Options, PasswordState, Report};

/// 2026-12-01: every certificate in the folder is valid then.
const AT: u64 = 1_796_083_200;

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/data/formats/{name}")).unwrap()
}

fn run(parts: &[&str]) -> Report {
    let input: Vec<u8> = parts.iter().flat_map(|p| data(p)).collect();
    inspect(&input, &Options::at(AT)).unwrap()
}

fn ids(findings: &[certscope::Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.id).collect()
}

#[test]
fn csr_fields_and_proof_of_possession() {
    for file in ["leaf-rsa.csr", "leaf-rsa-der.csr"] {
        let r = run(&[file]);
        assert!(r.errors.is_empty(), "{file}: {:?}", r.errors);
        let csr = &r.requests[0];
        assert_eq!(
            csr.subject.common_name.as_deref(),
            Some("www.certscope.test")
        );
        assert_eq!(csr.public_key.bits, Some(2048));
        assert!(csr.signature_valid);
        assert_eq!(csr.signature_algorithm.name, "SHA-256 with RSA");
        if file == "leaf-rsa.csr" {
            assert_eq!(csr.names, vec!["www.certscope.test", "certscope.test"]);
            assert!(csr.findings.is_empty(), "{:?}", ids(&csr.findings));
        }
    }
    // The CSR and the certificate issued from it share the key.
    let r = run(&["leaf-rsa.csr", "leaf-rsa.pem"]);
    assert_eq!(
        r.requests[0].spki_sha256,
        r.certificates[0].fingerprints.spki_sha256
    );
}

#[test]
fn csr_findings() {
    assert_eq!(
        ids(&run(&["weak-key.csr"]).requests[0].findings),
        vec!["csr.weak-key", "csr.no-san"]
    );
    assert_eq!(
        ids(&run(&["no-san.csr"]).requests[0].findings),
        vec!["csr.no-san"]
    );
    assert_eq!(
        ids(&run(&["cn-not-in-san.csr"]).requests[0].findings),
        vec!["csr.cn-not-in-san"]
    );
    // A flipped byte in the signature: the request no longer proves possession.
    let mut der = data("leaf-rsa-der.csr");
    let last = der.len() - 1;
    der[last] ^= 1;
    let r = inspect(&der, &Options::at(AT)).unwrap();
    assert!(!r.requests[0].signature_valid);
    assert_eq!(r.requests[0].findings[0].id, "csr.bad-signature");
}

#[test]
fn crl_fields_and_revocation_of_a_pasted_certificate() {
    for file in ["root.crl", "root-crl.der"] {
        let r = run(&[file]);
        let crl = &r.crls[0];
        assert_eq!(
            crl.issuer.common_name.as_deref(),
            Some("certscope formats Root")
        );
        assert_eq!(crl.revoked_count, 1);
        assert_eq!(crl.revoked[0].reason, Some("keyCompromise"));
        assert_eq!(crl.number.as_deref(), Some("01"));
        assert!(crl.next_update.is_some());
        assert_eq!(crl.signed_by, None);
        // The CRL rules (all lints, the default): openssl wrote no authorityKeyIdentifier
        // (RFC 5280 §5.2.1), and ten years to nextUpdate is beyond the BR's limits, a note
        // while nothing says the issuer is a public CA.
        assert_eq!(
            ids(&crl.findings),
            vec!["crl.aki-missing", "crl.unverified", "br.crl-lifetime"]
        );
        let aki = &crl.findings[0];
        assert_eq!(aki.severity, certscope::Severity::Error);
        assert_eq!(aki.zlint, Some("e_crl_has_authority_key_identifier"));
        let lifetime = &crl.findings[2];
        assert_eq!(lifetime.severity, certscope::Severity::Info);
        assert!(lifetime
            .explanation
            .contains("issuer certificate is not in the paste"));
        assert!(
            lifetime.evidence.contains("10 days"),
            "{}",
            lifetime.evidence
        );
        // The core's rules only: no CRL rules.
        let input = data(file);
        let core = inspect(&input, &Options::at(AT).lints(certscope::Lints::Core)).unwrap();
        assert_eq!(ids(&core.crls[0].findings), vec!["crl.unverified"]);
    }
    let r = run(&["leaf-ec.pem", "leaf-rsa.pem", "root.pem", "root.crl"]);
    let crl = &r.crls[0];
    assert_eq!(crl.signed_by, Some(2), "verified with the root's key");
    assert_eq!(crl.revoked[0].serial, r.certificates[0].serial);
    let revoked: Vec<&certscope::Finding> = crl
        .findings
        .iter()
        .filter(|f| f.id == "crl.revokes-pasted-certificate")
        .collect();
    assert_eq!(
        revoked.len(),
        1,
        "only the EC leaf is revoked: {:?}",
        ids(&crl.findings)
    );
    assert!(revoked[0].title.contains("Certificate 1"));
    assert!(revoked[0].explanation.contains("keyCompromise"));
    // Signed by a pasted root, the CRL covers CA certificates: the 12-month limit applies.
    let lifetime = crl
        .findings
        .iter()
        .find(|f| f.id == "br.crl-lifetime")
        .expect("ten years exceed 12 months too");
    assert!(
        lifetime.evidence.contains("12 months"),
        "{}",
        lifetime.evidence
    );
    // Stale once nextUpdate has passed.
    let later = inspect(&data("root.crl"), &Options::at(2_200_000_000)).unwrap();
    assert!(ids(&later.crls[0].findings).contains(&"crl.stale"));
}

#[test]
fn pkcs7_bundles_keep_their_order() {
    for file in ["chain.p7b", "chain-der.p7c", "chain-with-crl.p7b"] {
        let r = run(&[file]);
        assert!(r.errors.is_empty(), "{file}: {:?}", r.errors);
        let names: Vec<&str> = r
            .certificates
            .iter()
            .map(|c| c.subject.common_name.as_deref().unwrap())
            .collect();
        assert_eq!(
            names,
            vec!["www.certscope.test", "certscope formats Root"],
            "{file}"
        );
        assert_eq!(r.findings[0].id, "input.pkcs7");
        assert_eq!(
            r.crls.len(),
            usize::from(file == "chain-with-crl.p7b"),
            "{file}"
        );
    }
}

#[test]
fn private_keys_in_every_format_match_their_certificate() {
    for (key, cert) in [
        ("key-pkcs8-rsa.pem", "leaf-rsa.pem"),
        ("key-pkcs1-rsa.pem", "leaf-rsa.pem"),
        ("leaf-rsa.key", "leaf-rsa.pem"),
        ("key-sec1-ec.pem", "leaf-ec.pem"),
        ("key-pkcs8-ec.pem", "leaf-ec.pem"),
    ] {
        let mut input = data(cert);
        input.extend(data(key));
        let r = inspect(&input, &Options::at(AT)).unwrap();
        assert!(r.errors.is_empty(), "{key}: {:?}", r.errors);
        assert_eq!(
            r.keys[0].matches_certificates,
            vec![0],
            "{key}: {:?}",
            r.keys[0]
        );
        assert_eq!(r.findings.last().unwrap().id, "input.private-key", "{key}");
    }
    // A DER key file (SEC1, as `openssl pkey -outform DER` writes EC keys) on its own.
    let r = run(&["key-pkcs8-ec.der"]);
    let leaf = run(&["leaf-ec.pem"]);
    assert_eq!(r.keys[0].format, "SEC1 (EC)");
    assert_eq!(
        r.keys[0].spki_sha256.as_ref(),
        Some(&leaf.certificates[0].fingerprints.spki_sha256)
    );
    // The wrong key for a certificate: the classic "key values mismatch".
    let r = run(&["leaf-rsa.pem", "key-sec1-ec.pem"]);
    assert!(r.keys[0].matches_certificates.is_empty());
    assert_eq!(r.findings[0].id, "input.private-key-mismatch");
    // Ed25519: the public key is derived from the seed.
    let r = run(&["key-ed25519.pem"]);
    assert_eq!(r.keys[0].public_key.as_deref(), Some("Ed25519"));
    // Encrypted keys are named, never decrypted.
    let r = run(&["key-pkcs8-encrypted.pem"]);
    assert_eq!(r.keys[0].format, "encrypted PKCS#8");
    assert_eq!(
        r.keys[0].encryption.as_deref(),
        Some("PBES2: PBKDF2 (HMAC-SHA-256, 2048 iterations) with AES-256-CBC")
    );
    let r = run(&["key-legacy-encrypted.pem"]);
    assert!(
        r.keys[0]
            .encryption
            .as_deref()
            .unwrap()
            .contains("AES-256-CBC"),
        "{:?}",
        r.keys[0]
    );
}

#[test]
fn private_key_material_never_reaches_the_report() {
    for key in [
        "key-pkcs8-rsa.pem",
        "key-pkcs1-rsa.pem",
        "key-sec1-ec.pem",
        "key-ed25519.pem",
    ] {
        let text = String::from_utf8(data(key)).unwrap();
        // Alone: with its certificate, the public modulus inside the key would also be in the certificate.
        let r = run(&[key]);
        let json = serde_json::to_string(&r).unwrap();
        let text_out = certscope::render_text(&r);
        // Every body line but the first (which is mostly the algorithm header every key of
        // that type shares) is private material.
        for line in text
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .skip(1)
            .filter(|l| l.len() >= 40)
        {
            let middle = &line[12..36];
            assert!(
                !json.contains(middle) && !text_out.contains(middle),
                "{key}: key text echoed"
            );
        }
    }
}

#[test]
fn pkcs12_opened_with_its_password() {
    let der = data("bundle-aes.p12");
    // Without a password: every part is named with its encryption, nothing is opened.
    let r = inspect(&der, &Options::at(AT)).unwrap();
    let p = &r.pkcs12[0];
    assert_eq!(p.password, PasswordState::NoneGiven);
    assert_eq!(p.mac.as_deref(), Some("HMAC-SHA-256, 2048 iterations"));
    let kinds: Vec<&str> = p.contents.iter().map(|b| b.kind.as_str()).collect();
    assert_eq!(kinds, vec!["encrypted container", "encrypted private key"]);
    assert!(p.contents.iter().all(|b| b.encryption.as_deref()
        == Some("PBES2: PBKDF2 (HMAC-SHA-256, 2048 iterations) with AES-256-CBC")));
    assert!(r.certificates.is_empty() && r.keys.is_empty());
    // With it: the two certificates and the key's public half, which belongs to the leaf.
    let r = inspect(&der, &Options::at(AT).password("certscope")).unwrap();
    let p = &r.pkcs12[0];
    assert_eq!(p.password, PasswordState::Correct);
    let names: Vec<&str> = r
        .certificates
        .iter()
        .map(|c| c.subject.common_name.as_deref().unwrap())
        .collect();
    assert_eq!(names, vec!["www.certscope.test", "certscope formats Root"]);
    assert_eq!(
        p.contents
            .iter()
            .filter_map(|b| b.certificate)
            .collect::<Vec<_>>(),
        vec![0, 1]
    );
    assert_eq!(r.keys[0].matches_certificates, vec![0]);
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.id == "input.pkcs12")
            .unwrap()
            .title,
        "A PKCS#12 (.pfx/.p12) bundle was opened"
    );
    // The password is used, never reported.
    let json = serde_json::to_string(&r).unwrap();
    assert!(
        !json.contains("\"certscope\""),
        "the password appears in the report"
    );
    assert!(!format!("{:?}", Options::at(AT).password("certscope")).contains("certscope"));
    // A wrong password: said so, nothing opened.
    let r = inspect(&der, &Options::at(AT).password("not it")).unwrap();
    assert_eq!(r.pkcs12[0].password, PasswordState::Wrong);
    assert!(r.certificates.is_empty());
    assert_eq!(
        r.findings[0].title,
        "The password does not open this PKCS#12 bundle"
    );
}

/// RFC 7292's own schemes (Appendix C), as OpenSSL 3 with its legacy provider and Python
/// `cryptography` write them (tests/data/formats/make.sh, make-legacy-p12.py): each bundle
/// opens with its password to exactly the certificates and key it was made from, every part
/// names its scheme, and the bundle is flagged as obsolete with or without the password.
#[test]
fn pkcs12_legacy_encryption_is_opened_and_flagged() {
    let leaf = inspect(&data("leaf-rsa.pem"), &Options::at(AT)).unwrap();
    let root = inspect(&data("root.pem"), &Options::at(AT)).unwrap();
    let expected = [
        leaf.certificates[0].fingerprints.sha256.clone(),
        root.certificates[0].fingerprints.sha256.clone(),
    ];
    let rc2_40 = "pbeWithSHAAnd40BitRC2-CBC";
    let tdes = "pbeWithSHAAnd3-KeyTripleDES-CBC";
    for (file, certs_scheme, key_scheme) in [
        ("bundle-legacy.p12", rc2_40, tdes),
        (
            "bundle-rc4.p12",
            "pbeWithSHAAnd40BitRC4",
            "pbeWithSHAAnd128BitRC4",
        ),
        (
            "bundle-2des-rc2.p12",
            "pbeWithSHAAnd128BitRC2-CBC",
            "pbeWithSHAAnd2-KeyTripleDES-CBC",
        ),
        ("bundle-3des.p12", tdes, tdes),
        ("bundle-3des-cryptography.p12", tdes, tdes),
    ] {
        let r = inspect(&data(file), &Options::at(AT).password("certscope")).unwrap();
        let p = &r.pkcs12[0];
        assert_eq!(p.password, PasswordState::Correct, "{file}");
        let mut got: Vec<String> = r
            .certificates
            .iter()
            .map(|c| c.fingerprints.sha256.clone())
            .collect();
        got.sort();
        let mut want = expected.to_vec();
        want.sort();
        assert_eq!(got, want, "{file}: the certificates it was made from");
        assert_eq!(r.keys.len(), 1, "{file}");
        assert_eq!(
            r.keys[0].matches_certificates.len(),
            1,
            "{file}: the key is the leaf's"
        );
        for b in &p.contents {
            let scheme = if b.kind == "encrypted private key" {
                key_scheme
            } else {
                certs_scheme
            };
            assert_eq!(
                b.encryption.as_deref(),
                Some(format!("{scheme} (legacy PKCS#12 encryption)").as_str()),
                "{file}: {b:?}"
            );
            assert_eq!(b.note, None, "{file}: {b:?}");
        }
        let flagged = |r: &Report| {
            r.findings
                .iter()
                .find(|f| f.id == "input.pkcs12-legacy-encryption")
                .map(|f| f.evidence.clone())
        };
        let evidence = flagged(&r).unwrap_or_else(|| panic!("{file}: not flagged"));
        assert!(
            evidence.contains(certs_scheme) && evidence.contains(key_scheme),
            "{file}: {evidence}"
        );
        // Without the password the schemes are known, so the warning stands; nothing opens.
        let closed = inspect(&data(file), &Options::at(AT)).unwrap();
        assert!(closed.certificates.is_empty(), "{file}");
        assert!(flagged(&closed).is_some(), "{file}");
        // A wrong password fails the SHA-1 MAC and decrypts nothing.
        let wrong = inspect(&data(file), &Options::at(AT).password("not it")).unwrap();
        assert_eq!(wrong.pkcs12[0].password, PasswordState::Wrong, "{file}");
        assert!(
            wrong.certificates.is_empty() && wrong.keys.is_empty(),
            "{file}"
        );
    }
}

/// RFC 7292 allows BER, and macOS Keychain and Java write it: the BER bundles (indefinite
/// lengths and segmented OCTET STRINGs at every layer, made by make-ber.py from the DER ones)
/// read exactly as the DER ones do.
#[test]
fn pkcs12_in_ber_reads_like_der() {
    for (der_file, ber_file) in [
        ("bundle-aes.p12", "bundle-aes-ber.p12"),
        ("bundle-3des.p12", "bundle-3des-ber.p12"),
    ] {
        let ber = data(ber_file);
        assert_eq!(&ber[..2], &[0x30, 0x80], "{ber_file} is not BER");
        for password in [None, Some("certscope"), Some("not it")] {
            let options = match password {
                Some(p) => Options::at(AT).password(p),
                None => Options::at(AT),
            };
            let a = inspect(&data(der_file), &options).unwrap();
            let b = inspect(&ber, &options).unwrap();
            assert!(b.errors.is_empty(), "{ber_file}: {:?}", b.errors);
            assert_eq!(a.pkcs12.len(), 1);
            assert_eq!(a.pkcs12[0].password, b.pkcs12[0].password, "{ber_file}");
            assert_eq!(a.pkcs12[0].mac, b.pkcs12[0].mac, "{ber_file}");
            assert_eq!(a.pkcs12[0].contents, b.pkcs12[0].contents, "{ber_file}");
            let fingerprints = |r: &Report| -> Vec<String> {
                r.certificates
                    .iter()
                    .map(|c| c.fingerprints.sha256.clone())
                    .collect()
            };
            assert_eq!(fingerprints(&a), fingerprints(&b), "{ber_file}");
            assert_eq!(a.keys.len(), b.keys.len(), "{ber_file}");
            assert_eq!(
                a.keys.iter().map(|k| &k.spki_sha256).collect::<Vec<_>>(),
                b.keys.iter().map(|k| &k.spki_sha256).collect::<Vec<_>>()
            );
        }
    }
    // The AES bundle opens: both certificates and the key, from BER at every layer.
    let r = inspect(
        &data("bundle-aes-ber.p12"),
        &Options::at(AT).password("certscope"),
    )
    .unwrap();
    assert_eq!(r.pkcs12[0].password, PasswordState::Correct);
    assert_eq!(r.certificates.len(), 2);
    assert_eq!(r.keys[0].matches_certificates, vec![0]);
}

/// `openssl cms -sign -stream` writes SignedData with indefinite lengths, as a file or as a
/// `-----BEGIN CMS-----` block: its certificates are read in file order, like any PKCS #7
/// (OpenSSL sorts the SET OF as DER does, which puts the shorter root first here).
#[test]
fn streamed_cms_in_ber_lists_its_certificates() {
    let expected: Vec<String> = ["root.pem", "leaf-rsa.pem"]
        .iter()
        .map(|f| run(&[f]).certificates[0].fingerprints.sha256.clone())
        .collect();
    for file in ["signed-ber.p7s", "signed-ber-cms.pem"] {
        let r = run(&[file]);
        assert!(r.errors.is_empty(), "{file}: {:?}", r.errors);
        let got: Vec<String> = r
            .certificates
            .iter()
            .map(|c| c.fingerprints.sha256.clone())
            .collect();
        assert_eq!(got, expected, "{file}");
        assert!(ids(&r.findings).contains(&"input.pkcs7"), "{file}");
        let s = certscope::summarize(&data(file)).unwrap();
        assert_eq!(s.certificates.len(), 2, "{file}: {:?}", s.errors);
    }
    // Broken BER is an error at its place, not a crash: the end-of-contents markers cut off.
    let mut cut = data("signed-ber.p7s");
    cut.truncate(cut.len() - 6);
    let r = inspect(&cut, &Options::at(AT)).unwrap();
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert!(
        r.errors[0].message.contains("end-of-contents"),
        "{}",
        r.errors[0].message
    );
}

#[test]
fn pkcs12_key_derivation_is_bounded() {
    // 3,000,000 PBKDF2 and MAC iterations: more than certscope runs. Reported, and quick.
    let started = std::time::Instant::now();
    let r = inspect(
        &data("bundle-slow.p12"),
        &Options::at(AT).password("certscope"),
    )
    .unwrap();
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
    let p = &r.pkcs12[0];
    assert_eq!(p.password, PasswordState::NotChecked);
    assert!(
        p.contents.iter().any(|b| b
            .note
            .as_deref()
            .is_some_and(|n| n.contains("more than certscope runs"))),
        "{p:?}"
    );
}

/// `summarize` lists the certificates of PKCS #7 bundles in order and names every block
/// that is not a certificate instead of dropping it silently.
#[test]
fn summarize_lists_certificates_and_names_other_blocks() {
    for file in ["chain.p7b", "chain-der.p7c", "chain-with-crl.p7b"] {
        let s = certscope::summarize(&data(file)).unwrap();
        assert!(s.errors.is_empty(), "{file}: {:?}", s.errors);
        let subjects: Vec<&str> = s.certificates.iter().map(|c| c.subject.as_str()).collect();
        assert_eq!(subjects.len(), 2, "{file}");
        assert!(
            subjects[0].starts_with("CN=www.certscope.test"),
            "{file}: {subjects:?}"
        );
        assert!(
            subjects[1].starts_with("CN=certscope formats Root"),
            "{file}: {subjects:?}"
        );
        assert!(!s.certificates[0].ca && s.certificates[1].ca, "{file}");
    }
    let input: Vec<u8> = [
        "leaf-ec.pem",
        "key-pkcs8-ec.pem",
        "leaf-rsa.csr",
        "root.crl",
    ]
    .iter()
    .flat_map(|f| data(f))
    .collect();
    let s = certscope::summarize(&input).unwrap();
    assert_eq!(s.certificates.len(), 1);
    assert_eq!(s.certificates[0].key_algorithm, "EC");
    assert_eq!(s.certificates[0].curve.as_deref(), Some("P-256"));
    let skipped: Vec<(usize, String)> = s
        .errors
        .iter()
        .map(|p| (p.location.block, p.error.to_string()))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                2,
                "\"PRIVATE KEY\" blocks are recognised but not analysed".to_owned()
            ),
            (
                3,
                "\"CERTIFICATE REQUEST\" blocks are recognised but not analysed".to_owned()
            ),
            (
                4,
                "\"X509 CRL\" blocks are recognised but not analysed".to_owned()
            ),
        ]
    );
    // Private key bytes never reach the listing.
    let key = String::from_utf8(data("key-pkcs8-ec.pem")).unwrap();
    let body = key.lines().nth(1).unwrap();
    assert!(!serde_json::to_string(&s).unwrap().contains(&body[..24]));
}

/// Public keys (SPKI in PEM and DER, PKCS#1) are described, pinned and matched to the pasted
/// certificate they belong to; one that belongs to none is flagged. No private-key warning.
#[test]
fn public_keys_are_matched_and_pinned() {
    for (file, format, owner) in [
        ("pub-spki-rsa.pem", "SPKI", "leaf-rsa.pem"),
        ("pub-pkcs1-rsa.pem", "PKCS#1 (RSA)", "leaf-rsa.pem"),
    ] {
        let r = run(&["leaf-ec.pem", owner, file]);
        assert!(r.errors.is_empty(), "{file}: {:?}", r.errors);
        let k = &r.keys[0];
        assert!(!k.private, "{file}");
        assert_eq!(k.format, format, "{file}");
        assert_eq!(k.matches_certificates, vec![1], "{file}");
        assert_eq!(
            k.spki_sha256.as_ref(),
            Some(&r.certificates[1].fingerprints.spki_sha256),
            "{file}"
        );
        assert!(k.public_key.as_deref().unwrap().starts_with("RSA 2048"));
        assert!(
            !ids(&r.findings).iter().any(|id| id.starts_with("input.")),
            "{file}: {:?}",
            ids(&r.findings)
        );
        let text = certscope::render_text(&r);
        assert!(text.contains(&format!("Public key ({format})")), "{text}");
        assert!(text.contains(&format!(
            "pin-sha256=\"{}\"",
            k.spki_sha256.as_ref().unwrap()
        )));
    }
    // A DER SubjectPublicKeyInfo is recognised by its structure; its pin is the certificate's.
    let r = run(&["pub-ec.der"]);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.keys[0].format, "SPKI");
    assert!(r.keys[0]
        .public_key
        .as_deref()
        .unwrap()
        .starts_with("EC P-256"));
    assert_eq!(
        r.keys[0].spki_sha256.as_ref(),
        Some(
            &run(&["leaf-ec.pem"]).certificates[0]
                .fingerprints
                .spki_sha256
        )
    );
    // A key of no pasted certificate.
    let r = run(&["leaf-rsa.pem", "pub-weak.pem"]);
    assert_eq!(
        r.keys[0]
            .public_key
            .as_deref()
            .map(|p| p.starts_with("RSA 1024")),
        Some(true)
    );
    assert!(r.keys[0].matches_certificates.is_empty());
    assert_eq!(ids(&r.findings), vec!["input.public-key-mismatch"]);
    // Alone, a public key is read (not "nothing recognised"), and summarize names the block.
    let r = run(&["pub-spki-rsa.pem"]);
    assert!(
        r.errors.is_empty() && r.findings.is_empty(),
        "{:?}",
        r.errors
    );
    assert_eq!(r.keys.len(), 1);
    let s = certscope::summarize(&data("pub-ec.der")).unwrap();
    assert!(s.certificates.is_empty());
    assert_eq!(s.errors[0].code, "unsupported-block");
}

#[test]
fn a_crl_with_dates_der_refuses_is_read_and_its_dates_named() {
    // zlint's test CRLs, made with Go: UTCTime with a +0100 offset, and Go's zero time (year 1)
    // as a revocation date. Both are outside RFC 5280's forms and der refuses them.
    for (file, written) in [
        ("crl_no_duplicate_ext.pem", "241028223941+0100"),
        ("crl_revocation_date_too_early.pem", "00010101000000Z"),
    ] {
        let input = std::fs::read(format!("tests/data/zlint/testdata/{file}")).unwrap();
        let r = inspect(&input, &Options::at(AT)).unwrap();
        assert!(r.errors.is_empty(), "{file}: {:?}", r.errors);
        let crl = &r.crls[0];
        let dates = crl
            .findings
            .iter()
            .find(|f| f.id == "crl.time-encoding")
            .unwrap_or_else(|| panic!("{file}: {:?}", ids(&crl.findings)));
        assert!(dates.evidence.contains(written), "{}", dates.evidence);
    }
    let input = std::fs::read("tests/data/zlint/testdata/crl_no_duplicate_ext.pem").unwrap();
    let crl = &inspect(&input, &Options::at(AT)).unwrap().crls[0];
    // 22:39:41 at +01:00 is 21:39:41 UTC.
    assert_eq!(crl.this_update, "2024-10-28T21:39:41Z");
}
