//! The Certificate Transparency logs certscope knows: `data/ct/logs.tsv`, written by
//! `scripts/ct-logs.py` from the list compiled into Debian's Chromium (the logs Chrome
//! counts, with their operators and retirement dates), Apple's log list as the Go module
//! `crtsh/ctloglists` ships it (each log's state for Apple, and the logs only Apple lists) and,
//! for older certificates, the logs of Google's 2020 list that have since left both.

use serde::Serialize;

const DATA: &str = include_str!("../../data/ct/logs.tsv");

/// Seconds since 1970 of Chromium's binary the list was read from; Chrome stops enforcing CT
/// when its built-in list is 70 days older than the time of check
/// (`ChromeCTPolicyEnforcer::IsLogDataTimely`).
pub(crate) fn list_date() -> Option<u64> {
    let line = DATA.lines().find(|l| l.starts_with("# chrome\t"))?;
    line.rsplit('\t').next()?.parse().ok()
}

/// Where the lists came from, as the file's header says.
pub(crate) fn provenance() -> String {
    let about = |list: &str| {
        DATA.lines()
            .filter_map(|l| l.strip_prefix(list))
            .find_map(|s| s.split('\t').next())
            .unwrap_or_default()
    };
    format!(
        "the log list compiled into Chrome ({}) and {}",
        about("# chrome\t"),
        about("# apple\t")
    )
}

/// A log's state as Chrome's list records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogState {
    /// In Chrome's list and not retired: Qualified, Usable or ReadOnly (Chrome's compiled list
    /// does not tell them apart; all three count at the time of check).
    Qualified,
    /// Retired on `since`: its SCTs count only when made (and the certificate issued) before.
    Retired,
    /// Not in Chrome's list (known from Google's 2020 list or Apple's): its SCTs can be
    /// verified but Chrome does not count them.
    Absent,
}

/// A log's state in Apple's list (<https://support.apple.com/103703>; the states of
/// <https://googlechrome.github.io/CertificateTransparency/log_states.html>).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AppleState {
    /// Applied for, not yet approved: its SCTs do not count.
    Pending,
    /// Approved, and its SCTs count.
    Qualified,
    /// Approved, and its SCTs count.
    Usable,
    /// Approved and no longer accepting certificates: its SCTs count.
    Readonly,
    /// Once approved: its SCTs count when signed before the retirement.
    Retired,
    /// Never approved, or no longer trusted (Apple marks expired shards so): its SCTs do not count.
    Rejected,
}

impl AppleState {
    /// The state as Apple's list spells it.
    pub fn words(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Qualified => "qualified",
            Self::Usable => "usable",
            Self::Readonly => "readonly",
            Self::Retired => "retired",
            Self::Rejected => "rejected",
        }
    }
}

/// What Apple's list says of a log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppleLog {
    /// The log's state in Apple's list.
    pub state: AppleState,
    /// When the log entered that state (RFC 3339).
    pub since: String,
    /// The operator as Apple's list names it (Apple counts SCTs per operator).
    pub operator: String,
    #[serde(skip)]
    pub(crate) since_at: u64,
}

/// One CT log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CtLog {
    /// The log's name, e.g. "Google 'Argon2026h2' log".
    pub name: String,
    /// Who runs it, e.g. "Google".
    pub operator: String,
    /// Its state in Chrome's list.
    pub state: LogState,
    /// When it was retired (RFC 3339), for retired logs.
    pub retired: Option<String>,
    /// `rfc6962` or `static-ct-api` (a tiled log, C2SP static-ct-api).
    pub api: &'static str,
    /// Which list its key comes from: `chrome`, `apple` or `google-2020`.
    pub list: &'static str,
    /// Its entry in Apple's list; absent when Apple's list does not have it.
    pub apple: Option<AppleLog>,
    #[serde(skip)]
    pub(crate) retired_at: Option<u64>,
    #[serde(skip)]
    pub(crate) previous_operators: Vec<(String, u64)>,
    #[serde(skip)]
    pub(crate) key: Vec<u8>,
}

impl CtLog {
    /// The operator when `timestamp` (seconds) was signed: Chrome credits an SCT to whoever ran
    /// the log then (`GetOperatorForLog`).
    pub(crate) fn operator_at(&self, timestamp: u64) -> &str {
        self.previous_operators
            .iter()
            .find(|(_, end)| timestamp < *end)
            .map_or(self.operator.as_str(), |(name, _)| name.as_str())
    }
}

#[cfg(test)]
std::thread_local! {
    /// Logs a unit test adds (test logs whose keys it has), found before the embedded list.
    pub(crate) static TEST_LOGS: core::cell::RefCell<Vec<(String, CtLog)>> =
        const { core::cell::RefCell::new(Vec::new()) };
}

