//! `Strict-Transport-Security` ([RFC 6797]) and the rules of Chromium's HSTS preload list.
//!
//! Two readings of the same header: the browser's (RFC 6797 §6.1: directives separated by
//! `;`, names case-insensitive, `max-age` required, a repeated directive makes the whole header
//! invalid, unknown directives ignored) and the preload list's (`chromium/hstspreload`
//! `header.go`: its exact issue codes, the `bulk-1-year` policy of max-age ≥ 31536000 with
//! `includeSubDomains` and `preload`).
//!
//! [RFC 6797]: https://www.rfc-editor.org/rfc/rfc6797#section-6.1

use serde::Serialize;

use super::message::Message;

/// One year, the preload list's minimum max-age (`bulk-1-year` policy).
pub const PRELOAD_MIN_MAX_AGE: u64 = 31_536_000;
const TEN_YEARS: u64 = 10 * PRELOAD_MIN_MAX_AGE;

/// An issue in the vocabulary of Chromium's preload list (`hstspreload.org`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreloadIssue {
    /// The list's issue code, e.g. `header.preloadable.max_age.below_1_year`.
    pub code: &'static str,
    /// `error` blocks preloading; `warning` does not.
    pub level: &'static str,
    /// What the list says, in its words.
    pub message: String,
}

/// The HSTS header of the response analysed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HstsReport {
    /// The header value (the first one, if several were sent).
    pub value: String,
    /// 1-based line in the paste.
    pub line: usize,
    /// How many `Strict-Transport-Security` fields the response had.
    pub count: usize,
    /// max-age in seconds as a browser reads it; `None` when the header is invalid for a
    /// browser (RFC 6797 §6.1.1: max-age is required).
    pub max_age: Option<u64>,
    /// `includeSubDomains` is present.
    pub include_sub_domains: bool,
    /// `preload` is present.
    pub preload: bool,
    /// A browser honours it (RFC 6797 §8.1): one header, valid syntax, received over HTTPS.
    pub effective: bool,
    /// Why a browser ignores it, when it does.
    pub ignored_because: Option<String>,
    /// Whether the header meets the preload list's requirements (no error issues).
    pub preloadable: bool,
    /// Every preload-list issue, in the list's order.
    pub preload_issues: Vec<PreloadIssue>,
}

/// The browser's reading (RFC 6797 §6.1).
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Directives {
    pub(crate) max_age: Option<u64>,
    pub(crate) include_sub_domains: bool,
    pub(crate) preload: bool,
    /// Why the header is invalid, if it is.
    pub(crate) invalid: Option<String>,
}

pub(crate) fn parse_rfc6797(value: &str) -> Directives {
    let mut d = Directives::default();
    let mut seen: Vec<String> = Vec::new();
    for part in value.split(';') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (name, arg) = match part.split_once('=') {
            Some((n, v)) => (n.trim().to_ascii_lowercase(), Some(v.trim())),
            None => (part.to_ascii_lowercase(), None),
        };
        if seen.contains(&name) {
            d.invalid
                .get_or_insert_with(|| format!("the directive {name} appears more than once"));
            continue;
        }
        seen.push(name.clone());
        match (name.as_str(), arg) {
            ("max-age", Some(v)) => {
                let digits = v
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .unwrap_or(v);
                if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                    // Larger than u64 seconds: a browser caps it; so do we.
                    d.max_age = Some(digits.parse().unwrap_or(u64::MAX));
                } else {
                    d.invalid
                        .get_or_insert_with(|| format!("max-age={v} is not a number of seconds"));
                }
            }
            ("max-age", None) => {
                d.invalid
                    .get_or_insert_with(|| "max-age has no value".to_owned());
            }
            ("includesubdomains", _) => d.include_sub_domains = true,
            ("preload", _) => d.preload = true,
            _ => {}
        }
    }
    if d.max_age.is_none() && d.invalid.is_none() {
        d.invalid = Some("max-age is missing, and it is required".to_owned());
    }
    if d.invalid.is_some() {
        d.max_age = None;
    }
    d
}

fn issue(out: &mut Vec<PreloadIssue>, code: &'static str, level: &'static str, message: String) {
    if !out.iter().any(|i| i.code == code) || code == "header.parse.unknown_directive" {
        out.push(PreloadIssue {
            code,
            level,
            message,
        });
    }
}

