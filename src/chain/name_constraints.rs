//! Name constraints ([RFC 5280 §4.2.1.10]): a CA limits the names of every certificate below
//! it. Checked for DNS names, IP addresses, email addresses and directory names; a constraint
//! of another type fails closed when a certificate below carries a name of that type.
//!
//! [RFC 5280 §4.2.1.10]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.10

use der::Encode;
use x509_cert::ext::pkix::constraints::name::GeneralSubtrees;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::NameConstraints;

use super::hostname::is_dns_name;
use super::Budget;

/// Why a name falls outside the constraints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Violation {
    /// The constraint itself is malformed.
    Invalid(String),
    /// `name` is not within any permitted subtree of its type.
    NotPermitted(String),
    /// `name` is within excluded subtree `subtree`.
    Excluded { name: String, subtree: String },
    /// Too many comparisons: the work budget ran out.
    Budget,
}

/// The names of one certificate that constraints apply to.
pub(crate) struct Names<'a> {
    /// DER of the subject.
    pub(crate) subject: Option<&'a [u8]>,
    pub(crate) san: &'a [GeneralName],
    /// emailAddress attributes of the subject.
    pub(crate) subject_emails: Vec<String>,
}

fn describe(name: &GeneralName) -> String {
    let r = crate::cert::general_name_report(name);
    format!("{} {}", r.kind, r.value)
}

/// Checks that `constraints` are well formed.
pub(crate) fn validate(constraints: &NameConstraints) -> Result<(), Violation> {
    let empty = |t: &Option<GeneralSubtrees>| t.as_ref().is_some_and(|t| t.is_empty());
    if empty(&constraints.permitted_subtrees) || empty(&constraints.excluded_subtrees) {
        return Err(Violation::Invalid(
            "an empty list of subtrees (RFC 5280 requires at least one)".into(),
        ));
    }
    if constraints.permitted_subtrees.is_none() && constraints.excluded_subtrees.is_none() {
        return Err(Violation::Invalid(
            "name constraints with neither permitted nor excluded subtrees".into(),
        ));
    }
    for subtree in constraints
        .permitted_subtrees
        .iter()
        .chain(constraints.excluded_subtrees.iter())
        .flatten()
    {
        if subtree.minimum != 0 || subtree.maximum.is_some() {
            return Err(Violation::Invalid(
                "minimum and maximum must be absent in name constraints".into(),
            ));
        }
        match &subtree.base {
            GeneralName::DnsName(d) => {
                let d = d.as_str();
                if !d.is_empty() && !is_dns_name(d, false) {
                    return Err(Violation::Invalid(format!(
                        "\"{d}\" is not a valid DNS name constraint"
                    )));
                }
            }
            GeneralName::IpAddress(ip) => {
                let bytes = ip.as_bytes();
                if !(bytes.len() == 8 || bytes.len() == 32) {
                    return Err(Violation::Invalid(
                        "an IP constraint must be an address and a mask".into(),
                    ));
                }
                let (_, mask) = bytes.split_at(bytes.len() / 2);
                if crate::cert::prefix_length(mask).is_none() {
                    return Err(Violation::Invalid(
                        "an IP constraint's mask must be contiguous".into(),
                    ));
                }
            }
            GeneralName::Rfc822Name(e)
                if e.as_str().is_empty() || e.as_str().matches('@').count() > 1 =>
            {
                return Err(Violation::Invalid(format!(
                    "\"{}\" is not a valid email constraint",
                    e.as_str()
                )));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Checks `names` against `constraints`.
pub(crate) fn check(
    constraints: &NameConstraints,
    names: &Names<'_>,
    budget: &mut Budget,
) -> Result<(), Violation> {
    let mut all: Vec<GeneralName> = names.san.to_vec();
    if let Some(subject) = names.subject {
        if let Ok(name) = <x509_cert::name::Name as der::Decode>::from_der(subject) {
            if !name.is_empty() {
                all.push(GeneralName::DirectoryName(name));
            }
        }
    }
    for email in &names.subject_emails {
        if let Ok(ia5) = der::asn1::Ia5String::new(email) {
            all.push(GeneralName::Rfc822Name(ia5));
        }
    }
    let constrained = |name: &GeneralName| {
        constraints
            .permitted_subtrees
            .iter()
            .chain(constraints.excluded_subtrees.iter())
            .flatten()
            .any(|s| same_type(&s.base, name))
    };
    for name in &all {
        // A malformed name cannot be shown to be inside or outside a constraint: fail closed.
        if constrained(name) && !well_formed(name) {
            return Err(Violation::Invalid(format!(
                "{} is malformed, so the constraints cannot be checked",
                describe(name)
            )));
        }
        if let Some(permitted) = &constraints.permitted_subtrees {
            let of_type: Vec<&GeneralName> = permitted
                .iter()
                .map(|s| &s.base)
                .filter(|b| same_type(b, name))
                .collect();
            if !of_type.is_empty() {
                let mut ok = false;
                for base in of_type {
                    budget.compare().map_err(|_| Violation::Budget)?;
                    if matches(base, name, false)? {
                        ok = true;
                        break;
                    }
                }
                if !ok {
                    return Err(Violation::NotPermitted(describe(name)));
                }
            }
        }
        if let Some(excluded) = &constraints.excluded_subtrees {
            for base in excluded_of_type(excluded, name) {
                budget.compare().map_err(|_| Violation::Budget)?;
                if matches(base, name, true)? {
                    return Err(Violation::Excluded {
                        name: describe(name),
                        subtree: describe(base),
                    });
                }
            }
        }
    }
    Ok(())
}

fn well_formed(name: &GeneralName) -> bool {
    match name {
        GeneralName::DnsName(d) => is_dns_name(
            d.as_str()
                .strip_suffix('.')
                .unwrap_or(d.as_str())
                .to_ascii_lowercase()
                .as_str(),
            true,
        ),
        GeneralName::IpAddress(ip) => matches!(ip.as_bytes().len(), 4 | 16),
        GeneralName::UniformResourceIdentifier(u) => uri_host(u.as_str()).is_some(),
        GeneralName::Rfc822Name(e) => e.as_str().rsplit_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !local.contains('@')
                && is_dns_name(&domain.to_ascii_lowercase(), false)
        }),
        _ => true,
    }
}

fn excluded_of_type<'a>(
    subtrees: &'a GeneralSubtrees,
    name: &'a GeneralName,
) -> impl Iterator<Item = &'a GeneralName> {
    subtrees
        .iter()
        .map(|s| &s.base)
        .filter(move |b| same_type(b, name))
}

