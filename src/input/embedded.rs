//! PEM carried inside other formats, as ops people copy it out of their tools:
//!
//! - in a string with `\n` escapes — JSON from Vault, `aws acm get-certificate`, Terraform
//!   state, API responses (`"-----BEGIN CERTIFICATE-----\nMIIC…\n-----END CERTIFICATE-----\n"`);
//! - as base64 of the PEM text — Kubernetes Secrets (`tls.crt: LS0tLS1CRUdJTi…`), `base64`
//!   output, environment variables.
//!
//! Each is unwrapped and read by the PEM reader; every block it yields is located at the
//! string or token it came from (line and byte offset in the input).

use super::{encoding, pem, Item};
use crate::Location;

/// `-----BEGIN` in base64 (RFC 4648 §4), as every base64-encoded PEM text starts.
const BASE64_BEGIN: &str = "LS0tLS1CRUdJTi";
/// A BEGIN marker's closing dashes followed by an escaped newline.
const ESCAPED_NEWLINE: &str = "-----\\n";
const BEGIN: &str = "-----BEGIN ";

/// The blocks of PEM embedded in `text`, or `None` when there is none (then `text` is read
/// as it is).
pub(super) fn split(text: &str) -> Option<Vec<Item>> {
    let escaped = text.contains(ESCAPED_NEWLINE);
    let encoded = text.contains(BASE64_BEGIN);
    if !escaped && !encoded {
        return None;
    }
    let mut out = Vec::new();
    let mut lines = pem::lines(text).peekable();
    while let Some(line) = lines.next() {
        let mut rest = line.text;
        let mut column = 0usize;
        loop {
            let next_escaped = escaped.then(|| rest.find(BEGIN)).flatten();
            let next_encoded = encoded.then(|| rest.find(BASE64_BEGIN)).flatten();
            let (start, decoded, len) = match (next_escaped, next_encoded) {
                (Some(b), e) if e.is_none_or(|e| b < e) => {
                    let s = rest.get(b..).unwrap_or_default();
                    let len = string_end(s);
                    match unescape(s.get(..len).unwrap_or_default()) {
                        Some(pem) => (b, pem, len),
                        None => {
                            // A BEGIN marker without escapes: not embedded, skip past it.
                            let skip = b.saturating_add(BEGIN.len());
                            column = column.saturating_add(skip);
                            rest = rest.get(skip..).unwrap_or_default();
                            continue;
                        }
                    }
                }
                (_, Some(e)) => {
                    let s = rest.get(e..).unwrap_or_default();
                    let len = s
                        .find(|c: char| {
                            !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
                        })
                        .unwrap_or(s.len());
                    let mut body = vec![(line.number, s.get(..len).unwrap_or_default())];
                    if len == s.len() {
                        // `base64` wraps at 76 columns: whole lines of base64 continue the token.
                        while let Some(next) = lines.next_if(|l| is_base64_line(l.text)) {
                            body.push((next.number, next.text.trim()));
                        }
                    }
                    match encoding::decode_base64_lines(&body, true)
                        .ok()
                        .and_then(|bytes| String::from_utf8(bytes).ok())
                    {
                        Some(pem) => (e, pem, len),
                        None => {
                            let skip = e.saturating_add(BASE64_BEGIN.len());
                            column = column.saturating_add(skip);
                            rest = rest.get(skip..).unwrap_or_default();
                            continue;
                        }
                    }
                }
                _ => break,
            };
            let at = Location {
                block: 0,
                line: Some(line.number),
                byte_offset: line.offset.saturating_add(column).saturating_add(start),
            };
            for mut item in pem::split(&decoded) {
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
            let consumed = start.saturating_add(len).max(1);
            column = column.saturating_add(consumed);
            rest = rest.get(consumed..).unwrap_or_default();
        }
    }
    (!out.is_empty()).then_some(out)
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

/// The PEM text of a string with JSON escapes (`\n`, `\r`, `\/`, `\\`), or `None` when the
/// BEGIN line is not followed by an escaped newline.
fn unescape(s: &str) -> Option<String> {
    let marker_end = s.get(BEGIN.len()..)?.find("-----")?;
    let after = s.get(BEGIN.len().saturating_add(marker_end).saturating_add(5)..)?;
    if !(after.starts_with("\\n") || after.starts_with("\\r\\n")) {
        return None;
    }
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
    Some(out)
}

fn is_base64_line(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 4
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
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
        let blocks: Vec<usize> = items
            .iter()
            .map(|i| i.as_ref().map_or(0, |b| b.location.block))
            .collect();
        assert_eq!(blocks, vec![1, 2]);
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
