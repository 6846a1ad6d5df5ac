//! Unit tests for name constraints: a table over every type, wildcards, malformed names and
//! the work budget.

use super::*;

#[test]
fn dns_subtrees() {
    assert!(dns_within("example.com", "example.com", false));
    assert!(dns_within("example.com", "www.example.com", false));
    assert!(!dns_within("example.com", "notexample.com", false));
    assert!(dns_within("example.com", "*.example.com", false));
    assert!(dns_within("foo.example.com", "*.example.com", true));
    assert!(!dns_within("foo.example.com", "*.example.com", false));
}

#[test]
fn email_subtrees() {
    assert!(email_within("user@example.com", "user@EXAMPLE.com"));
    assert!(!email_within("user@example.com", "other@example.com"));
    assert!(email_within("example.com", "anyone@example.com"));
    assert!(!email_within("example.com", "anyone@sub.example.com"));
    assert!(email_within(".example.com", "anyone@sub.example.com"));
    assert!(!email_within(".example.com", "anyone@example.com"));
}

#[test]
fn ip_subtrees() {
    assert!(ip_within(&[10, 0, 0, 0, 255, 0, 0, 0], &[10, 1, 2, 3]));
    assert!(!ip_within(&[10, 0, 0, 0, 255, 0, 0, 0], &[11, 1, 2, 3]));
    assert!(!ip_within(&[10, 0, 0, 0, 255, 0, 0, 0], &[0; 16]));
}

use core::str::FromStr;
use der::asn1::{Ia5String, OctetString};
use x509_cert::ext::pkix::constraints::name::GeneralSubtree;
use x509_cert::name::Name;

fn dns(s: &str) -> GeneralName {
    GeneralName::DnsName(Ia5String::new(s).unwrap())
}
fn email(s: &str) -> GeneralName {
    GeneralName::Rfc822Name(Ia5String::new(s).unwrap())
}
fn ip(bytes: &[u8]) -> GeneralName {
    GeneralName::IpAddress(OctetString::new(bytes).unwrap())
}
fn dn(s: &str) -> GeneralName {
    GeneralName::DirectoryName(Name::from_str(s).unwrap())
}
fn subtrees(names: &[GeneralName]) -> Option<GeneralSubtrees> {
    (!names.is_empty()).then(|| {
        names
            .iter()
            .map(|n| GeneralSubtree {
                base: n.clone(),
                minimum: 0,
                maximum: None,
            })
            .collect()
    })
}
fn verdict(
    permitted: &[GeneralName],
    excluded: &[GeneralName],
    san: &[GeneralName],
) -> &'static str {
    let nc = NameConstraints {
        permitted_subtrees: subtrees(permitted),
        excluded_subtrees: subtrees(excluded),
    };
    if validate(&nc).is_err() {
        return "invalid";
    }
    let names = Names {
        subject: None,
        san,
        subject_emails: Vec::new(),
    };
    match check(&nc, &names, &mut Budget::default()) {
        Ok(()) => "ok",
        Err(Violation::NotPermitted(_)) => "not-permitted",
        Err(Violation::Excluded { .. }) => "excluded",
        Err(Violation::Invalid(_)) => "invalid",
        Err(Violation::Budget) => "budget",
    }
}

