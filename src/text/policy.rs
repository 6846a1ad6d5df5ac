//! The `rfc5280` verdict's certificate policies (RFC 5280 §6.1), for the terminal.

use core::fmt::Write as _;

use crate::PolicyReport;

/// Which policies the path is valid for, and what each certificate did to them.
pub(super) fn section(out: &mut String, p: &PolicyReport) {
    let _ = writeln!(out, "    {:<12}{}", "Policies", p.explanation);
    let acceptable = if p.initial_policy_set.is_empty() {
        "any".to_owned()
    } else {
        crate::chain::policy_names(&p.initial_policy_set)
    };
    let _ = writeln!(
        out,
        "    {:<12}valid for {}; acceptable: {acceptable}",
        "",
        crate::chain::policy_names(&p.user)
    );
    for step in &p.steps {
        let who = match step.certificate {
            Some(i) => format!("[{}] {}", i.saturating_add(1), step.name),
            None => step.name.clone(),
        };
        let _ = writeln!(
            out,
            "    {:<12}{who}: {}",
            "",
            crate::chain::policy_names(&step.valid)
        );
        for note in &step.notes {
            let _ = writeln!(out, "    {:<14}{note}", "");
        }
    }
}
