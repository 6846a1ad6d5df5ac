//! Matching a hostname or IP address against a certificate's subjectAltName, as browsers do:
//! [RFC 6125 §6.4] with a wildcard only as the whole leftmost label, never across labels,
//! and no fallback to the subject's common name.
//!
//! [RFC 6125 §6.4]: https://www.rfc-editor.org/rfc/rfc6125#section-6.4

use core::net::IpAddr;

use x509_cert::ext::pkix::name::GeneralName;

/// What the client connects to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reference {
    /// A DNS name, lower case, without a trailing dot.
    Dns(String),
    /// An IP address.
    Ip(IpAddr),
    /// An email address (for S/MIME and client certificates).
    Email(String),
}

impl core::fmt::Display for Reference {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Reference::Dns(d) => match crate::idn::to_unicode(d) {
                Some(u) => write!(f, "{u} ({d})"),
                None => f.write_str(d),
            },
            Reference::Ip(ip) => write!(f, "{ip}"),
            Reference::Email(e) => f.write_str(e),
        }
    }
}

/// Parses what a user typed as the host: a DNS name or an IPv4/IPv6 address.
pub(crate) fn reference(text: &str) -> Result<Reference, String> {
    let t = text.trim();
    let unbracketed = t
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or(t);
    if let Ok(ip) = unbracketed.parse::<IpAddr>() {
        return Ok(Reference::Ip(ip));
    }
    if let Some((local, domain)) = t.rsplit_once('@') {
        if local.is_empty() || !is_dns_name(&domain.to_ascii_lowercase(), false) {
            return Err(format!("\"{t}\" is not a valid email address"));
        }
        return Ok(Reference::Email(t.to_owned()));
    }
    let name = t.strip_suffix('.').unwrap_or(t).to_ascii_lowercase();
    let name = if name.is_ascii() {
        name
    } else {
        crate::idn::to_ascii(&name)
            .ok_or_else(|| format!("\"{t}\" is not a valid internationalised hostname"))?
    };
    if !is_dns_name(&name, false) {
        return Err(format!("\"{t}\" is not a valid hostname or IP address"));
    }
    Ok(Reference::Dns(name))
}

/// Whether `name` is a syntactically valid DNS name (LDH labels of 1–63 characters, at most
/// 253 in all); with `wildcard`, a leftmost `*` label is allowed.
pub(crate) fn is_dns_name(name: &str, wildcard: bool) -> bool {
    if name.is_empty() || name.len() > 253 {
        return false;
    }
    name.split('.').enumerate().all(|(i, label)| {
        (wildcard && i == 0 && label == "*")
            || (!label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    })
}

/// Whether presented dNSName `pattern` (from a SAN) covers `host`.
pub(crate) fn dns_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern
        .strip_suffix('.')
        .unwrap_or(pattern)
        .to_ascii_lowercase();
    if !is_dns_name(&pattern, true) {
        return false;
    }
    match pattern.strip_prefix("*.") {
        // A wildcard stands for exactly one whole label, and needs at least two labels after it.
        Some(rest) => {
            rest.contains('.')
                && host
                    .split_once('.')
                    .is_some_and(|(first, tail)| !first.is_empty() && tail == rest)
        }
        None => pattern == host,
    }
}

/// The base of the wildcard entry (`example.co.uk` for `*.example.co.uk`) through which alone
/// `host` is covered: none when an exact entry covers it too, or no wildcard does.
pub(crate) fn wildcard_base(san: &[GeneralName], host: &str) -> Option<String> {
    let dns = || {
        san.iter().filter_map(|n| match n {
            GeneralName::DnsName(d) => Some(d.as_str()),
            _ => None,
        })
    };
    if dns().any(|d| !d.starts_with("*.") && dns_matches(d, host)) {
        return None;
    }
    dns()
        .find(|d| d.starts_with("*.") && dns_matches(d, host))
        .and_then(|d| d.get(2..))
        .map(|base| base.trim_end_matches('.').to_ascii_lowercase())
}

