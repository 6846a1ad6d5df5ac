//! The TLS connection a transcript shows, explained: the port, the protocol version
//! ([RFC 8446] TLS 1.3, [RFC 5246] TLS 1.2, [RFC 8996] for 1.0/1.1), the cipher suite and
//! whether its key exchange gives forward secrecy, the group (including hybrid post-quantum
//! ones), ALPN, OCSP stapling, the verify result, and the handshake step by step with the
//! values seen. Also compares the chain the server sent with the certificates' own names.
//!
//! [RFC 8446]: https://www.rfc-editor.org/rfc/rfc8446
//! [RFC 5246]: https://www.rfc-editor.org/rfc/rfc5246
//! [RFC 8996]: https://www.rfc-editor.org/rfc/rfc8996

use serde::Serialize;

use crate::input::transcript::Transcript;
use crate::lint::finding;
use crate::{CertificateReport, Finding, Reference, Severity};

const RFC8446: Reference = Reference {
    label: "RFC 8446 (TLS 1.3)",
    url: "https://www.rfc-editor.org/rfc/rfc8446",
};
const RFC8996: Reference = Reference {
    label: "RFC 8996 (TLS 1.0/1.1 deprecated)",
    url: "https://www.rfc-editor.org/rfc/rfc8996",
};
const RFC9325: Reference = Reference {
    label: "RFC 9325 (TLS recommendations)",
    url: "https://www.rfc-editor.org/rfc/rfc9325#section-4.2",
};
const RFC6066: Reference = Reference {
    label: "RFC 6066 §8 (OCSP stapling)",
    url: "https://www.rfc-editor.org/rfc/rfc6066#section-8",
};
const RFC7301: Reference = Reference {
    label: "RFC 7301 (ALPN)",
    url: "https://www.rfc-editor.org/rfc/rfc7301",
};
const OPENSSL_VERIFY: Reference = Reference {
    label: "openssl-verify(1) diagnostics",
    url: "https://docs.openssl.org/master/man1/openssl-verify/#diagnostics",
};

/// What the cipher suite is made of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CipherInfo {
    /// How the session key is agreed: "ECDHE", "DHE", "RSA" (no forward secrecy), or "(TLS 1.3: chosen separately)".
    pub key_exchange: String,
    /// How the server proves its identity: "RSA", "ECDSA", or "(certificate)" in TLS 1.3.
    pub authentication: String,
    /// The bulk cipher, e.g. "AES-256-GCM".
    pub encryption: String,
    /// Authenticated encryption (GCM, CCM, ChaCha20-Poly1305) rather than CBC + HMAC.
    pub aead: bool,
    /// A stolen server key does not decrypt recorded sessions.
    pub forward_secrecy: bool,
}

/// One chain line of `s_client -showcerts`, matched to a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChainLineReport {
    /// 0 for the server's own certificate.
    pub depth: usize,
    /// `s:` as OpenSSL printed it.
    pub subject: String,
    /// `i:` as OpenSSL printed it.
    pub issuer: String,
    /// Index into `Report.certificates` of the certificate with that subject and issuer.
    pub certificate: Option<usize>,
}

/// The verify result, with its meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyResult {
    /// OpenSSL's code (0 is success), when shown.
    pub code: Option<i64>,
    /// The tool's text.
    pub text: String,
    /// Whether verification succeeded.
    pub ok: bool,
    /// What it means and what usually causes it.
    pub meaning: String,
}

/// A TLS connection read from a transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    /// "openssl s_client" or "curl".
    pub tool: &'static str,
    /// 1-based line where the transcript starts.
    pub line: usize,
    /// Host connected to (or SNI name), port and IP address, when shown.
    pub host: Option<String>,
    /// See `host`.
    pub port: Option<u16>,
    /// See `host`.
    pub ip: Option<String>,
    /// "TLSv1.3", "TLSv1.2"…
    pub protocol: Option<String>,
    /// The cipher suite as named by the tool.
    pub cipher: Option<String>,
    /// The suite's parts, when certscope knows it.
    pub cipher_info: Option<CipherInfo>,
    /// Key-exchange group: "X25519", "P-256", "X25519MLKEM768"…
    pub group: Option<String>,
    /// Whether the group includes a post-quantum KEM (ML-KEM).
    pub post_quantum: bool,
    /// Quantum-safe? The key exchange and the certificate signature, judged apart.
    pub quantum: crate::quantum::QuantumReport,
    /// The server's handshake signature: type and digest.
    pub peer_signature: Option<String>,
    /// The application protocol agreed by ALPN ("h2", "http/1.1"), if any.
    pub alpn: Option<String>,
    /// OCSP stapling: `None` when not asked (`s_client` without `-status`), else what was sent.
    pub ocsp: Option<String>,
    /// The verify result.
    pub verify: Option<VerifyResult>,
    /// The chain as the server sent it (`s_client -showcerts`).
    pub chain: Vec<ChainLineReport>,
    /// curl's summary of the server certificate (subject, dates, issuer…).
    pub server_certificate: Vec<(String, String)>,
    /// The handshake, step by step, with the values seen.
    pub steps: Vec<String>,
    /// What is good, weak or broken about the connection.
    pub findings: Vec<Finding>,
}

