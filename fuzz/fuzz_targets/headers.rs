//! Pasted HTTP: the response splitter (curl -sIL, curl -v, devtools forms), every header check,
//! the CSP parser and evaluator, the Observatory score and the text rendering. The input is
//! taken as text after a status line, so libFuzzer spends its time inside header blocks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = b"$ curl -sIL http://fuzz.certscope.test/\nHTTP/1.1 301 Moved\nLocation: https://fuzz.certscope.test/\n\nHTTP/2 200\n".to_vec();
    input.extend_from_slice(data);
    if let Ok(report) = certscope::inspect(&input, &certscope::Options::at(1_795_737_600)) {
        let _ = certscope::render_text(&report);
        for site in &report.http {
            assert!(site.observatory.score >= 0);
            assert!(!site.responses.is_empty());
        }
    }
});