#[test]
fn a_table_of_constraints() {
    let v4 = |a: [u8; 4], m: [u8; 4]| ip(&[a, m].concat());
    /// What, permitted, excluded, names, expected verdict.
    type Case = (
        &'static str,
        Vec<GeneralName>,
        Vec<GeneralName>,
        Vec<GeneralName>,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            "dns exact",
            vec![dns("example.com")],
            vec![],
            vec![dns("example.com")],
            "ok",
        ),
        (
            "dns subdomain",
            vec![dns("example.com")],
            vec![],
            vec![dns("a.b.example.com")],
            "ok",
        ),
        (
            "dns suffix is not a label boundary",
            vec![dns("example.com")],
            vec![],
            vec![dns("badexample.com")],
            "not-permitted",
        ),
        (
            "dns case-insensitive",
            vec![dns("Example.COM")],
            vec![],
            vec![dns("www.example.com")],
            "ok",
        ),
        (
            "dns any of several",
            vec![dns("a.test"), dns("b.test")],
            vec![],
            vec![dns("x.b.test")],
            "ok",
        ),
        (
            "dns every name must fit",
            vec![dns("example.com")],
            vec![],
            vec![dns("example.com"), dns("example.org")],
            "not-permitted",
        ),
        (
            "dns excluded",
            vec![],
            vec![dns("bad.example.com")],
            vec![dns("x.bad.example.com")],
            "excluded",
        ),
        (
            "dns excluded beats permitted",
            vec![dns("example.com")],
            vec![dns("bad.example.com")],
            vec![dns("bad.example.com")],
            "excluded",
        ),
        (
            "dns sibling of excluded",
            vec![],
            vec![dns("bad.example.com")],
            vec![dns("good.example.com")],
            "ok",
        ),
        (
            "wildcard under permitted",
            vec![dns("example.com")],
            vec![],
            vec![dns("*.example.com")],
            "ok",
        ),
        (
            "wildcard over excluded child",
            vec![],
            vec![dns("secret.example.com")],
            vec![dns("*.example.com")],
            "excluded",
        ),
        (
            "wildcard partly outside permitted",
            vec![dns("www.example.com")],
            vec![],
            vec![dns("*.example.com")],
            "not-permitted",
        ),
        (
            "malformed dns under a dns constraint",
            vec![dns("example.com")],
            vec![],
            vec![dns("bad_name.example.com")],
            "invalid",
        ),
        (
            "malformed dns, no dns constraint",
            vec![email("example.com")],
            vec![],
            vec![dns("bad_name.example.com")],
            "ok",
        ),
        (
            "other type unconstrained",
            vec![dns("example.com")],
            vec![],
            vec![ip(&[192, 0, 2, 1])],
            "ok",
        ),
        (
            "ipv4 in range",
            vec![v4([10, 0, 0, 0], [255, 0, 0, 0])],
            vec![],
            vec![ip(&[10, 9, 8, 7])],
            "ok",
        ),
        (
            "ipv4 out of range",
            vec![v4([10, 0, 0, 0], [255, 0, 0, 0])],
            vec![],
            vec![ip(&[11, 0, 0, 1])],
            "not-permitted",
        ),
        (
            "ipv4 excluded /32",
            vec![],
            vec![v4([192, 0, 2, 1], [255; 4])],
            vec![ip(&[192, 0, 2, 1])],
            "excluded",
        ),
        (
            "ipv6 against an ipv4 constraint",
            vec![v4([10, 0, 0, 0], [255, 0, 0, 0])],
            vec![],
            vec![ip(&[0; 16])],
            "not-permitted",
        ),
        (
            "ipv6 in range",
            vec![ip(&[
                &[0x20, 1, 0x0d, 0xb8][..],
                &[0; 12],
                &[0xff; 4],
                &[0; 12],
            ]
            .concat())],
            vec![],
            vec![ip(&[&[0x20, 1, 0x0d, 0xb8][..], &[7; 12]].concat())],
            "ok",
        ),
        (
            "ip constraint with a holey mask",
            vec![v4([10, 0, 0, 0], [255, 0, 255, 0])],
            vec![],
            vec![ip(&[10, 0, 0, 1])],
            "invalid",
        ),
        (
            "ip constraint of the wrong length",
            vec![ip(&[10, 0, 0, 0])],
            vec![],
            vec![ip(&[10, 0, 0, 1])],
            "invalid",
        ),
        (
            "email mailbox",
            vec![email("user@example.com")],
            vec![],
            vec![email("user@EXAMPLE.com")],
            "ok",
        ),
        (
            "email other mailbox",
            vec![email("user@example.com")],
            vec![],
            vec![email("admin@example.com")],
            "not-permitted",
        ),
        (
            "email host",
            vec![email("example.com")],
            vec![],
            vec![email("anyone@example.com")],
            "ok",
        ),
        (
            "email host excludes subdomains",
            vec![email("example.com")],
            vec![],
            vec![email("anyone@sub.example.com")],
            "not-permitted",
        ),
        (
            "email domain",
            vec![email(".example.com")],
            vec![],
            vec![email("anyone@sub.example.com")],
            "ok",
        ),
        (
            "email domain excludes the host itself",
            vec![email(".example.com")],
            vec![],
            vec![email("anyone@example.com")],
            "not-permitted",
        ),
        (
            "email excluded host",
            vec![],
            vec![email("example.com")],
            vec![email("x@example.com")],
            "excluded",
        ),
        (
            "malformed email under a constraint",
            vec![email("example.com")],
            vec![],
            vec![email("no-at-sign")],
            "invalid",
        ),
        (
            "dn prefix",
            vec![dn("O=Example,C=NZ")],
            vec![],
            vec![dn("CN=host,O=Example,C=NZ")],
            "ok",
        ),
        (
            "dn other organisation",
            vec![dn("O=Example,C=NZ")],
            vec![],
            vec![dn("CN=host,O=Other,C=NZ")],
            "not-permitted",
        ),
        (
            "dn excluded",
            vec![],
            vec![dn("O=Evil,C=NZ")],
            vec![dn("CN=x,O=Evil,C=NZ")],
            "excluded",
        ),
        (
            "uri domain excludes the host itself",
            vec![GeneralName::UniformResourceIdentifier(
                Ia5String::new(".example.com").unwrap(),
            )],
            vec![],
            vec![GeneralName::UniformResourceIdentifier(
                Ia5String::new("https://example.com/").unwrap(),
            )],
            "not-permitted",
        ),
        (
            "uri domain",
            vec![GeneralName::UniformResourceIdentifier(
                Ia5String::new(".example.com").unwrap(),
            )],
            vec![],
            vec![GeneralName::UniformResourceIdentifier(
                Ia5String::new("https://u@www.example.com:8443/x").unwrap(),
            )],
            "ok",
        ),
        (
            "uri without a host under a uri constraint",
            vec![GeneralName::UniformResourceIdentifier(
                Ia5String::new("example.com").unwrap(),
            )],
            vec![],
            vec![GeneralName::UniformResourceIdentifier(
                Ia5String::new("urn:isbn:123").unwrap(),
            )],
            "invalid",
        ),
        (
            "registeredID constraints cannot be checked: fail closed",
            vec![GeneralName::RegisteredId(
                const_oid::ObjectIdentifier::new_unwrap("1.2.3"),
            )],
            vec![],
            vec![GeneralName::RegisteredId(
                const_oid::ObjectIdentifier::new_unwrap("1.2.3.4"),
            )],
            "invalid",
        ),
        (
            "uri constraint, no uri names",
            vec![GeneralName::UniformResourceIdentifier(
                Ia5String::new(".example.com").unwrap(),
            )],
            vec![],
            vec![dns("example.com")],
            "ok",
        ),
        (
            "dns constraint with a wildcard is malformed",
            vec![dns("*.example.com")],
            vec![],
            vec![dns("www.example.com")],
            "invalid",
        ),
        (
            "dns constraint with a leading dot is malformed",
            vec![dns(".example.com")],
            vec![],
            vec![dns("www.example.com")],
            "invalid",
        ),
        (
            "empty dns constraint permits all",
            vec![dns("")],
            vec![],
            vec![dns("anything.test")],
            "ok",
        ),
    ];
    for (what, permitted, excluded, san, expected) in cases {
        assert_eq!(verdict(&permitted, &excluded, &san), expected, "{what}");
    }
}

#[test]
fn empty_and_absent_subtrees_are_invalid() {
    let nc = NameConstraints {
        permitted_subtrees: None,
        excluded_subtrees: None,
    };
    assert!(validate(&nc).is_err());
    let nc = NameConstraints {
        permitted_subtrees: Some(Vec::new()),
        excluded_subtrees: None,
    };
    assert!(validate(&nc).is_err());
}

#[test]
fn the_budget_stops_hostile_constraint_sets() {
    // 1,000 excluded subtrees against 1,000 names: a million comparisons, cut at the budget.
    let excluded: Vec<GeneralName> = (0..1000).map(|i| dns(&format!("n{i}.example"))).collect();
    let san: Vec<GeneralName> = (0..1000).map(|i| dns(&format!("host{i}.test"))).collect();
    assert_eq!(verdict(&[], &excluded, &san), "budget");
}
