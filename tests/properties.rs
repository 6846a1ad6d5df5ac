//! Property tests (proptest, on stable, in every CI run): random and mutated inputs never
//! panic, and every input is accounted for. Native only (proptest needs an OS random source).

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use certscope::{inspect, Options, Roots};
use proptest::prelude::*;

const AT: u64 = 1_769_904_000;

fn real_der() -> Vec<u8> {
    std::fs::read("tests/data/input/leaf.der").unwrap()
}

fn accounted(input: &[u8], options: &Options) {
    let report = inspect(input, options).unwrap();
    assert!(
        !report.certificates.is_empty() || !report.errors.is_empty() || !report.findings.is_empty()
    );
    let _ = certscope::render_text(&report);
    let _ = serde_json::to_string(&report).unwrap();
    // The listing reads the same input without panicking, and lists no certificate that
    // the full report does not also show.
    let summary = certscope::summarize(input).unwrap();
    let _ = serde_json::to_string(&summary).unwrap();
    assert!(summary.certificates.len() <= report.certificates.len() + report.errors.len());
}

/// Re-encodes DER as BER (X.690 §8.1.3.6, §8.7.3): constructed elements chosen by `pick` get
/// indefinite lengths, OCTET STRINGs longer than `segment` bytes become constructed strings;
/// certificates inside are kept as they are.
fn ber_of(der: &[u8], pick: &mut impl FnMut() -> bool, segment: usize) -> Vec<u8> {
    let (tag, start, end) = {
        let n = der[1] as usize;
        let (start, len) = if n < 0x80 {
            (2, n)
        } else {
            let k = n & 0x7f;
            (
                2 + k,
                der[2..2 + k].iter().fold(0, |a, b| a * 256 + *b as usize),
            )
        };
        (der[0], start, start + len)
    };
    let body = &der[start..end];
    // Certificates stay DER inside a BER container (their signature covers that encoding).
    let certificate = tag == 0x30 && body.first() == Some(&0x30) && {
        let n = body[1] as usize;
        let header = if n < 0x80 { 2 } else { 2 + (n & 0x7f) };
        body.get(header) == Some(&0xa0)
    };
    if tag & 0x20 != 0 && !certificate {
        let mut kids = Vec::new();
        let mut i = 0;
        while i < body.len() {
            let n = body[i + 1] as usize;
            let (hl, len) = if n < 0x80 {
                (2, n)
            } else {
                let k = n & 0x7f;
                (
                    2 + k,
                    body[i + 2..i + 2 + k]
                        .iter()
                        .fold(0, |a, b| a * 256 + *b as usize),
                )
            };
            kids.extend(ber_of(&body[i..i + hl + len], pick, segment));
            i += hl + len;
        }
        if pick() {
            let mut out = vec![tag, 0x80];
            out.extend(kids);
            out.extend([0, 0]);
            return out;
        }
        let mut out = vec![tag];
        out.extend(length(kids.len()));
        out.extend(kids);
        return out;
    }
    if tag == 0x04 && body.len() > segment {
        let mut out = vec![0x24, 0x80];
        for piece in body.chunks(segment) {
            out.push(0x04);
            out.extend(length(piece.len()));
            out.extend(piece);
        }
        out.extend([0, 0]);
        return out;
    }
    der[..end].to_vec()
}

