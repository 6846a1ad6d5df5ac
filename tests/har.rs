//! HAR files (HTTP Archive 1.2) recorded by Chromium through Playwright's `recordHar`
//! (`tests/data/http/record-har.mjs`) from the same local sites as the curl transcripts
//! beside them: the browser's recording and curl's must give the same verdict on each page.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::{inspect, HttpReport, Options, Report};
use serde_json::Value;
use std::collections::BTreeMap;

const AT: u64 = 1_796_300_000;

fn data(name: &str) -> String {
    std::fs::read_to_string(format!("tests/data/http/{name}")).unwrap()
}

fn report(text: &str) -> Report {
    inspect(text.as_bytes(), &Options::at(AT)).unwrap()
}

fn only_site(text: &str) -> HttpReport {
    let mut r = report(text);
    assert_eq!(r.http.len(), 1, "one site expected: {:?}", r.errors);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r.http.remove(0)
}

fn ids(site: &HttpReport) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = site.findings.iter().map(|f| f.id).collect();
    v.sort_unstable();
    v
}

fn observatory(site: &HttpReport) -> BTreeMap<&'static str, String> {
    site.observatory
        .tests
        .iter()
        .map(|t| (t.test, t.result.to_string()))
        .collect()
}

#[test]
fn the_browsers_recording_and_curls_agree_on_every_page() {
    for name in ["shop", "strict", "legacy"] {
        let har = only_site(&data(&format!("{name}.har")));
        let curl = only_site(&data(&format!("{name}-sIL.txt")));
        let urls = |s: &HttpReport| -> Vec<(Option<u16>, Option<String>)> {
            s.responses
                .iter()
                .map(|r| (r.status, r.url.clone()))
                .collect()
        };
        assert_eq!(urls(&har), urls(&curl), "{name}: redirect chain");
        assert_eq!(
            observatory(&har),
            observatory(&curl),
            "{name}: Observatory tests"
        );
        assert_eq!(har.observatory.score, curl.observatory.score, "{name}");
        assert_eq!(har.grade.score, curl.grade.score, "{name}: certscope grade");
        // The recording sees more: the page's own requests. Everything curl found is found,
        // and what is added is about those requests' cookies.
        let mut extra = ids(&har);
        for id in ids(&curl) {
            let at = extra.iter().position(|x| *x == id);
            assert!(
                at.is_some(),
                "{name}: {id} found from curl, not from the HAR"
            );
            extra.remove(at.unwrap());
        }
        if name == "shop" {
            assert_eq!(extra.len(), 3, "{extra:?}");
            for id in &extra {
                let about_cart =
                    |f: &&certscope::Finding| f.id == *id && f.evidence.contains("cart");
                assert!(har.findings.iter().any(|f| about_cart(&f)), "{name}: {id}");
            }
        } else {
            assert!(extra.is_empty(), "{name}: {extra:?}");
        }
        assert!(har.responses.iter().all(|r| r.url_source == Some("har")));
        assert_eq!(
            har.recorded_by.as_deref(),
            Some("Playwright 1.65.1 (chromium 156.0.8078.114)")
        );
    }
}

