//! The Mozilla HTTP Observatory's score, reproduced from a paste.
//!
//! Each test follows `src/analyzer/tests/*.js` of the released `@mdn/mdn-http-observatory`
//! 1.4.8 (npm) and uses its result ids; modifiers and the grade chart are its
//! `src/grader/charts.js`. `tests/node/anchors.test.mjs` runs that package's own analyzers
//! on the same responses and fails on any difference not listed with a reason. The score is 100 plus every negative modifier; if that is at least 90
//! the positive ones are added too; it never goes below 0; the grade is the chart's entry for
//! the score rounded down to a multiple of 5 (at most 100).
//!
//! A paste is not a scan. Tests that need what a paste lacks are reported as not judged
//! (modifier 0) with the reason: SRI needs the HTML; redirection needs the response to the
//! plain-HTTP URL; "preloaded" results need Chromium's preload list, which certscope does not
//! carry; certificate validity of the scanned host is assumed unless a chain was pasted.

mod cookie_test;
mod csp;
mod sri;

use serde::Serialize;

use super::cookies::CookieReport;
use super::message::Message;
use super::policies::{referrer_policy, sf_token, REFERRER_PRIVATE, REFERRER_UNSAFE};

/// One Observatory test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObservatoryTest {
    /// The test's name, e.g. `strict-transport-security`.
    pub test: &'static str,
    /// Its result id, e.g. `hsts-implemented-max-age-at-least-six-months`.
    pub result: &'static str,
    /// The score modifier of that result.
    pub modifier: i32,
    /// Whether the Observatory counts the test as passed.
    pub pass: bool,
    /// `false` when the paste cannot show what the test needs (then `result` is the most
    /// likely outcome and the modifier is not counted).
    pub judged: bool,
    /// Why a test is not judged, or what was assumed.
    pub note: Option<String>,
}

/// The Observatory's verdict on one site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObservatoryReport {
    /// The score (can exceed 100 with extra credit).
    pub score: i32,
    /// The letter grade.
    pub grade: &'static str,
    /// Every test, in the Observatory's order.
    pub tests: Vec<ObservatoryTest>,
}

/// The score modifier of a result id (`charts.js`).
pub fn modifier(result: &str) -> i32 {
    match result {
        "csp-implemented-with-no-unsafe-default-src-none" => 10,
        "csp-implemented-with-no-unsafe" => 5,
        "csp-implemented-with-insecure-scheme-in-passive-content-only" => -10,
        "csp-implemented-with-unsafe-eval" => -10,
        "csp-implemented-with-unsafe-inline" => -20,
        "csp-implemented-with-insecure-scheme" => -20,
        "csp-header-invalid"
        | "csp-not-implemented"
        | "csp-not-implemented-but-reporting-enabled" => -25,
        "cookies-secure-with-httponly-sessions-and-samesite" => 5,
        "cookies-without-secure-flag-but-protected-by-hsts" => -5,
        "cookies-session-without-secure-flag-but-protected-by-hsts" => -10,
        "cookies-without-secure-flag"
        | "cookies-samesite-flag-invalid"
        | "cookies-anticsrf-without-samesite-flag" => -20,
        "cookies-session-without-httponly-flag" => -30,
        "cookies-session-without-secure-flag" => -40,
        "cross-origin-resource-sharing-implemented-with-universal-access" => -50,
        "redirection-off-host-from-http" => -5,
        "redirection-not-to-https-on-initial-redirection" => -10,
        "redirection-not-to-https" | "redirection-missing" | "redirection-invalid-cert" => -20,
        "referrer-policy-private" => 5,
        "referrer-policy-unsafe" | "referrer-policy-header-invalid" => -5,
        "hsts-preloaded" => 5,
        "hsts-implemented-max-age-less-than-six-months" => -10,
        "hsts-not-implemented"
        | "hsts-header-invalid"
        | "hsts-not-implemented-no-https"
        | "hsts-invalid-cert" => -20,
        "sri-implemented-and-all-scripts-loaded-securely"
        | "sri-implemented-and-external-scripts-loaded-securely" => 5,
        "sri-not-implemented-but-external-scripts-loaded-securely" => -5,
        "sri-implemented-but-external-scripts-not-loaded-securely" => -20,
        "sri-not-implemented-and-external-scripts-not-loaded-securely" => -50,
        "x-content-type-options-not-implemented" | "x-content-type-options-header-invalid" => -5,
        "x-frame-options-implemented-via-csp" => 5,
        "x-frame-options-not-implemented" | "x-frame-options-header-invalid" => -20,
        "corp-header-invalid" | "coep-header-invalid" | "coop-header-invalid" => -5,
        "corp-implemented-with-same-origin" | "corp-implemented-with-same-site" => 10,
        "coep-implemented-with-require-corp" | "coep-implemented-with-credentialless" => 10,
        "coop-implemented-with-same-origin"
        | "coop-implemented-with-same-origin-allow-popups"
        | "coop-implemented-with-noopener-allow-popups" => 10,
        "html-not-parseable" => -20,
        _ => 0,
    }
}

