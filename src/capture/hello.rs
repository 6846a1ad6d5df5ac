//! The hello messages ([RFC 8446] §4.1.2–4.1.4, [RFC 5246] §7.4.1): every field of the
//! ClientHello and the ServerHello's choices, by IANA name, read with `tls-parser`. The
//! extension list is walked here one extension at a time, so an extension `tls-parser` cannot
//! read is still listed, in order (the fingerprints need every one).
//!
//! [RFC 8446]: https://www.rfc-editor.org/rfc/rfc8446
//! [RFC 5246]: https://www.rfc-editor.org/rfc/rfc5246

use serde::Serialize;
use tls_parser::TlsExtension;

use super::names;

/// A registry value with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Value {
    /// The number on the wire.
    pub id: u16,
    /// Its IANA name ("GREASE" for RFC 8701 values, hex when unknown).
    pub name: String,
}

impl Value {
    fn new(id: u16, name: String) -> Self {
        Value { id, name }
    }
    fn suite(id: u16) -> Self {
        Value::new(id, names::cipher_suite(id))
    }
    fn group(id: u16) -> Self {
        Value::new(id, names::or_number(names::group(id), id))
    }
    fn extension(id: u16) -> Self {
        Value::new(id, names::or_number(names::extension(id), id))
    }
    fn signature(id: u16) -> Self {
        Value::new(id, names::or_number(names::signature_scheme(id), id))
    }
    fn version(id: u16) -> Self {
        Value::new(id, names::version(id))
    }
}

/// A key share the client sent: its group and the key's size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyShare {
    /// The group.
    pub group: Value,
    /// Length of the public key in bytes (1,216 for X25519MLKEM768, 32 for x25519).
    pub length: usize,
}

/// Every field of a ClientHello.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientHello {
    /// The version field (0x0303 "TLS 1.2" even for TLS 1.3 clients, RFC 8446 §4.1.2).
    pub legacy_version: Value,
    /// supported_versions, in the client's order.
    pub versions: Vec<Value>,
    /// The cipher suites, in the client's order of preference.
    pub cipher_suites: Vec<Value>,
    /// Compression methods (only 0, "null", is allowed today).
    pub compression: Vec<u8>,
    /// Extensions, in order.
    pub extensions: Vec<Value>,
    /// server_name (SNI): the host the client asks for.
    pub sni: Option<String>,
    /// supported_groups.
    pub groups: Vec<Value>,
    /// key_share: the groups the client sent a key for.
    pub key_shares: Vec<KeyShare>,
    /// signature_algorithms.
    pub signature_algorithms: Vec<Value>,
    /// ALPN protocols offered ("h2", "http/1.1").
    pub alpn: Vec<String>,
    /// EC point formats (ec_point_formats).
    pub point_formats: Vec<u8>,
    /// Length of the legacy session id (32 for TLS 1.3 middlebox compatibility).
    pub session_id_length: usize,
    /// A session ticket was sent (session_ticket extension, not empty): resumption asked.
    pub session_ticket: bool,
    /// A pre-shared key was offered (TLS 1.3 resumption).
    pub psk: bool,
    /// Encrypted Client Hello was sent (the real hello is hidden in it).
    pub ech: bool,
    /// OCSP stapling asked for (status_request).
    pub status_request: bool,
    /// JA3 string and its MD5 (Salesforce's TLS client fingerprint; `fingerprint.rs`).
    pub ja3: String,
    /// See `ja3`.
    pub ja3_hash: String,
    /// JA4 (FoxIO's TLS client fingerprint).
    pub ja4: String,
}

