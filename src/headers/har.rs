//! HTTP Archive files: what Chrome's and Firefox's devtools ("Save all as HAR"), Playwright's
//! `recordHar` and debugging proxies write, in the [HAR 1.2] format.
//!
//! Every entry becomes a [`Message`] with the URL, method and status the browser recorded.
//! Redirects are linked by URL (an entry's `redirectURL`, or its `Location`, resolved against
//! its own URL, names the request that follows), so the redirect chains are the browser's, not
//! guessed from order. A chain that ends in a page (`_resourceType: document`, as Chromium and
//! Playwright record it; otherwise an HTML response or a request that accepted HTML first, as
//! navigations do) is a site; the other responses are its subresources, which follow it in
//! the file: their cookies are the site's, their headers do not protect the page. A HAR without
//! any page (API calls only) has each chain analysed as a site.
//!
//! Read with `serde_json` into the few fields used; response bodies (`content.text`) are
//! skipped unread. Header lines are located by a forward search for each name, so a
//! pretty-printed HAR gives real line numbers (a one-line HAR, as Playwright writes, line 1).
//!
//! [HAR 1.2]: https://w3c.github.io/web-performance/specs/HAR/Overview.html

use super::message::{LineProblem, Message, Parsed, UrlSource, MAX_HEADERS, MAX_RESPONSES};
use super::url::Url;
use super::{RecordedExchange, RecordedTls};
use serde_json::Value;
use std::collections::{HashMap, VecDeque};

/// The most HAR entries read; the rest are reported and left.
pub const MAX_HAR_ENTRIES: usize = 10_000;
/// The most subresource responses kept per page.
pub const MAX_SUBRESOURCES: usize = 200;

#[derive(Default)]
struct Entry {
    request: Request,
    response: Response,
    server_ip: Option<String>,
    /// `_resourceType` (Chromium, Playwright).
    resource_type: Option<String>,
    /// `_securityDetails`.
    security: Option<Security>,
}

#[derive(Default)]
struct Request {
    method: String,
    url: String,
    headers: Vec<Field>,
}

#[derive(Default)]
struct Response {
    status: i64,
    status_text: String,
    http_version: String,
    headers: Vec<Field>,
    redirect_url: String,
    mime_type: String,
    /// `_error` (Chromium): why there was no response.
    error: Option<String>,
}

struct Field {
    name: String,
    value: String,
}

/// `_securityDetails`: Playwright's (protocol, subjectName, issuer, validFrom, validTo) and the
/// Chrome DevTools Protocol's `SecurityDetails`, which adds the key exchange, cipher and names.
#[derive(Default)]
struct Security {
    protocol: Option<String>,
    key_exchange: Option<String>,
    key_exchange_group: Option<String>,
    cipher: Option<String>,
    subject_name: Option<String>,
    issuer: Option<String>,
    san_list: Vec<String>,
    valid_from: Option<f64>,
    valid_to: Option<f64>,
}

// Read from a `serde_json::Value`, not with `#[derive(Deserialize)]`: typed deserialising links
// serde_json's type-error messages, whose float formatting alone made the http module 47 KB
// (gzipped) larger; picking fields from a `Value` added a fraction of that (docs/performance.md).
fn string(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn text(v: &Value, key: &str) -> String {
    string(v, key).unwrap_or_default()
}

fn fields(v: &Value) -> Vec<Field> {
    v.get("headers")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|h| Field {
                    name: text(h, "name"),
                    value: text(h, "value"),
                })
                .collect()
        })
        .unwrap_or_default()
}

impl Entry {
    fn read(v: &Value) -> Entry {
        let null = Value::Null;
        let request = v.get("request").unwrap_or(&null);
        let response = v.get("response").unwrap_or(&null);
        Entry {
            request: Request {
                method: text(request, "method"),
                url: text(request, "url"),
                headers: fields(request),
            },
            response: Response {
                status: response.get("status").and_then(Value::as_i64).unwrap_or(0),
                status_text: text(response, "statusText"),
                http_version: text(response, "httpVersion"),
                headers: fields(response),
                redirect_url: text(response, "redirectURL"),
                mime_type: response
                    .get("content")
                    .map(|c| text(c, "mimeType"))
                    .unwrap_or_default(),
                error: string(response, "_error"),
            },
            server_ip: string(v, "serverIPAddress"),
            resource_type: string(v, "_resourceType"),
            security: v.get("_securityDetails").map(|s| Security {
                protocol: string(s, "protocol"),
                key_exchange: string(s, "keyExchange"),
                key_exchange_group: string(s, "keyExchangeGroup"),
                cipher: string(s, "cipher"),
                subject_name: string(s, "subjectName"),
                issuer: string(s, "issuer"),
                san_list: s
                    .get("sanList")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|n| n.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
                valid_from: s.get("validFrom").and_then(Value::as_f64),
                valid_to: s.get("validTo").and_then(Value::as_f64),
            }),
        }
    }
}

