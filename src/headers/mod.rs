//! HTTPS configuration from pasted HTTP responses: what the headers protect, what they do not,
//! an HTTP Observatory-compatible score, Google CSP Evaluator findings, HSTS preload issue
//! codes, and fixes for nginx, Apache and Caddy.
//!
//! [`message`] finds the responses; each group of responses that follow one another through
//! redirects is one site, analysed as a whole (redirects, cookies) and by its final response
//! (everything else).

mod cookies;
pub(crate) mod csp;
mod fixes;
mod grade;
#[cfg(feature = "http")]
mod har;
mod hsts;
mod legacy;
pub(crate) mod message;
pub(crate) mod observatory;
mod page;
mod policies;
mod refs;
mod status;
mod transport;
pub(crate) mod url;

use self::url::Url;
use serde::Serialize;

pub use cookies::CookieReport;
pub use csp::{CspFinding, CspReport, CspSource, Directive};
pub use grade::{Deduction, Grade};
#[cfg(feature = "http")]
pub use har::{MAX_HAR_ENTRIES, MAX_SUBRESOURCES};
pub use hsts::{HstsReport, PreloadIssue};
pub use message::{MAX_HEADERS, MAX_HEADER_BYTES, MAX_RESPONSES};
pub use observatory::{ObservatoryReport, ObservatoryTest};

use message::{LineProblem, Message, UrlSource};

/// One header field as received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderField {
    /// Lower-case name.
    pub name: String,
    /// Value (long values cut at [`MAX_HEADER_BYTES`]).
    pub value: String,
    /// 1-based line in the paste.
    pub line: usize,
}

/// One response in a site's chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseReport {
    /// 1-based line of its status line (or first header).
    pub line: usize,
    /// "HTTP/1.1", "HTTP/2"…, when a status line was pasted.
    pub version: Option<String>,
    /// The status code, when a status line was pasted.
    pub status: Option<u16>,
    /// The reason phrase as sent.
    pub reason: String,
    /// What the status means, in plain words.
    pub meaning: String,
    /// The URL it answered, when the paste shows it.
    pub url: Option<String>,
    /// How the URL is known: "command" (a curl command line), "request" (curl -v request
    /// lines), "redirect" (the previous Location) or "inferred".
    pub url_source: Option<&'static str>,
    /// Its header fields, in order.
    pub headers: Vec<HeaderField>,
    /// What the browser recorded beside the headers, for a response read from a HAR file.
    pub recorded: Option<RecordedExchange>,
}

/// What a HAR file recorded about one request and its response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedExchange {
    /// The request method.
    pub method: String,
    /// The browser's resource type (`document`, `script`, `fetch`, `image`…), when recorded.
    pub resource_type: Option<String>,
    /// The server's IP address.
    pub server_address: Option<String>,
    /// The connection's TLS details, when the browser recorded them.
    pub tls: Option<RecordedTls>,
    /// Why the browser got no response (`net::ERR_…`), when it got none.
    pub error: Option<String>,
}

/// The TLS details a browser recorded for a response (`_securityDetails` in a HAR file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedTls {
    /// "TLS 1.3", "TLS 1.2"…
    pub protocol: String,
    /// The key exchange group or method ("X25519MLKEM768", "ECDHE_RSA"), when recorded.
    pub key_exchange: Option<String>,
    /// The cipher ("AES_128_GCM"), when recorded.
    pub cipher: Option<String>,
    /// The certificate's subject name as the browser showed it.
    pub subject: Option<String>,
    /// The certificate's issuer as the browser showed it.
    pub issuer: Option<String>,
    /// The certificate's names, when recorded (at most 100).
    pub names: Vec<String>,
    /// The certificate's notBefore (RFC 3339).
    pub valid_from: Option<String>,
    /// The certificate's notAfter (RFC 3339).
    pub valid_to: Option<String>,
}