/// The server's choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerHello {
    /// The version field (0x0303 for TLS 1.3, which says its version in supported_versions).
    pub legacy_version: Value,
    /// The version chosen (supported_versions, else the version field).
    pub version: Value,
    /// The cipher suite chosen.
    pub cipher_suite: Value,
    /// The compression method (0).
    pub compression: u8,
    /// Extensions, in order.
    pub extensions: Vec<Value>,
    /// The key-exchange group (key_share; in a HelloRetryRequest, the group asked for).
    pub group: Option<Value>,
    /// This is a HelloRetryRequest (RFC 8446 §4.1.4): the server asks for another key share.
    pub hello_retry_request: bool,
    /// The downgrade sentinel in the random (RFC 8446 §4.1.3): the server supports TLS 1.3
    /// but chose a lower version, so "TLS 1.2" or "TLS 1.1 or below" was forced on it.
    pub downgrade_sentinel: Option<&'static str>,
    /// ALPN: the protocol chosen.
    pub alpn: Option<String>,
    /// The session id echoed the client's (TLS 1.2 session resumption).
    pub session_resumed: bool,
    /// A pre-shared key was accepted (TLS 1.3 resumption).
    pub psk: bool,
    /// JA3S string and MD5.
    pub ja3s: String,
    /// See `ja3s`.
    pub ja3s_hash: String,
    /// The signed_certificate_timestamp extension's body (RFC 6962 §3.3: the server's SCTs for
    /// its certificate, TLS 1.2), as sent; the report shows it per connection.
    #[serde(skip)]
    pub sct_list: Option<Vec<u8>>,
}

/// SHA-256("HelloRetryRequest"), the random of a HelloRetryRequest (RFC 8446 §4.1.3).
const HRR_RANDOM: [u8; 32] = [
    0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
    0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
];

/// Big-endian u16 at `at`.
pub(crate) fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([*b.first()?, *b.get(1)?]))
}

/// The extensions of an extension block, one by one: type and the whole extension's bytes
/// (type, length, body), in order.
fn extensions(block: &[u8]) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    let mut at = 0usize;
    while let (Some(kind), Some(len)) = (u16_at(block, at), u16_at(block, at.saturating_add(2))) {
        let end = at.saturating_add(4).saturating_add(usize::from(len));
        let Some(whole) = block.get(at..end) else {
            break;
        };
        out.push((kind, whole));
        at = end;
    }
    out
}

/// Key shares in a ClientHello's key_share body (RFC 8446 §4.2.8).
fn key_shares(body: &[u8]) -> Vec<KeyShare> {
    let mut out = Vec::new();
    let mut at = 2usize;
    while let (Some(group), Some(len)) = (u16_at(body, at), u16_at(body, at.saturating_add(2))) {
        out.push(KeyShare {
            group: Value::group(group),
            length: usize::from(len),
        });
        at = at.saturating_add(4).saturating_add(usize::from(len));
    }
    out
}

/// Reads a ClientHello's body (after the 4-byte handshake header).
pub(crate) fn client(body: &[u8]) -> Option<ClientHello> {
    let (_, hello) = tls_parser::parse_tls_handshake_client_hello(body).ok()?;
    let mut c = ClientHello {
        legacy_version: Value::version(hello.version.0),
        versions: Vec::new(),
        cipher_suites: hello.ciphers.iter().map(|s| Value::suite(s.0)).collect(),
        compression: hello.comp.iter().map(|c| c.0).collect(),
        extensions: Vec::new(),
        sni: None,
        groups: Vec::new(),
        key_shares: Vec::new(),
        signature_algorithms: Vec::new(),
        alpn: Vec::new(),
        point_formats: Vec::new(),
        session_id_length: hello.session_id.map_or(0, <[u8]>::len),
        session_ticket: false,
        psk: false,
        ech: false,
        status_request: false,
        ja3: String::new(),
        ja3_hash: String::new(),
        ja4: String::new(),
    };
    for (kind, whole) in extensions(hello.ext.unwrap_or_default()) {
        c.extensions.push(Value::extension(kind));
        let body = whole.get(4..).unwrap_or_default();
        match kind {
            51 => c.key_shares = key_shares(body),
            65037 => c.ech = true,
            41 => c.psk = true,
            _ => {}
        }
        let Ok((_, ext)) = tls_parser::parse_tls_client_hello_extension(whole) else {
            continue;
        };
        match ext {
            TlsExtension::SNI(names) => {
                c.sni = names
                    .iter()
                    .find(|(t, _)| t.0 == 0)
                    .map(|(_, n)| String::from_utf8_lossy(n).into_owned());
            }
            TlsExtension::EllipticCurves(groups) => {
                c.groups = groups.iter().map(|g| Value::group(g.0)).collect();
            }
            TlsExtension::SignatureAlgorithms(s) => {
                c.signature_algorithms = s.iter().map(|s| Value::signature(*s)).collect();
            }
            TlsExtension::ALPN(list) => {
                c.alpn = list
                    .iter()
                    .map(|p| String::from_utf8_lossy(p).into_owned())
                    .collect();
            }
            TlsExtension::SupportedVersions(v) => {
                c.versions = v.iter().map(|v| Value::version(v.0)).collect();
            }
            TlsExtension::EcPointFormats(f) => c.point_formats = f.to_vec(),
            TlsExtension::SessionTicket(t) => c.session_ticket = !t.is_empty(),
            TlsExtension::StatusRequest(_) => c.status_request = true,
            _ => {}
        }
    }
    Some(c)
}

