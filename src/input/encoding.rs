//! Text encodings of DER (base64, hex) and splitting raw DER into its top-level items.

use base64::Engine as _;
use base64ct::Encoding as _;
use der::{Reader, SliceReader};

use super::{Block, Item};
use crate::{Error, Location, Problem};

pub(super) fn is_base64_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')
}

/// Decodes the base64 body of a PEM block given as (line number, text) pairs (RFC 7468 §3:
/// whitespace between and within lines is ignored). A `secret` body (a private key, or base64
/// of unknown content) is decoded in constant time by base64ct; certificates and other public
/// data by the faster `base64` crate.
pub(super) fn decode_base64_lines(body: &[(usize, &str)], secret: bool) -> Result<Vec<u8>, Error> {
    let total = body
        .iter()
        .map(|(_, t)| t.len())
        .fold(0usize, usize::saturating_add);
    let mut joined: Vec<u8> = Vec::with_capacity(total);
    // The usual body is lines of pure base64: join and decode them in one go.
    for (_, text) in body {
        joined.extend_from_slice(text.as_bytes().trim_ascii());
    }
    if let Some(der) = decode_base64(&joined, secret) {
        return Ok(der);
    }
    // Otherwise skip whitespace inside lines, and name the first character that is not base64.
    joined.clear();
    for &(line, text) in body {
        for b in text.bytes() {
            if is_base64_char(char::from(b)) {
                joined.push(b);
            } else if b.is_ascii_whitespace() {
                continue;
            } else if b.is_ascii() {
                let found = char::from(b);
                return Err(Error::Base64 { line, found });
            } else if let Some(found) = text
                .chars()
                .find(|c| !is_base64_char(*c) && !c.is_whitespace())
            {
                // Non-ASCII is allowed only as Unicode whitespace.
                return Err(Error::Base64 { line, found });
            }
        }
    }
    decode_base64(&joined, secret).ok_or(Error::Base64Length)
}

/// Strict RFC 4648 §4 base64: padding required, bits after the last character zero.
fn decode_base64(text: &[u8], secret: bool) -> Option<Vec<u8>> {
    if secret {
        let mut out = vec![0u8; text.len().saturating_mul(3) / 4];
        let len = base64ct::Base64::decode(text, &mut out).ok()?.len();
        out.truncate(len);
        Some(out)
    } else {
        base64::engine::general_purpose::STANDARD.decode(text).ok()
    }
}

/// Reads a paste with no PEM markers as bare hex or base64 of DER.
///
/// Only text that starts the way certificate DER does is taken: a SEQUENCE with a long-form
/// length (`30 81`–`30 84`), which is `MI` in base64. Anything else is "nothing recognised"
/// rather than a confusing decoding error about prose.
pub(super) fn split_bare_text(text: &str) -> Vec<Item> {
    let start = text.len().saturating_sub(text.trim_start().len());
    let line = text
        .get(..start)
        .map_or(0, |lead| lead.matches('\n').count())
        .saturating_add(1);
    let at = Location {
        block: 1,
        line: Some(line),
        byte_offset: start,
    };
    let trimmed = text.trim();
    let significant = || trimmed.chars().filter(|c| !c.is_whitespace());
    let decoded = if trimmed.is_empty() {
        Err(Error::NothingRecognised)
    } else if trimmed.starts_with("30") && significant().all(|c| c.is_ascii_hexdigit() || c == ':')
    {
        decode_hex(significant().filter(|c| *c != ':'))
    } else if trimmed.starts_with("MI") && significant().all(is_base64_char) {
        let lines: Vec<(usize, &str)> = trimmed
            .lines()
            .enumerate()
            .map(|(i, l)| (line.saturating_add(i), l))
            .collect();
        decode_base64_lines(&lines, true)
    } else {
        Err(super::other_format::recognise(trimmed.as_bytes()).unwrap_or(Error::NothingRecognised))
    };
    match decoded {
        Ok(der) => split_der(&der, start, Some(line)),
        Err(e) => vec![Err(Problem::boxed(at, e))],
    }
}

fn decode_hex(digits: impl Iterator<Item = char>) -> Result<Vec<u8>, Error> {
    let nibbles: Vec<u8> = digits
        .filter_map(|c| c.to_digit(16))
        .filter_map(|d| u8::try_from(d).ok())
        .collect();
    if nibbles.len() % 2 != 0 {
        return Err(Error::HexOddLength);
    }
    Ok(nibbles
        .chunks_exact(2)
        .map(|pair| match pair {
            [hi, lo] => (hi << 4) | lo,
            _ => 0,
        })
        .collect())
}

/// Splits DER bytes into their top-level items, each taken as a certificate.
///
/// `offset` and `line` say where the bytes came from in the input, for error locations:
/// raw binary input gives each item its own offset; decoded text gives all of them the
/// position of the text.
pub(super) fn split_der(bytes: &[u8], offset: usize, line: Option<usize>) -> Vec<Item> {
    let mut out = Vec::new();
    let located = |block: usize, at: usize| Location {
        block,
        line,
        byte_offset: if line.is_some() {
            offset
        } else {
            offset.saturating_add(at)
        },
    };
    if bytes.first() != Some(&0x30) {
        let error = super::other_format::recognise(bytes).unwrap_or(Error::NothingRecognised);
        out.push(Err(Problem::boxed(located(1, 0), error)));
        return out;
    }
    let mut at = 0usize;
    while let Some(rest) = bytes.get(at..).filter(|r| !r.is_empty()) {
        let location = located(out.len().saturating_add(1), at);
        let item = if super::ber::starts_indefinite(rest) {
            // BER with an indefinite length: its end is found by reading it.
            super::ber::to_der(rest)
                .map(|(_, used)| (rest.get(..used).unwrap_or_default().to_vec(), used))
        } else {
            SliceReader::new(rest)
                .and_then(|mut reader| reader.tlv_bytes())
                .map(|tlv| (tlv.to_vec(), tlv.len()))
                .map_err(|e| Error::der("certificate", e))
        };
        match item {
            Ok((raw, used)) => {
                let (kind, der) = super::classify(raw);
                out.push(Ok(Block {
                    location,
                    kind,
                    der,
                }));
                at = at.saturating_add(used);
            }
            Err(e) => {
                // A header that is broken or runs past the end: nothing after it can be
                // delimited, so this is the last item.
                out.push(Err(Problem::boxed(location, e)));
                break;
            }
        }
    }
    out
}
