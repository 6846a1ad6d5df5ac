//! A chain's Certificate Transparency check (RFC 6962), for the terminal.

use core::fmt::Write as _;

use crate::ct::CtReport;

/// The log's state in Chrome's list and in Apple's, in words.
fn states(log: &crate::ct::CtLog) -> String {
    use crate::ct::LogState;
    let chrome = match (log.state, &log.retired) {
        (LogState::Qualified, _) => "in Chrome's list".to_owned(),
        (LogState::Retired, Some(at)) => {
            format!("retired by Chrome {}", at.get(..10).unwrap_or(at))
        }
        (LogState::Retired, None) => "retired by Chrome".to_owned(),
        (LogState::Absent, _) => "not in Chrome's list".to_owned(),
    };
    let apple = log.apple.as_ref().map_or_else(
        || "not in Apple's list".to_owned(),
        |a| {
            format!(
                "Apple: {} since {}",
                a.state.words(),
                a.since.get(..10).unwrap_or(&a.since)
            )
        },
    );
    format!("{chrome}, {apple}")
}

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
            |l| format!("{} ({}; {})", l.name, l.operator, states(l)),
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
