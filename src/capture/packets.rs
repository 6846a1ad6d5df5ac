//! The packets of a capture file: classic pcap (any byte order, micro- or nanosecond
//! timestamps) and pcapng (every interface with its own link type and timestamp resolution),
//! read by `pcap-parser`; each packet's TCP segment found by `etherparse` under Ethernet
//! (with VLAN tags), Linux cooked capture (v1 and v2), BSD loopback or raw IP.
//! Formats: draft-ietf-opsawg-pcap and draft-ietf-opsawg-pcapng.

use core::net::IpAddr;

use etherparse::{NetSlice, SlicedPacket, TransportSlice};
use pcap_parser::pcapng::Block;
use pcap_parser::{Linktype, PcapBlockOwned, PcapNGSlice};

/// One TCP segment of the capture.
#[derive(Debug)]
pub(crate) struct Segment<'a> {
    /// 1-based packet number, as Wireshark numbers frames.
    pub(crate) packet: u32,
    /// Seconds since the Unix epoch.
    pub(crate) time: f64,
    pub(crate) source: (IpAddr, u16),
    pub(crate) destination: (IpAddr, u16),
    pub(crate) sequence: u32,
    pub(crate) syn: bool,
    pub(crate) payload: &'a [u8],
}

/// What the packets were, counted.
#[derive(Debug, Default)]
pub(crate) struct Counts {
    pub(crate) packets: usize,
    pub(crate) tcp: usize,
    /// Packets that were not TCP over IP (UDP, ARP, …) or whose link type is not read.
    pub(crate) other: usize,
    pub(crate) link_types: Vec<String>,
}

/// A capture file's byte order and format could not be read, or stopped early.
#[derive(Debug)]
pub(crate) struct ReadError {
    pub(crate) offset: usize,
    pub(crate) message: String,
}

/// How many packets are read at most; the rest are reported, not read.
pub(crate) const MAX_PACKETS: usize = 2_000_000;

/// The link type's name, as people know it.
fn link_name(link: Linktype) -> String {
    match link.0 {
        0 => "BSD loopback".into(),
        1 => "Ethernet".into(),
        101 | 12 | 14 => "raw IP".into(),
        108 => "OpenBSD loopback".into(),
        113 => "Linux cooked capture".into(),
        228 => "raw IPv4".into(),
        229 => "raw IPv6".into(),
        276 => "Linux cooked capture v2".into(),
        n => format!("link type {n}"),
    }
}

/// The IP packet inside a frame of `link` type, sliced down to TCP.
fn slice(link: Linktype, data: &[u8]) -> Option<SlicedPacket<'_>> {
    match link.0 {
        1 => SlicedPacket::from_ethernet(data).ok(),
        113 => SlicedPacket::from_linux_sll(data).ok(),
        0 | 108 => SlicedPacket::from_ip(data.get(4..)?).ok(),
        276 => SlicedPacket::from_ip(data.get(20..)?).ok(),
        101 | 12 | 14 | 228 | 229 => SlicedPacket::from_ip(data).ok(),
        _ => None,
    }
}

fn segment(link: Linktype, data: &[u8], packet: u32, time: f64) -> Option<Segment<'_>> {
    let sliced = slice(link, data)?;
    let (source, destination) = match sliced.net? {
        NetSlice::Ipv4(ip) => (
            IpAddr::V4(ip.header().source_addr()),
            IpAddr::V4(ip.header().destination_addr()),
        ),
        NetSlice::Ipv6(ip) => (
            IpAddr::V6(ip.header().source_addr()),
            IpAddr::V6(ip.header().destination_addr()),
        ),
        _ => return None,
    };
    let TransportSlice::Tcp(tcp) = sliced.transport? else {
        return None;
    };
    Some(Segment {
        packet,
        time,
        source: (source, tcp.source_port()),
        destination: (destination, tcp.destination_port()),
        sequence: tcp.sequence_number(),
        syn: tcp.syn(),
        payload: tcp.payload(),
    })
}

/// Where `part` starts in `whole` (both from the same input), for error locations.
pub(crate) fn offset_in(whole: &[u8], part: &[u8]) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// How often reading tells how far it got: every this many bytes of the capture.
const PROGRESS_STEP: usize = 1 << 20;

