//! certscope's lint rules against zlint's own test expectations (tests/data/zlint): at least
//! 40 mapped zlint lints, at least 95% of the mapped rows in agreement, and every disagreement
//! listed with a reason in exceptions.txt (no more, no fewer).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../examples/zlint.rs"]
#[allow(dead_code)]
mod harness;

#[test]
fn agreement_with_zlint() {
    let rows = harness::rows("tests/data/zlint");
    let table = harness::table(&rows);
    let total: usize = table.values().map(|v| v.0).sum();
    let agree: usize = table.values().map(|v| v.1).sum();
    assert!(
        table.len() >= 350,
        "only {} zlint lints mapped",
        table.len()
    );
    assert!(agree * 100 >= total * 98, "{agree}/{total} rows agree");
    let exceptions: Vec<(String, String)> =
        std::fs::read_to_string("tests/data/zlint/exceptions.txt")
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut parts = l.split('\t');
                (
                    parts.next().unwrap().to_owned(),
                    parts.next().unwrap().to_owned(),
                )
            })
            .collect();
    let disagreements: Vec<(String, String)> = rows
        .iter()
        .filter(|r| r.expected != r.actual)
        .map(|r| (r.lint.clone(), r.file.clone()))
        .collect();
    let new: Vec<_> = disagreements
        .iter()
        .filter(|d| !exceptions.contains(d))
        .collect();
    let stale: Vec<_> = exceptions
        .iter()
        .filter(|e| !disagreements.contains(e))
        .collect();
    assert!(
        new.is_empty(),
        "disagreements not in exceptions.txt: {new:?}"
    );
    assert!(
        stale.is_empty(),
        "exceptions that no longer disagree: {stale:?}"
    );
}

#[test]
fn findings_name_the_profile_they_were_judged_by() {
    use certscope::{inspect, LintProfile as Profile, Options};
    let read = |path: &str| {
        let bytes = std::fs::read(format!("tests/data/zlint/testdata/{path}")).unwrap();
        inspect(&bytes, &Options::at(1_795_737_600)).unwrap()
    };
    let profile_of = |r: &certscope::Report, id: &str| {
        r.certificates[0]
            .findings
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("no {id}"))
            .profile
    };
    // A code-signing certificate (Code Signing BR policy) with a 2048-bit key.
    let cs = read("code_signing/lessThan3072RSAKeySize.pem");
    assert!(cs.certificates[0].profiles.contains(&Profile::CodeSigning));
    assert_eq!(profile_of(&cs, "cs.rsa-3072"), Some(Profile::CodeSigning));
    // An S/MIME certificate (emailProtection, S/MIME BR policy) without a SAN.
    let smime = read("smime/without_subject_alternative_name.pem");
    assert!(smime.certificates[0].profiles.contains(&Profile::Smime));
    assert!(!smime.certificates[0]
        .profiles
        .contains(&Profile::CodeSigning));
    assert_eq!(
        profile_of(&smime, "smime.san-missing"),
        Some(Profile::Smime)
    );
    // A TLS server certificate is judged by the TLS BR and RFC 5280, not by the other two.
    let chain = std::fs::read("tests/data/generated/example-chain.pem").unwrap();
    let tls = inspect(&chain, &Options::at(1_795_737_600)).unwrap();
    assert_eq!(
        tls.certificates[0].profiles,
        vec![Profile::TlsServer, Profile::Rfc5280]
    );
    assert!(tls.certificates[0]
        .findings
        .iter()
        .all(|f| !matches!(f.profile, Some(Profile::Smime | Profile::CodeSigning))));
}

#[test]
fn every_rule_has_an_id_level_and_citation() {
    let catalog = certscope::lint_catalog();
    assert!(catalog.len() >= 60, "{} rules", catalog.len());
    let mut ids: Vec<&str> = catalog.iter().map(|l| l.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), catalog.len(), "rule ids are unique");
    for l in &catalog {
        assert!(!l.source.is_empty() && !l.title.is_empty(), "{}", l.id);
    }
}

#[test]
fn public_ca_rules_are_notes_under_a_root_you_supplied() {
    use certscope::{inspect, Options, Roots, Severity};
    let chain = std::fs::read("tests/data/generated/example-chain.pem").unwrap();
    let root = std::fs::read("tests/data/generated/p256-root.pem").unwrap();
    let at = 1_795_737_600;
    // Judged as if public (no trust store): the test leaf breaks BR rules, as zlint would say.
    let public = inspect(&chain, &Options::at(at).roots(Roots::None)).unwrap();
    let leaf = &public.certificates[0];
    let serious: Vec<&str> = leaf
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| f.id)
        .collect();
    assert!(
        serious.contains(&"br.san-uri") && serious.contains(&"serial.low-entropy"),
        "{serious:?}"
    );
    // Trusted through a root you supplied: the same rules are notes, nothing else changes.
    let private = inspect(
        &chain,
        &Options::at(at).roots(Roots::Custom {
            certificates: root,
            with_mozilla: false,
        }),
    )
    .unwrap();
    assert!(private.chains[0].browser.trusted);
    let leaf = &private.certificates[0];
    let aia = leaf.findings.iter().find(|f| f.id == "br.san-uri").unwrap();
    assert_eq!(aia.severity, Severity::Info);
    assert!(aia.explanation.contains("root you supplied"));
    assert!(
        leaf.findings.iter().all(|f| f.severity == Severity::Info),
        "{:?}",
        leaf.findings.iter().map(|f| f.id).collect::<Vec<_>>()
    );
}

/// Issue 21's private PKIs: a certificate with no CA/B Forum policy whose chain reaches no
/// root looks privately issued (public-CA rules become notes, the chain says how to supply the
/// root); one that asserts the DV policy but lacks its intermediate claims to be public, and
/// keeps its Baseline Requirements problems.
#[test]
fn public_ca_rules_are_notes_for_a_certificate_that_looks_private() {
    use certscope::{inspect, Options, Severity};
    let at = 1_767_312_000;
    let private = inspect(
        &std::fs::read("tests/data/generated/flawed-no-san.pem").unwrap(),
        &Options::at(at),
    )
    .unwrap();
    let note = private.chains[0]
        .findings
        .iter()
        .find(|f| f.id == "chain.private-ca")
        .expect("chain.private-ca");
    assert_eq!(note.severity, Severity::Info);
    assert!(note.evidence.contains("no CA/Browser Forum policy"));
    let leaf = &private.certificates[0];
    let severity = |id: &str| {
        leaf.findings
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.severity)
    };
    assert_eq!(severity("br.sub-cp-missing"), Some(Severity::Info));
    assert_eq!(severity("cert.no-san"), Some(Severity::Error));
    assert!(private.chains[0]
        .findings
        .iter()
        .any(|f| f.id == "chain.missing-intermediate" && f.severity == Severity::Error));

    let chain = std::fs::read("tests/data/generated/example-chain.pem").unwrap();
    let leaf_only = chain
        .split(|b| *b == b'\n')
        .take_while(|l| !l.starts_with(b"-----END"))
        .chain([&b"-----END CERTIFICATE-----"[..]])
        .collect::<Vec<_>>()
        .join(&b'\n');
    let public = inspect(&leaf_only, &Options::at(1_795_737_600)).unwrap();
    assert!(!public.chains[0]
        .findings
        .iter()
        .any(|f| f.id == "chain.private-ca"));
    let leaf = &public.certificates[0];
    assert!(leaf
        .findings
        .iter()
        .any(|f| f.id == "br.san-uri" && f.severity == Severity::Error));
}