/// The parts of a suite, from its OpenSSL or IANA name.
pub(crate) fn cipher_info(name: &str) -> Option<CipherInfo> {
    let n = name.to_ascii_uppercase().replace('_', "-");
    let tls13 = n.starts_with("TLS-AES") || n.starts_with("TLS-CHACHA20");
    let encryption = if n.contains("CHACHA20") {
        "ChaCha20-Poly1305"
    } else if n.contains("AES-256-GCM")
        || n.contains("AES256-GCM")
        || n.contains("WITH-AES-256-GCM")
    {
        "AES-256-GCM"
    } else if n.contains("AES-128-GCM")
        || n.contains("AES128-GCM")
        || n.contains("WITH-AES-128-GCM")
    {
        "AES-128-GCM"
    } else if n.contains("AES-128-CCM") || n.contains("AES128-CCM") {
        "AES-128-CCM"
    } else if n.contains("AES256") || n.contains("AES-256") {
        "AES-256-CBC"
    } else if n.contains("AES128") || n.contains("AES-128") {
        "AES-128-CBC"
    } else if n.contains("3DES") || n.contains("DES-CBC3") {
        "3DES-CBC"
    } else if n.contains("RC4") {
        "RC4"
    } else {
        return None;
    };
    if tls13 {
        return Some(CipherInfo {
            key_exchange: "(TLS 1.3: ECDHE or hybrid, chosen separately)".into(),
            authentication: "(the certificate's key)".into(),
            encryption: encryption.into(),
            aead: true,
            forward_secrecy: true,
        });
    }
    let key_exchange = if n.contains("ECDHE") {
        "ECDHE"
    } else if n.contains("DHE") || n.starts_with("EDH") {
        "DHE"
    } else {
        "RSA"
    };
    let authentication = if n.contains("ECDSA") { "ECDSA" } else { "RSA" };
    Some(CipherInfo {
        key_exchange: key_exchange.into(),
        authentication: authentication.into(),
        encryption: encryption.into(),
        aead: encryption.ends_with("GCM")
            || encryption.ends_with("CCM")
            || encryption.starts_with("ChaCha"),
        forward_secrecy: key_exchange != "RSA",
    })
}

/// OpenSSL verify codes people meet, in plain words.
fn verify_meaning(code: Option<i64>, text: &str) -> String {
    let t = text.to_ascii_lowercase();
    let by_code = match code {
        Some(0) => "The chain was built to a trusted root and every check passed.",
        Some(2) | Some(20) => "The server did not send the intermediate certificate that links its certificate to a root, and the client does not have it: install the full chain (leaf, then intermediates) on the server. Browsers sometimes hide this by fetching or caching intermediates; other clients fail.",
        Some(21) => "Only the server's own certificate could be checked: an intermediate is missing from what the server sends.",
        Some(10) => "A certificate in the chain has expired: renew it (or the intermediate the server sends).",
        Some(9) => "A certificate in the chain is not valid yet: check the server's and client's clocks, or wait.",
        Some(18) => "The server's certificate is self-signed: nothing vouches for it. Use a certificate from a public CA, or add this one to the client's trust store on purpose.",
        Some(19) => "The chain ends in a self-signed root the client does not trust: a private CA, or a root missing from this client's store.",
        Some(62) => "The certificate is not valid for the name that was asked for: add the name to its Subject Alternative Name, or connect with the right name (-servername / SNI).",
        Some(23) => "A certificate in the chain has been revoked.",
        Some(26) => "A certificate is used for a purpose it does not allow (for example no serverAuth in its extended key usage).",
        Some(7) | Some(8) => "A signature in the chain does not verify: the chain is broken or tampered with.",
        _ => "",
    };
    if !by_code.is_empty() {
        return by_code.to_owned();
    }
    if t.contains("local issuer") {
        verify_meaning(Some(20), "")
    } else if t.contains("expired") {
        verify_meaning(Some(10), "")
    } else if t.contains("self-signed certificate in certificate chain")
        || t.contains("self signed certificate in certificate chain")
    {
        verify_meaning(Some(19), "")
    } else if t.contains("self-signed") || t.contains("self signed") {
        verify_meaning(Some(18), "")
    } else if t.contains("hostname")
        || t.contains("subject name")
        || t.contains("no alternative certificate subject name")
    {
        verify_meaning(Some(62), "")
    } else {
        "See the verify diagnostics for this code.".to_owned()
    }
}

