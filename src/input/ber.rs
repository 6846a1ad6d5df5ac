//! BER lengths to DER lengths ([X.690 §8.1.3], [§8.1.5], [§10.1], [§10.2]).
//!
//! PKCS #7 and PKCS #12 may be written in BER, and some tools do: OpenSSL's `cms`/`smime`
//! with `-stream`, Java, and macOS Keychain exports use indefinite lengths (`30 80 … 00 00`)
//! and OCTET STRINGs split into constructed segments. der's decoders read DER only, so such
//! an item is first re-encoded here: every length definite and minimal, every constructed
//! string (OCTET STRING, BIT STRING, the character strings) joined into one primitive value.
//! Nothing else changes — tags and the contents of primitive values are copied as they are,
//! so a DER item comes out byte for byte the same, and certificates inside keep their
//! signed bytes.
//!
//! Bounded: nesting stops at [`MAX_DEPTH`]; the output is at most one byte per constructed
//! element longer than the input.
//!
//! [X.690 §8.1.3]: https://www.itu.int/rec/T-REC-X.690
//! [§8.1.5]: https://www.itu.int/rec/T-REC-X.690
//! [§10.1]: https://www.itu.int/rec/T-REC-X.690
//! [§10.2]: https://www.itu.int/rec/T-REC-X.690

use crate::Error;

/// The deepest nesting re-encoded.
pub(crate) const MAX_DEPTH: usize = 32;

/// Whether `bytes` starts with a constructed element of indefinite length: BER that der's
/// decoders would reject, and [`to_der`] can re-encode.
pub(crate) fn starts_indefinite(bytes: &[u8]) -> bool {
    matches!(bytes, [tag, 0x80, ..] if tag & 0x20 != 0 && tag & 0x1f != 0x1f)
}

/// Re-encodes the BER element at the start of `bytes` with DER lengths. Returns the DER and
/// how many bytes of `bytes` the element took.
pub(crate) fn to_der(bytes: &[u8]) -> Result<(Vec<u8>, usize), Error> {
    let mut out = Vec::with_capacity(bytes.len());
    let end = element(bytes, 0, 0, &mut out).map_err(|(offset, detail)| Error::Der {
        what: "BER item",
        offset: Some(offset),
        detail: detail.to_owned(),
    })?;
    Ok((out, end))
}

/// A failure: the byte offset in the input and what was wrong there.
type Fail = (usize, &'static str);

/// One element's header.
struct Header {
    /// Tag octets, as written.
    tag: core::ops::Range<usize>,
    constructed: bool,
    /// Universal tag number, when the tag is universal and in low-tag-number form.
    universal: Option<u8>,
    /// `None` for the indefinite form.
    length: Option<usize>,
    /// Where the contents start.
    contents: usize,
}

fn header(bytes: &[u8], at: usize) -> Result<Header, Fail> {
    let byte = |i: usize| {
        bytes
            .get(i)
            .copied()
            .ok_or((i, "the input ends inside a header"))
    };
    let first = byte(at)?;
    let mut pos = at.saturating_add(1);
    if first & 0x1f == 0x1f {
        // High tag number form (§8.1.2.4): base-128 digits, the last without bit 8.
        loop {
            let b = byte(pos)?;
            pos = pos.saturating_add(1);
            if b & 0x80 == 0 {
                break;
            }
            if pos.saturating_sub(at) > 5 {
                return Err((at, "tag number too large"));
            }
        }
    }
    let tag = at..pos;
    let first_length = byte(pos)?;
    pos = pos.saturating_add(1);
    let length = match first_length {
        0x80 => None,
        0xff => return Err((pos.saturating_sub(1), "reserved length octet 0xFF")),
        short if short < 0x80 => Some(usize::from(short)),
        long => {
            let count = usize::from(long & 0x7f);
            if count > 4 {
                return Err((pos.saturating_sub(1), "length longer than 4 octets"));
            }
            let mut value = 0usize;
            for _ in 0..count {
                let b = byte(pos)?;
                value = value
                    .checked_mul(256)
                    .and_then(|v| v.checked_add(usize::from(b)))
                    .ok_or((pos, "length too large"))?;
                pos = pos.saturating_add(1);
            }
            Some(value)
        }
    };
    let constructed = first & 0x20 != 0;
    if length.is_none() && !constructed {
        return Err((at, "indefinite length on a primitive value"));
    }
    if let Some(len) = length {
        if pos.checked_add(len).is_none_or(|end| end > bytes.len()) {
            return Err((at, "the length runs past the end of the input"));
        }
    }
    Ok(Header {
        tag,
        constructed,
        universal: (first & 0xc0 == 0 && first & 0x1f != 0x1f).then_some(first & 0x1f),
        length,
        contents: pos,
    })
}

/// Universal types whose constructed BER form is a list of segments (§8.6.3, §8.7.3, §8.23.6).
fn is_string_type(number: u8) -> bool {
    matches!(number, 3 | 4 | 12 | 18..=22 | 25..=30)
}

/// Appends `len` in DER's minimal form (§10.1).
fn push_length(out: &mut Vec<u8>, len: usize) {
    let bytes = len.to_be_bytes();
    let skip = bytes.iter().take_while(|b| **b == 0).count();
    let significant = bytes.get(skip..).unwrap_or_default();
    match significant {
        [] => out.push(0),
        [b] if *b < 0x80 => out.push(*b),
        _ => {
            // At most size_of::<usize>() octets: the count fits in the low 7 bits.
            out.push(u8::try_from(significant.len()).map_or(0xff, |n| 0x80 | n));
            out.extend_from_slice(significant);
        }
    }
}

/// Whether the element at `at` is an end-of-contents marker (§8.1.5).
fn is_end_of_contents(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&0) && bytes.get(at.saturating_add(1)) == Some(&0)
}

