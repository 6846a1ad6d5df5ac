#![cfg_attr(not(feature = "dns"), allow(dead_code))]
//! Reading DNS answers as people paste them: `dig` and `kdig` output (the answer, authority and
//! additional sections), `nslookup` output (`name rdata_257 = …`), and the JSON of DNS-over-HTTPS
//! APIs (`{"Status":0,"Answer":[{"name":…,"type":257,"TTL":…,"data":…}]}`, as Google's and
//! Cloudflare's resolvers answer). RDATA is read in presentation format or in the generic
//! `\# length hex` form of [RFC 3597 §5].
//!
//! [RFC 3597 §5]: https://www.rfc-editor.org/rfc/rfc3597#section-5

use serde::Serialize;

/// The most records read from one paste.
pub const MAX_RECORDS: usize = 1024;

/// Which tool's output the records were read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tool {
    /// BIND's `dig`.
    Dig,
    /// Knot's `kdig`.
    Kdig,
    /// `nslookup`.
    Nslookup,
    /// A DNS-over-HTTPS JSON answer.
    DohJson,
}

/// One resource record of the paste.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    /// Owner name, lower-case, without the final dot.
    pub name: String,
    /// TTL in seconds, when the paste shows it.
    pub ttl: Option<u32>,
    /// The type's mnemonic (`CAA`, `HTTPS`, `TLSA`, `A`, …) or `TYPE123`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The RDATA as pasted.
    pub data: String,
    /// 1-based line of the paste (the JSON's line for DoH answers).
    pub line: usize,
}

/// What was read: the records, the tool, and whether the resolver said the answer was
/// DNSSEC-validated (the `ad` flag).
#[derive(Debug, Clone, Default)]
pub(crate) struct Paste {
    pub(crate) tool: Option<Tool>,
    pub(crate) records: Vec<Record>,
    pub(crate) authenticated: Option<bool>,
    pub(crate) truncated: bool,
}

const TYPES: &[(u16, &str)] = &[
    (1, "A"),
    (2, "NS"),
    (5, "CNAME"),
    (6, "SOA"),
    (16, "TXT"),
    (28, "AAAA"),
    (43, "DS"),
    (46, "RRSIG"),
    (48, "DNSKEY"),
    (52, "TLSA"),
    (64, "SVCB"),
    (65, "HTTPS"),
    (257, "CAA"),
];

fn type_name(code: u16) -> String {
    TYPES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| format!("TYPE{code}"), |(_, n)| (*n).to_owned())
}