/// The log whose id (the SHA-256 of its key, base64) is `log_id`.
pub(crate) fn find(log_id: &str) -> Option<CtLog> {
    use base64ct::Encoding;
    use sha2::{Digest, Sha256};
    #[cfg(test)]
    if let Some(log) = TEST_LOGS.with_borrow(|logs| {
        logs.iter()
            .find(|(id, _)| id == log_id)
            .map(|(_, log)| log.clone())
    }) {
        return Some(log);
    }
    // The file keeps the id's first 8 bytes; the key's hash must give the rest.
    let id = base64ct::Base64::decode_vec(log_id).ok()?;
    let prefix = base64ct::Base64::encode_string(id.get(..8)?);
    DATA.lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| l.split('\t').next() == Some(prefix.as_str()))
        .find_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let [_, list, state, since, api, operator, previous, name, key, apple, apple_since, apple_operator] =
                f.as_slice()
            else {
                return None;
            };
            let key = base64ct::Base64::decode_vec(key).ok()?;
            if Sha256::digest(&key).as_slice() != id.as_slice() {
                return None;
            }
            let since: u64 = since.parse().ok()?;
            let state = match *state {
                "qualified" => LogState::Qualified,
                "retired" => LogState::Retired,
                _ => LogState::Absent,
            };
            let retired_at = (state == LogState::Retired).then_some(since);
            Some(CtLog {
                name: (*name).to_owned(),
                operator: (*operator).to_owned(),
                state,
                retired: retired_at.map(crate::time::rfc3339),
                api: if *api == "static-ct-api" {
                    "static-ct-api"
                } else {
                    "rfc6962"
                },
                list: match *list {
                    "chrome" => "chrome",
                    "apple" => "apple",
                    _ => "google-2020",
                },
                apple: apple_log(apple, apple_since, apple_operator, operator),
                retired_at,
                previous_operators: previous
                    .split(';')
                    .filter_map(|p| {
                        let (name, end) = p.rsplit_once('@')?;
                        Some((name.to_owned(), end.parse().ok()?))
                    })
                    .collect(),
                key,
            })
        })
}

fn apple_log(state: &str, since: &str, operator: &str, chrome_operator: &str) -> Option<AppleLog> {
    use AppleState::*;
    let state = [Pending, Qualified, Usable, Readonly, Retired, Rejected]
        .into_iter()
        .find(|s| s.words() == state)?;
    let since_at: u64 = since.parse().ok()?;
    Some(AppleLog {
        state,
        since: crate::time::rfc3339(since_at),
        operator: if operator.is_empty() {
            chrome_operator
        } else {
            operator
        }
        .to_owned(),
        since_at,
    })
}

/// A line's log id (base64), from its key.
#[cfg(test)]
pub(crate) fn id_of(line: &str) -> String {
    use base64ct::Encoding;
    use sha2::{Digest, Sha256};
    let key = base64ct::Base64::decode_vec(line.split('\t').nth(8).unwrap_or_default())
        .unwrap_or_default();
    base64ct::Base64::encode_string(&Sha256::digest(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn every_log_is_found_by_the_hash_of_its_key() {
        use base64ct::Encoding;
        let mut n = 0;
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let key = base64ct::Base64::decode_vec(line.split('\t').nth(8).unwrap()).unwrap();
            let id = base64ct::Base64::encode_string(&Sha256::digest(&key));
            assert!(line.starts_with(&id[..10]), "{line}");
            assert_eq!(find(&id).unwrap().key, key);
            // Another id with the same first 8 bytes is not this log.
            let mut other = Sha256::digest(&key).to_vec();
            other[31] ^= 1;
            assert!(find(&base64ct::Base64::encode_string(&other)).is_none());
            n += 1;
        }
        assert!(n > 190, "{n} logs");
        assert!(list_date().is_some());
        assert!(provenance().contains("Apple's log list version"));
    }

    /// A log by (part of) its name.
    fn named(name: &str) -> CtLog {
        let line = DATA
            .lines()
            .find(|l| !l.starts_with('#') && l.split('\t').nth(7).is_some_and(|n| n.contains(name)))
            .unwrap();
        find(&id_of(line)).unwrap()
    }

    #[test]
    fn each_log_has_its_state_in_both_lists() {
        // In both: Chrome counts it, Apple's list says usable.
        let argon = named("Argon2026h2");
        assert_eq!((argon.state, argon.list), (LogState::Qualified, "chrome"));
        assert_eq!(argon.apple.as_ref().unwrap().state, AppleState::Usable);
        // Only Apple still lists this shard: its key comes from Apple's list.
        let h1 = named("Google 'Argon 2026H1'");
        assert_eq!((h1.state, h1.list), (LogState::Absent, "apple"));
        assert_eq!(h1.apple.as_ref().unwrap().state, AppleState::Usable);
        // Apple names IPng's operator differently; Apple counts by its own names.
        let gouda = named("Gouda2027h1");
        assert_eq!(gouda.operator, "IPng Networks");
        assert_eq!(gouda.apple.as_ref().unwrap().operator, "IPng GmbH");
        // An expired 2022 shard: rejected by Apple, with the date.
        let nimbus = named("Nimbus2022");
        let apple = nimbus.apple.unwrap();
        assert_eq!(apple.state, AppleState::Rejected);
        assert!(apple.since.starts_with("2023-"), "{}", apple.since);
        // A new tiled log Chrome counts but Apple's list lacks.
        assert!(named("ParcelYard2027h1").apple.is_none());
    }
}
