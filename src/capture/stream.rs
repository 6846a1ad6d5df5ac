//! TCP reassembly ([RFC 9293] §3.4 sequence numbers): each direction of each connection as
//! one run of bytes, whatever order its segments were captured in and however often they
//! were sent again. Work and memory are bounded: streams that do not start like TLS stop
//! being kept; each direction keeps its handshake and its first [`KEPT_DATA_RECORDS`]
//! encrypted records (at most [`MAX_DIRECTION_BYTES`]) and only counts the records after
//! them; the whole capture keeps at most [`MAX_KEPT_BYTES`]; at most [`MAX_STREAMS`]
//! connections are followed.
//!
//! [RFC 9293]: https://www.rfc-editor.org/rfc/rfc9293

use core::net::IpAddr;
use std::collections::{BTreeMap, HashMap};

use super::packets::Segment;

/// The most connections followed; later ones are counted, not read.
pub const MAX_STREAMS: usize = 10_000;
/// The most bytes kept of one direction of a connection (the handshake is at the start).
pub(crate) const MAX_DIRECTION_BYTES: usize = 256 * 1024;
/// The most bytes kept over the whole capture.
pub(crate) const MAX_KEPT_BYTES: usize = 64 * 1024 * 1024;
/// The most out-of-order segments held while waiting for a gap to fill, per direction.
const MAX_WAITING: usize = 256;
/// Encrypted records (application data) kept per direction; later ones are counted. TLS 1.3
/// sends its encrypted handshake as the first few of them.
pub(crate) const KEPT_DATA_RECORDS: usize = 8;

/// An endpoint: address and port.
pub(crate) type Endpoint = (IpAddr, u16);

/// One direction of a connection, reassembled.
#[derive(Debug, Default)]
pub(crate) struct Direction {
    /// The sequence number of the first byte (`None` until a segment is seen).
    base: Option<u32>,
    /// The bytes kept, in order from the start: whole records (up to the first gap).
    pub(crate) bytes: Vec<u8>,
    /// The first bytes received, kept even when `bytes` cannot be (TLS is recognised by them).
    first: Vec<u8>,
    /// Bytes received in order, kept or counted.
    received: usize,
    /// Where the next record header is in the kept bytes, and how many application-data
    /// records were seen there.
    scan_at: usize,
    data_records: usize,
    /// Counting instead of keeping: the bytes left of the current record, the part of a
    /// record header seen so far, and the records and bytes counted.
    counting: bool,
    skip: usize,
    partial: Vec<u8>,
    /// Records after the kept bytes: how many, how many bytes, and the packet and time of the
    /// last byte.
    pub(crate) records_after: usize,
    pub(crate) bytes_after: usize,
    pub(crate) last: (u32, f64),
    /// Segments ahead of a gap, by offset.
    waiting: BTreeMap<usize, Vec<u8>>,
    /// For each run of bytes appended: the offset it ends at, its packet and time.
    pub(crate) marks: Vec<(usize, u32, f64)>,
    /// Segments seen again (retransmissions), segments that arrived ahead of a gap.
    pub(crate) retransmitted: usize,
    pub(crate) out_of_order: usize,
    /// The capture's memory budget ran out before this direction's handshake was kept.
    pub(crate) cut: bool,
    /// Not TLS: nothing more is kept.
    pub(crate) dropped: bool,
}

impl Direction {
    /// Bytes given whole (pasted TLS records), as if received in one packet.
    pub(crate) fn pasted(bytes: Vec<u8>) -> Self {
        let end = bytes.len();
        Direction {
            first: bytes.get(..5).unwrap_or_default().to_vec(),
            received: end,
            bytes,
            marks: vec![(end, 0, 0.0)],
            ..Direction::default()
        }
    }

    /// The packet and time at which the byte at `offset` had arrived (the packet that
    /// completed it).
    pub(crate) fn when(&self, offset: usize) -> (u32, f64) {
        let i = self.marks.partition_point(|(end, ..)| *end <= offset);
        self.marks
            .get(i)
            .or(self.marks.last())
            .map_or((0, 0.0), |(_, p, t)| (*p, *t))
    }

    fn add(&mut self, s: &Segment<'_>, budget: &mut usize) {
        if s.syn {
            self.base = Some(s.sequence.wrapping_add(1));
            return;
        }
        if s.payload.is_empty() || self.dropped {
            return;
        }
        let base = *self.base.get_or_insert(s.sequence);
        let relative = s.sequence.wrapping_sub(base);
        // A segment from before the first one seen (the capture started mid-stream).
        if relative > u32::MAX / 2 {
            return;
        }
        let offset = usize::try_from(relative).unwrap_or(usize::MAX);
        let end = offset.saturating_add(s.payload.len());
        let have = self.received;
        if end <= have {
            self.retransmitted = self.retransmitted.saturating_add(1);
            return;
        }
        if offset > have {
            self.out_of_order = self.out_of_order.saturating_add(1);
            if self.waiting.len() < MAX_WAITING && offset < have.saturating_add(MAX_DIRECTION_BYTES)
            {
                self.waiting
                    .entry(offset)
                    .or_insert_with(|| s.payload.to_vec());
            }
            return;
        }
        self.append(
            s.payload
                .get(have.saturating_sub(offset)..)
                .unwrap_or_default(),
            s,
            budget,
        );
        // Segments that waited for this one.
        while let Some(entry) = self.waiting.first_entry() {
            let at = *entry.key();
            let have = self.received;
            if at > have {
                break;
            }
            let data = entry.remove();
            if let Some(tail) = data.get(have.saturating_sub(at)..) {
                self.append(tail, s, budget);
            }
        }
        if self.is_not_tls() {
            self.dropped = true;
            *budget = budget.saturating_add(self.bytes.len());
            self.bytes = Vec::new();
            self.waiting.clear();
            self.marks = Vec::new();
        }
    }

