//! Unit tests for reading pasted HTTP responses: curl, devtools and folded forms.

use super::*;

#[test]
fn curl_sil_redirect_chain() {
    let text = "$ curl -sIL http://example.com\nHTTP/1.1 301 Moved Permanently\r\nLocation: https://example.com/\r\nContent-Length: 0\r\n\r\nHTTP/2 200\r\ncontent-type: text/html\r\nset-cookie: a=b\r\nset-cookie: c=d\r\n\r\n";
    let p = parse(text);
    assert_eq!(p.messages.len(), 2);
    let first = &p.messages[0];
    assert_eq!(first.status, Some(301));
    assert_eq!(
        first.url.as_ref().map(|u| u.0.to_string()),
        Some("http://example.com/".to_owned())
    );
    let second = &p.messages[1];
    assert_eq!(second.status, Some(200));
    assert_eq!(
        second.url.as_ref().map(|u| (u.0.to_string(), u.1)),
        Some(("https://example.com/".to_owned(), UrlSource::Redirect))
    );
    assert_eq!(second.all("set-cookie").count(), 2);
    assert!(!second.new_site);
    assert!(p.problems.is_empty());
}

#[test]
fn devtools_alternate_lines_and_garbage() {
    let text = "strict-transport-security\nmax-age=63072000\ncontent-type\ntext/html\nthis is not a header\nx-frame-options: DENY\n";
    let p = parse(text);
    assert_eq!(p.messages.len(), 1);
    let m = &p.messages[0];
    assert_eq!(m.status, None);
    assert_eq!(
        m.first("strict-transport-security")
            .map(|f| f.value.as_str()),
        Some("max-age=63072000")
    );
    assert_eq!(m.first("x-frame-options").map(|f| f.line), Some(6));
    assert_eq!(p.problems.len(), 1);
    assert_eq!(p.problems[0].line, 5);
}

#[test]
fn curl_verbose_request_gives_the_url() {
    let text = "* Connected to example.org (1.2.3.4) port 443\n* ALPN: server accepted h2\n> GET /login HTTP/2\n> Host: example.org\n> Origin: https://evil.test\n>\n< HTTP/2 200\n< access-control-allow-origin: https://evil.test\n<\n";
    let p = parse(text);
    let m = &p.messages[0];
    assert_eq!(
        m.url.as_ref().map(|u| u.0.to_string()),
        Some("https://example.org/login".to_owned())
    );
    assert_eq!(m.request_origin.as_deref(), Some("https://evil.test"));
}

#[test]
fn folded_lines_are_joined() {
    let p = parse(
        "HTTP/1.1 200 OK\nContent-Security-Policy: default-src 'self';\n  script-src 'self'\n\n",
    );
    let m = &p.messages[0];
    assert_eq!(m.fields[0].value, "default-src 'self'; script-src 'self'");
    assert_eq!(m.folded, vec![3]);
}
