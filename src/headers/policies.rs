//! Framing and content policies: X-Frame-Options against CSP `frame-ancestors`,
//! X-Content-Type-Options, Referrer-Policy, Permissions-Policy, COOP / COEP / CORP and CORS.

use super::csp::policy::Csp;
use super::message::Message;
use super::{fixes, refs};
use crate::lint::finding;
use crate::{Finding, Severity};

/// Referrer policies that keep the full URL from other sites.
pub(crate) const REFERRER_PRIVATE: &[&str] = &[
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
];
/// Referrer policies that leak the path or downgrade to HTTP.
pub(crate) const REFERRER_UNSAFE: &[&str] = &[
    "origin",
    "origin-when-cross-origin",
    "unsafe-url",
    "no-referrer-when-downgrade",
];

/// The last valid token of a comma-separated Referrer-Policy (later ones win, §11.1).
pub(crate) fn referrer_policy(value: &str) -> Option<String> {
    value
        .split(',')
        .map(|t| t.trim().to_ascii_lowercase())
        .rfind(|t| REFERRER_PRIVATE.contains(&t.as_str()) || REFERRER_UNSAFE.contains(&t.as_str()))
}

/// The token of a structured-field item (RFC 8941), parameters dropped: "same-origin; report-to=x".
pub(crate) fn sf_token(value: &str) -> String {
    value.split(';').next().unwrap_or("").trim().to_owned()
}

