//! Client and server fingerprints of a handshake: JA3 and JA3S (Salesforce, 2017: the hello's
//! version, suites, extensions, groups and point formats in decimal, MD5-hashed) and JA4
//! (FoxIO, 2023: a readable prefix, then SHA-256 of the sorted suites and of the sorted
//! extensions with the signature algorithms). GREASE values (RFC 8701) are left out of all
//! three, as their definitions say.

use md5::Digest as _;

use super::hello::{ClientHello, ServerHello, Value};
use super::names::is_grease;

fn real(values: &[Value]) -> impl Iterator<Item = u16> + '_ {
    values.iter().map(|v| v.id).filter(|id| !is_grease(*id))
}

fn decimal(ids: impl Iterator<Item = u16>) -> String {
    ids.map(|i| i.to_string()).collect::<Vec<_>>().join("-")
}

fn md5_hex(text: &str) -> String {
    crate::hex::plain(&md5::Md5::digest(text.as_bytes()))
}

/// The first 12 hex digits of SHA-256 of `text` ("000000000000" for nothing).
fn sha256_12(text: &str) -> String {
    if text.is_empty() {
        return "000000000000".into();
    }
    let hex = crate::hex::plain(&sha2::Sha256::digest(text.as_bytes()));
    hex.get(..12).unwrap_or_default().to_owned()
}

/// Fills in the ClientHello's JA3 and JA4.
pub(crate) fn client(c: &mut ClientHello) {
    let point_formats = c
        .point_formats
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join("-");
    c.ja3 = format!(
        "{},{},{},{},{}",
        c.legacy_version.id,
        decimal(real(&c.cipher_suites)),
        decimal(real(&c.extensions)),
        decimal(real(&c.groups)),
        point_formats
    );
    c.ja3_hash = md5_hex(&c.ja3);
    c.ja4 = ja4(c);
}

/// Fills in the ServerHello's JA3S.
pub(crate) fn server(s: &mut ServerHello) {
    s.ja3s = format!(
        "{},{},{}",
        s.legacy_version.id,
        s.cipher_suite.id,
        decimal(real(&s.extensions))
    );
    s.ja3s_hash = md5_hex(&s.ja3s);
}

/// JA4 for TLS over TCP: `t13d1516h2_8daaf6152771_e5627efa2ab1`.
fn ja4(c: &ClientHello) -> String {
    let version = real(&c.versions).max().unwrap_or(c.legacy_version.id);
    let version = match version {
        0x0304 => "13",
        0x0303 => "12",
        0x0302 => "11",
        0x0301 => "10",
        0x0300 => "s3",
        0x0200 => "s2",
        _ => "00",
    };
    let sni = if c.extensions.iter().any(|e| e.id == 0) {
        'd'
    } else {
        'i'
    };
    let suites: Vec<u16> = real(&c.cipher_suites).collect();
    let extensions: Vec<u16> = real(&c.extensions).collect();
    let alpn = c
        .alpn
        .first()
        .map_or_else(|| "00".to_owned(), |p| alpn_chars(p.as_bytes()));
    let hex_sorted = |mut ids: Vec<u16>| {
        ids.sort_unstable();
        ids.iter()
            .map(|i| format!("{i:04x}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut c_part = hex_sorted(
        extensions
            .iter()
            .copied()
            .filter(|e| *e != 0 && *e != 16)
            .collect(),
    );
    let signatures: Vec<String> = real(&c.signature_algorithms)
        .map(|i| format!("{i:04x}"))
        .collect();
    if !c_part.is_empty() && !signatures.is_empty() {
        c_part = format!("{c_part}_{}", signatures.join(","));
    }
    format!(
        "t{version}{sni}{:02}{:02}{alpn}_{}_{}",
        suites.len().min(99),
        extensions.len().min(99),
        sha256_12(&hex_sorted(suites)),
        sha256_12(&c_part)
    )
}

/// The first and last characters of the first ALPN value; the first and last hex digits of
/// the value when either end is not an ASCII letter or digit.
fn alpn_chars(p: &[u8]) -> String {
    match (p.first(), p.last()) {
        (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() => {
            format!("{}{}", char::from(*a), char::from(*b))
        }
        (Some(_), Some(_)) => {
            let hex = crate::hex::plain(p);
            let first = hex.chars().next().unwrap_or('0');
            let last = hex.chars().last().unwrap_or('0');
            format!("{first}{last}")
        }
        _ => "00".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpn_ends() {
        assert_eq!(alpn_chars(b"h2"), "h2");
        assert_eq!(alpn_chars(b"http/1.1"), "h1");
        assert_eq!(alpn_chars(b"h"), "hh");
        assert_eq!(alpn_chars(&[0xab, 0x0c]), "ac");
    }
}
