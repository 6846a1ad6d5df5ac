//! certscope's certificate lints against zlint's own test expectations.
//!
//! Each row of `tests/data/zlint/expected.json` is (zlint lint, test certificate or CRL, the
//! status zlint's tests expect). For every certscope rule that names a zlint lint, this runs the
//! rule on those certificates (CRLs: the CRL rules) and compares statuses. Run:
//!
//! ```sh
//! cargo run --release --example zlint            # the table
//! cargo run --release --example zlint -- --rows  # every disagreeing row too
//! cargo run --release --example zlint -- --catalog  # every rule, as a Markdown table
//! ```

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::cast_precision_loss
)]

use std::collections::BTreeMap;

/// One row: lint, file, expected status, and what certscope said.
pub struct Row {
    /// The zlint lint.
    pub lint: String,
    /// The test certificate, under `testdata/`.
    pub file: String,
    /// zlint's expected status: Pass, Error, Warn, Notice, NA or NE.
    pub expected: String,
    /// certscope's status in the same vocabulary.
    pub actual: String,
}

/// zlint's status names in certscope's vocabulary.
fn ours(status: certscope::LintStatus) -> &'static str {
    match status {
        certscope::LintStatus::Pass => "Pass",
        certscope::LintStatus::Error => "Error",
        certscope::LintStatus::Warn => "Warn",
        certscope::LintStatus::Notice => "Notice",
        certscope::LintStatus::NotApplicable => "NA",
        certscope::LintStatus::NotEffective => "NE",
    }
}

/// Runs every mapped row. `dir` is `tests/data/zlint`.
pub fn rows(dir: &str) -> Vec<Row> {
    let text = std::fs::read_to_string(format!("{dir}/expected.json")).expect("expected.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    let cases = json["cases"].as_array().expect("cases");
    cases
        .iter()
        .map(|c| {
            let lint = c["lint"].as_str().unwrap_or_default().to_owned();
            let file = c["testdata"].as_str().unwrap_or_default().to_owned();
            let bytes = std::fs::read(format!("{dir}/testdata/{file}")).expect("testdata");
            let text = String::from_utf8_lossy(&bytes);
            // A CRL (zlint's RevocationListLint tests) is linted by the CRL rules.
            let results = if let Some(pem) = text
                .find("-----BEGIN X509 CRL-----")
                .and_then(|i| text.get(i..))
            {
                Some(certscope::crl_lint_results(&pem_der(pem)))
            } else {
                match certscope::inspect(&bytes, &certscope::Options::at(0)) {
                    Ok(report) if !report.certificates.is_empty() => Some(certscope::lint_results(
                        &pem_der(&report.certificates[0].pem),
                    )),
                    _ => None,
                }
            };
            let actual = match results {
                Some(results) => {
                    match results {
                        // Several rules may share a zlint lint (one per level it
                        // reports): the most severe violation, else the first outcome.
                        Ok(results) => {
                            let mine: Vec<_> = results
                                .iter()
                                .filter(|r| r.zlint == Some(lint.as_str()))
                                .collect();
                            mine.iter()
                                .filter(|r| {
                                    matches!(
                                        r.status,
                                        certscope::LintStatus::Error
                                            | certscope::LintStatus::Warn
                                            | certscope::LintStatus::Notice
                                    )
                                })
                                .chain(mine.first())
                                .next()
                                .map_or("unmapped", |r| ours(r.status))
                                .to_owned()
                        }
                        Err(e) => format!("unreadable: {e}"),
                    }
                }
                None => "unreadable".to_owned(),
            };
            Row {
                lint,
                file,
                expected: c["expected"].as_str().unwrap_or_default().to_owned(),
                actual,
            }
        })
        .collect()
}

/// The DER of the first PEM block in `pem`.
fn pem_der(pem: &str) -> Vec<u8> {
    use base64ct::Encoding;
    let body: String = pem
        .lines()
        .skip_while(|l| !l.starts_with("-----BEGIN"))
        .skip(1)
        .take_while(|l| !l.starts_with("-----END"))
        .map(str::trim)
        .collect();
    base64ct::Base64::decode_vec(&body).unwrap_or_default()
}

/// (lint, rows, agree) per mapped lint.
pub fn table(rows: &[Row]) -> BTreeMap<String, (usize, usize)> {
    let mut t: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for r in rows {
        let e = t.entry(r.lint.clone()).or_default();
        e.0 += 1;
        if r.expected == r.actual {
            e.1 += 1;
        }
    }
    t
}

#[allow(dead_code)]
fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/zlint");
    let rows = rows(dir);
    let t = table(&rows);
    println!("{:<62} {:>5} {:>6}", "zlint lint", "rows", "agree");
    for (lint, (n, ok)) in &t {
        println!("{lint:<62} {n:>5} {ok:>6}");
    }
    let total: usize = t.values().map(|v| v.0).sum();
    let agree: usize = t.values().map(|v| v.1).sum();
    let pct = if total == 0 {
        0.0
    } else {
        agree as f64 * 100.0 / total as f64
    };
    println!(
        "\n{} zlint lints mapped, {agree}/{total} rows agree ({pct:.1}%)",
        t.len()
    );
    if std::env::args().any(|a| a == "--catalog") {
        println!("\n| rule id | level | zlint | pkilint | source | what it checks |\n|---|---|---|---|---|---|");
        for l in certscope::lint_catalog() {
            println!(
                "| `{}` | {} | {} | {} | {} | {} |",
                l.id,
                l.level,
                l.zlint.map_or("—".to_owned(), |z| format!("`{z}`")),
                l.pkilint.map_or("—".to_owned(), |p| format!("`{p}`")),
                l.source,
                l.title
            );
        }
    }
    if std::env::args().any(|a| a == "--rows") {
        for r in rows.iter().filter(|r| r.expected != r.actual) {
            println!(
                "{:<55} {:<48} expected {:<6} got {}",
                r.lint, r.file, r.expected, r.actual
            );
        }
    }
}
