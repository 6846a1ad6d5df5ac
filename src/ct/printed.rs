//! SCTs as `openssl s_client -ct` prints them (OpenSSL's `SCT_print`, crypto/ct/ct_prn.c),
//! turned back into the TLS encoding of RFC 6962 §3.2 so that they are checked like any other.
//!
//! s_client lists every SCT it got under `SCTs present (n)` without saying where each came
//! from: the certificate, the TLS extension or the stapled OCSP response. The embedded ones
//! are recognised by [`super::check`] (the same SCT as one in the certificate). With `-status`
//! s_client also prints the OCSP response, whose `CT Certificate SCTs` name the OCSP ones; the
//! rest then came in the handshake. Without it the transcript cannot tell the two apart, and
//! the SCT is marked [`Source::Server`].

use super::Source;

/// At most this many SCTs are read from one transcript.
const MAX: usize = 64;

/// One printed SCT: its TLS encoding, and its log id and timestamp (milliseconds) to match it.
struct Printed {
    encoded: Vec<u8>,
    key: ([u8; 32], u64),
}

/// The SCT lists of transcript `text`, by how they came (one TLS-encoded list per source).
pub(crate) fn read(text: &str) -> Vec<(Source, Vec<u8>)> {
    // Lines only, compared at their start: no substring search is linked in for this.
    let (mut in_ocsp, mut present) = (Vec::new(), Vec::new());
    let (mut ocsp_printed, mut listed) = (false, false);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.starts_with("OCSP response:") {
            ocsp_printed = true;
        } else if line.starts_with("SCTs present (") {
            listed = true;
        } else if line
            .trim_start()
            .starts_with("Signed Certificate Timestamp:")
        {
            let mut fields: Vec<(&str, String)> = Vec::new();
            while let Some(next) = lines.peek() {
                if !field_line(next, &mut fields) {
                    break;
                }
                lines.next();
            }
            match block(&fields) {
                Some(p) if listed => present.push(p),
                Some(p) => in_ocsp.push(p.key),
                None => {}
            }
            if in_ocsp.len().saturating_add(present.len()) >= MAX {
                break;
            }
        }
    }
    let mut lists: Vec<(Source, Vec<Vec<u8>>)> = Vec::new();
    for p in present {
        let source = if in_ocsp.contains(&p.key) {
            Source::Ocsp
        } else if ocsp_printed {
            Source::Tls
        } else {
            Source::Server
        };
        match lists.iter_mut().find(|(s, _)| *s == source) {
            Some((_, list)) => list.push(p.encoded),
            None => lists.push((source, vec![p.encoded])),
        }
    }
    lists
        .into_iter()
        .filter_map(|(source, scts)| Some((source, tls_list(&scts)?)))
        .collect()
}

/// Adds `line` to the block's `fields` when it is one (`Log ID    : 4B:…`) or the hex going on
/// from the one before; false when the block has ended.
fn field_line<'a>(line: &'a str, fields: &mut Vec<(&'a str, String)>) -> bool {
    let t = line.trim();
    let named = t.split_once(':').filter(|(n, _)| {
        n.len() >= 9
            && matches!(
                n.trim_end(),
                "Version" | "Log" | "Log ID" | "Timestamp" | "Extensions" | "Signature"
            )
    });
    if let Some((name, value)) = named {
        fields.push((name.trim_end(), value.trim().to_owned()));
        return true;
    }
    match fields.last_mut() {
        Some((_, value)) if !t.is_empty() && is_hex(t) => {
            value.push('\n');
            value.push_str(t);
            true
        }
        _ => false,
    }
}

/// A SignedCertificateTimestampList: a 16-bit length, then each SCT with its 16-bit length.
fn tls_list(scts: &[Vec<u8>]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    for s in scts {
        body.extend(u16::try_from(s.len()).ok()?.to_be_bytes());
        body.extend(s);
    }
    let mut out = u16::try_from(body.len()).ok()?.to_be_bytes().to_vec();
    out.extend(body);
    Some(out)
}

