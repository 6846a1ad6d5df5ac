//! PEM carried inside other formats, as ops people copy it out of their tools:
//!
//! - in a string with `\n` escapes — JSON from Vault, `aws acm get-certificate`, Terraform
//!   state, API responses (`"-----BEGIN CERTIFICATE-----\nMIIC…\n-----END CERTIFICATE-----\n"`);
//! - as base64 of the PEM text — Kubernetes Secrets (`tls.crt: LS0tLS1CRUdJTi…`), `base64`
//!   output, environment variables.
//!
//! Each is unwrapped and read by the PEM reader; every block it yields is located at the
//! string or token it came from (line and byte offset in the input).

use super::encoding::{self, is_base64_char};
use super::{pem, Item};
use crate::Location;

/// `-----BEGIN` in base64 (RFC 4648 §4), as every base64-encoded PEM text starts.
const BASE64_BEGIN: &str = "LS0tLS1CRUdJTi";
const BEGIN: &str = "-----BEGIN ";

/// The blocks of PEM embedded in `text`, or `None` when there is none (then `text` is read
/// as it is).
pub(super) fn split(text: &str) -> Option<Vec<Item>> {
    // Decided by the first BEGIN marker, so that a plain PEM paste costs one short search:
    // JSON strings when that marker is followed by an escaped newline; base64 of PEM (a
    // Secret, `base64` output) when there is no marker at all.
    let (escaped, encoded) = match text.find(BEGIN) {
        Some(at) => (escaped_marker(text.get(at..).unwrap_or_default()), false),
        None => (false, text.contains(BASE64_BEGIN)),
    };
    if !escaped && !encoded {
        return None;
    }
    let mut out = Vec::new();
    // The bytes each embedded string or token took, to read the rest as plain PEM.
    let mut taken: Vec<core::ops::Range<usize>> = Vec::new();
    let mut lines = pem::lines(text).peekable();
    while let Some(line) = lines.next() {
        let mut column = 0usize;
        // Where the next marker of each kind is, searched again only once passed, so a line
        // full of look-alikes is still read in one pass.
        let mut next_escaped: Option<usize> = None;
        let mut next_encoded: Option<usize> = None;
        loop {
            let find = |cached: &mut Option<usize>, wanted: bool, marker: &str| {
                if wanted && cached.is_none_or(|at| at < column) {
                    *cached = line
                        .text
                        .get(column..)
                        .and_then(|rest| rest.find(marker))
                        .map(|at| at.saturating_add(column));
                }
                *cached
            };
            let candidates = [
                find(&mut next_escaped, escaped, BEGIN).map(|at| (at, BEGIN)),
                find(&mut next_encoded, encoded, BASE64_BEGIN).map(|at| (at, BASE64_BEGIN)),
            ];
            let Some((found, marker)) = candidates.into_iter().flatten().min() else {
                break;
            };
            let from = line.text.get(found..).unwrap_or_default();
            let (unwrapped, skip) = if marker == BEGIN {
                let unwrapped = escaped_pem(from).map(|(pem, len)| (pem, len, 0));
                (unwrapped, BEGIN.len())
            } else {
                // A token that does not decode is skipped whole: a marker inside it is not
                // the start of another.
                let run = from
                    .find(|c: char| !is_base64_char(c))
                    .unwrap_or(from.len());
                (encoded_pem(from, run, line.number, &mut lines), run)
            };
            let Some((pem, len, extra)) = unwrapped else {
                column = found.saturating_add(skip);
                continue;
            };
            let at = Location {
                block: 0,
                line: Some(line.number),
                byte_offset: line.offset.saturating_add(found),
            };
            for mut item in pem::split(&pem) {
                let location = match &mut item {
                    Ok(block) => &mut block.location,
                    Err(problem) => &mut problem.location,
                };
                *location = Location {
                    block: out.len().saturating_add(1),
                    ..at
                };
                out.push(item);
            }
            let end = at.byte_offset.saturating_add(len).saturating_add(extra);
            taken.push(at.byte_offset..end);
            column = found.saturating_add(len.max(1));
        }
    }
    if out.is_empty() {
        return None;
    }
    // Plain PEM elsewhere in the same paste: read with the embedded parts blanked out (same
    // length, so lines and offsets stay true), then everything in input order.
    let mut rest = text.as_bytes().to_vec();
    for range in taken {
        for b in rest.get_mut(range).unwrap_or_default() {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    if let Ok(rest) = String::from_utf8(rest) {
        out.extend(pem::split(&rest));
        out.sort_by_key(|item| match item {
            Ok(block) => block.location.byte_offset,
            Err(problem) => problem.location.byte_offset,
        });
        for (i, item) in out.iter_mut().enumerate() {
            let location = match item {
                Ok(block) => &mut block.location,
                Err(problem) => &mut problem.location,
            };
            location.block = i.saturating_add(1);
        }
    }
    Some(out)
}

/// A string holding PEM with `\n` escapes, starting at its BEGIN marker: the PEM text and
/// the string's length in the line. The escaped newline after the marker is checked first,
/// within the marker's own length, so a look-alike costs no scan of the line.
fn escaped_pem(from: &str) -> Option<(String, usize)> {
    if !escaped_marker(from) {
        return None;
    }
    let len = string_end(from);
    Some((unescape(from.get(..len)?), len))
}

/// A base64 token of PEM text, starting at `LS0tLS1CRUdJTi` and `len` bytes long in its
/// line: the PEM text, `len`, and the bytes of the lines after it that continue it (whole
/// lines of base64 after a token that reaches the end of its line: `base64` wraps at 76).
fn encoded_pem<'a>(
    from: &'a str,
    len: usize,
    number: usize,
    lines: &mut core::iter::Peekable<impl Iterator<Item = pem::Line<'a>>>,
) -> Option<(String, usize, usize)> {
    let mut body = vec![(number, from.get(..len)?)];
    let mut extra = 0usize;
    if len == from.len() {
        while let Some(next) = lines.next_if(|l| is_base64_line(l.text)) {
            extra = extra.saturating_add(1).saturating_add(next.text.len());
            body.push((next.number, next.text.trim()));
        }
    }
    let bytes = encoding::decode_base64_lines(&body, true).ok()?;
    Some((String::from_utf8(bytes).ok()?, len, extra))
}

/// Whether the BEGIN marker at the start of `from` is followed by an escaped newline (looked
/// for within the marker's own length).
fn escaped_marker(from: &str) -> bool {
    let Some(head) = from.as_bytes().get(BEGIN.len()..) else {
        return false;
    };
    let close = head.windows(5).take(80).position(|w| w == b"-----");
    let after = close
        .and_then(|c| head.get(c.saturating_add(5)..))
        .unwrap_or_default();
    after.starts_with(b"\\n") || after.starts_with(b"\\r\\n")
}

/// Where a quoted string starting at `s` ends: at the first `"` not escaped by a backslash,
/// or at the end of the line.
fn string_end(s: &str) -> usize {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '"' if !escaped => return i,
            _ => escaped = false,
        }
    }
    s.len()
}