/// The grade chart: the score rounded down to a multiple of 5, capped at 100.
pub fn grade(score: i32) -> &'static str {
    let s = score.clamp(0, 100);
    let floor5 = s.saturating_sub(s.rem_euclid(5));
    match floor5 {
        100 => "A+",
        90 | 95 => "A",
        85 => "A-",
        80 => "B+",
        70 | 75 => "B",
        65 => "B-",
        60 => "C+",
        50 | 55 => "C",
        45 => "C-",
        40 => "D+",
        30 | 35 => "D",
        25 => "D-",
        _ => "F",
    }
}

/// Sums the judged tests' modifiers the Observatory's way.
pub fn score(tests: &[ObservatoryTest]) -> i32 {
    let judged = || tests.iter().filter(|t| t.judged);
    let mut score: i32 = 100i32.saturating_add(judged().map(|t| t.modifier.min(0)).sum());
    if score >= 90 {
        score = score.saturating_add(judged().map(|t| t.modifier.max(0)).sum());
    }
    score.max(0)
}

/// What the tests need from the site.
pub(crate) struct Inputs<'a> {
    /// Every response of the site, in order.
    pub(crate) site: &'a [&'a Message],
    /// The final response ("auto").
    pub(crate) last: &'a Message,
    /// The final response is (or is assumed to be) HTTPS.
    pub(crate) https: bool,
    /// The first response was to a plain-HTTP URL that the paste shows.
    pub(crate) http_first: bool,
    pub(crate) cookies: &'a [CookieReport],
    /// `Some(false)` when a pasted chain for this host is not trusted.
    pub(crate) cert_ok: Option<bool>,
    /// The page's HTML, when pasted.
    pub(crate) page: Option<&'a crate::html::HtmlPage>,
    /// The contents of its `<meta http-equiv="Content-Security-Policy">` elements.
    pub(crate) meta_csp: &'a [String],
    /// Its last `<meta name="referrer">` content.
    pub(crate) meta_referrer: Option<&'a str>,
    /// The registrable domain of the scanned host (`None` when not worked out; `Some(None)`
    /// for an IP address or a public suffix).
    pub(crate) page_domain: Option<Option<&'a str>>,
    /// certscope reads the enforced CSP as allowing no script at all.
    pub(crate) scripts_blocked: bool,
}

fn t(test: &'static str, result: &'static str, pass: bool) -> ObservatoryTest {
    ObservatoryTest {
        test,
        result,
        modifier: modifier(result),
        pass,
        judged: true,
        note: None,
    }
}

/// `parseInt` on "max-age=…" as JavaScript does it: `None` is NaN.
fn js_parse_int(s: &str) -> Option<i64> {
    let s = s.trim_start();
    let (neg, digits) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let d: String = digits.chars().take_while(char::is_ascii_digit).collect();
    let v: i64 = d.parse().ok()?;
    Some(if neg { v.saturating_neg() } else { v })
}

pub(crate) fn hsts_result(m: &Message, https: bool, cert_ok: Option<bool>) -> &'static str {
    if !https {
        return "hsts-not-implemented-no-https";
    }
    if cert_ok == Some(false) {
        return "hsts-invalid-cert";
    }
    let Some(joined) = m.joined("strict-transport-security") else {
        return "hsts-not-implemented";
    };
    let data: String = joined.chars().take(1024).collect();
    if data.contains(',') {
        return "hsts-header-invalid";
    }
    let mut max_age: Option<Option<i64>> = None;
    for p in data.split(';').map(|p| p.trim().to_lowercase()) {
        if let Some(v) = p.strip_prefix("max-age=") {
            max_age = Some(js_parse_int(&v.chars().take(120).collect::<String>()));
        }
    }
    match max_age {
        None => "hsts-header-invalid",
        // NaN < 15552000 is false in JavaScript.
        Some(Some(v)) if v < 15_552_000 => "hsts-implemented-max-age-less-than-six-months",
        Some(_) => "hsts-implemented-max-age-at-least-six-months",
    }
}

