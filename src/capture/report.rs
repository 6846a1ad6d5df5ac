//! What a capture holds, as a report: each TLS connection with its hellos, timeline and
//! fingerprints, and a [`ConnectionReport`](crate::ConnectionReport) for the same
//! connection-level verdicts a pasted `s_client` transcript gets.

use base64ct::Encoding as _;
use serde::Serialize;

use super::handshake::{self, Message};
use super::hello::{ClientHello, KeyExchange, ServerHello};
use super::packets::{self, Counts};
use super::stream::{Direction, Stream, Streams};
use super::{names, Form};
use crate::{Error, Location, Problem};

/// One capture (or paste of TLS bytes), read.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaptureReport {
    /// `pcap`, `pcapng` or `TLS bytes`.
    pub format: &'static str,
    /// The link types of its interfaces ("Ethernet", "Linux cooked capture"…).
    pub link_types: Vec<String>,
    /// Packets in the file, packets that were TCP over IP, and the rest (UDP, ARP…).
    pub packets: usize,
    /// See `packets`.
    pub tcp_packets: usize,
    /// See `packets`.
    pub other_packets: usize,
    /// TCP connections seen, and how many of them carried TLS.
    pub tcp_connections: usize,
    /// The TLS connections, in the order they started.
    pub connections: Vec<TlsConnection>,
    /// What was left out, and why (limits reached, connections that were not TLS).
    pub notes: Vec<String>,
}

/// An alert, named and explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AlertReport {
    /// `client` or `server`.
    pub from: &'static str,
    /// The alert number and its name.
    pub code: u8,
    /// See `code`.
    pub name: &'static str,
    /// Fatal (level 2) or a warning.
    pub fatal: bool,
    /// What usually causes it.
    pub meaning: &'static str,
}

/// One TLS connection of a capture.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TlsConnection {
    /// The client's and the server's address and port ("192.0.2.1:51234"); empty for pasted
    /// bytes.
    pub client: String,
    /// See `client`.
    pub server: String,
    /// Whether the TCP handshake was captured (else client and server are guessed from who
    /// spoke first).
    pub tcp_opened: bool,
    /// The packet that opened it, and when (seconds since the Unix epoch).
    pub first_packet: u32,
    /// See `first_packet`.
    pub start: f64,
    /// The ClientHello, and the second one after a HelloRetryRequest.
    pub client_hello: Option<ClientHello>,
    /// See `client_hello`.
    pub second_client_hello: Option<ClientHello>,
    /// The HelloRetryRequest, when the server sent one.
    pub hello_retry_request: Option<ServerHello>,
    /// The ServerHello.
    pub server_hello: Option<ServerHello>,
    /// How many certificates the server sent in the clear (TLS 1.2 and below); they are in the
    /// report's `certificates`, from `certificatesFrom` on.
    pub certificates: usize,
    /// Index in the report's `certificates` of this connection's first certificate.
    pub certificates_from: Option<usize>,
    /// TLS 1.3: the certificate was sent encrypted, so it is not in the capture's clear bytes.
    pub certificate_encrypted: bool,
    /// The stapled OCSP response (CertificateStatus), base64.
    pub stapled_ocsp: Option<String>,
    /// The SCTs the server sent for its certificate in the signed_certificate_timestamp
    /// extension (RFC 6962 §3.3): the TLS-encoded list, base64. The chain's CT check reads them
    /// with the certificate at `certificates_from`.
    pub scts: Option<String>,
    /// TLS 1.2's ServerKeyExchange: the curve and the signature algorithm.
    pub server_key_exchange: Option<KeyExchange>,
    /// The server asked for a client certificate; how many the client sent.
    pub client_certificate_requested: bool,
    /// See `client_certificate_requested`.
    pub client_certificates: usize,
    /// An earlier session was resumed (TLS 1.2 session id or ticket, TLS 1.3 PSK).
    pub resumed: bool,
    /// Alerts in the clear.
    pub alerts: Vec<AlertReport>,
    /// The connection message by message, both directions in capture order.
    pub messages: Vec<Message>,
    /// Timeline entries left out past [`handshake::MAX_MESSAGES`].
    pub messages_left_out: usize,
    /// TCP segments sent again, and segments captured out of order (both handled).
    pub retransmissions: usize,
    /// See `retransmissions`.
    pub out_of_order: usize,
    /// Bytes that could not be read as TLS, and limits reached.
    pub problems: Vec<String>,
    /// Index of this connection's verdicts in the report's `connections`.
    pub connection: usize,
}

