//! Reading the TLS connection details out of terminal output: `openssl s_client` (OpenSSL
//! 1.1.1 and 3.x forms) and `curl -v` (7.x and 8.x forms). Certificates and HTTP responses in
//! the same text are read by the PEM splitter and the header reader; this module reads the
//! lines around them.

/// One chain line of `s_client -showcerts`: ` 0 s:CN = example.com` / `   i:…`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ChainLine {
    pub(crate) depth: usize,
    pub(crate) subject: String,
    pub(crate) issuer: String,
    pub(crate) line: usize,
}

/// What a transcript says about one connection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Transcript {
    pub(crate) tool: &'static str,
    pub(crate) line: usize,
    pub(crate) host: Option<String>,
    pub(crate) port: Option<u16>,
    pub(crate) ip: Option<String>,
    pub(crate) sni: Option<String>,
    pub(crate) protocol: Option<String>,
    pub(crate) cipher: Option<String>,
    pub(crate) group: Option<String>,
    pub(crate) peer_signature: Option<String>,
    pub(crate) peer_digest: Option<String>,
    pub(crate) alpn: Option<String>,
    pub(crate) http_version: Option<String>,
    /// `None`: not asked (no `-status`); `Some(text)`: what the server stapled.
    pub(crate) ocsp: Option<String>,
    pub(crate) verify_code: Option<i64>,
    pub(crate) verify_text: Option<String>,
    /// curl's verdict: `Some(true)` "SSL certificate verify ok", `Some(false)` a problem.
    pub(crate) verified: Option<bool>,
    pub(crate) chain: Vec<ChainLine>,
    /// curl's "Server certificate:" lines (subject, issuer, expire date…), as written.
    pub(crate) server_certificate: Vec<(String, String)>,
    pub(crate) server_key_bits: Option<u32>,
    pub(crate) renegotiation: Option<bool>,
}

fn after<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    line.trim().strip_prefix(prefix).map(str::trim)
}

/// `host:port` → (host, port), IPv6 in brackets allowed.
fn host_port(s: &str) -> (Option<String>, Option<u16>) {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix('[') {
        let (h, p) = rest.split_once(']').unwrap_or((rest, ""));
        return (Some(h.to_owned()), p.trim_start_matches(':').parse().ok());
    }
    match s.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') => (Some(h.to_owned()), p.parse().ok()),
        _ => (Some(s.to_owned()), None),
    }
}

/// Reads every connection in `text` (a paste may hold several commands' output).
pub(crate) fn read(text: &str) -> Vec<Transcript> {
    let mut out: Vec<Transcript> = Vec::new();
    let mut chain_line: Option<ChainLine> = None;
    let mut in_pem = false;
    let mut server_cert = false;
    for (index, raw) in text.lines().enumerate() {
        let n = index.saturating_add(1);
        let line = raw.trim_end();
        let t = line.trim();
        if t.starts_with("-----BEGIN ") {
            in_pem = true;
            continue;
        }
        if in_pem {
            in_pem = !t.starts_with("-----END ");
            continue;
        }
        // Starts of a connection.
        if t.contains("s_client") && t.contains("-connect") {
            let mut c = Transcript {
                tool: "openssl s_client",
                line: n,
                ..Transcript::default()
            };
            let mut words = t.split_whitespace();
            while let Some(w) = words.next() {
                match w {
                    "-connect" => {
                        (c.host, c.port) = words.next().map(host_port).unwrap_or((None, None))
                    }
                    "-servername" => c.sni = words.next().map(str::to_owned),
                    _ => {}
                }
            }
            out.push(c);
            continue;
        }
        if t.starts_with("CONNECTED(") {
            if !out
                .last()
                .is_some_and(|c| c.tool == "openssl s_client" && c.protocol.is_none())
            {
                out.push(Transcript {
                    tool: "openssl s_client",
                    line: n,
                    ..Transcript::default()
                });
            }
            continue;
        }
        if let Some(rest) = after(t, "* Connected to ") {
            // "* Connected to example.com (93.184.216.34) port 443 (#0)"
            let mut c = Transcript {
                tool: "curl",
                line: n,
                ..Transcript::default()
            };
            let mut parts = rest.split_whitespace();
            c.host = parts.next().map(str::to_owned);
            c.ip = parts
                .next()
                .map(|p| p.trim_matches(|ch| ch == '(' || ch == ')').to_owned());
            c.port = rest
                .split_once(" port ")
                .and_then(|(_, p)| p.split_whitespace().next())
                .and_then(|p| p.parse().ok());
            out.push(c);
            server_cert = false;
            continue;
        }
        let Some(c) = out.last_mut() else { continue };
        if c.tool == "curl" {
            curl_line(c, t, &mut server_cert);
        } else {
            s_client_line(c, line, t, n, &mut chain_line);
        }
    }
    if let (Some(done), Some(c)) = (chain_line.take(), out.last_mut()) {
        c.chain.push(done);
    }
    out
}

