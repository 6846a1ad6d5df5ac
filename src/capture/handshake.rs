//! One connection's TLS, message by message: the records of each direction ([RFC 8446] §5.1,
//! [RFC 5246] §6.2), the handshake messages inside them (split across records or packed
//! several to a record, §5.1 / §4), and where encryption starts. The two directions are put
//! in the order their packets were captured, as a timeline.
//!
//! [RFC 8446]: https://www.rfc-editor.org/rfc/rfc8446
//! [RFC 5246]: https://www.rfc-editor.org/rfc/rfc5246

use serde::Serialize;

use super::explain::Learned;
use super::hello::{self, ServerHello};
use super::names::{self, plural};
use super::stream::{Direction, Stream, KEPT_DATA_RECORDS};

/// The most timeline entries of one connection; later records are counted in the last one.
pub(crate) const MAX_MESSAGES: usize = 200;
/// The most bytes of a message shown in hex.
const MAX_SHOWN_BYTES: usize = 4096;
/// The largest handshake message read (a certificate chain fits many times over).
const MAX_HANDSHAKE_BYTES: usize = 1 << 18;

/// One step of the connection.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    /// `client` or `server`: who sent it.
    pub from: &'static str,
    /// The packet that completed it (1-based, as Wireshark numbers them).
    pub packet: u32,
    /// Seconds since the connection's first packet.
    pub time: f64,
    /// What it is: "ClientHello", "ServerHello", "HelloRetryRequest", "Certificate", "Alert",
    /// "ChangeCipherSpec", "Encrypted handshake", "Application data"…
    pub kind: String,
    /// What it does, in plain words, with the values seen.
    pub summary: String,
    /// Where it starts in its direction's byte stream.
    pub offset: usize,
    /// Its length in bytes (for merged records, all of them).
    pub length: usize,
    /// Records merged into this entry (encrypted data).
    pub records: usize,
    /// Its bytes in hex (the first 4,096), record or handshake header included.
    pub hex: String,
    /// Where each field is in those bytes.
    pub fields: Vec<super::fields::Field>,
}

/// A connection read: what its plaintext said, and its timeline.
#[derive(Debug, Default)]
pub(crate) struct Decoded {
    /// What the messages said.
    pub(crate) learned: Learned,
    pub(crate) messages: Vec<Message>,
    pub(crate) messages_left_out: usize,
    /// Problems with the bytes, each with its direction and offset.
    pub(crate) problems: Vec<String>,
}

/// A record: type, version, and where its body is.
struct Record<'a> {
    offset: usize,
    content_type: u8,
    body: &'a [u8],
}

/// The complete records at the start of `bytes`; the problem that stopped the walk, if any.
fn records(bytes: &[u8]) -> (Vec<Record<'_>>, Option<String>) {
    let mut out = Vec::new();
    let mut at = 0usize;
    while at < bytes.len() {
        let (Some(t), Some(major), Some(len)) = (
            bytes.get(at),
            bytes.get(at.saturating_add(1)),
            hello::u16_at(bytes, at.saturating_add(3)),
        ) else {
            return (out, None);
        };
        if !(20..=24).contains(t) || *major != 3 || len > 16_384 + 2_048 {
            return (out, Some(format!("byte {at} does not start a TLS record (type {t}, version {major}.x, length {len})")));
        }
        let end = at.saturating_add(5).saturating_add(usize::from(len));
        let Some(body) = bytes.get(at.saturating_add(5)..end) else {
            return (out, None);
        };
        out.push(Record {
            offset: at,
            content_type: *t,
            body,
        });
        at = end;
    }
    (out, None)
}

/// One event of one direction before the two are merged.
struct Event {
    message: Message,
    order: usize,
}

fn hex_of(bytes: &[u8]) -> String {
    crate::hex::plain(
        bytes
            .get(..MAX_SHOWN_BYTES.min(bytes.len()))
            .unwrap_or_default(),
    )
}

