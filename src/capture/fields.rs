//! Where each field of a message is in its bytes, so that the page can highlight the bytes of
//! the field under the cursor: record headers ([RFC 8446] §5.1), handshake headers (§4), the
//! hellos field by field and extension by extension (§4.1.2, §4.1.3), certificates (§4.4.2)
//! and an ECDHE ServerKeyExchange ([RFC 8422] §5.4).
//!
//! [RFC 8446]: https://www.rfc-editor.org/rfc/rfc8446
//! [RFC 8422]: https://www.rfc-editor.org/rfc/rfc8422

use serde::Serialize;

use super::hello::u16_at;
use super::names;

/// One field: its name, where it is in the message's bytes, and its value in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// "Cipher suites", "Extension server_name"…
    pub name: String,
    /// Offset in the message's bytes (as in `hex`).
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// The value, shortly ("TLS 1.2", "28 suites", "localhost").
    pub value: String,
}

/// Adds fields one after another from an offset.
struct Walk<'a> {
    bytes: &'a [u8],
    at: usize,
    out: Vec<Field>,
}

impl Walk<'_> {
    fn field(&mut self, name: &str, length: usize, value: String) {
        if self.at.saturating_add(length) <= self.bytes.len() {
            self.out.push(Field {
                name: name.to_owned(),
                offset: self.at,
                length,
                value,
            });
        }
        self.at = self.at.saturating_add(length);
    }

    fn byte(&self, at: usize) -> usize {
        usize::from(self.bytes.get(at).copied().unwrap_or(0))
    }

    fn u16(&self, at: usize) -> usize {
        usize::from(u16_at(self.bytes, at).unwrap_or(0))
    }

    fn u24(&self, at: usize) -> usize {
        (self.byte(at) << 16)
            | (self.byte(at.saturating_add(1)) << 8)
            | self.byte(at.saturating_add(2))
    }

    /// A vector with a `size`-byte length prefix: its whole extent.
    fn vector(&mut self, name: &str, size: usize, what: &str) {
        let len = match size {
            1 => self.byte(self.at),
            2 => self.u16(self.at),
            _ => self.u24(self.at),
        };
        let value = if what.is_empty() {
            format!("{len} bytes")
        } else {
            let n = len.checked_div(what_size(what)).unwrap_or(0);
            format!("{n} {what}{}", names::plural(n))
        };
        self.field(name, size.saturating_add(len), value);
    }

    /// An extension block: its length, then each extension named.
    fn extensions(&mut self) {
        if self.at >= self.bytes.len() {
            return;
        }
        let total = self.u16(self.at);
        self.field("Extensions length", 2, format!("{total} bytes"));
        let end = self.at.saturating_add(total).min(self.bytes.len());
        while self.at.saturating_add(4) <= end {
            let kind = u16_at(self.bytes, self.at).unwrap_or(0);
            let len = self.u16(self.at.saturating_add(2));
            let name = names::or_number(names::extension(kind), kind);
            self.field(
                &format!("Extension {name}"),
                4usize.saturating_add(len),
                format!("{len} bytes"),
            );
        }
    }
}

fn what_size(what: &str) -> usize {
    if what == "suite" {
        2
    } else {
        1
    }
}

/// The fields of a handshake message (`handshake`) or of a record.
pub(crate) fn of(bytes: &[u8], handshake: bool) -> Vec<Field> {
    let mut w = Walk {
        bytes,
        at: 0,
        out: Vec::new(),
    };
    if !handshake {
        let kind = w.byte(0);
        w.field("Record type", 1, kind.to_string());
        w.field(
            "Record version",
            2,
            names::version(u16_at(bytes, 1).unwrap_or(0)),
        );
        let len = w.u16(3);
        w.field("Record length", 2, format!("{len} bytes"));
        if kind == 21 && len == 2 {
            w.field(
                "Alert level",
                1,
                if w.byte(5) == 2 {
                    "fatal".into()
                } else {
                    "warning".into()
                },
            );
            w.field(
                "Alert description",
                1,
                names::alert(u8::try_from(w.byte(6)).unwrap_or(0))
                    .0
                    .to_owned(),
            );
        } else {
            w.field(
                if kind == 23 {
                    "Encrypted data"
                } else {
                    "Content"
                },
                len,
                format!("{len} bytes"),
            );
        }
        return w.out;
    }
    let kind = w.byte(0);
    let kind_name = match kind {
        1 => "ClientHello",
        2 => "ServerHello",
        4 => "NewSessionTicket",
        11 => "Certificate",
        12 => "ServerKeyExchange",
        13 => "CertificateRequest",
        14 => "ServerHelloDone",
        15 => "CertificateVerify",
        16 => "ClientKeyExchange",
        20 => "Finished",
        22 => "CertificateStatus",
        _ => "",
    };
    w.field(
        "Handshake type",
        1,
        format!("{kind} {kind_name}").trim_end().to_owned(),
    );
    let len = w.u24(1);
    w.field("Handshake length", 3, format!("{len} bytes"));
    match kind {
        1 | 2 => {
            w.field("Version", 2, names::version(u16_at(bytes, 4).unwrap_or(0)));
            w.field("Random", 32, "32 bytes".into());
            w.vector("Session id", 1, "");
            if kind == 1 {
                w.vector("Cipher suites", 2, "suite");
                w.vector("Compression methods", 1, "method");
            } else {
                let suite = u16_at(bytes, w.at).unwrap_or(0);
                w.field("Cipher suite", 2, names::cipher_suite(suite));
                w.field("Compression method", 1, w.byte(w.at).to_string());
            }
            w.extensions();
        }
        11 => {
            let total = w.u24(4);
            w.field("Certificates length", 3, format!("{total} bytes"));
            let mut n = 0usize;
            while w.at.saturating_add(3) <= bytes.len() {
                n = n.saturating_add(1);
                let len = w.u24(w.at);
                w.field(
                    &format!("Certificate {n}"),
                    3usize.saturating_add(len),
                    format!("{len} bytes of DER"),
                );
            }
        }
        12 if w.byte(4) == 3 => {
            w.field("Curve type", 1, "named_curve".into());
            let group = u16_at(bytes, 5).unwrap_or(0);
            w.field("Group", 2, names::or_number(names::group(group), group));
            w.vector("Public key", 1, "");
            let scheme = u16_at(bytes, w.at).unwrap_or(0);
            w.field(
                "Signature algorithm",
                2,
                names::or_number(names::signature_scheme(scheme), scheme),
            );
            w.vector("Signature", 2, "");
        }
        _ => w.field("Body", len, format!("{len} bytes")),
    }
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alert_record() {
        let f = of(&[21, 3, 3, 0, 2, 2, 48], false);
        let names: Vec<_> = f
            .iter()
            .map(|f| (f.name.as_str(), f.offset, f.length, f.value.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("Record type", 0, 1, "21"),
                ("Record version", 1, 2, "TLS 1.2"),
                ("Record length", 3, 2, "2 bytes"),
                ("Alert level", 5, 1, "fatal"),
                ("Alert description", 6, 1, "unknown_ca"),
            ]
        );
    }
}
