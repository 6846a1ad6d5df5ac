//! NIST PKITS through the browser and the rfc5280 profiles: each case's trust anchor as the
//! only root, its CRLs given, the path's certificates as a server would send them (leaf
//! first), and for rfc5280 the case's initial policy inputs. Policy-processing cases
//! (sections 4.8–4.12, or any with initial policy inputs) are counted separately: browsers,
//! validating TLS, do not process certificate policies; the rfc5280 profile does, and where
//! PKITS names the user-constrained policy set it must be the one certscope reports. Every
//! disagreement must be listed in tests/data/pkits/exceptions-<profile>.txt with a reason,
//! and every listed case must still disagree.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;

use certscope::{inspect, Options, PolicyOptions, Roots, Verdict};
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

const ANY_POLICY: &str = "2.5.29.32.0";

/// PKITS's policy names as OIDs (PKITS §3.2: NIST-test-policy-N is 2.16.840.1.101.3.2.1.48.N).
fn policy_oids(names: &serde_json::Value) -> Vec<String> {
    names
        .as_str()
        .unwrap()
        .split(',')
        .filter(|n| !n.is_empty())
        .map(|n| match n.strip_prefix("NIST-test-policy-") {
            Some(k) => format!("2.16.840.1.101.3.2.1.48.{k}"),
            None if n == "anyPolicy" => ANY_POLICY.to_owned(),
            None => panic!("unknown PKITS policy {n}"),
        })
        .collect()
}

fn flag(v: &Option<serde_json::Value>) -> bool {
    v.as_ref().is_some_and(|v| v.as_str() == Some("true"))
}

#[derive(Clone, Copy, PartialEq)]
enum Run {
    Browser,
    Rfc5280,
}

/// The verdict, why, and the user-constrained policy set (rfc5280 only).
fn run(case: &Case, profile: Run) -> (bool, String, Option<Vec<String>>) {
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
    let mut options = Options::at(AT)
        .roots(Roots::Custom {
            certificates: read("certs", anchor, "crt"),
            with_mozilla: false,
        })
        .crls(crls);
    if profile == Run::Rfc5280 {
        options = options.rfc5280(PolicyOptions {
            initial_policy_set: case
                .set_initial_policy_set
                .as_ref()
                .map(policy_oids)
                .unwrap_or_default(),
            initial_explicit_policy: flag(&case.set_initial_explicit_policy),
            initial_policy_mapping_inhibit: flag(&case.set_initial_policy_mapping_inhibit),
            initial_any_policy_inhibit: flag(&case.set_initial_inhibit_any_policy),
        });
    }
    let report = inspect(&input, &options).unwrap();
    let verdict: Option<&Verdict> =
        report
            .chains
            .iter()
            .find(|c| c.leaf == 0)
            .map(|c| match profile {
                Run::Browser => &c.browser,
                Run::Rfc5280 => c.rfc5280.as_ref().unwrap(),
            });
    match verdict {
        Some(v) => (
            v.trusted,
            v.summary.clone(),
            v.policy.as_ref().map(|p| p.user.clone()),
        ),
        None => (
            false,
            report
                .errors
                .first()
                .map_or("no chain".into(), |e| e.message.clone()),
            None,
        ),
    }
}

fn exceptions(profile: &str) -> BTreeMap<String, String> {
    std::fs::read_to_string(format!("tests/data/pkits/exceptions-{profile}.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (id, reason) = l.split_once('\t').unwrap();
            (id.to_owned(), reason.to_owned())
        })
        .collect()
}

/// Runs every case under `profile`; returns (path-validation agree, of, policy agree, of).
fn suite(profile: Run, listed: &BTreeMap<String, String>) -> [usize; 4] {
    let suite: Suite =
        serde_json::from_slice(&std::fs::read("tests/data/pkits/pkits_expectations.json").unwrap())
            .unwrap();
    let (mut core, mut core_ok, mut policy, mut policy_ok) = (0, 0, 0, 0);
    let mut unexpected = Vec::new();
    let mut stale = Vec::new();
    for case in &suite.testcases {
        let (trusted, why, user) = run(case, profile);
        let mut agrees = trusted == case.should_validate;
        let mut detail = String::new();
        // The user-constrained set is only defined for a path that validates.
        if let (Some(expected), Some(user), true) = (
            case.set_user_constrained_policy_set.as_ref(),
            user,
            profile == Run::Rfc5280 && trusted,
        ) {
            let mut expected = policy_oids(expected);
            let mut user = user.clone();
            expected.sort();
            user.sort();
            if expected != user {
                agrees = false;
                detail = format!("; user-constrained set {user:?}, PKITS says {expected:?}");
            }
        }
        if case.policy_dependent() {
            policy += 1;
            policy_ok += usize::from(agrees);
        } else {
            core += 1;
            core_ok += usize::from(agrees);
        }
        match (agrees, listed.contains_key(&case.title)) {
            (false, false) => unexpected.push(format!(
                "{}\t(expected {}, got {trusted}: {why}{detail})",
                case.title, case.should_validate
            )),
            (true, true) => stale.push(case.title.clone()),
            _ => {}
        }
    }
    assert!(
        unexpected.is_empty(),
        "disagreements not in the exceptions file:\n{}",
        unexpected.join("\n")
    );
    assert!(
        stale.is_empty(),
        "listed in the exceptions file but now agree: {stale:?}"
    );
    [core_ok, core, policy_ok, policy]
}

#[test]
fn pkits_browser() {
    let [core_ok, core, policy_ok, policy] = suite(Run::Browser, &exceptions("browser"));
    eprintln!("PKITS, browser profile: {core_ok}/{core} path-validation cases agree; {policy_ok}/{policy} policy-dependent cases agree");
}

#[test]
fn pkits_rfc5280() {
    let [core_ok, core, policy_ok, policy] = suite(Run::Rfc5280, &exceptions("rfc5280"));
    eprintln!("PKITS, rfc5280 profile: {core_ok}/{core} path-validation cases agree; {policy_ok}/{policy} policy-dependent cases agree");
}
