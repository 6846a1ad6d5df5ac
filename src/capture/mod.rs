//! Packet captures and TLS bytes: a `tcpdump -w` or Wireshark file (pcap, pcapng), or the hex
//! or base64 of TLS records or handshake messages, decoded connection by connection and
//! explained message by message ([RFC 8446], [RFC 5246]).
//!
//! The core only recognises such input ([`sniff`]); reading it is the `capture` capability,
//! a separate WebAssembly module on the web. It finds TLS on any port by its bytes,
//! reassembles each TCP stream ([`stream`]), walks the records and handshake messages of both
//! directions into a timeline ([`handshake`]), reads every field of the hellos ([`hello`])
//! with their JA3/JA4 fingerprints ([`fingerprint`]), and hands the certificates a TLS 1.2
//! server sent in the clear to the chain analysis, with the SNI as the host.
//!
//! [RFC 8446]: https://www.rfc-editor.org/rfc/rfc8446
//! [RFC 5246]: https://www.rfc-editor.org/rfc/rfc5246

#[cfg(feature = "capture")]
mod explain;
#[cfg(feature = "capture")]
pub(crate) mod fields;
#[cfg(feature = "capture")]
mod fingerprint;
#[cfg(feature = "capture")]
pub(crate) mod handshake;
#[cfg(feature = "capture")]
pub(crate) mod hello;
#[cfg(feature = "capture")]
mod names;
#[cfg(feature = "capture")]
mod packets;
#[cfg(feature = "capture")]
mod report;
#[cfg(feature = "capture")]
mod stream;

#[cfg(feature = "capture")]
pub use report::{read, read_reporting, AlertReport, Capture, CaptureReport, TlsConnection};
#[cfg(feature = "capture")]
pub use stream::MAX_STREAMS;

/// The largest capture read (a capture is not held to [`crate::MAX_INPUT_BYTES`]).
pub const MAX_CAPTURE_BYTES: usize = 256 * 1024 * 1024;

/// What kind of capture input this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A classic pcap file (libpcap, tcpdump).
    Pcap,
    /// A pcapng file (Wireshark, dumpcap).
    PcapNg,
    /// TLS records or handshake messages, raw.
    Tls,
    /// The same as hex (Wireshark's "Copy … as Hex Stream", spaced or with colons).
    Hex,
    /// The same as base64.
    Base64,
}

/// Recognises a capture file by its magic number, or TLS bytes (raw, hex or base64) by the
/// start of a record or handshake header. Cheap, and decodes nothing: the core runs it on
/// every input; the capture module decodes ([`decode`]).
pub(crate) fn sniff(input: &[u8]) -> Option<Form> {
    match input.get(..4) {
        Some(
            [0xd4, 0xc3, 0xb2, 0xa1]
            | [0xa1, 0xb2, 0xc3, 0xd4]
            | [0x4d, 0x3c, 0xb2, 0xa1]
            | [0xa1, 0xb2, 0x3c, 0x4d],
        ) => return Some(Form::Pcap),
        Some([0x0a, 0x0d, 0x0d, 0x0a]) => return Some(Form::PcapNg),
        _ => {}
    }
    if is_tls(input) {
        return Some(Form::Tls);
    }
    // The first significant characters (spaces and colons left out), lower case.
    let mut start = [0u8; 4];
    let mut seen = 0usize;
    let mut hex = true;
    let mut base64 = true;
    for b in input
        .iter()
        .filter(|b| !b.is_ascii_whitespace() && **b != b':')
    {
        if let Some(slot) = start.get_mut(seen) {
            *slot = *b;
            seen = seen.saturating_add(1);
        }
        hex &= b.is_ascii_hexdigit();
        base64 &= b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
    }
    // Record types 20–23 and version 3.x, or a ClientHello, ServerHello or Certificate header.
    let hex_start = matches!(
        start.map(|b| b.to_ascii_lowercase()),
        [b'1', b'4'..=b'7', b'0', b'3'] | [b'0', b'1' | b'2' | b'b', b'0', b'0']
    );
    // The same starts in base64: 0x14–0x17 0x03 is "FAM", "FQM", "FgM", "FwM"; 0x01, 0x02 or
    // 0x0b then 0x00 is "AQA", "AgA", "CwA".
    let base64_start = matches!(
        start,
        [b'F', b'A' | b'Q' | b'g' | b'w', b'M', _]
            | [b'A', b'Q' | b'g', b'A', _]
            | [b'C', b'w', b'A', _]
    );
    if hex && hex_start {
        Some(Form::Hex)
    } else if base64 && base64_start {
        Some(Form::Base64)
    } else {
        None
    }
}