/// One `SCT_print` block's fields: `Version`, `Log ID`, `Timestamp`, `Extensions` and
/// `Signature` (its algorithm, then its hex).
fn block(fields: &[(&str, String)]) -> Option<Printed> {
    let field = |name: &str| fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
    if !field("Version")?.starts_with("v1") {
        return None;
    }
    let log_id: [u8; 32] = hex(field("Log ID")?)?.try_into().ok()?;
    let timestamp = timestamp(field("Timestamp")?)?;
    let extensions = match field("Extensions")?.as_str() {
        "none" => Vec::new(),
        e => hex(e)?,
    };
    let signature = field("Signature")?;
    let (algorithm, value) = signature.split_once('\n')?;
    let (hash, sig) = match algorithm.trim() {
        "ecdsa-with-SHA256" => (4, 3),
        "sha256WithRSAEncryption" => (4, 1),
        _ => return None,
    };
    let value = hex(value)?;
    let mut encoded = vec![0u8];
    encoded.extend(log_id);
    encoded.extend(timestamp.to_be_bytes());
    encoded.extend(u16::try_from(extensions.len()).ok()?.to_be_bytes());
    encoded.extend(extensions);
    encoded.extend([hash, sig]);
    encoded.extend(u16::try_from(value.len()).ok()?.to_be_bytes());
    encoded.extend(value);
    Some(Printed {
        encoded,
        key: (log_id, timestamp),
    })
}

/// A hex dump line: pairs of hex digits separated by colons.
fn is_hex(t: &str) -> bool {
    t.bytes().all(|b| b.is_ascii_hexdigit() || b == b':')
}

/// `4B:D3:…` over one or more lines, as bytes.
fn hex(text: &str) -> Option<Vec<u8>> {
    let mut digits = String::new();
    for pair in text
        .split([':', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if pair.len() != 2 {
            return None;
        }
        digits.push_str(pair);
    }
    crate::hex::decode(&digits)
}

/// Decimal digits only.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 4 {
        return None;
    }
    text.bytes().try_fold(0u64, |n, d| {
        let digit = char::from(d).to_digit(10)?;
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

/// `Dec  4 03:28:40.003 2026 GMT` (`ASN1_GENERALIZEDTIME_print` of the time with its
/// milliseconds) as milliseconds since 1970.
fn timestamp(text: &str) -> Option<u64> {
    const MONTHS: &str = "JanFebMarAprMayJunJulAugSepOctNovDec";
    let mut parts = text.split(' ').filter(|p| !p.is_empty());
    let (month, day, clock, year) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next()? != "GMT" || month.len() != 3 {
        return None;
    }
    let month = (1..=12u64)
        .zip(MONTHS.as_bytes().chunks(3))
        .find(|(_, m)| *m == month.as_bytes())?
        .0;
    let (clock, ms) = clock.split_once('.')?;
    let mut hms = clock.split(':').map(number);
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    let small = |n: u64| u8::try_from(n).ok();
    let date = der::DateTime::new(
        u16::try_from(number(year)?).ok()?,
        small(month)?,
        small(number(day)?)?,
        small(h)?,
        small(m)?,
        small(s)?,
    )
    .ok()?;
    let ms = if ms.len() == 3 {
        number(ms)?
    } else {
        return None;
    };
    date.unix_duration()
        .as_secs()
        .checked_mul(1000)?
        .checked_add(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRANSCRIPT: &str = include_str!("../../tests/data/ct/delivered/s_client-ct.txt");

    #[test]
    fn reads_openssl_times_to_the_millisecond() {
        assert_eq!(
            timestamp("Dec  4 03:28:40.003 2026 GMT"),
            Some(1_796_354_920_003)
        );
        assert_eq!(timestamp("Feb 30 03:28:40.003 2026 GMT"), None);
        assert_eq!(timestamp("Dec  4 03:28:40 2026 GMT"), None);
        assert_eq!(hex("4B:D3:\n  CF"), Some(vec![0x4b, 0xd3, 0xcf]));
        assert_eq!(hex("4B:D"), None);
    }

    #[test]
    fn cut_or_bent_transcripts_give_fewer_scts_never_a_panic() {
        let full: usize = read(TRANSCRIPT).iter().map(|(_, l)| l.len()).sum();
        for end in (0..TRANSCRIPT.len())
            .step_by(3)
            .filter(|&i| TRANSCRIPT.is_char_boundary(i))
        {
            let got: usize = read(&TRANSCRIPT[..end]).iter().map(|(_, l)| l.len()).sum();
            assert!(got <= full, "{end}");
        }
        for (from, to) in [
            ("v1 (0x0)", "v2 (0x1)"),
            ("ecdsa-with-SHA256\n", "ed25519\n"),
            ("Extensions: none", "Extensions: 0"),
            ("Log ID    : 4B", "Log ID    : 4"),
        ] {
            let bent = TRANSCRIPT.replace(from, to);
            let n: usize = read(&bent).iter().map(|(_, l)| l.len()).sum();
            assert!(n < full, "{from} -> {to}");
        }
    }
}