/// The PEM text of a string with JSON escapes (`\n`, `\r`, `\/`, `\\`, `\"`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => {}
            Some(other) => out.push(other), // \/ \\ \"
            None => {}
        }
    }
    out
}

fn is_base64_line(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 4 && t.chars().all(is_base64_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Ok(b) => format!(
                    "{:?}@{}:{}",
                    b.kind,
                    b.location.line.unwrap_or(0),
                    b.location.byte_offset
                ),
                Err(p) => format!("error {}", p.code),
            })
            .collect()
    }

    fn block_numbers(items: &[Item]) -> Vec<usize> {
        items
            .iter()
            .map(|i| i.as_ref().map_or(0, |b| b.location.block))
            .collect()
    }

    #[test]
    fn plain_pem_is_not_claimed() {
        assert!(split("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n").is_none());
        assert!(split("no pem here").is_none());
    }

    #[test]
    fn escaped_newlines_in_json_strings() {
        let body = "MIIBszCCAVmgAwIBAgIBATAKBggqhkjOPQQDAjAA";
        let json = format!(
            "{{\n  \"a\": \"-----BEGIN CERTIFICATE-----\\n{body}\\n-----END CERTIFICATE-----\\n\", \"b\": \"-----BEGIN X509 CRL-----\\r\\n{body}\\r\\n-----END X509 CRL-----\"\n}}"
        );
        let items = split(&json).unwrap();
        assert_eq!(
            labels(&items),
            vec!["Certificate { trusted: false }@2:10", "Crl@2:117"]
        );
        // The block numbers run across the input.
        assert_eq!(block_numbers(&items), vec![1, 2]);
    }

    #[test]
    fn plain_pem_after_embedded_pem_is_read_too() {
        let body = "MIIBszCCAVmgAwIBAgIBATAKBggqhkjOPQQDAjAA";
        let text = format!(
            "{{\"c\": \"-----BEGIN X509 CRL-----\\n{body}\\n-----END X509 CRL-----\\n\"}}\n\
             -----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n"
        );
        let items = split(&text).unwrap();
        assert_eq!(
            labels(&items),
            vec!["Crl@1:7", "Certificate { trusted: false }@2:102"]
        );
        assert_eq!(block_numbers(&items), vec![1, 2]);
    }

    #[test]
    fn base64_of_pem_on_one_line_and_wrapped() {
        // "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n"
        let token = "LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUNvd0JRWURLMlZ3QXlFQQotLS0tLUVORCBQVUJMSUMgS0VZLS0tLS0K";
        let yaml = format!("data:\n  tls.crt: {token}\nkind: Secret\n");
        assert_eq!(
            labels(&split(&yaml).unwrap()),
            vec!["PublicKey { label: \"PUBLIC KEY\" }@2:17"]
        );
        let wrapped = format!("{}\n{}\n", &token[..40], &token[40..]);
        assert_eq!(
            labels(&split(&wrapped).unwrap()),
            vec!["PublicKey { label: \"PUBLIC KEY\" }@1:0"]
        );
        // Not valid base64 after the prefix: nothing claimed.
        assert!(split("LS0tLS1CRUdJTi!").is_none());
    }
}
