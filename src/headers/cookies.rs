//! `Set-Cookie` ([RFC 6265] and its update, [RFC 6265bis]): attributes, prefixes, scope.
//!
//! Cookie *values* are never copied into the report: a pasted session cookie is a secret.
//!
//! [RFC 6265]: https://www.rfc-editor.org/rfc/rfc6265#section-4.1
//! [RFC 6265bis]: https://datatracker.ietf.org/doc/draft-ietf-httpbis-rfc6265bis/

use serde::Serialize;

use super::fixes;
use super::message::Message;
use super::refs;
use crate::lint::finding;
use crate::{Finding, Severity};

/// One cookie a response sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CookieReport {
    /// The cookie's name.
    pub name: String,
    /// Length of its value in bytes (the value itself is not repeated).
    pub value_bytes: usize,
    /// 1-based line of the `Set-Cookie` field.
    pub line: usize,
    /// Sent only over HTTPS.
    pub secure: bool,
    /// Hidden from JavaScript.
    pub http_only: bool,
    /// The SameSite value as written, if any.
    pub same_site: Option<String>,
    /// The Domain attribute, if any (the cookie then goes to every subdomain too).
    pub domain: Option<String>,
    /// The Path attribute, if any.
    pub path: Option<String>,
    /// Expires or Max-Age as written; `None` for a session cookie.
    pub lifetime: Option<String>,
    /// Looks like a session or login cookie (its name says so).
    pub session_like: bool,
}

/// The Observatory's session heuristic: the name contains "login" or "sess".
pub(crate) fn observatory_session(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("login") || n.contains("sess")
}

fn session_like(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    observatory_session(name)
        || ["auth", "token", "sid", "jwt"]
            .iter()
            .any(|k| n.contains(k))
}

/// Anti-CSRF tokens are often read by the page's own script (double-submit), so they are
/// not treated as session cookies for HttpOnly.
fn anti_csrf(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("csrf") || n.contains("xsrf")
}

/// Reads one `Set-Cookie` value.
pub(crate) fn parse(value: &str, line: usize) -> CookieReport {
    let mut parts = value.split(';');
    let pair = parts.next().unwrap_or("");
    let (name, val) = pair.split_once('=').unwrap_or(("", pair));
    let mut c = CookieReport {
        name: name.trim().to_owned(),
        value_bytes: val.trim().len(),
        line,
        secure: false,
        http_only: false,
        same_site: None,
        domain: None,
        path: None,
        lifetime: None,
        session_like: session_like(name.trim()) && !anti_csrf(name.trim()),
    };
    for attr in parts {
        let (k, v) = attr.split_once('=').map_or((attr, ""), |(k, v)| (k, v));
        let v = v.trim();
        match k.trim().to_ascii_lowercase().as_str() {
            "secure" => c.secure = true,
            "httponly" => c.http_only = true,
            "samesite" => c.same_site = Some(v.to_owned()),
            "domain" => c.domain = Some(v.to_owned()),
            "path" => c.path = Some(v.to_owned()),
            "expires" if c.lifetime.is_none() => c.lifetime = Some(format!("Expires={v}")),
            "max-age" => c.lifetime = Some(format!("Max-Age={v}")),
            _ => {}
        }
    }
    c
}

/// All cookies the responses set, in order.
pub(crate) fn collect(messages: &[&Message]) -> Vec<CookieReport> {
    messages
        .iter()
        .flat_map(|m| m.all("set-cookie"))
        .map(|f| parse(&f.value, f.line))
        .collect()
}

fn valid_same_site(v: &str) -> bool {
    ["lax", "strict", "none"].contains(&v.to_ascii_lowercase().as_str())
}

