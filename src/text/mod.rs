//! A plain-text rendering of a [`Report`] for terminals (the CLI's default output).

use core::fmt::Write;

#[cfg(feature = "capture")]
mod capture;
#[cfg(feature = "ct")]
mod ct;
#[cfg(feature = "dns")]
mod dns;
#[cfg(any(feature = "documents", feature = "ssh"))]
mod document;
#[cfg(feature = "ocsp")]
mod ocsp;
#[cfg(feature = "policy")]
mod policy;

use crate::cert::{CertificateReport, ExtensionValue, GeneralNameReport};
use crate::{Finding, Report, Severity};

fn has_dns(report: &Report) -> bool {
    #[cfg(feature = "dns")]
    return !report.dns.is_empty();
    #[cfg(not(feature = "dns"))]
    return report.pending.contains(&crate::Capability::Dns);
}

/// Renders `report` as readable text, one section per certificate.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let n = report.certificates.len();
    if n == 0 && !report.http.is_empty() {
        let _ = writeln!(out, "HTTP responses, evaluated at {}", report.evaluated_at);
    } else if n == 0 && has_dns(report) {
        let _ = writeln!(out, "DNS answers, evaluated at {}", report.evaluated_at);
    } else {
        let _ = writeln!(
            out,
            "{} certificate{}, evaluated at {}",
            n,
            if n == 1 { "" } else { "s" },
            report.evaluated_at
        );
    }
    for f in &report.findings {
        finding(&mut out, f, "");
    }
    #[cfg(any(feature = "documents", feature = "ssh"))]
    if let Some(d) = &report.document {
        document::section(&mut out, d);
    }
    #[cfg(feature = "capture")]
    for c in &report.captures {
        capture::section(&mut out, c);
    }
    for c in &report.connections {
        connection(&mut out, c);
    }
    for site in &report.http {
        http_section(&mut out, site);
    }
    #[cfg(feature = "dns")]
    for d in &report.dns {
        dns::section(&mut out, d);
    }
    for chain in &report.chains {
        chain_section(&mut out, report, chain);
    }
    for (i, cert) in report.certificates.iter().enumerate() {
        certificate(&mut out, i.saturating_add(1), cert);
    }
    for (i, r) in report.requests.iter().enumerate() {
        request(&mut out, i.saturating_add(1), r);
    }
    for (i, c) in report.crls.iter().enumerate() {
        crl(&mut out, i.saturating_add(1), c);
    }
    #[cfg(feature = "ocsp")]
    for (i, o) in report.ocsp.iter().enumerate() {
        ocsp::section(&mut out, i.saturating_add(1), o);
    }
    #[cfg(feature = "ocsp")]
    for (i, q) in report.ocsp_requests.iter().enumerate() {
        ocsp::request(&mut out, i.saturating_add(1), q);
    }
    for k in &report.keys {
        let matches: Vec<String> = k
            .matches_certificates
            .iter()
            .map(|i| format!("certificate [{}]", i.saturating_add(1)))
            .chain(
                k.matches_requests
                    .iter()
                    .map(|i| format!("request [{}]", i.saturating_add(1))),
            )
            .collect();
        let _ = writeln!(
            out,
            "\n{} ({}) at {}: {}; {}",
            if k.private {
                "Private key"
            } else {
                "Public key"
            },
            k.format,
            k.location,
            k.public_key
                .as_deref()
                .or(k.encryption.as_deref())
                .unwrap_or("public key not derived"),
            if matches.is_empty() {
                "matches nothing pasted".to_owned()
            } else {
                format!("key of {}", matches.join(", "))
            }
        );
        if let Some(pin) = k.spki_sha256.as_deref().filter(|_| !k.private) {
            let _ = writeln!(out, "    SPKI pin    pin-sha256=\"{pin}\"");
        }
    }
    if !report.errors.is_empty() {
        let _ = writeln!(out, "\nCould not read:");
        for p in &report.errors {
            let _ = writeln!(out, "  {}: {}", p.location, p.message);
        }
    }
    // Certificate fields may hold terminal escapes or bidi controls: never print them raw.
    crate::deceptive::escape(&out)
}

