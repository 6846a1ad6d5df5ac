//! The DNS answers of a report, as text.

use core::fmt::Write;

use super::finding;
use crate::DnsReport;

/// Appends the records, what they mean, and the findings.
pub(super) fn section(out: &mut String, d: &DnsReport) {
    let validated = match d.authenticated {
        Some(true) => ", DNSSEC-validated (ad)",
        Some(false) => ", not DNSSEC-validated (no ad flag)",
        None => "",
    };
    let tool = d.tool.map_or("", |t| match t {
        crate::DnsTool::Dig => " from dig",
        crate::DnsTool::Kdig => " from kdig",
        crate::DnsTool::Nslookup => " from nslookup",
        crate::DnsTool::DohJson => " from DNS-over-HTTPS JSON",
    });
    let _ = writeln!(out, "\nDNS: {} records{tool}{validated}", d.records.len());
    for c in &d.caa_checks {
        let allowed = c.allowed.as_ref().map_or_else(
            || "any CA".to_owned(),
            |l| {
                if l.is_empty() {
                    "no CA".to_owned()
                } else {
                    l.join(", ")
                }
            },
        );
        let verdict = match c.issuer_allowed {
            Some(true) => "its CA allowed",
            Some(false) => "its CA NOT allowed",
            None => "CA not known",
        };
        let _ = writeln!(
            out,
            "    CAA   {:<28} {} {allowed} (at {}): {verdict}",
            c.name, c.property, c.found_at
        );
    }
    for s in &d.services {
        let mut parts = vec![format!("{} {}", s.priority, s.target)];
        if !s.alpn.is_empty() {
            parts.push(format!("alpn {}", s.alpn.join(",")));
        }
        if let Some(p) = s.port {
            parts.push(format!("port {p}"));
        }
        if !s.ipv4hint.is_empty() {
            parts.push(format!("ipv4hint {}", s.ipv4hint.join(",")));
        }
        if let Some(e) = &s.ech {
            let names: Vec<&str> = e
                .configs
                .iter()
                .filter_map(|c| c.public_name.as_deref())
                .collect();
            parts.push(format!("ECH for {}", names.join(", ")));
        }
        let _ = writeln!(out, "    {:<5} {:<28} {}", s.kind, s.name, parts.join("; "));
    }
    for t in &d.tlsa {
        let m = t.matches.map_or_else(
            || "matches no pasted certificate".to_owned(),
            |i| format!("matches certificate [{}]", i.saturating_add(1)),
        );
        let _ = writeln!(
            out,
            "    TLSA  {:<28} {} {} {}: {m}",
            t.name, t.usage, t.selector, t.matching_type
        );
    }
    for f in &d.findings {
        finding(out, f, "    ");
    }
}