/// The HTTPS configuration of one site: a response, or a chain of redirects ending in one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpReport {
    /// The responses, in order; the last is the one whose headers protect the page.
    pub responses: Vec<ResponseReport>,
    /// The page's other responses (scripts, images, API calls), from a HAR file: their
    /// cookies are checked with the page's, their headers do not protect the page.
    pub subresources: Vec<ResponseReport>,
    /// What recorded the HAR file ("Playwright 1.65.1 (chromium 156…)"); `None` for a paste.
    pub recorded_by: Option<String>,
    /// The final URL, when known.
    pub url: Option<String>,
    /// What was assumed, and what a paste cannot show.
    pub notes: Vec<String>,
    /// HSTS of the final response.
    pub hsts: Option<HstsReport>,
    /// Every issue Chromium's HSTS preload list would raise that a paste can show: the
    /// header's (`header.*`), the response's (`response.*`) and the redirects' (`redirects.*`).
    /// The list's domain and TLS checks need the live site and are not included.
    pub preload_issues: Vec<PreloadIssue>,
    /// The enforced Content-Security-Policy of the final response.
    pub csp: Option<CspReport>,
    /// The report-only policy of the final response.
    pub csp_report_only: Option<CspReport>,
    /// A strict CSP to start from (nonce-based, Google's recommendation), keeping the site's
    /// framing rule and report endpoint. `{RANDOM}` is a fresh nonce per response.
    pub recommended_csp: String,
    /// Every cookie the responses set.
    pub cookies: Vec<CookieReport>,
    /// The page's HTML, when it was pasted: its `<meta>` policies and scripts.
    pub page: Option<crate::html::HtmlPage>,
    /// The Mozilla HTTP Observatory's score and tests, reproduced.
    pub observatory: ObservatoryReport,
    /// certscope's own, stricter grade.
    pub grade: Grade,
    /// Everything found, most severe first.
    pub findings: Vec<crate::Finding>,
}

fn source_name(s: UrlSource) -> &'static str {
    match s {
        UrlSource::Command => "command",
        UrlSource::Request => "request",
        UrlSource::Redirect => "redirect",
        UrlSource::Inferred => "inferred",
        UrlSource::Har => "har",
    }
}

/// One site: its page responses (a redirect chain and the page) and, from a HAR file, the
/// page's subresource responses.
struct Site<'a> {
    pages: Vec<&'a Message>,
    subresources: Vec<&'a Message>,
}

/// Splits the messages into sites (a site starts where a response does not follow a redirect).
fn sites(messages: &[Message]) -> Vec<Site<'_>> {
    let mut out: Vec<Site<'_>> = Vec::new();
    for m in messages {
        match out.last_mut() {
            Some(site) if m.subresource => site.subresources.push(m),
            Some(site) if !m.new_site => site.pages.push(m),
            _ => out.push(Site {
                pages: vec![m],
                subresources: Vec::new(),
            }),
        }
    }
    out
}

/// Whether `text` is an HTTP Archive (HAR) file: a JSON object whose `log` holds `entries`.
pub(crate) fn is_har(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    start.starts_with('{') && text.contains("\"log\"") && text.contains("\"entries\"")
}

/// Whether `text` holds any HTTP response (for a build without the `http` feature, which
/// says the analysis is pending).
#[cfg(not(feature = "http"))]
pub(crate) fn present(text: &str) -> bool {
    is_har(text) || !message::parse(text).messages.is_empty()
}

