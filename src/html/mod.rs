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

#[cfg(any(not(feature = "html"), not(feature = "http")))]
pub(crate) use page::present;
pub use page::{HtmlFacts, HtmlPage, MetaTag, ScriptTag, MAX_TAGS};
#[cfg(feature = "html")]
pub use read::read;
pub(crate) use url::absolute_host;