/// The preload list's reading: `ParseHeaderString` then `PreloadableHeader` with the
/// `bulk-1-year` policy. Returns (max-age, includeSubDomains, preload) as the list reads them.
pub(crate) fn preload_issues(value: &str, out: &mut Vec<PreloadIssue>) {
    let directives: Vec<&str> = value.split(';').map(str::trim).collect();
    if directives.len() == 1 && directives.first().is_some_and(|d| d.is_empty()) {
        issue(
            out,
            "header.parse.empty",
            "warning",
            "The HSTS header is empty.".into(),
        );
    }
    let mut max_age: Option<u64> = None;
    let mut include = false;
    let mut preload = false;
    let empty_header = directives.len() == 1 && value.trim().is_empty();
    for d in directives.iter().filter(|_| !empty_header) {
        let lower = d.to_ascii_lowercase();
        if lower == "preload" {
            if preload {
                issue(
                    out,
                    "header.parse.repeated.preload",
                    "warning",
                    "Header contains a repeated directive: `preload`".into(),
                );
            }
            preload = true;
        } else if lower.starts_with("preload") {
            issue(
                out,
                "header.parse.invalid.preload",
                "warning",
                "Header contains a `preload` directive with extra parts.".into(),
            );
        } else if lower == "includesubdomains" {
            if include {
                issue(
                    out,
                    "header.parse.repeated.include_sub_domains",
                    "warning",
                    "Header contains a repeated directive: `includeSubDomains`".into(),
                );
            }
            include = true;
        } else if lower.starts_with("includesubdomains") {
            issue(
                out,
                "header.parse.invalid.include_sub_domains",
                "warning",
                "The header contains an `includeSubDomains` directive with extra directives."
                    .into(),
            );
        } else if let Some(number) = lower.strip_prefix("max-age=") {
            if number.len() > 1 && number.starts_with('0') {
                issue(
                    out,
                    "header.parse.max_age.leading_zero",
                    "warning",
                    format!("The header's max-age value contains a leading 0: `{d}`"),
                );
            }
            if !number.chars().all(|c| c.is_ascii_digit()) {
                issue(
                    out,
                    "header.parse.max_age.non_digit_characters",
                    "error",
                    format!(
                        "The header's max-age value contains characters that are not digits: `{d}`"
                    ),
                );
                continue;
            }
            let Ok(seconds) = number.parse::<u64>() else {
                issue(
                    out,
                    "header.parse.max_age.parse_int_error",
                    "error",
                    format!("We could not parse the header's max-age value `{number}`."),
                );
                continue;
            };
            if max_age.is_some() {
                issue(
                    out,
                    "header.parse.repeated.max_age",
                    "warning",
                    "The header contains a repeated directive: `max-age`".into(),
                );
            } else {
                max_age = Some(seconds);
            }
        } else if lower.starts_with("max-age") {
            issue(out, "header.parse.invalid.max_age.no_value", "error", "The header contains a max-age directive name without an associated value. Please specify the max-age in seconds.".into());
        } else if lower.is_empty() {
            issue(
                out,
                "header.parse.empty_directive",
                "warning",
                "The header includes an empty directive or extra semicolon.".into(),
            );
        } else {
            issue(
                out,
                "header.parse.unknown_directive",
                "warning",
                format!("The header contains an unknown directive: `{d}`"),
            );
        }
    }
    if !include {
        issue(
            out,
            "header.preloadable.include_sub_domains.missing",
            "error",
            "The header must contain the `includeSubDomains` directive.".into(),
        );
    }
    if !preload {
        issue(
            out,
            "header.preloadable.preload.missing",
            "error",
            "The header must contain the `preload` directive.".into(),
        );
    }
    match max_age {
        None => issue(out, "header.preloadable.max_age.missing", "error", "Header requirement error: Header must contain a valid `max-age` directive.".into()),
        Some(0) => issue(out, "header.preloadable.max_age.zero", "error", format!("The max-age must be at least {PRELOAD_MIN_MAX_AGE} seconds (≈ 1 year), but the header currently only has max-age=0. If you are trying to remove this domain from the preload list, please visit https://hstspreload.org/removal/")),
        Some(s) if s < PRELOAD_MIN_MAX_AGE => issue(out, "header.preloadable.max_age.below_1_year", "error", format!("The max-age must be at least {PRELOAD_MIN_MAX_AGE} seconds (≈ 1 year), but the header currently only has max-age={s}.")),
        Some(s) if s > TEN_YEARS => issue(out, "header.preloadable.max_age.over_10_years", "warning", format!("FYI: The max-age ({s} seconds) is longer than 10 years, which is an unusually long value.")),
        Some(_) => {}
    }
}