/// Reads both directions of `stream` into one timeline.
pub(crate) fn decode(stream: &Stream) -> Decoded {
    let mut d = Decoded::default();
    // The version decides what CCS means and how encrypted handshake records look; it comes
    // from the ServerHello, so the server's side is read for it first.
    let (client_records, client_problem) = records(&stream.from_client.bytes);
    let (server_records, server_problem) = records(&stream.from_server.bytes);
    let tls13 = first_server_hello(&server_records).is_some_and(|s| s.version.id == 0x0304);
    let mut events = Vec::new();
    let client_packets = record_packets(&stream.from_client, &client_records);
    let server_packets = record_packets(&stream.from_server, &server_records);
    // In TLS 1.3 the server's encrypted handshake ends before the client's Finished, the
    // client's first encrypted record.
    let client_finished = client_records
        .iter()
        .find(|r| r.content_type == 23)
        .map_or(u32::MAX, |r| stream.from_client.when(r.offset).0);
    let client = Side {
        dir: &stream.from_client,
        records: &client_records,
        problem: client_problem,
        from: "client",
        other: &server_packets,
        handshake_until: 0,
        start: stream.start,
    };
    let server = Side {
        dir: &stream.from_server,
        records: &server_records,
        problem: server_problem,
        from: "server",
        other: &client_packets,
        handshake_until: client_finished,
        start: stream.start,
    };
    read_direction(&client, tls13, &mut d, &mut events);
    read_direction(&server, tls13, &mut d, &mut events);
    events.sort_by_key(|e| (e.message.packet, e.order));
    let total = events.len();
    d.messages = events
        .into_iter()
        .take(MAX_MESSAGES)
        .map(|e| e.message)
        .collect();
    d.messages_left_out = total.saturating_sub(MAX_MESSAGES);
    d
}

/// The ServerHello that is not a HelloRetryRequest (after one, the server's second hello).
fn first_server_hello(records: &[Record<'_>]) -> Option<ServerHello> {
    records
        .iter()
        .filter(|r| r.content_type == 22 && r.body.first() == Some(&2))
        .filter_map(|r| hello::server(r.body.get(4..)?, None))
        .find(|s| !s.hello_retry_request)
}

/// The packet that completed each record of `dir`, in order.
fn record_packets(dir: &Direction, records: &[Record<'_>]) -> Vec<u32> {
    records
        .iter()
        .map(|r| {
            dir.when(r.offset.saturating_add(4).saturating_add(r.body.len()))
                .0
        })
        .collect()
}

/// What a timeline entry's bytes are: one handshake message (from its handshake header), or
/// records (from the first one's record header).
#[derive(Clone, Copy)]
enum Unit {
    Handshake,
    Records(usize),
}

/// One direction, with what is needed from the other.
struct Side<'a> {
    dir: &'a Direction,
    /// Its whole records, and what stopped the walk through them.
    records: &'a [Record<'a>],
    problem: Option<String>,
    from: &'static str,
    /// The packets of the other direction's records, in order.
    other: &'a [u32],
    /// TLS 1.3: encrypted records completed before this packet are handshake (for the client,
    /// its first encrypted record is).
    handshake_until: u32,
    /// When the connection started (times are shown from there).
    start: f64,
}

