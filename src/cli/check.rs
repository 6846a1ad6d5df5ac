//! `certscope check`: a verdict per certificate for scripts and monitoring, in the habits of
//! certigo and `step certificate needs-renewal`. Exit status 0 when every certificate passes,
//! 1 when one fails (expired, not yet valid, expiring within `--days` or `--percent` of its
//! lifetime, untrusted, not valid for `--host`, or an unreadable block beside it), 2 when an
//! input cannot be checked at all (usage, I/O, no certificate in a named file).

use certscope::{Report, ValidityState};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// When a valid certificate counts as due for renewal.
pub(crate) struct Thresholds {
    /// Fails when at most this many whole days are left.
    pub(crate) days: u64,
    /// Fails when at most this percentage of the lifetime is left.
    pub(crate) percent: Option<u8>,
}

/// One certificate's verdict.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Row {
    pub(crate) file: String,
    /// 1-based number of the certificate in its file.
    pub(crate) certificate: usize,
    pub(crate) line: Option<usize>,
    pub(crate) subject: String,
    pub(crate) not_after: String,
    /// Whole days left (negative: days since it expired).
    pub(crate) days_left: i64,
    pub(crate) ok: bool,
    /// Why it fails, in words; empty when it passes.
    pub(crate) reasons: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pem: Option<String>,
}

/// The verdicts for every certificate of one input's report.
pub(crate) fn rows(file: &str, report: &Report, t: &Thresholds, pem: bool) -> Vec<Row> {
    let mut out: Vec<Row> = report
        .certificates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let v = &c.validity;
            let days = i64::try_from(v.days).unwrap_or(i64::MAX);
            let mut reasons = Vec::new();
            match v.state {
                // "expired 3 days ago", "not valid until 2026-01-01T00:00:00Z (in 5 days)".
                ValidityState::Expired | ValidityState::NotYetValid => {
                    reasons.push(v.summary.clone())
                }
                ValidityState::Valid => {
                    if v.days < t.days {
                        reasons.push(format!(
                            "expires in {} day(s), within --days {}",
                            v.days, t.days
                        ));
                    }
                    let left = 100u8.saturating_sub(v.elapsed_percent);
                    if let Some(p) = t.percent.filter(|p| left <= *p) {
                        reasons.push(format!(
                            "{left}% of its {}-day lifetime left, within --percent {p}",
                            v.lifetime_days
                        ));
                    }
                }
            }
            for chain in report.chains.iter().filter(|ch| ch.leaf == i) {
                if !chain.browser.trusted {
                    let (code, message) = chain
                        .browser
                        .problem
                        .as_ref()
                        .map_or(("", chain.browser.summary.as_str()), |p| {
                            (p.code, p.message.as_str())
                        });
                    let kind = if code == "hostname" {
                        "not valid for the host"
                    } else {
                        "untrusted"
                    };
                    reasons.push(format!("{kind}: {message}"));
                }
            }
            Row {
                file: file.to_owned(),
                certificate: i.saturating_add(1),
                line: c.location.line,
                subject: c
                    .subject
                    .common_name
                    .clone()
                    .unwrap_or_else(|| c.subject.display.clone()),
                not_after: v.not_after.clone(),
                days_left: if v.state == ValidityState::Expired {
                    days.saturating_neg()
                } else {
                    days
                },
                ok: reasons.is_empty(),
                reasons,
                pem: pem.then(|| c.pem.clone()),
            }
        })
        .collect();
    // A block that could not be read may be the certificate that mattered.
    if !report.certificates.is_empty() {
        for p in &report.errors {
            out.push(Row {
                file: file.to_owned(),
                certificate: 0,
                line: p.location.line,
                subject: format!("(block {})", p.location.block),
                not_after: String::new(),
                days_left: 0,
                ok: false,
                reasons: vec![format!("unreadable: {}", p.message)],
                pem: None,
            });
        }
    }
    out
}

/// The files an argument names: itself, the regular files of a directory (not hidden, in
/// name order), or what a glob pattern matches (for patterns a shell did not expand).
pub(crate) fn expand(arg: &str) -> Result<Vec<(PathBuf, bool)>, String> {
    if arg == "-" {
        return Ok(vec![(PathBuf::from("-"), true)]);
    }
    let path = Path::new(arg);
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{arg}: {e}"))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                !p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
            })
            .collect();
        files.sort();
        return Ok(files.into_iter().map(|p| (p, false)).collect());
    }
    if !path.exists() && arg.contains(['*', '?', '[']) {
        let matched: Vec<PathBuf> = glob::glob(arg)
            .map_err(|e| format!("{arg}: {e}"))?
            .filter_map(Result::ok)
            .filter(|p| p.is_file())
            .collect();
        if matched.is_empty() {
            return Err(format!("{arg}: no file matches"));
        }
        return Ok(matched.into_iter().map(|p| (p, false)).collect());
    }
    Ok(vec![(path.to_path_buf(), true)])
}

/// The rows as an aligned table with a closing count, or one line each (`terse`).
pub(crate) fn text(rows: &[Row], terse: bool, files: usize) -> String {
    let mut out = String::new();
    let name = |r: &Row| {
        if r.certificate == 0 {
            format!("{}:{}", r.file, r.line.unwrap_or(0))
        } else {
            format!("{}#{}", r.file, r.certificate)
        }
    };
    let status = |r: &Row| if r.ok { "ok" } else { "FAIL" };
    let date = |r: &Row| r.not_after.get(..10).unwrap_or("").to_owned();
    if terse {
        for r in rows {
            let line = format!(
                "{} {} {} {} {}",
                status(r),
                name(r),
                date(r),
                r.subject,
                r.reasons.join("; ")
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        return out;
    }
    let width = rows.iter().map(|r| name(r).len()).max().unwrap_or(4).max(4);
    let subject = rows
        .iter()
        .map(|r| r.subject.chars().count().min(40))
        .max()
        .unwrap_or(7)
        .max(7);
    let _ = writeln!(
        out,
        "{:<6} {:>5}  {:<10}  {:<subject$}  {:<width$}  PROBLEM",
        "STATUS", "DAYS", "NOT AFTER", "SUBJECT", "FILE"
    );
    for r in rows {
        let shown: String = r.subject.chars().take(40).collect();
        let days = if r.certificate == 0 {
            String::new()
        } else {
            r.days_left.to_string()
        };
        let line = format!(
            "{:<6} {:>5}  {:<10}  {:<subject$}  {:<width$}  {}",
            status(r),
            days,
            date(r),
            shown,
            name(r),
            r.reasons.join("; ")
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let failing = rows.iter().filter(|r| !r.ok).count();
    let _ = writeln!(
        out,
        "{} certificate(s) in {files} file(s): {} ok, {failing} failing",
        rows.iter().filter(|r| r.certificate > 0).count(),
        rows.len().saturating_sub(failing)
    );
    out
}