#[test]
fn a_pages_scripts_images_and_api_calls_are_its_subresources() {
    let text = data("shop.har");
    let site = only_site(&text);
    let subs: Vec<(String, &str, Option<&str>)> = site
        .subresources
        .iter()
        .map(|r| {
            let rec = r.recorded.as_ref().unwrap();
            (
                r.url.clone().unwrap(),
                rec.method.as_str(),
                rec.resource_type.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        subs,
        [
            (
                "https://shop.certscope.test/app.js".into(),
                "GET",
                Some("script")
            ),
            (
                "https://shop.certscope.test/pixel.gif".into(),
                "GET",
                Some("image")
            ),
            (
                "https://shop.certscope.test/api/cart".into(),
                "GET",
                Some("fetch")
            ),
        ]
    );
    // The API call's cookie is checked (not Secure, like the session cookie), but the
    // Observatory, which reads the page only, is not said to see it.
    let cart: Vec<_> = site
        .findings
        .iter()
        .filter(|f| f.evidence.starts_with("Set-Cookie cart "))
        .collect();
    assert!(cart.iter().any(|f| f.id == "cookie.no-secure"), "{cart:?}");
    assert!(cart.iter().all(|f| f.observatory.is_none()));
    assert!(site.cookies.iter().any(|c| c.name == "cart"));
    // The TLS details Chromium recorded for the HTTPS page.
    let page = site.responses.last().unwrap().recorded.as_ref().unwrap();
    let tls = page.tls.as_ref().unwrap();
    assert_eq!(tls.protocol, "TLS 1.3");
    assert_eq!(tls.subject.as_deref(), Some("certscope.test"));
    assert!(tls.valid_to.as_deref().unwrap().starts_with("2027-"));
    assert_eq!(page.server_address.as_deref(), Some("127.0.0.1"));
    let first = site.responses.first().unwrap().recorded.as_ref().unwrap();
    assert!(first.tls.is_none(), "the plain-HTTP redirect has no TLS");
    // Cookie values are secrets: the report holds their length, never their value.
    let json = serde_json::to_string(&report(&text)).unwrap();
    for secret in ["8f2b1c9d0e", "a41f", "Zq81"] {
        assert!(text.contains(secret));
        assert!(!json.contains(secret), "{secret} leaked into the report");
    }
}

#[test]
fn a_pretty_printed_har_gives_each_header_its_line() {
    let value: Value = serde_json::from_str(&data("shop.har")).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    let lines: Vec<&str> = pretty.lines().collect();
    let site = only_site(&pretty);
    let mut checked = 0;
    for r in site.responses.iter().chain(&site.subresources) {
        assert!(lines[r.line - 1].contains("\"response\""), "{}", r.line);
        for f in &r.headers {
            let at = lines[f.line - 1].to_ascii_lowercase();
            assert!(
                at.contains(&format!("\"name\": \"{}\"", f.name)),
                "{} at {}: {at}",
                f.name,
                f.line
            );
            checked += 1;
        }
    }
    assert!(checked > 25, "{checked}");
}

/// Firefox writes no `_resourceType`: pages are told by their HTML response or by the request
/// that accepted HTML, as navigations do.
#[test]
fn without_resource_types_pages_are_told_by_html() {
    let mut value: Value = serde_json::from_str(&data("shop.har")).unwrap();
    for e in value["log"]["entries"].as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("_resourceType");
        e.as_object_mut().unwrap().remove("_securityDetails");
    }
    let site = only_site(&value.to_string());
    assert_eq!(site.responses.len(), 2);
    assert_eq!(site.subresources.len(), 3);
    assert!(site
        .subresources
        .iter()
        .all(|r| r.recorded.as_ref().unwrap().tls.is_none()));
}

#[test]
fn a_sanitized_export_is_said_to_hide_cookies() {
    let mut value: Value = serde_json::from_str(&data("shop.har")).unwrap();
    for e in value["log"]["entries"].as_array_mut().unwrap() {
        e["response"]["headers"]
            .as_array_mut()
            .unwrap()
            .retain(|h| h["name"] != "Set-Cookie");
    }
    let site = only_site(&value.to_string());
    assert!(site.cookies.is_empty());
    assert!(
        site.notes.iter().any(|n| n.contains("sanitized")),
        "{:?}",
        site.notes
    );
    let with_cookies = only_site(&data("shop.har"));
    assert!(!with_cookies.notes.iter().any(|n| n.contains("sanitized")));
}

/// Requests that got no response, and a HAR whose recorded bodies hold a JWK Set (read as
/// the HAR it is, not as keys).
#[test]
fn failed_requests_and_bodies_are_described_not_misread() {
    let har = r#"{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"entries":[
{"request":{"method":"GET","url":"https://a.test/","headers":[]},"response":{"status":200,"httpVersion":"h2","headers":[{"name":":status","value":"200"},{"name":"content-type","value":"text/html"},{"name":"strict-transport-security","value":"max-age=63072000"}],"content":{"mimeType":"text/html"}},"_resourceType":"document"},
{"request":{"method":"GET","url":"https://ads.test/x.js","headers":[]},"response":{"status":0,"headers":[],"content":{"mimeType":"x-unknown"},"_error":"net::ERR_BLOCKED_BY_CLIENT"},"_resourceType":"script"},
{"request":{"method":"GET","url":"https://a.test/.well-known/jwks.json","headers":[]},"response":{"status":200,"httpVersion":"h2","headers":[{"name":"content-type","value":"application/json"}],"content":{"mimeType":"application/json","text":"{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"a\",\"y\":\"b\"}]}"}},"_resourceType":"fetch"}
]}}"#;
    let r = report(har);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(r.document.is_none(), "read as a JWK Set");
    let site = &r.http[0];
    assert_eq!(site.responses[0].version.as_deref(), Some("HTTP/2"));
    assert!(site.responses[0]
        .headers
        .iter()
        .all(|h| !h.name.starts_with(':')));
    assert_eq!(site.recorded_by.as_deref(), Some("WebInspector 537.36"));
    let blocked = &site.subresources[0];
    assert_eq!(blocked.status, None);
    assert!(blocked.meaning.contains("net::ERR_BLOCKED_BY_CLIENT"));
    assert!(site
        .notes
        .iter()
        .any(|n| n.contains("https://ads.test/x.js (net::ERR_BLOCKED_BY_CLIENT)")));
}