fn chain_section(out: &mut String, report: &Report, chain: &crate::ChainReport) {
    let leaf = report
        .certificates
        .get(chain.leaf)
        .map(|c| c.subject.display.as_str())
        .unwrap_or("?");
    let _ = writeln!(out, "\nChain for [{}] {leaf}", chain.leaf.saturating_add(1));
    let rfc5280 = chain.rfc5280.as_ref().map(|v| ("RFC 5280", v));
    for (label, v) in [("Browser", &chain.browser), ("Strict", &chain.strict)]
        .into_iter()
        .chain(rfc5280)
    {
        let mark = if v.trusted { "OK " } else { "NO " };
        let _ = writeln!(out, "    {label:<9}{mark} {}", v.summary);
    }
    #[cfg(feature = "policy")]
    if let Some(p) = chain.rfc5280.as_ref().and_then(|v| v.policy.as_ref()) {
        policy::section(out, p);
    }
    let path: Vec<String> = chain
        .browser
        .path
        .iter()
        .map(|l| match l.certificate {
            Some(i) => format!("[{}] {}", i.saturating_add(1), l.name),
            None => format!("{} (trust store)", l.name),
        })
        .collect();
    if !path.is_empty() {
        let _ = writeln!(out, "    {:<12}{}", "Path", path.join(" → "));
    }
    #[cfg(feature = "ct")]
    if let Some(ct) = &chain.ct {
        ct::section(out, ct);
    }
    for f in &chain.findings {
        finding(out, f, "    ");
    }
    #[cfg(feature = "verify")]
    if let Some(fix) = &chain.fix {
        if let Some(m) = &fix.missing {
            let from = m.url.as_deref().unwrap_or("your CA");
            let _ = writeln!(
                out,
                "    {:<12}{} is not in the input: get it from {from} (`certscope fix` gives the commands)",
                "Missing", m.issuer
            );
        } else if !fix.changes.is_empty() {
            let _ = writeln!(
                out,
                "    {:<12}{} (`certscope fix --out DIR` writes fullchain.pem and chain.pem)",
                "Fix",
                fix.changes.join("; ")
            );
        }
    }
}

fn http_section(out: &mut String, site: &crate::HttpReport) {
    let _ = writeln!(
        out,
        "\nHTTPS configuration{}",
        site.url
            .as_deref()
            .map(|u| format!(" of {u}"))
            .unwrap_or_default()
    );
    for r in &site.responses {
        let status = r
            .status
            .map_or_else(|| "(no status line)".to_owned(), |s| s.to_string());
        let url = r.url.as_deref().unwrap_or("(URL not in the paste)");
        let method = r
            .recorded
            .as_ref()
            .map_or_else(String::new, |x| format!("{} ", x.method));
        let _ = writeln!(out, "    line {:<5} {status} {method}{url}", r.line);
        let _ = writeln!(out, "               {}", r.meaning);
        if let Some(tls) = r.recorded.as_ref().and_then(|x| x.tls.as_ref()) {
            let _ = writeln!(out, "               {}", recorded_tls(tls));
        }
    }
    for r in &site.subresources {
        let status = r.status.map_or_else(|| "—".to_owned(), |s| s.to_string());
        let (method, kind) = r.recorded.as_ref().map_or(("", ""), |x| {
            (x.method.as_str(), x.resource_type.as_deref().unwrap_or(""))
        });
        let _ = writeln!(
            out,
            "    also  {status:<4} {method} {kind:<10} {}",
            r.url.as_deref().unwrap_or("")
        );
    }
    let o = &site.observatory;
    let _ = writeln!(
        out,
        "    Observatory  {} ({}), certscope grade {} ({})",
        o.grade, o.score, site.grade.grade, site.grade.score
    );
    for t in &o.tests {
        let judged = if t.judged { "" } else { "  [not judged]" };
        let _ = writeln!(
            out,
            "      {:<32}{:<64}{:>4}{judged}",
            t.test, t.result, t.modifier
        );
    }
    for d in &site.grade.deductions {
        let _ = writeln!(
            out,
            "      certscope -{:<3}{} [{}]",
            d.points, d.reason, d.id
        );
    }
    if let Some(h) = &site.hsts {
        let codes: Vec<&str> = h.preload_issues.iter().map(|i| i.code).collect();
        let _ = writeln!(
            out,
            "    HSTS         {}  preload: {}",
            h.value,
            if codes.is_empty() {
                "eligible".to_owned()
            } else {
                codes.join(", ")
            }
        );
    }
    for note in &site.notes {
        let _ = writeln!(out, "    Note         {note}");
    }
    let _ = writeln!(out, "    Strict CSP   {}", site.recommended_csp);
    for f in &site.findings {
        finding(out, f, "    ");
    }
}

