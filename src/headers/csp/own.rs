//! certscope's own CSP checks, beside the CSP Evaluator's (see [`evaluator`](super::evaluator)):
//! each finding says [`Source::Certscope`], and uses the Evaluator's type name where one fits.
//!
//! - `STYLE_UNSAFE_INLINE` (a type the Evaluator's `finding.ts` defines but its release 1.1.8
//!   never reports) and `SCRIPT_WASM_UNSAFE_EVAL` (certscope's name, in the same style);
//! - `MISSING_DIRECTIVES` (LOW) for `style-src` and `form-action`, which the Evaluator does not
//!   ask for;
//! - `CONFLICTING_DIRECTIVES`: an `http://` source beside `https:` (the Evaluator's
//!   `checkSrcHttp` declares this type but never reports it);
//! - `SCRIPT_ALLOWLIST_BYPASS` for Google Tag Manager without `'unsafe-eval'`: the Evaluator
//!   drops it (`NEEDS_EVAL`), but a GTM container's Custom HTML tags inject script without
//!   eval, so whoever controls any GTM container can run script on the page
//!   (github.com/google/csp-evaluator/issues/61);
//! - `HASH_LENGTH`: a `'sha256-…'` source whose base64 does not decode to a digest of that
//!   size can never match a script (CSP3 §2.3.1); the Evaluator accepts any base64 text.

use super::bypass;
use super::evaluator::{effective_directive, f, get, CspFinding, Policy, Source};

/// certscope's additions for one policy (`eff`: the policy as a CSP3 browser applies it).
pub(super) fn checks(p: &Policy, eff: &Policy) -> Vec<CspFinding> {
    let mut out = Vec::new();
    let script = effective_directive(eff, "script-src");
    let script_values = get(eff, script).map(Vec::as_slice).unwrap_or_default();
    let style = effective_directive(eff, "style-src");
    if get(eff, style).is_some_and(|v| v.iter().any(|x| x == "'unsafe-inline'")) {
        out.push(f("STYLE_UNSAFE_INLINE", "MEDIUM", style, Some("'unsafe-inline'"), "Unsafe inline stylesheet are allowed. This could help social engineering attacks in case of content injection."));
    }
    if script_values.iter().any(|x| x == "'wasm-unsafe-eval'") {
        out.push(f("SCRIPT_WASM_UNSAFE_EVAL", "MEDIUM_MAYBE", script, Some("'wasm-unsafe-eval'"), "'wasm-unsafe-eval' allows the execution of web assembly code injected in functions such as WebAssembly.compile()."));
    }
    if get(p, "style-src").is_none() && get(p, "default-src").is_none() {
        out.push(f("MISSING_DIRECTIVES", "LOW", "style-src", None, "No stylesheet restrictions are present. This could help social engineering attacks in case of content injection."));
    }
    if get(p, "form-action").is_none() {
        out.push(f("MISSING_DIRECTIVES", "LOW", "form-action", None, "No form action restrictions are present. This could help social engineering attacks in case of content injection."));
    }
    for d in p {
        if !d.values.iter().any(|v| v == "https:") {
            continue;
        }
        for v in d
            .values
            .iter()
            .filter(|v| v.to_ascii_lowercase().starts_with("http://"))
        {
            out.push(f(
                "CONFLICTING_DIRECTIVES",
                "LOW",
                &d.name,
                Some(v),
                "Resources are only allowed over HTTPS but HTTP hosts are specified.",
            ));
        }
    }
    if !script_values
        .iter()
        .any(|v| v == "'none'" || v == "'unsafe-eval'")
    {
        for v in script_values {
            let url = format!("//{}", bypass::scheme_free(v));
            let gtm = bypass::matching(
                &url,
                &[
                    "//www.googletagmanager.com/gtm/js",
                    "//googletagmanager.com/gtm/js",
                ],
            );
            if let Ok(Some(host)) = gtm {
                out.push(f("SCRIPT_ALLOWLIST_BYPASS", "HIGH", script, Some(v), format!("{host} serves Google Tag Manager containers: anyone's container can add a Custom HTML tag that runs script here, without 'unsafe-eval' (the CSP Evaluator only reports this host with 'unsafe-eval').")));
            }
        }
    }
    for d in p {
        for v in &d.values {
            if let Some((alg, bytes, want)) = hash_size(v) {
                if bytes != want {
                    out.push(f("HASH_LENGTH", "SYNTAX", &d.name, Some(v), format!("This {alg} hash holds {bytes} bytes, but a {alg} digest has {want}: no script or style can match it.")));
                }
            }
        }
    }
    for x in &mut out {
        x.source = Source::Certscope;
    }
    out
}

/// For a quoted hash source: its algorithm, the bytes its base64 (or base64url) text
/// decodes to, and the digest size of the algorithm.
fn hash_size(v: &str) -> Option<(&'static str, usize, usize)> {
    let inner = v.strip_prefix('\'')?.strip_suffix('\'')?;
    let (alg, want, body) = [
        ("SHA-256", 32, "sha256-"),
        ("SHA-384", 48, "sha384-"),
        ("SHA-512", 64, "sha512-"),
    ]
    .into_iter()
    .find_map(|(a, n, prefix)| inner.strip_prefix(prefix).map(|b| (a, n, b)))?;
    let data = body.trim_end_matches('=');
    if data.is_empty()
        || !data
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+/-_".contains(c))
    {
        return None;
    }
    Some((alg, data.len().saturating_mul(3) / 4, want))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_sizes() {
        let good = format!("'sha256-{}='", "A".repeat(43));
        assert_eq!(hash_size(&good), Some(("SHA-256", 32, 32)));
        assert_eq!(
            hash_size("'sha256-1DCfk1NYWuHMfoobarfoobar='"),
            Some(("SHA-256", 18, 32))
        );
        assert_eq!(hash_size("'nonce-abc'"), None);
    }
}
