//! certscope's lint rules against pkilint (DigiCert's linter, PyPI `pkilint`), certificate by
//! certificate over a corpus no rule was written against.
//!
//! `tests/data/pkilint/results.json` records what pkilint 0.13.3's CA/B Forum TLS BR linter
//! (with its certificate-type detection) said of every certificate of the corpus
//! (`tests/pkilint/run.sh` makes it again); `tests/data/pkilint/map.tsv` pairs pkilint finding
//! codes with certscope rules that check the same thing. For each pair and certificate both
//! read, this compares: both fire, only pkilint, only certscope, neither. Run:
//!
//! ```sh
//! cargo run --release --example pkilint              # the agreement table
//! cargo run --release --example pkilint -- --rows    # and every disagreeing certificate
//! cargo run --release --example pkilint -- --corpus F  # write the corpus for run.py
//! cargo run --release --example pkilint -- --cert 0f90dc  # what both said of one certificate
//! cargo run --release --example pkilint -- --bench     # lint the corpus natively, timed
//! ```

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::cast_precision_loss
)]

use std::collections::{BTreeMap, BTreeSet};

use base64ct::Encoding;
use sha2::{Digest, Sha256};

/// The folders of `tests/data` the corpus is read from, each file whole (PEM, DER, or limbo's
/// JSON with its PEM inside).
pub const SOURCES: &[&str] = &[
    "roots",
    "pkits/certs",
    "limbo",
    "x509-parser",
    "generated",
    "ct",
    "ct/delivered",
    "pqc",
    "policy",
    "formats",
    "capture",
    "ocsp",
    "transcripts",
    "zlint/testdata",
    "pkilint/corpus",
    "pkilint/corpus/cryptography-vectors",
];

/// One certificate of the corpus: its SHA-256 (hex), DER, and the folder it came from.
pub struct Entry {
    /// SHA-256 of the DER, hex: the key of `results.json`.
    pub sha256: String,
    /// The certificate.
    pub der: Vec<u8>,
    /// The folder of `tests/data` it was first found in.
    pub source: &'static str,
}

/// Every distinct certificate under [`SOURCES`] (first seen wins), in a stable order. Of zlint's
/// test certificates, which `tests/data/zlint/import.sh` adds as lints are mapped, only those
/// listed in `pkilint/zlint-files.txt` (the ones pkilint's recording covers): newly imported ones
/// join the corpus when pkilint is recorded again and their disagreements are reviewed.
pub fn corpus(data: &str) -> Vec<Entry> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let recorded =
        std::fs::read_to_string(format!("{data}/pkilint/zlint-files.txt")).unwrap_or_default();
    let recorded: BTreeSet<&str> = recorded.lines().collect();
    for source in SOURCES {
        let mut files: Vec<_> = std::fs::read_dir(format!("{data}/{source}"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                *source != "zlint/testdata"
                    || p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| recorded.contains(n))
            })
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            for der in certificates(&bytes) {
                let sha256 = hex(&Sha256::digest(&der));
                if seen.insert(sha256.clone()) {
                    out.push(Entry {
                        sha256,
                        der,
                        source,
                    });
                }
            }
        }
    }
    out
}

