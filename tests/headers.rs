//! HTTP header analysis, table-driven from the public rules it reproduces: Chromium's HSTS
//! preload list (chromium/hstspreload `header.go`, `redirects.go`), Google's CSP Evaluator
//! (`security_checks.ts`, `parser_checks.ts`, `strictcsp_checks.ts`), the MDN HTTP
//! Observatory (`src/analyzer/tests/*.js`, `src/grader/charts.js`), and RFC 6265 / RFC 6797.
//! Each row is one response (or redirect chain) and one expectation; every failing row is
//! reported, not just the first.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::{inspect, HttpReport, Options};

const AT: u64 = 1_795_000_000;

#[derive(Debug, Clone, Copy)]
enum E {
    /// Observatory test → result id.
    Obs(&'static str, &'static str),
    /// A finding with this id is present.
    Has(&'static str),
    /// No finding with this id.
    Not(&'static str),
    /// A CSP Evaluator finding of this type and severity.
    Csp(&'static str, &'static str),
    /// No CSP Evaluator finding of this type.
    NoCsp(&'static str),
    /// The site's preload-list issues include this code.
    Preload(&'static str),
    /// … and do not include it.
    NoPreload(&'static str),
    /// Observatory score and grade.
    Score(i32, &'static str),
    /// Observatory test is not judged from this paste.
    Unjudged(&'static str),
}

/// One HTTPS response with these header lines, for a URL the paste states.
fn https(headers: &str) -> String {
    format!("$ curl -sI https://example.test/\nHTTP/2 200\n{headers}\n")
}

/// A plain-HTTP request to example.test followed by the given responses.
fn from_http(responses: &str) -> String {
    format!("$ curl -sIL http://example.test/\n{responses}")
}

fn site(text: &str) -> HttpReport {
    let report = inspect(text.as_bytes(), &Options::at(AT)).unwrap();
    report
        .http
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no HTTP site in {text:?}"))
}

fn check(name: &str, text: &str, e: E) -> Result<(), String> {
    let s = site(text);
    let ids: Vec<&str> = s.findings.iter().map(|f| f.id).collect();
    let csp: Vec<(&str, &str)> = s
        .csp
        .iter()
        .flat_map(|c| c.evaluator.iter().map(|f| (f.kind, f.severity)))
        .collect();
    let preload: Vec<&str> = s.preload_issues.iter().map(|i| i.code).collect();
    let test = |t: &str| s.observatory.tests.iter().find(|x| x.test == t).cloned();
    let ok = match e {
        // COOP and COEP are not tests of the released Observatory (npm 1.4.8): shown, not
        // counted in the score.
        E::Obs(t, r) => test(t).is_some_and(|x| {
            x.result == r
                && (x.judged
                    || t.starts_with("cross-origin-opener")
                    || t.starts_with("cross-origin-embedder"))
        }),
        E::Has(id) => ids.contains(&id),
        E::Not(id) => !ids.contains(&id),
        E::Csp(k, sev) => csp.contains(&(k, sev)),
        E::NoCsp(k) => !csp.iter().any(|(x, _)| *x == k),
        E::Preload(c) => preload.contains(&c),
        E::NoPreload(c) => !preload.contains(&c),
        E::Score(n, g) => s.observatory.score == n && s.observatory.grade == g,
        E::Unjudged(t) => test(t).is_some_and(|x| !x.judged),
    };
    if ok {
        return Ok(());
    }
    let tests: Vec<String> = s
        .observatory
        .tests
        .iter()
        .map(|t| format!("{}={}", t.test, t.result))
        .collect();
    Err(format!(
        "{name}: expected {e:?}\n  findings {ids:?}\n  csp {csp:?}\n  preload {preload:?}\n  score {} {}\n  tests {tests:?}",
        s.observatory.score, s.observatory.grade
    ))
}

fn run(cases: &[(&str, String, E)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(n, t, e)| check(n, t, *e).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn hsts(v: &str) -> String {
    https(&format!("Strict-Transport-Security: {v}"))
}

#[test]
fn hsts_preload_issue_codes() {
    use E::*;
    let full = "max-age=63072000; includeSubDomains; preload";
    let cases = vec![
        ("preloadable", hsts(full), NoPreload("header.preloadable.preload.missing")),
        ("preloadable has no issues", hsts(full), Has("hsts.preload-ready")),
        ("empty", hsts(""), Preload("header.parse.empty")),
        ("empty means missing max-age", hsts(""), Preload("header.preloadable.max_age.missing")),
        ("repeated preload", hsts(&format!("{full}; preload")), Preload("header.parse.repeated.preload")),
        ("invalid preload", hsts("max-age=63072000; includeSubDomains; preload=yes"), Preload("header.parse.invalid.preload")),
        ("repeated includeSubDomains", hsts(&format!("{full}; includeSubDomains")), Preload("header.parse.repeated.include_sub_domains")),
        ("invalid includeSubDomains", hsts("max-age=63072000; includeSubDomains=1; preload"), Preload("header.parse.invalid.include_sub_domains")),
        ("leading zero", hsts("max-age=063072000; includeSubDomains; preload"), Preload("header.parse.max_age.leading_zero")),
        ("non-digit", hsts("max-age=2y; includeSubDomains; preload"), Preload("header.parse.max_age.non_digit_characters")),
        ("parse int error", hsts("max-age=99999999999999999999999; includeSubDomains; preload"), Preload("header.parse.max_age.parse_int_error")),
        ("repeated max-age", hsts(&format!("{full}; max-age=1")), Preload("header.parse.repeated.max_age")),
        ("max-age without value", hsts("max-age; includeSubDomains; preload"), Preload("header.parse.invalid.max_age.no_value")),
        ("empty directive", hsts("max-age=63072000;; includeSubDomains; preload"), Preload("header.parse.empty_directive")),
        ("unknown directive", hsts(&format!("{full}; always")), Preload("header.parse.unknown_directive")),
        ("includeSubDomains missing", hsts("max-age=63072000; preload"), Preload("header.preloadable.include_sub_domains.missing")),
        ("preload missing", hsts("max-age=63072000; includeSubDomains"), Preload("header.preloadable.preload.missing")),
        ("max-age missing", hsts("includeSubDomains; preload"), Preload("header.preloadable.max_age.missing")),
        ("max-age zero", hsts("max-age=0; includeSubDomains; preload"), Preload("header.preloadable.max_age.zero")),
        ("18 weeks is below a year", hsts("max-age=10886400; includeSubDomains; preload"), Preload("header.preloadable.max_age.below_1_year")),
        ("one year is enough", hsts("max-age=31536000; includeSubDomains; preload"), NoPreload("header.preloadable.max_age.below_1_year")),
        ("over ten years", hsts("max-age=630720000; includeSubDomains; preload"), Preload("header.preloadable.max_age.over_10_years")),
        ("two headers", https(&format!("Strict-Transport-Security: {full}\nStrict-Transport-Security: {full}")), Preload("response.multiple_headers")),
        ("no header", https("Content-Type: text/html"), Preload("response.no_header")),
        ("case-insensitive directives", hsts("MAX-AGE=63072000; INCLUDESUBDOMAINS; PRELOAD"), NoPreload("header.preloadable.include_sub_domains.missing")),
        ("no redirect from http", from_http("HTTP/1.1 200 OK\nContent-Type: text/html\n\n"), Preload("redirects.http.no_redirect")),
        ("first redirect to http", from_http("HTTP/1.1 301 Moved\nLocation: http://example.test/home\n\nHTTP/1.1 301 Moved\nLocation: https://example.test/home\n\nHTTP/2 200\n\n"), Preload("redirects.http.first_redirect.insecure")),
        ("first redirect to another https host", from_http("HTTP/1.1 301 Moved\nLocation: https://cdn.example.net/\n\nHTTP/2 200\n\n"), Preload("redirects.http.first_redirect.insecure")),
        ("www first", from_http("HTTP/1.1 301 Moved\nLocation: https://www.example.test/\n\nHTTP/2 200\n\n"), Preload("redirects.http.www_first")),
        ("later hop back to http", from_http("HTTP/1.1 301 Moved\nLocation: https://example.test/\n\nHTTP/2 301\nlocation: http://example.test/x\n\nHTTP/1.1 200 OK\n\n"), Preload("redirects.insecure.subsequent")),
        ("https start, first hop http", "$ curl -sIL https://example.test/\nHTTP/2 302\nlocation: http://example.test/\n\nHTTP/1.1 200 OK\n\n".to_owned(), Preload("redirects.insecure.initial")),
        ("four redirects", from_http("HTTP/1.1 301 A\nLocation: https://example.test/1\n\nHTTP/2 301\nlocation: /2\n\nHTTP/2 301\nlocation: /3\n\nHTTP/2 301\nlocation: /4\n\nHTTP/2 200\n\n"), Preload("redirects.too_many")),
        ("three redirects are fine", from_http("HTTP/1.1 301 A\nLocation: https://example.test/1\n\nHTTP/2 301\nlocation: /2\n\nHTTP/2 301\nlocation: /3\n\nHTTP/2 200\n\n"), NoPreload("redirects.too_many")),
        ("HSTS over http is useless", from_http(&format!("HTTP/1.1 301 A\nLocation: https://example.test/\nStrict-Transport-Security: {full}\n\nHTTP/2 200\nstrict-transport-security: {full}\n\n")), Preload("redirects.http.useless_header")),
        ("redirect to a page without preloadable HSTS", from_http("HTTP/1.1 301 A\nLocation: https://example.test/\n\nHTTP/2 200\nstrict-transport-security: max-age=300\n\n"), Preload("redirects.http.first_redirect.no_hsts")),
        ("redirect to a preloadable page", from_http(&format!("HTTP/1.1 301 A\nLocation: https://example.test/\n\nHTTP/2 200\nstrict-transport-security: {full}\n\n")), NoPreload("redirects.http.first_redirect.no_hsts")),
    ];
    run(&cases);
}

#[test]
fn hsts_browser_reading() {
    use E::*;
    let cases = vec![
        ("missing on https", https("Content-Type: text/html"), Has("hsts.missing")),
        ("short", hsts("max-age=86400"), Has("hsts.short")),
        ("zero", hsts("max-age=0"), Has("hsts.zero")),
        ("repeated directive makes it invalid", hsts("max-age=31536000; max-age=31536000"), Has("hsts.invalid")),
        ("missing max-age is invalid", hsts("includeSubDomains"), Has("hsts.invalid")),
        ("quoted max-age is valid for browsers", hsts("max-age=\"31536000\"; includeSubDomains"), Not("hsts.invalid")),
        ("two headers", https("Strict-Transport-Security: max-age=31536000\nStrict-Transport-Security: max-age=31536000"), Has("hsts.multiple")),
        ("no includeSubDomains", hsts("max-age=31536000"), Has("hsts.no-subdomains")),
        ("preload without qualifying", hsts("max-age=31536000; preload"), Has("hsts.preload-ineligible")),
        ("over http is ignored", from_http("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=31536000\n\n"), Has("hsts.over-http")),
    ];
    run(&cases);
}

fn csp(policy: &str) -> String {
    https(&format!("Content-Security-Policy: {policy}"))
}

#[test]
fn csp_evaluator_finding_types() {
    use E::*;
    let strict = "script-src 'nonce-r4nd0mN0nc3' 'strict-dynamic' https: 'unsafe-inline'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; report-uri https://r.example/";
    let cases = vec![
        (
            "unsafe-inline",
            csp("script-src 'unsafe-inline'"),
            Csp("SCRIPT_UNSAFE_INLINE", "HIGH"),
        ),
        (
            "unsafe-inline via default-src",
            csp("default-src 'self' 'unsafe-inline'"),
            Csp("SCRIPT_UNSAFE_INLINE", "HIGH"),
        ),
        (
            "unsafe-eval",
            csp("script-src 'self' 'unsafe-eval'"),
            Csp("SCRIPT_UNSAFE_EVAL", "MEDIUM_MAYBE"),
        ),
        (
            "style unsafe-inline",
            csp("style-src 'unsafe-inline'"),
            Csp("STYLE_UNSAFE_INLINE", "MEDIUM"),
        ),
        (
            "wasm-unsafe-eval",
            csp("script-src 'self' 'wasm-unsafe-eval'"),
            Csp("SCRIPT_WASM_UNSAFE_EVAL", "MEDIUM_MAYBE"),
        ),
        (
            "https: scheme",
            csp("script-src https:"),
            Csp("PLAIN_URL_SCHEMES", "HIGH"),
        ),
        (
            "data: in object-src",
            csp("script-src 'self'; object-src data:"),
            Csp("PLAIN_URL_SCHEMES", "HIGH"),
        ),
        (
            "wildcard",
            csp("script-src *"),
            Csp("PLAIN_WILDCARD", "HIGH"),
        ),
        (
            "scheme wildcard",
            csp("script-src https://*"),
            Csp("PLAIN_WILDCARD", "HIGH"),
        ),
        (
            "missing object-src",
            csp("script-src 'self'"),
            Csp("MISSING_DIRECTIVES", "HIGH"),
        ),
        (
            "missing script-src",
            csp("object-src 'none'"),
            Csp("MISSING_DIRECTIVES", "HIGH"),
        ),
        (
            "missing base-uri with nonces",
            csp("script-src 'nonce-abcdefgh1'; object-src 'none'"),
            Csp("MISSING_DIRECTIVES", "HIGH"),
        ),
        (
            "missing form-action",
            csp("default-src 'self'"),
            Csp("MISSING_DIRECTIVES", "LOW"),
        ),
        (
            "JSONP host",
            csp("script-src www.google.com; object-src 'none'"),
            Csp("SCRIPT_ALLOWLIST_BYPASS", "HIGH"),
        ),
        (
            "Angular host",
            csp("script-src https://cdnjs.cloudflare.com; object-src 'none'"),
            Csp("SCRIPT_ALLOWLIST_BYPASS", "HIGH"),
        ),
        (
            "JSONP needing eval, without eval",
            csp("script-src www.googletagmanager.com; object-src 'none'"),
            Csp("SCRIPT_ALLOWLIST_BYPASS", "MEDIUM_MAYBE"),
        ),
        (
            "JSONP needing eval, with eval",
            csp("script-src www.googletagmanager.com 'unsafe-eval'; object-src 'none'"),
            Csp("SCRIPT_ALLOWLIST_BYPASS", "HIGH"),
        ),
        (
            "self",
            csp("script-src 'self'; object-src 'none'"),
            Csp("SCRIPT_ALLOWLIST_BYPASS", "MEDIUM_MAYBE"),
        ),
        (
            "unknown host",
            csp("script-src cdn.example.org; object-src 'none'"),
            Csp("SCRIPT_ALLOWLIST_BYPASS", "MEDIUM_MAYBE"),
        ),
        (
            "path outside the bypass",
            csp("script-src www.google.com/maps/; object-src 'none'"),
            NoCsp("OBJECT_ALLOWLIST_BYPASS"),
        ),
        (
            "flash host",
            csp("script-src 'none'; object-src ajax.googleapis.com"),
            Csp("OBJECT_ALLOWLIST_BYPASS", "HIGH"),
        ),
        (
            "object host",
            csp("script-src 'none'; object-src cdn.example.org"),
            Csp("OBJECT_ALLOWLIST_BYPASS", "MEDIUM_MAYBE"),
        ),
        ("IP", csp("script-src 10.1.2.3"), Csp("IP_SOURCE", "INFO")),
        (
            "localhost IP",
            csp("img-src 127.0.0.1:8080"),
            Csp("IP_SOURCE", "INFO"),
        ),
        (
            "short nonce",
            csp("script-src 'nonce-abc'"),
            Csp("NONCE_LENGTH", "MEDIUM"),
        ),
        (
            "nonce charset",
            csp("script-src 'nonce-abc*def!ghij'"),
            Csp("NONCE_CHARSET", "INFO"),
        ),
        (
            "http source",
            csp("script-src http://cdn.example.org"),
            Csp("SRC_HTTP", "MEDIUM"),
        ),
        (
            "http report-uri",
            csp("default-src 'self'; report-uri http://r.example/"),
            Csp("SRC_HTTP", "MEDIUM"),
        ),
        (
            "https: with an http host",
            csp("img-src https: http://img.example.org"),
            Csp("CONFLICTING_DIRECTIVES", "LOW"),
        ),
        (
            "reflected-xss",
            csp("default-src 'self'; reflected-xss block"),
            Csp("DEPRECATED_DIRECTIVE", "INFO"),
        ),
        (
            "referrer directive",
            csp("default-src 'self'; referrer no-referrer"),
            Csp("DEPRECATED_DIRECTIVE", "INFO"),
        ),
        (
            "disown-opener",
            csp("default-src 'self'; disown-opener"),
            Csp("DEPRECATED_DIRECTIVE", "INFO"),
        ),
        (
            "unknown directive",
            csp("default-src 'self'; foobar-src x"),
            Csp("UNKNOWN_DIRECTIVE", "SYNTAX"),
        ),
        (
            "directive with colon",
            csp("script-src: 'self'"),
            Csp("UNKNOWN_DIRECTIVE", "SYNTAX"),
        ),
        (
            "missing semicolon",
            csp("script-src 'self' object-src 'none'"),
            Csp("MISSING_SEMICOLON", "SYNTAX"),
        ),
        (
            "unquoted keyword",
            csp("script-src self"),
            Csp("INVALID_KEYWORD", "SYNTAX"),
        ),
        (
            "unquoted nonce",
            csp("script-src nonce-abcdefgh"),
            Csp("INVALID_KEYWORD", "SYNTAX"),
        ),
        (
            "unknown keyword",
            csp("script-src 'selfish'"),
            Csp("INVALID_KEYWORD", "SYNTAX"),
        ),
        (
            "trusted-types keyword",
            csp("default-src 'self'; trusted-types 'allow-duplicates'"),
            NoCsp("INVALID_KEYWORD"),
        ),
        (
            "allowlist without strict-dynamic",
            csp("script-src https://cdn.example.org"),
            Csp("STRICT_DYNAMIC", "STRICT_CSP"),
        ),
        (
            "strict-dynamic alone",
            csp("script-src 'strict-dynamic'"),
            Csp("STRICT_DYNAMIC_NOT_STANDALONE", "INFO"),
        ),
        (
            "no unsafe-inline fallback",
            csp("script-src 'nonce-abcdefgh1' 'strict-dynamic'"),
            Csp("UNSAFE_INLINE_FALLBACK", "STRICT_CSP"),
        ),
        (
            "no allowlist fallback",
            csp("script-src 'nonce-abcdefgh1' 'strict-dynamic'"),
            Csp("ALLOWLIST_FALLBACK", "STRICT_CSP"),
        ),
        (
            "unsafe-inline ignored next to a nonce",
            csp(strict),
            Csp("IGNORED", "NONE"),
        ),
        (
            "strict policy: inline is ignored",
            csp(strict),
            NoCsp("SCRIPT_UNSAFE_INLINE"),
        ),
        (
            "strict policy: https: is ignored",
            csp(strict),
            NoCsp("PLAIN_URL_SCHEMES"),
        ),
        (
            "strict policy: trusted types present",
            csp(strict),
            NoCsp("REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS"),
        ),
        (
            "strict policy: reporting present",
            csp(strict),
            NoCsp("REPORTING_DESTINATION_MISSING"),
        ),
        (
            "no trusted types",
            csp("default-src 'self'"),
            Csp("REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS", "INFO"),
        ),
        (
            "no reporting",
            csp("default-src 'self'"),
            Csp("REPORTING_DESTINATION_MISSING", "INFO"),
        ),
        (
            "report-to only",
            csp("default-src 'self'; report-to csp"),
            Csp("REPORT_TO_ONLY", "INFO"),
        ),
        (
            "case-insensitive names and keywords",
            csp("SCRIPT-SRC 'UNSAFE-INLINE'"),
            Csp("SCRIPT_UNSAFE_INLINE", "HIGH"),
        ),
    ];
    run(&cases);
}

#[test]
fn observatory_csp() {
    use E::*;
    let cases = vec![
        ("none", https("Content-Type: text/html"), Obs("content-security-policy", "csp-not-implemented")),
        ("report-only", https("Content-Security-Policy-Report-Only: default-src 'self'"), Obs("content-security-policy", "csp-not-implemented-but-reporting-enabled")),
        ("repeated directive", csp("script-src 'self'; script-src 'none'"), Obs("content-security-policy", "csp-header-invalid")),
        ("too short", csp("a b"), Obs("content-security-policy", "csp-header-invalid")),
        ("strict-dynamic without nonce", csp("default-src 'none'; script-src 'strict-dynamic'"), Obs("content-security-policy", "csp-header-invalid")),
        ("unsafe-inline", csp("default-src 'none'; script-src 'unsafe-inline'"), Obs("content-security-policy", "csp-implemented-with-unsafe-inline")),
        ("data: script", csp("default-src 'none'; script-src data:"), Obs("content-security-policy", "csp-implemented-with-unsafe-inline")),
        ("no object-src nor default-src", csp("script-src 'self'"), Obs("content-security-policy", "csp-implemented-with-unsafe-inline")),
        ("http source", csp("default-src 'self'; script-src http://cdn.example.org"), Obs("content-security-policy", "csp-implemented-with-insecure-scheme")),
        ("unsafe-eval", csp("default-src 'self'; script-src 'self' 'unsafe-eval'"), Obs("content-security-policy", "csp-implemented-with-unsafe-eval")),
        ("http images", csp("default-src 'self'; img-src http:"), Obs("content-security-policy", "csp-implemented-with-insecure-scheme-in-passive-content-only")),
        ("inline styles", csp("default-src 'self'; style-src 'unsafe-inline'"), Obs("content-security-policy", "csp-implemented-with-unsafe-inline-in-style-src-only")),
        ("default-src none", csp("default-src 'none'"), Obs("content-security-policy", "csp-implemented-with-no-unsafe-default-src-none")),
        ("default-src self", csp("default-src 'self'"), Obs("content-security-policy", "csp-implemented-with-no-unsafe")),
        ("nonce drops unsafe-inline", csp("default-src 'self'; script-src 'nonce-abcdefgh1' 'unsafe-inline'"), Obs("content-security-policy", "csp-implemented-with-no-unsafe")),
        ("strict-dynamic drops https:", csp("default-src 'self'; script-src 'nonce-abcdefgh1' 'strict-dynamic' https:"), Obs("content-security-policy", "csp-implemented-with-no-unsafe")),
        ("repeated report-uri", csp("default-src 'none'; report-uri /a; report-uri /b"), Obs("content-security-policy", "csp-implemented-but-duplicate-directives")),
        ("score without extra credit", csp("default-src 'none'; frame-ancestors 'none'"), Score(75, "B")),
        // Node joins the two headers with a comma, so the Observatory sees default-src twice in
        // one policy: invalid. (certscope's own reading, in the test's note, is no-unsafe.)
        ("second policy narrows", https("Content-Security-Policy: default-src 'self'; script-src 'unsafe-inline' 'self'\nContent-Security-Policy: default-src 'self'; script-src 'self'"), Obs("content-security-policy", "csp-header-invalid")),
    ];
    run(&cases);
}

fn cookie(lines: &str) -> String {
    https(lines)
}

#[test]
fn observatory_cookies() {
    use E::*;
    let hsts6 = "Strict-Transport-Security: max-age=15552000\n";
    let cases = vec![
        ("no cookies", https("Content-Type: text/html"), Obs("cookies", "cookies-not-found")),
        ("good without SameSite", cookie("Set-Cookie: sessionid=1; Secure; HttpOnly"), Obs("cookies", "cookies-secure-with-httponly-sessions")),
        ("good with SameSite", cookie("Set-Cookie: sessionid=1; Secure; HttpOnly; SameSite=Lax"), Obs("cookies", "cookies-secure-with-httponly-sessions-and-samesite")),
        ("not secure", cookie("Set-Cookie: theme=dark"), Obs("cookies", "cookies-without-secure-flag")),
        ("not secure, HSTS", cookie(&format!("{hsts6}Set-Cookie: theme=dark")), Obs("cookies", "cookies-without-secure-flag-but-protected-by-hsts")),
        ("session not secure", cookie("Set-Cookie: sessionid=1; HttpOnly"), Obs("cookies", "cookies-session-without-secure-flag")),
        ("session not secure, HSTS", cookie(&format!("{hsts6}Set-Cookie: sessionid=1; HttpOnly")), Obs("cookies", "cookies-session-without-secure-flag-but-protected-by-hsts")),
        ("login not HttpOnly", cookie("Set-Cookie: login=1; Secure"), Obs("cookies", "cookies-session-without-httponly-flag")),
        ("bad SameSite value", cookie("Set-Cookie: theme=1; Secure; SameSite=Yes"), Obs("cookies", "cookies-samesite-flag-invalid")),
        ("SameSite without value", cookie("Set-Cookie: theme=1; Secure; SameSite"), Obs("cookies", "cookies-samesite-flag-invalid")),
        ("SameSite=None without Secure", cookie(&format!("{hsts6}Set-Cookie: theme=1; SameSite=None")), Obs("cookies", "cookies-samesite-flag-invalid")),
        ("anti-CSRF without SameSite", cookie("Set-Cookie: csrftoken=1; Secure"), Obs("cookies", "cookies-anticsrf-without-samesite-flag")),
        ("the worst wins", cookie("Set-Cookie: theme=1\nSet-Cookie: sessionid=2"), Obs("cookies", "cookies-session-without-secure-flag")),
        ("heroku affinity ignored", cookie("Set-Cookie: heroku-session-affinity=x"), Obs("cookies", "cookies-not-found")),
        ("cookies across the redirect count", from_http("HTTP/1.1 301 M\nLocation: https://example.test/\nSet-Cookie: sessionid=1\n\nHTTP/2 200\n\n"), Obs("cookies", "cookies-session-without-secure-flag")),
    ];
    run(&cases);
}

#[test]
fn observatory_other_tests() {
    use E::*;
    let cases = vec![
        ("CORS none", https("Content-Type: text/html"), Obs("cross-origin-resource-sharing", "cross-origin-resource-sharing-not-implemented")),
        ("CORS public", https("Access-Control-Allow-Origin: *"), Obs("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-public-access")),
        ("CORS restricted", https("Access-Control-Allow-Origin: https://app.example.test"), Obs("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-restricted-access")),
        ("CORS reflected with credentials", "* Connected to example.test (127.0.0.1) port 443\n> GET / HTTP/2\n> Host: example.test\n> Origin: https://evil.example\n>\n< HTTP/2 200\n< access-control-allow-origin: https://evil.example\n< access-control-allow-credentials: true\n<\n".to_owned(), Obs("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-universal-access")),
        ("redirect to https", from_http("HTTP/1.1 301 M\nLocation: https://example.test/\n\nHTTP/2 200\n\n"), Obs("redirection", "redirection-to-https")),
        ("no redirect", from_http("HTTP/1.1 200 OK\n\n"), Obs("redirection", "redirection-missing")),
        ("never https", from_http("HTTP/1.1 301 M\nLocation: http://example.test/x\n\nHTTP/1.1 200 OK\n\n"), Obs("redirection", "redirection-not-to-https")),
        ("http first hop", from_http("HTTP/1.1 301 M\nLocation: http://example.test/x\n\nHTTP/1.1 301 M\nLocation: https://example.test/x\n\nHTTP/2 200\n\n"), Obs("redirection", "redirection-not-to-https-on-initial-redirection")),
        ("off host", from_http("HTTP/1.1 301 M\nLocation: https://www.example.test/\n\nHTTP/2 200\n\n"), Obs("redirection", "redirection-off-host-from-http")),
        ("https only paste", https("Content-Type: text/html"), Unjudged("redirection")),
        ("referrer none", https("Content-Type: text/html"), Obs("referrer-policy", "referrer-policy-not-implemented")),
        ("referrer no-referrer", https("Referrer-Policy: no-referrer"), Obs("referrer-policy", "referrer-policy-private")),
        ("referrer same-origin", https("Referrer-Policy: same-origin"), Obs("referrer-policy", "referrer-policy-private")),
        ("referrer strict-origin", https("Referrer-Policy: strict-origin"), Obs("referrer-policy", "referrer-policy-private")),
        ("referrer strict-origin-when-cross-origin", https("Referrer-Policy: Strict-Origin-When-Cross-Origin"), Obs("referrer-policy", "referrer-policy-private")),
        ("referrer origin", https("Referrer-Policy: origin"), Obs("referrer-policy", "referrer-policy-unsafe")),
        ("referrer origin-when-cross-origin", https("Referrer-Policy: origin-when-cross-origin"), Obs("referrer-policy", "referrer-policy-unsafe")),
        ("referrer unsafe-url", https("Referrer-Policy: unsafe-url"), Obs("referrer-policy", "referrer-policy-unsafe")),
        ("referrer no-referrer-when-downgrade", https("Referrer-Policy: no-referrer-when-downgrade"), Obs("referrer-policy", "referrer-policy-unsafe")),
        ("referrer invalid", https("Referrer-Policy: everything"), Obs("referrer-policy", "referrer-policy-header-invalid")),
        ("referrer last valid wins", https("Referrer-Policy: unsafe-url, bogus, no-referrer"), Obs("referrer-policy", "referrer-policy-private")),
        ("HSTS six months", hsts("max-age=15552000"), Obs("strict-transport-security", "hsts-implemented-max-age-at-least-six-months")),
        ("HSTS short", hsts("max-age=15551999"), Obs("strict-transport-security", "hsts-implemented-max-age-less-than-six-months")),
        ("HSTS missing", https("Content-Type: text/html"), Obs("strict-transport-security", "hsts-not-implemented")),
        ("HSTS no max-age", hsts("includeSubDomains"), Obs("strict-transport-security", "hsts-header-invalid")),
        ("HSTS twice", https("Strict-Transport-Security: max-age=31536000\nStrict-Transport-Security: max-age=31536000"), Obs("strict-transport-security", "hsts-header-invalid")),
        ("HSTS non-numeric passes as JavaScript's NaN does", hsts("max-age=forever"), Obs("strict-transport-security", "hsts-implemented-max-age-at-least-six-months")),
        ("HSTS on plain http only", from_http("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=31536000\n\n"), Obs("strict-transport-security", "hsts-not-implemented-no-https")),
        ("SRI needs HTML", https("Content-Type: text/html"), Unjudged("subresource-integrity")),
        ("SRI not html", https("Content-Type: application/json"), Obs("subresource-integrity", "sri-not-implemented-response-not-html")),
        ("nosniff", https("X-Content-Type-Options: nosniff"), Obs("x-content-type-options", "x-content-type-options-nosniff")),
        ("nosniff invalid", https("X-Content-Type-Options: sniff"), Obs("x-content-type-options", "x-content-type-options-header-invalid")),
        ("nosniff missing", https("Content-Type: text/html"), Obs("x-content-type-options", "x-content-type-options-not-implemented")),
        ("XFO deny", https("X-Frame-Options: DENY"), Obs("x-frame-options", "x-frame-options-sameorigin-or-deny")),
        ("XFO sameorigin", https("X-Frame-Options: sameorigin"), Obs("x-frame-options", "x-frame-options-sameorigin-or-deny")),
        ("XFO allow-from", https("X-Frame-Options: ALLOW-FROM https://a.example"), Obs("x-frame-options", "x-frame-options-allow-from-origin")),
        ("XFO invalid", https("X-Frame-Options: DENY\nX-Frame-Options: DENY"), Obs("x-frame-options", "x-frame-options-header-invalid")),
        ("XFO missing", https("Content-Type: text/html"), Obs("x-frame-options", "x-frame-options-not-implemented")),
        ("XFO via CSP", csp("default-src 'self'; frame-ancestors 'none'"), Obs("x-frame-options", "x-frame-options-implemented-via-csp")),
        ("CORP same-origin", https("Cross-Origin-Resource-Policy: same-origin"), Obs("cross-origin-resource-policy", "corp-implemented-with-same-origin")),
        ("CORP same-site", https("Cross-Origin-Resource-Policy: same-site"), Obs("cross-origin-resource-policy", "corp-implemented-with-same-site")),
        ("CORP cross-origin", https("Cross-Origin-Resource-Policy: cross-origin"), Obs("cross-origin-resource-policy", "corp-implemented-with-cross-origin")),
        ("CORP invalid", https("Cross-Origin-Resource-Policy: same"), Obs("cross-origin-resource-policy", "corp-header-invalid")),
        ("CORP missing", https("Content-Type: text/html"), Obs("cross-origin-resource-policy", "corp-not-implemented")),
        ("COOP same-origin", https("Cross-Origin-Opener-Policy: same-origin"), Obs("cross-origin-opener-policy", "coop-implemented-with-same-origin")),
        ("COOP with report-to parameter", https("Cross-Origin-Opener-Policy: same-origin; report-to=\"coop\""), Obs("cross-origin-opener-policy", "coop-implemented-with-same-origin")),
        ("COOP allow-popups", https("Cross-Origin-Opener-Policy: same-origin-allow-popups"), Obs("cross-origin-opener-policy", "coop-implemented-with-same-origin-allow-popups")),
        ("COOP noopener-allow-popups", https("Cross-Origin-Opener-Policy: noopener-allow-popups"), Obs("cross-origin-opener-policy", "coop-implemented-with-noopener-allow-popups")),
        ("COOP unsafe-none", https("Cross-Origin-Opener-Policy: unsafe-none"), Obs("cross-origin-opener-policy", "coop-implemented-with-unsafe-none")),
        ("COOP invalid", https("Cross-Origin-Opener-Policy: same"), Obs("cross-origin-opener-policy", "coop-header-invalid")),
        ("COOP twice", https("Cross-Origin-Opener-Policy: same-origin\nCross-Origin-Opener-Policy: same-origin"), Obs("cross-origin-opener-policy", "coop-header-invalid")),
        ("COEP require-corp", https("Cross-Origin-Embedder-Policy: require-corp"), Obs("cross-origin-embedder-policy", "coep-implemented-with-require-corp")),
        ("COEP credentialless", https("Cross-Origin-Embedder-Policy: credentialless"), Obs("cross-origin-embedder-policy", "coep-implemented-with-credentialless")),
        ("COEP unsafe-none", https("Cross-Origin-Embedder-Policy: unsafe-none"), Obs("cross-origin-embedder-policy", "coep-implemented-with-unsafe-none")),
        ("COEP invalid", https("Cross-Origin-Embedder-Policy: corp"), Obs("cross-origin-embedder-policy", "coep-header-invalid")),
    ];
    run(&cases);
}

#[test]
fn cookies_framing_and_legacy_findings() {
    use E::*;
    let cases = vec![
        ("no Secure", cookie("Set-Cookie: theme=1"), Has("cookie.no-secure")),
        ("Secure present", cookie("Set-Cookie: theme=1; Secure; SameSite=Lax"), Not("cookie.no-secure")),
        ("SameSite=None without Secure", cookie("Set-Cookie: a=1; SameSite=None"), Has("cookie.samesite-none-insecure")),
        ("invalid SameSite", cookie("Set-Cookie: a=1; Secure; SameSite=Sometimes"), Has("cookie.samesite-invalid")),
        ("missing SameSite", cookie("Set-Cookie: a=1; Secure"), Has("cookie.samesite-missing")),
        ("session without HttpOnly", cookie("Set-Cookie: auth_token=1; Secure"), Has("cookie.no-httponly")),
        ("CSRF token may be script-readable", cookie("Set-Cookie: csrftoken=1; Secure; SameSite=Lax"), Not("cookie.no-httponly")),
        ("__Host- without Path=/", cookie("Set-Cookie: __Host-id=1; Secure"), Has("cookie.host-prefix-violated")),
        ("__Host- with Domain", cookie("Set-Cookie: __Host-id=1; Secure; Path=/; Domain=example.test"), Has("cookie.host-prefix-violated")),
        ("__Host- correct", cookie("Set-Cookie: __Host-id=1; Secure; Path=/; HttpOnly; SameSite=Lax"), Not("cookie.host-prefix-violated")),
        ("__Secure- without Secure", cookie("Set-Cookie: __Secure-id=1"), Has("cookie.secure-prefix-violated")),
        ("session without prefix", cookie("Set-Cookie: sessionid=1; Secure; HttpOnly; SameSite=Lax"), Has("cookie.no-prefix")),
        ("Domain widens scope", cookie("Set-Cookie: a=1; Secure; Domain=.example.test"), Has("cookie.domain-scope")),
        ("persistent session", cookie("Set-Cookie: sessionid=1; Secure; HttpOnly; Max-Age=31536000"), Has("cookie.persistent-session")),
        ("nameless cookie", cookie("Set-Cookie: justavalue"), Has("cookie.malformed")),
        ("cookie over http", from_http("HTTP/1.1 200 OK\nSet-Cookie: a=1\n\n"), Has("cookie.set-over-http")),
        ("cacheable cookie response", cookie("Set-Cookie: a=1; Secure; SameSite=Lax"), Has("cookie.cacheable")),
        ("private cookie response", cookie("Cache-Control: private\nSet-Cookie: a=1; Secure; SameSite=Lax"), Not("cookie.cacheable")),
        ("framing unprotected", https("Content-Type: text/html"), Has("header.framing-unprotected")),
        ("frame-ancestors protects", csp("default-src 'self'; frame-ancestors 'self'"), Not("header.framing-unprotected")),
        ("ALLOW-FROM", https("X-Frame-Options: ALLOW-FROM https://a.example"), Has("header.xfo-allow-from")),
        ("XFO invalid", https("X-Frame-Options: ALLOWALL"), Has("header.xfo-invalid")),
        ("nosniff missing", https("Content-Type: text/html"), Has("header.nosniff-missing")),
        ("nosniff invalid", https("X-Content-Type-Options: yes"), Has("header.nosniff-invalid")),
        ("referrer unsafe", https("Referrer-Policy: unsafe-url"), Has("header.referrer-policy-unsafe")),
        ("referrer invalid", https("Referrer-Policy: nope"), Has("header.referrer-policy-invalid")),
        ("permissions missing", https("Content-Type: text/html"), Has("header.permissions-policy-missing")),
        ("permissions invalid syntax", https("Permissions-Policy: camera 'none'"), Has("header.permissions-policy-invalid")),
        ("permissions valid", https("Permissions-Policy: camera=(), geolocation=(self \"https://maps.example\")"), Not("header.permissions-policy-invalid")),
        ("COOP invalid", https("Cross-Origin-Opener-Policy: strict"), Has("header.cross-origin-invalid")),
        ("CORP invalid", https("Cross-Origin-Resource-Policy: nobody"), Has("header.corp-invalid")),
        ("CORS wildcard with credentials", https("Access-Control-Allow-Origin: *\nAccess-Control-Allow-Credentials: true"), Has("header.cors-wildcard-credentials")),
        ("CORS null", https("Access-Control-Allow-Origin: null"), Has("header.cors-null")),
        ("HPKP", https("Public-Key-Pins: pin-sha256=\"x\"; max-age=10"), Has("header.hpkp")),
        ("Expect-CT", https("Expect-CT: max-age=0"), Has("header.expect-ct")),
        ("X-XSS-Protection on", https("X-XSS-Protection: 1; mode=block"), Has("header.x-xss-protection")),
        ("X-XSS-Protection off is fine", https("X-XSS-Protection: 0"), Not("header.x-xss-protection")),
        ("Feature-Policy", https("Feature-Policy: camera 'none'"), Has("header.feature-policy")),
        ("X-Powered-By", https("X-Powered-By: Express"), Has("header.info-leak")),
        ("Server with version", https("Server: Apache/2.4.41 (Ubuntu)"), Has("header.info-leak")),
        ("Server without version", https("Server: cloudflare"), Not("header.info-leak")),
        ("TRACE allowed", https("Allow: GET, HEAD, TRACE"), Has("header.trace-allowed")),
        ("folded header", https("Content-Security-Policy: default-src 'self';\n  object-src 'none'"), Has("header.obs-fold")),
        ("no CSP", https("Content-Type: text/html"), Has("csp.missing")),
        ("temporary redirect", from_http("HTTP/1.1 302 Found\nLocation: https://example.test/\n\nHTTP/2 200\n\n"), Has("transport.temporary-redirect")),
        ("permanent redirect", from_http("HTTP/1.1 308 Permanent Redirect\nLocation: https://example.test/\n\nHTTP/2 200\n\n"), Not("transport.temporary-redirect")),
        ("no redirect", from_http("HTTP/1.1 200 OK\n\n"), Has("transport.no-redirect")),
        ("HTTP/3 offered", https("Alt-Svc: h3=\":443\"; ma=86400"), Has("transport.http3")),
    ];
    run(&cases);
}

/// The recorded `curl -sIL` transcript of tests/data/http/record.sh's "shop" site, checked
/// against a hand computation from the Observatory's public score table.
#[test]
fn shop_transcript_matches_a_hand_computed_observatory_score() {
    let text = std::fs::read_to_string("tests/data/http/shop-sIL.txt").unwrap();
    let s = site(&text);
    let hops: Vec<(Option<u16>, Option<&str>)> = s
        .responses
        .iter()
        .map(|r| (r.status, r.url.as_deref()))
        .collect();
    assert_eq!(
        hops,
        vec![
            (Some(301), Some("http://shop.certscope.test/")),
            (Some(200), Some("https://shop.certscope.test/"))
        ]
    );
    let result = |t: &str| {
        s.observatory
            .tests
            .iter()
            .find(|x| x.test == t)
            .unwrap()
            .result
    };
    // script-src 'unsafe-inline' → -20; csrftoken without SameSite → -20 (worse than the
    // HSTS-protected session cookie's -10); X-Frame-Options SAMEORIGIN +5 is extra credit,
    // which needs ≥ 90; everything else 0. 100 − 20 − 20 = 60 → C+.
    assert_eq!(
        result("content-security-policy"),
        "csp-implemented-with-unsafe-inline"
    );
    assert_eq!(result("cookies"), "cookies-anticsrf-without-samesite-flag");
    assert_eq!(result("redirection"), "redirection-to-https");
    assert_eq!(
        result("strict-transport-security"),
        "hsts-implemented-max-age-at-least-six-months"
    );
    assert_eq!(
        result("x-frame-options"),
        "x-frame-options-sameorigin-or-deny"
    );
    assert_eq!((s.observatory.score, s.observatory.grade), (60, "C+"));
    let ids: Vec<&str> = s.findings.iter().map(|f| f.id).collect();
    for id in [
        "csp.script-unsafe-inline",
        "cookie.no-secure",
        "cookie.samesite-missing",
        "hsts.no-subdomains",
        "header.info-leak",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let codes: Vec<&str> = s.preload_issues.iter().map(|i| i.code).collect();
    assert!(
        codes.contains(&"header.preloadable.max_age.below_1_year"),
        "{codes:?}"
    );
    assert!(
        codes.contains(&"redirects.http.first_redirect.no_hsts"),
        "{codes:?}"
    );
    let unsafe_inline = s
        .findings
        .iter()
        .find(|f| f.id == "csp.script-unsafe-inline")
        .unwrap();
    let tool = unsafe_inline.csp_evaluator.as_ref().unwrap();
    assert_eq!((tool.kind, tool.severity), ("SCRIPT_UNSAFE_INLINE", "HIGH"));
    let snippets = unsafe_inline.snippets.as_ref().unwrap();
    assert!(snippets
        .nginx
        .starts_with("add_header Content-Security-Policy "));
    // Cookie values are secrets: never copied into the report.
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("8f2b1c9d0e"));
}

#[test]
fn recorded_transcripts_score_as_computed_by_hand() {
    for (file, score, grade) in [
        // 100 +10 (default-src 'none') +5 (cookies with SameSite) +5 (referrer) +5 (XFO via
        // CSP) +10 (CORP): every penalty is 0, so extra credit applies. (COOP's +10 is not in
        // the released Observatory's score.)
        ("strict-sIL.txt", 135, "A+"),
        // CSP missing −25, session cookie without Secure −40 (worse than without HttpOnly),
        // no redirect −20, HSTS without HTTPS −20, nosniff −5, framing −20 → below 0 → 0.
        ("legacy-sIL.txt", 0, "F"),
        // Two HSTS headers −20, report-only CSP −25, SameSite=None without Secure −20,
        // nosniff −5; ALLOW-FROM 0 → 30.
        ("legacy-www-sI.txt", 30, "D"),
        // CSP −25, CORS reflecting the request's Origin with credentials −50, framing −20.
        ("api-v.txt", 5, "F"),
        ("shop-no-command.txt", 60, "C+"),
    ] {
        let text = std::fs::read_to_string(format!("tests/data/http/{file}")).unwrap();
        let s = site(&text);
        assert_eq!(
            (s.observatory.score, s.observatory.grade),
            (score, grade),
            "{file}"
        );
    }
}

#[test]
fn the_grade_chart() {
    use certscope::ObservatoryTest;
    let t = |m: i32| ObservatoryTest {
        test: "x",
        result: "y",
        modifier: m,
        pass: true,
        judged: true,
        note: None,
    };
    let score = |ms: &[i32]| {
        let tests: Vec<ObservatoryTest> = ms.iter().map(|m| t(*m)).collect();
        certscope::observatory_score(&tests)
    };
    assert_eq!(score(&[]), 100);
    assert_eq!(score(&[-10, 5]), 95, "extra credit at 90");
    assert_eq!(score(&[-15, 5]), 85, "no extra credit below 90");
    assert_eq!(score(&[-80, -50]), 0, "never negative");
    for (s, g) in [
        (145, "A+"),
        (100, "A+"),
        (99, "A"),
        (90, "A"),
        (89, "A-"),
        (84, "B+"),
        (70, "B"),
        (65, "B-"),
        (60, "C+"),
        (50, "C"),
        (45, "C-"),
        (40, "D+"),
        (30, "D"),
        (25, "D-"),
        (24, "F"),
        (0, "F"),
    ] {
        assert_eq!(certscope::observatory_grade(s), g, "{s}");
    }
}

#[test]
fn pasted_forms_are_all_read() {
    // Devtools: name and value on alternate lines, no status line.
    let devtools = "content-security-policy\ndefault-src 'none'\nstrict-transport-security\nmax-age=63072000\nx-content-type-options\nnosniff\n";
    let s = site(devtools);
    assert_eq!(s.responses[0].status, None);
    assert_eq!(s.responses[0].headers.len(), 3);
    assert!(s
        .notes
        .iter()
        .any(|n| n.contains("assumes it came over HTTPS")));
    // curl -v: the response behind "< ", the URL from the request lines.
    let s = site(&std::fs::read_to_string("tests/data/http/api-v.txt").unwrap());
    assert_eq!(s.url.as_deref(), Some("https://api.certscope.test/"));
    assert_eq!(s.responses[0].url_source, Some("request"));
    // Garbage lines inside a header block are reported with their line number and skipped.
    let report = inspect(
        b"HTTP/1.1 200 OK\nContent-Type: text/html\nthis is not a header\nX-Frame-Options: DENY\n",
        &Options::at(AT),
    )
    .unwrap();
    let problem = &report.errors[0];
    assert_eq!(
        (problem.code, problem.location.line),
        ("http-line", Some(3))
    );
    assert_eq!(report.http[0].responses[0].headers.len(), 2);
    // Several unrelated responses are several sites.
    let two = "HTTP/1.1 200 OK\nServer: a\n\nHTTP/1.1 404 Not Found\nServer: b\n\n";
    let report = inspect(two.as_bytes(), &Options::at(AT)).unwrap();
    assert_eq!(report.http.len(), 2);
    assert!(report.http[1]
        .notes
        .iter()
        .any(|n| n.contains("error (404)")));
    // Certificates and headers in one paste: both analysed, nothing reported unreadable.
    let pem = std::fs::read_to_string("tests/data/roots/ISRG_Root_X1.pem").unwrap();
    let mixed = format!(
        "{pem}\n{}",
        std::fs::read_to_string("tests/data/http/shop-sIL.txt").unwrap()
    );
    let report = inspect(mixed.as_bytes(), &Options::at(AT)).unwrap();
    assert_eq!(
        (
            report.certificates.len(),
            report.http.len(),
            report.errors.len()
        ),
        (1, 1, 0)
    );
}

#[test]
fn bounds_hold() {
    // More header fields than the limit: read up to it, report the rest.
    let many: String = (0..400).map(|i| format!("X-H{i}: v\n")).collect();
    let report = inspect(
        format!("HTTP/1.1 200 OK\n{many}").as_bytes(),
        &Options::at(AT),
    )
    .unwrap();
    assert_eq!(
        report.http[0].responses[0].headers.len(),
        certscope::MAX_HEADERS
    );
    assert!(report
        .errors
        .iter()
        .any(|p| p.message.contains("more than")));
    // An enormous header value is cut, not copied whole.
    let long = "a".repeat(100_000);
    let report = inspect(
        format!("HTTP/1.1 200 OK\nContent-Security-Policy: script-src {long}\n").as_bytes(),
        &Options::at(AT),
    )
    .unwrap();
    assert!(report.http[0].responses[0].headers[0].value.len() <= certscope::MAX_HEADER_BYTES);
    // A policy with more directives than are read: the rest is reported, not parsed.
    let directives: String = (0..300).map(|i| format!("x{i}-src 'self'; ")).collect();
    let report = inspect(
        format!("HTTP/2 200\ncontent-security-policy: {directives}\n").as_bytes(),
        &Options::at(AT),
    )
    .unwrap();
    let site = &report.http[0];
    assert!(site.findings.iter().any(|f| f.id == "csp.too-large"));
    assert_eq!(site.csp.as_ref().unwrap().policies[0].len(), 128);
    // More responses than the limit.
    let responses: String = (0..100).map(|_| "HTTP/1.1 200 OK\nServer: x\n\n").collect();
    let report = inspect(responses.as_bytes(), &Options::at(AT)).unwrap();
    assert_eq!(report.http.len(), certscope::MAX_RESPONSES);
}

/// Where the anchors are known to be wrong, certscope reports the anchor's verdict and its
/// own beside it (issue 16). Each case names the anchor's behaviour it guards.
#[test]
fn certscope_says_where_it_reads_differently_from_the_anchors() {
    // The Observatory joins two CSP headers into one policy (Node joins repeated headers with
    // ", "), so a site that narrows its policy with a second header gets csp-header-invalid;
    // browsers enforce each header, and the note says so with certscope's reading.
    let s = site(&https("Content-Security-Policy: default-src 'self'; script-src 'unsafe-inline' 'self'\nContent-Security-Policy: default-src 'self'; script-src 'self'"));
    let csp = s
        .observatory
        .tests
        .iter()
        .find(|t| t.test == "content-security-policy")
        .unwrap();
    assert_eq!(csp.result, "csp-header-invalid");
    let note = csp.note.as_deref().unwrap();
    assert!(note.contains("csp-implemented-with-no-unsafe"), "{note}");

    let evaluator = |policy: &str| {
        let s = site(&https(&format!("Content-Security-Policy: {policy}")));
        s.csp.unwrap().evaluator
    };
    // The CSP Evaluator drops the Google Tag Manager bypass without 'unsafe-eval' (NEEDS_EVAL);
    // certscope's own finding says why it still matters (csp-evaluator issue 61).
    let gtm = evaluator("script-src https://www.googletagmanager.com; object-src 'none'");
    assert!(!gtm.iter().any(|f| f.kind == "SCRIPT_ALLOWLIST_BYPASS"
        && f.severity == "HIGH"
        && f.source == certscope::CspSource::Evaluator));
    assert!(gtm.iter().any(|f| f.kind == "SCRIPT_ALLOWLIST_BYPASS"
        && f.severity == "HIGH"
        && f.source == certscope::CspSource::Certscope));
    // The Evaluator accepts a hash of any length; one that cannot be a SHA-256 digest matches
    // nothing, and certscope says so.
    let hash = evaluator("script-src 'sha256-1DCfk1NYWuHMfoobarfoobar='; object-src 'none'");
    assert!(hash
        .iter()
        .any(|f| f.kind == "HASH_LENGTH" && f.source == certscope::CspSource::Certscope));
    assert!(!hash.iter().any(|f| f.kind == "INVALID_KEYWORD"));
    // The Evaluator's own findings come first, then its strict-CSP and reporting checks, then
    // certscope's.
    let order: Vec<u8> = hash.iter().map(|f| f.source as u8).collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    // The Observatory's redirection result cannot tell a downgrade from a site that never
    // reaches HTTPS; its note says which this is.
    let down = site("$ curl -sIL http://down.test/\nHTTP/1.1 301 Moved Permanently\nLocation: https://down.test/\n\nHTTP/1.1 301 Moved Permanently\nLocation: http://down.test/page\n\nHTTP/1.1 200 OK\nContent-Type: text/html\n\n");
    let redirection = down
        .observatory
        .tests
        .iter()
        .find(|t| t.test == "redirection")
        .unwrap();
    assert_eq!(redirection.result, "redirection-not-to-https");
    assert!(redirection.note.as_deref().unwrap().contains("downgrade"));
    assert!(down
        .findings
        .iter()
        .any(|f| f.id == "transport.redirect-downgrade"));
    // An empty header is judged as the empty policy it is.
    assert!(evaluator("")
        .iter()
        .any(|f| f.kind == "MISSING_DIRECTIVES" && f.directive == "script-src"));
}
