//! Finding HTTP responses in pasted text.
//!
//! People paste `curl -sI` / `curl -sIL` output (status line, `name: value` lines, a blank
//! line, the next response), `curl -v` output (the same lines behind `< `, the request behind
//! `> `, connection notes behind `* `), raw HTTP/1.1 or HTTP/2-style lowercase headers, and
//! headers copied from browser devtools (`name: value`, or name and value on alternate lines,
//! often without a status line). This module reads all of them line by line, so one line it
//! cannot read is reported with its number and skipped instead of hiding the rest. It does not
//! use `httparse`: that parser reads one well-formed message from bytes, while a paste needs
//! per-line recovery, terminal prefixes and devtools layouts.
//!
//! Field syntax follows [RFC 9110 §5] (names are case-insensitive tokens) and [RFC 9112 §5]
//! (obsolete line folding, which is unfolded and reported).
//!
//! [RFC 9110 §5]: https://www.rfc-editor.org/rfc/rfc9110#section-5
//! [RFC 9112 §5]: https://www.rfc-editor.org/rfc/rfc9112#section-5

use super::url::Url;

/// The most responses read from one paste.
pub const MAX_RESPONSES: usize = 64;
/// The most header fields read from one response.
pub const MAX_HEADERS: usize = 256;
/// The longest header value kept, in bytes; longer values are cut and reported.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// One header field as it appeared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    /// Lower-case name.
    pub(crate) name: String,
    pub(crate) value: String,
    /// 1-based line in the paste.
    pub(crate) line: usize,
}

/// How the URL of a response became known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlSource {
    /// From a `curl … URL` command line in the paste.
    Command,
    /// From the request lines of `curl -v` (`> GET /path`, `> Host:`, the port).
    Request,
    /// From the previous response's `Location`.
    Redirect,
    /// Guessed: a first response that redirects to `https://host/` was for `http://host/`.
    Inferred,
    /// Recorded by the browser in a HAR file.
    Har,
}

/// One response read from the paste.
#[derive(Debug, Clone, Default)]
pub(crate) struct Message {
    /// 1-based line of the status line (or of the first header when there was none).
    pub(crate) line: usize,
    /// "HTTP/1.1", "HTTP/2"…; `None` when the paste had no status line.
    pub(crate) version: Option<String>,
    pub(crate) status: Option<u16>,
    pub(crate) reason: String,
    pub(crate) fields: Vec<Field>,
    pub(crate) url: Option<(Url, UrlSource)>,
    /// The `Origin` the request sent, when `curl -v` showed it (for CORS reflection).
    pub(crate) request_origin: Option<String>,
    /// Lines that continued the previous field with leading whitespace (obs-fold).
    pub(crate) folded: Vec<usize>,
    /// Starts a new site rather than following the previous response's redirect.
    pub(crate) new_site: bool,
    /// A response to a script, image or API call of the page before it (from a HAR file): its
    /// cookies count, its headers do not protect the page.
    pub(crate) subresource: bool,
    /// What a HAR file recorded beside the headers.
    pub(crate) recorded: Option<Box<super::RecordedExchange>>,
    /// The HTML page pasted after its headers (or alone, then with no fields).
    pub(crate) html: Option<Box<crate::html::HtmlPage>>,
}

impl Message {
    /// Values of every field named `name` (lower case), in order.
    pub(crate) fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Field> + 'a {
        self.fields.iter().filter(move |f| f.name == name)
    }

    /// The first field named `name`.
    pub(crate) fn first(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// All values of `name` joined with ", ", as a browser's `Headers.get` returns them.
    pub(crate) fn joined(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self.all(name).map(|f| f.value.as_str()).collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    pub(crate) fn is_redirect(&self) -> bool {
        matches!(self.status, Some(301 | 302 | 303 | 307 | 308))
    }

    pub(crate) fn is_https(&self) -> Option<bool> {
        self.url.as_ref().map(|(u, _)| u.scheme() == "https")
    }
}

/// A line that could not be read: 1-based line, byte offset, what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineProblem {
    /// 1-based number of the response the line belongs to (0 before the first).
    pub(crate) response: usize,
    pub(crate) line: usize,
    pub(crate) byte_offset: usize,
    pub(crate) message: String,
}

impl LineProblem {
    /// As a [`Problem`](crate::Problem) of the report, located at its line.
    pub(crate) fn problem(self) -> crate::Problem {
        let at = crate::Location {
            block: self.response.max(1),
            line: Some(self.line),
            byte_offset: self.byte_offset,
        };
        crate::Problem::new(
            at,
            crate::Error::HttpLine {
                message: self.message,
            },
        )
    }
}

