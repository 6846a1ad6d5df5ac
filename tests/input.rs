//! What people paste: PEM inside junk, quoted or indented PEM, Windows line endings, OpenSSL's
//! TRUSTED CERTIFICATE, bare base64, hex, raw DER — and broken blocks located precisely
//! without hiding the good ones.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use certscope::{inspect, Error, Options, Report, Severity};

const AT: u64 = 1_769_904_000;

fn data(path: &str) -> Vec<u8> {
    std::fs::read(format!("tests/data/{path}")).unwrap()
}

fn text(path: &str) -> String {
    String::from_utf8(data(path)).unwrap()
}

fn run(input: impl AsRef<[u8]>) -> Report {
    inspect(input.as_ref(), &Options::at(AT)).unwrap()
}

fn cns(report: &Report) -> Vec<String> {
    report
        .certificates
        .iter()
        .map(|c| c.subject.common_name.clone().unwrap_or_default())
        .collect()
}

const CHAIN_CNS: [&str; 3] = [
    "www.certscope.test",
    "certscope rsa2048 Intermediate",
    "certscope rsa2048 Root",
];

#[test]
fn pem_survives_junk_crlf_indentation_and_no_final_newline() {
    let chain = text("generated/rsa2048-chain.pem");
    let messy = format!(
        "$ cat chain.pem\r\nhere you go:\r\n{}\r\n-- sent from my phone",
        chain.trim_end().replace('\n', "\r\n    ")
    );
    let report = run(messy);
    assert_eq!(cns(&report), CHAIN_CNS);
    assert!(report.errors.is_empty());
    assert_eq!(report.certificates[0].location.line, Some(3));
}

#[test]
fn quoted_pem_with_a_prefix_on_every_line() {
    let quoted: String = text("generated/p256-chain.pem")
        .lines()
        .map(|l| format!("> {l}\n"))
        .collect();
    let report = run(quoted);
    assert_eq!(report.certificates.len(), 3);
    assert!(report.errors.is_empty());
}

#[test]
fn trusted_certificate_is_read_and_trust_settings_noted() {
    let report = run(data("input/trusted.pem"));
    assert_eq!(cns(&report), ["certscope p256 Root"]);
    let trailing = report.certificates[0]
        .findings
        .iter()
        .find(|f| f.id == "input.trailing-data");
    assert_eq!(trailing.unwrap().severity, Severity::Info);
}

#[test]
fn bare_base64_hex_and_raw_der() {
    let der = data("input/leaf.der");
    let b64 = common::base64(&der);
    let wrapped: String = b64
        .as_bytes()
        .chunks(64)
        .map(|c| format!("{}\n", std::str::from_utf8(c).unwrap()))
        .collect();
    let hex_colon: String = der
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":");
    let hex_spaced: String = der.iter().map(|b| format!("{b:02X} ")).collect();
    for input in [
        b64.into_bytes(),
        wrapped.into_bytes(),
        hex_colon.into_bytes(),
        hex_spaced.into_bytes(),
        der,
    ] {
        let report = run(&input);
        assert_eq!(cns(&report), ["www.certscope.test"], "{:?}", report.errors);
    }
    let two = run(data("input/two.der"));
    assert_eq!(cns(&two), &CHAIN_CNS[..2]);
    assert_eq!(
        two.certificates[1].location.byte_offset,
        data("input/leaf.der").len()
    );
    assert_eq!(two.certificates[1].location.line, None);
}

#[test]
fn a_bad_block_is_located_and_does_not_hide_its_neighbours() {
    let chain = text("generated/rsa2048-chain.pem");
    let mut lines: Vec<String> = chain.lines().map(str::to_owned).collect();
    // Corrupt the third line of the second block (the intermediate).
    let second_begin = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("-----BEGIN"))
        .nth(1)
        .unwrap()
        .0;
    lines[second_begin + 2].replace_range(10..11, "!");
    let report = run(lines.join("\n"));
    assert_eq!(cns(&report), [CHAIN_CNS[0], CHAIN_CNS[2]]);
    assert_eq!(report.errors.len(), 1);
    let problem = &report.errors[0];
    assert_eq!(problem.location.block, 2);
    assert_eq!(problem.location.line, Some(second_begin + 3));
    assert_eq!(
        problem.error,
        Error::Base64 {
            line: second_begin + 3,
            found: '!'
        }
    );
    assert_eq!(problem.code, "base64");
    assert!(problem.message.contains("'!'"), "{}", problem.message);
    assert_eq!(report.certificates[1].location.block, 3);
}