fn is_type(word: &str) -> bool {
    TYPES.iter().any(|(_, n)| *n == word)
        || word
            .strip_prefix("TYPE")
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

fn owner(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Whether `text` looks like DNS tool output (cheap; the core uses it to know the dns module
/// is needed).
pub fn present(text: &str) -> bool {
    // dig and kdig print this header before answers; nslookup names the types it does not
    // know `rdata_N`; DoH JSON has an "Answer" array. A false positive only loads the dns
    // module, whose reader then finds no record.
    text.contains(";; ANSWER SECTION:") || text.contains("rdata_") || text.contains("\"Answer\"")
}

/// `name rdata_257 = …` (nslookup prints types it has no name for this way).
fn nslookup_line(line: &str) -> Option<(String, u16, String)> {
    let (name, rest) = line.split_once(|c: char| c.is_ascii_whitespace())?;
    let rest = rest.trim_start().strip_prefix("rdata_")?;
    let (code, data) = rest.split_once(" = ")?;
    Some((owner(name), code.parse().ok()?, data.trim().to_owned()))
}

/// Reads every record of `text`.
pub(crate) fn read(text: &str) -> Paste {
    let mut paste = Paste::default();
    // A DNS-over-HTTPS answer: the JSON object, also when certificates are pasted beside it.
    if let (Some(start), Some(end)) = (text.find('{'), text.rfind('}')) {
        if let Some(json) = text.get(start..=end).filter(|j| j.contains("\"Answer\"")) {
            let before = text.get(..start).unwrap_or_default().matches('\n').count();
            read_json(json, before, &mut paste);
            if !paste.records.is_empty() {
                return paste;
            }
        }
    }
    for (i, line) in text.lines().enumerate() {
        let n = i.saturating_add(1);
        if paste.records.len() >= MAX_RECORDS {
            paste.truncated = true;
            break;
        }
        let l = line.trim();
        if l.contains("<<>> DiG") {
            paste.tool = Some(Tool::Dig);
        }
        if l.starts_with(";; ->>HEADER<<-") && paste.tool.is_none() {
            paste.tool = Some(Tool::Kdig);
        }
        // dig: ";; flags: qr rd ra ad;" — kdig: ";; Flags: qr rd ra ad;"
        if let Some(flags) = l
            .strip_prefix(";; flags:")
            .or_else(|| l.strip_prefix(";; Flags:"))
        {
            let flags = flags.split(';').next().unwrap_or_default();
            paste.authenticated = Some(flags.split_whitespace().any(|f| f == "ad"));
        }
        if let Some((name, code, data)) = nslookup_line(l) {
            paste.tool.get_or_insert(Tool::Nslookup);
            paste.records.push(Record {
                name,
                ttl: None,
                kind: type_name(code),
                data,
                line: n,
            });
            continue;
        }
        if l.is_empty() || l.starts_with(';') {
            continue;
        }
        if let Some(r) = record_line(l, n) {
            paste.tool.get_or_insert(Tool::Dig);
            paste.records.push(r);
        }
    }
    paste
}

/// `name TTL [class] TYPE rdata` (dig and kdig answer lines).
fn record_line(line: &str, n: usize) -> Option<Record> {
    let mut words = line.split_whitespace();
    let name = words.next()?;
    let ttl: u32 = words.next()?.parse().ok()?;
    let mut kind = words.next()?;
    if matches!(kind, "IN" | "CH" | "HS") || kind.starts_with("CLASS") {
        kind = words.next()?;
    }
    if !is_type(kind) {
        return None;
    }
    // The RDATA is the rest of the line after the type word.
    let at = line.find(kind)?.checked_add(kind.len())?;
    let data = line.get(at..)?.trim().to_owned();
    // `TYPE65` (dig +unknownformat) is HTTPS.
    let kind = match kind
        .strip_prefix("TYPE")
        .and_then(|d| d.parse::<u16>().ok())
    {
        Some(code) => type_name(code),
        None => kind.to_owned(),
    };
    Some(Record {
        name: owner(name),
        ttl: Some(ttl),
        kind,
        data,
        line: n,
    })
}

/// Reads the DoH JSON `text`, which starts after `before` lines of the paste.
fn read_json(text: &str, before: usize, paste: &mut Paste) {
    // Through serde_json::Value, as the HAR reader does: no typed deserialiser in the module.
    let Ok(doh) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    let Some(answers) = doh.get("Answer").and_then(serde_json::Value::as_array) else {
        return;
    };
    paste.tool = Some(Tool::DohJson);
    paste.authenticated = doh.get("AD").and_then(serde_json::Value::as_bool);
    for a in answers {
        if paste.records.len() >= MAX_RECORDS {
            paste.truncated = true;
            break;
        }
        let (Some(name), Some(kind), Some(data)) = (
            a.get("name").and_then(serde_json::Value::as_str),
            a.get("type")
                .and_then(serde_json::Value::as_u64)
                .and_then(|t| u16::try_from(t).ok()),
            a.get("data").and_then(serde_json::Value::as_str),
        ) else {
            continue;
        };
        let line = text
            .find(&format!("\"{}\"", data.replace('"', "\\\"")))
            .map_or(1usize, |at| {
                let lines = text.get(..at).unwrap_or_default().matches('\n').count();
                lines.saturating_add(1)
            })
            .saturating_add(before);
        paste.records.push(Record {
            name: owner(name),
            ttl: a
                .get("TTL")
                .and_then(serde_json::Value::as_u64)
                .and_then(|t| u32::try_from(t).ok()),
            kind: type_name(kind),
            data: data.to_owned(),
            line,
        });
    }
}

/// The RDATA in the generic form `\# length hex` ([RFC 3597 §5]), as bytes.
pub(crate) fn generic(data: &str) -> Option<Vec<u8>> {
    let rest = data.trim().strip_prefix("\\#")?;
    let mut words = rest.split_whitespace();
    let len: usize = words.next()?.parse().ok()?;
    let hex: String = words.collect();
    let bytes = crate::hex::decode(&hex)?;
    (bytes.len() == len).then_some(bytes)
}

/// Splits presentation-format RDATA into words, keeping quoted strings (with `\"` and `\DDD`
/// escapes) as one word.
pub(crate) fn words(data: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = data.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut word = String::new();
        let mut quoted = false;
        while let Some(&c) = chars.peek() {
            if c == '"' {
                quoted = !quoted;
                chars.next();
                continue;
            }
            if c.is_whitespace() && !quoted {
                break;
            }
            chars.next();
            if c == '\\' {
                let digits: String = chars.clone().take(3).collect();
                if digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
                    if let Some(ch) = digits.parse::<u8>().ok().map(char::from) {
                        word.push(ch);
                        chars.nth(2);
                        continue;
                    }
                }
                if let Some(next) = chars.next() {
                    word.push(next);
                }
                continue;
            }
            word.push(c);
        }
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dig_kdig_and_nslookup_lines() {
        let dig = ";; flags: qr aa rd ad; QUERY: 1\n;; ANSWER SECTION:\nExample.test.\t3600\tIN\tCAA\t0 issue \"letsencrypt.org\"\n";
        let p = read(dig);
        assert_eq!(p.authenticated, Some(true));
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.records[0].name, "example.test");
        assert_eq!(p.records[0].data, "0 issue \"letsencrypt.org\"");
        let ns = read("example.test\trdata_257 = 0 issuewild \";\"\n");
        assert_eq!(ns.tool, Some(Tool::Nslookup));
        assert_eq!(ns.records[0].kind, "CAA");
        assert_eq!(words("0 issue \"a b\\\"c\""), vec!["0", "issue", "a b\"c"]);
        assert_eq!(generic("\\# 3 00 05 69"), Some(vec![0, 5, 0x69]));
        assert_eq!(generic("\\# 4 00 05 69"), None);
    }
}
