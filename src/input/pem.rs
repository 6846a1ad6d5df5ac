//! A forgiving reader for PEM ([RFC 7468]) inside arbitrary text.
//!
//! Tolerates what terminals and chat tools do to PEM: text around and between blocks,
//! indentation, a common prefix on every line (`> `, `# `, `< `), Windows line endings, a
//! missing final newline, and RFC 1421 headers (`Proc-Type:`) before the body.
//!
//! [RFC 7468]: https://www.rfc-editor.org/rfc/rfc7468

use super::{kind_of_label, Block, BlockKind, Item};
use crate::{Error, Location, Problem};

const BEGIN: &str = "-----BEGIN ";
const END: &str = "-----END ";
const DASHES: &str = "-----";

/// Whether `bytes` contain a PEM BEGIN marker at all.
pub(super) fn contains_pem(bytes: &[u8]) -> bool {
    bytes.windows(BEGIN.len()).any(|w| w == BEGIN.as_bytes())
}

/// A line of the input with its 1-based number and byte offset.
pub(super) struct Line<'a> {
    pub(super) number: usize,
    pub(super) offset: usize,
    pub(super) text: &'a str,
}

pub(super) fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut offset = 0usize;
    text.split('\n').enumerate().map(move |(i, raw)| {
        let line = Line {
            number: i.saturating_add(1),
            offset,
            text: raw.strip_suffix('\r').unwrap_or(raw),
        };
        offset = offset.saturating_add(raw.len()).saturating_add(1);
        line
    })
}

/// Finds `-----BEGIN LABEL-----` in a line; returns the text before it and the label.
fn begin_marker(line: &str) -> Option<(&str, &str)> {
    // Most lines are base64, which has no '-': one fast scan rules them out.
    if !line.contains('-') {
        return None;
    }
    let start = line.find(BEGIN)?;
    let (prefix, rest) = line.split_at(start);
    let label = rest.get(BEGIN.len()..)?;
    let end = label.find(DASHES)?;
    Some((prefix, label.get(..end)?.trim()))
}

fn end_marker(line: &str) -> Option<&str> {
    if !line.contains('-') {
        return None;
    }
    let start = line.find(END)?;
    let label = line.get(start.saturating_add(END.len())..)?;
    let end = label.find(DASHES)?;
    Some(label.get(..end)?.trim())
}

/// The block being read.
struct Open<'a> {
    location: Location,
    label: &'a str,
    prefix: &'a str,
    /// Body lines with their numbers, in order.
    body: Vec<(usize, &'a str)>,
}

/// Splits text into PEM blocks. Returns nothing when the text holds no BEGIN line.
pub(super) fn split(text: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let mut open: Option<Open<'_>> = None;
    for line in lines(text) {
        if let Some((prefix, label)) = begin_marker(line.text) {
            if let Some(unfinished) = open.take() {
                out.push(Err(Problem::boxed(
                    unfinished.location,
                    Error::PemMissingEnd {
                        label: unfinished.label.to_owned(),
                    },
                )));
            }
            open = Some(Open {
                location: Location {
                    block: out.len().saturating_add(1),
                    line: Some(line.number),
                    byte_offset: line.offset.saturating_add(prefix.len()),
                },
                label,
                prefix,
                body: Vec::new(),
            });
            continue;
        }
        let Some(block) = open.as_mut() else {
            continue;
        };
        if let Some(end_label) = end_marker(line.text) {
            if let Some(done) = open.take() {
                out.push(finish(done, end_label));
            }
            continue;
        }
        let body = line.text.strip_prefix(block.prefix).unwrap_or(line.text);
        block.body.push((line.number, body.trim()));
    }
    if let Some(unfinished) = open {
        out.push(Err(Problem::boxed(
            unfinished.location,
            Error::PemMissingEnd {
                label: unfinished.label.to_owned(),
            },
        )));
    }
    out
}

fn finish(open: Open<'_>, end_label: &str) -> Item {
    if open.label != end_label {
        return Err(Problem::boxed(
            open.location,
            Error::PemLabelMismatch {
                begin: open.label.to_owned(),
                end: end_label.to_owned(),
            },
        ));
    }
    if let Some(e) = super::other_format::pgp_armor(open.label) {
        return Err(Problem::boxed(open.location, e));
    }
    let mut kind = kind_of_label(open.label);
    if let BlockKind::PrivateKey { pem_encryption, .. } = &mut kind {
        // Legacy OpenSSL encryption: the body is ciphertext, nothing to read without the
        // password; keep only the scheme.
        let dek = open
            .body
            .iter()
            .find_map(|(_, l)| l.strip_prefix("DEK-Info:"));
        if open
            .body
            .iter()
            .any(|(_, l)| l.starts_with("Proc-Type:") && l.contains("ENCRYPTED"))
        {
            *pem_encryption = Some(dek.map_or("unknown".to_owned(), |d| {
                d.split(',').next().unwrap_or("").trim().to_owned()
            }));
            return Ok(Block {
                location: open.location,
                kind,
                der: Vec::new(),
            });
        }
    }
    let body = skip_headers(&open.body);
    let secret = matches!(kind, BlockKind::PrivateKey { .. });
    let mut der = super::encoding::decode_base64_lines(body, secret).map_err(|e| {
        let mut location = open.location;
        if let Error::Base64 { line, .. } = e {
            location.line = Some(line);
        }
        Problem::boxed(location, e)
    })?;
    if matches!(kind, BlockKind::Pkcs7 | BlockKind::Pkcs12) {
        // These may be BER (`openssl cms -stream` writes `-----BEGIN CMS-----` that way).
        match super::ber::to_der(&der) {
            Ok((converted, _)) => der = converted,
            Err(e) if super::ber::starts_indefinite(&der) => {
                return Err(Problem::boxed(open.location, e))
            }
            Err(_) => {} // not BER either: the DER decoder names the problem
        }
    }
    Ok(Block {
        location: open.location,
        kind,
        der,
    })
}

/// Skips RFC 1421 encapsulated headers ("Proc-Type: 4,ENCRYPTED" and the like) and the blank
/// line after them.
fn skip_headers<'a, 'b>(body: &'b [(usize, &'a str)]) -> &'b [(usize, &'a str)] {
    let headers = body
        .iter()
        .take_while(|(_, l)| l.contains(':') || (l.is_empty()))
        .count();
    if body.iter().take(headers).any(|(_, l)| l.contains(':')) {
        body.get(headers..).unwrap_or(&[])
    } else {
        body
    }
}