/// Everything found: the responses in order and the lines that could not be read.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) messages: Vec<Message>,
    pub(crate) problems: Vec<LineProblem>,
}

/// Response header names recognised when a paste has no status line (devtools copies).
const KNOWN: &[&str] = &[
    "strict-transport-security",
    "content-security-policy",
    "content-security-policy-report-only",
    "set-cookie",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "permissions-policy",
    "cross-origin-opener-policy",
    "cross-origin-embedder-policy",
    "cross-origin-resource-policy",
    "access-control-allow-origin",
    "content-type",
    "cache-control",
    "server",
    "x-powered-by",
    "location",
    "alt-svc",
    "expect-ct",
    "public-key-pins",
    "x-xss-protection",
];

#[derive(Default)]
struct Pending {
    stated: Option<Url>,
    method_target: Option<String>,
    host: Option<String>,
    origin: Option<String>,
    port: Option<u16>,
    tls: bool,
}

#[derive(PartialEq, Eq)]
enum State {
    Outside,
    Headers,
    Body,
}

struct Parser {
    out: Parsed,
    state: State,
    pending: Pending,
    /// A devtools name line waiting for its value line.
    name_line: Option<(String, usize)>,
    in_pem: bool,
    too_many: bool,
}

/// Reads every response in `text`. Returns nothing useful (no messages) for text that holds
/// no HTTP.
pub(crate) fn parse(text: &str) -> Parsed {
    let mut p = Parser {
        out: Parsed::default(),
        state: State::Outside,
        pending: Pending::default(),
        name_line: None,
        in_pem: false,
        too_many: false,
    };
    let mut offset = 0usize;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let line = index.saturating_add(1);
        p.line(raw.trim_end_matches(['\r', '\n']), line, offset);
        offset = offset.saturating_add(raw.len());
    }
    p.out
}

fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_tchar)
}

/// "HTTP/1.1 301 Moved Permanently" → ("HTTP/1.1", 301, "Moved Permanently").
fn status_line(s: &str) -> Option<(String, u16, String)> {
    let mut parts = s.trim().splitn(3, ' ');
    let version = parts.next()?;
    let rest = version.strip_prefix("HTTP/")?;
    if !(rest.len() <= 3 && rest.chars().all(|c| c.is_ascii_digit() || c == '.')) {
        return None;
    }
    let code = parts.next()?;
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let status = code.parse().ok()?;
    Some((
        version.to_owned(),
        status,
        parts.next().unwrap_or("").trim().to_owned(),
    ))
}

/// The URL argument of a `curl …` command line, with any shell prompt before it.
fn curl_url(s: &str) -> Option<Url> {
    let at = s.find("curl ")?;
    let before = s.get(..at)?.trim();
    if !(before.is_empty() || before.ends_with(['$', '#', '>', '%'])) {
        return None;
    }
    // Options whose argument is not the URL (a header value may hold one).
    const TAKES_ARG: &[&str] = &[
        "-H",
        "--header",
        "-e",
        "--referer",
        "-d",
        "--data",
        "--data-raw",
        "-x",
        "--proxy",
        "-u",
        "--user",
        "-A",
        "--user-agent",
        "-o",
        "--output",
        "-b",
        "--cookie",
        "-F",
        "--form",
        "--resolve",
        "--connect-to",
    ];
    let mut previous = "";
    let mut quote: Option<char> = None;
    for t in s.get(at..)?.split_whitespace() {
        let skip = TAKES_ARG.contains(&previous) || quote.is_some();
        previous = t;
        if let Some(q) = quote {
            if t.ends_with(q) {
                quote = None;
            }
            continue;
        }
        if let Some(q) = t.chars().next().filter(|c| *c == '\'' || *c == '"') {
            if t.len() == 1 || !t.ends_with(q) {
                quote = Some(q);
            }
        }
        if skip {
            continue;
        }
        let t = t.trim_matches(|c| c == '\'' || c == '"');
        if t.starts_with("http://") || t.starts_with("https://") {
            if let Ok(url) = Url::parse(t) {
                return Some(url);
            }
        }
    }
    None
}

