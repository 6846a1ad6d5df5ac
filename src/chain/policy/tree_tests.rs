//! The policy graph on synthetic paths: RFC 5280's exponential cases stay polynomial, and
//! paths past the budget stop with `Stop::Budget`. PKITS (tests/pkits.rs) checks the rules.

use std::time::{Duration, Instant};

use const_oid::ObjectIdentifier as Oid;

use super::{process, Outcome, Stop, ANY_POLICY, MAX_PER_CERTIFICATE};
use crate::chain::policy::{CertPolicies, PolicyOptions};

fn policy(k: usize) -> Oid {
    Oid::new(&format!("1.2.3.{k}")).unwrap()
}

/// A CA listing policies 0..k and mapping every one of them to every one (k² mappings): the
/// shape of CVE-2023-0464, where the tree doubles its width at each certificate.
fn mapping_ca(k: usize) -> CertPolicies {
    CertPolicies {
        policies: Some((0..k).map(policy).collect()),
        mappings: Some(
            (0..k)
                .flat_map(|a| (0..k).map(move |b| (policy(a), policy(b))))
                .collect(),
        ),
        ..CertPolicies::default()
    }
}

fn leaf(k: usize) -> CertPolicies {
    CertPolicies {
        policies: Some((0..k).map(policy).collect()),
        ..CertPolicies::default()
    }
}

fn run(path: &[CertPolicies], options: &PolicyOptions) -> (Result<(), Stop>, Outcome, Duration) {
    let mut outcome = Outcome::default();
    let start = Instant::now();
    let result = process(path, options, &[], &mut outcome);
    (result, outcome, start.elapsed())
}

/// The bound the issue sets for pathological trees; debug builds are slower still, so this
/// is generous for release code.
const FAST: Duration = Duration::from_millis(100);

#[test]
fn exponential_mapping_stays_polynomial() {
    // 30 policies, each mapped to all 30, over 8 CAs: the RFC's tree would hold 30^9 nodes.
    let mut path: Vec<CertPolicies> = (0..8).map(|_| mapping_ca(30)).collect();
    path.push(leaf(30));
    let (result, outcome, took) = run(&path, &PolicyOptions::default());
    assert_eq!(result, Ok(()));
    assert_eq!(outcome.user.len(), 30, "every policy is still valid");
    assert!(took < FAST, "took {took:?}");
}

#[test]
fn over_budget_stops_with_an_error() {
    // 300 policies each mapped to all 300 (90,000 mappings) is past the per-certificate cap;
    // 300 policies mapped to the next 3 stays under it but past the work budget.
    let path = vec![mapping_ca(300), leaf(300)];
    let (result, _, took) = run(&path, &PolicyOptions::default());
    assert_eq!(result, Err(Stop::Budget));
    assert!(took < FAST, "took {took:?}");

    let wide = |k: usize| CertPolicies {
        policies: Some((0..k).map(policy).collect()),
        mappings: Some((0..k).map(|a| (policy(a), policy((a + 1) % k))).collect()),
        ..CertPolicies::default()
    };
    let path: Vec<CertPolicies> = (0..40).map(|_| wide(MAX_PER_CERTIFICATE)).collect();
    let (result, _, took) = run(&path, &PolicyOptions::default());
    assert_eq!(result, Err(Stop::Budget));
    assert!(took < FAST * 5, "took {took:?}");
}

#[test]
fn any_policy_expansion_and_inhibit() {
    let any = CertPolicies {
        policies: Some(vec![ANY_POLICY]),
        ..CertPolicies::default()
    };
    // anyPolicy throughout: valid for anyPolicy.
    let (result, outcome, _) = run(&[any.clone(), any.clone()], &PolicyOptions::default());
    assert_eq!(result, Ok(()));
    assert_eq!(outcome.user, vec![ANY_POLICY]);
    // With initial-any-policy-inhibit and an explicit policy required, anyPolicy counts for
    // nothing and the path fails at the first certificate.
    let strict = PolicyOptions {
        initial_explicit_policy: true,
        initial_any_policy_inhibit: true,
        ..PolicyOptions::default()
    };
    let (result, outcome, _) = run(&[any.clone(), leaf(1)], &strict);
    assert!(matches!(result, Err(Stop::Invalid(0, _))), "{result:?}");
    assert_eq!(outcome.emptied_at, Some(0));
}
