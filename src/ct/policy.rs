//! The browsers' CT policies for embedded SCTs, judged on the SCTs whose signatures verified.
//!
//! Chrome: <https://googlechrome.github.io/CertificateTransparency/ct_policy.html>, as
//! `ChromeCTPolicyEnforcer::CheckCTPolicyCompliance` applies it. Apple:
//! <https://support.apple.com/en-us/103214>, judged with Apple's own log list.

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

/// A verified SCT and its log.
pub(crate) struct Counted<'a> {
    pub log_id: &'a str,
    pub log: &'a CtLog,
    /// Seconds since 1970.
    pub timestamp: u64,
    /// Embedded in the certificate; otherwise the server delivered it (TLS handshake or a
    /// stapled OCSP response).
    pub embedded: bool,
}

const DAY: u64 = 86_400;

/// How many distinct logs `scts` come from.
fn distinct(scts: &[&Counted<'_>]) -> usize {
    let mut ids: Vec<&str> = scts.iter().map(|s| s.log_id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// Chrome's policy, as `ChromeCTPolicyEnforcer::CheckCTPolicyCompliance` applies it. SCTs the
/// server delivers (TLS or OCSP) count only from logs not retired at the time of check.
/// Option 1: one such delivered SCT, SCTs (any source) from two operators, one of them from an
/// RFC 6962 log. Option 2, embedded SCTs: one from a log not retired at the time of check;
/// SCTs from at least 2 (lifetime ≤ 180 days) or 3 distinct logs, retired logs counting only
/// when the SCT and the issuance (the earliest SCT from a log not yet retired) precede the
/// retirement; two operators; one RFC 6962 log (static-ct-api logs are new).
pub(crate) fn chrome(scts: &[Counted<'_>], lifetime: u64, at: u64) -> CtPolicyVerdict {
    let retired_now = |s: &Counted<'_>| s.log.retired_at.is_some_and(|r| at >= r);
    let listed: Vec<&Counted<'_>> = scts
        .iter()
        .filter(|s| s.log.state != LogState::Absent)
        .collect();
    let considered: Vec<&Counted<'_>> = listed
        .iter()
        .copied()
        .filter(|s| s.embedded || !retired_now(s))
        .collect();
    let issuance = considered
        .iter()
        .filter(|s| !retired_now(s))
        .map(|s| s.timestamp)
        .min()
        .unwrap_or(u64::MAX);
    let delivered = considered.iter().any(|s| !s.embedded);
    let current_embedded = considered.iter().any(|s| s.embedded && !retired_now(s));
    let embedded: Vec<&Counted<'_>> = considered
        .iter()
        .copied()
        .filter(|s| s.embedded)
        .filter(|s| match s.log.retired_at {
            Some(r) if at >= r => issuance < r && s.timestamp < r,
            _ => true,
        })
        .collect();
    let mut operators: Vec<String> = considered
        .iter()
        .map(|s| s.log.operator_at(s.timestamp).to_owned())
        .collect();
    operators.sort();
    operators.dedup();
    let rfc6962 = considered.iter().any(|s| s.log.api == "rfc6962");
    let (required, counted) = if delivered {
        (2, distinct(&considered))
    } else {
        (
            if lifetime > 180 * DAY { 3 } else { 2 },
            distinct(&embedded),
        )
    };
    let absent = scts.len().saturating_sub(listed.len());
    let mut why = Vec::new();
    if considered.is_empty() {
        why.push(if scts.is_empty() {
            "no SCT verified against a known log".to_owned()
        } else if listed.is_empty() {
            format!(
                "none of the {} verified SCT{} comes from a log in Chrome's current list (their logs have left it, or were never in it)",
                scts.len(),
                if scts.len() == 1 { "" } else { "s" }
            )
        } else {
            "the SCTs the server sends come from logs retired at the time of check, which Chrome no longer accepts for them".to_owned()
        });
    } else {
        if !delivered && !current_embedded {
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
        if !delivered && counted < required {
            why.push(format!(
                "{counted} distinct log{} counted, {required} needed for a lifetime of {} days",
                if counted == 1 { "" } else { "s" },
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
    let diverse = operators.len() >= 2 && rfc6962;
    let compliant = diverse && (delivered || (current_embedded && counted >= required));
    CtPolicyVerdict {
        compliant,
        required,
        counted,
        operators,
        explanation: explain(compliant, "Chrome", delivered, &why),
    }
}

/// Apple's policy (<https://support.apple.com/103214>), with Apple's own log list: at least one
/// SCT from an RFC 6962 log, and either two SCTs from logs approved at the time of check with
/// one of them sent by the server (TLS or OCSP), or embedded SCTs from 2 (lifetime ≤ 180 days)
/// or 3 distinct logs once or currently approved, one of them approved at the time of check,
/// counting at most 1 (≤ 180 days) or 2 logs per operator. Approved: qualified, usable or
/// read-only in Apple's list, or retired after the time of check; once approved: retired after
/// the SCT was signed. Pending and rejected logs, and logs Apple's list lacks, never count.
pub(crate) fn apple(scts: &[Counted<'_>], lifetime: u64, at: u64) -> CtPolicyVerdict {
    use super::logs::AppleState;
    let approved_now = |s: &Counted<'_>| match &s.log.apple {
        Some(a) => match a.state {
            AppleState::Qualified | AppleState::Usable | AppleState::Readonly => true,
            AppleState::Retired => at < a.since_at,
            AppleState::Pending | AppleState::Rejected => false,
        },
        None => false,
    };
    let once_approved = |s: &Counted<'_>| {
        approved_now(s)
            || s.log
                .apple
                .as_ref()
                .is_some_and(|a| a.state == AppleState::Retired && s.timestamp < a.since_at)
    };
    let approved: Vec<&Counted<'_>> = scts.iter().filter(|s| approved_now(s)).collect();
    // The server's SCTs decide when they can: with another approved log, or with nothing embedded.
    let by_delivery = approved.iter().any(|s| !s.embedded)
        && (distinct(&approved) >= 2 || scts.iter().all(|s| !s.embedded));
    let counted: Vec<&Counted<'_>> = scts
        .iter()
        .filter(|s| {
            if by_delivery {
                approved_now(s)
            } else {
                s.embedded && once_approved(s)
            }
        })
        .collect();
    // Apple counts by the operator names of its own list.
    fn operator<'a>(s: &Counted<'a>) -> &'a str {
        s.log
            .apple
            .as_ref()
            .map_or(s.log.operator.as_str(), |a| a.operator.as_str())
    }
    let mut operators: Vec<String> = counted.iter().map(|s| operator(s).to_owned()).collect();
    operators.sort();
    operators.dedup();
    let short = lifetime <= 180 * DAY;
    let required = if by_delivery || short { 2 } else { 3 };
    // Distinct logs, at most `cap` of them per operator.
    let n = if by_delivery {
        distinct(&counted)
    } else {
        let cap = if short { 1 } else { 2 };
        operators
            .iter()
            .map(|op| {
                let of: Vec<&Counted<'_>> = counted
                    .iter()
                    .copied()
                    .filter(|s| operator(s) == *op)
                    .collect();
                distinct(&of).min(cap)
            })
            .sum()
    };
    let current = counted.iter().any(|s| approved_now(s));
    let rfc6962 = counted.iter().any(|s| s.log.api == "rfc6962");
    let left_out = |what: &dyn Fn(&Counted<'_>) -> bool| {
        scts.iter()
            .filter(|s| !counted.iter().any(|c| c.log_id == s.log_id) && what(s))
            .count()
    };
    let state_of = |s: &Counted<'_>| s.log.apple.as_ref().map(|a| a.state);
    let rejected = |s: &Counted<'_>| {
        s.log
            .apple
            .as_ref()
            .filter(|a| a.state == AppleState::Rejected)
            .map(|a| a.since_at)
    };
    let mut why = Vec::new();
    if scts.is_empty() {
        why.push("no SCT verified against a known log".to_owned());
    } else {
        if n < required {
            let per = if by_delivery {
                "when one is sent by the server".to_owned()
            } else {
                format!(
                    "for a lifetime of {} days, at most {} per operator",
                    lifetime / DAY,
                    if short { 1 } else { 2 }
                )
            };
            why.push(format!(
                "{n} distinct approved log{} counted, {required} needed {per}",
                if n == 1 { "" } else { "s" },
            ));
        }
        if !counted.is_empty() && !current {
            why.push("none of the logs is approved at the time of check".to_owned());
        }
        if !counted.is_empty() && !rfc6962 {
            why.push("none of the logs is an RFC 6962 log; Apple asks for at least one".to_owned());
        }
        for (k, words) in [
            (
                left_out(&|s| rejected(s).is_some_and(|since| since <= at)),
                "from logs Apple has rejected (it rejects expired shards too)",
            ),
            (
                left_out(&|s| rejected(s).is_some_and(|since| since > at)),
                "from logs Apple rejected after the time of check (its list does not say their state before)",
            ),
            (
                left_out(&|s| state_of(s) == Some(AppleState::Pending)),
                "from logs still pending in Apple's list",
            ),
            (
                left_out(&|s| state_of(s) == Some(AppleState::Retired)),
                "from logs Apple retired before they signed them",
            ),
            (
                left_out(&|s| state_of(s).is_none()),
                "from logs not in Apple's list",
            ),
        ] {
            if k > 0 {
                why.push(format!(
                    "{k} SCT{} {words} did not count",
                    if k == 1 { "" } else { "s" }
                ));
            }
        }
    }
    let compliant = n >= required && current && rfc6962;
    CtPolicyVerdict {
        compliant,
        required,
        counted: n,
        operators,
        explanation: explain(compliant, "Apple", by_delivery, &why),
    }
}

fn explain(compliant: bool, browser: &str, delivered: bool, why: &[String]) -> String {
    let what = if delivered {
        "with the SCTs the server sends (TLS handshake or stapled OCSP response)"
    } else {
        "for embedded SCTs"
    };
    let head = if compliant {
        format!("Meets {browser}'s CT policy {what}")
    } else {
        format!("Does not meet {browser}'s CT policy")
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
        let id = super::super::logs::id_of(line);
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
                embedded: true,
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
        assert!(!a, "Apple asks for one RFC 6962 log too");
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
                    embedded: true,
                },
                Counted {
                    log_id: &nimbus_id,
                    log: &nimbus,
                    timestamp: t,
                    embedded: true,
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
            embedded: true,
        }];
        assert!(!chrome(&only, 90 * DAY, AT).compliant);
    }

    #[test]
    fn delivered_scts_chrome_wants_two_operators_apple_two_current_logs() {
        let (argon_id, argon) = log("Argon2026h2");
        let (nimbus_id, nimbus) = log("Nimbus2026");
        let (xenon_id, xenon) = log("Xenon2026h2");
        let sct = |id, log, embedded| Counted {
            log_id: id,
            log,
            timestamp: T,
            embedded,
        };
        // A certificate of 398 days with one embedded SCT: not enough embedded...
        let one = [sct(&argon_id, &argon, true)];
        assert!(!chrome(&one, 398 * DAY, AT).compliant);
        assert!(!apple(&one, 398 * DAY, AT).compliant);
        // ...but with one more SCT sent in the handshake, from another operator, Chrome's
        // option 1 holds whatever the lifetime, and so does Apple's (two current SCTs, one sent).
        let mixed = [
            sct(&argon_id, &argon, true),
            sct(&nimbus_id, &nimbus, false),
        ];
        let c = chrome(&mixed, 398 * DAY, AT);
        assert!(c.compliant, "{}", c.explanation);
        assert!(c.explanation.contains("the server sends"));
        assert!(apple(&mixed, 398 * DAY, AT).compliant);
        // One SCT sent and nothing else: two are needed.
        assert!(!apple(&[sct(&nimbus_id, &nimbus, false)], 90 * DAY, AT).compliant);
        let both = [
            sct(&argon_id, &argon, false),
            sct(&nimbus_id, &nimbus, false),
        ];
        assert_eq!(
            (
                chrome(&both, 398 * DAY, AT).compliant,
                apple(&both, 398 * DAY, AT).compliant
            ),
            (true, true)
        );
        // Two delivered SCTs of one operator: not diverse for Chrome; Apple's delivery rule
        // names no operators.
        let google = [sct(&argon_id, &argon, false), sct(&xenon_id, &xenon, false)];
        assert!(!chrome(&google, 90 * DAY, AT).compliant);
        assert!(apple(&google, 90 * DAY, AT).compliant);
    }

    /// The Apple verdict's explanation for embedded SCTs of `names`.
    fn apple_words(names: &[&str], lifetime_days: u64) -> String {
        let logs: Vec<(String, CtLog)> = names.iter().map(|n| log(n)).collect();
        let scts: Vec<Counted<'_>> = logs
            .iter()
            .map(|(id, log)| Counted {
                log_id: id,
                log,
                timestamp: T,
                embedded: true,
            })
            .collect();
        apple(&scts, lifetime_days * DAY, AT).explanation
    }

    #[test]
    fn apple_judges_with_its_own_list() {
        // A shard only Apple's list still has (usable there): Apple counts it, Chrome cannot.
        assert_eq!(
            verdicts(&["Google 'Argon 2026H1'", "Nimbus2026"], 90, T),
            (false, true)
        );
        // A new Google tiled log Apple's list lacks: Chrome counts three logs, Apple two.
        assert_eq!(
            verdicts(&["ParcelYard2027h1", "Argon2026h2", "Nimbus2026"], 200, T),
            (true, false)
        );
        let words = apple_words(&["ParcelYard2027h1", "Argon2026h2", "Nimbus2026"], 200);
        assert!(
            words.contains("1 SCT from logs not in Apple's list did not count"),
            "{words}"
        );
        // A log still pending for Apple.
        assert_eq!(
            verdicts(&["Luoshu2027", "Argon2026h2", "Nimbus2026"], 90, T),
            (true, true),
            "two approved operators are enough without it"
        );
        assert_eq!(
            verdicts(&["Luoshu2027", "Argon2026h2"], 90, T),
            (true, false)
        );
        assert!(apple_words(&["Luoshu2027", "Argon2026h2"], 90).contains("pending"));
        // Rejected by Apple (expired 2022 shards), and gone from Chrome's list.
        assert_eq!(
            verdicts(&["Argon2022", "Nimbus2022"], 90, T),
            (false, false)
        );
        let words = apple_words(&["Argon2022", "Nimbus2022"], 90);
        assert!(
            words.contains("2 SCTs from logs Apple has rejected"),
            "{words}"
        );
    }

    #[test]
    fn apple_counts_at_most_two_logs_per_operator_beyond_180_days() {
        let google = ["Argon2026h2", "Xenon2026h2", "Google 'Argon 2026H1'"];
        assert!(!verdicts(&google, 200, T).1);
        assert!(apple_words(&google, 200).contains("2 distinct approved logs counted, 3 needed for a lifetime of 200 days, at most 2 per operator"));
        assert!(verdicts(&["Argon2026h2", "Xenon2026h2", "Nimbus2026"], 200, T).1);
    }

    #[test]
    fn chrome_retired_a_log_apple_still_lists_read_only() {
        let (oak_id, oak) = log("Oak2026h2");
        let retired = oak.retired_at.unwrap();
        assert_eq!(
            oak.apple.as_ref().unwrap().state,
            super::super::logs::AppleState::Readonly
        );
        let (nimbus_id, nimbus) = log("Nimbus2026");
        let scts = [
            Counted {
                log_id: &oak_id,
                log: &oak,
                timestamp: retired + DAY,
                embedded: true,
            },
            Counted {
                log_id: &nimbus_id,
                log: &nimbus,
                timestamp: retired + DAY,
                embedded: true,
            },
        ];
        let at = AT.max(retired + 2 * DAY);
        assert!(!chrome(&scts, 90 * DAY, at).compliant);
        assert!(apple(&scts, 90 * DAY, at).compliant);
    }

    #[test]
    fn delivered_scts_from_a_retired_log_do_not_count() {
        let (oak_id, oak) = log("Oak2026h2");
        let retired = oak.retired_at.unwrap();
        let (nimbus_id, nimbus) = log("Nimbus2026");
        let scts = [
            Counted {
                log_id: &oak_id,
                log: &oak,
                timestamp: retired - DAY,
                embedded: false,
            },
            Counted {
                log_id: &nimbus_id,
                log: &nimbus,
                timestamp: retired - DAY,
                embedded: false,
            },
        ];
        // Checked after Oak retired: only Nimbus is left, one operator.
        let late = chrome(&scts, 90 * DAY, AT.max(retired + DAY));
        assert!(!late.compliant);
        assert_eq!(late.operators, vec!["Cloudflare".to_owned()]);
        // Checked before: both count.
        assert!(chrome(&scts, 90 * DAY, retired - DAY / 2).compliant);
    }
}
