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
#[path = "name_constraints_tests.rs"]
mod tests;