/// What a HAR file was recorded with, for the report's notes.
#[derive(Debug, Default)]
pub(crate) struct Recording {
    /// "Playwright 1.65.1 (chromium 156.0.8078.114)", "WebInspector 537.36", "Firefox 133.0".
    pub(crate) creator: String,
    pub(crate) entries: usize,
    /// Whether any response set a cookie (devtools' sanitized export removes Set-Cookie).
    pub(crate) cookies_seen: bool,
}

/// Reads a HAR file into responses, pages first in each site. `None` when `text` is not one.
pub(crate) fn read(text: &str) -> Option<(Parsed, Recording)> {
    if !super::is_har(text) {
        return None;
    }
    let problem = |line: usize, byte_offset: usize, message: String| {
        let problem = LineProblem {
            response: 0,
            line: line.max(1),
            byte_offset,
            message,
        };
        let parsed = Parsed {
            messages: Vec::new(),
            problems: vec![problem],
        };
        Some((parsed, Recording::default()))
    };
    let har: Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(h) => h,
        Err(e) => {
            let at = crate::position::offset_of(text, e.line(), e.column());
            return problem(e.line(), at, format!("not a readable HAR file: {e}"));
        }
    };
    let log = har.get("log").unwrap_or(&Value::Null);
    let Some(all) = log.get("entries").and_then(Value::as_array) else {
        return problem(1, 0, "not a HAR file: log.entries is not a list".to_owned());
    };
    let mut problems = Vec::new();
    let entries: Vec<Entry> = all.iter().take(MAX_HAR_ENTRIES).map(Entry::read).collect();
    if all.len() > MAX_HAR_ENTRIES {
        problems.push(LineProblem {
            response: 0,
            line: 1,
            byte_offset: 0,
            message: format!(
                "the HAR file has {} entries; the first {MAX_HAR_ENTRIES} are read",
                all.len()
            ),
        });
    }
    let lines = locate(text, &entries);
    let recording = Recording {
        creator: creator(log.get("creator"), log.get("browser")),
        entries: entries.len(),
        cookies_seen: entries.iter().any(|e| {
            e.response
                .headers
                .iter()
                .any(|f| f.name.eq_ignore_ascii_case("set-cookie"))
        }),
    };
    let next = redirects(&entries);
    let (pages, subresources) = chains(&entries, &next);
    let mut messages = Vec::new();
    let mut kept_pages = 0usize;
    for (page, subs) in pages.iter().zip(subresources) {
        if kept_pages.saturating_add(page.len()) > MAX_RESPONSES {
            problems.push(LineProblem {
                response: 0,
                line: page
                    .first()
                    .and_then(|i| lines.get(*i))
                    .map_or(1, |l| l.entry),
                byte_offset: 0,
                message: format!(
                    "more than {MAX_RESPONSES} page responses; the later pages are not read"
                ),
            });
            break;
        }
        kept_pages = kept_pages.saturating_add(page.len());
        for (n, i) in page.iter().enumerate() {
            if let (Some(e), Some(l)) = (entries.get(*i), lines.get(*i)) {
                messages.push(message(e, l, n == 0, false));
            }
        }
        for i in subs.iter().take(MAX_SUBRESOURCES) {
            if let (Some(e), Some(l)) = (entries.get(*i), lines.get(*i)) {
                messages.push(message(e, l, false, true));
            }
        }
    }
    Some((Parsed { messages, problems }, recording))
}

fn creator(creator: Option<&Value>, browser: Option<&Value>) -> String {
    let name = |c: &Value| {
        format!("{} {}", text(c, "name"), text(c, "version"))
            .trim()
            .to_owned()
    };
    match (creator.map(name), browser.map(name)) {
        (Some(c), Some(b)) if !b.is_empty() && c != b => format!("{c} ({b})"),
        (Some(c), _) => c,
        (None, Some(b)) => b,
        (None, None) => String::new(),
    }
}

/// The 1-based lines of an entry's response and of each of its response headers.
#[derive(Default)]
struct Lines {
    entry: usize,
    headers: Vec<usize>,
}

