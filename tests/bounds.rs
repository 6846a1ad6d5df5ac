//! Resource bounds: hostile inputs end quickly with a clear error, never a hang.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::time::{Duration, Instant};

use certscope::{inspect, Error, Options, Roots};

const AT: u64 = 1_795_737_600;

#[test]
fn too_many_blocks_stops_at_the_limit_and_says_so() {
    let block = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    let input = block.repeat(certscope::MAX_BLOCKS + 5);
    let started = Instant::now();
    let report = inspect(input.as_bytes(), &Options::at(AT)).unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(report.errors.len(), certscope::MAX_BLOCKS + 1);
    let last = report.errors.last().unwrap();
    assert_eq!(
        last.error,
        Error::TooManyBlocks {
            limit: certscope::MAX_BLOCKS
        }
    );
    assert!(last.message.contains("the rest were not read"));
}

#[test]
fn ten_thousand_sans_against_a_thousand_constraints_stop_at_the_budget() {
    let leaf = std::fs::read("tests/data/bounds/san-10000-leaf.pem").unwrap();
    let ca = std::fs::read("tests/data/bounds/nc-1000-ca.pem").unwrap();
    let options = Options::at(1_800_000_000)
        .roots(Roots::Custom {
            certificates: ca,
            with_mozilla: false,
        })
        .host("host5.many.example");
    let started = Instant::now();
    let report = inspect(&leaf, &options).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(report.certificates[0].names.len(), 10_000);
    let problem = report.chains[0].browser.problem.as_ref().unwrap();
    assert_eq!(problem.code, "budget");
    assert!(
        problem.message.contains("more than 250000 comparisons"),
        "{}",
        problem.message
    );
    assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
}

#[test]
fn pathological_chains_from_limbo_finish_quickly() {
    // x509-limbo's denial-of-service cases, through the same harness the conformance test uses.
    let limbo: serde_json::Value =
        serde_json::from_slice(&std::fs::read("tests/data/limbo/limbo-native.json").unwrap())
            .unwrap();
    for case in limbo["testcases"].as_array().unwrap() {
        let features = case["features"].as_array().unwrap();
        if !features.iter().any(|f| f == "denial-of-service") {
            continue;
        }
        let mut input = case["peer_certificate"].as_str().unwrap().to_owned();
        for pem in case["untrusted_intermediates"].as_array().unwrap() {
            input.push_str(pem.as_str().unwrap());
        }
        let roots: String = case["trusted_certs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        let at = case["validation_time"]
            .as_str()
            .map_or(AT, |t| certscope::parse_rfc3339(t).unwrap());
        let options = Options::at(at)
            .roots(Roots::Custom {
                certificates: roots.into_bytes(),
                with_mozilla: false,
            })
            .host("example.com");
        let started = Instant::now();
        let report = inspect(input.as_bytes(), &options).unwrap();
        assert!(started.elapsed() < Duration::from_secs(1), "{}", case["id"]);
        assert!(!report.chains[0].browser.trusted, "{}", case["id"]);
    }
}

/// The embedded-PEM reader stays linear on lines built to make it rescan: thousands of markers
/// that only look like JSON-escaped or base64 PEM, on one line, near the input limit.
#[test]
fn look_alike_embedded_pem_stays_linear() {
    let mut cases = Vec::new();
    // A JSON-escaped marker first (so the reader runs), then BEGIN markers without escapes.
    cases.push(format!(
        "\"-----BEGIN X-----\\n{}",
        "-----BEGIN ".repeat(600_000)
    ));
    // One long run of base64 made of the base64 of "-----BEGIN", which decodes to no PEM.
    cases.push("LS0tLS1CRUdJTi".repeat(500_000));
    // An escaped marker opening a string of three million escaped quotes.
    cases.push(format!(
        "\"-----BEGIN X-----\\n{}",
        "\\\"".repeat(3_000_000)
    ));
    for input in cases {
        assert!(input.len() <= certscope::MAX_INPUT_BYTES);
        let started = std::time::Instant::now();
        let r = inspect(input.as_bytes(), &Options::at(AT)).unwrap();
        let _ = certscope::summarize(input.as_bytes()).unwrap();
        assert!(r.certificates.is_empty());
        assert!(
            started.elapsed().as_millis() < 2_000,
            "took {:?} on {}…",
            started.elapsed(),
            &input[..40]
        );
    }
}

/// BER re-encoding is linear: two million one-byte segments of a constructed OCTET STRING,
/// and the deepest nesting read holding a 6 MB value, each well under the time limit.
#[test]
fn large_ber_is_re_encoded_quickly() {
    let mut segments = vec![0x30, 0x80, 0x24, 0x80];
    for _ in 0..2_000_000 {
        segments.extend([0x04, 0x01, 0xab]);
    }
    segments.extend([0, 0, 0, 0]);
    let mut deep = Vec::new();
    for _ in 0..32 {
        deep.extend([0x30, 0x80]);
    }
    deep.extend([0x04, 0x83, 0x5b, 0x8d, 0x80]);
    deep.resize(deep.len() + 0x5b_8d80, 0xcd);
    deep.extend(std::iter::repeat_n(0, 64));
    for input in [segments, deep] {
        assert!(input.len() <= certscope::MAX_INPUT_BYTES);
        let started = Instant::now();
        let r = inspect(&input, &Options::at(AT)).unwrap();
        // Neither is a PKCS #7 or PKCS #12: one located error, nothing read.
        assert!(r.certificates.is_empty());
        assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "took {:?}",
            started.elapsed()
        );
    }
}