    fn append(&mut self, data: &[u8], s: &Segment<'_>, budget: &mut usize) {
        self.received = self.received.saturating_add(data.len());
        self.last = (s.packet, s.time);
        if self.first.len() < 5 {
            let want = 5usize.saturating_sub(self.first.len()).min(data.len());
            self.first
                .extend_from_slice(data.get(..want).unwrap_or_default());
        }
        if self.counting {
            self.count(data);
            return;
        }
        let room = MAX_DIRECTION_BYTES
            .saturating_sub(self.bytes.len())
            .min(*budget);
        let kept = data.get(..room.min(data.len())).unwrap_or_default();
        *budget = budget.saturating_sub(kept.len());
        self.bytes.extend_from_slice(kept);
        self.marks.push((self.bytes.len(), s.packet, s.time));
        self.scan();
        if self.data_records > KEPT_DATA_RECORDS || kept.len() < data.len() {
            // Stopped keeping before the handshake and first records were all kept.
            self.cut = self.data_records <= KEPT_DATA_RECORDS;
            // From the last whole record on, records are counted, not kept.
            let tail = self.bytes.split_off(self.scan_at.min(self.bytes.len()));
            *budget = budget.saturating_add(tail.len());
            self.counting = true;
            self.count(&tail);
            self.count(data.get(kept.len()..).unwrap_or_default());
        }
    }

    /// Walks the record headers of the kept bytes from `scan_at`, counting application data.
    fn scan(&mut self) {
        while let Some(header) = self.bytes.get(self.scan_at..self.scan_at.saturating_add(5)) {
            let (kind, len) = match header {
                [kind, _, _, hi, lo] => (*kind, usize::from(u16::from_be_bytes([*hi, *lo]))),
                _ => return,
            };
            let end = self.scan_at.saturating_add(5).saturating_add(len);
            if end > self.bytes.len() {
                // Counted once it is whole, or when counting takes over.
                return;
            }
            if kind == 23 {
                self.data_records = self.data_records.saturating_add(1);
                if self.data_records > KEPT_DATA_RECORDS {
                    return;
                }
            }
            self.scan_at = end;
        }
    }

    /// Counts the records in `data`, which follows what was kept or counted before.
    fn count(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            if self.skip > 0 {
                let n = self.skip.min(data.len());
                self.skip = self.skip.saturating_sub(n);
                data = data.get(n..).unwrap_or_default();
                continue;
            }
            let want = 5usize.saturating_sub(self.partial.len()).min(data.len());
            self.partial
                .extend_from_slice(data.get(..want).unwrap_or_default());
            data = data.get(want..).unwrap_or_default();
            if let [_, _, _, hi, lo] = self.partial.as_slice() {
                self.skip = usize::from(u16::from_be_bytes([*hi, *lo]));
                self.records_after = self.records_after.saturating_add(1);
                self.bytes_after = self.bytes_after.saturating_add(self.skip.saturating_add(5));
                self.partial.clear();
            }
        }
    }

    /// Whether the first bytes rule out a TLS record (content type 20–24, version 3.x).
    fn is_not_tls(&self) -> bool {
        match self.first.as_slice() {
            [t, ..] if !(20..=24).contains(t) => true,
            [_, major, ..] => *major != 3,
            _ => false,
        }
    }
}

/// One TCP connection: the side that opened it (or spoke first) is the client.
#[derive(Debug)]
pub(crate) struct Stream {
    pub(crate) client: Endpoint,
    pub(crate) server: Endpoint,
    /// Whether the SYN was seen (so client and server are known, not guessed).
    pub(crate) opened: bool,
    pub(crate) first_packet: u32,
    pub(crate) start: f64,
    pub(crate) from_client: Direction,
    pub(crate) from_server: Direction,
}

impl Stream {
    /// Whether either side looks like TLS.
    pub(crate) fn is_tls(&self) -> bool {
        let starts = |d: &Direction| !d.dropped && !d.first.is_empty();
        starts(&self.from_client) || starts(&self.from_server)
    }
}

/// Every connection of a capture, in the order they started.
#[derive(Debug, Default)]
pub(crate) struct Streams {
    pub(crate) streams: Vec<Stream>,
    index: HashMap<(Endpoint, Endpoint), usize>,
    /// Connections not followed because of [`MAX_STREAMS`] (each counted once).
    skipped: std::collections::HashSet<(Endpoint, Endpoint)>,
    budget: usize,
}