/// Finds each entry's `"response"` and then each response header's name, searching forward
/// only, so the whole file is scanned once.
fn locate(text: &str, entries: &[Entry]) -> Vec<Lines> {
    let mut lines = crate::position::Locator::new(text);
    let mut cursor = 0usize;
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let mut here = Lines::default();
        if let Some(p) = find(text, cursor, "\"response\"") {
            cursor = p.saturating_add(1);
        }
        here.entry = lines.line(cursor);
        for f in &e.response.headers {
            let needle = serde_json::to_string(&f.name).unwrap_or_default();
            match find(text, cursor, &needle) {
                Some(p) => {
                    here.headers.push(lines.line(p));
                    cursor = p.saturating_add(1);
                }
                None => here.headers.push(here.entry),
            }
        }
        out.push(here);
    }
    out
}

fn find(text: &str, from: usize, needle: &str) -> Option<usize> {
    text.get(from..)?
        .find(needle)
        .map(|p| p.saturating_add(from))
}

/// Where a redirect goes, resolved against the URL it came from.
fn target(e: &Entry) -> Option<Url> {
    if !matches!(e.response.status, 301 | 302 | 303 | 307 | 308) {
        return None;
    }
    let base = Url::parse(&e.request.url).ok()?;
    let location = if e.response.redirect_url.is_empty() {
        e.response
            .headers
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case("location"))
            .map(|f| f.value.as_str())?
    } else {
        e.response.redirect_url.as_str()
    };
    base.join(location.trim()).ok()
}

/// For each entry, the later entry its redirect led to: the first not yet claimed whose URL
/// is the target. Each URL's entries wait in order, so this is linear.
fn redirects(entries: &[Entry]) -> Vec<Option<usize>> {
    let mut by_url: HashMap<String, VecDeque<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Ok(u) = Url::parse(&e.request.url) {
            by_url.entry(u.to_string()).or_default().push_back(i);
        }
    }
    let mut next = vec![None; entries.len()];
    for (i, e) in entries.iter().enumerate() {
        let Some(t) = target(e) else { continue };
        let Some(queue) = by_url.get_mut(&t.to_string()) else {
            continue;
        };
        while queue.front().is_some_and(|j| *j <= i) {
            queue.pop_front();
        }
        if let (Some(j), Some(slot)) = (queue.pop_front(), next.get_mut(i)) {
            *slot = Some(j);
        }
    }
    next
}

/// A page load: a navigation, by the browser's own resource type when it wrote one.
fn is_page(e: &Entry) -> bool {
    match e.resource_type.as_deref() {
        Some(t) => t == "document",
        None => {
            e.response.mime_type.starts_with("text/html")
                || e.request.headers.iter().any(|f| {
                    f.name.eq_ignore_ascii_case("accept") && f.value.starts_with("text/html")
                })
        }
    }
}

/// The redirect chains, split into pages (each with the subresources that follow it).
fn chains(entries: &[Entry], next: &[Option<usize>]) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let mut claimed = vec![false; entries.len()];
    for slot in next.iter().flatten() {
        if let Some(c) = claimed.get_mut(*slot) {
            *c = true;
        }
    }
    let mut all: Vec<Vec<usize>> = Vec::new();
    for (start, c) in claimed.iter().enumerate() {
        if *c {
            continue;
        }
        let mut chain = vec![start];
        let mut at = start;
        // Links only point forward (`redirects` takes a later entry), so this ends.
        while let Some(Some(j)) = next.get(at) {
            chain.push(*j);
            at = *j;
        }
        all.push(chain);
    }
    let page = |chain: &Vec<usize>| chain.iter().any(|i| entries.get(*i).is_some_and(is_page));
    let any_page = all.iter().any(page);
    let mut pages: Vec<Vec<usize>> = Vec::new();
    let mut subresources: Vec<Vec<usize>> = Vec::new();
    let mut orphans: Vec<usize> = Vec::new();
    for chain in all {
        if !any_page || page(&chain) {
            pages.push(chain);
            subresources.push(Vec::new());
        } else if let Some(subs) = subresources.last_mut() {
            subs.extend(chain);
        } else {
            orphans.extend(chain);
        }
    }
    // Subresources recorded before the first page belong to it.
    if let Some(first) = subresources.first_mut() {
        orphans.append(first);
        *first = orphans;
    }
    (pages, subresources)
}