/// Reads the HSTS fields of a response. `over_https`: `Some(false)` when the response is known
/// to have come over plain HTTP (browsers ignore HSTS there, RFC 6797 §8.1).
pub(crate) fn report(values: &[(&str, usize)], over_https: Option<bool>) -> Option<HstsReport> {
    let &(value, line) = values.first()?;
    let d = parse_rfc6797(value);
    let mut issues = Vec::new();
    if values.len() > 1 {
        issue(
            &mut issues,
            "response.multiple_headers",
            "error",
            format!(
                "Response error: Multiple HSTS headers (number of HSTS headers: {}).",
                values.len()
            ),
        );
    } else {
        preload_issues(value, &mut issues);
    }
    let ignored_because = if over_https == Some(false) {
        Some("it was received over plain HTTP, where browsers ignore it (RFC 6797 §8.1)".to_owned())
    } else {
        d.invalid
            .as_ref()
            .map(|why| format!("{why} (RFC 6797 §6.1), so browsers ignore the whole header"))
    };
    Some(HstsReport {
        value: value.to_owned(),
        line,
        count: values.len(),
        max_age: d.max_age,
        include_sub_domains: d.include_sub_domains,
        preload: d.preload,
        effective: ignored_because.is_none(),
        ignored_because,
        preloadable: !issues.iter().any(|i| i.level == "error"),
        preload_issues: issues,
    })
}

/// Findings about HSTS on the response analysed (`https`) and on a plain-HTTP one.
pub(crate) fn check(
    report: Option<&HstsReport>,
    over_https: Option<bool>,
    out: &mut Vec<crate::Finding>,
) {
    use super::{fixes, refs};
    use crate::lint::finding;
    use crate::Severity;
    let recommended = fixes::set(
        "Strict-Transport-Security",
        "max-age=63072000; includeSubDomains; preload",
    );
    let Some(h) = report else {
        if over_https != Some(false) {
            out.push(finding("hsts.missing", Severity::Error, "No Strict-Transport-Security (HSTS)",
                "Without HSTS, a browser that is sent to http:// (a typed address, an old link) makes one unprotected request first, and an attacker on the network can intercept it and keep the user on a fake plain-HTTP copy (SSL stripping).",
                "no Strict-Transport-Security header on the HTTPS response", refs::RFC6797, "Send HSTS on every HTTPS response; start with a short max-age, then raise it to two years.")
                .observatory("hsts-not-implemented").snippets(recommended));
            if let Some(f) = out.last_mut() {
                f.hsts_preload = vec!["response.no_header"];
            }
        }
        return;
    };
    let codes: Vec<&'static str> = h.preload_issues.iter().map(|i| i.code).collect();
    let with_codes = |mut f: crate::Finding, wanted: &[&str]| {
        f.hsts_preload = codes
            .iter()
            .copied()
            .filter(|c| wanted.iter().any(|w| c.starts_with(w)))
            .collect();
        f
    };
    let evidence = format!("Strict-Transport-Security: {} (line {})", h.value, h.line);
    if over_https == Some(false) {
        out.push(with_codes(finding("hsts.over-http", Severity::Info, "HSTS sent over plain HTTP is ignored",
            "Browsers only accept HSTS from an HTTPS response (RFC 6797 §8.1). It does no harm here, but it protects nothing: the HTTPS response must carry it.",
            evidence, refs::RFC6797_HTTP, "Keep it on the HTTPS responses; it can be dropped from the HTTP redirect."), &[]));
        if let Some(f) = out.last_mut() {
            f.hsts_preload = vec!["redirects.http.useless_header"];
        }
        return;
    }
    if h.count > 1 {
        out.push(with_codes(finding("hsts.multiple", Severity::Warning, "More than one Strict-Transport-Security header",
            format!("The response sends {} HSTS headers. Browsers use only the first (RFC 6797 §8.1), the preload list refuses the site, and the Observatory counts the header as invalid.", h.count),
            evidence.clone(), refs::RFC6797, "Send exactly one; often a proxy and the application both add it.").observatory("hsts-header-invalid").snippets(recommended.clone()), &["response."]));
    }
    if let Some(why) = &h.ignored_because {
        out.push(with_codes(finding("hsts.invalid", Severity::Error, "Browsers ignore this HSTS header",
            format!("The header is not valid: {why}. The site therefore has no HSTS protection at all."),
            evidence.clone(), refs::RFC6797, "Send: max-age=63072000; includeSubDomains; preload").observatory("hsts-header-invalid").snippets(recommended.clone()), &["header.parse"]));
        return;
    }
    match h.max_age {
        Some(0) => out.push(with_codes(finding("hsts.zero", Severity::Warning, "HSTS max-age=0 switches HSTS off",
            "max-age=0 tells browsers to forget this host's HSTS policy (RFC 6797 §6.1.1). It is the right way to undo HSTS and the wrong thing to leave in place.",
            evidence.clone(), refs::RFC6797, "Unless you are deliberately removing HSTS, set max-age=63072000.").observatory("hsts-implemented-max-age-less-than-six-months").snippets(recommended.clone()), &["header.preloadable.max_age"])),
        Some(s) if s < 15_552_000 => out.push(with_codes(finding("hsts.short", Severity::Warning, "HSTS max-age is under six months",
            format!("max-age={s} (about {} days): browsers forget the policy quickly, so returning visitors are exposed again. Six months is the Observatory's minimum; one year is the preload list's.", s / 86_400),
            evidence.clone(), refs::RFC6797, "Raise max-age to 63072000 (two years).").observatory("hsts-implemented-max-age-less-than-six-months").snippets(recommended.clone()), &["header.preloadable.max_age"])),
        _ => {}
    }
    if !h.include_sub_domains {
        out.push(with_codes(finding("hsts.no-subdomains", Severity::Info, "HSTS does not cover subdomains",
            "Without includeSubDomains an attacker can use a plain-HTTP subdomain (real or invented) to set cookies for the parent domain. Add it once every subdomain serves HTTPS.",
            evidence.clone(), refs::RFC6797, "Add includeSubDomains after checking every subdomain works over HTTPS.").snippets(recommended.clone()), &["header.preloadable.include_sub_domains"]));
    }
    let blockers: Vec<&str> = h
        .preload_issues
        .iter()
        .filter(|i| i.level == "error")
        .map(|i| i.code)
        .collect();
    if blockers.is_empty() {
        out.push(with_codes(finding("hsts.preload-ready", Severity::Info, "The HSTS header meets the preload list's header rules",
            "Browsers can ship this host as HTTPS-only before the first visit once it is submitted at hstspreload.org (the list also checks the redirect from HTTP and that this is the registrable domain, which a paste cannot fully show). Preloading is hard to undo.",
            evidence, refs::HSTS_PRELOAD, ""), &["header."]));
    } else if h.preload {
        out.push(with_codes(
            finding(
                "hsts.preload-ineligible",
                Severity::Warning,
                "HSTS asks for preloading but does not qualify",
                format!(
                    "The header contains preload but the preload list would refuse it: {}.",
                    blockers.join(", ")
                ),
                evidence,
                refs::HSTS_PRELOAD,
                "Send: max-age=63072000; includeSubDomains; preload",
            )
            .snippets(recommended),
            &["header."],
        ));
    }
}

