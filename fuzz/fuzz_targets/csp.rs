//! One Content-Security-Policy value: the policy parser, the CSP Evaluator checks, the
//! Observatory's own CSP reading and the recommended policy.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(policy) = core::str::from_utf8(data) else { return };
    if policy.contains('\n') {
        return;
    }
    let input = format!("$ curl -sI https://fuzz.certscope.test/\nHTTP/2 200\ncontent-security-policy: {policy}\n\n");
    if let Ok(report) = certscope::inspect(input.as_bytes(), &certscope::Options::at(1_795_737_600)) {
        let site = report.http.first().expect("one site");
        assert!(site.csp.is_some() || policy.trim().is_empty());
    }
});