#[test]
fn truncated_der_inside_pem_reports_the_der_offset() {
    let der = data("input/leaf.der");
    let pem = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        common::base64(&der[..600])
    );
    let report = run(pem);
    assert!(report.certificates.is_empty());
    let Error::Der { what, offset, .. } = &report.errors[0].error else {
        panic!("{:?}", report.errors)
    };
    assert_eq!(*what, "certificate");
    assert!(offset.is_some());
    assert!(report.errors[0]
        .message
        .starts_with("not a valid DER certificate"));
}

#[test]
fn missing_end_and_mismatched_labels() {
    let leaf = text("generated/rsa2048-leaf.pem");
    let root = text("generated/rsa2048-root.pem");
    let no_end = leaf.replace("-----END CERTIFICATE-----", "");
    let report = run(format!("{no_end}{root}"));
    assert_eq!(cns(&report), [CHAIN_CNS[2]]);
    assert_eq!(
        report.errors[0].error,
        Error::PemMissingEnd {
            label: "CERTIFICATE".into()
        }
    );
    assert_eq!(report.errors[0].location.block, 1);

    let mismatch = leaf.replace("-----END CERTIFICATE-----", "-----END X509 CRL-----");
    let report = run(mismatch);
    assert_eq!(
        report.errors[0].error,
        Error::PemLabelMismatch {
            begin: "CERTIFICATE".into(),
            end: "X509 CRL".into()
        }
    );
}

#[test]
fn private_keys_are_flagged_and_never_echoed() {
    let key = text("input/key.pem");
    let body_line = key.lines().nth(1).unwrap().to_owned();
    // input/key.pem is the key of input/request.csr, not of the generated leaf.
    let report = run(format!("{}{key}", text("generated/p256-leaf.pem")));
    assert_eq!(report.certificates.len(), 1);
    let finding = &report.findings[0];
    assert_eq!(finding.id, "input.private-key-mismatch");
    assert_eq!(finding.severity, Severity::Warning);
    let report = run(format!("{}{key}", text("input/request.csr")));
    assert_eq!(report.findings[0].id, "input.private-key");
    assert_eq!(report.keys[0].matches_requests, vec![0]);
    let json = serde_json::to_string(&report).unwrap();
    assert!(
        !json.contains(&body_line),
        "the key's base64 must not appear in the report"
    );
    assert!(!json.contains(&body_line[..20]));
}

#[test]
fn other_pem_blocks_are_named_not_guessed() {
    let report = run("-----BEGIN DH PARAMETERS-----\nMAYCAQACAQI=\n-----END DH PARAMETERS-----\n");
    assert_eq!(
        report.errors[0].error,
        Error::UnsupportedBlock {
            label: "DH PARAMETERS".into()
        }
    );
}

#[test]
fn nothing_recognisable() {
    for input in [
        &b""[..],
        b"   \n\n",
        b"hello world, no certificate here",
        b"\x00\x01\x02\xff",
    ] {
        let report = run(input);
        assert!(report.certificates.is_empty());
        assert_eq!(report.errors.len(), 1, "{input:?}");
        assert_eq!(report.errors[0].code, "nothing-recognised", "{input:?}");
    }
    assert_eq!(run("30 82 0").errors[0].code, "hex-odd-length");
    assert_eq!(run("MIIB=A").errors[0].code, "base64-length");
    assert_eq!(run("QUJD").errors[0].code, "nothing-recognised");
}

#[test]
fn oversized_input_is_refused_up_front() {
    let big = vec![b'A'; certscope::MAX_INPUT_BYTES + 1];
    let err = inspect(&big, &Options::at(AT)).unwrap_err();
    assert_eq!(
        err,
        Error::InputTooLarge {
            size: certscope::MAX_INPUT_BYTES + 1,
            limit: certscope::MAX_INPUT_BYTES
        }
    );
}

