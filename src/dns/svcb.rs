//! HTTPS and SVCB records ([RFC 9460]): where and how to connect (ALPN including HTTP/3, port,
//! address hints) and the Encrypted ClientHello configuration (the `ech` parameter of
//! [draft-ietf-tls-svcb-ech]; the ECHConfigList of [draft-ietf-tls-esni] §4).
//!
//! [RFC 9460]: https://www.rfc-editor.org/rfc/rfc9460
//! [draft-ietf-tls-svcb-ech]: https://datatracker.ietf.org/doc/draft-ietf-tls-svcb-ech/
//! [draft-ietf-tls-esni]: https://datatracker.ietf.org/doc/draft-ietf-tls-esni/

use base64::Engine as _;
use serde::Serialize;

use super::read::{generic, words, Record};

/// One HTTPS or SVCB record, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    /// The owner name.
    pub name: String,
    /// `HTTPS` or `SVCB`.
    pub kind: String,
    /// 0 is AliasMode (the target serves the name); otherwise ServiceMode, lower first.
    pub priority: u16,
    /// The target name (`.` means the owner itself).
    pub target: String,
    /// Protocols offered (`h3` is HTTP/3, `h2` HTTP/2).
    pub alpn: Vec<String>,
    /// `no-default-alpn`: HTTP/1.1 is not implied.
    pub no_default_alpn: bool,
    /// Another port than 443.
    pub port: Option<u16>,
    /// IPv4 address hints.
    pub ipv4hint: Vec<String>,
    /// IPv6 address hints.
    pub ipv6hint: Vec<String>,
    /// The ECH configurations, decoded.
    pub ech: Option<EchConfigList>,
    /// Keys a client must understand to use the record.
    pub mandatory: Vec<String>,
    /// Other parameters, as written.
    pub other: Vec<(String, String)>,
    /// 1-based line of the paste.
    pub line: usize,
}

/// An ECHConfigList.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EchConfigList {
    /// Each configuration, in order.
    pub configs: Vec<EchConfig>,
    /// Why the list could not be read to its end, if it could not.
    pub error: Option<String>,
}

/// One ECHConfig.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EchConfig {
    /// 0xfe0d for the version clients use.
    pub version: u16,
    /// The rest is read only for version 0xfe0d.
    pub config_id: Option<u8>,
    /// The HPKE KEM, e.g. `DHKEM(X25519, HKDF-SHA256)`.
    pub kem: Option<String>,
    /// The server's public key length in bytes.
    pub public_key_bytes: Option<usize>,
    /// `KDF + AEAD` pairs.
    pub cipher_suites: Vec<String>,
    /// The name the outer (visible) ClientHello carries.
    pub public_name: Option<String>,
    /// Padding hint for the inner name.
    pub maximum_name_length: Option<u8>,
    /// Extension types.
    pub extensions: Vec<u16>,
}

/// Reads an HTTPS or SVCB record (presentation or `\#` form).
pub(crate) fn parse(r: &Record) -> Option<Service> {
    let mut s = Service {
        name: r.name.clone(),
        kind: r.kind.clone(),
        priority: 0,
        target: String::new(),
        alpn: Vec::new(),
        no_default_alpn: false,
        port: None,
        ipv4hint: Vec::new(),
        ipv6hint: Vec::new(),
        ech: None,
        mandatory: Vec::new(),
        other: Vec::new(),
        line: r.line,
    };
    if let Some(wire) = generic(&r.data) {
        wire_form(&wire, &mut s)?;
        return Some(s);
    }
    let w = words(&r.data);
    let mut w = w.into_iter();
    s.priority = w.next()?.parse().ok()?;
    s.target = w.next()?;
    for param in w {
        let (key, value) = param.split_once('=').unwrap_or((param.as_str(), ""));
        let list = || value.split(',').map(str::to_owned).collect::<Vec<_>>();
        match key.to_ascii_lowercase().as_str() {
            "alpn" => s.alpn = list(),
            "no-default-alpn" => s.no_default_alpn = true,
            "port" => s.port = value.parse().ok(),
            "ipv4hint" => s.ipv4hint = list(),
            "ipv6hint" => s.ipv6hint = list(),
            "mandatory" => s.mandatory = list(),
            "ech" => {
                let bytes = base64::engine::general_purpose::STANDARD.decode(value).ok();
                s.ech = Some(match bytes {
                    Some(b) => ech(&b),
                    None => EchConfigList {
                        configs: Vec::new(),
                        error: Some("the ech value is not base64".into()),
                    },
                });
            }
            other => s.other.push((other.to_owned(), value.to_owned())),
        }
    }
    Some(s)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([
        *b.get(at)?,
        *b.get(at.checked_add(1)?)?,
    ]))
}

