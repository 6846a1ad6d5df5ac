//! The browsers' CT policies for embedded SCTs, judged on the SCTs whose signatures verified.
//!
//! Chrome: <https://googlechrome.github.io/CertificateTransparency/ct_policy.html>, as
//! `ChromeCTPolicyEnforcer::CheckCTPolicyCompliance` applies it. Apple:
//! <https://support.apple.com/en-us/103214>. Apple's own log list ships in no package; its
//! policy is judged here against Chrome's list, which says so in the explanation.

use super::logs::{CtLog, LogState};
use serde::Serialize;

/// One browser's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CtPolicyVerdict {
    /// Whether the certificate's embedded SCTs satisfy the policy.
    pub compliant: bool,
    /// How many distinct logs the policy asks for, by the certificate's lifetime.
    pub required: usize,
    /// How many distinct logs counted.
    pub counted: usize,
    /// The operators of the counted logs.
    pub operators: Vec<String>,
    /// The verdict in words: what counted, what did not, why.
    pub explanation: String,
}

/// A verified embedded SCT and its log.
pub(crate) struct Counted<'a> {
    pub log_id: &'a str,
    pub log: &'a CtLog,
    /// Seconds since 1970.
    pub timestamp: u64,
}

const DAY: u64 = 86_400;

/// Chrome's policy for embedded SCTs: at least one SCT from a log not retired at the time of
/// check; SCTs from at least 2 (lifetime ≤ 180 days) or 3 distinct logs, retired logs counting
/// only when the SCT and the issuance (the earliest SCT from a log not yet retired) precede the
/// retirement; at least two operators; at least one RFC 6962 log (static-ct-api logs are new).
pub(crate) fn chrome(scts: &[Counted<'_>], lifetime: u64, at: u64) -> CtPolicyVerdict {
    let listed: Vec<&Counted<'_>> = scts
        .iter()
        .filter(|s| s.log.state != LogState::Absent)
        .collect();
    let retired_now = |s: &Counted<'_>| s.log.retired_at.is_some_and(|r| at >= r);
    let issuance = listed
        .iter()
        .filter(|s| !retired_now(s))
        .map(|s| s.timestamp)
        .min()
        .unwrap_or(u64::MAX);
    let current = listed.iter().any(|s| !retired_now(s));
    let mut counted: Vec<&Counted<'_>> = listed
        .iter()
        .copied()
        .filter(|s| match s.log.retired_at {
            Some(r) if at >= r => issuance < r && s.timestamp < r,
            _ => true,
        })
        .collect();
    counted.sort_by_key(|s| s.log_id);
    counted.dedup_by_key(|s| s.log_id);
    let mut operators: Vec<String> = listed
        .iter()
        .map(|s| s.log.operator_at(s.timestamp).to_owned())
        .collect();
    operators.sort();
    operators.dedup();
    let rfc6962 = listed.iter().any(|s| s.log.api == "rfc6962");
    let required = if lifetime > 180 * DAY { 3 } else { 2 };
    let absent = scts.len().saturating_sub(listed.len());
    let mut why = Vec::new();
    if listed.is_empty() {
        why.push(if scts.is_empty() {
            "no SCT verified against a known log".to_owned()
        } else {
            format!(
                "none of the {} verified SCT{} comes from a log in Chrome's current list (their logs have left it)",
                scts.len(),
                if scts.len() == 1 { "" } else { "s" }
            )
        });
    } else {
        if !current {
            why.push("every SCT comes from a log retired at the time of check".to_owned());
        }
        if operators.len() < 2 {
            why.push(
                "all SCTs come from one log operator; Chrome asks for two different ones"
                    .to_owned(),
            );
        }
        if !rfc6962 {
            why.push("none of the logs is an RFC 6962 log; Chrome asks for at least one while static-ct-api logs are new".to_owned());
        }
        if counted.len() < required {
            why.push(format!(
                "{} distinct log{} counted, {required} needed for a lifetime of {} days",
                counted.len(),
                if counted.len() == 1 { "" } else { "s" },
                lifetime / DAY
            ));
        }
        if absent > 0 {
            why.push(format!(
                "{absent} SCT{} from logs no longer in Chrome's list did not count",
                if absent == 1 { "" } else { "s" }
            ));
        }
    }
    let compliant = current && operators.len() >= 2 && rfc6962 && counted.len() >= required;
    CtPolicyVerdict {
        compliant,
        required,
        counted: counted.len(),
        operators,
        explanation: explain(compliant, "Chrome", &why),
    }
}

/// Apple's policy for embedded SCTs: 2 (lifetime ≤ 180 days) or 3 SCTs from logs once or
/// currently approved, from at least two operators, at least one from a log approved at the
/// time of check; judged with Chrome's list (Apple's is not published in a package).
pub(crate) fn apple(scts: &[Counted<'_>], lifetime: u64, at: u64) -> CtPolicyVerdict {
    let mut counted: Vec<&Counted<'_>> = scts
        .iter()
        .filter(|s| s.log.state != LogState::Absent)
        .filter(|s| s.log.retired_at.is_none_or(|r| s.timestamp < r))
        .collect();
    counted.sort_by_key(|s| s.log_id);
    counted.dedup_by_key(|s| s.log_id);
    let current = counted
        .iter()
        .any(|s| s.log.retired_at.is_none_or(|r| at < r));
    let mut operators: Vec<String> = counted.iter().map(|s| s.log.operator.clone()).collect();
    operators.sort();
    operators.dedup();
    let required = if lifetime > 180 * DAY { 3 } else { 2 };
    let mut why = Vec::new();
    if counted.is_empty() {
        why.push(if scts.is_empty() {
            "no SCT verified against a known log".to_owned()
        } else {
            "none of the verified SCTs comes from a log in the list that was approved when it signed (their logs have left it or retired before)".to_owned()
        });
    } else {
        if counted.len() < required {
            why.push(format!(
                "{} distinct approved log{} counted, {required} needed for a lifetime of {} days",
                counted.len(),
                if counted.len() == 1 { "" } else { "s" },
                lifetime / DAY
            ));
        }
        if operators.len() < 2 {
            why.push("Apple asks for SCTs from at least two log operators".to_owned());
        }
        if !current {
            why.push("none of the logs is approved at the time of check".to_owned());
        }
    }
    let compliant = why.is_empty();
    why.push("judged with Chrome's log list: Apple's own list is not shipped in any package certscope can embed".to_owned());
    CtPolicyVerdict {
        compliant,
        required,
        counted: counted.len(),
        operators,
        explanation: explain(compliant, "Apple", &why),
    }
}

fn explain(compliant: bool, browser: &str, why: &[String]) -> String {
    let head = if compliant {
        format!("Meets {browser}'s CT policy for embedded SCTs")
    } else {
        format!("Does not meet {browser}'s CT policy for embedded SCTs")
    };
    if why.is_empty() {
        format!("{head}.")
    } else {
        format!("{head}: {}.", why.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A log of the embedded list by (part of) its name.
    fn log(name: &str) -> (String, CtLog) {
        let line = include_str!("../../data/ct/logs.tsv")
            .lines()
            .find(|l| !l.starts_with('#') && l.contains(name))
            .unwrap();
        let id = line.split('\t').next().unwrap().to_owned();
        let log = super::super::logs::find(&id).unwrap();
        (id, log)
    }

    const AT: u64 = 1_796_083_200; // 2026-12-01
    const T: u64 = 1_790_000_000; // 2026-09-21, when the SCTs were made

    fn verdicts(names: &[&str], lifetime_days: u64, timestamp: u64) -> (bool, bool) {
        let logs: Vec<(String, CtLog)> = names.iter().map(|n| log(n)).collect();
        let scts: Vec<Counted<'_>> = logs
            .iter()
            .map(|(id, log)| Counted {
                log_id: id,
                log,
                timestamp,
            })
            .collect();
        (
            chrome(&scts, lifetime_days * DAY, AT).compliant,
            apple(&scts, lifetime_days * DAY, AT).compliant,
        )
    }

    #[test]
    fn two_operators_suffice_up_to_180_days() {
        assert_eq!(
            verdicts(&["Argon2026h2", "Nimbus2026"], 90, T),
            (true, true)
        );
        assert_eq!(
            verdicts(&["Argon2026h2", "Nimbus2026"], 200, T),
            (false, false)
        );
        assert_eq!(
            verdicts(&["Argon2026h2", "Nimbus2026", "Wyvern2026h2"], 200, T),
            (true, true)
        );
    }

    #[test]
    fn one_operator_is_not_enough() {
        assert_eq!(
            verdicts(&["Argon2026h2", "Xenon2026h2"], 90, T),
            (false, false)
        );
    }

    #[test]
    fn chrome_wants_one_rfc6962_log() {
        let (c, a) = verdicts(&["Sycamore2026h2", "Tuscolo2026h2"], 90, T);
        assert!(!c, "two static-ct-api logs");
        assert!(a, "Apple's policy has no such rule");
        assert!(verdicts(&["Sycamore2026h2", "Nimbus2026"], 90, T).0);
    }

    #[test]
    fn a_retired_log_counts_only_for_what_it_signed_before_retiring() {
        let (oak_id, oak) = log("Oak2026h2");
        let retired = oak.retired_at.unwrap();
        let (nimbus_id, nimbus) = log("Nimbus2026");
        let scts = |t: u64| {
            vec![
                Counted {
                    log_id: &oak_id,
                    log: &oak,
                    timestamp: t,
                },
                Counted {
                    log_id: &nimbus_id,
                    log: &nimbus,
                    timestamp: t,
                },
            ]
        };
        assert!(chrome(&scts(retired - DAY), 90 * DAY, AT).compliant);
        let late = chrome(&scts(retired + DAY), 90 * DAY, AT);
        assert!(!late.compliant);
        assert_eq!(late.counted, 1);
        // Only a retired log: nothing Chrome counts today.
        let only = [Counted {
            log_id: &oak_id,
            log: &oak,
            timestamp: retired - DAY,
        }];
        assert!(!chrome(&only, 90 * DAY, AT).compliant);
    }
}