/// Visits the children of a constructed element: `f(child_offset)` returns where the child
/// ended. Returns where the parent ended (after its end-of-contents marker, if indefinite).
fn children(
    bytes: &[u8],
    h: &Header,
    mut f: impl FnMut(usize) -> Result<usize, Fail>,
) -> Result<usize, Fail> {
    let mut pos = h.contents;
    match h.length {
        Some(len) => {
            let end = pos.saturating_add(len);
            while pos < end {
                pos = f(pos)?;
                if pos > end {
                    return Err((pos, "an element runs past the end of its parent"));
                }
            }
            Ok(end)
        }
        None => loop {
            if is_end_of_contents(bytes, pos) {
                return Ok(pos.saturating_add(2));
            }
            if pos >= bytes.len() {
                return Err((pos, "the input ends before an end-of-contents marker"));
            }
            pos = f(pos)?;
        },
    }
}

/// Re-encodes the element at `at` into `out`; returns where it ended in `bytes`.
fn element(bytes: &[u8], at: usize, depth: usize, out: &mut Vec<u8>) -> Result<usize, Fail> {
    if depth > MAX_DEPTH {
        return Err((at, "nested too deeply"));
    }
    let h = header(bytes, at)?;
    let tag = bytes.get(h.tag.clone()).unwrap_or_default();
    if !h.constructed {
        let len = h.length.unwrap_or(0);
        let end = h.contents.saturating_add(len);
        out.extend_from_slice(tag);
        push_length(out, len);
        out.extend_from_slice(bytes.get(h.contents..end).unwrap_or_default());
        return Ok(end);
    }
    if let Some(number) = h.universal.filter(|n| is_string_type(*n)) {
        let mut value = Vec::new();
        let mut unused = 0u8;
        let end = segments(bytes, &h, number, depth, &mut value, &mut unused)?;
        out.push(number); // the primitive form of the same universal tag
        if number == 3 {
            push_length(out, value.len().saturating_add(1));
            out.push(unused);
        } else {
            push_length(out, value.len());
        }
        out.extend_from_slice(&value);
        return Ok(end);
    }
    let mut contents = Vec::new();
    let end = children(bytes, &h, |child| {
        element(bytes, child, depth.saturating_add(1), &mut contents)
    })?;
    out.extend_from_slice(tag);
    push_length(out, contents.len());
    out.extend_from_slice(&contents);
    Ok(end)
}