fn length(n: usize) -> Vec<u8> {
    match n {
        0..=0x7f => vec![n as u8],
        0x80..=0xff => vec![0x81, n as u8],
        _ => vec![0x82, (n >> 8) as u8, n as u8],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        accounted(&bytes, &Options::at(AT));
    }

    #[test]
    fn arbitrary_text_around_pem_markers(body in "[A-Za-z0-9+/=\\s!-]{0,600}", label in "[A-Z0-9 ]{0,24}") {
        let text = format!("junk\n-----BEGIN {label}-----\n{body}\n-----END {label}-----\ntail");
        accounted(text.as_bytes(), &Options::at(AT));
    }

    #[test]
    fn mutated_certificates(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8), cut in any::<usize>()) {
        let mut der = real_der();
        for (at, byte) in edits {
            let i = at % der.len();
            der[i] = byte;
        }
        let keep = der.len() - cut % 32;
        der.truncate(keep);
        accounted(&der, &Options::at(AT).host("www.certscope.test"));
    }

    /// The post-quantum paths: a hybrid chain (its second signatures), a composite certificate
    /// (both halves) and an expanded ML-DSA private key (range-checked before RustCrypto's
    /// decoder, which asserts) with bytes changed and cut: reported, never a panic.
    #[test]
    fn mutated_post_quantum_inputs(which in 0usize..3, edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6), cut in any::<usize>()) {
        let file = ["tests/data/pqc/alt-chain.pem", "tests/data/pqc/composite/MLDSA65-ECDSA-P256-SHA512.crt", "tests/data/pqc/ML-DSA-44-expanded.priv"][which];
        let text = std::fs::read_to_string(file).unwrap();
        // The first PEM block (the leaf of the chain).
        let end = text.find("-----END").unwrap();
        let end = end + text[end..].find('\n').unwrap() + 1;
        let (label, mut der) = der::pem::decode_vec(&text.as_bytes()[..end]).unwrap();
        for (at, byte) in edits {
            let i = at % der.len();
            der[i] = byte;
        }
        let keep = der.len() - cut % 32;
        der.truncate(keep);
        let mut input = der::pem::encode_string(label, der::pem::LineEnding::LF, &der).unwrap().into_bytes();
        // The root after it, whose alternative key the leaf's second signature needs.
        input.extend(std::fs::read("tests/data/pqc/alt-root.pem").unwrap());
        accounted(&input, &Options::at(AT));
    }

    /// Captures with bytes changed and cut (headers, lengths, TCP flags, TLS records, the
    /// hex paste): a report or a located error, never a panic.
    #[cfg(feature = "capture")]
    #[test]
    fn mutated_captures(which in 0usize..4, edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8), cut in any::<usize>()) {
        let file = ["tls12-ecdsa.pcap", "tls13-curl.pcapng", "tls13-hrr.pcap", "client-hello.hex"][which];
        let mut input = std::fs::read(format!("tests/data/capture/{file}")).unwrap();
        for (at, byte) in edits {
            let i = at % input.len();
            input[i] = if which == 3 { b"0123456789abcdef :"[usize::from(byte) % 18] } else { byte };
        }
        let keep = input.len() - cut % (input.len() / 2);
        input.truncate(keep);
        let report = inspect(&input, &Options::at(AT)).unwrap();
        prop_assert!(!report.captures.is_empty() || !report.errors.is_empty() || !report.certificates.is_empty());
        let _ = certscope::render_text(&report);
        let _ = serde_json::to_string(&report).unwrap();
    }

    #[test]
    fn mutated_chains_against_mutated_roots(flip in any::<usize>(), host in "[a-z0-9.*@:-]{0,30}") {
        let mut chain = std::fs::read("tests/data/generated/p256-chain.pem").unwrap();
        let mut root = std::fs::read("tests/data/generated/p256-root.pem").unwrap();
        let i = flip % chain.len();
        chain[i] = chain[i].wrapping_add(1);
        let j = flip % root.len();
        root[j] ^= 0x20;
        let options = Options::at(AT).host(host).roots(Roots::Custom { certificates: root, with_mozilla: true });
        accounted(&chain, &options);
    }

    /// A PKCS #7 bundle in BER — indefinite lengths anywhere, OCTET STRINGs in segments —
    /// reads as the DER it encodes: the same certificates, in the same order.
    #[test]
    fn ber_bundles_read_as_their_der(picks in proptest::collection::vec(any::<bool>(), 1..64), segment in 1usize..40) {
        let der = std::fs::read("tests/data/formats/chain-der.p7c").unwrap();
        let mut next = picks.into_iter().cycle();
        let ber = ber_of(&der, &mut || next.next().unwrap_or(false), segment);
        let fingerprints = |r: &certscope::Report| -> Vec<String> {
            r.certificates.iter().map(|c| c.fingerprints.sha256.clone()).collect()
        };
        let want = inspect(&der, &Options::at(AT)).unwrap();
        let got = inspect(&ber, &Options::at(AT)).unwrap();
        prop_assert!(got.errors.is_empty(), "{:?}", got.errors);
        prop_assert_eq!(fingerprints(&got), fingerprints(&want));
        prop_assert_eq!(fingerprints(&got).len(), 2);
    }

    #[test]
    fn mutated_ber_bundles(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6), cut in any::<usize>()) {
        let mut ber = std::fs::read("tests/data/formats/bundle-aes-ber.p12").unwrap();
        for (at, byte) in edits {
            let i = at % ber.len();
            ber[i] = byte;
        }
        let keep = ber.len() - cut % 64;
        ber.truncate(keep);
        accounted(&ber, &Options::at(AT).password("certscope"));
    }

    /// Text shaped like PEM inside JSON strings or base64 (the embedded-PEM reader's input).
    #[test]
    fn embedded_pem_shapes(
        head in "[ a-z:\"{]{0,12}",
        marker in prop_oneof![Just("LS0tLS1CRUdJTi"), Just("-----BEGIN CERTIFICATE-----\\n"), Just("-----BEGIN X-----\\r\\n")],
        body in "[A-Za-z0-9+/=\\\\n\" -]{0,400}",
    ) {
        let text = format!("{head}{marker}{body}\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        accounted(text.as_bytes(), &Options::at(AT));
    }

    #[test]
    fn evaluation_times(text in "\\PC{0,40}") {
        let _ = certscope::parse_rfc3339(&text);
    }
}

