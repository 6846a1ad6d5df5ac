//! Getting to HTTPS and staying there: the http→https redirect chain and Alt-Svc.

use super::message::Message;
use super::{fixes, refs};
use crate::lint::finding;
use crate::{Finding, Severity};

/// The preload list allows at most this many redirects (hstspreload `maxRedirects`).
const MAX_REDIRECTS: usize = 3;

/// Checks the redirect chain `site` (responses in order) when its first URL is known.
pub(crate) fn check(site: &[&Message], out: &mut Vec<Finding>) {
    redirects(site, out);
    if let Some(last) = site.last() {
        alt_svc(last, out);
    }
}

fn url_of(m: &Message) -> String {
    m.url
        .as_ref()
        .map_or_else(|| "(unknown URL)".to_owned(), |(u, _)| u.to_string())
}

fn redirects(site: &[&Message], out: &mut Vec<Finding>) {
    let Some(first) = site.first() else { return };
    too_many(site, out);
    if first.is_https() == Some(true) {
        downgrades(site, "redirects.insecure.initial", out);
        return;
    }
    if first.is_https().is_none() {
        return;
    }
    let Some((first_url, _)) = &first.url else {
        return;
    };
    let Some(target) = site.get(1).and_then(|m| m.url.as_ref()) else {
        if let Some(port) = super::observatory::https_port_asked_in_http(site) {
            out.push(finding("transport.http-on-https-port", Severity::Info, format!("Port {port} answers plain HTTP with an error"),
                format!("{first_url} is the HTTPS port asked in plain HTTP: the server answered {} (\"The plain HTTP request was sent to HTTPS port\"). There is no plain-HTTP site here to redirect from, so this is not a missing redirect; but a visitor who types the address without https:// sees an error page instead of the site.", first.status.unwrap_or_default()),
                format!("{} at line {}", url_of(first), first.line), refs::RFC9110_REDIRECT, "nginx can answer such requests with a redirect: error_page 497 =301 https://$host:$server_port$request_uri; (in the server block that listens with ssl).")
                .observatory("redirection-missing"));
            return;
        }
        if !first.is_redirect() {
            out.push(finding("transport.no-redirect", Severity::Error, "Plain HTTP is served without redirecting to HTTPS",
                format!("{first_url} answered {} instead of redirecting, so visitors who type the address or follow an old link stay on an unencrypted page.", first.status.map_or_else(|| "directly".to_owned(), |s| s.to_string())),
                format!("{} at line {}", url_of(first), first.line), refs::RFC9110_REDIRECT, "Answer every http:// request with a 301 (or 308) to the same URL on https://.")
                .observatory("redirection-missing").snippets(fixes::https_redirect()));
            if let Some(f) = out.last_mut() {
                f.hsts_preload = vec!["redirects.http.no_redirect"];
            }
        }
        return;
    };
    let (target_url, _) = target;
    let www_first = target_url
        .host_str()
        .is_some_and(|t| Some(t) == first_url.host_str().map(|h| format!("www.{h}")).as_deref());
    let first_code = if www_first {
        "redirects.http.www_first"
    } else {
        "redirects.http.first_redirect.insecure"
    };
    if target_url.scheme() != "https" {
        let (id, title, obs, code) = if site
            .iter()
            .filter_map(|m| m.url.as_ref())
            .next_back()
            .is_some_and(|(u, _)| u.scheme() == "https")
        {
            (
                "transport.redirect-http-first",
                "The first redirect stays on plain HTTP",
                "redirection-not-to-https-on-initial-redirection",
                first_code,
            )
        } else {
            (
                "transport.redirect-not-https",
                "The redirects never reach HTTPS",
                "redirection-not-to-https",
                first_code,
            )
        };
        out.push(finding(id, Severity::Error, title,
            "The first hop from http:// must go straight to https:// on the same host; every extra plain-HTTP step can be intercepted, and HSTS for the host is only learnt once HTTPS is reached.",
            format!("{first_url} → {target_url}"), refs::RFC9110_REDIRECT, "Redirect http://host/… directly to https://host/…, then do any other redirect over HTTPS.")
            .observatory(obs).snippets(fixes::https_redirect()));
        if let Some(f) = out.last_mut() {
            f.hsts_preload = vec![code];
        }
    } else if target_url.host_str() != first_url.host_str() {
        out.push(finding("transport.redirect-off-host", Severity::Warning, "HTTP redirects to HTTPS on a different host",
            "The first redirect leaves the host that was asked for, so the browser never receives HSTS for the original host (and the preload list refuses it). Redirect to https on the same host first, then move hosts.",
            format!("{first_url} → {target_url}"), refs::HSTS_PRELOAD, "http://example.com → https://example.com → https://www.example.com")
            .observatory("redirection-off-host-from-http").snippets(fixes::https_redirect()));
        if let Some(f) = out.last_mut() {
            f.hsts_preload = vec![if www_first {
                "redirects.http.www_first"
            } else {
                "redirects.http.first_redirect.insecure"
            }];
        }
    }
    if let Some(s @ (302 | 303 | 307)) = first.status {
        out.push(finding("transport.temporary-redirect", Severity::Info, format!("The HTTP→HTTPS redirect is temporary ({s})"),
            "A temporary redirect is not cached, so every visit through http:// repeats the unprotected request. 301 or 308 lets browsers and search engines remember the HTTPS address.",
            format!("{} {s} → {target_url}", first_url), refs::RFC9110_REDIRECT, "Use 301 (or 308 to keep the method).")
            .snippets(fixes::https_redirect()));
    }
    if target_url.scheme() == "https" {
        downgrades(
            site.get(1..).unwrap_or_default(),
            "redirects.insecure.subsequent",
            out,
        );
    }
}