fn s_client_line(
    c: &mut Transcript,
    line: &str,
    t: &str,
    n: usize,
    chain_line: &mut Option<ChainLine>,
) {
    // Chain: " 0 s:CN = example.com" then "   i:…".
    let (digits, rest) = t.split_at(t.find(|ch: char| !ch.is_ascii_digit()).unwrap_or(0));
    if let (Ok(depth), Some(subject)) = (digits.parse::<usize>(), rest.strip_prefix(" s:")) {
        if let Some(done) = chain_line.take() {
            c.chain.push(done);
        }
        *chain_line = Some(ChainLine {
            depth,
            subject: subject.trim().to_owned(),
            line: n,
            ..ChainLine::default()
        });
        return;
    }
    if let (Some(issuer), Some(open)) = (t.strip_prefix("i:"), chain_line.as_mut()) {
        if line.starts_with(' ') {
            open.issuer = issuer.trim().to_owned();
            return;
        }
    }
    if t == "---" || t.starts_with("Server certificate") {
        if let Some(done) = chain_line.take() {
            c.chain.push(done);
        }
    }
    if let Some(v) = after(t, "Protocol  :").or_else(|| after(t, "Protocol:")) {
        c.protocol.get_or_insert_with(|| v.to_owned());
    } else if let Some(v) = after(t, "New,") {
        // "New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384"
        if let Some((proto, cipher)) = v.split_once(", Cipher is ") {
            c.protocol = Some(proto.trim().to_owned());
            c.cipher = Some(cipher.trim().to_owned());
        }
    } else if let Some(v) = after(t, "Cipher    :") {
        c.cipher.get_or_insert_with(|| v.to_owned());
    } else if let Some(v) = after(t, "Server Temp Key:") {
        // "X25519, 253 bits" or "ECDH, P-256, 256 bits" or "X25519MLKEM768"
        let parts: Vec<&str> = v.split(',').map(str::trim).collect();
        let group = match parts.as_slice() {
            ["ECDH", curve, ..] => (*curve).to_owned(),
            ["DH", bits] => format!("DH {bits}"),
            [g, ..] => (*g).to_owned(),
            [] => String::new(),
        };
        c.group.get_or_insert(group);
    } else if let Some(v) = after(t, "Negotiated TLS1.3 group:") {
        c.group = Some(v.to_owned());
    } else if let Some(v) = after(t, "Peer signature type:") {
        c.peer_signature = Some(v.to_owned());
    } else if let Some(v) = after(t, "Peer signing digest:") {
        c.peer_digest = Some(v.to_owned());
    } else if let Some(v) = after(t, "ALPN protocol:") {
        c.alpn = Some(v.to_owned());
    } else if t == "No ALPN negotiated" {
        c.alpn = None;
    } else if let Some(v) = after(t, "Verify return code:") {
        // "0 (ok)" / "20 (unable to get local issuer certificate)"
        let (code, text) = v.split_once(' ').unwrap_or((v, ""));
        c.verify_code = code.parse().ok();
        c.verify_text = Some(
            text.trim()
                .trim_matches(|ch| ch == '(' || ch == ')')
                .to_owned(),
        );
    } else if let Some(v) = after(t, "Server public key is") {
        c.server_key_bits = v.split_whitespace().next().and_then(|b| b.parse().ok());
    } else if t.starts_with("OCSP response:") {
        c.ocsp = Some(
            after(t, "OCSP response:")
                .unwrap_or("")
                .trim_matches('=')
                .trim()
                .to_owned(),
        );
    } else if t == "OCSP Response Data:" {
        c.ocsp = Some("stapled".to_owned());
    } else if let Some(v) = after(t, "Cert Status:") {
        c.ocsp = Some(format!("stapled, certificate status: {v}"));
    } else if t.starts_with("Secure Renegotiation IS supported") {
        c.renegotiation = Some(true);
    } else if t.starts_with("Secure Renegotiation IS NOT supported") {
        c.renegotiation = Some(false);
    } else if let Some(v) = after(t, "Connecting to") {
        c.ip.get_or_insert_with(|| v.to_owned());
    }
}

