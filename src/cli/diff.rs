//! `certscope diff A B`: two certificates compared (docs/usage.md, Command line).

use std::fmt::Write as _;

use certscope::compare::Comparison;

/// The comparison as text: the sentence, both certificates, each difference, what is the same.
pub(super) fn text(c: &Comparison) -> String {
    let mut out = format!("{}\n\n", c.summary);
    for (label, s) in [("a", &c.a), ("b", &c.b)] {
        let _ = writeln!(
            out,
            "{label}  {}\n   serial {}, valid until {}\n   SHA-256 {}",
            s.subject, s.serial, s.not_after, s.sha256
        );
    }
    if !c.differences.is_empty() {
        out.push_str("\nDifferences\n");
    }
    for d in &c.differences {
        let _ = writeln!(out, "  {} ({})", d.field, d.change);
        if let Some(before) = &d.before {
            let _ = writeln!(out, "    - {}", before.replace('\n', "\n      "));
        }
        if let Some(after) = &d.after {
            let _ = writeln!(out, "    + {}", after.replace('\n', "\n      "));
        }
        let _ = writeln!(out, "    {}", d.meaning);
    }
    if !c.same.is_empty() {
        let _ = writeln!(out, "\nThe same: {}", c.same.join(", "));
    }
    certscope::terminal_safe(&out)
}