/// A capture, read: the report, the connection-level verdicts, and the certificates sent in
/// the clear (for the chain analysis), with the host to check them for.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Capture {
    /// The capture described.
    pub capture: CaptureReport,
    /// One per TLS connection, for the report's `connections`.
    pub connections: Vec<crate::ConnectionReport>,
    /// The server certificates, DER, each once, in the order first seen.
    #[serde(skip)]
    pub certificates: Vec<Vec<u8>>,
    /// The same, PEM, and each stapled OCSP response (`OCSP RESPONSE`): what the web engine
    /// hands the core, as if pasted.
    pub pem: String,
    /// The SNI of the first connection whose certificates were seen.
    pub host: Option<String>,
    /// Where the file is damaged (it was read up to there), for the report's `errors`.
    pub errors: Vec<Problem>,
}

fn endpoint((ip, port): (core::net::IpAddr, u16)) -> String {
    match ip {
        core::net::IpAddr::V6(v6) => format!("[{v6}]:{port}"),
        core::net::IpAddr::V4(v4) => format!("{v4}:{port}"),
    }
}

/// Reads a capture file or TLS bytes. An `Err` is input that is not a capture at all, or a
/// file whose first packet cannot be read; a file damaged later gives the connections read
/// before the damage and the problem, with its byte offset, in `problems`.
pub fn read(input: &[u8]) -> Result<Capture, Box<Problem>> {
    read_reporting(input, &mut |_, _| {})
}

/// [`read`], telling `progress` how far reading the packets got: the bytes read so far and the
/// capture's size, about every MiB and once when all are read (the page's progress bar).
pub fn read_reporting(
    input: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Capture, Box<Problem>> {
    let at = |offset: usize| Location {
        block: 1,
        line: None,
        byte_offset: offset,
    };
    let fail = |offset: usize, format: &'static str, message: String| {
        Problem::boxed(at(offset), Error::Document { format, message })
    };
    if input.len() > super::MAX_CAPTURE_BYTES {
        return Err(Problem::boxed(
            at(0),
            Error::InputTooLarge {
                size: input.len(),
                limit: super::MAX_CAPTURE_BYTES,
            },
        ));
    }
    let Some(form) = super::sniff(input) else {
        return Err(fail(
            0,
            "capture",
            "not a pcap or pcapng file, nor TLS records".into(),
        ));
    };
    let mut counts = Counts::default();
    let mut streams = Streams::new();
    let mut problems = Vec::new();
    let format = match &form {
        Form::Pcap | Form::PcapNg => {
            let pcapng = form == Form::PcapNg;
            let format = if pcapng { "pcapng" } else { "pcap" };
            let read = packets::read(input, pcapng, &mut counts, progress, |s| streams.add(&s));
            progress(input.len(), input.len());
            if let Err(e) = read {
                if counts.packets == 0 {
                    return Err(fail(e.offset, format, e.message));
                }
                problems.push(Problem::new(
                    at(e.offset),
                    Error::Document {
                        format,
                        message: e.message,
                    },
                ));
            }
            format
        }
        Form::Tls | Form::Hex | Form::Base64 => {
            let Some(bytes) = super::decode(input, form) else {
                return Err(fail(
                    0,
                    "TLS bytes",
                    format!(
                        "the {} does not decode to a TLS record or handshake message",
                        if form == Form::Base64 {
                            "base64"
                        } else {
                            "hex"
                        }
                    ),
                ));
            };
            streams.streams.push(pasted(&bytes));
            "TLS bytes"
        }
    };
    let mut capture = CaptureReport {
        format,
        link_types: counts.link_types,
        packets: counts.packets,
        tcp_packets: counts.tcp,
        other_packets: counts.other,
        tcp_connections: streams.streams.len(),
        connections: Vec::new(),
        notes: problems
            .iter()
            .map(|p| format!("{} (byte {})", p.message, p.location.byte_offset))
            .collect(),
    };
    let errors = problems;
    if counts.packets >= packets::MAX_PACKETS {
        capture.notes.push(format!(
            "Only the first {} packets were read.",
            packets::MAX_PACKETS
        ));
    }
    if streams.skipped() > 0 {
        capture.notes.push(format!(
            "{} TCP connections after the first {} were not followed.",
            streams.skipped(),
            super::stream::MAX_STREAMS
        ));
    }
    if counts.packets > 0 && counts.tcp == 0 {
        capture.notes.push(format!(
            "None of the {} packets was TCP over IP that certscope could read (link type {}; it reads Ethernet, Linux cooked capture, BSD loopback and raw IP).",
            counts.packets,
            capture.link_types.join(", ")
        ));
    }
    let not_tls = streams.streams.iter().filter(|s| !s.is_tls()).count();
    if not_tls > 0 {
        capture.notes.push(format!(
            "{not_tls} TCP connection{} did not carry TLS (by their first bytes) and {} left out.",
            if not_tls == 1 { "" } else { "s" },
            if not_tls == 1 { "was" } else { "were" }
        ));
    }
    let mut out = Capture {
        capture,
        connections: Vec::new(),
        certificates: Vec::new(),
        pem: String::new(),
        host: None,
        errors,
    };
    for stream in streams.streams.iter().filter(|s| s.is_tls()) {
        add_connection(
            &mut out,
            stream,
            matches!(form, Form::Tls | Form::Hex | Form::Base64),
        );
    }
    if out.capture.connections.is_empty() {
        out.capture
            .notes
            .push("No TLS was found: no TCP connection started with a TLS record.".into());
    }
    Ok(out)
}

