//! The Observatory's Subresource Integrity test (`src/analyzer/tests/subresource-integrity.js`
//! of `@mdn/mdn-http-observatory` 1.4.8) on the pasted page's `<script>` elements, and where
//! certscope reads a page differently.

use super::{Inputs, ObservatoryTest};
use crate::html::ScriptTag;

const IMPLEMENTED_ALL: &str = "sri-implemented-and-all-scripts-loaded-securely";
const IMPLEMENTED_EXTERNAL: &str = "sri-implemented-and-external-scripts-loaded-securely";
const IMPLEMENTED_NOT_SECURE: &str = "sri-implemented-but-external-scripts-not-loaded-securely";
const NOT_IMPLEMENTED_SECURE: &str = "sri-not-implemented-but-external-scripts-loaded-securely";
const NOT_IMPLEMENTED_NOT_SECURE: &str =
    "sri-not-implemented-and-external-scripts-not-loaded-securely";
const NOT_HTML: &str = "sri-not-implemented-response-not-html";
const NO_SCRIPTS: &str = "sri-not-implemented-but-no-scripts-loaded";
const SECURE_ORIGIN: &str = "sri-not-implemented-but-all-scripts-loaded-from-secure-origin";

/// Its order of goodness (`onlyIfWorse`): a later entry replaces an earlier one.
const GOODNESS: &[&str] = &[
    IMPLEMENTED_ALL,
    IMPLEMENTED_EXTERNAL,
    IMPLEMENTED_NOT_SECURE,
    NOT_IMPLEMENTED_SECURE,
    NOT_IMPLEMENTED_NOT_SECURE,
    NOT_HTML,
];

fn rank(r: &str) -> Option<usize> {
    GOODNESS.iter().position(|g| *g == r)
}

fn only_if_worse(new: &'static str, old: Option<&'static str>) -> &'static str {
    match old {
        Some(o) if rank(new) <= rank(o) => o,
        _ => new,
    }
}

/// What the Observatory makes of one script's `src`.
enum Kind {
    Relative,
    ProtocolRelative,
    Absolute { https: bool },
}

fn kind(src: &str) -> Kind {
    // jsdom reflects `src` as the URL parsed against about:blank, or as written when that
    // fails (every relative URL).
    let absolute = crate::html::absolute_host(src).is_some();
    if !absolute {
        let mut chars = src.chars();
        return if chars.next() == Some('/')
            && chars.next() == Some('/')
            && chars.next().is_some_and(|c| c != '/')
        {
            Kind::ProtocolRelative
        } else {
            Kind::Relative
        };
    }
    let trimmed = src.trim_matches(|c: char| c <= ' ');
    Kind::Absolute {
        https: trimmed
            .get(..6)
            .is_some_and(|p| p.eq_ignore_ascii_case("https:")),
    }
}

/// The Observatory's result for `scripts`; `None` when a script's site cannot be compared
/// (the page's host is not in the paste).
fn result(
    scripts: &[ScriptTag],
    https: bool,
    page_domain: Option<Option<&str>>,
) -> Option<&'static str> {
    let mut result: Option<&'static str> = None;
    let mut foreign = false;
    for s in scripts {
        let Some(src) = s.src.as_deref().filter(|s| !s.is_empty()) else {
            continue;
        };
        let integrity = s.integrity.as_deref().is_some_and(|i| !i.is_empty());
        // (secure origin, secure scheme): a relative URL is the page's own; "//host/x.js"
        // never counts as secure; an absolute URL is the page's when on its registrable
        // domain.
        let (secure_origin, secure_scheme) = match kind(src) {
            Kind::Relative => (true, https),
            Kind::ProtocolRelative => (false, false),
            Kind::Absolute { https: scheme } => (page_domain? == s.domain.as_deref(), scheme),
        };
        if secure_origin {
            if integrity && secure_scheme && result.is_none() {
                result = Some(IMPLEMENTED_ALL);
            }
            continue;
        }
        foreign = true;
        let new = match (integrity, secure_scheme) {
            (true, false) => IMPLEMENTED_NOT_SECURE,
            (false, true) => NOT_IMPLEMENTED_SECURE,
            (false, false) => NOT_IMPLEMENTED_NOT_SECURE,
            (true, true) => continue,
        };
        result = Some(only_if_worse(new, result));
    }
    Some(match result {
        _ if scripts.is_empty() => NO_SCRIPTS,
        Some(r) => r,
        None if foreign => IMPLEMENTED_EXTERNAL,
        None => SECURE_ORIGIN,
    })
}

