//! Headers that are deprecated, risky or that leak what software runs the site.

use super::message::Message;
use super::{fixes, refs};
use crate::lint::finding;
use crate::{Finding, Severity};

/// Headers the OWASP Secure Headers Project recommends removing because they describe the
/// software behind the site (OWASP `ci/headers_remove.json`, Apache-2.0), lower case.
const LEAKY: &[&str] = &[
    "server",
    "x-powered-by",
    "x-aspnet-version",
    "x-aspnetmvc-version",
    "powered-by",
    "x-generator",
    "x-generated-by",
    "x-php-version",
    "x-powered-by-plesk",
    "x-powered-cms",
    "x-server-powered-by",
    "x-cms",
    "x-framework",
    "x-owa-version",
    "x-umbraco-version",
    "x-varnish-backend",
    "x-varnish-server",
    "x-beserver",
    "x-feserver",
    "x-diaginfo",
    "x-mod-pagespeed",
    "x-page-speed",
    "x-litespeed-cache",
    "x-nextjs-cache",
    "x-nextjs-matched-path",
    "x-redirect-by",
    "x-cocoon-version",
    "x-jitsi-release",
    "liferay-portal",
    "x-turbo-charged-by",
    "x-content-encoded-by",
    "x-envoy-upstream-service-time",
    "x-sourcemap",
    "sourcemap",
    "x-sourcefiles",
    "x-cf-powered-by",
    "product",
];

pub(crate) fn check(m: &Message, out: &mut Vec<Finding>) {
    if let Some(f) = m
        .first("public-key-pins")
        .or_else(|| m.first("public-key-pins-report-only"))
    {
        out.push(finding("header.hpkp", Severity::Warning, "Public-Key-Pins (HPKP) is obsolete and dangerous",
            "HTTP Public Key Pinning was removed from browsers (Chrome 72, Firefox 72) because a wrong pin or a lost key could lock every visitor out of the site for the pin's lifetime. It now does nothing but can still confuse old clients.",
            format!("{}: {} (line {})", f.name, f.value, f.line), refs::RFC7469, "Remove the header; rely on Certificate Transparency and CAA records instead.")
            .snippets(fixes::remove("Public-Key-Pins")));
    }
    if let Some(f) = m.first("expect-ct") {
        out.push(finding("header.expect-ct", Severity::Info, "Expect-CT is obsolete",
            "Expect-CT asked browsers to require Certificate Transparency; since 2018 every publicly trusted certificate must be logged anyway and browsers dropped the header (Chrome 107).",
            format!("Expect-CT: {} (line {})", f.value, f.line), refs::EXPECT_CT, "Remove it.")
            .snippets(fixes::remove("Expect-CT")));
    }
    if let Some(f) = m.first("x-xss-protection") {
        let v = f.value.trim();
        if !v.starts_with('0') {
            out.push(finding("header.x-xss-protection", Severity::Warning, "X-XSS-Protection turns on a removed, abusable filter",
                "The XSS auditor it controls was removed from Chrome and Edge and never existed in Firefox; in the browsers that still have it, attackers could use it to switch off legitimate scripts or leak data. A Content-Security-Policy is the real protection.",
                format!("X-XSS-Protection: {v} (line {})", f.line), refs::XXSS, "Send X-XSS-Protection: 0 or remove it, and rely on CSP.")
                .snippets(fixes::set("X-XSS-Protection", "0")));
        }
    }
    if let Some(f) = m.first("feature-policy") {
        out.push(finding("header.feature-policy", Severity::Info, "Feature-Policy was replaced by Permissions-Policy",
            "Current browsers read Permissions-Policy (with a different syntax: camera=() rather than camera 'none').",
            format!("Feature-Policy: {} (line {})", f.value, f.line), refs::PERMISSIONS, "Translate it to Permissions-Policy."));
    }
    for f in &m.fields {
        if !LEAKY.contains(&f.name.as_str()) {
            continue;
        }
        let versioned = f.value.chars().any(|c| c.is_ascii_digit());
        if f.name == "server" && !versioned {
            continue;
        }
        out.push(finding("header.info-leak", if versioned { Severity::Warning } else { Severity::Info },
            format!("{} reveals the software{}", display_name(&f.name), if versioned { " and its version" } else { "" }),
            "Naming the exact software and version lets attackers pick known exploits without probing. It protects nothing to remove it, but it makes automated attacks a little harder and is recommended by OWASP.",
            format!("{}: {} (line {})", display_name(&f.name), f.value, f.line), refs::OWASP_HEADERS, &format!("Stop sending {}.", display_name(&f.name)))
            .snippets(fixes::remove(&display_name(&f.name))));
    }
    if let Some(f) = m.first("allow").filter(|f| {
        f.value
            .split(',')
            .any(|x| x.trim().eq_ignore_ascii_case("TRACE"))
    }) {
        out.push(finding("header.trace-allowed", Severity::Warning, "The server allows TRACE",
            "TRACE echoes the request back, including headers; combined with other bugs it has been used to read cookies marked HttpOnly (cross-site tracing). Nothing needs it in production.",
            format!("Allow: {} (line {})", f.value, f.line), refs::RFC9110_ALLOW, "Disable TRACE (Apache: TraceEnable off; nginx does not support it).")
            .snippets(crate::Snippets { header: None, nginx: "# nginx never answers TRACE".into(), apache: "TraceEnable off".into(), caddy: "@trace method TRACE\nrespond @trace 405".into() }));
    }
    if let Some(&line) = m.folded.first() {
        out.push(finding("header.obs-fold", Severity::Warning, "A header is folded over several lines",
            "Continuing a header value on the next line with leading whitespace is obsolete (RFC 9112 §5.2): servers must not send it, and proxies and browsers may reject the response or join the lines differently.",
            format!("continuation line {line}"), refs::RFC9112_FOLD, "Send each header on one line."));
    }
}

/// "x-powered-by" → "X-Powered-By".
pub(crate) fn display_name(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut c = part.chars();
            c.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + c.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join("-")
}