/// Pasted TLS bytes as a one-direction stream: records as given, or a bare handshake message
/// put in a record. Who sent it follows from the first message.
fn pasted(bytes: &[u8]) -> Stream {
    let mut records = Vec::new();
    if matches!(bytes.first(), Some(20..=23)) {
        records.extend_from_slice(bytes);
    } else {
        for chunk in bytes.chunks(16_384) {
            let len = u16::try_from(chunk.len()).unwrap_or(u16::MAX);
            records.extend_from_slice(&[22, 3, 3]);
            records.extend_from_slice(&len.to_be_bytes());
            records.extend_from_slice(chunk);
        }
    }
    // A ClientHello (handshake type 1 in the first handshake record) is the client's.
    let client = records.first() != Some(&22) || records.get(5) == Some(&1);
    let direction = Direction::pasted(records);
    let (from_client, from_server) = if client {
        (direction, Direction::default())
    } else {
        (Direction::default(), direction)
    };
    Stream {
        client: (core::net::IpAddr::V4(core::net::Ipv4Addr::UNSPECIFIED), 0),
        server: (core::net::IpAddr::V4(core::net::Ipv4Addr::UNSPECIFIED), 0),
        opened: false,
        first_packet: 0,
        start: 0.0,
        from_client,
        from_server,
    }
}