/// Attribute values of an OpenSSL-printed name ("C = US, O = X, CN = Y" or "/C=US/O=X/CN=Y").
fn name_values(s: &str) -> Vec<String> {
    let parts: Vec<&str> = if s.starts_with('/') {
        s.split('/').collect()
    } else {
        s.split(", ").collect()
    };
    let mut v: Vec<String> = parts
        .iter()
        .filter_map(|p| p.split_once('=').map(|(_, v)| v.trim().to_owned()))
        .collect();
    v.sort();
    v
}

fn cert_values(n: &crate::NameReport) -> Vec<String> {
    let mut v: Vec<String> = n.attributes.iter().map(|a| a.value.clone()).collect();
    v.sort();
    v
}

/// Builds the report for one transcript against the certificates read from the same paste.
pub(crate) fn report(t: &Transcript, certs: &[CertificateReport]) -> ConnectionReport {
    let group = t.group.clone();
    let cipher_info = t.cipher.as_deref().and_then(cipher_info).map(|mut c| {
        if c.key_exchange.starts_with("(TLS 1.3") {
            c.key_exchange = group.clone().unwrap_or_else(|| "ECDHE".into());
            c.authentication = "certificate signature".into();
        }
        c
    });
    let post_quantum = group.as_deref().is_some_and(|g| {
        g.to_ascii_uppercase().contains("MLKEM") || g.to_ascii_uppercase().contains("KYBER")
    });
    let verify = match (t.verify_code, &t.verify_text, t.verified) {
        (None, None, None) => None,
        (code, text, verified) => {
            let text = text.clone().unwrap_or_else(|| {
                if verified == Some(true) {
                    "SSL certificate verify ok".into()
                } else {
                    String::new()
                }
            });
            let ok = code.map_or(verified == Some(true), |c| c == 0);
            Some(VerifyResult {
                code,
                meaning: verify_meaning(if ok { Some(0) } else { code }, &text),
                text,
                ok,
            })
        }
    };
    let chain: Vec<ChainLineReport> = t
        .chain
        .iter()
        .map(|l| ChainLineReport {
            depth: l.depth,
            subject: l.subject.clone(),
            issuer: l.issuer.clone(),
            certificate: certs.iter().position(|c| {
                cert_values(&c.subject) == name_values(&l.subject)
                    && cert_values(&c.issuer) == name_values(&l.issuer)
            }),
        })
        .collect();
    // The certificate the server presented: the chain's first line, else the pasted leaf.
    let leaf = chain
        .first()
        .and_then(|l| l.certificate)
        .and_then(|i| certs.get(i))
        .or_else(|| certs.iter().find(|c| c.role == crate::Role::Leaf));
    let key = leaf.map(|c| key_label(&c.public_key));
    let quantum = crate::quantum::report(group.as_deref(), key.as_deref());
    let mut r = ConnectionReport {
        tool: t.tool,
        line: t.line,
        host: t.sni.clone().or_else(|| t.host.clone()),
        port: t.port,
        ip: t.ip.clone(),
        protocol: t.protocol.clone(),
        cipher: t.cipher.clone(),
        cipher_info,
        group,
        post_quantum,
        quantum,
        peer_signature: match (&t.peer_signature, &t.peer_digest) {
            (Some(s), Some(d)) => Some(format!("{s} with {d}")),
            (s, _) => s.clone(),
        },
        alpn: t.alpn.clone(),
        ocsp: t.ocsp.clone(),
        verify,
        chain,
        server_certificate: t.server_certificate.clone(),
        steps: Vec::new(),
        findings: Vec::new(),
    };
    r.steps = steps(&r, t, certs);
    r.findings = check(&r, t);
    r
}

/// A certificate key as the quantum verdict names it: "ECDSA P-256", "RSA 2048", "ML-DSA-65".
pub(crate) fn key_label(k: &crate::PublicKeyReport) -> String {
    match (k.algorithm.as_str(), &k.curve, k.bits) {
        ("EC", Some(curve), _) => format!("ECDSA {curve}"),
        ("RSA", _, Some(bits)) => format!("RSA {bits}"),
        (a, ..) => a.to_owned(),
    }
}