pub(crate) fn check(m: &Message, csp: &Csp, out: &mut Vec<Finding>) {
    framing(m, csp, out);
    let line = |name: &str| m.first(name).map_or(0, |f| f.line);

    match m.joined("x-content-type-options") {
        None => out.push(finding("header.nosniff-missing", Severity::Warning, "X-Content-Type-Options: nosniff is missing",
            "Without it, browsers may \"sniff\" a response and run it as script or style even when its Content-Type says otherwise — for example an uploaded file served as text/plain that is really JavaScript.",
            "no X-Content-Type-Options header", refs::FETCH_NOSNIFF, "Send X-Content-Type-Options: nosniff on every response.")
            .observatory("x-content-type-options-not-implemented").snippets(fixes::set("X-Content-Type-Options", "nosniff"))),
        Some(v) if !v.trim().eq_ignore_ascii_case("nosniff") => out.push(finding("header.nosniff-invalid", Severity::Warning, "X-Content-Type-Options has a wrong value",
            "The only value is nosniff; anything else (including a repeated header) is ignored.",
            format!("X-Content-Type-Options: {v} (line {})", line("x-content-type-options")), refs::FETCH_NOSNIFF, "Send exactly: X-Content-Type-Options: nosniff")
            .observatory("x-content-type-options-header-invalid").snippets(fixes::set("X-Content-Type-Options", "nosniff"))),
        _ => {}
    }

    match m.joined("referrer-policy") {
        None => out.push(finding("header.referrer-policy-missing", Severity::Info, "No Referrer-Policy",
            "Browsers then use strict-origin-when-cross-origin, which is reasonable: other sites see only your origin, not full URLs. Setting it explicitly protects older browsers and documents the intent.",
            "no Referrer-Policy header", refs::REFERRER, "Send Referrer-Policy: strict-origin-when-cross-origin (or no-referrer).")
            .snippets(fixes::set("Referrer-Policy", "strict-origin-when-cross-origin"))),
        Some(v) => match referrer_policy(&v) {
            Some(p) if REFERRER_UNSAFE.contains(&p.as_str()) => out.push(finding("header.referrer-policy-unsafe", Severity::Warning, format!("Referrer-Policy {p} leaks URLs"),
                "This policy sends the full URL (path and query, which may hold tokens or personal data) to other sites, or sends it over plain HTTP.",
                format!("Referrer-Policy: {v} (line {})", line("referrer-policy")), refs::REFERRER, "Use strict-origin-when-cross-origin or no-referrer.")
                .observatory("referrer-policy-unsafe").snippets(fixes::set("Referrer-Policy", "strict-origin-when-cross-origin"))),
            Some(_) => {}
            None => out.push(finding("header.referrer-policy-invalid", Severity::Warning, "Referrer-Policy has no valid value",
                "None of its values is a referrer policy, so browsers ignore the header and use their default.",
                format!("Referrer-Policy: {v} (line {})", line("referrer-policy")), refs::REFERRER, "Use strict-origin-when-cross-origin or no-referrer.")
                .observatory("referrer-policy-header-invalid").snippets(fixes::set("Referrer-Policy", "strict-origin-when-cross-origin"))),
        },
    }

    match m.joined("permissions-policy") {
        None => {
            let legacy = m.first("feature-policy").is_some();
            out.push(finding("header.permissions-policy-missing", Severity::Info, "No Permissions-Policy",
                if legacy { "Only the old Feature-Policy header is sent, which current browsers ignore. Permissions-Policy turns off powerful features (camera, microphone, geolocation, payment…) the site does not use, so injected or third-party code cannot ask for them." } else { "Permissions-Policy turns off powerful features (camera, microphone, geolocation, payment…) the site does not use, so injected or third-party code cannot ask for them. certscope's own grade counts this; the Observatory does not." },
                "no Permissions-Policy header", refs::PERMISSIONS, "Deny what you do not use.")
                .snippets(fixes::set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")));
        }
        Some(v) => {
            let bad: Vec<&str> = v
                .split(',')
                .map(str::trim)
                .filter(|item| {
                    let Some((name, list)) = item.split_once('=') else {
                        return true;
                    };
                    !(super::message::is_token(name.trim())
                        && (list.trim() == "*"
                            || list.trim() == "self"
                            || (list.trim().starts_with('(') && list.trim().ends_with(')'))))
                })
                .collect();
            if !bad.is_empty() {
                out.push(finding("header.permissions-policy-invalid", Severity::Warning, "Permissions-Policy has items browsers cannot read",
                    format!("Permissions-Policy is a structured-field dictionary: feature=(allowlist), e.g. camera=() or geolocation=(self \"https://maps.example\"). An unreadable header is ignored entirely. Unreadable: {}", bad.join(" | ")),
                    format!("Permissions-Policy: {v}"), refs::PERMISSIONS, "Write each item as feature=() or feature=(self)."));
            }
        }
    }

    for (name, valid, title, id) in [
        (
            "cross-origin-opener-policy",
            &[
                "same-origin",
                "same-origin-allow-popups",
                "noopener-allow-popups",
                "unsafe-none",
            ][..],
            "Cross-Origin-Opener-Policy",
            "coop-header-invalid",
        ),
        (
            "cross-origin-embedder-policy",
            &["require-corp", "credentialless", "unsafe-none"][..],
            "Cross-Origin-Embedder-Policy",
            "coep-header-invalid",
        ),
    ] {
        let fields: Vec<&str> = m.all(name).map(|f| f.value.as_str()).collect();
        if let Some(first) = fields.first() {
            if fields.len() > 1 || !valid.contains(&sf_token(first).as_str()) {
                out.push(
                    finding(
                        "header.cross-origin-invalid",
                        Severity::Warning,
                        format!("{title} is invalid"),
                        format!(
                            "Valid values are {}; a wrong or repeated value is ignored.",
                            valid.join(", ")
                        ),
                        format!("{title}: {}", fields.join(" | ")),
                        refs::HTML_COOP,
                        "Send one valid value.",
                    )
                    .observatory(id),
                );
            }
        } else if name == "cross-origin-opener-policy" {
            out.push(finding("header.coop-missing", Severity::Info, "No Cross-Origin-Opener-Policy",
                "COOP: same-origin puts the page in its own browsing-context group, so a window it opens (or that opens it) cannot script it or probe it through cross-window leaks. The Observatory gives extra credit for it.",
                "no Cross-Origin-Opener-Policy header", refs::HTML_COOP, "Send Cross-Origin-Opener-Policy: same-origin (or same-origin-allow-popups if you rely on OAuth/payment pop-ups).")
                .snippets(fixes::set("Cross-Origin-Opener-Policy", "same-origin")));
        }
    }
    if let Some(v) = m.joined("cross-origin-resource-policy") {
        if !["same-site", "same-origin", "cross-origin"]
            .contains(&v.trim().to_ascii_lowercase().as_str())
        {
            out.push(finding("header.corp-invalid", Severity::Warning, "Cross-Origin-Resource-Policy is invalid",
                "Valid values are same-origin, same-site and cross-origin; anything else is ignored.",
                format!("Cross-Origin-Resource-Policy: {v}"), refs::FETCH_CORP, "Send Cross-Origin-Resource-Policy: same-origin.").observatory("corp-header-invalid"));
        }
    }

    if let Some(acao) = m.joined("access-control-allow-origin") {
        let acao = acao.trim();
        let credentials = m
            .joined("access-control-allow-credentials")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
        let reflected = m.request_origin.as_deref().is_some_and(|o| o == acao);
        if reflected && credentials {
            out.push(finding("header.cors-reflected-credentials", Severity::Error, "CORS reflects any origin with credentials",
                "The response echoed the request's Origin in Access-Control-Allow-Origin and allows credentials, so any website a logged-in user visits can read this response with their cookies.",
                format!("Origin: {acao} → Access-Control-Allow-Origin: {acao}, Access-Control-Allow-Credentials: true"), refs::FETCH_CORS, "Compare Origin against a fixed list of trusted origins before echoing it, or drop credentials.")
                .observatory("cross-origin-resource-sharing-implemented-with-universal-access"));
        } else if acao == "*" && credentials {
            out.push(finding("header.cors-wildcard-credentials", Severity::Warning, "CORS allows * together with credentials",
                "Browsers refuse credentialed requests when Access-Control-Allow-Origin is *, so this combination does not work; it usually means the server was about to reflect origins instead. Check what it does for other Origins.",
                "Access-Control-Allow-Origin: *, Access-Control-Allow-Credentials: true", refs::FETCH_CORS, "Use an explicit origin list for credentialed requests."));
        } else if acao.eq_ignore_ascii_case("null") {
            out.push(finding("header.cors-null", Severity::Warning, "CORS allows the origin null",
                "Sandboxed iframes and local files send Origin: null, so any attacker can produce it; allowing it is nearly as open as *.",
                "Access-Control-Allow-Origin: null", refs::FETCH_CORS, "Remove null from the allowed origins."));
        }
    }
}

fn framing(m: &Message, csp: &Csp, out: &mut Vec<Finding>) {
    let ancestors = csp
        .policies
        .iter()
        .any(|p| Csp::get(p, "frame-ancestors").is_some());
    let xfo = m.joined("x-frame-options");
    let at = m.first("x-frame-options").map_or(0, |f| f.line);
    match (&xfo, ancestors) {
        (None, false) => out.push(finding("header.framing-unprotected", Severity::Warning, "The page can be framed by any site",
            "Neither X-Frame-Options nor CSP frame-ancestors is set, so another site can load this page in an invisible iframe and trick users into clicking its buttons (clickjacking).",
            "no X-Frame-Options, no frame-ancestors", refs::XFO, "Send Content-Security-Policy: frame-ancestors 'self' (or 'none'); add X-Frame-Options: DENY for old browsers.")
            .observatory("x-frame-options-not-implemented").snippets(fixes::set("X-Frame-Options", "DENY"))),
        (Some(v), false) => {
            let t = v.trim().to_ascii_lowercase();
            if t.starts_with("allow-from") {
                out.push(finding("header.xfo-allow-from", Severity::Warning, "X-Frame-Options ALLOW-FROM is ignored by browsers",
                    "No current browser supports ALLOW-FROM, so the page can be framed by anyone. CSP frame-ancestors is the working way to allow specific sites.",
                    format!("X-Frame-Options: {v} (line {at})"), refs::XFO, "Use Content-Security-Policy: frame-ancestors 'self' https://allowed.example")
                    .observatory("x-frame-options-allow-from-origin"));
            } else if t != "deny" && t != "sameorigin" {
                out.push(finding("header.xfo-invalid", Severity::Warning, "X-Frame-Options has an invalid value",
                    "Only DENY and SAMEORIGIN work; a repeated header (\"DENY, DENY\") or another value is ignored, so the page can be framed.",
                    format!("X-Frame-Options: {v} (line {at})"), refs::XFO, "Send exactly one X-Frame-Options: DENY (or SAMEORIGIN).")
                    .observatory("x-frame-options-header-invalid").snippets(fixes::set("X-Frame-Options", "DENY")));
            }
        }
        _ => {}
    }
}