fn same_type(a: &GeneralName, b: &GeneralName) -> bool {
    core::mem::discriminant(a) == core::mem::discriminant(b)
}

/// Whether `name` is within subtree `base`. For excluded subtrees a wildcard name matches if
/// any name it stands for would.
fn matches(base: &GeneralName, name: &GeneralName, excluding: bool) -> Result<bool, Violation> {
    Ok(match (base, name) {
        (GeneralName::DnsName(b), GeneralName::DnsName(n)) => {
            dns_within(b.as_str(), n.as_str(), excluding)
        }
        (GeneralName::IpAddress(b), GeneralName::IpAddress(n)) => {
            ip_within(b.as_bytes(), n.as_bytes())
        }
        (GeneralName::Rfc822Name(b), GeneralName::Rfc822Name(n)) => {
            email_within(b.as_str(), n.as_str())
        }
        (GeneralName::DirectoryName(b), GeneralName::DirectoryName(n)) => dn_within(b, n),
        (GeneralName::UniformResourceIdentifier(b), GeneralName::UniformResourceIdentifier(n)) => {
            uri_within(b.as_str(), n.as_str())
        }
        // Types certscope cannot compare: fail closed.
        _ => {
            return Err(Violation::Invalid(format!(
                "cannot check a {} constraint",
                describe(base)
            )))
        }
    })
}

fn dns_within(base: &str, name: &str, excluding: bool) -> bool {
    let base = base.to_ascii_lowercase();
    let name = name.to_ascii_lowercase();
    if base.is_empty() {
        return true;
    }
    let name = match name.strip_prefix("*.") {
        // A wildcard covers the names below its parent: excluded if any of them could be,
        // permitted only if all of them are.
        Some(parent) if excluding => {
            return dns_within(&base, parent, false) || base.ends_with(&format!(".{parent}"));
        }
        Some(parent) => parent.to_owned(),
        None => name,
    };
    name == base || name.ends_with(&format!(".{base}"))
}

/// The host of a URI (`scheme://[userinfo@]host[:port]/…`), lower case.
fn uri_host(uri: &str) -> Option<String> {
    let rest = uri.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// RFC 5280: a URI constraint names a host (exact) or, with a leading period, a domain
/// (any host below it); it applies to the URI's host.
fn uri_within(base: &str, uri: &str) -> bool {
    let Some(host) = uri_host(uri) else {
        return false;
    };
    let base = base.to_ascii_lowercase();
    match base.strip_prefix('.') {
        Some(domain) => host.ends_with(&format!(".{domain}")),
        None => host == base,
    }
}

fn ip_within(base: &[u8], ip: &[u8]) -> bool {
    if base.len() != ip.len().saturating_mul(2) {
        return false;
    }
    let (addr, mask) = base.split_at(ip.len());
    addr.iter()
        .zip(mask)
        .zip(ip)
        .all(|((a, m), i)| a & m == i & m)
}

/// RFC 5280: a constraint is a mailbox (`user@host`, exact), a host (`host`, any mailbox at
/// it) or a domain (`.host`, any mailbox at a host below it). Host parts compare without case.
fn email_within(base: &str, email: &str) -> bool {
    let Some((local, host)) = email.rsplit_once('@') else {
        return false;
    };
    match base.rsplit_once('@') {
        Some((blocal, bhost)) => blocal == local && bhost.eq_ignore_ascii_case(host),
        None => match base.strip_prefix('.') {
            Some(domain) => host
                .to_ascii_lowercase()
                .ends_with(&format!(".{}", domain.to_ascii_lowercase())),
            None => host.eq_ignore_ascii_case(base),
        },
    }
}

/// A directory name is within `base` when `base`'s RDNs are its first RDNs.
fn dn_within(base: &x509_cert::name::Name, name: &x509_cert::name::Name) -> bool {
    let b: Vec<_> = base.iter_rdn().collect();
    let n: Vec<_> = name.iter_rdn().collect();
    b.len() <= n.len()
        && b.iter()
            .zip(n.iter())
            .all(|(x, y)| x.to_der().ok() == y.to_der().ok())
}

#[cfg(test)]
mod tests {
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
}