/// "TLS 1.3, X25519MLKEM768, AES_128_GCM; certificate certscope.test from certscope.test, valid
/// to 2027-01-01T00:00:00Z" as the browser recorded it.
fn recorded_tls(t: &crate::RecordedTls) -> String {
    let mut parts: Vec<&str> = vec![t.protocol.as_str()];
    parts.extend(t.key_exchange.as_deref());
    parts.extend(t.cipher.as_deref());
    let mut line = parts.join(", ");
    if let Some(subject) = &t.subject {
        let _ = write!(line, "; certificate {subject}");
        if let Some(issuer) = &t.issuer {
            let _ = write!(line, " from {issuer}");
        }
        if let Some(to) = &t.valid_to {
            let _ = write!(line, ", valid to {to}");
        }
    }
    line
}

fn connection(out: &mut String, c: &crate::ConnectionReport) {
    let _ = writeln!(
        out,
        "\nTLS connection ({}) to {}{}",
        c.tool,
        c.host.as_deref().unwrap_or("(host not shown)"),
        c.port.map(|p| format!(":{p}")).unwrap_or_default()
    );
    let mut row = |label: &str, value: Option<String>| {
        if let Some(v) = value {
            let _ = writeln!(out, "    {label:<14}{v}");
        }
    };
    row("Protocol", c.protocol.clone());
    row(
        "Cipher",
        c.cipher.clone().map(|name| match &c.cipher_info {
            Some(i) => format!(
                "{name} ({} key exchange, {} authentication, {}{})",
                i.key_exchange,
                i.authentication,
                i.encryption,
                if i.forward_secrecy {
                    ", forward secret"
                } else {
                    ", no forward secrecy"
                }
            ),
            None => name,
        }),
    );
    row(
        "Group",
        c.group.clone().map(|g| {
            if c.post_quantum {
                format!("{g} (post-quantum hybrid)")
            } else {
                g
            }
        }),
    );
    row("Quantum-safe?", Some(c.quantum.summary.clone()));
    row("Signature", c.peer_signature.clone());
    row("ALPN", c.alpn.clone());
    row("OCSP", c.ocsp.clone());
    row(
        "Verify",
        c.verify.as_ref().map(|v| {
            format!(
                "{}{} — {}",
                v.code.map(|n| format!("{n} ")).unwrap_or_default(),
                v.text,
                v.meaning
            )
        }),
    );
    for l in &c.chain {
        let _ = writeln!(
            out,
            "    depth {}    {} (issuer {}){}",
            l.depth,
            l.subject,
            l.issuer,
            l.certificate
                .map(|i| format!(" = [{}]", i.saturating_add(1)))
                .unwrap_or_default()
        );
    }
    for (i, step) in c.steps.iter().enumerate() {
        let _ = writeln!(out, "    {}. {step}", i.saturating_add(1));
    }
    for f in &c.findings {
        finding(out, f, "    ");
    }
}

fn request(out: &mut String, number: usize, r: &crate::CsrReport) {
    let _ = writeln!(out, "\nSigning request [{number}] {}", r.subject.display);
    let mut row = |label: &str, value: &str| {
        let _ = writeln!(out, "    {label:<12}{value}");
    };
    if !r.names.is_empty() {
        row("Names", &r.names.join(", "));
    }
    row("Key", &r.public_key.description);
    row(
        "Signature",
        &format!(
            "{} ({})",
            r.signature_algorithm.name,
            if r.signature_valid {
                "verifies"
            } else {
                "does not verify"
            }
        ),
    );
    row("SPKI pin", &format!("pin-sha256=\"{}\"", r.spki_sha256));
    row("Location", &r.location.to_string());
    for e in &r.extensions {
        let _ = writeln!(
            out,
            "      {}{}: {}",
            e.name,
            if e.critical { " [critical]" } else { "" },
            summary(&e.value)
        );
    }
    for f in &r.findings {
        finding(out, f, "    ");
    }
}