fn steps(r: &ConnectionReport, t: &Transcript, certs: &[CertificateReport]) -> Vec<String> {
    let mut s = Vec::new();
    let host = r.host.as_deref().unwrap_or("the server");
    let port = r
        .port
        .map(|p| {
            format!(
                " on port {p}{}",
                if p == 443 { " (the HTTPS default)" } else { "" }
            )
        })
        .unwrap_or_default();
    s.push(format!(
        "TCP: the client connected to {host}{}{port}.",
        r.ip.as_deref()
            .map(|ip| format!(" ({ip})"))
            .unwrap_or_default()
    ));
    let tls13 = r.protocol.as_deref() == Some("TLSv1.3");
    s.push(format!(
        "ClientHello: the client offered its TLS versions, cipher suites and key shares{}{}.",
        t.sni
            .as_deref()
            .or(r.host.as_deref())
            .map(|n| format!(
                ", and asked for {n} by SNI so the server can pick the right certificate"
            ))
            .unwrap_or_default(),
        if t.alpn.is_some() || t.tool == "curl" {
            ", with the application protocols it speaks (ALPN)"
        } else {
            ""
        }
    ));
    s.push(format!(
        "ServerHello: the server chose {} with {}{}.",
        r.protocol.as_deref().unwrap_or("a TLS version"),
        r.cipher.as_deref().unwrap_or("a cipher suite"),
        r.group
            .as_deref()
            .map(|g| format!(" and the key-exchange group {g}"))
            .unwrap_or_default()
    ));
    if tls13 {
        s.push(
            "From here on everything is encrypted (TLS 1.3 encrypts the certificate too)."
                .to_owned(),
        );
    }
    let n = if r.chain.is_empty() {
        certs.len()
    } else {
        r.chain.len()
    };
    s.push(format!(
        "Certificate: the server sent {} certificate{}{}.",
        n,
        if n == 1 { "" } else { "s" },
        r.chain
            .first()
            .map(|c| format!(", its own first ({})", c.subject))
            .unwrap_or_default()
    ));
    if let Some(sig) = &r.peer_signature {
        s.push(format!("CertificateVerify: the server signed the handshake with its certificate's key ({sig}), proving it holds that key."));
    }
    if !tls13 {
        if let Some(g) = &r.group {
            s.push(format!("ServerKeyExchange: the server sent its ephemeral {g} key share, signed with its certificate's key."));
        }
    }
    s.push("Finished: both sides confirmed the handshake was not tampered with; application data (HTTP) follows, encrypted.".to_owned());
    if let Some(v) = &r.verify {
        s.push(format!(
            "The client {} the certificate chain: {}",
            if v.ok { "accepted" } else { "did not accept" },
            v.text
        ));
    }
    s
}