impl Side<'_> {
    /// Adds a timeline entry for `bytes`, which start at `offset` of this direction.
    fn push(
        &self,
        events: &mut Vec<Event>,
        offset: usize,
        kind: String,
        summary: String,
        bytes: &[u8],
        unit: Unit,
    ) {
        let (handshake, records) = match unit {
            Unit::Handshake => (true, 1),
            Unit::Records(n) => (false, n),
        };
        let fields = super::fields::of(
            bytes
                .get(..MAX_SHOWN_BYTES.min(bytes.len()))
                .unwrap_or_default(),
            handshake,
        );
        let (packet, time) = self
            .dir
            .when(offset.saturating_add(bytes.len()).saturating_sub(1));
        let order = events.len();
        events.push(Event {
            message: Message {
                from: self.from,
                packet,
                time: (time - self.start).max(0.0),
                kind,
                summary,
                offset,
                length: bytes.len(),
                records,
                hex: hex_of(bytes),
                fields,
            },
            order,
        });
    }

    /// Adds the entry of a run of encrypted records, if one is open.
    fn flush(&self, run: &mut Option<Run>, events: &mut Vec<Event>) {
        let Some(Run {
            offset,
            end,
            count,
            kind,
            ..
        }) = run.take()
        else {
            return;
        };
        let bytes = self.dir.bytes.get(offset..end).unwrap_or_default();
        let summary = match kind {
            "Encrypted handshake" if self.from == "client" => format!("The client's Finished message, encrypted ({} bytes): it proves the handshake was not tampered with.", bytes.len()),
            "Encrypted handshake" => format!("{count} encrypted record{} ({} bytes): in TLS 1.3 the rest of the server's handshake (EncryptedExtensions, Certificate, CertificateVerify, Finished) is encrypted. The certificate cannot be read from a capture without the session keys (an SSLKEYLOGFILE).", plural(count), bytes.len()),
            _ => format!("{count} record{} of encrypted application data ({} bytes): the HTTP requests and responses, unreadable without the session keys.", plural(count), bytes.len()),
        };
        self.push(
            events,
            offset,
            kind.to_owned(),
            summary,
            bytes,
            Unit::Records(count),
        );
    }

    /// Whether the other side sent a record between packets `a` and `b`.
    fn other_between(&self, a: u32, b: u32) -> bool {
        self.other.partition_point(|p| *p <= a) != self.other.partition_point(|p| *p < b)
    }
}