impl Parser {
    fn line(&mut self, raw: &str, line: usize, offset: usize) {
        let trimmed = raw.trim();
        if trimmed.starts_with("-----BEGIN ") {
            self.in_pem = true;
            return;
        }
        if self.in_pem {
            if trimmed.starts_with("-----END ") {
                self.in_pem = false;
            }
            return;
        }
        let field_like = trimmed
            .split_once(':')
            .is_some_and(|(name, _)| is_token(name.trim_start_matches(['<', ' '])));
        if let Some(url) = curl_url(trimmed).filter(|_| !field_like) {
            self.end_message();
            self.pending = Pending {
                stated: Some(url),
                ..Pending::default()
            };
            return;
        }
        // curl -v: "< " response, "> " request, "* " notes, "{ [5 bytes data]".
        if let Some(rest) = raw.strip_prefix('<') {
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            return self.content(rest, line, offset, true);
        }
        if let Some(rest) = raw.strip_prefix('>') {
            return self.request(rest.trim());
        }
        if let Some(rest) = raw.strip_prefix("* ") {
            return self.note(rest.trim());
        }
        if trimmed.starts_with("{ [") || trimmed.starts_with("} [") {
            return;
        }
        self.content(raw, line, offset, false)
    }

    fn request(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some((name, value)) = s.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "host" | ":authority" => self.pending.host = Some(value.trim().to_owned()),
                "origin" => self.pending.origin = Some(value.trim().to_owned()),
                _ => {}
            }
            return;
        }
        let mut parts = s.split_whitespace();
        if let (Some(method), Some(target)) = (parts.next(), parts.next()) {
            if method.chars().all(|c| c.is_ascii_uppercase()) {
                self.end_message();
                self.pending.method_target = Some(target.to_owned());
                self.pending.host = None;
                self.pending.origin = None;
            }
        }
    }

    fn note(&mut self, s: &str) {
        // "Connected to example.com (93.184.216.34) port 443" (curl ≥ 8 adds "(#0)" forms).
        if let Some(rest) = s.strip_prefix("Connected to ") {
            if let Some(port) = rest
                .split_once(" port ")
                .and_then(|(_, p)| p.split_whitespace().next())
                .and_then(|p| p.parse().ok())
            {
                self.pending.port = Some(port);
                self.pending.tls = port == 443;
            }
        }
        if s.contains("SSL connection using")
            || s.starts_with("ALPN")
            || s.starts_with("TLSv")
            || s.contains("SSL certificate verify")
        {
            self.pending.tls = true;
        }
    }

    /// The URL of a response from what was pending when its status line arrived.
    fn url_for_new(&mut self) -> Option<(Url, UrlSource)> {
        if let (Some(target), Some(host)) = (&self.pending.method_target, &self.pending.host) {
            let scheme = if self.pending.tls { "https" } else { "http" };
            let default_port = if self.pending.tls { 443 } else { 80 };
            let port = match self.pending.port {
                Some(p) if p != default_port && !host.contains(':') => format!(":{p}"),
                _ => String::new(),
            };
            let url = if target.starts_with("http://") || target.starts_with("https://") {
                Url::parse(target).ok()
            } else {
                Url::parse(&format!("{scheme}://{host}{port}{target}")).ok()
            };
            self.pending.method_target = None;
            self.pending.tls = false;
            return url.map(|u| (u, UrlSource::Request));
        }
        if let Some(url) = self.pending.stated.take() {
            return Some((url, UrlSource::Command));
        }
        let previous = self.out.messages.last()?;
        if !previous.is_redirect() {
            return None;
        }
        let location = previous.first("location")?.value.trim();
        let next = match &previous.url {
            Some((base, _)) => base.join(location).ok(),
            None => Url::parse(location).ok(),
        }?;
        Some((next, UrlSource::Redirect))
    }

    fn start(&mut self, line: usize, offset: usize, status: Option<(String, u16, String)>) {
        self.end_message();
        if self.out.messages.len() >= MAX_RESPONSES {
            if !self.too_many {
                self.too_many = true;
                self.problem(
                    line,
                    offset,
                    format!("more than {MAX_RESPONSES} responses; the rest are not read"),
                );
            }
            self.state = State::Body;
            return;
        }
        let interim = self
            .out
            .messages
            .last()
            .and_then(|m| m.status)
            .is_some_and(|s| (100..200).contains(&s));
        let stated = self.pending.stated.is_some() || self.pending.method_target.is_some();
        let url = self.url_for_new();
        let follows = self
            .out
            .messages
            .last()
            .is_some_and(|m| m.is_redirect() || interim);
        let (version, status, reason) = match status {
            Some((v, s, r)) => (Some(v), Some(s), r),
            None => (None, None, String::new()),
        };
        self.out.messages.push(Message {
            line,
            version,
            status,
            reason,
            url,
            request_origin: self.pending.origin.take(),
            new_site: !follows || (stated && !interim),
            ..Message::default()
        });
        self.state = State::Headers;
    }

    fn end_message(&mut self) {
        self.name_line = None;
        if self.state == State::Headers {
            self.state = State::Body;
        }
    }

    fn problem(&mut self, line: usize, byte_offset: usize, message: String) {
        if self.out.problems.len() < MAX_HEADERS {
            self.out.problems.push(LineProblem {
                response: self.out.messages.len(),
                line,
                byte_offset,
                message,
            });
        }
    }

    fn content(&mut self, s: &str, line: usize, offset: usize, from_curl: bool) {
        if let Some(status) = status_line(s) {
            return self.start(line, offset, Some(status));
        }
        let t = s.trim();
        // HTTP/2 pseudo-header status, as devtools shows it.
        if let Some(code) = t
            .strip_prefix(":status:")
            .map(str::trim)
            .and_then(|c| c.parse::<u16>().ok())
        {
            return self.start(
                line,
                offset,
                Some(("HTTP/2".to_owned(), code, String::new())),
            );
        }
        match self.state {
            State::Headers => self.header_line(s, line, offset),
            State::Outside | State::Body => {
                // Devtools copies often have no status line: start at a known header.
                if self.out.messages.is_empty() || (from_curl && self.state == State::Outside) {
                    let name = t.split_once(':').map_or(t, |(n, _)| n).to_ascii_lowercase();
                    if KNOWN.contains(&name.trim()) && (t.contains(':') || !t.contains(' ')) {
                        self.start(line, offset, None);
                        self.header_line(s, line, offset);
                    }
                }
            }
        }
    }

    fn header_line(&mut self, s: &str, line: usize, offset: usize) {
        if let Some((name, name_at)) = self.name_line.take() {
            return self.push(name, s.trim().to_owned(), name_at, offset);
        }
        if s.trim().is_empty() {
            self.state = State::Body;
            return;
        }
        if s.starts_with([' ', '\t']) {
            if let Some(last) = self.out.messages.last_mut().and_then(|m| {
                m.folded.push(line);
                m.fields.last_mut()
            }) {
                last.value.push(' ');
                last.value.push_str(s.trim());
                return;
            }
        }
        let t = s.trim();
        if let Some((name, value)) = t.split_once(':') {
            let name = name.trim_end();
            if name.is_empty() && value.contains(':') {
                // An HTTP/2 pseudo-header such as ":authority: example.com": not a response field.
                return;
            }
            if is_token(name) {
                return self.push(
                    name.to_ascii_lowercase(),
                    value.trim().to_owned(),
                    line,
                    offset,
                );
            }
        } else if is_token(t) {
            // Devtools "name" then "value" on the next line.
            self.name_line = Some((t.to_ascii_lowercase(), line));
            return;
        }
        let shown: String = t.chars().take(60).collect();
        self.problem(
            line,
            offset,
            format!("line {line} is not a header field (name: value): {shown:?}; skipped"),
        );
    }

    fn push(&mut self, name: String, mut value: String, line: usize, offset: usize) {
        let mut problem = None;
        if let Some(m) = self.out.messages.last_mut() {
            if m.fields.len() >= MAX_HEADERS {
                if m.fields.len() == MAX_HEADERS {
                    problem = Some(format!(
                        "more than {MAX_HEADERS} header fields in one response; the rest are not read"
                    ));
                    m.fields.push(Field {
                        name: String::new(),
                        value: String::new(),
                        line,
                    });
                }
            } else {
                if value.len() > MAX_HEADER_BYTES {
                    value = cut(&value);
                    problem = Some(format!(
                        "the {name} value on line {line} is longer than {MAX_HEADER_BYTES} bytes; only the start is read"
                    ));
                }
                m.fields.push(Field { name, value, line });
            }
        }
        if let Some(message) = problem {
            self.problem(line, offset, message);
        }
    }
}

/// `value` cut to at most [`MAX_HEADER_BYTES`], at a character boundary.
pub(crate) fn cut(value: &str) -> String {
    let mut end = value.len().min(MAX_HEADER_BYTES);
    while !value.is_char_boundary(end) {
        end = end.saturating_sub(1);
    }
    value.get(..end).unwrap_or_default().to_owned()
}

#[cfg(test)]
#[path = "message_tests.rs"]
mod tests;