#[test]
fn hostile_hars_get_a_bounded_result_or_a_clear_error() {
    // 100,000 entries: the first MAX_HAR_ENTRIES are read, and that is said.
    let entry = r#"{"request":{"url":"https://a.test/x"},"response":{"status":204}}"#;
    let mut many = String::from(
        r#"{"log":{"entries":[{"request":{"method":"GET","url":"https://a.test/"},"response":{"status":200,"headers":[]},"_resourceType":"document"}"#,
    );
    for _ in 0..100_000 {
        many.push(',');
        many.push_str(entry);
    }
    many.push_str("]}}");
    assert!(many.len() < certscope::MAX_INPUT_BYTES);
    let r = report(&many);
    assert!(r.errors.iter().any(|e| e.message.contains(&format!(
        "the first {} are read",
        certscope::MAX_HAR_ENTRIES
    ))));
    assert_eq!(r.http[0].subresources.len(), certscope::MAX_SUBRESOURCES);

    // Past the input limit: the error says how to make the file small.
    let mut big = String::from(
        r#"{"log":{"entries":[{"request":{"url":"https://a.test/"},"response":{"status":200,"content":{"text":""#,
    );
    big.push_str(&"A".repeat(certscope::MAX_INPUT_BYTES));
    big.push_str(r#""}}}]}}"#);
    let e = inspect(big.as_bytes(), &Options::at(AT)).unwrap_err();
    assert_eq!(e.code(), "input-too-large");
    assert!(
        e.to_string()
            .contains("jq 'del(.log.entries[].response.content.text)'"),
        "{e}"
    );

    // Not JSON after all: one error at the byte where it broke.
    let broken = "{\"log\":{\"entries\":[\n{\"request\":}]}}";
    let r = report(broken);
    let p = r
        .errors
        .iter()
        .find(|e| e.code == "http-line")
        .expect("an error");
    assert_eq!(p.location.line, Some(2));
    assert_eq!(p.location.byte_offset, 31);
    assert!(
        p.message.contains("not a readable HAR file"),
        "{}",
        p.message
    );

    // 300 page loads: the pages a paste may hold are read, the rest reported.
    let page = r#"{"request":{"method":"GET","url":"https://a.test/"},"response":{"status":200,"headers":[]},"_resourceType":"document"}"#;
    let pages = format!(r#"{{"log":{{"entries":[{}]}}}}"#, vec![page; 300].join(","));
    let r = report(&pages);
    assert_eq!(r.http.len(), certscope::MAX_RESPONSES);
    assert!(r
        .errors
        .iter()
        .any(|e| e.message.contains("later pages are not read")));
}
