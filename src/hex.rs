//! Hex renderings of bytes, as certificate tools show them.

use core::fmt::Write;

/// Upper-case hex with colons between bytes, as `openssl` prints fingerprints: `AB:01:FF`.
pub(crate) fn colon(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().saturating_mul(3));
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        let _ = write!(out, "{b:02X}");
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