/// Splits `len`-prefixed (2 bytes) data off the front of `b`.
fn vec16(b: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = usize::from(u16_at(b, 0)?);
    b.get(2..)?.split_at_checked(len)
}

fn wire_form(wire: &[u8], s: &mut Service) -> Option<()> {
    s.priority = u16_at(wire, 0)?;
    let mut rest = wire.get(2..)?;
    let mut labels = Vec::new();
    loop {
        let (&len, r) = rest.split_first()?;
        if len == 0 {
            rest = r;
            break;
        }
        let (label, r) = r.split_at_checked(usize::from(len))?;
        labels.push(String::from_utf8_lossy(label).into_owned());
        rest = r;
    }
    s.target = if labels.is_empty() {
        ".".into()
    } else {
        format!("{}.", labels.join("."))
    };
    while !rest.is_empty() {
        let key = u16_at(rest, 0)?;
        let (value, r) = vec16(rest.get(2..)?)?;
        rest = r;
        let strings = |v: &[u8]| {
            let mut out = Vec::new();
            let mut v = v;
            while let Some((&len, r)) = v.split_first() {
                let (s, r) = r.split_at_checked(usize::from(len))?;
                out.push(String::from_utf8_lossy(s).into_owned());
                v = r;
            }
            Some(out)
        };
        match key {
            0 => {
                s.mandatory = value
                    .chunks_exact(2)
                    .filter_map(|c| u16_at(c, 0))
                    .map(key_name)
                    .collect()
            }
            1 => s.alpn = strings(value)?,
            2 => s.no_default_alpn = true,
            3 => s.port = u16_at(value, 0),
            4 => {
                s.ipv4hint = value
                    .chunks_exact(4)
                    .map(|a| a.iter().map(u8::to_string).collect::<Vec<_>>().join("."))
                    .collect()
            }
            5 => s.ech = Some(ech(value)),
            6 => {
                s.ipv6hint = value
                    .chunks_exact(16)
                    .map(|a| {
                        a.chunks_exact(2)
                            .filter_map(|p| u16_at(p, 0))
                            .map(|x| format!("{x:x}"))
                            .collect::<Vec<_>>()
                            .join(":")
                    })
                    .collect()
            }
            k => s.other.push((key_name(k), crate::hex::plain(value))),
        }
    }
    Some(())
}

fn key_name(k: u16) -> String {
    match k {
        0 => "mandatory".into(),
        1 => "alpn".into(),
        2 => "no-default-alpn".into(),
        3 => "port".into(),
        4 => "ipv4hint".into(),
        5 => "ech".into(),
        6 => "ipv6hint".into(),
        k => format!("key{k}"),
    }
}

/// HPKE identifiers ([RFC 9180 §7]).
///
/// [RFC 9180 §7]: https://www.rfc-editor.org/rfc/rfc9180#section-7
fn kem(id: u16) -> String {
    match id {
        0x0010 => "DHKEM(P-256, HKDF-SHA256)".into(),
        0x0011 => "DHKEM(P-384, HKDF-SHA384)".into(),
        0x0012 => "DHKEM(P-521, HKDF-SHA512)".into(),
        0x0020 => "DHKEM(X25519, HKDF-SHA256)".into(),
        0x0021 => "DHKEM(X448, HKDF-SHA512)".into(),
        other => format!("KEM 0x{other:04x}"),
    }
}