/// Calls `each` with every TCP segment of the capture in `input`, in file order, and `progress`
/// with the bytes read so far and the capture's size about every MiB, and once at the end.
pub(crate) fn read<'a>(
    input: &'a [u8],
    pcapng: bool,
    counts: &mut Counts,
    progress: &mut dyn FnMut(usize, usize),
    mut each: impl FnMut(Segment<'a>),
) -> Result<(), ReadError> {
    let mut next_report = PROGRESS_STEP;
    let note_link = |counts: &mut Counts, link: Linktype| {
        let name = link_name(link);
        if !counts.link_types.contains(&name) {
            counts.link_types.push(name);
        }
    };
    let mut take = |counts: &mut Counts, link: Linktype, data: &'a [u8], time: f64| {
        let at = offset_in(input, data);
        if at >= next_report {
            progress(at, input.len());
            next_report = at.saturating_add(PROGRESS_STEP);
        }
        counts.packets = counts.packets.saturating_add(1);
        let packet = u32::try_from(counts.packets).unwrap_or(u32::MAX);
        match segment(link, data, packet, time) {
            Some(s) => {
                counts.tcp = counts.tcp.saturating_add(1);
                each(s);
            }
            None => counts.other = counts.other.saturating_add(1),
        }
    };
    let stop = |at: &[u8], what: String| ReadError {
        offset: offset_in(input, at),
        message: what,
    };
    if pcapng {
        let blocks = PcapNGSlice::from_slice(input)
            .map_err(|e| stop(input, format!("not a pcapng section header: {e:?}")))?;
        // Each interface's link type and timestamp units (if_tsresol), in IDB order; a new
        // section starts its own list.
        let mut interfaces: Vec<(Linktype, u64, i64)> = Vec::new();
        let mut last = input;
        for block in blocks {
            if counts.packets >= MAX_PACKETS {
                break;
            }
            let block = match block {
                Ok(PcapBlockOwned::NG(b)) => b,
                Ok(_) => continue,
                Err(e) => {
                    return Err(stop(
                        last,
                        format!("a pcapng block could not be read ({})", short(&e)),
                    ))
                }
            };
            match &block {
                Block::SectionHeader(_) => interfaces.clear(),
                Block::InterfaceDescription(idb) => {
                    note_link(counts, idb.linktype);
                    interfaces.push((
                        idb.linktype,
                        idb.ts_resolution().unwrap_or(1_000_000),
                        idb.ts_offset(),
                    ));
                }
                Block::EnhancedPacket(epb) => {
                    last = epb.data;
                    let usize_id = usize::try_from(epb.if_id).unwrap_or(usize::MAX);
                    let Some((link, resolution, offset)) = interfaces.get(usize_id).copied() else {
                        return Err(stop(
                            epb.data,
                            format!(
                                "a packet names interface {} that no interface block describes",
                                epb.if_id
                            ),
                        ));
                    };
                    let ticks = (u64::from(epb.ts_high) << 32) | u64::from(epb.ts_low);
                    #[allow(clippy::cast_precision_loss)]
                    let time = ticks as f64 / resolution.max(1) as f64 + offset as f64;
                    take(counts, link, epb.data, time);
                }
                Block::SimplePacket(spb) => {
                    last = spb.data;
                    if let Some((link, ..)) = interfaces.first().copied() {
                        take(counts, link, spb.data, 0.0);
                    }
                }
                _ => {}
            }
        }
    } else {
        let (mut rest, header) = pcap_parser::parse_pcap_header(input)
            .map_err(|e| stop(input, format!("not a pcap file header: {}", short(&e))))?;
        let link = header.network;
        note_link(counts, link);
        let fraction = if header.is_nanosecond_precision() {
            1e9
        } else {
            1e6
        };
        // pcap-parser's slice iterator reads little-endian frames only: the frame parser is
        // chosen here from the header.
        let frame = if header.is_modified_format() {
            pcap_parser::pcap::parse_pcap_frame_modified
        } else if header.is_bigendian() {
            pcap_parser::pcap::parse_pcap_frame_be
        } else {
            pcap_parser::pcap::parse_pcap_frame
        };
        while !rest.is_empty() && counts.packets < MAX_PACKETS {
            match frame(rest) {
                Ok((after, b)) => {
                    rest = after;
                    let time = f64::from(b.ts_sec) + f64::from(b.ts_usec) / fraction;
                    take(counts, link, b.data, time);
                }
                Err(e) => {
                    return Err(stop(
                        rest,
                        format!(
                            "the packet after packet {} could not be read ({}): the file is truncated or damaged",
                            counts.packets,
                            short(&e)
                        ),
                    ))
                }
            }
        }
    }
    Ok(())
}

/// pcap-parser's error in a few words.
fn short<E: core::fmt::Debug>(e: &pcap_parser::nom::Err<E>) -> String {
    match e {
        pcap_parser::nom::Err::Incomplete(_) => "it ends in the middle of a block".into(),
        pcap_parser::nom::Err::Error(_) | pcap_parser::nom::Err::Failure(_) => {
            "its header is invalid".into()
        }
    }
}