/// A header's (joined) value, `None` when absent or empty: the Observatory's tests that read
/// a header with `getFirstHttpHeader` treat an empty value as no header.
fn present(m: &Message, name: &str) -> Option<String> {
    m.joined(name).filter(|v| !v.is_empty())
}

/// Runs every test.
pub(crate) fn run(i: &Inputs<'_>) -> ObservatoryReport {
    let last = i.last;
    let mut tests = Vec::new();

    // Node's HTTP client joins repeated headers with ", ", so the Observatory parses several
    // CSP headers as one policy; browsers apply each as its own policy (CSP3 §3.1).
    let csp_values: Vec<&str> = last
        .all("content-security-policy")
        .map(|f| f.value.as_str())
        .collect();
    let joined = last.joined("content-security-policy");
    let report_only = last.first("content-security-policy-report-only").is_some();
    let joined: Vec<&str> = joined.as_deref().into_iter().collect();
    // The Observatory reads <meta> policies only from a response it takes for HTML.
    let html_type = last
        .first("content-type")
        .map(|f| f.value.split(';').next().unwrap_or_default())
        .is_some_and(|t| t == "text/html" || t == "application/xhtml+xml");
    let equiv = i.page.is_some() && (html_type || last.fields.is_empty());
    let meta_csp: Vec<&str> = if equiv {
        i.meta_csp.iter().map(String::as_str).collect()
    } else {
        Vec::new()
    };
    let meta_referrer = i.meta_referrer.filter(|_| equiv);
    let (csp_result, parsed) = csp::result(&joined, &meta_csp, report_only, i.https);
    let (own_result, _) = csp::result(&csp_values, &meta_csp, report_only, i.https);
    let csp_pass = matches!(
        csp_result,
        "csp-implemented-with-no-unsafe"
            | "csp-implemented-with-no-unsafe-default-src-none"
            | "csp-implemented-with-unsafe-inline-in-style-src-only"
            | "csp-implemented-with-insecure-scheme-in-passive-content-only"
            | "csp-implemented-but-duplicate-directives"
    );
    let mut csp_t = t("content-security-policy", csp_result, csp_pass);
    if own_result != csp_result {
        csp_t.note = Some(format!("The Observatory reads the {} CSP headers as one policy joined by commas (its HTTP client joins them); browsers enforce each header as its own policy, which certscope reads as {own_result} ({:+}).", csp_values.len(), modifier(own_result)));
    }
    tests.push(csp_t);

    let hsts = hsts_result(last, i.https, i.cert_ok);
    let hsts_pass = hsts == "hsts-implemented-max-age-at-least-six-months";
    tests.push(cookie_test::run(i, hsts_pass));

    let cors = match present(last, "access-control-allow-origin").map(|v| {
        v.chars()
            .take(256)
            .collect::<String>()
            .trim()
            .to_lowercase()
    }) {
        None => "cross-origin-resource-sharing-not-implemented",
        Some(v) if v == "*" => "cross-origin-resource-sharing-implemented-with-public-access",
        Some(v) => {
            let acao = last
                .first("access-control-allow-origin")
                .map(|f| f.value.as_str());
            let creds = last
                .joined("access-control-allow-credentials")
                .is_some_and(|c| c.trim().eq_ignore_ascii_case("true"));
            let _ = v;
            if last
                .request_origin
                .as_deref()
                .is_some_and(|o| Some(o) == acao)
                && creds
            {
                "cross-origin-resource-sharing-implemented-with-universal-access"
            } else {
                "cross-origin-resource-sharing-implemented-with-restricted-access"
            }
        }
    };
    let mut cors_t = t(
        "cross-origin-resource-sharing",
        cors,
        cors != "cross-origin-resource-sharing-implemented-with-universal-access",
    );
    if last.request_origin.is_none() {
        cors_t.note = Some("The Observatory sends its own Origin; this paste shows no request Origin, so a server that reflects origins cannot be recognised here.".into());
    }
    tests.push(cors_t);

    tests.push(redirection(i));

    let referrer_values: Vec<String> = last
        .joined("referrer-policy")
        .into_iter()
        .chain(meta_referrer.map(str::to_owned))
        .collect();
    let referrer = match (!referrer_values.is_empty()).then(|| referrer_values.join(", ")) {
        None => "referrer-policy-not-implemented",
        Some(v) => match referrer_policy(&v) {
            Some(p) if REFERRER_PRIVATE.contains(&p.as_str()) => "referrer-policy-private",
            Some(p) if REFERRER_UNSAFE.contains(&p.as_str()) => "referrer-policy-unsafe",
            _ => "referrer-policy-header-invalid",
        },
    };
    tests.push(t(
        "referrer-policy",
        referrer,
        matches!(
            referrer,
            "referrer-policy-private" | "referrer-policy-not-implemented"
        ),
    ));

    let mut hsts_t = t("strict-transport-security", hsts, hsts_pass);
    hsts_t.note = Some("If the host is on Chromium's preload list the Observatory reports hsts-preloaded (+5) instead; certscope does not carry the list.".into());
    tests.push(hsts_t);

    tests.push(sri::test(i, html_type));

    let xcto = match present(last, "x-content-type-options") {
        None => "x-content-type-options-not-implemented",
        Some(v)
            if v.chars()
                .take(256)
                .collect::<String>()
                .trim()
                .eq_ignore_ascii_case("nosniff") =>
        {
            "x-content-type-options-nosniff"
        }
        Some(_) => "x-content-type-options-header-invalid",
    };
    tests.push(t(
        "x-content-type-options",
        xcto,
        xcto == "x-content-type-options-nosniff",
    ));

    let mut xfo = match present(last, "x-frame-options").map(|v| {
        v.chars()
            .take(1024)
            .collect::<String>()
            .trim()
            .to_lowercase()
    }) {
        None => "x-frame-options-not-implemented",
        Some(v) if v == "deny" || v == "sameorigin" => "x-frame-options-sameorigin-or-deny",
        Some(v) if v.starts_with("allow-from") => "x-frame-options-allow-from-origin",
        Some(_) => "x-frame-options-header-invalid",
    };
    if parsed
        .as_ref()
        .is_some_and(|c| c.map.contains_key("frame-ancestors"))
    {
        xfo = "x-frame-options-implemented-via-csp";
    }
    let mut xfo_t = t(
        "x-frame-options",
        xfo,
        !matches!(
            xfo,
            "x-frame-options-not-implemented" | "x-frame-options-header-invalid"
        ),
    );
    let header_frame_ancestors =
        csp::parse(&joined).is_ok_and(|c| c.map.contains_key("frame-ancestors"));
    if xfo == "x-frame-options-implemented-via-csp" && !header_frame_ancestors {
        xfo_t.note = Some("certscope's reading: frame-ancestors is only in a <meta> policy, where browsers ignore it (csp.meta-ignored-directive), so the page is not protected from framing by it; the Observatory counts it.".into());
    }
    tests.push(xfo_t);

    let corp = match present(last, "cross-origin-resource-policy").map(|v| {
        v.chars()
            .take(256)
            .collect::<String>()
            .trim()
            .to_lowercase()
    }) {
        None => "corp-not-implemented",
        Some(v) if v == "same-site" => "corp-implemented-with-same-site",
        Some(v) if v == "same-origin" => "corp-implemented-with-same-origin",
        Some(v) if v == "cross-origin" => "corp-implemented-with-cross-origin",
        Some(_) => "corp-header-invalid",
    };
    tests.push(t(
        "cross-origin-resource-policy",
        corp,
        corp != "corp-header-invalid",
    ));

    for (name, test, prefix, valid) in [
        (
            "cross-origin-opener-policy",
            "cross-origin-opener-policy",
            "coop",
            &[
                ("same-origin", "coop-implemented-with-same-origin"),
                (
                    "same-origin-allow-popups",
                    "coop-implemented-with-same-origin-allow-popups",
                ),
                (
                    "noopener-allow-popups",
                    "coop-implemented-with-noopener-allow-popups",
                ),
                ("unsafe-none", "coop-implemented-with-unsafe-none"),
            ][..],
        ),
        (
            "cross-origin-embedder-policy",
            "cross-origin-embedder-policy",
            "coep",
            &[
                ("require-corp", "coep-implemented-with-require-corp"),
                ("credentialless", "coep-implemented-with-credentialless"),
                ("unsafe-none", "coep-implemented-with-unsafe-none"),
            ][..],
        ),
    ] {
        let values: Vec<&str> = last.all(name).map(|f| f.value.as_str()).collect();
        let invalid = if prefix == "coop" {
            "coop-header-invalid"
        } else {
            "coep-header-invalid"
        };
        let missing = if prefix == "coop" {
            "coop-not-implemented"
        } else {
            "coep-not-implemented"
        };
        let result = match values.as_slice() {
            [] => missing,
            [one] => {
                let token = sf_token(&one.chars().take(1024).collect::<String>());
                valid
                    .iter()
                    .find(|(v, _)| *v == token)
                    .map_or(invalid, |(_, r)| *r)
            }
            _ => invalid,
        };
        let mut coop = t(test, result, result != invalid);
        coop.judged = false;
        coop.note = Some(format!("Not a test of the released Observatory (npm 1.4.8), so not in its score; its source repository adds it, and would give {result} {:+}.", coop.modifier));
        tests.push(coop);
    }

    ObservatoryReport {
        score: score(&tests),
        grade: grade(score(&tests)),
        tests,
    }
}

