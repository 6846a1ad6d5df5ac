//! The Observatory's `cookies` test, on the cookies its jar (tough-cookie) would keep.

use super::super::cookies::{self, CookieReport};
use super::{t, Inputs, ObservatoryTest};

/// The `cookies` test (`src/analyzer/tests/cookies.js`).
pub(super) fn run(i: &Inputs<'_>, hsts: bool) -> ObservatoryTest {
    // Order of "goodness", best first (cookies.js); a later one replaces an earlier one.
    const ORDER: &[&str] = &[
        "cookies-without-secure-flag-but-protected-by-hsts",
        "cookies-without-secure-flag",
        "cookies-session-without-secure-flag-but-protected-by-hsts",
        "cookies-samesite-flag-invalid",
        "cookies-anticsrf-without-samesite-flag",
        "cookies-session-without-httponly-flag",
        "cookies-session-without-secure-flag",
    ];
    let rank = |r: &str| ORDER.iter().position(|o| *o == r);
    let mut result: Option<&'static str> = None;
    let mut worse = |r: &'static str| {
        if result.is_none_or(|old| rank(r) > rank(old)) {
            result = Some(r);
        }
    };
    for f in i.last.all("set-cookie") {
        let bad = f.value.split(';').skip(1).any(|p| {
            let (k, v) = p.split_once('=').map_or((p, None), |(k, v)| (k, Some(v)));
            k.trim().eq_ignore_ascii_case("samesite")
                && v.is_none_or(|v| {
                    !["lax", "strict", "none"].contains(&v.trim().to_lowercase().as_str())
                })
        });
        if bad {
            worse("cookies-samesite-flag-invalid");
        }
    }
    let jar: Vec<&CookieReport> = jar(i)
        .into_iter()
        .filter(|c| c.name != "heroku-session-affinity")
        .collect();
    let mut missing_same_site = false;
    for c in &jar {
        let session = cookies::observatory_session(&c.name);
        let same_site = c
            .same_site
            .as_deref()
            .map(str::to_lowercase)
            .filter(|v| ["lax", "strict", "none"].contains(&v.as_str()));
        if !c.secure && same_site.as_deref() == Some("none") {
            worse("cookies-samesite-flag-invalid");
        }
        if !c.secure {
            worse(if hsts {
                "cookies-without-secure-flag-but-protected-by-hsts"
            } else {
                "cookies-without-secure-flag"
            });
        }
        if c.name.to_lowercase().contains("csrf") && same_site.is_none() {
            worse("cookies-anticsrf-without-samesite-flag");
        }
        if session && !c.secure {
            worse(if hsts {
                "cookies-session-without-secure-flag-but-protected-by-hsts"
            } else {
                "cookies-session-without-secure-flag"
            });
        }
        if session && !c.http_only {
            worse("cookies-session-without-httponly-flag");
        }
        missing_same_site |= same_site.is_none();
    }
    // As in cookies.js, an empty jar is "not found" even when a raw Set-Cookie had a bad
    // SameSite: the jar dropped that cookie, and so would a browser.
    let r = match result {
        _ if jar.is_empty() => "cookies-not-found",
        Some(r) => r,
        None if missing_same_site => "cookies-secure-with-httponly-sessions",
        None => "cookies-secure-with-httponly-sessions-and-samesite",
    };
    let mut test = t(
        "cookies",
        r,
        matches!(
            r,
            "cookies-not-found"
                | "cookies-secure-with-httponly-sessions-and-samesite"
                | "cookies-secure-with-httponly-sessions"
        ),
    );
    if jar.is_empty() && i.last.first("set-cookie").is_none() {
        test.note = Some(
            "No cookies were set in the pasted responses; a logged-in page may set more.".into(),
        );
    }
    test
}

/// The cookies a browser (and the Observatory's cookie jar, tough-cookie) keeps from the
/// site's responses (RFC 6265 §5.3, RFC 6265bis §4.1.3): a Domain that does not cover the host,
/// a `__Secure-` cookie without Secure and a `__Host-` cookie without Secure, with a Domain or
/// with a path other than `/` are dropped, and a later cookie with the same name, domain and
/// path replaces an earlier one.
fn jar<'a>(i: &Inputs<'a>) -> Vec<&'a CookieReport> {
    let host = i
        .last
        .url
        .as_ref()
        .and_then(|(u, _)| u.host_str())
        .map(str::to_ascii_lowercase);
    let mut kept: Vec<(&CookieReport, String, String)> = Vec::new();
    for c in i.cookies.iter().filter(|c| !c.name.is_empty()) {
        let domain = c
            .domain
            .as_deref()
            .map(|d| d.trim().trim_start_matches('.').to_ascii_lowercase())
            .filter(|d| !d.is_empty());
        if let (Some(d), Some(h)) = (&domain, &host) {
            if h != d && !h.ends_with(&format!(".{d}")) {
                continue;
            }
        }
        let path = c
            .path
            .as_deref()
            .map(str::trim)
            .filter(|p| p.starts_with('/'))
            .unwrap_or("/");
        if c.name.starts_with("__Secure-") && !c.secure {
            continue;
        }
        if c.name.starts_with("__Host-") && !(c.secure && domain.is_none() && path == "/") {
            continue;
        }
        let scope = domain.or_else(|| host.clone()).unwrap_or_default();
        kept.retain(|(k, d, p)| !(k.name == c.name && *d == scope && p == path));
        kept.push((c, scope, path.to_owned()));
    }
    kept.into_iter().map(|(c, _, _)| c).collect()
}