fn suite(kdf: u16, aead: u16) -> String {
    let kdf = match kdf {
        1 => "HKDF-SHA256".to_owned(),
        2 => "HKDF-SHA384".to_owned(),
        3 => "HKDF-SHA512".to_owned(),
        other => format!("KDF 0x{other:04x}"),
    };
    let aead = match aead {
        1 => "AES-128-GCM".to_owned(),
        2 => "AES-256-GCM".to_owned(),
        3 => "ChaCha20Poly1305".to_owned(),
        0xffff => "export only".to_owned(),
        other => format!("AEAD 0x{other:04x}"),
    };
    format!("{kdf} + {aead}")
}

/// Decodes an ECHConfigList, as far as it reads.
pub(crate) fn ech(bytes: &[u8]) -> EchConfigList {
    let mut out = EchConfigList {
        configs: Vec::new(),
        error: None,
    };
    let Some((mut list, trailing)) = vec16(bytes) else {
        out.error = Some(format!(
            "the ECHConfigList's length does not fit its {} bytes",
            bytes.len()
        ));
        return out;
    };
    if !trailing.is_empty() {
        out.error = Some(format!("{} bytes follow the ECHConfigList", trailing.len()));
    }
    while !list.is_empty() {
        let Some(version) = u16_at(list, 0) else {
            out.error = Some("an ECHConfig is cut short".into());
            break;
        };
        let Some((contents, rest)) = list.get(2..).and_then(vec16) else {
            out.error = Some("an ECHConfig's length runs past the list".into());
            break;
        };
        list = rest;
        let mut config = EchConfig {
            version,
            config_id: None,
            kem: None,
            public_key_bytes: None,
            cipher_suites: Vec::new(),
            public_name: None,
            maximum_name_length: None,
            extensions: Vec::new(),
        };
        if version == 0xfe0d && read_config(contents, &mut config).is_none() {
            out.error = Some("an ECHConfig (version 0xfe0d) is malformed".into());
        }
        out.configs.push(config);
    }
    out
}

fn read_config(c: &[u8], config: &mut EchConfig) -> Option<()> {
    let (&id, rest) = c.split_first()?;
    config.config_id = Some(id);
    config.kem = Some(kem(u16_at(rest, 0)?));
    let (key, rest) = vec16(rest.get(2..)?)?;
    config.public_key_bytes = Some(key.len());
    let (suites, rest) = vec16(rest)?;
    config.cipher_suites = suites
        .chunks_exact(4)
        .filter_map(|s| Some(suite(u16_at(s, 0)?, u16_at(s, 2)?)))
        .collect();
    let (&max, rest) = rest.split_first()?;
    config.maximum_name_length = Some(max);
    let (&len, rest) = rest.split_first()?;
    let (name, rest) = rest.split_at_checked(usize::from(len))?;
    config.public_name = Some(String::from_utf8_lossy(name).into_owned());
    let (mut exts, _) = vec16(rest)?;
    while let Some(t) = u16_at(exts, 0) {
        config.extensions.push(t);
        let (_, r) = vec16(exts.get(2..)?)?;
        exts = r;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_and_wire_forms_agree() {
        let rec = |data: &str| Record {
            name: "example.test".into(),
            ttl: None,
            kind: "HTTPS".into(),
            data: data.into(),
            line: 1,
        };
        let p = parse(&rec("1 . alpn=\"h3,h2\" port=8443 ipv4hint=192.0.2.1")).unwrap();
        // 00 01 | 00 (root) | alpn: 00 01 00 06 02 'h3' 02 'h2' | port: 00 03 00 02 20 fb |
        // ipv4hint: 00 04 00 04 c0 00 02 01
        let w = parse(&rec("\\# 27 00 01 00 00 01 00 06 02 68 33 02 68 32 00 03 00 02 20 fb 00 04 00 04 c0 00 02 01")).unwrap();
        assert_eq!(
            (p.priority, p.target.as_str(), &p.alpn, p.port, &p.ipv4hint),
            (
                1,
                ".",
                &vec!["h3".to_owned(), "h2".to_owned()],
                Some(8443),
                &vec!["192.0.2.1".to_owned()]
            )
        );
        assert_eq!(
            (w.priority, w.target.as_str(), &w.alpn, w.port, &w.ipv4hint),
            (p.priority, p.target.as_str(), &p.alpn, p.port, &p.ipv4hint)
        );
        assert!(ech(&[0, 9, 1]).error.is_some());
    }
}