/// For HTML pasted without its headers: only the tests the HTML decides stay judged.
pub(crate) fn headers_not_pasted(report: &mut ObservatoryReport) {
    for t in &mut report.tests {
        if !matches!(
            t.test,
            "content-security-policy" | "referrer-policy" | "subresource-integrity"
        ) {
            t.judged = false;
            t.note = Some("The response headers were not pasted; this test needs them.".into());
        }
    }
    report.score = score(&report.tests);
    report.grade = grade(report.score);
}

fn redirection(i: &Inputs<'_>) -> ObservatoryTest {
    if !i.http_first {
        return ObservatoryTest {
            test: "redirection",
            result: "redirection-to-https",
            modifier: 0,
            pass: true,
            judged: false,
            note: Some("The paste does not show the response to the plain-HTTP URL (paste `curl -sIL http://host/` to judge it). The Observatory would request it itself.".into()),
        };
    }
    if i.cert_ok == Some(false) {
        return t("redirection", "redirection-invalid-cert", false);
    }
    let route: Vec<&super::url::Url> = i
        .site
        .iter()
        .filter_map(|m| m.url.as_ref().map(|(u, _)| u))
        .collect();
    let result = if route.len() <= 1 {
        "redirection-missing"
    } else if route.last().is_some_and(|u| u.scheme() != "https") {
        "redirection-not-to-https"
    } else if route.get(1).is_some_and(|u| u.scheme() == "http") {
        "redirection-not-to-https-on-initial-redirection"
    } else if route.first().is_some_and(|u| u.scheme() == "http")
        && route.get(1).is_some_and(|u| u.scheme() == "https")
        && route.first().map(|u| u.host_str()) != route.get(1).map(|u| u.host_str())
    {
        "redirection-off-host-from-http"
    } else {
        "redirection-to-https"
    };
    let mut test = t("redirection", result, result == "redirection-to-https");
    // The Observatory reads only where the redirects end; certscope tells a downgrade
    // (HTTPS reached, then left) from a site that never gets to HTTPS.
    let reached_https = route.iter().rev().skip(1).any(|u| u.scheme() == "https");
    if result == "redirection-not-to-https" && reached_https {
        test.note = Some("certscope reads this as a downgrade: the redirects reach HTTPS and then go back to http:// (transport.redirect-downgrade), which the Observatory's result does not tell from a site without HTTPS.".into());
    }
    if let Some(port) = https_port_asked_in_http(i.site) {
        test.note = Some(format!("certscope's reading: port {port} serves HTTPS, and the server refused the plain-HTTP request there (status {}); there is no plain-HTTP site on that port to redirect from, which the Observatory counts as a missing redirect (mdn/mdn-http-observatory#212). See transport.http-on-https-port.", i.site.first().and_then(|m| m.status).unwrap_or_default()));
    }
    test
}

/// The port of a first request that was plain HTTP to a non-standard port and got the
/// "HTTP request sent to HTTPS port" answer (400, or nginx's 497), with no redirect.
pub(crate) fn https_port_asked_in_http(site: &[&Message]) -> Option<u16> {
    let first = site.first()?;
    let (url, _) = first.url.as_ref()?;
    let port = url.port().filter(|_| url.scheme() == "http")?;
    (site.len() == 1 && matches!(first.status, Some(400 | 497))).then_some(port)
}
