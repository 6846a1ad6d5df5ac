//! Hex renderings of bytes, as certificate tools show them.

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
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    out
}

/// Bytes from hex digits (either case, no separators); `None` on an odd length or a non-hex
/// character.
pub(crate) fn decode(hex: &str) -> Option<Vec<u8>> {
    let digits = hex.as_bytes();
    if digits.len() % 2 != 0 {
        return None;
    }
    digits
        .chunks_exact(2)
        .map(|pair| {
            if !pair.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            let s = core::str::from_utf8(pair).ok()?;
            u8::from_str_radix(s, 16).ok()
        })
        .collect()
}