fn add_connection(out: &mut Capture, stream: &Stream, pasted: bool) {
    let d = handshake::decode(stream);
    let server_hello = d.learned.server_hello.clone();
    let tls13 = server_hello
        .as_ref()
        .is_some_and(|s| s.version.id == 0x0304);
    let resumed = server_hello
        .as_ref()
        .is_some_and(|s| s.psk || s.session_resumed)
        || (!tls13
            && server_hello.is_some()
            && d.learned.certificates.is_empty()
            && d.messages
                .iter()
                .any(|m| m.from == "server" && m.kind == "ChangeCipherSpec"));
    // The certificates go to the chain analysis once each.
    let first_new = out.certificates.len();
    let mut from = None;
    for der in &d.learned.certificates {
        match out.certificates.iter().position(|c| c == der) {
            Some(i) => {
                from.get_or_insert(i);
            }
            None => {
                from.get_or_insert(out.certificates.len());
                out.certificates.push(der.clone());
            }
        }
    }
    let sni = d.learned.client_hello.as_ref().and_then(|c| c.sni.clone());
    if !d.learned.certificates.is_empty() && out.host.is_none() {
        out.host.clone_from(&sni);
    }
    for der in out.certificates.get(first_new..).unwrap_or_default() {
        if let Ok(pem) = der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, der) {
            out.pem.push_str(&pem);
        }
    }
    // A stapled OCSP response is read beside the certificates it is about, as if pasted.
    if let Some(ocsp) = &d.learned.stapled_ocsp {
        if let Ok(pem) = der::pem::encode_string("OCSP RESPONSE", der::pem::LineEnding::LF, ocsp) {
            out.pem.push_str(&pem);
        }
    }
    let client_hello = d
        .learned
        .second_client_hello
        .as_ref()
        .or(d.learned.client_hello.as_ref());
    let transcript = crate::input::transcript::Transcript {
        tool: "capture",
        line: usize::try_from(stream.first_packet).unwrap_or(0),
        host: sni.clone(),
        sni: sni.clone(),
        port: (!pasted).then_some(stream.server.1),
        ip: (!pasted).then(|| stream.server.0.to_string()),
        protocol: server_hello
            .as_ref()
            .map(|s| s.version.name.replace("TLS ", "TLSv")),
        cipher: server_hello.as_ref().map(|s| s.cipher_suite.name.clone()),
        group: server_hello
            .as_ref()
            .and_then(|s| s.group.as_ref())
            .or(d
                .learned
                .key_exchange
                .as_ref()
                .and_then(|k| k.group.as_ref()))
            .map(|g| quantum_name(&g.name)),
        peer_signature: d
            .learned
            .key_exchange
            .as_ref()
            .and_then(|k| k.signature.as_ref())
            .map(|s| s.name.clone()),
        alpn: server_hello.as_ref().and_then(|s| s.alpn.clone()),
        ocsp: client_hello
            .filter(|c| c.status_request)
            .map(|_| match &d.learned.stapled_ocsp {
                Some(o) => format!("OCSP response stapled ({} bytes)", o.len()),
                None => "no response sent".into(),
            }),
        ..Default::default()
    };
    let leaf_key = d
        .learned
        .certificates
        .first()
        .and_then(|der| key_label(der));
    let mut connection = crate::connection::report(&transcript, &[]);
    connection.quantum = crate::quantum::report(transcript.group.as_deref(), leaf_key.as_deref());
    connection.steps = d
        .messages
        .iter()
        .map(|m| format!("{} ({}): {}", m.kind, m.from, m.summary))
        .collect();
    connection
        .findings
        .extend(findings(&d, server_hello.as_ref(), stream.first_packet));
    let scts = server_hello
        .as_ref()
        .and_then(|s| s.sct_list.as_deref())
        .map(base64ct::Base64::encode_string);
    let index = out.connections.len();
    out.connections.push(connection);
    out.capture.connections.push(TlsConnection {
        client: if pasted {
            String::new()
        } else {
            endpoint(stream.client)
        },
        server: if pasted {
            String::new()
        } else {
            endpoint(stream.server)
        },
        tcp_opened: stream.opened,
        first_packet: stream.first_packet,
        start: stream.start,
        client_hello: d.learned.client_hello.clone(),
        second_client_hello: d.learned.second_client_hello.clone(),
        hello_retry_request: d.learned.hello_retry.clone(),
        server_hello,
        certificates: d.learned.certificates.len(),
        certificates_from: from,
        certificate_encrypted: tls13 && !resumed,
        scts,
        stapled_ocsp: d
            .learned
            .stapled_ocsp
            .as_deref()
            .map(base64ct::Base64::encode_string),
        server_key_exchange: d.learned.key_exchange.clone(),
        client_certificate_requested: d.learned.certificate_request,
        client_certificates: d.learned.client_certificates,
        resumed,
        alerts: d
            .learned
            .alerts
            .iter()
            .map(|(from, code, fatal)| {
                let (name, meaning) = names::alert(*code);
                AlertReport {
                    from,
                    code: *code,
                    name,
                    fatal: *fatal,
                    meaning,
                }
            })
            .collect(),
        messages: d.messages,
        messages_left_out: d.messages_left_out,
        retransmissions: stream
            .from_client
            .retransmitted
            .saturating_add(stream.from_server.retransmitted),
        out_of_order: stream
            .from_client
            .out_of_order
            .saturating_add(stream.from_server.out_of_order),
        problems: d.problems,
        connection: index,
    });
}

const RFC8446_ALERTS: crate::Reference = crate::Reference {
    label: "RFC 8446 §6 (alerts)",
    url: "https://www.rfc-editor.org/rfc/rfc8446#section-6",
};
const RFC8446_HELLO: crate::Reference = crate::Reference {
    label: "RFC 8446 §4.1 (hello messages)",
    url: "https://www.rfc-editor.org/rfc/rfc8446#section-4.1",
};