/// The certificates of a file: its PEM blocks (also inside JSON strings, `\n` escaped), or the
/// file itself when it is one DER certificate.
fn certificates(bytes: &[u8]) -> Vec<Vec<u8>> {
    const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
    const END: &str = "-----END CERTIFICATE-----";
    let text = String::from_utf8_lossy(bytes);
    if !text.contains(BEGIN) {
        let is_certificate = bytes.first() == Some(&0x30)
            && <x509_cert::Certificate as der::Decode>::from_der(bytes).is_ok();
        return if is_certificate {
            vec![bytes.to_vec()]
        } else {
            Vec::new()
        };
    }
    text.split(BEGIN)
        .skip(1)
        .filter_map(|block| {
            let body = block.split(END).next()?;
            let b64: String = body
                .replace("\\n", "")
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '+' || *c == '/' || *c == '=')
                .collect();
            base64ct::Base64::decode_vec(&b64)
                .ok()
                .filter(|d| !d.is_empty())
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What pkilint said of one certificate: its detected type and finding codes, or why it could
/// not lint it.
pub struct Pkilint {
    /// The certificate type pkilint detected (`DV-FINAL-CERTIFICATE`, `ROOT-CA`, …).
    pub kind: Option<String>,
    /// Finding code → severity.
    pub findings: BTreeMap<String, String>,
    /// Why pkilint could not lint it (it cannot decode it).
    pub error: Option<String>,
}

/// `results.json`: the pkilint version and each certificate's result.
pub fn results(path: &str) -> (String, BTreeMap<String, Pkilint>) {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("results.json")).unwrap();
    let certs = json["certificates"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                Pkilint {
                    kind: v["type"].as_str().map(str::to_owned),
                    findings: v["findings"]
                        .as_object()
                        .into_iter()
                        .flatten()
                        .map(|(c, s)| (c.clone(), s.as_str().unwrap_or_default().to_owned()))
                        .collect(),
                    error: v["error"].as_str().map(str::to_owned),
                },
            )
        })
        .collect();
    (json["pkilint"].as_str().unwrap_or("?").to_owned(), certs)
}

/// One line of `map.tsv`.
pub struct Pair {
    /// pkilint's codes, `|`-joined: fires when any of them does.
    pub code: String,
    /// certscope's rules, `|`-joined (see [`any`]).
    pub rule: String,
    /// pkilint codes that stop the validator reporting `code` before it gets there (pkilint's
    /// validators raise their first finding and return): where pkilint reports one of them,
    /// it did not judge `code`, and the pair is not compared.
    pub masks: Vec<String>,
}

/// `map.tsv`: (pkilint codes, certscope rule ids, masks) lines; each side may list several,
/// joined by `|`, and fires when any of them does (pkilint has one code for all prohibited SAN
/// types, certscope one rule per type).
pub fn map(path: &str) -> Vec<Pair> {
    std::fs::read_to_string(path)
        .expect("map.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut p = l.split('\t');
            Pair {
                code: p.next().unwrap().to_owned(),
                rule: p.next().unwrap().to_owned(),
                masks: p
                    .next()
                    .map(|m| m.split('|').map(str::to_owned).collect())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// How certscope judged a rule on one certificate.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Judged {
    /// Error, warning or notice.
    Fired,
    /// Checked and passed.
    Passed,
    /// Not applicable to this certificate, or not yet in force when it was issued (zlint's NA
    /// and NE): pkilint judges every certificate by today's BR as a TLS certificate, so such a
    /// pair is not compared.
    Unjudged,
}

/// certscope's verdict on one certificate, rule by rule. `None` when certscope cannot read it.
pub fn judged(der: &[u8]) -> Option<BTreeMap<&'static str, Judged>> {
    use certscope::LintStatus as S;
    let results = certscope::lint_results(der).ok()?;
    Some(
        results
            .iter()
            .map(|r| {
                let j = match r.status {
                    S::Error | S::Warn | S::Notice => Judged::Fired,
                    S::Pass => Judged::Passed,
                    S::NotApplicable | S::NotEffective => Judged::Unjudged,
                };
                (r.id, j)
            })
            .collect(),
    )
}

/// The rules (`|`-joined) judged together: not judged when the first is not (it is the one whose
/// scope matches pkilint's code; the others check parts of the same requirement), else fired
/// when any fired, else passed.
fn any(ours: &BTreeMap<&'static str, Judged>, rules: &str) -> Judged {
    let each: Vec<Judged> = rules
        .split('|')
        .map(|r| ours.get(r).copied().unwrap_or(Judged::Unjudged))
        .collect();
    match each.first() {
        None | Some(Judged::Unjudged) => Judged::Unjudged,
        _ if each.contains(&Judged::Fired) => Judged::Fired,
        _ => Judged::Passed,
    }
}

/// The rules that fired on one certificate (for `--suggest`).
fn fired(der: &[u8]) -> Option<BTreeSet<&'static str>> {
    Some(
        judged(der)?
            .into_iter()
            .filter(|(_, j)| *j == Judged::Fired)
            .map(|(id, _)| id)
            .collect(),
    )
}