#[test]
fn base64_with_a_missing_character_or_bad_padding_is_a_length_error() {
    let pem = text("generated/rsa2048-chain.pem");
    let first_end = pem.find("-----END CERTIFICATE-----").unwrap();
    let body_end = pem[..first_end].trim_end().len();
    let with_last_quad = |quad: &str| format!("{}{quad}{}", &pem[..body_end - 4], &pem[body_end..]);
    let cases = [
        // One character fewer: the length is no longer a multiple of four.
        (
            "short",
            format!("{}{}", &pem[..body_end - 1], &pem[body_end..]),
        ),
        // Bits after the last byte must be zero (RFC 4648 §3.5): "AB==" leaves 0001.
        ("trailing bits", with_last_quad("AB==")),
        // Padding only at the end.
        ("padding inside", with_last_quad("A=AA")),
    ];
    for (name, input) in cases {
        let report = run(&input);
        assert_eq!(cns(&report), [CHAIN_CNS[1], CHAIN_CNS[2]], "{name}");
        assert_eq!(report.errors.len(), 1, "{name}");
        assert_eq!(report.errors[0].error, Error::Base64Length, "{name}");
        assert_eq!(report.errors[0].code, "base64-length", "{name}");
        assert_eq!(report.errors[0].location.block, 1, "{name}");
    }
}

/// Private keys take the constant-time decoder; its errors are located the same way, and
/// whitespace inside a line is still skipped.
#[test]
fn private_key_bodies_decode_and_fail_like_certificates() {
    let key = text("input/key.pem");
    let lines: Vec<&str> = key.lines().collect();
    let body_end = lines.len() - 1;
    let spaced: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 1 {
                format!("{} {}", &l[..10], &l[10..])
            } else {
                (*l).to_owned()
            }
        })
        .collect();
    let report = run(format!(
        "{}\n{}",
        text("input/request.csr"),
        spaced.join("\n")
    ));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.keys[0].matches_requests, vec![0]);

    let mut short = lines.clone();
    let last = short[body_end - 1];
    short[body_end - 1] = &last[..last.len() - 1];
    let report = run(short.join("\n"));
    assert_eq!(report.errors[0].error, Error::Base64Length);

    let mut bad = lines.clone();
    let broken = format!("{}!{}", &lines[1][..5], &lines[1][6..]);
    bad[1] = &broken;
    let report = run(bad.join("\n"));
    assert_eq!(
        report.errors[0].error,
        Error::Base64 {
            line: 2,
            found: '!'
        }
    );
    assert_eq!(report.errors[0].location.line, Some(2));
}

/// Files people mistake for certificates (made by tests/data/other-formats/make.sh with
/// keytool and gpg) are named, with what to do instead: given as they are, and as the page passes a
/// dropped binary file (wrapped in a CERTIFICATE PEM block). OpenSSH keys and certificates are
/// explained instead (tests/ssh.rs).
#[test]
fn keystores_are_named_not_misread() {
    use base64::Engine;
    for (file, what) in [
        ("truststore.jks", "a Java KeyStore (JKS)"),
        ("truststore.jceks", "a Java JCEKS keystore"),
        (
            "pgp-public-key.asc",
            "OpenPGP armor (a PGP key, signature or message)",
        ),
    ] {
        let bytes = data(&format!("other-formats/{file}"));
        let mut inputs = vec![bytes.clone()];
        if file.contains(".j") {
            let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
            inputs.push(
                format!("-----BEGIN CERTIFICATE-----\n{b64}\n-----END CERTIFICATE-----\n")
                    .into_bytes(),
            );
        }
        for input in inputs {
            let r = run(&input);
            assert_eq!(r.errors.len(), 1, "{file}: {:?}", r.errors);
            assert_eq!(r.errors[0].code, "other-format", "{file}");
            assert!(
                r.errors[0]
                    .message
                    .starts_with(&format!("this is {what}, not an X.509 certificate: ")),
                "{file}: {}",
                r.errors[0].message
            );
            let s = certscope::summarize(&input).unwrap();
            assert_eq!(s.errors[0].code, "other-format", "{file}");
        }
    }
    // The JKS advice is the command that converts it.
    let r = run(data("other-formats/truststore.jks"));
    assert!(r.errors[0].message.contains("keytool -importkeystore"));
}