/// Reads every HTTP response in `text` (a paste, or a HAR file) and analyses each site.
/// `cert_ok`: whether a chain pasted alongside was trusted (`None` when none was).
/// `html`: what the html module read from the same text (pages and their hosts' registrable
/// domains), empty when it holds no HTML.
#[cfg(feature = "http")]
pub(crate) fn analyse(
    text: &str,
    cert_ok: Option<bool>,
    html: &crate::html::HtmlFacts,
) -> (Vec<HttpReport>, Vec<LineProblem>) {
    let (mut parsed, recording) = match har::read(text) {
        Some((parsed, recording)) => (parsed, Some(recording)),
        None => (message::parse(text), None),
    };
    infer_first_urls(&mut parsed.messages);
    if recording.is_none() {
        attach_pages(&mut parsed.messages, html);
    }
    let reports = sites(&parsed.messages)
        .iter()
        .filter_map(|site| {
            let mut report = analyse_site(&site.pages, cert_ok, html)?;
            if let Some(r) = &recording {
                recorded(&mut report, site, r);
            }
            Some(report)
        })
        .collect();
    (reports, parsed.problems)
}

/// What a HAR file adds to a site's report: the subresources, their cookies, the browser's
/// TLS details, and what the recording cannot show.
#[cfg(feature = "http")]
fn recorded(report: &mut HttpReport, site: &Site<'_>, recording: &har::Recording) {
    report.recorded_by = Some(recording.creator.clone()).filter(|c| !c.is_empty());
    let by = report
        .recorded_by
        .as_ref()
        .map_or_else(String::new, |c| format!(" recorded by {c}"));
    report.notes.insert(0, format!(
        "Read from a HAR file{by} ({} requests): {} page response(s) and {} other response(s) of this page; the URLs, methods and redirects are the ones the browser recorded.",
        recording.entries,
        site.pages.len(),
        site.subresources.len()
    ));
    report.subresources = site
        .subresources
        .iter()
        .map(|m| response_report(m))
        .collect();
    let cookies = cookies::collect(&site.subresources);
    let mut findings = Vec::new();
    cookies::check(&cookies, &site.subresources, &mut findings);
    // The Observatory reads the page's responses only: it never sees these.
    for f in &mut findings {
        f.observatory = None;
    }
    report.cookies.extend(cookies);
    let exchanges = site.pages.iter().chain(site.subresources.iter());
    let failed: Vec<String> = exchanges
        .filter_map(|m| {
            let error = m.recorded.as_ref()?.error.as_ref()?;
            let url = m
                .url
                .as_ref()
                .map_or_else(String::new, |(u, _)| u.to_string());
            Some(format!("{url} ({error})"))
        })
        .collect();
    if !failed.is_empty() {
        report.notes.push(format!(
            "{} request(s) got no response in the browser (blocked, cancelled or failed): {}.",
            failed.len(),
            failed.join(", ")
        ));
    }
    if !recording.cookies_seen {
        report.notes.push("No response in this HAR file sets a cookie. Chrome's default \"Export HAR (sanitized)\" removes Set-Cookie and Cookie headers; if the site sets cookies, export \"with sensitive data\" to have them checked (certscope hides their values).".to_owned());
    }
    report.findings.extend(findings);
    report.findings.sort_by_key(|f| f.severity);
}

/// Gives each HTML page to the response pasted before it; a page before any response (HTML
/// pasted alone) becomes a response of its own, with no status line and no fields.
fn attach_pages(messages: &mut Vec<Message>, html: &crate::html::HtmlFacts) {
    for page in &html.pages {
        let before = messages.iter().rposition(|m| m.line < page.line);
        match before.and_then(|i| messages.get_mut(i)) {
            Some(m) if m.html.is_none() => m.html = Some(Box::new(page.clone())),
            Some(_) => {}
            None => messages.insert(
                0,
                Message {
                    line: page.line,
                    new_site: true,
                    html: Some(Box::new(page.clone())),
                    ..Message::default()
                },
            ),
        }
    }
}

