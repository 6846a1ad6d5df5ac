//! The DNS records of a paste, explained and checked against the pasted certificates.

use serde::Serialize;

use super::caa::{self, Caa, CaaCheck};
pub use super::certificate::DnsCertificate;
use super::read::{self, Record, Tool};
use super::svcb::{self, Service};
use super::tlsa::{self, Tlsa};
use crate::lint::finding;
use crate::{Finding, Reference, Severity};

const RFC8659: Reference = Reference {
    label: "RFC 8659 §3–§4",
    url: "https://www.rfc-editor.org/rfc/rfc8659#section-3",
};
const RFC9460: Reference = Reference {
    label: "RFC 9460 §7, §9",
    url: "https://www.rfc-editor.org/rfc/rfc9460#section-9",
};
const ECH: Reference = Reference {
    label: "draft-ietf-tls-esni §4 (ECHConfig)",
    url: "https://datatracker.ietf.org/doc/draft-ietf-tls-esni/",
};
const RFC6698: Reference = Reference {
    label: "RFC 6698 §2; RFC 7671",
    url: "https://www.rfc-editor.org/rfc/rfc7671",
};

/// The DNS answers of one paste, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DnsReport {
    /// Which tool printed them.
    pub tool: Option<Tool>,
    /// The resolver's `ad` flag: the answer was DNSSEC-validated (`None`: not shown).
    pub authenticated: Option<bool>,
    /// Every record read.
    pub records: Vec<Record>,
    /// CAA records.
    pub caa: Vec<Caa>,
    /// The CAA verdict for each name of the pasted end certificate.
    pub caa_checks: Vec<CaaCheck>,
    /// HTTPS and SVCB records.
    pub services: Vec<Service>,
    /// TLSA records, matched against the pasted certificates.
    pub tlsa: Vec<Tlsa>,
    /// What is worth knowing, and what is wrong.
    pub findings: Vec<Finding>,
    /// Whether more records were pasted than certscope reads ([`super::MAX_RECORDS`]).
    pub truncated: bool,
}

/// Reads the DNS answers in `text` and checks them against `certs` (the pasted certificates,
/// the end certificate first where there is one). `None` when `text` holds no DNS record.
pub fn analyse(text: &str, certs: &[DnsCertificate]) -> Option<DnsReport> {
    if !read::present(text) {
        return None;
    }
    let paste = read::read(text);
    if paste.records.is_empty() {
        return None;
    }
    let mut report = DnsReport {
        tool: paste.tool,
        authenticated: paste.authenticated,
        caa: paste
            .records
            .iter()
            .filter(|r| r.kind == "CAA")
            .filter_map(caa::parse)
            .collect(),
        caa_checks: Vec::new(),
        services: paste
            .records
            .iter()
            .filter(|r| r.kind == "HTTPS" || r.kind == "SVCB")
            .filter_map(svcb::parse)
            .collect(),
        tlsa: paste
            .records
            .iter()
            .filter(|r| r.kind == "TLSA")
            .filter_map(tlsa::parse)
            .collect(),
        findings: Vec::new(),
        records: paste.records,
        truncated: paste.truncated,
    };
    caa_findings(&mut report, certs);
    service_findings(&mut report);
    tlsa_findings(&mut report, certs);
    Some(report)
}

