//! The parts of a pasted HTML page that decide its HTTPS set-up: policies set with
//! `<meta http-equiv>` (Content-Security-Policy, [HTML §4.2.5.3]) and `<meta name=referrer>`,
//! and the scripts it loads with or without Subresource Integrity ([SRI §3]).
//!
//! Reading HTML is its own module (feature `html`, a WHATWG tokenizer and the Public Suffix
//! List's ICANN section): the core only notices that a paste holds HTML ([`present`]) and
//! carries the types the header analysis reads the facts from ([`HtmlFacts`]).
//!
//! [HTML §4.2.5.3]: https://html.spec.whatwg.org/multipage/semantics.html#attr-meta-http-equiv-content-security-policy
//! [SRI §3]: https://www.w3.org/TR/SRI/#integrity-metadata

mod page;
#[cfg(feature = "html")]
mod read;
#[cfg(feature = "html")]
mod suffix;
mod url;

pub use page::{HtmlFacts, HtmlPage, MetaTag, ScriptTag};
#[cfg(feature = "html")]
pub use read::read;
pub(crate) use url::absolute_host;

/// The most `<meta>` and `<script>` tags read from one paste.
pub const MAX_TAGS: usize = 512;

/// Whether `text` looks like it holds HTML markup that sets policies or loads scripts.
pub(crate) fn present(text: &str) -> bool {
    const MARKS: &[&str] = &["<meta", "<script", "<!doctype html", "<html", "<head"];
    let lower = text.get(..text.len().min(4 * 1024 * 1024)).unwrap_or(text);
    // A quick, allocation-free, case-insensitive search.
    MARKS.iter().any(|m| {
        lower
            .as_bytes()
            .windows(m.len())
            .any(|w| w.eq_ignore_ascii_case(m.as_bytes()))
    })
}