/// What the capture shows beyond what a transcript does: fatal alerts, a HelloRetryRequest,
/// a downgrade sentinel, and a ClientHello without SNI.
fn findings(
    d: &handshake::Decoded,
    server_hello: Option<&ServerHello>,
    packet: u32,
) -> Vec<crate::Finding> {
    use crate::lint::finding;
    use crate::Severity;
    let at = format!("capture, connection from packet {packet}");
    let mut out = Vec::new();
    for (from, code, fatal) in &d.learned.alerts {
        let (name, meaning) = names::alert(*code);
        if *fatal {
            out.push(finding("tls.fatal-alert", Severity::Error, format!("The {from} ended the handshake with a fatal alert: {name}"),
                meaning, format!("alert {code} ({name}) from the {from}; {at}"), RFC8446_ALERTS,
                if *code == 48 || *code == 46 || *code == 42 { "See the chain analysis of the certificates the server sent: it names the missing or untrusted certificate." } else { "" }));
        }
    }
    if let Some(h) = &d.learned.hello_retry {
        out.push(finding("tls.hello-retry", Severity::Info, "The server asked for another key share (HelloRetryRequest)",
            format!("None of the client's key shares was for a group the server accepts, so it asked for {}: a whole extra round trip before the connection starts.", h.group.as_ref().map_or("another group", |g| g.name.as_str())),
            at.clone(), RFC8446_HELLO, "Have the server accept the client's first key share (X25519MLKEM768 or X25519 for browsers), or the client send the server's group first."));
    }
    if let Some(v) = server_hello.and_then(|s| s.downgrade_sentinel) {
        out.push(finding("tls.downgrade-sentinel", Severity::Error, "The ServerHello carries the TLS 1.3 downgrade sentinel",
            format!("The server supports TLS 1.3 but chose {v}, and says so in its random. A TLS 1.3 client must abort: either something in the middle removed TLS 1.3 from the ClientHello, or the client did not offer it."),
            at.clone(), RFC8446_HELLO, "Find what rewrites the ClientHello (a TLS-intercepting proxy or firewall), or enable TLS 1.3 in the client."));
    }
    if d.learned
        .client_hello
        .as_ref()
        .is_some_and(|c| c.sni.is_none() && !c.ech)
    {
        out.push(finding("tls.no-sni", Severity::Warning, "The ClientHello names no host (no SNI)",
            "Without server_name the server cannot tell which site is wanted and sends its default certificate, which is often the wrong one. Every browser sends SNI; a client connecting by IP address or an old library may not.",
            at, RFC8446_HELLO, "Connect by host name (openssl s_client -servername host; curl with the name in the URL)."));
    }
    out
}

/// The certificate key as the quantum verdict names it ("ECDSA P-256", "RSA 2048",
/// "ML-DSA-65"), read from the SubjectPublicKeyInfo alone: the certificate itself is analysed
/// by the core, and this module stays small ([RFC 5280] §4.1: the key is the TBSCertificate's
/// seventh field, or sixth when version is absent).
///
/// [RFC 5280]: https://www.rfc-editor.org/rfc/rfc5280#section-4.1
fn key_label(certificate: &[u8]) -> Option<String> {
    use der::{asn1::AnyRef, Decode as _};
    let outer = AnyRef::from_der(certificate).ok()?;
    let mut r = der::SliceReader::new(outer.value()).ok()?;
    let tbs = AnyRef::decode(&mut r).ok()?;
    let mut fields = der::SliceReader::new(tbs.value()).ok()?;
    let version = der::Tag::peek(&fields).ok()?.is_context_specific();
    for _ in 0..(if version { 6 } else { 5 }) {
        AnyRef::decode(&mut fields).ok()?;
    }
    let spki = spki::SubjectPublicKeyInfoRef::decode(&mut fields).ok()?;
    let oid = spki.algorithm.oid.to_string();
    let key = spki.subject_public_key.raw_bytes();
    let parameter = spki
        .algorithm
        .parameters
        .and_then(|p| p.decode_as::<der::asn1::ObjectIdentifier>().ok())
        .map(|o| o.to_string());
    Some(match (oid.as_str(), parameter.as_deref()) {
        ("1.2.840.113549.1.1.1", _) => {
            let rsa = pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(key).ok()?;
            format!(
                "RSA {}",
                crate::cert::public_key::bit_length(rsa.modulus.as_bytes())
            )
        }
        ("1.2.840.10045.2.1", Some("1.2.840.10045.3.1.7")) => "ECDSA P-256".into(),
        ("1.2.840.10045.2.1", Some("1.3.132.0.34")) => "ECDSA P-384".into(),
        ("1.2.840.10045.2.1", Some("1.3.132.0.35")) => "ECDSA P-521".into(),
        ("1.2.840.10045.2.1", _) => "ECDSA".into(),
        ("1.3.101.112", _) => "Ed25519".into(),
        ("1.3.101.113", _) => "Ed448".into(),
        (o, _) => match o
            .strip_prefix("2.16.840.1.101.3.4.3.")
            .and_then(|n| n.parse::<u8>().ok())
        {
            Some(17) => "ML-DSA-44".into(),
            Some(18) => "ML-DSA-65".into(),
            Some(19) => "ML-DSA-87".into(),
            Some(20..=31) => "SLH-DSA".into(),
            _ => o.to_owned(),
        },
    })
}

/// The group as the quantum verdict and the transcript reader name it (OpenSSL's spelling
/// of the classical curves).
fn quantum_name(iana: &str) -> String {
    match iana {
        "x25519" => "X25519".into(),
        "x448" => "X448".into(),
        "secp256r1" => "P-256".into(),
        "secp384r1" => "P-384".into(),
        "secp521r1" => "P-521".into(),
        other => other.to_owned(),
    }
}
