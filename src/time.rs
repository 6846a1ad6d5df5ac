//! Evaluation times: seconds since the Unix epoch, written and read as RFC 3339 UTC.
//!
//! Dates are handled by der's [`DateTime`], which covers 1970–9999 — the range X.509 can
//! express with `UTCTime`/`GeneralizedTime` beyond 1970 ([RFC 5280 §4.1.2.5]).
//!
//! [RFC 5280 §4.1.2.5]: https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5

use core::time::Duration;

use der::DateTime;

use crate::Error;

/// Formats Unix seconds as RFC 3339 UTC (`2026-03-01T12:00:00Z`), clamped to 1970–9999.
pub(crate) fn rfc3339(secs: u64) -> String {
    DateTime::from_unix_duration(Duration::from_secs(secs))
        .unwrap_or(DateTime::INFINITY)
        .to_string()
}

/// Parses an evaluation time: `2026-03-01`, `2026-03-01T12:00:00Z`, or the same with
/// fractional seconds or a numeric offset (`+02:00`), as RFC 3339 allows.
pub fn parse_rfc3339(text: &str) -> Result<u64, Error> {
    let bad = || Error::BadTime {
        given: text.chars().take(64).collect(),
    };
    let t = text.trim();
    if t.len() == 10 {
        return parse_utc(&format!("{t}T00:00:00Z")).ok_or_else(bad);
    }
    let (main, rest) = (t.get(..19).ok_or_else(bad)?, t.get(19..).ok_or_else(bad)?);
    let main = main.replacen(' ', "T", 1).replacen('t', "T", 1);
    // Drop fractional seconds: validity is judged to the second.
    let rest = match rest.strip_prefix('.') {
        Some(frac) => frac.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => rest,
    };
    let base = parse_utc(&format!("{main}Z")).ok_or_else(bad)?;
    match rest {
        "Z" | "z" => Ok(base),
        offset => {
            let sign = match offset.get(..1) {
                Some("+") => 1i64,
                Some("-") => -1i64,
                _ => return Err(bad()),
            };
            let hh: i64 = offset
                .get(1..3)
                .and_then(|s| s.parse().ok())
                .ok_or_else(bad)?;
            let mm: i64 = offset
                .get(4..6)
                .and_then(|s| s.parse().ok())
                .ok_or_else(bad)?;
            if offset.len() != 6 || offset.get(3..4) != Some(":") || hh > 23 || mm > 59 {
                return Err(bad());
            }
            let shift = sign.saturating_mul(
                hh.saturating_mul(3600)
                    .saturating_add(mm.saturating_mul(60)),
            );
            let utc = i64::try_from(base)
                .map_err(|_| bad())?
                .saturating_sub(shift);
            u64::try_from(utc).map_err(|_| bad())
        }
    }
}

/// Seconds in a day.
const DAY: u64 = 86_400;

/// `secs` plus `months` calendar months (day of month kept; Go's `AddDate` normalises an
/// overflowing day into the next month, and so does this).
pub(crate) fn add_months(secs: u64, months: u64) -> u64 {
    let (days, rest) = (secs / DAY, secs % DAY);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days.saturating_add(719_468);
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe
        .saturating_sub(doe / 1460)
        .saturating_add(doe / 36_524)
        .saturating_sub(doe / 146_096))
        / 365;
    let doy = doe.saturating_sub(
        365u64
            .saturating_mul(yoe)
            .saturating_add(yoe / 4)
            .saturating_sub(yoe / 100),
    );
    let mp = (5u64.saturating_mul(doy).saturating_add(2)) / 153;
    let d = doy
        .saturating_sub((153u64.saturating_mul(mp).saturating_add(2)) / 5)
        .saturating_add(1);
    let m = if mp < 10 {
        mp.saturating_add(3)
    } else {
        mp.saturating_sub(9)
    };
    let y = yoe
        .saturating_add(era.saturating_mul(400))
        .saturating_add(u64::from(m <= 2));
    let total = y
        .saturating_mul(12)
        .saturating_add(m.saturating_sub(1))
        .saturating_add(months);
    let (ny, nm) = (total / 12, (total % 12).saturating_add(1));
    days_from_civil(ny, nm, 1)
        .saturating_add(d.saturating_sub(1))
        .saturating_mul(DAY)
        .saturating_add(rest)
}

/// Days from 1970-01-01 to the civil date y-m-d (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: u64, m: u64, d: u64) -> u64 {
    let y = if m <= 2 { y.saturating_sub(1) } else { y };
    let era = y / 400;
    let yoe = y % 400;
    let mp = if m > 2 {
        m.saturating_sub(3)
    } else {
        m.saturating_add(9)
    };
    let doy = ((153u64.saturating_mul(mp).saturating_add(2)) / 5)
        .saturating_add(d)
        .saturating_sub(1);
    let doe = yoe
        .saturating_mul(365)
        .saturating_add(yoe / 4)
        .saturating_sub(yoe / 100)
        .saturating_add(doy);
    era.saturating_mul(146_097)
        .saturating_add(doe)
        .saturating_sub(719_468)
}

fn parse_utc(s: &str) -> Option<u64> {
    s.parse::<DateTime>()
        .ok()
        .map(|d| d.unix_duration().as_secs())
}

/// The current time, natively. WebAssembly callers pass the time in (see `wasm.rs`), since
/// `std::time::SystemTime::now` is not available on `wasm32-unknown-unknown`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_people_type() {
        assert_eq!(parse_rfc3339("2026-03-01"), Ok(1_772_323_200));
        assert_eq!(parse_rfc3339("2026-03-01T00:00:00Z"), Ok(1_772_323_200));
        assert_eq!(
            parse_rfc3339("2026-03-01T01:30:00+01:30"),
            Ok(1_772_323_200)
        );
        assert_eq!(parse_rfc3339("2026-03-01 00:00:00.123Z"), Ok(1_772_323_200));
        assert_eq!(rfc3339(1_772_323_200), "2026-03-01T00:00:00Z");
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "tomorrow",
            "2026-13-01",
            "2026-03-01T00:00:00",
            "2026-03-01T00:00:00+1",
            "2026-03-01T00:00:00+01:00junk",
        ] {
            assert!(parse_rfc3339(bad).is_err(), "{bad}");
        }
    }
}