#[allow(clippy::too_many_lines)]
fn read_direction(side: &Side<'_>, tls13: bool, d: &mut Decoded, events: &mut Vec<Event>) {
    let (dir, from) = (side.dir, side.from);
    if let Some(p) = side.problem.as_ref().filter(|_| !dir.cut) {
        d.problems.push(format!(
            "{from} → {}: {p}",
            if from == "client" { "server" } else { "client" }
        ));
    }
    let mut encrypted = false;
    let mut handshake: Vec<u8> = Vec::new();
    let mut handshake_start = 0usize;
    // Consecutive encrypted records are shown as one entry, until the other side speaks.
    let mut run: Option<Run> = None;
    let mut encrypted_records = 0usize;
    for r in side.records {
        let whole = dir
            .bytes
            .get(r.offset..r.offset.saturating_add(5).saturating_add(r.body.len()))
            .unwrap_or_default();
        match r.content_type {
            23 => {
                let packet = dir
                    .when(r.offset.saturating_add(whole.len()).saturating_sub(1))
                    .0;
                encrypted_records = encrypted_records.saturating_add(1);
                let handshake = tls13
                    && if from == "client" {
                        encrypted_records == 1
                    } else {
                        packet < side.handshake_until
                    };
                let kind = if handshake {
                    "Encrypted handshake"
                } else {
                    "Application data"
                };
                match &mut run {
                    Some(open)
                        if open.kind == kind
                            && !side.other_between(open.packet, packet)
                            && !(handshake && from == "client") =>
                    {
                        open.end = r.offset.saturating_add(whole.len());
                        open.count = open.count.saturating_add(1);
                        open.packet = packet;
                    }
                    _ => {
                        side.flush(&mut run, events);
                        run = Some(Run {
                            offset: r.offset,
                            end: r.offset.saturating_add(whole.len()),
                            count: 1,
                            kind,
                            packet,
                        });
                    }
                }
                continue;
            }
            _ => side.flush(&mut run, events),
        }
        match r.content_type {
            20 => {
                let summary = if tls13 {
                    "A dummy ChangeCipherSpec, sent only so that middleboxes that expect TLS 1.2 let the connection through (RFC 8446 Appendix D.4). It changes nothing.".to_owned()
                } else {
                    encrypted = true;
                    format!("From here on the {from}'s records are encrypted with the keys just agreed.")
                };
                side.push(
                    events,
                    r.offset,
                    "ChangeCipherSpec".into(),
                    summary,
                    whole,
                    Unit::Records(1),
                );
            }
            21 => {
                if let ([level, code], false) = (r.body, encrypted && !tls13) {
                    let (name, meaning) = names::alert(*code);
                    let fatal = *level == 2;
                    d.learned.alerts.push((from, *code, fatal));
                    let summary = format!(
                        "{} alert {name} ({code}): {meaning}",
                        if fatal { "Fatal" } else { "Warning" }
                    );
                    side.push(
                        events,
                        r.offset,
                        format!("Alert: {name}"),
                        summary,
                        whole,
                        Unit::Records(1),
                    );
                } else {
                    side.push(events, r.offset, "Encrypted alert".into(), format!("An encrypted alert from the {from}: usually close_notify, the connection ending normally."), whole, Unit::Records(1));
                }
            }
            22 if encrypted => {
                side.push(events, r.offset, "Encrypted handshake".into(), format!("The {from}'s Finished message, encrypted: it proves the handshake was not tampered with."), whole, Unit::Records(1));
            }
            22 => {
                if handshake.is_empty() {
                    handshake_start = r.offset;
                }
                if handshake.len().saturating_add(r.body.len()) > MAX_HANDSHAKE_BYTES {
                    d.problems.push(format!("{from}: a handshake message longer than {MAX_HANDSHAKE_BYTES} bytes was not read"));
                    handshake.clear();
                    continue;
                }
                handshake.extend_from_slice(r.body);
                // Complete messages: type, 3-byte length, body.
                let mut at = 0usize;
                while let (Some(_), Some(l)) = (
                    handshake.get(at),
                    handshake.get(at.saturating_add(1)..at.saturating_add(4)),
                ) {
                    let len = l.iter().fold(0usize, |n, b| (n << 8) | usize::from(*b));
                    let end = at.saturating_add(4).saturating_add(len);
                    let Some(message) = handshake.get(at..end) else {
                        break;
                    };
                    let (kind, summary) = super::explain::describe(message, from, &mut d.learned);
                    let offset = if at == 0 { handshake_start } else { r.offset };
                    side.push(events, offset, kind, summary, message, Unit::Handshake);
                    at = end;
                }
                handshake.drain(..at.min(handshake.len()));
                if !handshake.is_empty() {
                    handshake_start = r.offset;
                }
            }
            24 => side.push(
                events,
                r.offset,
                "Heartbeat".into(),
                "A heartbeat record (RFC 6520): the extension of Heartbleed fame, rarely needed."
                    .into(),
                whole,
                Unit::Records(1),
            ),
            _ => {}
        }
    }
    side.flush(&mut run, events);
    if dir.records_after > 0 {
        let order = events.len();
        events.push(Event {
            message: Message {
                from,
                packet: dir.last.0,
                time: (dir.last.1 - side.start).max(0.0),
                kind: "Application data".into(),
                summary: format!(
                    "… and {} more record{} ({} bytes) up to here, counted but not kept: certscope keeps each direction's handshake and its first {KEPT_DATA_RECORDS} encrypted records.",
                    dir.records_after,
                    plural(dir.records_after),
                    dir.bytes_after
                ),
                offset: dir.bytes.len(),
                length: dir.bytes_after,
                records: dir.records_after,
                hex: String::new(),
                fields: Vec::new(),
            },
            order,
        });
    }
    if dir.cut {
        d.problems.push(format!("{from}: only the first {} bytes of this direction were kept (the capture's memory budget or the per-direction limit was reached); the rest was counted", dir.bytes.len()));
    }
}

/// Encrypted records being merged into one timeline entry.
struct Run {
    offset: usize,
    end: usize,
    count: usize,
    kind: &'static str,
    /// The packet of the last record.
    packet: u32,
}
