//! Reading the tags that matter from pasted HTML with `html5gum`, a WHATWG tokenizer
//! ([HTML §13.2.5]): character references in attribute values are decoded, the first of
//! repeated attributes wins, and the contents of `<script>`, `<style>`, `<title>`,
//! `<textarea>` and `<noscript>` are text, not tags (its naive state switching, which is
//! what a browser with scripting enabled does).
//!
//! [HTML §13.2.5]: https://html.spec.whatwg.org/multipage/parsing.html#tokenization

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::page::{present, HtmlFacts, HtmlPage, MetaTag, ScriptTag, MAX_TAGS};
use super::{suffix, url::absolute_host};
use crate::headers::message;
use crate::headers::url::Url;

/// The HTML pages in `text`, each split off at the responses pasted around it, with the
/// registrable domains of the responses' hosts.
pub fn read(text: &str) -> HtmlFacts {
    if !present(text) {
        return HtmlFacts::default();
    }
    let parsed = message::parse(text);
    // Where each response starts: a tag after it belongs to its body.
    let starts: Vec<usize> = parsed.messages.iter().map(|m| m.line).collect();
    let line_starts: Vec<usize> = core::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i.saturating_add(1)))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|s| *s <= offset).max(1);

    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut pages: Vec<(usize, HtmlPage)> = Vec::new();
    let mut tags = 0usize;
    let mut script_seen = false;
    for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
        let Token::StartTag(tag) = token else {
            continue;
        };
        let name = tag.name.as_slice();
        if name != b"meta" && name != b"script" {
            continue;
        }
        tags = tags.saturating_add(1);
        if tags > MAX_TAGS {
            break;
        }
        let offset = tag.span.start;
        let line = line_of(offset);
        // The response this tag's page follows (0 before the first).
        let response = starts.partition_point(|s| *s < line);
        if pages.last().is_none_or(|(r, _)| *r != response) {
            script_seen = false;
            pages.push((
                response,
                HtmlPage {
                    offset,
                    line,
                    metas: Vec::new(),
                    scripts: Vec::new(),
                },
            ));
        }
        let Some((_, page)) = pages.last_mut() else {
            continue;
        };
        let attr = |n: &str| {
            tag.attributes
                .get(n.as_bytes())
                .map(|v| String::from_utf8_lossy(v.value.as_slice()).into_owned())
        };
        if name == b"meta" {
            let http_equiv = attr("http-equiv");
            let meta_name = attr("name");
            if http_equiv.is_some() || meta_name.is_some() {
                page.metas.push(MetaTag {
                    http_equiv,
                    name: meta_name,
                    content: attr("content"),
                    line,
                    after_script: script_seen,
                });
            }
        } else {
            script_seen = true;
            let src = attr("src");
            let domain = src
                .as_deref()
                .and_then(absolute_host)
                .and_then(|h| suffix::registrable_domain(&h));
            page.scripts.push(ScriptTag {
                src,
                integrity: attr("integrity"),
                crossorigin: attr("crossorigin"),
                line,
                domain,
            });
        }
    }
    let mut hosts: Vec<String> = Vec::new();
    for m in &parsed.messages {
        let location = m.first("location").and_then(|l| Url::parse(&l.value).ok());
        for u in m
            .url
            .as_ref()
            .map(|(u, _)| u)
            .into_iter()
            .chain(location.as_ref())
        {
            if let Some(host) = u.host_str().filter(|h| !hosts.iter().any(|x| x == h)) {
                hosts.push(host.to_owned());
            }
        }
    }
    HtmlFacts {
        pages: pages.into_iter().map(|(_, p)| p).collect(),
        domains: hosts
            .into_iter()
            .map(|h| {
                let d = suffix::registrable_domain(&h);
                (h, d)
            })
            .collect(),
        suffix_list: suffix::version().to_owned(),
    }
}
