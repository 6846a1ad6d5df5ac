//! A chain's Certificate Transparency check (RFC 6962), for the terminal.

use core::fmt::Write as _;

use crate::ct::CtReport;

/// Each SCT (its log, when and how it was delivered, whether it verified) and the browsers'
/// CT policies.
pub(super) fn section(out: &mut String, ct: &CtReport) {
    let verified = ct.scts.iter().filter(|s| s.signature == "verified").count();
    let _ = writeln!(
        out,
        "    {:<12}{} SCT{}, {verified} verified",
        "CT",
        ct.scts.len(),
        if ct.scts.len() == 1 { "" } else { "s" }
    );
    for s in &ct.scts {
        let log = s.log.as_ref().map_or_else(
            || format!("log {}", s.log_id),
            |l| format!("{} ({})", l.name, l.operator),
        );
        let how = s.source.words();
        let detail = s
            .detail
            .as_deref()
            .map(|d| format!(": {d}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {:<12}{log}, {}, {how}: {}{detail}",
            "",
            s.timestamp.get(..10).unwrap_or(&s.timestamp),
            s.signature
        );
    }
    for (browser, v) in [("Chrome", &ct.chrome), ("Apple", &ct.apple)] {
        let mark = if v.compliant { "OK " } else { "NO " };
        let _ = writeln!(out, "    {:<12}{browser:<7}{mark}{}", "", v.explanation);
    }
}