/// One comparison: a mapped pair on one certificate where the two differ.
pub struct Disagreement {
    /// pkilint's finding code.
    pub code: String,
    /// certscope's rule id.
    pub rule: String,
    /// The certificate.
    pub sha256: String,
    /// `pkilint` (only pkilint fired) or `certscope`.
    pub only: &'static str,
}

/// Per pair: (both, only pkilint, only certscope, neither, not judged by certscope, not judged
/// by pkilint because its validator stopped at a finding of the pair's masks), and the
/// disagreements; over the certificates both linters read and type alike (pkilint's detected
/// type is a root, a CA or an end entity as certscope's role is: a pair's rule only applies to
/// one type). Also how many certificates were compared, and how many typed differently.
#[allow(clippy::type_complexity)]
pub fn compare(
    data: &str,
) -> (
    BTreeMap<(String, String), [usize; 6]>,
    Vec<Disagreement>,
    [usize; 2],
) {
    let corpus = corpus(data);
    let (_, pk) = results(&format!("{data}/pkilint/results.json"));
    let pairs = map(&format!("{data}/pkilint/map.tsv"));
    let mut table: BTreeMap<(String, String), [usize; 6]> = BTreeMap::new();
    let mut rows = Vec::new();
    let mut compared = 0;
    let mut typed_differently = 0;
    for e in &corpus {
        let Some(p) = pk.get(&e.sha256) else { continue };
        if p.error.is_some() {
            continue;
        }
        let Some(ours) = judged(&e.der) else { continue };
        if p.kind.as_deref().map(class) != role(&e.der) {
            typed_differently += 1;
            continue;
        }
        compared += 1;
        for Pair { code, rule, masks } in &pairs {
            let theirs = code.split('|').any(|c| p.findings.contains_key(c));
            let masked = !theirs && masks.iter().any(|m| p.findings.contains_key(m));
            let cell = match (theirs, any(&ours, rule)) {
                (_, Judged::Unjudged) => 4,
                _ if masked => 5,
                (true, Judged::Fired) => 0,
                (true, Judged::Passed) => 1,
                (false, Judged::Fired) => 2,
                (false, Judged::Passed) => 3,
            };
            table.entry((code.clone(), rule.clone())).or_default()[cell] += 1;
            if cell == 1 || cell == 2 {
                rows.push(Disagreement {
                    code: code.clone(),
                    rule: rule.clone(),
                    sha256: e.sha256.clone(),
                    only: if theirs { "pkilint" } else { "certscope" },
                });
            }
        }
    }
    (table, rows, [compared, typed_differently])
}

/// pkilint's certificate type as certscope's role: `root`, `intermediate` or `leaf`.
fn class(kind: &str) -> &'static str {
    if kind == "ROOT-CA" {
        "root"
    } else if kind.ends_with("-CA") {
        "intermediate"
    } else {
        "leaf"
    }
}

/// certscope's role of a certificate (self-signed CA, other CA, end entity).
fn role(der: &[u8]) -> Option<&'static str> {
    let report = certscope::inspect(der, &certscope::Options::at(0)).ok()?;
    Some(match report.certificates.first()?.role {
        certscope::Role::Root => "root",
        certscope::Role::Intermediate => "intermediate",
        certscope::Role::Leaf => "leaf",
    })
}

#[allow(dead_code)]
fn main() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--corpus") {
        let mut out = String::new();
        for e in corpus(data) {
            out.push_str(&format!(
                "{} {}\n",
                e.sha256,
                base64ct::Base64::encode_string(&e.der)
            ));
        }
        std::fs::write(&args[i + 1], out).unwrap();
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--cert") {
        return show(data, &args[i + 1]);
    }
    if args.iter().any(|a| a == "--bench") {
        return bench(data);
    }
    let (table, rows, [compared, typed]) = compare(data);
    println!("{compared} certificates read and typed alike by both ({typed} typed differently)\n");
    println!("| pkilint code | certscope rule | both | only pkilint | only certscope | neither | not judged by certscope | masked in pkilint | agree |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for ((code, rule), [both, pk, cs, neither, na, masked]) in &table {
        let n = both + pk + cs + neither;
        println!(
            "| `{}` | `{}` | {both} | {pk} | {cs} | {neither} | {na} | {masked} | {:.1}% |",
            code.replace('|', "` or `"),
            rule.replace('|', "` or `"),
            (both + neither) as f64 * 100.0 / n.max(1) as f64
        );
    }
    if args.iter().any(|a| a == "--rows") {
        for r in &rows {
            println!("{}\t{}\t{}\tonly {}", r.code, r.rule, r.sha256, r.only);
        }
    }
    if args.iter().any(|a| a == "--suggest") {
        suggest(data);
    }
}

