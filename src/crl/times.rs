//! CRLs whose dates are not written as RFC 5280 requires, read all the same. RFC 5280
//! §5.1.2.4 (and §4.1.2.5 for both time types) asks for UTCTime in Zulu with seconds up to 2049
//! and GeneralizedTime after; CRLs in the wild (and zlint's tests, made with Go) also carry
//! offsets such as `+0100` and Go's zero time, year 1, as a revocation date. der refuses both,
//! so such a CRL is re-encoded with each date converted to UTC (dates before 1970, which der
//! cannot hold, become 1970-01-01) and what was changed is said, for a finding. The signature
//! is still checked over the CRL as given. The TLVs are walked by hand (a few lines) rather than
//! with der's readers and time encoders, which cost the core module 3.4 KB gzipped against 2.1 KB.

const SEQUENCE: u8 = 0x30;
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;

/// One TLV: its tag byte, its contents and all its bytes.
struct Tlv<'a> {
    tag: u8,
    contents: &'a [u8],
    whole: &'a [u8],
}

/// The TLV at the start of `bytes` (single-byte tags, definite lengths of up to 4 bytes).
fn tlv(bytes: &[u8]) -> Option<Tlv<'_>> {
    let tag = *bytes.first()?;
    let first = *bytes.get(1)?;
    let (len, header) = if first < 0x80 {
        (usize::from(first), 2usize)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let len = bytes
            .get(2..n.checked_add(2)?)?
            .iter()
            .fold(0usize, |l, b| (l << 8) | usize::from(*b));
        (len, n.checked_add(2)?)
    };
    let end = header.checked_add(len)?;
    Some(Tlv {
        tag,
        contents: bytes.get(header..end)?,
        whole: bytes.get(..end)?,
    })
}

/// The TLVs of a constructed value's contents.
fn items(mut contents: &[u8]) -> Option<Vec<Tlv<'_>>> {
    let mut out = Vec::new();
    while !contents.is_empty() {
        let item = tlv(contents)?;
        contents = contents.get(item.whole.len()..)?;
        out.push(item);
    }
    Some(out)
}

/// `contents` under `tag`, with a DER length.
fn encode(tag: u8, contents: &[u8]) -> Vec<u8> {
    let len = contents.len();
    let mut out = vec![tag];
    if len < 0x80 {
        out.push(u8::try_from(len).unwrap_or(0));
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | u8::try_from(bytes.len()).unwrap_or(0));
        out.extend(bytes);
    }
    out.extend_from_slice(contents);
    out
}

fn digits(text: &[u8], at: usize, n: usize) -> Option<u64> {
    let part = text.get(at..at.checked_add(n)?)?;
    part.iter().try_fold(0u64, |v, b| {
        b.is_ascii_digit().then(|| {
            v.saturating_mul(10)
                .saturating_add(u64::from(b.wrapping_sub(b'0')))
        })
    })
}

/// The Unix seconds a UTCTime or GeneralizedTime says, in any of X.680's forms (seconds and
/// fractions optional, `Z`, an offset or nothing), 0 for a date before 1970.
fn seconds(tag: u8, text: &[u8]) -> Option<u64> {
    let (year, mut at) = if tag == UTC_TIME {
        let yy = digits(text, 0, 2)?;
        (yy.saturating_add(if yy < 50 { 2000 } else { 1900 }), 2usize)
    } else {
        (digits(text, 0, 4)?, 4usize)
    };
    let mut field = |n: usize| {
        let v = digits(text, at, n);
        if v.is_some() {
            at = at.saturating_add(n);
        }
        v
    };
    let (month, day, hour, minute) = (field(2)?, field(2)?, field(2)?, field(2)?);
    let second = field(2).unwrap_or(0);
    if text.get(at) == Some(&b'.') {
        at = at.saturating_add(1);
        while text.get(at).is_some_and(u8::is_ascii_digit) {
            at = at.saturating_add(1);
        }
    }
    let offset = match text.get(at) {
        None | Some(b'Z') => 0i64,
        Some(sign @ (b'+' | b'-')) => {
            let hh = digits(text, at.saturating_add(1), 2)?;
            let mm = digits(text, at.saturating_add(3), 2)?;
            let secs = i64::try_from(
                hh.saturating_mul(3600)
                    .saturating_add(mm.saturating_mul(60)),
            )
            .ok()?;
            if *sign == b'+' {
                secs
            } else {
                secs.saturating_neg()
            }
        }
        Some(_) => return None,
    };
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    if year < 1970 {
        return Some(0);
    }
    let local = crate::time::days_from_civil(year, month, day)
        .saturating_mul(86_400)
        .saturating_add(hour.saturating_mul(3600))
        .saturating_add(minute.saturating_mul(60))
        .saturating_add(second);
    let utc = i64::try_from(local).ok()?.saturating_sub(offset);
    Some(u64::try_from(utc).unwrap_or(0))
}

/// A date re-encoded as RFC 5280 wants it, noting in `changed` when that differs.
fn time(item: &Tlv<'_>, changed: &mut Vec<String>) -> Option<Vec<u8>> {
    let secs = seconds(item.tag, item.contents)?;
    // "2026-11-27T03:23:52Z" → "20261127032352Z"; UTCTime drops the century before 2050.
    let iso = crate::time::rfc3339(secs);
    let compact: String = iso.chars().filter(char::is_ascii_digit).collect();
    let fixed = if secs < 2_524_608_000 {
        encode(UTC_TIME, format!("{}Z", compact.get(2..)?).as_bytes())
    } else {
        encode(GENERALIZED_TIME, format!("{compact}Z").as_bytes())
    };
    if fixed != item.whole {
        let text = String::from_utf8_lossy(item.contents);
        changed.push(if secs == 0 {
            format!("{text} (before 1970, read as 1970-01-01)")
        } else {
            format!("{text} (read as {iso})")
        });
    }
    Some(fixed)
}

fn is_time(item: &Tlv<'_>) -> bool {
    item.tag == UTC_TIME || item.tag == GENERALIZED_TIME
}

/// `item`'s contents with each date re-encoded, under its tag.
fn with_times(item: &Tlv<'_>, changed: &mut Vec<String>) -> Option<Vec<u8>> {
    let mut contents = Vec::new();
    for part in items(item.contents)? {
        if is_time(&part) {
            contents.extend(time(&part, changed)?);
        } else {
            contents.extend_from_slice(part.whole);
        }
    }
    Some(encode(item.tag, &contents))
}

/// The CRL in `der` with every date in RFC 5280's form, and the dates that were not; `None`
/// when it is not a CRL's shape.
pub(crate) fn normalised(der: &[u8]) -> Option<(Vec<u8>, Vec<String>)> {
    let outer = tlv(der)?;
    let parts = items(outer.contents)?;
    let (tbs, rest) = parts.split_first()?;
    let mut changed = Vec::new();
    let mut contents = Vec::new();
    let mut after_time = false;
    for item in items(tbs.contents)? {
        if is_time(&item) {
            contents.extend(time(&item, &mut changed)?);
            after_time = true;
        } else if after_time && item.tag == SEQUENCE {
            // revokedCertificates, the only SEQUENCE after thisUpdate: each entry's date.
            let mut list = Vec::new();
            for entry in items(item.contents)? {
                list.extend(with_times(&entry, &mut changed)?);
            }
            contents.extend(encode(SEQUENCE, &list));
        } else {
            contents.extend_from_slice(item.whole);
        }
    }
    let mut all = encode(SEQUENCE, &contents);
    for part in rest {
        all.extend_from_slice(part.whole);
    }
    Some((encode(SEQUENCE, &all), changed))
}
