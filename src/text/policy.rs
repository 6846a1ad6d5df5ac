//! The `rfc5280` verdict's certificate policies (RFC 5280 §6.1), for the terminal.

use core::fmt::Write as _;

use crate::PolicyReport;

fn named(list: &[String]) -> String {
    if list.is_empty() {
        return "none".into();
    }
    list.iter()
        .map(|s| match const_oid::ObjectIdentifier::new(s) {
            _ if s == "2.5.29.32.0" => "anyPolicy".to_owned(),
            Ok(o) => crate::oid::name_or_dotted(crate::oid::POLICIES, &o),
            Err(_) => s.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which policies the path is valid for, and what each certificate did to them.
pub(super) fn section(out: &mut String, p: &PolicyReport) {
    let _ = writeln!(out, "    {:<12}{}", "Policies", p.explanation);
    let acceptable = if p.initial_policy_set.is_empty() {
        "any".to_owned()
    } else {
        named(&p.initial_policy_set)
    };
    let _ = writeln!(
        out,
        "    {:<12}valid for {}; acceptable: {acceptable}",
        "",
        named(&p.user)
    );
    for step in &p.steps {
        let who = match step.certificate {
            Some(i) => format!("[{}] {}", i.saturating_add(1), step.name),
            None => step.name.clone(),
        };
        let _ = writeln!(out, "    {:<12}{who}: {}", "", named(&step.valid));
        for note in &step.notes {
            let _ = writeln!(out, "    {:<14}{note}", "");
        }
    }
}