/// The bytes of TLS input of form `form` ([`sniff`]), decoded from hex or base64; `None` when
/// the text does not decode to TLS after all.
#[cfg(feature = "capture")]
pub(crate) fn decode(input: &[u8], form: Form) -> Option<Vec<u8>> {
    let text: String = core::str::from_utf8(input)
        .ok()?
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':')
        .collect();
    let bytes = match form {
        Form::Tls => input.to_vec(),
        Form::Hex => crate::hex::decode(&text)?,
        Form::Base64 => {
            use base64::Engine as _;
            base64::engine::general_purpose::STANDARD
                .decode(text)
                .ok()?
        }
        Form::Pcap | Form::PcapNg => return None,
    };
    is_tls(&bytes).then_some(bytes)
}

/// Whether `bytes` start with a TLS record header (handshake, alert, change_cipher_spec or
/// application data, version 3.0–3.4) or a ClientHello, ServerHello or Certificate message
/// whose length fits.
fn is_tls(bytes: &[u8]) -> bool {
    match bytes {
        [20..=23, 3, 0..=4, hi, lo, ..] => u16::from_be_bytes([*hi, *lo]) <= 16_384 + 2_048,
        [1 | 2, a, b, c, 3, 0..=4, ..] => {
            let len = (usize::from(*a) << 16) | (usize::from(*b) << 8) | usize::from(*c);
            len > 0 && len <= bytes.len().saturating_sub(4)
        }
        [11, a, b, c, ..] => {
            let len = (usize::from(*a) << 16) | (usize::from(*b) << 8) | usize::from(*c);
            len > 3 && len <= bytes.len().saturating_sub(4)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_captures_and_tls_text() {
        assert_eq!(sniff(&[0xd4, 0xc3, 0xb2, 0xa1, 2, 0]), Some(Form::Pcap));
        assert_eq!(sniff(&[0x0a, 0x0d, 0x0d, 0x0a]), Some(Form::PcapNg));
        assert_eq!(sniff(b"16 03 01 00 05 01 00 00 01 00"), Some(Form::Hex));
        assert_eq!(sniff(b"FgMBAAUBAAABAA=="), Some(Form::Base64));
        assert_eq!(sniff(&[0x16, 3, 1, 0, 5, 1, 0, 0, 1, 0]), Some(Form::Tls));
        // A certificate in hex is not TLS; nor is prose.
        assert_eq!(sniff(b"30 82 01 0a 02 82 01 01 00"), None);
        assert_eq!(sniff(b"hello world"), None);
        assert_eq!(sniff(b"deadbeefdeadbeef"), None);
    }

    #[cfg(feature = "capture")]
    #[test]
    fn decodes_what_it_recognised() {
        let record = vec![0x16, 3, 1, 0, 5, 1, 0, 0, 1, 0];
        assert_eq!(
            decode(b"16:03:01:00:05:01:00:00:01:00", Form::Hex),
            Some(record.clone())
        );
        assert_eq!(decode(b"FgMBAAUBAAABAA==", Form::Base64), Some(record));
        // Starts like TLS, is not: a record header whose length is impossible.
        assert_eq!(sniff(b"16 03 01 ff ff"), Some(Form::Hex));
        assert_eq!(decode(b"16 03 01 ff ff", Form::Hex), None);
    }
}