/// PEM inside other formats (made by tests/data/input/make-embedded.py): base64 of PEM in a
/// Kubernetes Secret or wrapped `base64` output, and JSON strings with `\n` escapes from Vault
/// and the AWS CLI — read like the PEM they carry, located at the string they came from.
#[test]
fn pem_inside_json_yaml_and_base64_is_read() {
    let leaf = run(data("formats/leaf-rsa.pem")).certificates[0]
        .fingerprints
        .sha256
        .clone();
    let root = run(data("formats/root.pem")).certificates[0]
        .fingerprints
        .sha256
        .clone();
    /// File, certificates in order, the certificate the key belongs to, the line of each.
    type Case<'a> = (&'a str, &'a [&'a String], Option<usize>, &'a [usize]);
    let cases: [Case<'_>; 4] = [
        ("k8s-secret.yaml", &[&leaf, &root], Some(0), &[3, 3]),
        (
            "vault-pki-issue.json",
            &[&root, &leaf, &root],
            Some(1),
            &[8, 10, 12],
        ),
        ("acm-get-certificate.json", &[&leaf, &root], None, &[2, 3]),
        ("base64-wrapped.txt", &[&leaf, &root], None, &[1, 1]),
    ];
    for (file, certs, key_of, lines) in cases {
        let r = run(data(&format!("input/{file}")));
        assert!(r.errors.is_empty(), "{file}: {:?}", r.errors);
        let got: Vec<&String> = r
            .certificates
            .iter()
            .map(|c| &c.fingerprints.sha256)
            .collect();
        assert_eq!(got, certs.to_vec(), "{file}");
        let got_lines: Vec<usize> = r
            .certificates
            .iter()
            .map(|c| c.location.line.unwrap())
            .collect();
        assert_eq!(got_lines, lines.to_vec(), "{file}");
        match key_of {
            Some(i) => {
                assert_eq!(r.keys[0].matches_certificates, vec![i], "{file}");
                assert!(
                    r.findings.iter().any(|f| f.id == "input.private-key"),
                    "{file}"
                );
                // The key's body is never echoed, in any encoding.
                let json = serde_json::to_string(&r).unwrap();
                let key_text = text("formats/leaf-rsa.key");
                let body_line = key_text.lines().nth(5).unwrap();
                assert!(!json.contains(body_line), "{file}: key echoed");
            }
            None => assert!(r.keys.is_empty(), "{file}"),
        }
        assert!(!r.chains.is_empty(), "{file}: the leaf's chain is analysed");
    }
}

/// Blocks from Vault, the AWS CLI or a Kubernetes Secret: the chain findings are explained
/// for that tool's layout, with the fields to deploy.
#[test]
fn the_source_tools_layout_is_explained() {
    for (file, source, deploy, order) in [
        (
            "vault-pki-issue.json",
            "HashiCorp Vault",
            ".data.certificate, .data.ca_chain[]",
            true,
        ),
        (
            "acm-get-certificate.json",
            "aws acm get-certificate",
            ".Certificate, .CertificateChain",
            false,
        ),
        (
            "k8s-secret.yaml",
            "Kubernetes TLS Secret",
            "kubectl create secret tls",
            false,
        ),
    ] {
        let r = run(data(&format!("input/{file}")));
        let f = r
            .findings
            .iter()
            .find(|f| f.id == "input.source-layout")
            .unwrap_or_else(|| panic!("{file}"));
        assert!(f.title.contains(source), "{file}: {}", f.title);
        assert!(f.fix.as_deref().unwrap().contains(deploy), "{file}");
        // Vault's file order gives the wrong-order and duplicate findings this explains.
        assert_eq!(
            f.explanation.contains("order and duplicate findings"),
            order,
            "{file}"
        );
        if order {
            let ids: Vec<&str> = r.chains[0].findings.iter().map(|f| f.id).collect();
            assert!(
                ids.contains(&"chain.wrong-order") && ids.contains(&"chain.duplicate"),
                "{ids:?}"
            );
        }
    }
    // A plain PEM paste gets no such note.
    assert!(run(data("generated/p256-chain.pem"))
        .findings
        .iter()
        .all(|f| f.id != "input.source-layout"));
}
