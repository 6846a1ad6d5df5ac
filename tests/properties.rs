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

    #[test]
    fn evaluation_times(text in "\\PC{0,40}") {
        let _ = certscope::parse_rfc3339(&text);
    }
}