/// A host covered only through a wildcard whose base is a public suffix, in words: refused by
/// browsers for ICANN suffixes (`*.co.uk`), and with `strict` for private ones too
/// (`*.s3.amazonaws.com`; BR §3.2.2.6). Until the list is at hand (the psl module) nothing is
/// refused: the report lists `psl` as pending and the engine runs again.
pub(crate) fn wildcard_over_suffix(
    san: &[GeneralName],
    host: &str,
    strict: bool,
) -> Result<(), String> {
    let Some(base) = wildcard_base(san, host) else {
        return Ok(());
    };
    let why = match crate::psl::lookup(&base) {
        Ok(Some(crate::psl::Section::Icann)) => format!("{base} is a public suffix (ICANN section of the {}): browsers refuse a wildcard over a whole registry", crate::PUBLIC_SUFFIX_LIST),
        Ok(Some(crate::psl::Section::Private)) if strict => format!("{base} is a public suffix (private section of the {}): the CA/Browser Forum forbids such a wildcard (BR §3.2.2.6), though Chrome accepts it", crate::PUBLIC_SUFFIX_LIST),
        _ => return Ok(()),
    };
    Err(format!(
        "the certificate covers {host} only through *.{base}, and {why}"
    ))
}

/// Whether any SAN entry covers `reference`.
pub(crate) fn san_matches(san: &[GeneralName], reference: &Reference) -> bool {
    san.iter().any(|name| match (name, reference) {
        (GeneralName::DnsName(d), Reference::Dns(host)) => dns_matches(d.as_str(), host),
        (GeneralName::IpAddress(bytes), Reference::Ip(ip)) => match ip {
            IpAddr::V4(v4) => bytes.as_bytes() == v4.octets(),
            IpAddr::V6(v6) => bytes.as_bytes() == v6.octets(),
        },
        (GeneralName::Rfc822Name(m), Reference::Email(e)) => {
            match (m.as_str().rsplit_once('@'), e.rsplit_once('@')) {
                (Some((ml, md)), Some((el, ed))) => ml == el && md.eq_ignore_ascii_case(ed),
                _ => false,
            }
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_as_browsers_apply_them() {
        assert!(dns_matches("*.example.com", "www.example.com"));
        assert!(dns_matches("WWW.Example.COM.", "www.example.com"));
        assert!(!dns_matches("*.example.com", "example.com"));
        assert!(!dns_matches("*.example.com", "a.b.example.com"));
        assert!(!dns_matches("*.com", "example.com"));
        assert!(!dns_matches("w*.example.com", "www.example.com"));
        assert!(!dns_matches("www.*.com", "www.example.com"));
        assert!(!dns_matches("*", "localhost"));
    }

    #[test]
    fn the_wildcard_a_host_is_covered_through() {
        use der::asn1::Ia5String;
        let dns = |d: &str| GeneralName::DnsName(Ia5String::new(d).unwrap());
        let san = [dns("*.Example.co.uk."), dns("www.example.com")];
        assert_eq!(
            wildcard_base(&san, "a.example.co.uk").as_deref(),
            Some("example.co.uk")
        );
        // Covered exactly as well: the wildcard is not what grants it.
        assert_eq!(wildcard_base(&san, "www.example.com"), None);
        let san = [dns("*.example.com"), dns("www.example.com")];
        assert_eq!(wildcard_base(&san, "www.example.com"), None);
        assert_eq!(wildcard_base(&san, "other.example.org"), None);
    }

    #[test]
    fn references() {
        assert_eq!(
            reference("Example.COM."),
            Ok(Reference::Dns("example.com".into()))
        );
        assert_eq!(
            reference("[::1]"),
            Ok(Reference::Ip(
                "::1".parse().unwrap_or(IpAddr::from([0u8; 4]))
            ))
        );
        assert!(reference("exa mple.com").is_err());
        assert_eq!(
            reference("Bücher.example"),
            Ok(Reference::Dns("xn--bcher-kva.example".into()))
        );
    }
}