fn check(r: &ConnectionReport, t: &Transcript) -> Vec<Finding> {
    let mut out = Vec::new();
    let at = format!("{} transcript at line {}", r.tool, r.line);
    match r.protocol.as_deref() {
        Some(p @ ("TLSv1" | "TLSv1.0" | "TLSv1.1" | "SSLv3")) => out.push(finding("tls.deprecated-version", Severity::Error, format!("{p} is deprecated"),
            "TLS 1.0 and 1.1 (and SSL 3) were formally deprecated in 2021 (RFC 8996) and current browsers refuse them: they rely on SHA-1 and MD5 in the handshake and have known attacks.",
            at.clone(), RFC8996, "Enable TLS 1.2 and 1.3 only (nginx: ssl_protocols TLSv1.2 TLSv1.3;).")),
        Some("TLSv1.2") => {
            let info = r.cipher_info.as_ref();
            if info.is_some_and(|c| !c.forward_secrecy) {
                out.push(finding("tls.no-forward-secrecy", Severity::Warning, "The key exchange gives no forward secrecy",
                    "With RSA key exchange the session key is encrypted to the server's long-term key: anyone who records the traffic and later obtains that key can decrypt it all.",
                    format!("{} ({at})", r.cipher.clone().unwrap_or_default()), RFC9325, "Prefer ECDHE suites and enable TLS 1.3."));
            }
            if info.is_some_and(|c| !c.aead) {
                out.push(finding("tls.cbc-cipher", Severity::Warning, "The cipher suite is not AEAD (CBC mode)",
                    "CBC-mode suites have a long history of padding-oracle attacks (Lucky13 and others). TLS 1.2 should use AES-GCM or ChaCha20-Poly1305.",
                    format!("{} ({at})", r.cipher.clone().unwrap_or_default()), RFC9325, "Order GCM/ChaCha20 suites first or disable CBC suites."));
            }
            out.push(finding("tls.version-1.2", Severity::Info, "TLS 1.2 was negotiated",
                "TLS 1.2 with ECDHE and AEAD ciphers is still acceptable, but TLS 1.3 is faster (one round trip) and removes weak options. If the server supports 1.3, this client did not offer it.",
                at.clone(), RFC8446, "Enable TLS 1.3 on the server (nginx: ssl_protocols TLSv1.2 TLSv1.3;)."));
        }
        _ => {}
    }
    if r.cipher_info
        .as_ref()
        .is_some_and(|c| c.encryption == "RC4" || c.encryption == "3DES-CBC")
    {
        out.push(finding(
            "tls.broken-cipher",
            Severity::Error,
            "The cipher is broken",
            "RC4 and 3DES are broken (biases; Sweet32) and forbidden by RFC 7465 / RFC 9325.",
            at.clone(),
            RFC9325,
            "Disable RC4 and 3DES suites.",
        ));
    }
    if let Some(p) = r.port.filter(|p| *p != 443) {
        out.push(finding("tls.non-default-port", Severity::Info, format!("Port {p}, not 443"),
            format!("443 is the port browsers use for https:// when the URL names none. On port {p} the URL must say :{p}, some networks and proxies block it, and a different service (a mail server with STARTTLS, an admin interface) may be what answered."),
            at.clone(), RFC8446, ""));
    }
    if r.post_quantum {
        out.push(finding("tls.post-quantum", Severity::Info, "The key exchange is post-quantum",
            format!("{} uses ML-KEM, so traffic recorded today stays confidential even against a future quantum computer.", r.group.clone().unwrap_or_default()),
            at.clone(), RFC8446, ""));
    }
    if let Some(v) = r.verify.as_ref().filter(|v| !v.ok) {
        out.push(finding(
            "tls.verify-failed",
            Severity::Error,
            format!("The client did not trust the certificate: {}", v.text),
            v.meaning.clone(),
            format!(
                "{}{} ({at})",
                v.code.map(|c| format!("code {c}: ")).unwrap_or_default(),
                v.text
            ),
            OPENSSL_VERIFY,
            "See the chain analysis below for the exact cause and the fix.",
        ));
    }
    if t.tool == "openssl s_client" && r.protocol.is_some() && r.chain.is_empty() {
        out.push(finding("tls.no-showcerts", Severity::Info, "Only the server's own certificate was printed",
            "Without -showcerts, s_client prints just the leaf, so the chain the server sends cannot be checked here.",
            at.clone(), RFC8446, "Run: openssl s_client -connect host:443 -servername host -showcerts -status </dev/null"));
    }
    match r.ocsp.as_deref() {
        Some(o) if o.contains("no response") => out.push(finding("tls.no-ocsp-staple", Severity::Info, "No OCSP response was stapled",
            "With stapling the server hands clients a fresh, CA-signed \"still valid\" proof, so they need not ask the CA (faster, more private). Optional, and Let's Encrypt has ended OCSP, so many servers no longer staple.",
            at.clone(), RFC6066, "nginx: ssl_stapling on; ssl_stapling_verify on; (only if your CA still runs OCSP).")),
        _ => {}
    }
    if t.tool == "curl" && r.alpn.as_deref() != Some("h2") && r.protocol.is_some() {
        out.push(finding("tls.no-http2", Severity::Info, "HTTP/2 was not negotiated",
            "ALPN did not select h2, so the connection uses HTTP/1.1: more connections and no multiplexing. Browsers get HTTP/2 only when the server agrees to it in ALPN.",
            at, RFC7301, "Enable HTTP/2 on the server (nginx: listen 443 ssl; http2 on;)."));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suites() {
        let c = cipher_info("ECDHE-RSA-AES128-GCM-SHA256").unwrap();
        assert_eq!(
            (c.key_exchange.as_str(), c.aead, c.forward_secrecy),
            ("ECDHE", true, true)
        );
        let c = cipher_info("AES256-SHA").unwrap();
        assert_eq!(
            (c.key_exchange.as_str(), c.aead, c.forward_secrecy),
            ("RSA", false, false)
        );
        assert!(
            cipher_info("TLS_CHACHA20_POLY1305_SHA256")
                .unwrap()
                .forward_secrecy
        );
        assert_eq!(
            cipher_info("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")
                .unwrap()
                .authentication,
            "ECDSA"
        );
    }
}