/// Joins the segments of a constructed string of universal type `number` into `value`
/// (§8.7.3: each segment an encoding of the same type, itself possibly constructed). For a
/// BIT STRING only the last segment may have unused bits (§8.6.4).
fn segments(
    bytes: &[u8],
    h: &Header,
    number: u8,
    depth: usize,
    value: &mut Vec<u8>,
    unused: &mut u8,
) -> Result<usize, Fail> {
    if depth > MAX_DEPTH {
        return Err((h.contents, "nested too deeply"));
    }
    children(bytes, h, |child| {
        let s = header(bytes, child)?;
        if s.universal != Some(number) {
            return Err((child, "a segment of a constructed string has another type"));
        }
        if s.constructed {
            return segments(bytes, &s, number, depth.saturating_add(1), value, unused);
        }
        let len = s.length.unwrap_or(0);
        let end = s.contents.saturating_add(len);
        let mut data = bytes.get(s.contents..end).unwrap_or_default();
        if number == 3 {
            if *unused != 0 {
                return Err((
                    child,
                    "unused bits in a BIT STRING segment that is not the last",
                ));
            }
            let Some((&bits, rest)) = data.split_first() else {
                return Err((child, "a BIT STRING segment without its unused-bits octet"));
            };
            if bits > 7 {
                return Err((child, "more than 7 unused bits in a BIT STRING segment"));
            }
            *unused = bits;
            data = rest;
        }
        value.extend_from_slice(data);
        Ok(end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        let s: String = s.split_whitespace().collect();
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    fn convert(s: &str) -> Result<(Vec<u8>, usize), Error> {
        to_der(&hex(s))
    }

    #[test]
    fn indefinite_lengths_become_definite() {
        let (der, used) = convert("30 80 02 01 05 30 80 05 00 00 00 00 00").unwrap();
        assert_eq!(der, hex("30 07 02 01 05 30 02 05 00"));
        assert_eq!(used, 13);
    }

    #[test]
    fn constructed_strings_are_joined() {
        // X.690 §8.7.3.2's example shape: an OCTET STRING in two segments, one nested.
        let (der, _) = convert("24 80 04 03 01 02 03 24 80 04 02 04 05 00 00 00 00").unwrap();
        assert_eq!(der, hex("04 05 01 02 03 04 05"));
        // A BIT STRING: only the last segment's unused-bits count survives.
        let (der, _) = convert("23 0c 03 03 00 0a 3b 03 05 04 5f 29 1c d0").unwrap();
        assert_eq!(der, hex("03 07 04 0a 3b 5f 29 1c d0"));
        // UTF8String segments.
        let (der, _) = convert("2c 80 0c 02 68 69 0c 01 21 00 00").unwrap();
        assert_eq!(der, hex("0c 03 68 69 21"));
    }

    #[test]
    fn tagged_constructed_elements_stay_constructed() {
        // [0] EXPLICIT around an OCTET STRING in segments: the tag stays, the string joins.
        let (der, _) = convert("a0 80 24 80 04 01 aa 04 01 bb 00 00 00 00").unwrap();
        assert_eq!(der, hex("a0 04 04 02 aa bb"));
    }

    #[test]
    fn der_passes_through_unchanged() {
        let cert = std::fs::read("tests/data/roots/ISRG_Root_X1.pem").unwrap();
        let text = String::from_utf8(cert).unwrap();
        let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
        use base64::Engine;
        let der = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        let (out, used) = to_der(&der).unwrap();
        assert_eq!(out, der);
        assert_eq!(used, der.len());
    }

    #[test]
    fn long_and_non_minimal_lengths_are_minimised() {
        // BER allows a long form where the short one would do (§8.1.3.5 note 2).
        let (der, _) = convert("30 81 04 02 81 01 07").unwrap();
        assert_eq!(der, hex("30 03 02 01 07"));
        let mut big = hex("04 82 01 00");
        big.extend(std::iter::repeat_n(0xab, 256));
        let (der, _) = to_der(&big).unwrap();
        assert_eq!(&der[..4], &hex("04 82 01 00")[..]);
        assert_eq!(der.len(), 260);
    }

    #[test]
    fn broken_ber_is_an_error_with_its_offset() {
        let cases = [
            ("04 80 00 00", 0, "primitive"),
            ("30 80 02 01 05", 5, "end-of-contents"),
            ("30 05 02 01", 0, "past the end"),
            ("30 03 02 05 01", 2, "past the end"),
            ("24 80 02 01 05 00 00", 2, "another type"),
            ("23 80 03 02 03 ff 03 02 00 ff 00 00", 6, "not the last"),
            ("30 ff", 1, "0xFF"),
            ("30 85 01 00 00 00 00", 1, "4 octets"),
        ];
        for (input, offset, words) in cases {
            match convert(input) {
                Err(Error::Der {
                    offset: Some(at),
                    detail,
                    ..
                }) => {
                    assert_eq!(at, offset, "{input}: {detail}");
                    assert!(detail.contains(words), "{input}: {detail}");
                }
                other => panic!("{input}: {other:?}"),
            }
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let mut deep = Vec::new();
        for _ in 0..10_000 {
            deep.extend([0x30, 0x80]);
        }
        for _ in 0..10_000 {
            deep.extend([0, 0]);
        }
        let err = to_der(&deep).unwrap_err();
        assert!(err.to_string().contains("nested too deeply"), "{err}");
        let mut ok = Vec::new();
        for _ in 0..=MAX_DEPTH {
            ok.extend([0x30, 0x80]);
        }
        for _ in 0..=MAX_DEPTH {
            ok.extend([0, 0]);
        }
        assert!(to_der(&ok).is_ok());
    }

    #[test]
    fn detects_only_indefinite_constructed_starts() {
        assert!(starts_indefinite(&hex("30 80")));
        assert!(starts_indefinite(&hex("a0 80")));
        assert!(!starts_indefinite(&hex("30 82 01 00")));
        assert!(!starts_indefinite(&hex("04 80")));
        assert!(!starts_indefinite(&hex("30")));
    }
}