/// The preload list's issues for a site (its responses in order), in the list's vocabulary:
/// the final header's, a missing header's, and the redirects'.
pub(crate) fn site_preload_issues(
    site: &[&Message],
    hsts: Option<&HstsReport>,
    https: bool,
    findings: &[crate::Finding],
) -> Vec<PreloadIssue> {
    let mut out: Vec<PreloadIssue> = Vec::new();
    match hsts {
        Some(h) => out.extend(h.preload_issues.iter().cloned()),
        None if https => out.push(PreloadIssue {
            code: "response.no_header",
            level: "error",
            message: "Response error: No HSTS header is present on the response.".into(),
        }),
        None => {}
    }
    for f in findings {
        for code in f
            .hsts_preload
            .iter()
            .filter(|c| c.starts_with("redirects."))
        {
            if !out.iter().any(|i| i.code == *code) {
                let level = if *code == "redirects.http.useless_header" {
                    "warning"
                } else {
                    "error"
                };
                out.push(PreloadIssue {
                    code,
                    level,
                    message: f.title.clone(),
                });
            }
        }
    }
    // http://host → https://host whose response would not pass the preload header rules.
    if let (Some(first), Some(second)) = (site.first(), site.get(1)) {
        let same_host = first
            .url
            .as_ref()
            .zip(second.url.as_ref())
            .is_some_and(|((a, _), (b, _))| a.host_str() == b.host_str());
        if first.is_https() == Some(false) && second.is_https() == Some(true) && same_host {
            let values: Vec<(&str, usize)> = second
                .all("strict-transport-security")
                .map(|f| (f.value.as_str(), f.line))
                .collect();
            let ok = report(&values, Some(true)).is_some_and(|h| h.preloadable);
            if !ok {
                out.push(PreloadIssue {
                    code: "redirects.http.first_redirect.no_hsts",
                    level: "error",
                    message: "HTTP redirects to a page without a preloadable HSTS header".into(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        preload_issues(value, &mut out);
        out.iter().map(|i| i.code).collect()
    }

    #[test]
    fn preloadable_header_has_no_issues() {
        assert!(codes("max-age=63072000; includeSubDomains; preload").is_empty());
    }

    #[test]
    fn rfc6797_reading() {
        let d = parse_rfc6797("Max-Age=\"300\"; includesubdomains");
        assert_eq!(d.max_age, Some(300));
        assert!(d.include_sub_domains);
        let d = parse_rfc6797("max-age=300; max-age=400");
        assert_eq!(d.max_age, None);
        assert!(d.invalid.is_some());
    }
}