fn caa_findings(report: &mut DnsReport, certs: &[DnsCertificate]) {
    let mut out = Vec::new();
    for c in report
        .caa
        .iter()
        .filter(|c| c.critical && !matches!(c.tag.as_str(), "issue" | "issuewild" | "iodef"))
    {
        out.push(finding("dns.caa-critical-unknown", Severity::Warning, "A critical CAA record a CA may not understand",
            format!("The record for {} has the critical flag and the tag \"{}\". A CA that does not understand a critical tag must refuse to issue for this name (RFC 8659 §4.1).", c.name, c.tag),
            format!("line {}: {} {} \"{}\"", c.line, 128, c.tag, c.value), RFC8659, "Remove the critical flag (use 0) unless every CA you use understands this tag."));
    }
    for c in report.caa.iter().filter(|c| c.tag == "iodef") {
        out.push(finding(
            "dns.caa-iodef",
            Severity::Info,
            "CAs report refused requests here",
            format!(
                "A CA that refuses a request because of CAA may report it to {} (RFC 8659 §4.4).",
                c.value
            ),
            format!("line {}: iodef \"{}\"", c.line, c.value),
            RFC8659,
            "",
        ));
    }
    let Some(leaf) = certs.iter().find(|c| !c.ca).or(certs.first()) else {
        if !report.caa.is_empty() {
            out.push(finding("dns.caa-no-certificate", Severity::Info, "Paste the certificate to check CAA against it",
                "With the certificate in the same paste, certscope says whether its CA is one the CAA records allow.",
                format!("{} CAA records", report.caa.len()), RFC8659, ""));
        }
        report.findings.extend(out);
        return;
    };
    let ca = caa::domains_of(&leaf.issuer);
    for name in &leaf.names {
        let Some(check) = caa::check(&report.caa, name, ca.map(|(_, d)| d)) else {
            continue;
        };
        let allowed = check.allowed.clone();
        report.caa_checks.push(check.clone());
        let list = allowed.as_ref().map(|l| l.join(", ")).unwrap_or_default();
        let at = if check.found_at == name.trim_start_matches("*.") {
            String::new()
        } else {
            format!(" (the records of {}, the closest name above it that has any in this paste; a CA would use records between the two first, if there are any)", check.found_at)
        };
        let evidence = format!(
            "{name}: {} {}{}",
            check.property,
            if list.is_empty() {
                "\";\"".to_owned()
            } else {
                list.clone()
            },
            at
        );
        let f = match (&allowed, check.issuer_allowed, ca) {
            (None, _, _) => finding("dns.caa-any-ca", Severity::Info, "CAA lets any CA issue for this name",
                format!("The CAA records that apply to {name}{at} have no {} property, so they restrict no CA.", check.property), evidence, RFC8659, ""),
            (Some(l), _, _) if l.is_empty() => finding("dns.caa-no-ca", Severity::Error, "CAA lets no CA issue for this name",
                format!("The {} property that applies to {name}{at} is \";\": no CA may issue a certificate for it, so this certificate cannot be renewed while the record stays.", check.property), evidence, RFC8659,
                "Add the CA you use, e.g. 0 issue \"letsencrypt.org\" (issuewild for wildcard names)."),
            (Some(_), Some(true), Some((ca_name, _))) => finding("dns.caa-allows-issuer", Severity::Info, "CAA allows this certificate's CA",
                format!("{ca_name} (CAA domain {}) is allowed for {name}{at}.", ca.map(|(_, d)| d.join(" or ")).unwrap_or_default()), evidence, RFC8659, ""),
            (Some(_), Some(false), Some((ca_name, domains))) => finding("dns.caa-forbids-issuer", Severity::Error, "CAA does not allow this certificate's CA",
                format!("The {} property for {name}{at} allows {list}, not {ca_name} (whose CAA domain is {}). CAs check CAA when they issue: this certificate stays valid, but {ca_name} must refuse to renew it.", check.property, domains.join(" or ")), evidence, RFC8659,
                "Add the CA you use to the CAA records, or switch to one they allow."),
            _ => finding("dns.caa-unknown-ca", Severity::Info, "certscope does not know this CA's CAA domain",
                format!("CAA for {name}{at} allows {list}. The issuer \"{}\" is not in certscope's table of CAA domains; its CA names its domain in its CP/CPS (section 4.2).", leaf.issuer), evidence, RFC8659, ""),
        };
        out.push(f);
    }
    report.findings.extend(out);
}

