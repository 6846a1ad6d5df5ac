//! The Certificate Transparency logs certscope knows: `data/ct/logs.tsv`, written by
//! `scripts/ct-logs.py` from the list compiled into Debian's Chromium (the logs Chrome
//! counts, with their operators and retirement dates) and, for older certificates, the logs of
//! Google's 2020 list that have since left it.

use serde::Serialize;

const DATA: &str = include_str!("../../data/ct/logs.tsv");

/// Seconds since 1970 of Chromium's binary the list was read from; Chrome stops enforcing CT
/// when its built-in list is 70 days older than the time of check
/// (`ChromeCTPolicyEnforcer::IsLogDataTimely`).
pub(crate) fn list_date() -> Option<u64> {
    let line = DATA.lines().find(|l| l.starts_with("# chrome\t"))?;
    line.rsplit('\t').next()?.parse().ok()
}

/// Where the list came from, as its header says.
pub(crate) fn provenance() -> String {
    DATA.lines()
        .filter_map(|l| l.strip_prefix("# chrome\t"))
        .filter_map(|s| s.split('\t').next())
        .map(|s| format!("the log list compiled into Chrome ({s})"))
        .next()
        .unwrap_or_default()
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
    /// Not in Chrome's list any more (known from Google's 2020 list): its SCTs can be verified
    /// but Chrome does not count them.
    Absent,
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
    /// Which list it comes from: `chrome` or `google-2020`.
    pub list: &'static str,
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
    #[cfg(test)]
    if let Some(log) = TEST_LOGS.with_borrow(|logs| {
        logs.iter()
            .find(|(id, _)| id == log_id)
            .map(|(_, log)| log.clone())
    }) {
        return Some(log);
    }
    DATA.lines()
        .filter(|l| !l.starts_with('#'))
        .find(|l| l.split('\t').next() == Some(log_id))
        .and_then(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let [_, list, state, since, api, operator, previous, name, key] = f.as_slice() else {
                return None;
            };
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
                list: if *list == "chrome" {
                    "chrome"
                } else {
                    "google-2020"
                },
                retired_at,
                previous_operators: previous
                    .split(';')
                    .filter_map(|p| {
                        let (name, end) = p.rsplit_once('@')?;
                        Some((name.to_owned(), end.parse().ok()?))
                    })
                    .collect(),
                key: base64ct::Base64::decode_vec(key).ok()?,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn every_log_id_is_the_hash_of_its_key() {
        use base64ct::Encoding;
        let mut n = 0;
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let id = line.split('\t').next().unwrap();
            let log = find(id).unwrap();
            assert_eq!(
                base64ct::Base64::encode_string(&Sha256::digest(&log.key)),
                id
            );
            n += 1;
        }
        assert!(n > 60, "{n} logs");
        assert!(list_date().is_some());
    }
}
