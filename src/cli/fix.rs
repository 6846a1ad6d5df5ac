//! `certscope fix`: the corrected chain file of the input's first chain, on standard output
//! or written as `fullchain.pem` and `chain.pem` into a directory (docs/usage.md, Command line).

use std::fmt::Write as _;
use std::path::Path;

use certscope::fix::ChainFix;
use certscope::Report;

/// What `fix` says and writes: `Ok(true)` when a complete chain file was produced.
pub(super) fn run(report: &Report, out: Option<&Path>) -> Result<bool, (u8, String)> {
    let Some(chain) = report.chains.first() else {
        return Err((
            1,
            "certscope: no certificate chain found in the input".to_owned(),
        ));
    };
    let Some(fix) = &chain.fix else {
        return Err((
            1,
            format!(
                "certscope: reordering cannot fix this chain: {}",
                certscope::terminal_safe(&chain.browser.summary)
            ),
        ));
    };
    let others = report.chains.len().saturating_sub(1);
    let mut said = describe(fix);
    if others > 0 {
        let _ = writeln!(
            said,
            "({others} other end certificate(s) in the input: only the first chain is fixed)"
        );
    }
    if let Some(missing) = &fix.missing {
        let mut text = format!(
            "certscope: an intermediate is missing: {}\n{}\n\nGet it:\n",
            missing.issuer, missing.explanation
        );
        for c in &missing.commands {
            let _ = writeln!(text, "  {c}");
        }
        return Err((1, certscope::terminal_safe(text.trim_end())));
    }
    match out {
        None => {
            // The file on standard output, the words on standard error.
            print!("{}", fix.fullchain);
            eprint!("{}", certscope::terminal_safe(&said));
        }
        Some(dir) => {
            for (name, body) in [("fullchain.pem", &fix.fullchain), ("chain.pem", &fix.chain)] {
                let path = dir.join(name);
                std::fs::write(&path, body)
                    .map_err(|e| (2, format!("certscope: {}: {e}", path.display())))?;
                let _ = writeln!(said, "wrote {}", path.display());
            }
            print!("{}", certscope::terminal_safe(&said));
            for s in &fix.servers {
                println!("\n{}:\n{}", s.server, indent(s.lines));
            }
        }
    }
    Ok(true)
}

fn describe(fix: &ChainFix) -> String {
    let mut out = String::new();
    if fix.changes.is_empty() && fix.missing.is_none() {
        out.push_str("The certificates were already a correct chain file.\n");
    }
    for c in &fix.changes {
        let _ = writeln!(out, "- {c}");
    }
    if let Some(note) = &fix.note {
        let _ = writeln!(out, "Note: {note}");
    }
    out
}

fn indent(lines: &str) -> String {
    lines
        .lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