fn crl(out: &mut String, number: usize, c: &crate::CrlReport) {
    let _ = writeln!(out, "\nCRL [{number}] from {}", c.issuer.display);
    let _ = writeln!(
        out,
        "    {:<12}{} → {}",
        "Updates",
        c.this_update,
        c.next_update.as_deref().unwrap_or("(no nextUpdate)")
    );
    let _ = writeln!(
        out,
        "    {:<12}{} certificate(s)",
        "Revokes", c.revoked_count
    );
    for e in c.revoked.iter().take(20) {
        let _ = writeln!(
            out,
            "      {} at {}{}",
            e.serial,
            e.date,
            e.reason.map(|r| format!(" ({r})")).unwrap_or_default()
        );
    }
    for f in &c.findings {
        finding(out, f, "    ");
    }
}

fn role(cert: &CertificateReport) -> &'static str {
    match (cert.role, cert.self_signed) {
        (crate::Role::Root, _) => "root CA",
        (crate::Role::Intermediate, _) => "intermediate CA",
        (crate::Role::Leaf, true) => "self-signed leaf",
        (crate::Role::Leaf, false) => "leaf",
    }
}

fn certificate(out: &mut String, number: usize, c: &CertificateReport) {
    let v = &c.validity;
    let _ = writeln!(out, "\n[{number}] {}  ({})", c.subject.display, role(c));
    let mut row = |label: &str, value: &str| {
        let _ = writeln!(out, "    {label:<12}{value}");
    };
    row("Issuer", &c.issuer.display);
    row(
        "Validity",
        &format!(
            "{} → {} ({} days): {}",
            v.not_before, v.not_after, v.lifetime_days, v.summary
        ),
    );
    if !c.names.is_empty() {
        row("Names", &c.names.join(", "));
    }
    row("Key", &c.public_key.description);
    row("Signature", &c.signature_algorithm.name);
    if let Some(alt) = &c.alt_signature {
        row("Alt. sig.", &format!("{}: {}", alt.algorithm, alt.detail));
    }
    row("Serial", &c.serial);
    row("SHA-256", &c.fingerprints.sha256);
    row("SHA-1", &c.fingerprints.sha1);
    row(
        "SPKI pin",
        &format!("pin-sha256=\"{}\"", c.fingerprints.spki_sha256),
    );
    row("Location", &c.location.to_string());
    if !c.profiles.is_empty() {
        let judged: Vec<&str> = c.profiles.iter().map(|p| p.label()).collect();
        row("Judged by", &judged.join(", "));
    }
    if !c.extensions.is_empty() {
        let _ = writeln!(out, "    Extensions");
        for e in &c.extensions {
            let critical = if e.critical { " [critical]" } else { "" };
            let _ = writeln!(out, "      {}{critical}: {}", e.name, summary(&e.value));
        }
    }
    for f in &c.findings {
        finding(out, f, "    ");
    }
}

fn finding(out: &mut String, f: &Finding, indent: &str) {
    let mark = match f.severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARN ",
        Severity::Info => "INFO ",
    };
    let _ = writeln!(out, "{indent}{mark} {} [{}]", f.title, f.id);
    let _ = writeln!(out, "{indent}      {}", f.explanation);
    if let Some(fix) = &f.fix {
        let _ = writeln!(out, "{indent}      Fix: {fix}");
    }
    if let Some(s) = &f.snippets {
        if let Some(h) = &s.header {
            let _ = writeln!(out, "{indent}        header  {h}");
        }
        let _ = writeln!(out, "{indent}        nginx   {}", s.nginx);
        let _ = writeln!(out, "{indent}        Apache  {}", s.apache);
        let _ = writeln!(out, "{indent}        Caddy   {}", s.caddy);
    }
    if let Some(c) = &f.csp_evaluator {
        // Whose rule it is, as the page says it (dom.js `CSP_SOURCES`).
        let whose = match c.source {
            "evaluator-strict" => "CSP Evaluator, strict CSP",
            "evaluator-reporting" => "CSP Evaluator, reporting (Lighthouse)",
            "certscope" => "certscope's own, in the Evaluator's terms",
            _ => "CSP Evaluator",
        };
        let _ = writeln!(out, "{indent}      {whose}: {} ({})", c.kind, c.severity);
    }
    if let Some(z) = f.zlint {
        let _ = writeln!(out, "{indent}      zlint: {z}");
    }
    if let Some(p) = f.pkilint {
        let _ = writeln!(out, "{indent}      pkilint: {p}");
    }
    if let Some(o) = f.observatory {
        let _ = writeln!(out, "{indent}      Observatory: {o}");
    }
    if !f.hsts_preload.is_empty() {
        let _ = writeln!(
            out,
            "{indent}      Preload list: {}",
            f.hsts_preload.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "{indent}      See {} {}",
        f.reference.label, f.reference.url
    );
}