/// `curl -sIL http://host` pasted without its command line: the first response redirects to
/// `https://host/…`; that request was, in all likelihood, `http://host/`.
fn infer_first_urls(messages: &mut [Message]) {
    let mut inferred: Vec<(usize, Url)> = Vec::new();
    for (i, m) in messages.iter().enumerate() {
        if m.new_site && m.url.is_none() && m.is_redirect() {
            if let Some(target) = m
                .first("location")
                .and_then(|l| Url::parse(l.value.trim()).ok())
            {
                if target.scheme() == "https" {
                    if let Some(host) = target.host_str() {
                        if let Ok(u) = Url::parse(&format!("http://{host}/")) {
                            inferred.push((i, u));
                        }
                    }
                }
            }
        }
    }
    for (i, u) in inferred {
        let mut base = Some(u);
        for m in messages.iter_mut().skip(i) {
            if m.url.is_some() || base.is_none() {
                break;
            }
            let current = base.take();
            let next = current.as_ref().and_then(|b| {
                m.is_redirect()
                    .then(|| {
                        m.first("location")
                            .and_then(|l| b.join(l.value.trim()).ok())
                    })
                    .flatten()
            });
            m.url = current.map(|u| (u, UrlSource::Inferred));
            base = next;
        }
    }
}

fn analyse_site(
    site: &[&Message],
    cert_ok: Option<bool>,
    html: &crate::html::HtmlFacts,
) -> Option<HttpReport> {
    let mut notes = Vec::new();
    let last = site.last().copied()?;
    let page = last.html.as_deref();
    // HTML pasted without its response's headers.
    let html_only = page.is_some() && last.fields.is_empty() && last.status.is_none();
    let https = match last.is_https() {
        Some(b) => b,
        None if html_only => {
            notes.push("Only the page's HTML was pasted, not its response headers: certscope reads the policies set in <meta> elements and the scripts, and assumes the page came over HTTPS. Paste `curl -si https://host/` to have the headers judged too.".to_owned());
            true
        }
        None => {
            notes.push("The final response's URL is not in the paste; certscope assumes it came over HTTPS (paste the curl command line or use curl -v to show it).".to_owned());
            true
        }
    };
    let http_first = site.first().is_some_and(|m| m.is_https() == Some(false));
    if let Some(first) = site.first() {
        if matches!(first.url, Some((_, UrlSource::Inferred))) {
            notes.push(format!("The first request's URL is not in the paste; because it redirected to HTTPS, certscope assumes it was {}.", first.url.as_ref().map_or(String::new(), |(u, _)| u.to_string())));
        }
    }
    if let Some(s) = last.status.filter(|s| *s >= 400) {
        notes.push(format!(
            "The final response is an error ({s}); the real page may send different headers."
        ));
    }
    if cert_ok.is_none() {
        notes.push("The Observatory also requires a valid certificate; no chain was pasted, so it is assumed valid.".to_owned());
    }

    let hsts_values: Vec<(&str, usize)> = last
        .all("strict-transport-security")
        .map(|f| (f.value.as_str(), f.line))
        .collect();
    let hsts = hsts::report(&hsts_values, Some(https));
    let enforced_values: Vec<&str> = last
        .all("content-security-policy")
        .map(|f| f.value.as_str())
        .collect();
    let ro_values: Vec<&str> = last
        .all("content-security-policy-report-only")
        .map(|f| f.value.as_str())
        .collect();
    let metas = page::meta_policies(page);
    let enforced = csp::read_with_meta(&enforced_values, &metas.csp);
    let report_only = csp::read(&ro_values, "content-security-policy-report-only");
    let recommended = csp::recommended(enforced.as_ref().map(|(c, _)| c));
    let cookie_list = cookies::collect(site);

    let mut findings = Vec::new();
    if https {
        hsts::check(hsts.as_ref(), Some(true), &mut findings);
    }
    for m in site.iter().filter(|m| m.is_https() == Some(false)) {
        let values: Vec<(&str, usize)> = m
            .all("strict-transport-security")
            .map(|f| (f.value.as_str(), f.line))
            .collect();
        if let Some(h) = hsts::report(&values, Some(false)) {
            hsts::check(Some(&h), Some(false), &mut findings);
        }
    }
    let empty = csp::policy::Csp::default();
    csp::check(
        enforced.as_ref(),
        report_only.as_ref(),
        &recommended,
        &mut findings,
    );
    cookies::check(&cookie_list, site, &mut findings);
    policies::check(
        last,
        enforced.as_ref().map_or(&empty, |(c, _)| c),
        &mut findings,
    );
    transport::check(site, &mut findings);
    legacy::check(last, &mut findings);
    let page_host = site
        .first()
        .and_then(|m| m.url.as_ref())
        .and_then(|(u, _)| u.host_str());
    if let Some(page) = page {
        csp::check_meta(page, &mut findings);
        page::check(page, https, page_host, &mut findings);
    }
    if html_only {
        // Without the headers, only what the HTML shows is judged.
        findings.retain(|f| f.id.starts_with("csp.") || f.id.starts_with("sri."));
    }
    findings.sort_by_key(|f| f.severity);

    let mut observatory = observatory::run(&observatory::Inputs {
        site,
        last,
        https,
        http_first,
        cookies: &cookie_list,
        cert_ok,
        page,
        meta_csp: &metas.observatory_csp,
        meta_referrer: metas.referrer.as_deref(),
        page_domain: page_host.and_then(|h| html.domain(h)),
        scripts_blocked: enforced
            .as_ref()
            .is_some_and(|(c, _)| csp::blocks_all_scripts(c)),
    });
    if html_only {
        observatory::headers_not_pasted(&mut observatory);
    }
    // The CSP findings behind a failed Observatory CSP test are already in its score.
    if let Some(csp_test) = observatory
        .tests
        .iter()
        .find(|t| t.test == "content-security-policy" && t.modifier < 0)
    {
        for f in &mut findings {
            let scored = f.csp_evaluator.as_ref().is_some_and(|c| {
                matches!(
                    c.kind,
                    "SCRIPT_UNSAFE_INLINE"
                        | "SCRIPT_UNSAFE_EVAL"
                        | "PLAIN_URL_SCHEMES"
                        | "PLAIN_WILDCARD"
                        | "SRC_HTTP"
                )
            });
            if scored {
                f.observatory = Some(csp_test.result);
            }
        }
    }
    let grade = grade::grade(observatory.score, &findings);
    let preload_issues = hsts::site_preload_issues(site, hsts.as_ref(), https, &findings);
    Some(HttpReport {
        responses: site.iter().map(|m| response_report(m)).collect(),
        subresources: Vec::new(),
        recorded_by: None,
        url: last.url.as_ref().map(|(u, _)| u.to_string()),
        notes,
        hsts,
        preload_issues,
        csp: enforced.map(|(_, r)| r),
        csp_report_only: report_only.map(|(_, r)| r),
        recommended_csp: recommended,
        cookies: cookie_list,
        page: page.cloned(),
        observatory,
        grade,
        findings,
    })
}

fn response_report(m: &Message) -> ResponseReport {
    ResponseReport {
        line: m.line,
        version: m.version.clone(),
        status: m.status,
        reason: m.reason.clone(),
        meaning: match (m.status, m.recorded.as_ref().and_then(|r| r.error.as_ref())) {
            (Some(s), _) => status::meaning(s),
            (None, Some(error)) => format!("No response: the browser recorded {error}."),
            (None, None) => "No status line was pasted; only the headers.".to_owned(),
        },
        url: m.url.as_ref().map(|(u, _)| u.to_string()),
        url_source: m.url.as_ref().map(|(_, s)| source_name(*s)),
        headers: m
            .fields
            .iter()
            .filter(|f| !f.name.is_empty())
            .map(|f| HeaderField {
                name: f.name.clone(),
                value: if f.name == "set-cookie" {
                    cookies::redact(&f.value)
                } else {
                    f.value.clone()
                },
                line: f.line,
            })
            .collect(),
        recorded: m.recorded.as_deref().cloned(),
    }
}
