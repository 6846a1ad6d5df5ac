//! Every root of Mozilla's program parses, is a self-signed CA, and agrees with what
//! `openssl x509 -subject -issuer -serial -dates -fingerprint -sha256 -nameopt RFC2253` printed
//! for it (tests/data/roots/openssl-x509.txt, recorded by make-fixture.sh).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::path::Path;

mod common;

use certscope::{inspect, Options, Role};

/// 2026-11-27T00:00:00Z
const AT: u64 = 1_795_737_600;

fn openssl_fixture() -> BTreeMap<String, BTreeMap<String, String>> {
    let text = std::fs::read_to_string("tests/data/roots/openssl-x509.txt").unwrap();
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut current = String::new();
    for line in text.lines() {
        let (key, value) = line.split_once('=').unwrap();
        if key == "file" {
            current = value.to_owned();
            out.insert(current.clone(), BTreeMap::new());
        } else {
            out.get_mut(&current)
                .unwrap()
                .insert(key.to_owned(), value.to_owned());
        }
    }
    out
}

/// "Jun  4 11:04:38 2015 GMT" → "2015-06-04T11:04:38Z".
fn openssl_date(s: &str) -> String {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = months.iter().position(|m| *m == parts[0]).unwrap() + 1;
    let day: u32 = parts[1].parse().unwrap();
    format!("{}-{month:02}-{day:02}T{}Z", parts[3], parts[2])
}

/// Colon hex of the DER INTEGER → OpenSSL's form (no colons, no leading zero bytes).
fn openssl_serial(ours: &str) -> String {
    let hex = ours.replace(':', "");
    let trimmed = hex.trim_start_matches('0');
    match trimmed.len() {
        0 => "00".to_owned(),
        n if n % 2 == 1 => format!("0{trimmed}"),
        _ => trimmed.to_owned(),
    }
}

#[test]
fn all_142_roots_match_openssl() {
    let fixture = openssl_fixture();
    assert_eq!(fixture.len(), 142);
    for (file, expected) in &fixture {
        let pem = std::fs::read(Path::new("tests/data/roots").join(file)).unwrap();
        let report = inspect(&pem, &Options::at(AT)).unwrap();
        assert!(report.errors.is_empty(), "{file}: {:?}", report.errors);
        assert_eq!(report.certificates.len(), 1, "{file}");
        let c = &report.certificates[0];
        assert_eq!(c.subject.display, expected["subject"], "{file} subject");
        assert_eq!(c.issuer.display, expected["issuer"], "{file} issuer");
        assert_eq!(
            openssl_serial(&c.serial),
            expected["serial"],
            "{file} serial"
        );
        assert_eq!(
            c.validity.not_before,
            openssl_date(&expected["notBefore"]),
            "{file}"
        );
        assert_eq!(
            c.validity.not_after,
            openssl_date(&expected["notAfter"]),
            "{file}"
        );
        assert_eq!(
            c.fingerprints.sha256, expected["sha256 Fingerprint"],
            "{file} sha256"
        );
        assert_eq!(c.role, Role::Root, "{file} role");
        assert!(c.self_issued && c.self_signed, "{file} is not self-signed");
    }
}

#[test]
fn roots_with_serial_zero_are_read_and_flagged() {
    let mut zero = 0;
    for entry in std::fs::read_dir("tests/data/roots").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "pem") {
            let report = inspect(&std::fs::read(&path).unwrap(), &Options::at(AT)).unwrap();
            let c = &report.certificates[0];
            let flagged = c
                .findings
                .iter()
                .any(|f| f.id == "cert.serial-not-positive");
            assert_eq!(flagged, c.serial == "00", "{}", path.display());
            zero += usize::from(flagged);
        }
    }
    assert_eq!(
        zero, 9,
        "TOOLCHAIN.md: nine Mozilla roots have serial number 0"
    );
}