fn curl_line(c: &mut Transcript, t: &str, server_cert: &mut bool) {
    let Some(body) = t.strip_prefix('*').map(str::trim) else {
        if let Some(v) = t.strip_prefix("curl: (") {
            // "curl: (60) SSL certificate problem: unable to get local issuer certificate"
            if let Some((code, text)) = v.split_once(')') {
                if code == "60" || code == "35" || code == "51" {
                    c.verified = Some(false);
                    c.verify_text = Some(text.trim().to_owned());
                }
            }
        }
        return;
    };
    if let Some(v) = body.strip_prefix("SSL connection using ") {
        // 7.x: "TLSv1.3 / TLS_AES_256_GCM_SHA384"; 8.x adds " / X25519 / RSASSA-PSS"
        let parts: Vec<&str> = v.split(" / ").map(str::trim).collect();
        c.protocol = parts.first().map(|s| (*s).to_owned());
        c.cipher = parts.get(1).map(|s| (*s).to_owned());
        c.group = parts.get(2).map(|s| (*s).to_owned());
        c.peer_signature = parts.get(3).map(|s| (*s).to_owned());
        return;
    }
    if let Some(v) = body
        .strip_prefix("ALPN: server accepted ")
        .or_else(|| body.strip_prefix("ALPN, server accepted to use "))
    {
        c.alpn = Some(v.trim().to_owned());
        return;
    }
    if let Some(v) = body.strip_prefix("using HTTP/") {
        c.http_version = Some(format!("HTTP/{}", v.trim()));
        return;
    }
    if body == "Server certificate:" {
        *server_cert = true;
        return;
    }
    if *server_cert {
        if let Some((k, v)) = body.split_once(':') {
            let k = k.trim();
            if [
                "subject",
                "start date",
                "expire date",
                "issuer",
                "subjectAltName",
            ]
            .contains(&k)
            {
                c.server_certificate
                    .push((k.to_owned(), v.trim().to_owned()));
                return;
            }
        }
    }
    if body.starts_with("SSL certificate verify ok") {
        c.verified = Some(true);
        *server_cert = false;
    } else if let Some(v) = body
        .strip_prefix("SSL certificate verify result:")
        .or_else(|| body.strip_prefix("SSL certificate problem:"))
    {
        // "self-signed certificate (18), continuing anyway."
        let v = v.trim();
        c.verified = Some(false);
        c.verify_code = v
            .rsplit_once('(')
            .and_then(|(_, r)| r.split(')').next())
            .and_then(|n| n.parse().ok());
        c.verify_text = Some(
            v.split(" (")
                .next()
                .unwrap_or(v)
                .trim_end_matches('.')
                .to_owned(),
        );
        *server_cert = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_s_client_3x() {
        let t = "depth=0 CN = a\nCONNECTED(00000003)\n---\nCertificate chain\n 0 s:CN = a\n   i:CN = b\n---\nPeer signature type: ECDSA\nServer Temp Key: X25519, 253 bits\n---\nNew, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384\nVerify return code: 20 (unable to get local issuer certificate)\n";
        let c = &read(t)[0];
        assert_eq!(c.protocol.as_deref(), Some("TLSv1.3"));
        assert_eq!(c.group.as_deref(), Some("X25519"));
        assert_eq!(c.verify_code, Some(20));
        assert_eq!(
            c.chain,
            vec![ChainLine {
                depth: 0,
                subject: "CN = a".into(),
                issuer: "CN = b".into(),
                line: 5
            }]
        );
    }

    #[test]
    fn reads_curl_8() {
        let t = "* Connected to example.com (93.184.215.14) port 443\n* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256 / X25519MLKEM768 / RSASSA-PSS\n* ALPN: server accepted h2\n* Server certificate:\n*  subject: CN=example.com\n*  SSL certificate verify ok.\n* using HTTP/2\n";
        let c = &read(t)[0];
        assert_eq!(
            (c.tool, c.port, c.group.as_deref()),
            ("curl", Some(443), Some("X25519MLKEM768"))
        );
        assert_eq!(c.alpn.as_deref(), Some("h2"));
        assert_eq!(c.verified, Some(true));
        assert_eq!(
            c.server_certificate[0],
            ("subject".into(), "CN=example.com".into())
        );
    }
}