/// Findings about each cookie, and about caching a response that sets one.
pub(crate) fn check(cookies: &[CookieReport], messages: &[&Message], out: &mut Vec<Finding>) {
    for c in cookies {
        let at = format!("Set-Cookie {} (line {})", c.name, c.line);
        if c.name.is_empty() {
            out.push(finding("cookie.malformed", Severity::Warning, "Set-Cookie without a name=value pair", "A Set-Cookie header must start with name=value (RFC 6265 §4.1.1). Browsers store a nameless cookie from this, which is rarely what the application meant.", at.clone(), refs::RFC6265, "Fix the application code that builds this header."));
            continue;
        }
        let same_site_none = c
            .same_site
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case("none"));
        if !c.secure {
            let (sev, obs) = if c.session_like {
                (Severity::Error, "cookies-session-without-secure-flag")
            } else {
                (Severity::Warning, "cookies-without-secure-flag")
            };
            out.push(finding("cookie.no-secure", sev, format!("Cookie {} is not marked Secure", c.name),
                "Without Secure the browser also sends this cookie over plain HTTP, where anyone on the network (public Wi-Fi, a hostile router) can read and reuse it. HSTS narrows that window but does not close it for first visits or other subdomains.",
                at.clone(), refs::RFC6265_SECURE, "Add the Secure attribute.").observatory(obs).snippets(fixes::cookie("Secure")));
        }
        if same_site_none && !c.secure {
            out.push(finding("cookie.samesite-none-insecure", Severity::Error, format!("Cookie {} has SameSite=None without Secure", c.name),
                "Browsers reject a SameSite=None cookie that is not also Secure: this cookie is not stored at all, so whatever relies on it (a login, a cross-site embed) silently breaks.",
                at.clone(), refs::RFC6265BIS_SAMESITE, "Add Secure, or use SameSite=Lax if the cookie is not needed cross-site.").observatory("cookies-samesite-flag-invalid").snippets(fixes::cookie("Secure; SameSite=None")));
        }
        match &c.same_site {
            Some(v) if !valid_same_site(v) => out.push(finding("cookie.samesite-invalid", Severity::Warning, format!("Cookie {} has an invalid SameSite value", c.name),
                format!("SameSite must be Strict, Lax or None; {v:?} is ignored, so the browser's default (Lax in Chromium, None in some others) applies instead of what was meant."),
                at.clone(), refs::RFC6265BIS_SAMESITE, "Use SameSite=Lax (or Strict).").observatory("cookies-samesite-flag-invalid").snippets(fixes::cookie("SameSite=Lax"))),
            None => out.push(finding("cookie.samesite-missing", Severity::Info, format!("Cookie {} has no SameSite attribute", c.name),
                "Without SameSite, Chromium treats the cookie as Lax but other browsers may still send it on cross-site requests, which is what cross-site request forgery needs. Say what you mean.",
                at.clone(), refs::RFC6265BIS_SAMESITE, "Add SameSite=Lax (or Strict for cookies never needed on incoming links).").snippets(fixes::cookie("SameSite=Lax"))),
            _ => {}
        }
        if c.session_like && !c.http_only {
            out.push(finding("cookie.no-httponly", Severity::Warning, format!("Session cookie {} is readable by JavaScript", c.name),
                "The name suggests a session or login cookie. Without HttpOnly, any script injected into the page (an XSS bug, a compromised third-party script) can read and steal it.",
                at.clone(), refs::RFC6265_HTTPONLY, "Add HttpOnly unless the page's own JavaScript really must read it.").observatory("cookies-session-without-httponly-flag").snippets(fixes::cookie("HttpOnly")));
        }
        if c.name.starts_with("__Host-") {
            let mut broken = Vec::new();
            if !c.secure {
                broken.push("Secure is missing");
            }
            if c.domain.is_some() {
                broken.push("a Domain attribute is set");
            }
            if c.path.as_deref() != Some("/") {
                broken.push("Path is not /");
            }
            if !broken.is_empty() {
                out.push(finding("cookie.host-prefix-violated", Severity::Error, format!("Cookie {} breaks the __Host- prefix rules", c.name),
                    format!("A __Host- cookie must be Secure, have Path=/ and no Domain; browsers reject it otherwise, so it is never stored. Here: {}.", broken.join(", ")),
                    at.clone(), refs::RFC6265BIS_PREFIXES, "Send it with Secure; Path=/ and without Domain.").snippets(fixes::cookie("Secure; Path=/")));
            }
        } else if c.name.starts_with("__Secure-") && !c.secure {
            out.push(finding("cookie.secure-prefix-violated", Severity::Error, format!("Cookie {} breaks the __Secure- prefix rule", c.name),
                "A __Secure- cookie must be set with Secure; browsers reject it otherwise, so it is never stored.",
                at.clone(), refs::RFC6265BIS_PREFIXES, "Add Secure.").snippets(fixes::cookie("Secure")));
        } else if c.session_like {
            out.push(finding("cookie.no-prefix", Severity::Info, format!("Session cookie {} could use the __Host- prefix", c.name),
                "A __Host- prefix makes the browser enforce Secure, Path=/ and no Domain, so a subdomain or a plain-HTTP page cannot overwrite (\"toss\") this cookie. certscope's own grade counts this; the Observatory does not.",
                at.clone(), refs::RFC6265BIS_PREFIXES, "Rename it __Host-<name> and set Secure; Path=/ without Domain.").snippets(fixes::cookie("Secure; Path=/")));
        }
        if let Some(d) = &c.domain {
            out.push(finding("cookie.domain-scope", Severity::Info, format!("Cookie {} is shared with every subdomain of {}", c.name, d.trim_start_matches('.')),
                "With a Domain attribute the browser sends the cookie to that domain and all its subdomains; any of them (a forgotten staging host, a user-content site) can read or overwrite it. Without Domain it stays on the exact host that set it.",
                at.clone(), refs::RFC6265_DOMAIN, "Drop the Domain attribute unless subdomains really need the cookie."));
        }
        if c.session_like {
            if let Some(life) = &c.lifetime {
                out.push(finding("cookie.persistent-session", Severity::Info, format!("Session cookie {} outlives the browser session", c.name),
                    format!("It has {life}, so it survives closing the browser; a stolen or shared computer keeps the login. Fine for \"remember me\", worth knowing otherwise."),
                    at.clone(), refs::RFC6265, ""));
            }
        }
    }
    for m in messages {
        if m.first("set-cookie").is_none() {
            continue;
        }
        if m.is_https() == Some(false) {
            out.push(finding("cookie.set-over-http", Severity::Warning, "A cookie is set over plain HTTP",
                "This response came over http://, so the cookie travelled in clear text and anyone on the path could read or change it, Secure attribute or not.",
                format!("Set-Cookie on the http response at line {}", m.line), refs::RFC6265_SECURE, "Redirect to HTTPS first and set cookies only there.").snippets(fixes::https_redirect()));
        }
        let cc = m
            .joined("cache-control")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !(cc.contains("private") || cc.contains("no-store") || cc.contains("no-cache"))
            && m.status == Some(200)
        {
            out.push(finding("cookie.cacheable", Severity::Warning, "A response that sets cookies may be cached by shared caches",
                "Its Cache-Control allows a CDN or proxy to store it, and a cache that keeps Set-Cookie can hand one visitor's session to the next.",
                format!("Cache-Control: {}{} (line {})", if cc.is_empty() { "absent" } else { cc.as_str() },
                    m.url.as_ref().map_or_else(String::new, |(u, _)| format!(" on {u}")), m.line),
                refs::RFC9111_PRIVATE, "Send Cache-Control: private (or no-store) on responses that set cookies.").snippets(fixes::set("Cache-Control", "private, no-store")));
        }
    }
}

/// A Set-Cookie value with the cookie's value replaced by its length: session cookies are
/// secrets and the report may be shared.
pub(crate) fn redact(value: &str) -> String {
    let (pair, attributes) = value
        .split_once(';')
        .map_or((value, None), |(p, a)| (p, Some(a)));
    let redacted = match pair.split_once('=') {
        Some((name, v)) => format!("{}=<{} bytes hidden>", name.trim(), v.trim().len()),
        None => format!("<{} bytes hidden>", pair.trim().len()),
    };
    match attributes {
        Some(a) => format!("{redacted};{a}"),
        None => redacted,
    }
}
