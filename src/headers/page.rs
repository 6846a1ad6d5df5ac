//! What a pasted HTML page adds to its response: policies set with `<meta>` and the
//! integrity of the scripts it loads.
//!
//! A `<meta http-equiv="Content-Security-Policy">` is enforced beside the header's policies,
//! without `frame-ancestors`, `report-uri` and `sandbox` ([HTML §4.2.5.3]); a cross-origin
//! script with an `integrity` attribute must be fetched with CORS (`crossorigin`) or its
//! integrity cannot be checked and the browser blocks it ([SRI §3.3.5]); an `http:` script on
//! an HTTPS page is blocked as mixed content ([Mixed Content §4.3]).
//!
//! [HTML §4.2.5.3]: https://html.spec.whatwg.org/multipage/semantics.html#attr-meta-http-equiv-content-security-policy
//! [SRI §3.3.5]: https://www.w3.org/TR/SRI/#does-response-match-metadatalist
//! [Mixed Content §4.3]: https://www.w3.org/TR/mixed-content/#should-block-fetch

use super::refs;
use crate::html::{HtmlPage, ScriptTag};
use crate::lint::finding;
use crate::{Finding, Severity};

/// The directives a `<meta>` policy cannot carry; browsers drop them.
pub(crate) const NOT_IN_META: &[&str] = &["frame-ancestors", "report-uri", "sandbox"];

/// The policies a page sets in `<meta>` elements.
#[derive(Default)]
pub(crate) struct MetaPolicies {
    /// Each `http-equiv="Content-Security-Policy"` policy as a browser enforces it (the
    /// directives [`NOT_IN_META`] removed), with its line.
    pub(crate) csp: Vec<(String, usize)>,
    /// The same contents as the Observatory collects them (its `parseHttpEquivHeaders`).
    pub(crate) observatory_csp: Vec<String>,
    /// The last `<meta name="referrer">` content.
    pub(crate) referrer: Option<String>,
}

fn is(value: Option<&String>, name: &str) -> bool {
    value.is_some_and(|v| v.trim().eq_ignore_ascii_case(name))
}

/// The `<meta>` policies of `page`.
pub(crate) fn meta_policies(page: Option<&HtmlPage>) -> MetaPolicies {
    let mut out = MetaPolicies::default();
    for m in page.map(|p| p.metas.as_slice()).unwrap_or_default() {
        let content = m.content.as_deref().filter(|c| !c.is_empty());
        if m.http_equiv.is_some() && m.content.is_some() {
            if let Some(c) =
                content.filter(|_| is(m.http_equiv.as_ref(), "content-security-policy"))
            {
                out.observatory_csp.push(c.to_owned());
                let kept: Vec<&str> = c
                    .split(';')
                    .filter(|d| {
                        let name = d.split_whitespace().next().unwrap_or_default();
                        !NOT_IN_META.iter().any(|n| name.eq_ignore_ascii_case(n))
                    })
                    .collect();
                out.csp.push((kept.join(";"), m.line));
            }
        } else if is(m.name.as_ref(), "referrer") {
            if let Some(c) = content {
                out.referrer = Some(c.to_owned());
            }
        }
    }
    out
}

/// A script's URL as the page loads it: `https` (or `http`) for an absolute or
/// protocol-relative URL, with its host; `None` for a same-origin relative one.
fn remote(s: &ScriptTag, page_https: bool) -> Option<(bool, String)> {
    let src = s.src.as_deref()?.trim();
    if let Some(rest) = src.strip_prefix("//") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        return Some((page_https, host.to_ascii_lowercase()));
    }
    let host = crate::html::absolute_host(src)?;
    let https = src
        .get(..6)
        .is_some_and(|p| p.eq_ignore_ascii_case("https:"));
    Some((https, host))
}

/// certscope's own checks of the page's scripts; `page_host` is the host the page came from
/// (its own scripts need no hash).
pub(crate) fn check(page: &HtmlPage, https: bool, page_host: Option<&str>, out: &mut Vec<Finding>) {
    let mut no_cors = Vec::new();
    let mut no_integrity = Vec::new();
    let mut mixed = Vec::new();
    for s in &page.scripts {
        let Some((secure, host)) = remote(s, https) else {
            continue;
        };
        let src = s.src.clone().unwrap_or_default();
        let at = format!("line {}: {src}", s.line);
        if https && !secure {
            mixed.push(at);
            continue;
        }
        let integrity = s.integrity.as_deref().is_some_and(|i| !i.trim().is_empty());
        if integrity && s.crossorigin.is_none() {
            no_cors.push(at);
        } else if !integrity && !host.is_empty() && Some(host.as_str()) != page_host {
            no_integrity.push(at);
        }
    }
    if !mixed.is_empty() {
        out.push(finding("sri.mixed-script", Severity::Error, "A script is loaded over plain HTTP",
            format!("The page is HTTPS but loads {} script(s) from http:// URLs; browsers block such active mixed content, so the script does not run, and on a plain-HTTP page anyone on the network could change it.", mixed.len()),
            mixed.join("; "), refs::MIXED_CONTENT, "Load every script from an https:// URL."));
    }
    if !no_cors.is_empty() {
        out.push(finding("sri.integrity-without-crossorigin", Severity::Error, "A script has an integrity hash but no crossorigin attribute",
            format!("Without crossorigin the browser fetches a cross-origin script in no-cors mode, gets an opaque response whose integrity it cannot check, and blocks the script (SRI §3.3.5). {} script(s) are affected (same-origin scripts load anyway).", no_cors.len()),
            no_cors.join("; "), refs::SRI, "Add crossorigin=\"anonymous\" beside integrity (the server must send Access-Control-Allow-Origin)."));
    }
    if !no_integrity.is_empty() {
        out.push(finding("sri.missing", Severity::Warning, "Scripts from other hosts have no integrity hash",
            format!("{} script(s) are loaded by URL without an integrity attribute: if that server or CDN is compromised, the changed script runs in this page with its full rights. A hash pins the exact file.", no_integrity.len()),
            no_integrity.join("; "), refs::SRI, "Add integrity=\"sha384-…\" (the file's hash, base64) and crossorigin=\"anonymous\" to each."));
    }
}