/// "h2", "http/2.0", "HTTP/1.1" → "HTTP/2", "HTTP/1.1"; nothing for "" or "unknown".
fn version(v: &str) -> Option<String> {
    let v = v.trim().to_ascii_lowercase();
    let v = v.strip_prefix("http/").unwrap_or(&v);
    match v {
        "h2" | "2" | "2.0" => Some("HTTP/2".to_owned()),
        "h3" | "3" | "3.0" => Some("HTTP/3".to_owned()),
        "1.1" | "1.0" | "0.9" => Some(format!("HTTP/{v}")),
        _ => None,
    }
}

fn message(e: &Entry, lines: &Lines, new_site: bool, subresource: bool) -> Message {
    let status = u16::try_from(e.response.status)
        .ok()
        .filter(|s| (100..=999).contains(s));
    let fields = e
        .response
        .headers
        .iter()
        .zip(&lines.headers)
        .filter(|(f, _)| !f.name.starts_with(':') && !f.name.is_empty())
        .take(MAX_HEADERS)
        .map(|(f, line)| super::message::Field {
            name: f.name.to_ascii_lowercase(),
            value: super::message::cut(&f.value),
            line: *line,
        })
        .collect();
    let tls = e.security.as_ref().and_then(tls);
    Message {
        line: lines.entry,
        version: version(&e.response.http_version),
        status,
        reason: e.response.status_text.clone(),
        fields,
        url: Url::parse(&e.request.url).ok().map(|u| (u, UrlSource::Har)),
        request_origin: e
            .request
            .headers
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case("origin"))
            .map(|f| f.value.clone()),
        folded: Vec::new(),
        new_site,
        subresource,
        html: None,
        recorded: Some(Box::new(RecordedExchange {
            method: e.request.method.clone(),
            resource_type: e.resource_type.clone(),
            server_address: e.server_ip.clone().filter(|s| !s.is_empty()),
            tls,
            error: e
                .response
                .error
                .clone()
                .filter(|s| !s.is_empty())
                .or_else(|| (status.is_none()).then(|| "no response was recorded".to_owned())),
        })),
    }
}

fn tls(s: &Security) -> Option<RecordedTls> {
    let protocol = s.protocol.clone().filter(|p| !p.is_empty())?;
    // Seconds since the epoch (a float in the DevTools Protocol), kept to years 1970-9999.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let time = |t: Option<f64>| {
        t.filter(|t| t.is_finite() && *t >= 0.0 && *t < 253_402_300_800.0)
            .map(|t| crate::time::rfc3339(t as u64))
    };
    Some(RecordedTls {
        protocol,
        key_exchange: s
            .key_exchange_group
            .clone()
            .or_else(|| s.key_exchange.clone())
            .filter(|k| !k.is_empty()),
        cipher: s.cipher.clone().filter(|c| !c.is_empty()),
        subject: s.subject_name.clone(),
        issuer: s.issuer.clone(),
        names: s.san_list.iter().take(100).cloned().collect(),
        valid_from: time(s.valid_from),
        valid_to: time(s.valid_to),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(version("h2").as_deref(), Some("HTTP/2"));
        assert_eq!(version("http/2.0").as_deref(), Some("HTTP/2"));
        assert_eq!(version("HTTP/1.1").as_deref(), Some("HTTP/1.1"));
        assert_eq!(version("unknown"), None);
    }

    #[test]
    fn a_redirect_links_to_its_target_not_to_the_next_entry() {
        let har = r#"{"log":{"entries":[
{"request":{"method":"GET","url":"http://a.test/"},"response":{"status":301,"headers":[{"name":"Location","value":"https://a.test/"}]},"_resourceType":"document"},
{"request":{"method":"GET","url":"https://cdn.test/x.js"},"response":{"status":200,"headers":[]},"_resourceType":"script"},
{"request":{"method":"GET","url":"https://a.test/"},"response":{"status":200,"headers":[{"name":"Set-Cookie","value":"s=1"}]},"_resourceType":"document"}
]}}"#;
        let (parsed, recording) = read(har).expect("a HAR");
        assert_eq!(recording.entries, 3);
        let urls: Vec<(String, bool, bool)> = parsed
            .messages
            .iter()
            .map(|m| {
                let url = m
                    .url
                    .as_ref()
                    .map(|(u, _)| u.to_string())
                    .unwrap_or_default();
                (url, m.new_site, m.subresource)
            })
            .collect();
        assert_eq!(
            urls,
            [
                ("http://a.test/".to_owned(), true, false),
                ("https://a.test/".to_owned(), false, false),
                ("https://cdn.test/x.js".to_owned(), false, true),
            ]
        );
        assert_eq!(parsed.messages.get(1).map(|m| m.line), Some(4));
    }
}
