//! What the html module finds in a page, as plain data: it crosses from that module to the
//! http module as JSON ([`HtmlFacts::from_json`]), and natively as is.

use serde::Serialize;

/// The most `<meta>` and `<script>` tags read from one paste.
pub const MAX_TAGS: usize = 512;

/// Whether `text` looks like it holds HTML markup that sets policies or loads scripts.
pub(crate) fn present(text: &str) -> bool {
    const MARKS: &[&[u8]] = &[b"<meta", b"<script", b"<!doctype html", b"<html", b"<head"];
    let text = text.get(..text.len().min(4 * 1024 * 1024)).unwrap_or(text);
    // Allocation-free and case-insensitive; every mark starts with '<', so only the places
    // after one are compared.
    let bytes = text.as_bytes();
    text.match_indices('<').any(|(at, _)| {
        let rest = bytes.get(at..).unwrap_or_default();
        MARKS.iter().any(|m| {
            rest.get(..m.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(m))
        })
    })
}

/// One `<meta>` element with `http-equiv` or `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetaTag {
    /// Its `http-equiv` attribute, as written.
    pub http_equiv: Option<String>,
    /// Its `name` attribute, as written.
    pub name: Option<String>,
    /// Its `content` attribute (character references decoded).
    pub content: Option<String>,
    /// 1-based line in the paste.
    pub line: usize,
    /// A `<script>` element comes before it in the page: a policy set here does not apply
    /// to that script, which has already run ([CSP3 §4.2.1]).
    ///
    /// [CSP3 §4.2.1]: https://www.w3.org/TR/CSP3/#meta-element
    pub after_script: bool,
}

/// One `<script>` element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScriptTag {
    /// Its `src` attribute, as written; `None` for an inline script.
    pub src: Option<String>,
    /// Its `integrity` attribute.
    pub integrity: Option<String>,
    /// Its `crossorigin` attribute (`""` when present without a value).
    pub crossorigin: Option<String>,
    /// 1-based line in the paste.
    pub line: usize,
    /// The registrable domain of the `src` URL's host ("example.co.uk" for
    /// "cdn.example.co.uk"), by the Public Suffix List's ICANN section; `None` for a relative
    /// URL, an IP address or a public suffix.
    pub domain: Option<String>,
}

/// One HTML page found in the paste.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HtmlPage {
    /// Byte offset of its first tag in the paste: it belongs to the response pasted before it.
    pub offset: usize,
    /// 1-based line of its first tag.
    pub line: usize,
    /// Its `<meta http-equiv>` and `<meta name>` elements, in order.
    pub metas: Vec<MetaTag>,
    /// Its `<script>` elements, in order.
    pub scripts: Vec<ScriptTag>,
}

/// Everything the html module read from a paste.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HtmlFacts {
    /// The pages, in order.
    pub pages: Vec<HtmlPage>,
    /// The registrable domain of each host the paste's responses were for (same rules as
    /// [`ScriptTag::domain`]).
    pub domains: Vec<(String, Option<String>)>,
    /// Which Public Suffix List the domains come from.
    pub suffix_list: String,
}

impl HtmlFacts {
    /// The registrable domain of `host`, when the html module worked it out.
    pub(crate) fn domain(&self, host: &str) -> Option<Option<&str>> {
        self.domains
            .iter()
            .find(|(h, _)| h == host)
            .map(|(_, d)| d.as_deref())
    }

    /// Reads the JSON the html module returns (missing or malformed parts are left out).
    pub fn from_json(json: &str) -> HtmlFacts {
        use serde_json::Value;
        let Ok(v) = serde_json::from_str::<Value>(json) else {
            return HtmlFacts::default();
        };
        let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        let number = |v: &Value, k: &str| {
            v.get(k)
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(0)
        };
        let list = |v: &Value, k: &str| {
            v.get(k)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let pages = list(&v, "pages")
            .iter()
            .take(MAX_TAGS)
            .map(|p| HtmlPage {
                offset: number(p, "offset"),
                line: number(p, "line"),
                metas: list(p, "metas")
                    .iter()
                    .take(MAX_TAGS)
                    .map(|m| MetaTag {
                        http_equiv: text(m, "httpEquiv"),
                        name: text(m, "name"),
                        content: text(m, "content"),
                        line: number(m, "line"),
                        after_script: m
                            .get("afterScript")
                            .and_then(Value::as_bool)
                            .unwrap_or(false),
                    })
                    .collect(),
                scripts: list(p, "scripts")
                    .iter()
                    .take(MAX_TAGS)
                    .map(|s| ScriptTag {
                        src: text(s, "src"),
                        integrity: text(s, "integrity"),
                        crossorigin: text(s, "crossorigin"),
                        line: number(s, "line"),
                        domain: text(s, "domain"),
                    })
                    .collect(),
            })
            .collect();
        let domains = list(&v, "domains")
            .iter()
            .filter_map(|d| {
                let pair = d.as_array()?;
                let host = pair.first()?.as_str()?.to_owned();
                let domain = pair.get(1).and_then(Value::as_str).map(str::to_owned);
                Some((host, domain))
            })
            .collect();
        HtmlFacts {
            pages,
            domains,
            suffix_list: text(&v, "suffixList").unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::present;

    #[test]
    fn markup_is_noticed_in_any_case_and_only_after_a_tag_opens() {
        for text in [
            "<!DOCTYPE html><p>",
            "x\n<META http-equiv=x>",
            "<Script src=a.js>",
            "a < b <head>",
        ] {
            assert!(present(text), "{text}");
        }
        for text in [
            "-----BEGIN CERTIFICATE-----",
            "meta script html",
            "a < b",
            "<",
            "<scrip",
        ] {
            assert!(!present(text), "{text}");
        }
    }
}
