//! Text that can deceive whoever reads it: characters that are invisible or reorder what is
//! shown (bidi controls, zero-width), control characters (terminal escape sequences), and
//! names that mix Latin with look-alike letters from other scripts (homoglyphs, as in
//! "pаypal.com" with a Cyrillic "а"). Certificate fields are chosen by whoever made the
//! certificate, so certscope shows such characters instead of letting them act.
//! See [Unicode Technical Report #36](https://www.unicode.org/reports/tr36/).

/// Characters that are invisible, reorder text, or control a terminal.
pub(crate) fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Letters from scripts with many Latin look-alikes (Cyrillic, Greek, Armenian).
fn lookalike_script(c: char) -> bool {
    matches!(c, '\u{370}'..='\u{3ff}' | '\u{400}'..='\u{52f}' | '\u{531}'..='\u{58f}')
}

/// A name that mixes ASCII letters with look-alike letters from another script.
pub(crate) fn confusable(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_alphabetic()) && text.chars().any(lookalike_script)
}

/// The hidden characters in `text`, as `U+XXXX` codes, for evidence.
pub(crate) fn hidden_codes(text: &str) -> Vec<String> {
    text.chars()
        .filter(|c| is_hidden(*c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect()
}

/// `text` with hidden characters replaced by `<U+XXXX>`, safe to print to a terminal.
/// Newlines and tabs are kept: the caller's own layout uses them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) && c != '\n' && c != '\t' {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_and_confusable() {
        assert_eq!(
            escape("a\u{202e}b\u{1b}[31m\nc"),
            "a<U+202E>b<U+001B>[31m\nc"
        );
        assert_eq!(hidden_codes("pay\u{200b}pal"), ["U+200B"]);
        assert!(confusable("p\u{430}ypal.com"));
        assert!(!confusable("paypal.com"));
        assert!(!confusable("пример.рф"));
    }
}
