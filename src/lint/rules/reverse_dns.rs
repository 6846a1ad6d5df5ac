//! Names in the reverse-DNS zones (`in-addr.arpa`, `ip6.arpa`, RFC 3596 §2.5, BCP 49): a
//! certificate for one says it is for an IP address's reverse name. Ballot SC-086 forbade them
//! in TLS certificates from 2026-03-15 (BR §4.2.2); before, one that reversed to an IANA
//! reserved address, or did not reverse to an address at all, was already wrong. The profiles
//! module carries them; they run on every certificate when all lints are asked for
//! ([`crate::Lints::All`]).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::content::reserved;
use super::rule;
use crate::lint::engine::{Ctx, Level::*, Lint, CABF_BR};
use crate::Reference;

const SC_086: Reference = Reference {
    label: "CA/B Forum BR §4.2.2",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#422-approval-or-rejection-of-certificate-applications",
};
const RESERVED_IP: Reference = Reference {
    label: "CA/B Forum BR §7.1.4.2.1",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#71421-subject-alternative-name-extension",
};
const REVERSE_ZONE: Reference = Reference {
    label: "CA/B Forum BR §3.2.2.6",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#3226-wildcard-domain-validation",
};

/// 2026-03-15: ballot SC-086.
const SC_086_DATE: u64 = 1_773_532_800;
const V4_ZONE: &str = ".in-addr.arpa";
const V6_ZONE: &str = ".ip6.arpa";

/// The DNS names, lower-cased, that lie in a reverse zone, with whether it is IPv6's.
fn reverse_names(c: &Ctx<'_>) -> Vec<(String, bool)> {
    c.dns_names()
        .into_iter()
        .map(|d| d.to_ascii_lowercase())
        .filter_map(|d| {
            let v6 = d.ends_with(V6_ZONE);
            (v6 || d.ends_with(V4_ZONE)).then_some((d, v6))
        })
        .collect()
}

/// A reverse zone name in the subject's CN or the SAN (zlint's applicability).
fn any_reverse(c: &Ctx<'_>) -> bool {
    let cn = c.subject_values("2.5.4.3");
    cn.iter()
        .map(|n| n.to_ascii_lowercase())
        .any(|n| n.ends_with(V4_ZONE) || n.ends_with(V6_ZONE))
        || !reverse_names(c).is_empty()
}

/// The address a reverse name stands for: 4 decimal labels (IPv4) or 32 nibbles (IPv6),
/// least significant first. `Err` says why it is not one.
fn address(name: &str, v6: bool) -> Result<IpAddr, String> {
    let zone = if v6 { V6_ZONE } else { V4_ZONE };
    let labels: Vec<&str> = name.strip_suffix(zone).unwrap_or(name).split('.').collect();
    let wanted = if v6 { 32 } else { 4 };
    if labels.len() != wanted {
        return Err(format!(
            "{name} has {} labels before {zone}, not {wanted}",
            labels.len()
        ));
    }
    let forward: Vec<&str> = labels.into_iter().rev().collect();
    let parsed = if v6 {
        let hex: String = forward.concat();
        (forward.iter().all(|l| l.len() == 1) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u128::from_str_radix(&hex, 16).ok())
            .flatten()
            .map(|n| IpAddr::V6(Ipv6Addr::from(n)))
    } else {
        forward.join(".").parse::<Ipv4Addr>().ok().map(IpAddr::V4)
    };
    parsed.ok_or_else(|| format!("{name} does not reverse to an IP address"))
}

pub(super) static RULES: &[Lint] = &[
    rule("br.reverse-dns-name", Some("e_arpa_domain_not_allowed"), Error, SC_086, SC_086_DATE, |c| c.is_subscriber(),
        |c| reverse_names(c).into_iter().next().map(|(n, _)| format!("{n} is in a reverse-DNS zone")),
        "A name in a reverse-DNS zone", "Since ballot SC-086 (2026-03-15, BR §4.2.2) a CA SHALL NOT issue a certificate for a name ending in in-addr.arpa or ip6.arpa: control of an address's reverse zone is not control of a domain.", "Re-issue without the .arpa name (for an IP address, validate the address and put it in an iPAddress SAN)."),
    rule("br.reverse-dns-reserved", Some("e_subject_contains_reserved_arpa_ip"), Error, RESERVED_IP, CABF_BR, any_reverse,
        |c| reverse_names(c).into_iter().find_map(|(n, v6)| match address(&n, v6) {
            Ok(IpAddr::V6(a)) if a.to_ipv4_mapped().is_some() => Some(format!("{n} reverses to an IPv4 address in the IPv6 zone")),
            Ok(ip) if reserved(ip) => Some(format!("{n} reverses to the IANA-reserved {ip}")),
            _ => None,
        }),
        "A reverse-DNS name for a reserved address", "The Baseline Requirements (§7.1.4.2.1) forbid reserved IP addresses in public certificates; a reverse-DNS name for one (10.in-addr.arpa and the like) names the same reserved address.", "Re-issue without the name."),
    rule("br.reverse-dns-malformed", Some("w_subject_contains_malformed_arpa_ip"), Warn, REVERSE_ZONE, CABF_BR, any_reverse,
        |c| reverse_names(c).into_iter().find_map(|(n, v6)| address(&n, v6).err()),
        "A reverse-DNS name that is not an address's", "A name in in-addr.arpa or ip6.arpa stands for one address only when it has all its labels (4 decimal, or 32 hexadecimal nibbles; RFC 3596 §2.5, BCP 49); otherwise it names part of a reverse zone, which a CA validates as a domain (BR §3.2.2.6) or not at all.", "Re-issue with the full reverse name, or without it."),
];