fn too_many(site: &[&Message], out: &mut Vec<Finding>) {
    let hops: Vec<&&Message> = site.iter().take_while(|m| m.is_redirect()).collect();
    if hops.len() > MAX_REDIRECTS {
        out.push(finding("transport.too-many-redirects", Severity::Warning, format!("{} redirects before the page", hops.len()),
            format!("Each redirect is another round trip; the HSTS preload list accepts at most {MAX_REDIRECTS}."),
            hops.iter().map(|m| url_of(m)).collect::<Vec<_>>().join(" → "), refs::HSTS_PRELOAD, "Redirect straight to the final https URL."));
        if let Some(f) = out.last_mut() {
            f.hsts_preload = vec!["redirects.too_many"];
        }
    }
}

/// A redirect back to http:// after an HTTPS response (`site` starts at that response).
/// `first_code` names a downgrade on the very first hop, later ones are "subsequent".
fn downgrades(site: &[&Message], first_code: &'static str, out: &mut Vec<Finding>) {
    for (i, m) in site.iter().enumerate().skip(1) {
        if m.is_https() == Some(false) {
            out.push(finding("transport.redirect-downgrade", Severity::Error, "A redirect goes back to plain HTTP",
                "After reaching HTTPS, the chain sends the browser to http:// again, where the request can be read and changed.",
                format!("{} at line {}", url_of(m), m.line), refs::RFC9110_REDIRECT, "Make every Location an https:// URL.")
                .snippets(fixes::https_redirect()));
            if let Some(f) = out.last_mut() {
                f.hsts_preload = vec![if i == 1 {
                    first_code
                } else {
                    "redirects.insecure.subsequent"
                }];
            }
            break;
        }
    }
}

fn alt_svc(m: &Message, out: &mut Vec<Finding>) {
    let Some(v) = m.joined("alt-svc") else { return };
    if v.trim() == "clear" {
        return;
    }
    for alt in v.split(',') {
        let alt = alt.trim();
        let Some((proto, rest)) = alt.split_once('=') else {
            continue;
        };
        if !proto.trim().starts_with("h3") {
            continue;
        }
        let authority = rest
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        let port = authority.rsplit(':').next().unwrap_or("");
        let (title, text) = if port == "443"
            && !authority.trim_end_matches(":443").contains(':')
            && authority.starts_with(':')
        {
            (format!("HTTP/3 is offered ({})", proto.trim()), "Alt-Svc tells browsers they can switch to HTTP/3 (QUIC, over UDP port 443) for later requests. It still uses TLS 1.3 and the same certificate.".to_owned())
        } else {
            (format!("HTTP/3 is offered on {authority}"), format!("Alt-Svc points browsers to {authority} for HTTP/3. Firewalls often block UDP on ports other than 443; if that port is unreachable browsers quietly fall back to TCP, so this costs little but may do nothing."))
        };
        out.push(finding(
            "transport.http3",
            Severity::Info,
            title,
            text,
            format!("Alt-Svc: {v}"),
            refs::RFC7838,
            "",
        ));
        return;
    }
}