impl Streams {
    /// Connections not followed because of [`MAX_STREAMS`].
    pub(crate) fn skipped(&self) -> usize {
        self.skipped.len()
    }

    pub(crate) fn new() -> Self {
        Streams {
            budget: MAX_KEPT_BYTES,
            ..Streams::default()
        }
    }

    /// Adds one captured segment to its connection.
    pub(crate) fn add(&mut self, s: &Segment<'_>) {
        let key = (s.source, s.destination);
        let reverse = (s.destination, s.source);
        let (at, from_client) = if let Some(i) = self.index.get(&key) {
            (*i, true)
        } else if let Some(i) = self.index.get(&reverse) {
            (*i, false)
        } else {
            // A SYN+ACK seen first means the sender is the server.
            if s.payload.is_empty() && !s.syn {
                return;
            }
            if self.streams.len() >= MAX_STREAMS {
                if !self.skipped.contains(&reverse)
                    && self.skipped.len() < MAX_STREAMS.saturating_mul(100)
                {
                    self.skipped.insert(key);
                }
                return;
            }
            let server_first =
                s.syn && s.payload.is_empty() && looks_like_server(s.source.1, s.destination.1);
            let (client, server) = if server_first {
                (s.destination, s.source)
            } else {
                (s.source, s.destination)
            };
            self.index.insert((client, server), self.streams.len());
            self.streams.push(Stream {
                client,
                server,
                opened: s.syn,
                first_packet: s.packet,
                start: s.time,
                from_client: Direction::default(),
                from_server: Direction::default(),
            });
            (self.streams.len().saturating_sub(1), !server_first)
        };
        let Some(stream) = self.streams.get_mut(at) else {
            return;
        };
        let direction = if from_client {
            &mut stream.from_client
        } else {
            &mut stream.from_server
        };
        direction.add(s, &mut self.budget);
    }
}

/// Whether a SYN from `source` to `destination` ports is more likely the server's SYN+ACK
/// (the capture started after the client's SYN): the lower, well-known port serves.
fn looks_like_server(source: u16, destination: u16) -> bool {
    source < 1024 && destination >= 1024
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::net::Ipv4Addr;

    fn segment(seq: u32, payload: &[u8], packet: u32) -> Segment<'_> {
        Segment {
            packet,
            time: f64::from(packet),
            source: (IpAddr::V4(Ipv4Addr::LOCALHOST), 50000),
            destination: (IpAddr::V4(Ipv4Addr::LOCALHOST), 443),
            sequence: seq,
            syn: false,
            payload,
        }
    }

    #[test]
    fn reorders_and_drops_repeats() {
        let mut streams = Streams::new();
        let mut syn = segment(u32::MAX - 2, b"", 1);
        syn.syn = true;
        streams.add(&syn);
        // Sequence numbers wrap around 2^32 in the middle of the stream.
        streams.add(&segment(u32::MAX - 1, b"\x16\x03", 2));
        streams.add(&segment(5, b"\xcc", 3));
        streams.add(&segment(3, b"\xaa\xbb", 4));
        streams.add(&segment(0, b"\x01\x00\x05", 5));
        streams.add(&segment(3, b"\xaa\xbb", 6));
        let [stream] = streams.streams.as_slice() else {
            panic!("one stream");
        };
        let d = &stream.from_client;
        assert_eq!(d.bytes, b"\x16\x03\x01\x00\x05\xaa\xbb\xcc");
        assert_eq!((d.out_of_order, d.retransmitted), (2, 1));
        assert_eq!(d.when(0), (2, 2.0));
        assert_eq!(d.when(7), (5, 5.0));
    }

    #[test]
    fn keeps_the_start_then_counts() {
        // Nine application-data records: eight kept, the ninth counted.
        let mut d = Direction::default();
        let mut budget = MAX_KEPT_BYTES;
        let record = [23u8, 3, 3, 0, 2, 0xaa, 0xbb];
        for i in 0..9u32 {
            d.add(&segment(1 + i * 7, &record, i + 1), &mut budget);
        }
        assert_eq!(
            (d.bytes.len(), d.records_after, d.bytes_after, d.cut),
            (56, 1, 7, false)
        );
        assert_eq!(budget, MAX_KEPT_BYTES - 56);
        // With the capture's budget used up, only the first bytes are kept: TLS is still
        // recognised, and the direction says it was cut.
        let mut d = Direction::default();
        let mut none = 0;
        d.add(&segment(1, &record, 1), &mut none);
        assert!(d.bytes.is_empty() && d.cut && !d.is_not_tls());
        assert_eq!(d.records_after, 1);
    }

    #[test]
    fn stops_keeping_what_is_not_tls() {
        let mut streams = Streams::new();
        streams.add(&segment(1, b"GET / HTTP/1.1\r\n", 1));
        streams.add(&segment(17, b"Host: x\r\n", 2));
        let [stream] = streams.streams.as_slice() else {
            panic!("one stream");
        };
        assert!(stream.from_client.dropped && stream.from_client.bytes.is_empty());
        assert!(!stream.is_tls());
    }
}
