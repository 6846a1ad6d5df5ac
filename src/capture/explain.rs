//! What each handshake message says, in plain words ([RFC 8446] §4, [RFC 5246] §7.4): the
//! hellos summarised, a HelloRetryRequest and the downgrade sentinel explained, and what a
//! Certificate, CertificateStatus or ServerKeyExchange carries recorded for the report.
//!
//! [RFC 8446]: https://www.rfc-editor.org/rfc/rfc8446
//! [RFC 5246]: https://www.rfc-editor.org/rfc/rfc5246

use tls_parser::TlsMessageHandshake;

use super::hello::{self, ClientHello, KeyExchange, ServerHello};
use super::names::{self, plural};

/// What a connection's handshake messages said.
#[derive(Debug, Default)]
pub(crate) struct Learned {
    pub(crate) client_hello: Option<ClientHello>,
    /// The ClientHello's legacy session id (TLS 1.2 resumption echoes it).
    client_session: Vec<u8>,
    /// The ClientHello sent again after a HelloRetryRequest.
    pub(crate) second_client_hello: Option<ClientHello>,
    pub(crate) hello_retry: Option<ServerHello>,
    pub(crate) server_hello: Option<ServerHello>,
    pub(crate) certificates: Vec<Vec<u8>>,
    pub(crate) stapled_ocsp: Option<Vec<u8>>,
    pub(crate) key_exchange: Option<KeyExchange>,
    pub(crate) certificate_request: bool,
    pub(crate) client_certificates: usize,
    /// Alerts in the clear: who sent it, its code, whether it was fatal.
    pub(crate) alerts: Vec<(&'static str, u8, bool)>,
}

/// Names and explains one handshake message (`message`: handshake header and body), recording what it says in `d`.
pub(super) fn describe(message: &[u8], from: &'static str, d: &mut Learned) -> (String, String) {
    let kind = message.first().copied().unwrap_or(0);
    let body = message.get(4..).unwrap_or_default();
    let parsed = tls_parser::parse_tls_message_handshake(message)
        .ok()
        .map(|(_, m)| m);
    match kind {
        1 => {
            let Some(mut c) = hello::client(body) else {
                return ("ClientHello".into(), "A ClientHello that could not be read.".into());
            };
            super::fingerprint::client(&mut c);
            let summary = client_summary(&c);
            d.client_session = tls_parser::parse_tls_handshake_client_hello(body)
                .ok()
                .and_then(|(_, h)| h.session_id)
                .unwrap_or_default()
                .to_vec();
            if d.client_hello.is_none() {
                d.client_hello = Some(c);
            } else {
                d.second_client_hello = Some(c);
            }
            ("ClientHello".into(), summary)
        }
        2 => {
            let Some(mut s) = hello::server(body, Some(&d.client_session)) else {
                return ("ServerHello".into(), "A ServerHello that could not be read.".into());
            };
            super::fingerprint::server(&mut s);
            if s.hello_retry_request {
                let summary = format!(
                    "The server asks the client to start again with a key share for {} (HelloRetryRequest, RFC 8446 §4.1.4): none of the client's key shares was one it accepts. This costs a whole round trip; offering that group's key share first avoids it.",
                    s.group.as_ref().map_or("another group", |g| g.name.as_str())
                );
                d.hello_retry = Some(s);
                return ("HelloRetryRequest".into(), summary);
            }
            let summary = server_summary(&s);
            d.server_hello = Some(s);
            ("ServerHello".into(), summary)
        }
        4 => ("NewSessionTicket".into(), format!("A session ticket from the server: the {} can resume this session later without a full handshake.", if from == "server" { "client" } else { "server" })),
        11 => {
            let certs: Vec<Vec<u8>> = match parsed {
                Some(tls_parser::TlsMessage::Handshake(TlsMessageHandshake::Certificate(c))) => {
                    c.cert_chain.iter().map(|c| c.data.to_vec()).collect()
                }
                _ => Vec::new(),
            };
            let n = certs.len();
            if from == "server" {
                d.certificates = certs;
                ("Certificate".into(), format!("The server's certificate chain: {n} certificate{}, sent in the clear (TLS 1.2 and below). certscope reads them below as if they had been pasted, and checks them for the name the client asked for.", plural(n)))
            } else {
                d.client_certificates = n;
                ("Certificate".into(), format!("The client's certificate: {n} certificate{} (mutual TLS).", plural(n)))
            }
        }
        12 => {
            let k = hello::key_exchange(body);
            let summary = format!(
                "The server's ephemeral key for this connection{}{}: a fresh key per connection is what gives forward secrecy.",
                k.group.as_ref().map(|g| format!(" ({})", g.name)).unwrap_or_default(),
                k.signature.as_ref().map(|s| format!(", signed with its certificate's key ({})", s.name)).unwrap_or_default()
            );
            d.key_exchange = Some(k);
            ("ServerKeyExchange".into(), summary)
        }
        13 => {
            d.certificate_request = true;
            ("CertificateRequest".into(), "The server asks the client for a certificate (mutual TLS).".into())
        }
        14 => ("ServerHelloDone".into(), "The server has said everything it will say before the client answers.".into()),
        15 => ("CertificateVerify".into(), format!("The {from} signs the handshake with its certificate's key.")),
        16 => ("ClientKeyExchange".into(), "The client's half of the key exchange. Both sides now compute the same session keys.".into()),
        20 => ("Finished".into(), format!("The {from}'s Finished message.")),
        22 => {
            if let Some(tls_parser::TlsMessage::Handshake(TlsMessageHandshake::CertificateStatus(s))) = parsed {
                d.stapled_ocsp = Some(s.blob.to_vec());
                ("CertificateStatus".into(), format!("The server staples an OCSP response ({} bytes): its CA's signed statement that the certificate is not revoked, so the client need not ask the CA.", s.blob.len()))
            } else {
                ("CertificateStatus".into(), "A stapled OCSP response that could not be read.".into())
            }
        }
        n => (format!("Handshake message {n}"), format!("A handshake message of type {n}, {} bytes.", body.len())),
    }
}

fn list(values: &[hello::Value], most: usize) -> String {
    let real: Vec<&str> = values
        .iter()
        .filter(|v| !names::is_grease(v.id))
        .map(|v| v.name.as_str())
        .collect();
    let shown = real
        .iter()
        .take(most)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if real.len() > most {
        format!("{shown} and {} more", real.len().saturating_sub(most))
    } else {
        shown
    }
}

fn client_summary(c: &ClientHello) -> String {
    let versions = if c.versions.is_empty() {
        c.legacy_version.name.clone()
    } else {
        list(&c.versions, 4)
    };
    let mut s = format!(
        "The client offers {versions}, {} cipher suites (first {})",
        c.cipher_suites
            .iter()
            .filter(|v| !names::is_grease(v.id))
            .count(),
        list(&c.cipher_suites, 1)
    );
    if !c.key_shares.is_empty() {
        let shares: Vec<hello::Value> = c.key_shares.iter().map(|k| k.group.clone()).collect();
        s.push_str(&format!(", key shares for {}", list(&shares, 3)));
    }
    match &c.sni {
        Some(n) => s.push_str(&format!(", and asks for {n} (SNI)")),
        None => s.push_str(", and names no host (no SNI)"),
    }
    if !c.alpn.is_empty() {
        s.push_str(&format!("; it speaks {} (ALPN)", c.alpn.join(", ")));
    }
    if c.psk || c.session_ticket {
        s.push_str("; it tries to resume an earlier session");
    }
    if c.ech {
        s.push_str("; it sends Encrypted Client Hello");
    }
    s.push('.');
    s
}

fn server_summary(s: &ServerHello) -> String {
    let mut out = format!(
        "The server picks {} and {}",
        s.version.name, s.cipher_suite.name
    );
    if let Some(g) = &s.group {
        out.push_str(&format!(" with the key exchange {}", g.name));
    }
    if let Some(a) = &s.alpn {
        out.push_str(&format!(", and {a} by ALPN"));
    }
    if s.psk || s.session_resumed {
        out.push_str("; it resumes an earlier session, so no certificate is sent");
    }
    out.push('.');
    if let Some(v) = s.downgrade_sentinel {
        out.push_str(&format!(" Its random ends with the downgrade sentinel: it supports TLS 1.3 but was made to choose {v}, which a TLS 1.3 client must treat as an attack (RFC 8446 §4.1.3)."));
    }
    out
}
