//! Where pasted text holds an OCSP response as OpenSSL prints it (`openssl ocsp -resp_text`, or
//! the stapled response in an `openssl s_client -status` transcript): found here, read by the
//! ocsp module ([`crate::ocsp`]), which this keeps the core from carrying.

/// Each such response: its text (from `OCSP Response Data:` to the last line indented under
/// it), its 1-based line and its byte offset. At most `MAX` are taken.
pub(crate) fn find(text: &str) -> Vec<(&str, usize, usize)> {
    const MAX: usize = 32;
    let marker = "OCSP Response Data:";
    let mut out = Vec::new();
    let mut offset = 0usize;
    let mut lines = text.split_inclusive('\n').enumerate().peekable();
    while let Some((index, line)) = lines.next() {
        let start = offset;
        offset = offset.saturating_add(line.len());
        if !line.trim_start().starts_with(marker) || out.len() >= MAX {
            continue;
        }
        // The response goes on while lines are indented (or blank: OpenSSL leaves one before
        // the signature).
        let mut end = offset;
        while let Some((_, next)) = lines.peek() {
            if !(next.trim().is_empty() || next.starts_with(' ') || next.starts_with('\t')) {
                break;
            }
            end = end.saturating_add(next.len());
            offset = offset.saturating_add(next.len());
            lines.next();
        }
        if let Some(body) = text.get(start..end) {
            out.push((body.trim_start(), index.saturating_add(1), start));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]

    #[test]
    fn finds_the_response_and_stops_after_it() {
        let text = "CONNECTED(00000003)\nOCSP response: \n======================================\nOCSP Response Data:\n    OCSP Response Status: successful (0x0)\n\n    Signature Algorithm: ecdsa-with-SHA256\n======================================\n---\n";
        let found = super::find(text);
        assert_eq!(found.len(), 1);
        let (body, line, offset) = found[0];
        assert_eq!((line, Some(offset)), (4, text.find("OCSP Response Data")));
        assert!(body.starts_with("OCSP Response Data:\n"));
        assert!(body.trim_end().ends_with("ecdsa-with-SHA256"));
        assert!(super::find("no response here").is_empty());
    }
}
