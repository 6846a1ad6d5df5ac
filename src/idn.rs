//! Internationalised domain names: certificates carry A-labels (`xn--…`, [RFC 5890]); people
//! read U-labels. certscope shows both, using the `idna` crate's Punycode ([RFC 3492]).
//!
//! Without Unicode tables (kept out for size), a Unicode hostname typed by a user is
//! lower-cased and Punycode-encoded label by label, which is right for the lower-case,
//! already-normalised names people type; full UTS #46 mapping is not applied.
//!
//! [RFC 5890]: https://www.rfc-editor.org/rfc/rfc5890
//! [RFC 3492]: https://www.rfc-editor.org/rfc/rfc3492

/// The Unicode form of a DNS name with A-labels, or `None` when it has none (or one does
/// not decode).
pub(crate) fn to_unicode(name: &str) -> Option<String> {
    if !name
        .split('.')
        .any(|l| l.len() > 4 && l.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--")))
    {
        return None;
    }
    let labels: Option<Vec<String>> = name
        .split('.')
        .map(|label| match label.get(..4) {
            Some(prefix) if prefix.eq_ignore_ascii_case("xn--") => {
                idna::punycode::decode_to_string(label.get(4..)?)
            }
            _ => Some(label.to_owned()),
        })
        .collect();
    labels.map(|l| l.join("."))
}

/// The A-label form of a hostname typed in Unicode.
pub(crate) fn to_ascii(name: &str) -> Option<String> {
    let labels: Option<Vec<String>> = name
        .to_lowercase()
        .split('.')
        .map(|label| {
            if label.is_ascii() {
                Some(label.to_owned())
            } else {
                idna::punycode::encode_str(label).map(|p| format!("xn--{p}"))
            }
        })
        .collect();
    labels.map(|l| l.join("."))
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_directions() {
        assert_eq!(
            super::to_unicode("www.xn--bcher-kva.example").as_deref(),
            Some("www.bücher.example")
        );
        assert_eq!(super::to_unicode("www.example.com"), None);
        assert_eq!(
            super::to_ascii("Bücher.example").as_deref(),
            Some("xn--bcher-kva.example")
        );
        assert_eq!(
            super::to_ascii("*.例え.jp").as_deref(),
            Some("*.xn--r8jz45g.jp")
        );
    }
}
