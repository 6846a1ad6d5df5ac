//! NIST PKITS through the browser profile: each case's trust anchor as the only root, its
//! CRLs given, the path's certificates as a server would send them (leaf first).
//! Policy-processing cases (sections 4.8–4.12, or any with initial policy inputs) are counted
//! separately: certscope, like browsers validating TLS, does not process certificate
//! policies. Every disagreement must be listed in tests/data/pkits/exceptions.txt with a
//! reason, and every listed case must still disagree.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;

use certscope::{inspect, Options, Roots};
use serde::Deserialize;

#[derive(Deserialize)]
struct Suite {
    testcases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Case {
    #[serde(rename = "title")]
    title: String,
    #[serde(rename = "certs")]
    certs: Vec<String>,
    #[serde(rename = "crls")]
    crls: Vec<String>,
    #[serde(rename = "test_number")]
    number: String,
    #[serde(rename = "should_validate")]
    should_validate: bool,
    set_user_constrained_policy_set: Option<serde_json::Value>,
    set_initial_policy_set: Option<serde_json::Value>,
    set_initial_explicit_policy: Option<serde_json::Value>,
    set_initial_policy_mapping_inhibit: Option<serde_json::Value>,
    set_initial_inhibit_any_policy: Option<serde_json::Value>,
}

impl Case {
    fn policy_dependent(&self) -> bool {
        let section = self.number.split('.').take(2).collect::<Vec<_>>().join(".");
        matches!(section.as_str(), "4.8" | "4.9" | "4.10" | "4.11" | "4.12")
            || self.set_user_constrained_policy_set.is_some()
            || self.set_initial_policy_set.is_some()
            || self.set_initial_explicit_policy.is_some()
            || self.set_initial_policy_mapping_inhibit.is_some()
            || self.set_initial_inhibit_any_policy.is_some()
    }
}

/// 2012-01-01T00:00:00Z: inside every PKITS certificate's validity (2010–2030) unless a test
/// makes it otherwise.
const AT: u64 = 1_325_376_000;

fn read(dir: &str, name: &str, ext: &str) -> Vec<u8> {
    std::fs::read(format!("tests/data/pkits/{dir}/{name}.{ext}")).unwrap()
}

fn run(case: &Case) -> (bool, String) {
    let (anchor, rest) = case.certs.split_first().unwrap();
    let mut input = Vec::new();
    for name in rest.iter().rev() {
        input.extend(read("certs", name, "crt"));
    }
    let crls: Vec<u8> = case
        .crls
        .iter()
        .flat_map(|c| read("crls", c, "crl"))
        .collect();
    let options = Options::at(AT)
        .roots(Roots::Custom {
            certificates: read("certs", anchor, "crt"),
            with_mozilla: false,
        })
        .crls(crls);
    let report = inspect(&input, &options).unwrap();
    match report.chains.iter().find(|c| c.leaf == 0) {
        Some(chain) => (chain.browser.trusted, chain.browser.summary.clone()),
        None => (
            false,
            report
                .errors
                .first()
                .map_or("no chain".into(), |e| e.message.clone()),
        ),
    }
}

#[test]
fn pkits() {
    let suite: Suite =
        serde_json::from_slice(&std::fs::read("tests/data/pkits/pkits_expectations.json").unwrap())
            .unwrap();
    let listed: BTreeMap<String, String> =
        std::fs::read_to_string("tests/data/pkits/exceptions.txt")
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let (id, reason) = l.split_once('\t').unwrap();
                (id.to_owned(), reason.to_owned())
            })
            .collect();
    let (mut core, mut core_ok, mut policy, mut policy_ok) = (0, 0, 0, 0);
    let mut unexpected = Vec::new();
    let mut stale = Vec::new();
    for case in &suite.testcases {
        let (trusted, why) = run(case);
        let agrees = trusted == case.should_validate;
        if case.policy_dependent() {
            policy += 1;
            policy_ok += usize::from(agrees);
        } else {
            core += 1;
            core_ok += usize::from(agrees);
        }
        match (agrees, listed.contains_key(&case.title)) {
            (false, false) => unexpected.push(format!(
                "{}\t(expected {}, got {trusted}: {why})",
                case.title, case.should_validate
            )),
            (true, true) => stale.push(case.title.clone()),
            _ => {}
        }
    }
    eprintln!("PKITS: {core_ok}/{core} path-validation cases agree; {policy_ok}/{policy} policy-dependent cases agree");
    assert!(
        unexpected.is_empty(),
        "disagreements not in exceptions.txt:\n{}",
        unexpected.join("\n")
    );
    assert!(
        stale.is_empty(),
        "listed in exceptions.txt but now agree: {stale:?}"
    );
}
