//! HAR files (seeded with Chromium's recordings in tests/data/http): arbitrary text as it is,
//! and framed as a HAR's entries (`{"log":{"entries":[` … ) so the reader, the redirect
//! linking and the header checks get the work rather than JSON's syntax errors. Oracles: the
//! bounds hold, and no Set-Cookie value written once in the input reaches the report.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else { return };
    let framed = format!("{{\"log\":{{\"entries\":[{text}]}}}}");
    for input in [text, framed.as_str()] {
        let Ok(report) = certscope::inspect(input.as_bytes(), &certscope::Options::at(1_796_300_000)) else {
            continue;
        };
        let _ = certscope::render_text(&report);
        let pages: usize = report.http.iter().map(|s| s.responses.len()).sum();
        assert!(pages <= certscope::MAX_RESPONSES);
        let json = serde_json::to_string(&report).unwrap_or_default();
        for site in &report.http {
            assert!(site.subresources.len() <= certscope::MAX_SUBRESOURCES);
            for r in site.responses.iter().chain(&site.subresources) {
                for f in r.headers.iter().filter(|f| f.name == "set-cookie") {
                    assert!(f.value.contains("bytes hidden"), "{f:?}");
                }
            }
        }
        // A cookie value of 16+ characters (not one certscope writes itself) that occurs once in the input is not in the report.
        let Ok(value) = serde_json::from_str::<serde_json::Value>(input) else { continue };
        let entries = value.pointer("/log/entries").and_then(|e| e.as_array()).cloned().unwrap_or_default();
        for e in &entries {
            let headers = e.pointer("/response/headers").and_then(|h| h.as_array()).cloned().unwrap_or_default();
            for h in headers.iter().filter(|h| h.get("name").and_then(|n| n.as_str()).is_some_and(|n| n.eq_ignore_ascii_case("set-cookie"))) {
                let Some(v) = h.get("value").and_then(|v| v.as_str()) else { continue };
                let secret = v.split(';').next().and_then(|p| p.split_once('=')).map(|(_, s)| s.trim()).unwrap_or("");
                if secret.len() >= 16 && input.matches(secret).count() == 1 && !secret.contains(['\\', '<', '>']) {
                    assert!(!json.contains(secret), "cookie value in the report");
                }
            }
        }
    }
});
