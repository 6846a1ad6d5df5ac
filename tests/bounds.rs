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

/// Longer than this is a hang. Not a speed figure (bench/ measures speed): the unbounded work
/// these inputs are built to cause takes minutes, while bounded work ends in well under a
/// second even in a debug build; the margin covers a loaded two-core CI machine.
const HANG: Duration = Duration::from_secs(5);

#[test]
fn too_many_blocks_stops_at_the_limit_and_says_so() {
    let block = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    let input = block.repeat(certscope::MAX_BLOCKS + 5);
    let started = Instant::now();
    let report = inspect(input.as_bytes(), &Options::at(AT)).unwrap();
    assert!(started.elapsed() < HANG);
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
    assert!(elapsed < HANG, "took {elapsed:?}");
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
        assert!(started.elapsed() < HANG, "{}", case["id"]);
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
            started.elapsed() < HANG,
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
        assert!(started.elapsed() < HANG, "took {:?}", started.elapsed());
    }
}

/// A classic pcap (Ethernet, IPv4) of TCP segments: (client port, to the server?, sequence,
/// SYN?, payload). The server is 10.0.0.2:443, every client 10.0.0.1.
#[cfg(feature = "capture")]
fn pcap(segments: impl IntoIterator<Item = (u16, bool, u32, bool, Vec<u8>)>) -> Vec<u8> {
    let mut out = vec![0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0];
    out.extend([0u8; 8]);
    out.extend(65_535u32.to_le_bytes());
    out.extend(1u32.to_le_bytes());
    for (i, (port, to_server, seq, syn, payload)) in segments.into_iter().enumerate() {
        let (src, dst, sport, dport) = if to_server {
            ([10, 0, 0, 1], [10, 0, 0, 2], port, 443)
        } else {
            ([10, 0, 0, 2], [10, 0, 0, 1], 443, port)
        };
        let mut ip = vec![0x45, 0];
        ip.extend(u16::try_from(40 + payload.len()).unwrap().to_be_bytes());
        ip.extend([0, 0, 0x40, 0, 64, 6, 0, 0]);
        ip.extend(src);
        ip.extend(dst);
        let mut tcp = Vec::new();
        tcp.extend(sport.to_be_bytes());
        tcp.extend(dport.to_be_bytes());
        tcp.extend(seq.to_be_bytes());
        tcp.extend([
            0,
            0,
            0,
            0,
            0x50,
            if syn { 0x02 } else { 0x18 },
            0xff,
            0xff,
            0,
            0,
            0,
            0,
        ]);
        let mut frame = vec![0u8; 12];
        frame.extend([0x08, 0x00]);
        frame.extend(ip);
        frame.extend(tcp);
        frame.extend(payload);
        let len = u32::try_from(frame.len()).unwrap();
        out.extend(u32::try_from(i).unwrap().to_le_bytes());
        out.extend(0u32.to_le_bytes());
        out.extend(len.to_le_bytes());
        out.extend(len.to_le_bytes());
        out.extend(frame);
    }
    out
}

/// A TLS record of `len` bytes of application data.
#[cfg(feature = "capture")]
fn app_data(len: u16) -> Vec<u8> {
    let mut r = vec![23, 3, 3];
    r.extend(len.to_be_bytes());
    r.extend(vec![0xab; usize::from(len)]);
    r
}

#[cfg(feature = "capture")]
#[test]
fn a_capture_of_a_hundred_thousand_packets_and_too_many_streams_is_bounded() {
    // 20,000 connections of 5 packets each: more than are followed.
    let segments = (0..20_000u32).flat_map(|c| {
        let port = u16::try_from(1024 + c % 60_000).unwrap();
        let base = c.wrapping_mul(7919);
        [
            (port, true, base, true, Vec::new()),
            (port, true, base.wrapping_add(1), false, app_data(20)),
            (port, false, 5, true, Vec::new()),
            (port, false, 6, false, app_data(30)),
            (port, true, base.wrapping_add(26), false, app_data(20)),
        ]
    });
    let input = pcap(segments);
    let start = Instant::now();
    let r = inspect(&input, &Options::at(AT)).unwrap();
    let took = start.elapsed();
    let c = &r.captures[0];
    assert_eq!(c.packets, 100_000);
    assert_eq!(c.tcp_connections, certscope::MAX_CAPTURE_STREAMS);
    assert!(
        c.notes
            .iter()
            .any(|n| n == "10000 TCP connections after the first 10000 were not followed."),
        "{:?}",
        c.notes
    );
    assert!(took < Duration::from_secs(30), "{took:?}");
}

#[cfg(feature = "capture")]
#[test]
fn a_long_connection_and_a_gap_that_never_fills_are_bounded() {
    // 1,000 records of application data (16 MB): the first few are kept, the rest counted.
    let mut segments = vec![(5000, true, 0, true, Vec::new())];
    let mut seq = 1u32;
    for _ in 0..1_000 {
        let r = app_data(16_384);
        let len = u32::try_from(r.len()).unwrap();
        segments.push((5000, true, seq, false, r));
        seq = seq.wrapping_add(len);
    }
    // Another connection whose first segment was never captured: 5,000 segments wait for it.
    segments.push((5001, true, 0, true, Vec::new()));
    segments.push((5001, true, 1, false, app_data(10)));
    for i in 0..5_000u32 {
        segments.push((5001, true, 1_000 + i * 20, false, vec![0xcd; 20]));
    }
    let input = pcap(segments);
    let start = Instant::now();
    let r = inspect(&input, &Options::at(AT)).unwrap();
    assert!(start.elapsed() < Duration::from_secs(30));
    let c = &r.captures[0].connections;
    assert_eq!(c.len(), 2);
    let records: Vec<usize> = c[0].messages.iter().map(|m| m.records).collect();
    assert_eq!(records, [8, 992], "{:?}", c[0].messages);
    assert_eq!(c[0].messages[1].length, 992 * 16_389);
    assert_eq!(c[1].out_of_order, 5_000);
}
