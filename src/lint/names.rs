//! Names a server certificate must carry: a subjectAltName, with the common name among them.

use super::{finding, references as refs};
use crate::cert::{CertificateReport, ExtensionValue, Role};
use crate::{Finding, Severity};

pub(super) fn check(cert: &CertificateReport, out: &mut Vec<Finding>) {
    deceptive(cert, out);
    if cert.role != Role::Leaf {
        return;
    }
    let san = cert.extension(|v| matches!(v, ExtensionValue::SubjectAltName { .. }));
    let cn = cert.subject.common_name.as_deref();
    if san.is_none() {
        out.push(finding(
            "cert.no-san",
            Severity::Error,
            "No Subject Alternative Name",
            "Browsers only look at the Subject Alternative Name extension to decide which \
             hostnames a certificate is for; the common name in the subject is ignored \
             (Chrome since version 58). Without it, this certificate is valid for no hostname \
             and every browser will reject it with a name mismatch error.",
            match cn {
                Some(cn) => format!("subject CN={cn}, no subjectAltName extension"),
                None => "no subjectAltName extension".into(),
            },
            refs::BR_SAN,
            "Re-issue the certificate with every hostname listed as a DNS name in the \
             subjectAltName (with openssl: -addext \"subjectAltName=DNS:example.com\").",
        ));
        return;
    }
    if let Some(cn) = cn {
        let listed = cert.names.iter().any(|n| n.eq_ignore_ascii_case(cn));
        if !listed {
            out.push(finding(
                "cert.cn-not-in-san",
                Severity::Warning,
                "Common name is not among the Subject Alternative Names",
                format!(
                    "The subject's common name \"{cn}\" is not listed in the subjectAltName \
                     extension. Browsers ignore the common name, so the certificate is not \
                     valid for \"{cn}\" unless it is listed there; the Baseline Requirements \
                     require the common name to repeat one of the SAN entries."
                ),
                format!("CN={cn}; SANs: {}", cert.names.join(", ")),
                refs::BR_CN,
                "Re-issue with the common name also listed as a subjectAltName entry, or \
                 leave the common name out.",
            ));
        }
    }
    for name in cert.names.iter().filter(|n| n.matches('*').count() > 0) {
        let leftmost_only = name.starts_with("*.") && name.matches('*').count() == 1;
        if !leftmost_only {
            out.push(finding(
                "cert.bad-wildcard",
                Severity::Error,
                "Wildcard not in the leftmost label",
                format!(
                    "\"{name}\" puts a wildcard somewhere browsers do not accept: only a \
                     whole leftmost label may be \"*\" (as in *.example.com)."
                ),
                name.clone(),
                refs::RFC6125_NAMES,
                "Use a wildcard only as the whole leftmost label, or list names explicitly.",
            ));
        }
    }
}

/// Names that could mislead a reader: hidden characters, or look-alike letters.
fn deceptive(cert: &CertificateReport, out: &mut Vec<Finding>) {
    let mut values: Vec<(&str, String)> = Vec::new();
    for (who, name) in [("subject", &cert.subject), ("issuer", &cert.issuer)] {
        for a in &name.attributes {
            values.push((who, format!("{}={}", a.short, a.value)));
        }
    }
    for ext in &cert.extensions {
        if let ExtensionValue::SubjectAltName { names } = &ext.value {
            for n in names {
                values.push(("subjectAltName", format!("{}:{}", n.kind, n.value)));
                if let Some(u) = &n.unicode {
                    values.push(("subjectAltName (IDN)", format!("{}:{u}", n.kind)));
                }
            }
        }
    }
    let hidden: Vec<String> = values
        .iter()
        .filter(|(_, v)| !crate::deceptive::hidden_codes(v).is_empty())
        .map(|(w, v)| {
            format!(
                "{w} {} contains {}",
                crate::deceptive::escape(v),
                crate::deceptive::hidden_codes(v).join(", ")
            )
        })
        .collect();
    if !hidden.is_empty() {
        out.push(finding(
            "cert.deceptive-characters",
            Severity::Warning,
            "Names contain invisible or control characters",
            "Some names in this certificate contain characters that are invisible, reverse the \
             direction of the text around them, or control a terminal. They can make a name look \
             like another one (\"moc.elgoog\" shown as \"google.com\"). certscope shows them as \
             <U+XXXX> codes instead of letting them act. Legitimate certificates do not need them.",
            hidden.join("; "),
            refs::UTR36,
            "Treat the certificate with suspicion; a CA should never have issued these names.",
        ));
    }
    let lookalike: Vec<String> = values
        .iter()
        .filter(|(_, v)| crate::deceptive::confusable(v))
        .map(|(w, v)| format!("{w} {v}"))
        .collect();
    if !lookalike.is_empty() {
        out.push(finding(
            "cert.confusable-name",
            Severity::Warning,
            "A name mixes Latin with look-alike letters",
            "A name mixes Latin letters with letters from another script (Cyrillic, Greek or \
             Armenian) that look the same, as in \"pаypal.com\" written with a Cyrillic \"а\". Such \
             names are a classic way to impersonate a well-known site.",
            lookalike.join("; "),
            refs::UTR36,
            "Check the name character by character (the A-label form, xn--…, shows the difference).",
        ));
    }
}
