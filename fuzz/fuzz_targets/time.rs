//! The evaluation-time parser (what users type into --at or the page's date field).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = certscope::parse_rfc3339(text);
    }
});
