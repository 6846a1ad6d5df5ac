//! OCSP responses as text: each certificate's status and freshness, the responder and its
//! signature, then the findings.

use core::fmt::Write;

use super::finding;

pub(super) fn section(out: &mut String, number: usize, o: &crate::OcspReport) {
    let _ = writeln!(
        out,
        "\nOCSP response [{number}] at {}: {}",
        o.location, o.response_status
    );
    let mut row = |label: &str, value: &str| {
        let _ = writeln!(out, "    {label:<12}{value}");
    };
    if let Some(at) = &o.produced_at {
        row("Produced", at);
    }
    if let Some(r) = &o.responder {
        let named = r
            .name
            .clone()
            .or_else(|| r.key_hash.as_ref().map(|h| format!("key hash {h}")));
        row("Responder", named.as_deref().unwrap_or("?"));
    }
    if let Some(s) = o.signature.as_ref().filter(|s| s.verdict == "unchecked") {
        let why = s.detail.as_deref().unwrap_or("no verifier in this build");
        row(
            "Signature",
            &format!("{}: not checked ({why})", s.algorithm),
        );
    } else if let Some(s) = &o.signature {
        row(
            "Signature",
            &format!(
                "{}: {}, signer authority {}{}",
                s.algorithm,
                s.verdict,
                s.authority,
                if s.no_check { " (ocsp-nocheck)" } else { "" }
            ),
        );
    }
    if let Some(n) = &o.nonce {
        row("Nonce", n);
    }
    for s in &o.responses {
        let which = match (s.certificate, &s.subject) {
            (Some(i), Some(subject)) => format!("certificate [{}] {subject}", i.saturating_add(1)),
            _ => format!("serial {}", s.serial),
        };
        let revoked = s
            .revoked_at
            .as_ref()
            .map(|at| {
                format!(
                    " on {at}{}",
                    s.reason.map(|r| format!(" ({r})")).unwrap_or_default()
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {which}: {}{revoked}; {} → {} ({})",
            s.status,
            s.this_update,
            s.next_update.as_deref().unwrap_or("no nextUpdate"),
            s.freshness
        );
    }
    for f in &o.findings {
        finding(out, f, "    ");
    }
}

pub(super) fn request(out: &mut String, number: usize, q: &crate::OcspRequestReport) {
    let _ = writeln!(
        out,
        "\nOCSP request [{number}] at {}: {} certificate(s){}{}",
        q.location,
        q.certificates.len(),
        if q.signed { ", signed" } else { "" },
        q.requestor
            .as_ref()
            .map(|r| format!(" by {r}"))
            .unwrap_or_default()
    );
    for c in &q.certificates {
        let _ = match (c.certificate, &c.subject) {
            (Some(i), Some(subject)) => {
                writeln!(out, "    certificate [{}] {subject}", i.saturating_add(1))
            }
            _ => writeln!(out, "    serial {} ({} CertID)", c.serial, c.hash_algorithm),
        };
    }
    if let Some(n) = &q.nonce {
        let _ = writeln!(out, "    {:<12}{n}", "Nonce");
    }
}
