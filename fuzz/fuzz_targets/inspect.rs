//! Anything a user can paste or drop: the splitter, every decoder, the certificate summary,
//! the lints and chain analysis against Mozilla's roots, both renderings, and the listing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = certscope::Options::at(1_795_737_600).host("www.certscope.test");
    if let Ok(report) = certscope::inspect(data, &options) {
        let _ = certscope::render_text(&report);
        for f in report.all_findings() {
            assert!(!f.title.is_empty());
        }
    }
    let _ = certscope::summarize(data);
});