/// Any JSON value: what `compare_reports` may be handed from JavaScript.
fn json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        "[a-z.]{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("extensions".to_owned()),
                    Just("names".to_owned()),
                    Just("value".to_owned()),
                    Just("oid".to_owned()),
                    Just("kind".to_owned()),
                    "[a-zA-Z]{1,10}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The corrected chain file never panics on any path (indices out of range, roots in the
    /// middle, repeats) and holds only certificates it was given.
    #[test]
    fn a_fix_holds_only_given_certificates(
        names in prop::collection::vec("[A-Z]{1,3}", 0..6),
        path in prop::collection::vec((prop::option::of(0usize..8), any::<bool>()), 0..8),
        trusted in any::<bool>(),
        problem in prop::option::of(prop_oneof![Just("unknown-issuer"), Just("untrusted-root"), Just("expired")]),
        url in prop::option::of("[ -~]{0,40}"),
    ) {
        use certscope::fix::{fix, FixInput, Given, Step};
        let input = FixInput {
            certificates: names.iter().map(|n| Given { pem: format!("-----BEGIN CERTIFICATE-----\n{n}\n-----END CERTIFICATE-----\n"), name: n.clone() }).collect(),
            path: path.iter().map(|&(certificate, root)| Step { certificate, root }).collect(),
            trusted,
            problem: problem.map(str::to_owned),
            missing_issuer: None,
            missing_url: url,
        };
        if let Some(f) = fix(&input) {
            let blocks: Vec<&str> = f.fullchain.split_inclusive("-----END CERTIFICATE-----\n").collect();
            for b in &blocks {
                prop_assert!(input.certificates.iter().any(|c| c.pem == *b), "{b:?} was not given");
            }
            prop_assert!(f.chain.len() <= f.fullchain.len());
        }
    }

    /// Comparing any two JSON values never panics: it compares or says which holds no certificate.
    #[test]
    fn comparing_any_json_never_panics(a in json(), b in json()) {
        match certscope::compare::compare_reports(&a, &b) {
            Ok(c) => prop_assert!(!c.summary.is_empty()),
            Err(e) => prop_assert!(e.ends_with("no certificate found")),
        }
    }

    /// DNS answers with any record lines (mutated dig lines, any RDATA, generic RDATA with any
    /// hex) never panic the reader, and every record read keeps its owner and line.
    #[test]
    fn any_dns_answer_reads_without_panicking(
        rdata in prop::collection::vec(prop_oneof![
            "[ -~]{0,60}",
            "[0-9]{1,3} (issue|issuewild|iodef|tbs) \"[ -~]{0,20}\"",
            "[0-9]{1,5} [a-z.]{0,10} (alpn|port|ech|ipv4hint|mandatory|key9)=[ -~]{0,30}",
            "\\\\# [0-9]{1,3} [0-9a-f ]{0,80}",
            "[0-3] [0-1] [0-2] [0-9A-Fa-f ]{0,70}",
        ], 1..8),
        kinds in prop::collection::vec(prop_oneof![Just("CAA"), Just("HTTPS"), Just("SVCB"), Just("TLSA"), Just("A"), Just("TYPE65")], 8),
    ) {
        let mut text = String::from(";; ANSWER SECTION:\n");
        for (i, r) in rdata.iter().enumerate() {
            text.push_str(&format!("example.test.\t300\tIN\t{}\t{r}\n", kinds[i % kinds.len()]));
        }
        let chain = std::fs::read_to_string("tests/data/dns/chain.pem").unwrap();
        for input in [text.clone(), format!("{chain}{text}")] {
            let report = inspect(input.as_bytes(), &Options::at(AT)).unwrap();
            for d in &report.dns {
                prop_assert!(d.records.iter().all(|r| r.name == "example.test" && r.line > 0));
            }
            let _ = certscope::render_text(&report);
        }
    }
}