/// The test on the site's final response.
pub(super) fn test(i: &Inputs<'_>, html_type: bool) -> ObservatoryTest {
    let last = i.last;
    let not_judged = |result: &'static str, note: String| ObservatoryTest {
        test: "subresource-integrity",
        result,
        modifier: 0,
        pass: true,
        judged: false,
        note: Some(note),
    };
    let html_only = last.fields.is_empty() && last.status.is_none();
    let Some(page) = i.page.filter(|_| html_type || html_only) else {
        // Not HTML by the Observatory's exact test; without a Content-Type in the paste the
        // response may well be HTML.
        if last.first("content-type").is_some() && !html_type {
            return super::t("subresource-integrity", NOT_HTML, true);
        }
        return not_judged(NO_SCRIPTS, match i.page {
            Some(_) => "The Observatory reads the page's scripts only when Content-Type is exactly text/html or application/xhtml+xml (before any \";\").".to_owned(),
            None => "Subresource Integrity is judged from the page's HTML: paste it after the headers (`curl -si https://host/` shows both). The Observatory's result ranges from -50 to +5.".to_owned(),
        });
    };
    let Some(result) = result(&page.scripts, i.https, i.page_domain) else {
        return not_judged(NO_SCRIPTS, "The page loads scripts by absolute URL, and the paste does not show the page's own URL, so whether they are on its site cannot be told (paste the curl command line or use curl -v).".to_owned());
    };
    let pass = matches!(
        result,
        IMPLEMENTED_ALL | IMPLEMENTED_EXTERNAL | NOT_HTML | SECURE_ORIGIN | NO_SCRIPTS
    );
    let mut t = super::t("subresource-integrity", result, pass);
    if i.scripts_blocked && super::modifier(result) < 5 {
        t.note = Some("certscope's reading: the page's CSP lets no script run at all (script-src 'none'), which protects more than any integrity hash; the Observatory still gives its +5 only to pages that load scripts with SRI (mozilla/http-observatory#273, #389).".to_owned());
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(src: &str, integrity: bool, domain: Option<&str>) -> ScriptTag {
        ScriptTag {
            src: Some(src.to_owned()),
            integrity: integrity.then(|| "sha384-x".to_owned()),
            crossorigin: None,
            line: 1,
            domain: domain.map(str::to_owned),
        }
    }

    #[test]
    fn results_follow_the_observatory_order() {
        let page = Some(Some("example.com"));
        let same = script(
            "https://static.example.com/a.js",
            false,
            Some("example.com"),
        );
        let cdn = script("https://cdn.other.net/a.js", true, Some("other.net"));
        let cdn_plain = script("https://cdn.other.net/b.js", false, Some("other.net"));
        let http = script("http://cdn.other.net/c.js", false, Some("other.net"));
        assert_eq!(result(&[], true, page), Some(NO_SCRIPTS));
        assert_eq!(
            result(std::slice::from_ref(&same), true, page),
            Some(SECURE_ORIGIN)
        );
        assert_eq!(
            result(&[same.clone(), cdn.clone()], true, page),
            Some(IMPLEMENTED_EXTERNAL)
        );
        assert_eq!(
            result(&[cdn.clone(), cdn_plain.clone()], true, page),
            Some(NOT_IMPLEMENTED_SECURE)
        );
        // The worst wins, whatever the order.
        assert_eq!(
            result(&[http.clone(), cdn_plain.clone()], true, page),
            Some(NOT_IMPLEMENTED_NOT_SECURE)
        );
        assert_eq!(
            result(&[cdn_plain, http], true, page),
            Some(NOT_IMPLEMENTED_NOT_SECURE)
        );
        // "//host/x.js" counts as not loaded securely.
        assert_eq!(
            result(&[script("//cdn.other.net/x.js", true, None)], true, page),
            Some(IMPLEMENTED_NOT_SECURE)
        );
        // A same-site script with integrity earns the bonus.
        assert_eq!(
            result(&[script("/app.js", true, None)], true, page),
            Some(IMPLEMENTED_ALL)
        );
        // Without the page's host, absolute URLs cannot be placed.
        assert_eq!(result(&[cdn], true, None), None);
    }
}
