//! The host of a script's `src` URL, read the way a browser reads it.

/// The host of an absolute `http:`/`https:` URL in a `src` attribute, as a browser reads it
/// ([URL Standard §4.4]: surrounding C0 controls and spaces and any tab or newline removed,
/// backslashes and any number of slashes after a special scheme); `None` for other URLs.
///
/// [URL Standard §4.4]: https://url.spec.whatwg.org/#url-parsing
pub(crate) fn absolute_host(src: &str) -> Option<String> {
    let cleaned: String = src
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, rest) = cleaned.split_once(':')?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return None;
    }
    let rest = rest.trim_start_matches(['/', '\\']);
    let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..end)?;
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => format!("[{}", v6.split(']').next().unwrap_or_default()),
        None => host_port.split(':').next().unwrap_or_default().to_owned(),
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}