/// Lints every certificate of the corpus (reading it, its summary and every rule, as
/// `lint_results` does), five times after a warm-up, and prints the median: issue 17's
/// benchmark (under 10 s for 2,000 certificates). `tests/pkilint/run.py` over the same corpus
/// file is the comparison (`farm-bench` or `time`, see docs/conformance.md).
fn bench(data: &str) {
    let corpus = corpus(data);
    let run = || {
        let start = std::time::Instant::now();
        let linted = corpus
            .iter()
            .filter(|e| certscope::lint_results(&e.der).is_ok())
            .count();
        (start.elapsed(), linted)
    };
    run();
    let mut times: Vec<_> = (0..5).map(|_| run()).collect();
    times.sort();
    let (median, linted) = times[2];
    println!(
        "{linted} of {} certificates linted in {:.1} ms (median of 5; {:.0} certificates/s)",
        corpus.len(),
        median.as_secs_f64() * 1000.0,
        linted as f64 / median.as_secs_f64()
    );
}

/// What both said of the certificates whose SHA-256 starts with `prefix` (for reading a
/// disagreement).
fn show(data: &str, prefix: &str) {
    let (_, pk) = results(&format!("{data}/pkilint/results.json"));
    for e in corpus(data).iter().filter(|e| e.sha256.starts_with(prefix)) {
        println!("{} ({})", e.sha256, e.source);
        if let Some(p) = pk.get(&e.sha256) {
            println!(
                "  pkilint {:?}: {:?}",
                p.kind,
                p.findings.keys().collect::<Vec<_>>()
            );
        }
        println!("  certscope {:?}: {:?}", role(&e.der), fired(&e.der));
    }
}

/// For each pkilint code seen, the certscope rule that fires on the same certificates most
/// often (a starting point for map.tsv, to be checked by reading both rules).
fn suggest(data: &str) {
    let corpus = corpus(data);
    let (_, pk) = results(&format!("{data}/pkilint/results.json"));
    let mut codes: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut ours_by: Vec<(String, BTreeSet<&'static str>, BTreeSet<String>)> = Vec::new();
    for e in &corpus {
        let Some(p) = pk.get(&e.sha256) else { continue };
        if p.error.is_some() {
            continue;
        }
        let Some(ours) = fired(&e.der) else { continue };
        ours_by.push((e.sha256.clone(), ours, p.findings.keys().cloned().collect()));
    }
    for (_, _, theirs) in &ours_by {
        for c in theirs {
            codes.entry(c.clone()).or_default();
        }
    }
    let rules: BTreeSet<&'static str> = ours_by
        .iter()
        .flat_map(|(_, o, _)| o.iter().copied())
        .collect();
    for code in codes.keys() {
        let mut best = ("", 0usize, 0usize);
        for rule in &rules {
            let agree = ours_by
                .iter()
                .filter(|(_, o, t)| o.contains(rule) == t.contains(code))
                .count();
            let both = ours_by
                .iter()
                .filter(|(_, o, t)| o.contains(rule) && t.contains(code))
                .count();
            if both > 0 && agree > best.1 {
                best = (rule, agree, both);
            }
        }
        let n = ours_by.iter().filter(|(_, _, t)| t.contains(code)).count();
        println!(
            "{code}\t{n}\t{}\t{}/{}\tboth {}",
            best.0,
            best.1,
            ours_by.len(),
            best.2
        );
    }
}
