//! Pasted HTML: policies set in `<meta>` elements, scripts and Subresource Integrity, read
//! from real `curl -si` transcripts of nginx (tests/data/http/record-nginx.sh) and from the
//! page pasted alone. The anchors' own verdicts on the same pages are compared in
//! tests/node/anchors.test.mjs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::{inspect, HtmlFacts, HttpReport, Options};

const AT: u64 = 1_795_000_000;

fn site(file: &str) -> HttpReport {
    let text = std::fs::read(format!("tests/data/http/{file}")).unwrap();
    let report = inspect(&text, &Options::at(AT)).unwrap();
    assert_eq!(report.http.len(), 1, "{file}: one site");
    report.http.into_iter().next().unwrap()
}

fn ids(r: &HttpReport) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.id).collect()
}

fn test<'a>(r: &'a HttpReport, name: &str) -> &'a certscope::ObservatoryTest {
    r.observatory.tests.iter().find(|t| t.test == name).unwrap()
}

#[test]
fn a_meta_policy_is_enforced_without_the_directives_meta_cannot_carry() {
    let r = site("page-meta-sri.txt");
    let csp = r.csp.as_ref().expect("the <meta> policy is the page's CSP");
    assert_eq!(csp.meta_policies, 1);
    let names: Vec<&str> = csp.policies[0].iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["default-src", "script-src", "img-src"]);
    let f = ids(&r);
    assert!(f.contains(&"csp.meta-ignored-directive"), "{f:?}");
    assert!(f.contains(&"csp.meta-after-script"), "{f:?}");
    assert!(!f.contains(&"csp.missing"), "{f:?}");
    let dropped = r
        .findings
        .iter()
        .find(|f| f.id == "csp.meta-ignored-directive")
        .unwrap();
    assert!(
        dropped.evidence.contains("frame-ancestors 'none'")
            && dropped.evidence.contains("report-uri /csp-report")
    );
    // The <meta> frame-ancestors protects nothing: certscope says so, the Observatory counts it.
    assert!(f.contains(&"header.framing-unprotected"), "{f:?}");
    let xfo = test(&r, "x-frame-options");
    assert_eq!(xfo.result, "x-frame-options-implemented-via-csp");
    assert!(xfo.note.as_deref().unwrap().contains("ignore"));
}

#[test]
fn scripts_are_judged_by_the_observatory_rules_and_by_certscope() {
    let r = site("page-meta-sri.txt");
    assert_eq!(
        test(&r, "content-security-policy").result,
        "csp-implemented-with-no-unsafe"
    );
    assert_eq!(
        test(&r, "referrer-policy").result,
        "referrer-policy-private"
    );
    let sri = test(&r, "subresource-integrity");
    assert!(sri.judged);
    // http://widgets.example.net/chat.js has neither https nor a hash: the worst result.
    assert_eq!(
        sri.result,
        "sri-not-implemented-and-external-scripts-not-loaded-securely"
    );
    assert_eq!(sri.modifier, -50);
    let f = ids(&r);
    for id in [
        "sri.mixed-script",
        "sri.integrity-without-crossorigin",
        "sri.missing",
    ] {
        assert!(f.contains(&id), "{id} in {f:?}");
    }
    let missing = r.findings.iter().find(|f| f.id == "sri.missing").unwrap();
    assert!(
        missing.evidence.contains("googletagmanager")
            && missing.evidence.contains("static.certscope.test")
    );
    assert!(
        !missing.evidence.contains("consent.js"),
        "a same-origin script needs no hash"
    );
}

#[test]
fn html_pasted_alone_is_judged_on_what_it_shows() {
    let r = site("page.html");
    assert!(r.notes.iter().any(|n| n.contains("Only the page's HTML")));
    assert_eq!(r.csp.as_ref().unwrap().meta_policies, 1);
    assert!(
        ids(&r)
            .iter()
            .all(|id| id.starts_with("csp.") || id.starts_with("sri.")),
        "{:?}",
        ids(&r)
    );
    for t in &r.observatory.tests {
        let judged = matches!(t.test, "content-security-policy" | "referrer-policy");
        assert_eq!(t.judged, judged, "{}", t.test);
    }
}

#[test]
fn plain_http_to_a_tls_only_port_is_not_a_missing_redirect() {
    let r = site("http-on-https-port.txt");
    let f = ids(&r);
    assert!(f.contains(&"transport.http-on-https-port"), "{f:?}");
    assert!(!f.contains(&"transport.no-redirect"), "{f:?}");
    let redirect = test(&r, "redirection");
    assert_eq!(
        redirect.result, "redirection-missing",
        "the anchor's verdict stays"
    );
    assert!(redirect.note.as_deref().unwrap().contains("#212"));
    // nginx's error_page 497 redirect, as the finding's fix says, recorded from a real nginx.
    let fixed = site("http-on-https-port-497.txt");
    assert_eq!(test(&fixed, "redirection").result, "redirection-to-https");
    assert!(!ids(&fixed).contains(&"transport.http-on-https-port"));
}

#[test]
fn the_facts_cross_to_the_http_module_as_json_unchanged() {
    let text = std::fs::read_to_string("tests/data/http/page-meta-sri.txt").unwrap();
    let facts = certscope::read_html(&text);
    assert_eq!(facts.pages.len(), 1);
    assert_eq!(facts.pages[0].scripts.len(), 5);
    assert_eq!(
        facts.pages[0].scripts[2].domain.as_deref(),
        Some("certscope.test")
    );
    assert!(facts.suffix_list.contains("publicsuffix"));
    let json = serde_json::to_string(&facts).unwrap();
    assert_eq!(HtmlFacts::from_json(&json), facts);
}

#[test]
fn attributes_are_read_as_a_browser_reads_them() {
    let page = "<!doctype html><head>\n<meta http-equiv=CONTENT-SECURITY-POLICY content='script-src &apos;none&apos;'>\n<title><meta http-equiv=refresh content=0></title>\n<script>var s = '<script src=x.js>';</script>\n<script src=\"/a.js\" src=\"/b.js\"></script>";
    let facts = certscope::read_html(page);
    let p = &facts.pages[0];
    assert_eq!(p.metas.len(), 1, "a tag inside <title> is text");
    assert_eq!(p.metas[0].content.as_deref(), Some("script-src 'none'"));
    assert_eq!(p.metas[0].line, 2);
    assert_eq!(p.scripts.len(), 2, "a tag inside a script is text");
    assert_eq!(
        p.scripts[1].src.as_deref(),
        Some("/a.js"),
        "the first of repeated attributes wins"
    );
}

#[test]
fn broken_html_never_breaks_the_reading() {
    let text = std::fs::read_to_string("tests/data/http/page-meta-sri.txt").unwrap();
    for cut in (0..text.len())
        .step_by(7)
        .filter(|c| text.is_char_boundary(*c))
    {
        let part = &text[..cut];
        let _ = certscope::read_html(part);
        let _ = inspect(part.as_bytes(), &Options::at(AT)).unwrap();
    }
}