#[test]
fn a_whole_bundle_reads_in_one_call() {
    let mut bundle = Vec::new();
    for file in openssl_fixture().keys() {
        bundle.extend(std::fs::read(Path::new("tests/data/roots").join(file)).unwrap());
        bundle.extend(b"\n# junk between blocks\n");
    }
    let report = inspect(&bundle, &Options::at(AT)).unwrap();
    assert_eq!(report.certificates.len(), 142);
    assert!(report.errors.is_empty());
    for (i, c) in report.certificates.iter().enumerate() {
        assert_eq!(c.location.block, i + 1);
    }
}

/// `summarize` lists the whole bundle in one call with what openssl printed, and with the
/// same values `inspect` reports.
#[test]
fn summarize_lists_the_bundle_as_openssl_and_inspect_do() {
    let fixture = openssl_fixture();
    let mut bundle = Vec::new();
    for file in fixture.keys() {
        bundle.extend(std::fs::read(Path::new("tests/data/roots").join(file)).unwrap());
    }
    let summary = certscope::summarize(&bundle).unwrap();
    let report = inspect(&bundle, &Options::at(AT)).unwrap();
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    assert_eq!(summary.certificates.len(), 142);
    for ((s, expected), c) in summary
        .certificates
        .iter()
        .zip(fixture.values())
        .zip(&report.certificates)
    {
        assert_eq!(s.subject, expected["subject"]);
        assert_eq!(s.issuer, expected["issuer"]);
        assert_eq!(openssl_serial(&s.serial), expected["serial"]);
        assert_eq!(s.not_before, openssl_date(&expected["notBefore"]));
        assert_eq!(s.not_after, openssl_date(&expected["notAfter"]));
        assert_eq!(s.sha256, expected["sha256 Fingerprint"]);
        assert_eq!(s.location, c.location);
        assert_eq!(s.names, c.names);
        assert_eq!(s.key_algorithm, c.public_key.algorithm);
        assert_eq!(s.key_bits, c.public_key.bits);
        assert_eq!(s.curve, c.public_key.curve);
        assert_eq!(s.self_issued, c.self_issued);
        assert!(s.ca, "{} is a CA", s.subject);
    }
}

/// The same bundle as concatenated DER (what a `.der` or `.cer` file dropped on the page
/// holds) lists the same certificates; DER items that are not certificates between them are
/// named, not mistaken for certificates.
#[test]
fn summarize_reads_concatenated_der_and_names_what_is_not_a_certificate() {
    let mut pem = Vec::new();
    let mut der = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir("tests/data/roots")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pem"))
        .collect();
    files.sort();
    for (i, file) in files.iter().enumerate() {
        let text = std::fs::read_to_string(file).unwrap();
        pem.extend(text.as_bytes());
        der.extend(common::pem_der(&text));
        if i == 10 {
            der.extend(std::fs::read("tests/data/formats/root-crl.der").unwrap());
        }
        if i == 20 {
            der.extend(std::fs::read("tests/data/formats/leaf-rsa-der.csr").unwrap());
        }
    }
    let from_pem = certscope::summarize(&pem).unwrap();
    let from_der = certscope::summarize(&der).unwrap();
    assert_eq!(from_der.certificates.len(), 142);
    for (d, p) in from_der.certificates.iter().zip(&from_pem.certificates) {
        assert_eq!(
            (&d.subject, &d.serial, &d.sha256),
            (&p.subject, &p.serial, &p.sha256)
        );
        assert_eq!(
            (&d.not_after, &d.names, d.ca),
            (&p.not_after, &p.names, p.ca)
        );
        assert_eq!(d.location.line, None);
    }
    let unlisted: Vec<(usize, String)> = from_der
        .errors
        .iter()
        .map(|p| (p.location.block, p.error.to_string()))
        .collect();
    assert_eq!(unlisted.len(), 2, "{unlisted:?}");
    assert_eq!(unlisted[0].0, 12);
    assert!(unlisted[0].1.contains("X509 CRL"), "{unlisted:?}");
    assert_eq!(unlisted[1].0, 23);
    assert!(
        unlisted[1].1.contains("CERTIFICATE REQUEST"),
        "{unlisted:?}"
    );
}