/// Reads a ServerHello's body; `client` is the ClientHello it answers, when seen.
pub(crate) fn server(body: &[u8], client_session: Option<&[u8]>) -> Option<ServerHello> {
    let (_, hello) = tls_parser::parse_tls_handshake_server_hello(body).ok()?;
    let hrr = hello.random == HRR_RANDOM;
    let mut s = ServerHello {
        legacy_version: Value::version(hello.version.0),
        version: Value::version(hello.version.0),
        cipher_suite: Value::suite(hello.cipher.0),
        compression: hello.compression.0,
        extensions: Vec::new(),
        group: None,
        hello_retry_request: hrr,
        downgrade_sentinel: match hello.random.get(24..) {
            Some(b"DOWNGRD\x01") => Some("TLS 1.2"),
            Some(b"DOWNGRD\x00") => Some("TLS 1.1 or below"),
            _ => None,
        },
        alpn: None,
        session_resumed: matches!((client_session, hello.session_id),
            (Some(c), Some(s)) if !c.is_empty() && c == s),
        psk: false,
        ja3s: String::new(),
        ja3s_hash: String::new(),
        sct_list: None,
    };
    for (kind, whole) in extensions(hello.ext.unwrap_or_default()) {
        s.extensions.push(Value::extension(kind));
        let body = whole.get(4..).unwrap_or_default();
        match kind {
            // supported_versions in a ServerHello is one version (RFC 8446 §4.2.1).
            43 => {
                if let Some(v) = u16_at(body, 0) {
                    s.version = Value::version(v);
                }
            }
            // key_share: a KeyShareEntry, or (HelloRetryRequest) just the group.
            51 => s.group = u16_at(body, 0).map(Value::group),
            41 => s.psk = true,
            18 => s.sct_list = Some(body.to_vec()),
            16 => {
                if let Ok((_, TlsExtension::ALPN(list))) =
                    tls_parser::parse_tls_server_hello_extension(whole)
                {
                    s.alpn = list
                        .first()
                        .map(|p| String::from_utf8_lossy(p).into_owned());
                }
            }
            _ => {}
        }
    }
    if s.psk || s.version.id == 0x0304 {
        s.session_resumed = false;
    }
    Some(s)
}

/// What a TLS 1.2 ServerKeyExchange says (RFC 8422 §5.4): the curve, and the signature's
/// algorithm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyExchange {
    /// The group of an ECDHE key (named_curve); `None` for finite-field DHE.
    pub group: Option<Value>,
    /// Length of the server's ephemeral public key.
    pub key_length: usize,
    /// The signature algorithm (TLS 1.2's SignatureAndHashAlgorithm).
    pub signature: Option<Value>,
}

/// Reads an ECDHE ServerKeyExchange (other kinds give only what is known).
pub(crate) fn key_exchange(body: &[u8]) -> KeyExchange {
    // curve_type 3 (named_curve), named group, point length and point, then the signature.
    if body.first() == Some(&3) {
        let group = u16_at(body, 1);
        let length = usize::from(body.get(3).copied().unwrap_or(0));
        let signature = u16_at(body, 4usize.saturating_add(length));
        return KeyExchange {
            group: group.map(Value::group),
            key_length: length,
            signature: signature.map(Value::signature),
        };
    }
    // DHE: p, g and Ys, each with a 2-byte length.
    let mut at = 0usize;
    let mut last = 0usize;
    for _ in 0..3 {
        last = usize::from(u16_at(body, at).unwrap_or(0));
        at = at.saturating_add(2).saturating_add(last);
    }
    KeyExchange {
        group: None,
        key_length: last,
        signature: u16_at(body, at).map(Value::signature),
    }
}