fn service_findings(report: &mut DnsReport) {
    let mut out = Vec::new();
    for s in &report.services {
        let at = format!("line {}: {} {} {}", s.line, s.kind, s.priority, s.target);
        if s.priority == 0 {
            out.push(finding("dns.https-alias", Severity::Info, "The name is an alias in HTTPS records",
                format!("Priority 0 is AliasMode: clients look up the HTTPS records of {} instead, which works at the zone apex where a CNAME cannot (RFC 9460 §2.4.2).", s.target),
                at, RFC9460, ""));
            continue;
        }
        if s.alpn.iter().any(|a| a == "h3") {
            out.push(finding("dns.https-h3", Severity::Info, "HTTP/3 is offered in DNS",
                format!("{} lists h3 in alpn, so browsers can connect over QUIC on the first visit instead of learning it from Alt-Svc later.", s.name),
                format!("{at} alpn={}", s.alpn.join(",")), RFC9460, ""));
        }
        if let Some(port) = s.port.filter(|p| *p != 443) {
            out.push(finding("dns.https-port", Severity::Info, "HTTPS on another port",
                format!("Clients that read this record connect to port {port}; others still use 443, so both must serve the site."),
                format!("{at} port={port}"), RFC9460, ""));
        }
        match &s.ech {
            Some(list)
                if list.error.is_none()
                    && list
                        .configs
                        .iter()
                        .any(|c| c.version == 0xfe0d && c.public_name.is_some()) =>
            {
                let names: Vec<String> = list
                    .configs
                    .iter()
                    .filter_map(|c| c.public_name.clone())
                    .collect();
                out.push(finding("dns.https-ech", Severity::Info, "Encrypted ClientHello is configured",
                    format!("Browsers that support ECH encrypt the real server name and send {} as the visible one; the server needs the private key of each configuration.", names.join(", ")),
                    format!("{at}; {} ECH configuration(s)", list.configs.len()), ECH, ""));
            }
            Some(list) => out.push(finding(
                "dns.https-ech-invalid",
                Severity::Warning,
                "The ECH configuration cannot be used",
                format!(
                    "{} Clients skip configurations they cannot read and connect without ECH.",
                    list.error.clone().unwrap_or_else(|| {
                        "No configuration has the version clients support (0xfe0d).".into()
                    })
                ),
                at.clone(),
                ECH,
                "Publish the ECHConfigList your TLS server prints for its keys.",
            )),
            None => {}
        }
        let addresses: Vec<&str> = report
            .records
            .iter()
            .filter(|r| {
                r.kind == "A" && (r.name == s.name || s.target.trim_end_matches('.') == r.name)
            })
            .map(|r| r.data.as_str())
            .collect();
        if !addresses.is_empty()
            && !s.ipv4hint.is_empty()
            && s.ipv4hint.iter().any(|h| !addresses.contains(&h.as_str()))
        {
            out.push(finding("dns.https-hint-mismatch", Severity::Warning, "ipv4hint does not match the A records",
                format!("The hints ({}) are not the A records in the paste ({}). Clients may connect to a hint before the A lookup returns, so a stale hint sends them to the wrong server.", s.ipv4hint.join(", "), addresses.join(", ")),
                at, RFC9460, "Keep ipv4hint equal to the A records, or leave it out."));
        }
    }
    report.findings.extend(out);
}

fn tlsa_findings(report: &mut DnsReport, certs: &[DnsCertificate]) {
    let mut out = Vec::new();
    for t in &mut report.tlsa {
        let ee = matches!(t.usage, 1 | 3);
        t.matches = certs
            .iter()
            .enumerate()
            .filter(|(i, c)| if ee { *i == 0 && !c.ca } else { c.ca })
            .find(|(_, c)| tlsa::matches(t, c))
            .map(|(_, c)| c.index);
        let evidence = format!(
            "line {}: {} {} {} {} {}",
            t.line, t.name, t.usage, t.selector, t.matching_type, t.data
        );
        if certs.is_empty() {
            out.push(finding(
                "dns.tlsa-no-certificate",
                Severity::Info,
                "Paste the chain to check TLSA against it",
                format!("{} ({})", t.meaning, t.name),
                evidence,
                RFC6698,
                "",
            ));
        } else if let Some(i) = t.matches {
            out.push(finding(
                "dns.tlsa-match",
                Severity::Info,
                "A TLSA record matches the pasted chain",
                format!(
                    "{} — it matches certificate {} of the paste.",
                    t.meaning,
                    i.saturating_add(1)
                ),
                evidence,
                RFC6698,
                "",
            ));
        } else {
            out.push(finding("dns.tlsa-no-match", Severity::Error, "No pasted certificate matches the TLSA record",
                format!("{} — none of the pasted certificates matches, so a DANE client (an SMTP server with DANE, or a browser extension) refuses the connection.", t.meaning),
                evidence, RFC6698, "Publish the record of the current certificate (for 3 1 1: openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin -outform DER | openssl dgst -sha256), keeping the old one until the rollover."));
        }
    }
    if !report.tlsa.is_empty() && report.authenticated == Some(false) {
        out.push(finding("dns.tlsa-unvalidated", Severity::Warning, "The TLSA answer was not DNSSEC-validated",
            "DANE counts only with DNSSEC: the resolver did not set the ad (authenticated data) flag, so either the zone is unsigned or the resolver does not validate. Clients ignore TLSA records they cannot validate.",
            "flags without ad", RFC6698, "Sign the zone (DNSSEC) and query a validating resolver (dig +dnssec @1.1.1.1 …)."));
    }
    report.findings.extend(out);
}
