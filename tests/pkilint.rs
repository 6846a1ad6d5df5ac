//! certscope's lint rules against pkilint, DigiCert's linter (tests/data/pkilint): over every
//! certificate of the corpus both read, each pair of `map.tsv` (a pkilint finding code and the
//! certscope rule that checks the same thing) agrees on at least 95% of certificates, and every
//! disagreement is listed with its reason in `exceptions.tsv` (no more, no fewer).
//! `results.json` is pkilint 0.13.3's own output on the corpus, made by tests/pkilint/run.sh.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../examples/pkilint.rs"]
#[allow(dead_code)]
mod harness;

const DATA: &str = "tests/data";

#[test]
fn agreement_with_pkilint() {
    let (table, rows, [compared, _]) = harness::compare(DATA);
    assert!(compared >= 1000, "only {compared} certificates compared");
    assert!(table.len() >= 15, "only {} pairs mapped", table.len());
    for ((code, rule), [both, pk, cs, neither, _, _]) in &table {
        let n = both + pk + cs + neither;
        assert!(
            (both + neither) * 100 >= n * 95,
            "{code} / {rule}: {} of {n} agree",
            both + neither
        );
        assert!(
            *both > 0,
            "{code} / {rule}: never fires on both, so the pair is not measured"
        );
    }
    let exceptions: Vec<(String, String, String)> =
        std::fs::read_to_string(format!("{DATA}/pkilint/exceptions.tsv"))
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let p: Vec<&str> = l.split('\t').collect();
                assert!(
                    p.len() >= 4 && !p[3].trim().is_empty(),
                    "an exception needs its reason: {l}"
                );
                (p[0].to_owned(), p[1].to_owned(), p[2].to_owned())
            })
            .collect();
    let found: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| (r.code.clone(), r.rule.clone(), r.sha256.clone()))
        .collect();
    let new: Vec<_> = found.iter().filter(|d| !exceptions.contains(d)).collect();
    let stale: Vec<_> = exceptions.iter().filter(|e| !found.contains(e)).collect();
    assert!(
        new.is_empty(),
        "disagreements not in exceptions.tsv: {new:#?}"
    );
    assert!(
        stale.is_empty(),
        "exceptions that no longer disagree: {stale:#?}"
    );
}

#[test]
fn every_certificate_of_the_corpus_has_a_pkilint_result() {
    let corpus = harness::corpus(DATA);
    let (version, results) = harness::results(&format!("{DATA}/pkilint/results.json"));
    assert_eq!(version, "0.13.3");
    let missing: Vec<&str> = corpus
        .iter()
        .filter(|e| !results.contains_key(&e.sha256))
        .map(|e| e.sha256.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "{} certificates without a pkilint result: run tests/pkilint/run.sh ({:?})",
        missing.len(),
        &missing[..missing.len().min(3)]
    );
}

/// Each rule's `pkilint` name (on its findings and in the catalogue) is a code of a `map.tsv`
/// pair the rule is in, and every rule of `map.tsv` has one: the name users see is the one the
/// agreement above was measured on.
#[test]
fn every_mapped_rule_names_its_pkilint_code() {
    let pairs = harness::map(&format!("{DATA}/pkilint/map.tsv"));
    let catalog = certscope::lint_catalog();
    for rule in &catalog {
        let Some(code) = rule.pkilint else { continue };
        assert!(
            pairs
                .iter()
                .any(|p| p.rule.split('|').any(|r| r == rule.id)
                    && p.code.split('|').any(|c| c == code)),
            "{} names {code}, which no map.tsv pair gives it",
            rule.id
        );
    }
    for pair in &pairs {
        for id in pair.rule.split('|') {
            let rule = catalog.iter().find(|r| r.id == id);
            assert!(
                rule.is_some_and(|r| r.pkilint.is_some()),
                "{id} is paired with {} in map.tsv but names no pkilint code",
                pair.code
            );
        }
    }
}
