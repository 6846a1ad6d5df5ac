//! Hex renderings of bytes, as certificate tools show them.

use core::fmt::Write;

/// Upper-case hex with colons between bytes, as `openssl` prints fingerprints: `AB:01:FF`.
pub(crate) fn colon(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().saturating_mul(3));
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        for nibble in [b >> 4, b & 0x0f] {
            let digit = char::from_digit(u32::from(nibble), 16).unwrap_or('0');
            out.push(digit.to_ascii_uppercase());
        }
    }
    out
}

/// Lower-case hex without separators.
pub(crate) fn plain(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().saturating_mul(2));
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}
