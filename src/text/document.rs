//! The plain-text section for a document the certificates came from: SAML metadata or a
//! JWK Set.

use core::fmt::Write;

use super::finding;
use crate::Document;
#[cfg(feature = "ssh")]
use crate::SshReport;
#[cfg(feature = "documents")]
use crate::{JwkSetReport, SamlReport};

pub(super) fn section(out: &mut String, document: &Document) {
    match document {
        #[cfg(feature = "documents")]
        Document::Saml(s) => saml(out, s),
        #[cfg(feature = "documents")]
        Document::Jwks(j) => jwks(out, j),
        #[cfg(feature = "ssh")]
        Document::Ssh(s) => ssh(out, s),
    }
    for f in document.findings() {
        finding(out, f, "    ");
    }
}

#[cfg(feature = "documents")]
fn saml(out: &mut String, s: &SamlReport) {
    let _ = writeln!(out, "\nDocument: {}", s.description);
    if let Some(issuer) = &s.issuer {
        let _ = writeln!(out, "    Issuer      {issuer}");
    }
    if let Some(destination) = &s.destination {
        let _ = writeln!(out, "    Destination {destination}");
    }
    for e in &s.entities {
        let _ = writeln!(out, "    Entity      {}", e.entity_id);
        if let Some(until) = &e.valid_until {
            let _ = writeln!(out, "    Valid until {until}");
        }
        for r in &e.roles {
            let _ = writeln!(out, "    {:<11} {}", r.role, r.element);
            for p in &r.endpoints {
                let _ = writeln!(out, "        {} ({}) {}", p.service, p.binding, p.location);
            }
        }
    }
    if s.entities_skipped > 0 {
        let _ = writeln!(
            out,
            "    … and {} more entities, not read",
            s.entities_skipped
        );
    }
    for c in &s.certificates {
        let state = match c.expired {
            Some(true) => "expired",
            Some(false) => "valid",
            None => "unreadable",
        };
        let _ = writeln!(
            out,
            "    [{}] {:<24} {} (until {}, {state})",
            c.location.block,
            c.role,
            c.subject.as_deref().unwrap_or("?"),
            c.not_after.as_deref().unwrap_or("?"),
        );
    }
    if !s.certificates.is_empty() {
        let _ = writeln!(
            out,
            "    SAML trusts the key the metadata names, not a CA path: no chain verdict, and no \
             web-server rules (Baseline Requirements, hostnames), for these certificates."
        );
    }
}

#[cfg(feature = "documents")]
fn jwks(out: &mut String, j: &JwkSetReport) {
    let what = if j.set { "JWK Set" } else { "JWK" };
    let n = j.keys.len();
    let _ = writeln!(
        out,
        "\nDocument: {what}, {n} key{}",
        if n == 1 { "" } else { "s" }
    );
    for (i, k) in j.keys.iter().enumerate() {
        let _ = writeln!(out, "    Key {}     {}", i.saturating_add(1), k.description);
        if let Some(kid) = &k.kid {
            let _ = writeln!(out, "        kid        {kid}");
        }
        if let Some(t) = &k.thumbprint {
            let _ = writeln!(out, "        thumbprint {t} (RFC 7638, SHA-256)");
        }
        if !k.certificates.is_empty() {
            let blocks: Vec<String> = k.certificates.iter().map(|b| format!("[{b}]")).collect();
            let matches = match k.x5c_matches_key {
                Some(true) => "holds this key",
                Some(false) => "holds ANOTHER key",
                None => "key not compared",
            };
            let _ = writeln!(
                out,
                "        x5c        {} (first {matches})",
                blocks.join(" ")
            );
        }
        for (name, check) in [("x5t", &k.x5t), ("x5t#S256", &k.x5t_s256)] {
            if let Some(c) = check {
                let verdict = match c.matches {
                    Some(true) => "matches",
                    Some(false) => "does NOT match",
                    None => "no x5c to check",
                };
                let _ = writeln!(out, "        {name:<10} {} ({verdict})", c.value);
            }
        }
        if !k.private_members.is_empty() {
            let _ = writeln!(
                out,
                "        private    {} (not shown)",
                k.private_members.join(", ")
            );
        }
    }
    if j.keys_skipped > 0 {
        let _ = writeln!(out, "    … and {} more keys, not read", j.keys_skipped);
    }
}

#[cfg(feature = "ssh")]
fn ssh(out: &mut String, s: &SshReport) {
    let n = s.keys.len();
    let _ = writeln!(
        out,
        "\nDocument: OpenSSH, {n} key{}",
        if n == 1 { "" } else { "s" }
    );
    for (i, k) in s.keys.iter().enumerate() {
        let what = if k.certificate.is_some() {
            "certificate"
        } else {
            "public key"
        };
        let _ = writeln!(
            out,
            "    Key {}     {} {what}, {} {}",
            i.saturating_add(1),
            k.key,
            k.fingerprint,
            k.comment
        );
        let Some(c) = &k.certificate else { continue };
        let _ = writeln!(
            out,
            "        type       {} certificate ({})",
            c.cert_type, k.algorithm
        );
        let _ = writeln!(out, "        key id     \"{}\"", c.key_id);
        let _ = writeln!(out, "        serial     {}", c.serial);
        let valid = format!(
            "from {} to {}",
            c.valid_after.as_deref().unwrap_or("always"),
            c.valid_before.as_deref().unwrap_or("forever")
        );
        let _ = writeln!(out, "        valid      {valid} ({})", c.state);
        let principals = if c.principal_count == 0 {
            "(any)".to_owned()
        } else {
            c.principals.join(", ")
        };
        let _ = writeln!(out, "        principals {principals}");
        for o in &c.critical_options {
            let _ = writeln!(out, "        option     {} {}", o.name, o.value);
        }
        let _ = writeln!(out, "        extensions {}", c.extensions.join(", "));
        let verdict = match c.signature_valid {
            Some(true) => "signature valid",
            Some(false) => "signature DOES NOT MATCH",
            None => "signature not checked",
        };
        let _ = writeln!(
            out,
            "        signed by  {} {} ({}; {verdict})",
            c.signing_ca.key, c.signing_ca.fingerprint, c.signing_ca.signature_algorithm
        );
    }
}
