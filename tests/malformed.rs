//! Malformed input never panics: each block yields a certificate (possibly with findings) or
//! a located error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use certscope::{inspect, Options, Report};

const AT: u64 = 1_769_904_000;

/// Every block is accounted for: read, or an error saying why.
fn accounted(report: &Report) -> bool {
    !report.certificates.is_empty()
        || !report.errors.is_empty()
        || !report.findings.is_empty()
        || !report.crls.is_empty()
        || !report.requests.is_empty()
}

#[test]
fn x509_parser_corpus_reads_or_fails_cleanly() {
    let mut read = 0;
    let mut others = 0;
    let mut failed = 0;
    for entry in walk("tests/data/x509-parser") {
        let bytes = std::fs::read(&entry).unwrap();
        let report = inspect(&bytes, &Options::at(AT)).unwrap();
        assert!(accounted(&report), "{}", entry.display());
        for e in &report.errors {
            assert!(!e.message.is_empty());
            assert!(e.location.block >= 1);
        }
        read += report.certificates.len();
        others += report.crls.len() + report.requests.len();
        failed += report.errors.len();
    }
    // The corpus holds well-formed certificates, CRLs, CSRs and broken files: all kinds occur.
    assert!(read >= 15, "read {read}");
    assert!(others >= 3, "CRLs and CSRs read: {others}");
    assert!(failed >= 4, "failed {failed}");
}

#[test]
fn specific_malformed_files_give_specific_answers() {
    let report = |name: &str| {
        inspect(
            &std::fs::read(format!("tests/data/x509-parser/{name}")).unwrap(),
            &Options::at(AT),
        )
        .unwrap()
    };
    // A PEM block whose END line is missing.
    assert_eq!(report("no_end.pem").errors[0].code, "pem-missing-end");
    // A v1 certificate is read and recognised as such.
    let v1 = report("v1.der");
    assert_eq!(v1.certificates[0].version, 1);
    // An unsupported critical extension is a finding, not a parse error.
    let crit = report("unsupported_critical_ext.der");
    assert!(crit.certificates[0]
        .findings
        .iter()
        .any(|f| f.id == "cert.unknown-critical-extension"));
    // A CRL given as DER is recognised as a CRL by its structure, not misread as a certificate.
    let crl = report("example.crl");
    assert!(crl.certificates.is_empty());
    assert!(crl.errors.is_empty(), "{:?}", crl.errors);
    assert_eq!(crl.crls.len(), 1);
}

#[test]
fn every_truncation_of_real_certificates_is_an_error_not_a_panic() {
    for name in ["input/leaf.der", "input/intermediate.der"] {
        let der = std::fs::read(format!("tests/data/{name}")).unwrap();
        for len in 1..der.len() {
            let report = inspect(&der[..len], &Options::at(AT)).unwrap();
            assert!(
                report.certificates.is_empty(),
                "{name} truncated to {len} was read"
            );
            assert_eq!(report.errors.len(), 1, "{name} truncated to {len}");
        }
    }
}

#[test]
fn bit_flips_anywhere_never_panic() {
    let mut changed = 0;
    for name in [
        "input/leaf.der",
        "x509-parser/certificate.der",
        "x509-parser/ed25519.der",
    ] {
        let der = std::fs::read(format!("tests/data/{name}")).unwrap();
        let pristine = inspect(&der, &Options::at(AT)).unwrap();
        assert!(pristine.errors.is_empty(), "{name}");
        for i in 0..der.len() {
            let mut bent = der.clone();
            bent[i] ^= 1 << (i % 8);
            let report = inspect(&bent, &Options::at(AT)).unwrap();
            assert!(accounted(&report), "{name} byte {i}");
            if let Some(c) = report.certificates.first() {
                // A flipped bit inside a certificate changes its fingerprint.
                assert_ne!(
                    c.fingerprints.sha256,
                    pristine.certificates[0].fingerprints.sha256
                );
                changed += 1;
            }
        }
    }
    assert!(
        changed > 100,
        "most flips land in values and still parse: {changed}"
    );
}

#[test]
fn a_flipped_signature_on_a_root_is_noticed() {
    let pem = std::fs::read_to_string("tests/data/generated/p256-root.pem").unwrap();
    let report = inspect(pem.as_bytes(), &Options::at(AT)).unwrap();
    let der = common::pem_der(&report.certificates[0].pem);
    let mut bent = der.clone();
    let last = bent.len() - 5;
    bent[last] ^= 0x01;
    let report = inspect(&bent, &Options::at(AT)).unwrap();
    let c = &report.certificates[0];
    assert!(c.self_issued && !c.self_signed);
    assert!(c
        .findings
        .iter()
        .any(|f| f.id == "cert.self-signature-unverified"));
}

fn walk(dir: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if !p.ends_with("PROVENANCE") && p.extension().is_none_or(|e| e != "py") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