fn names(list: &[GeneralNameReport]) -> String {
    list.iter()
        .map(|n| match &n.unicode {
            Some(u) => format!("{}:{} ({u})", n.kind, n.value),
            None => format!("{}:{}", n.kind, n.value),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line for an extension value.
pub(crate) fn summary(value: &ExtensionValue) -> String {
    match value {
        ExtensionValue::SubjectAltName { names: n } | ExtensionValue::IssuerAltName { names: n } => names(n),
        ExtensionValue::KeyUsage { usages } => usages.join(", "),
        ExtensionValue::ExtendedKeyUsage { purposes } => purposes
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        ExtensionValue::BasicConstraints { ca, path_len } => match (ca, path_len) {
            (true, Some(n)) => format!("CA, path length ≤ {n}"),
            (true, None) => "CA, no path length limit".into(),
            (false, _) => "not a CA".into(),
        },
        ExtensionValue::SubjectKeyIdentifier { key_id } => key_id.clone(),
        ExtensionValue::AuthorityKeyIdentifier { key_id, issuer, serial } => {
            let mut parts = Vec::new();
            if let Some(k) = key_id {
                parts.push(format!("key id {k}"));
            }
            if !issuer.is_empty() {
                parts.push(format!("issuer {}", names(issuer)));
            }
            if let Some(s) = serial {
                parts.push(format!("serial {s}"));
            }
            parts.join("; ")
        }
        ExtensionValue::InfoAccess { entries } => entries
            .iter()
            .map(|e| format!("{} {}", e.method, e.location.value))
            .collect::<Vec<_>>()
            .join(", "),
        ExtensionValue::CrlDistributionPoints { points } => names(points),
        ExtensionValue::CertificatePolicies { policies } => policies
            .iter()
            .map(|p| match &p.name {
                Some(n) => format!("{n} ({})", p.oid),
                None => p.oid.clone(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        ExtensionValue::NameConstraints { permitted, excluded } => {
            format!("permitted: {}; excluded: {}", names(permitted), names(excluded))
        }
        ExtensionValue::PolicyConstraints {
            require_explicit_policy,
            inhibit_policy_mapping,
        } => format!(
            "requireExplicitPolicy {require_explicit_policy:?}, inhibitPolicyMapping {inhibit_policy_mapping:?}"
        ),
        ExtensionValue::InhibitAnyPolicy { skip_certs } => format!("skip {skip_certs}"),
        ExtensionValue::PolicyMappings { mappings } => mappings.join(", "),
        ExtensionValue::AltPublicKey { key } => key.description.clone(),
        ExtensionValue::AltSignatureAlgorithm { algorithm } => algorithm.name.clone(),
        ExtensionValue::AltSignatureValue { bytes } => format!("{bytes} bytes"),
        ExtensionValue::SignedCertificateTimestamps { scts } => scts
            .iter()
            .map(|s| format!("log {} at {}", s.log_id, s.timestamp))
            .collect::<Vec<_>>()
            .join("; "),
        ExtensionValue::PrecertificatePoison => "precertificate (not usable for TLS)".into(),
        ExtensionValue::TlsFeature { features } => features.join(", "),
        ExtensionValue::Unknown { hex } => hex.clone(),
        ExtensionValue::Invalid { error, .. } => format!("cannot be decoded: {error}"),
    }
}
