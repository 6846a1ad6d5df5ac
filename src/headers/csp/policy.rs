//! Parsing a Content Security Policy ([CSP Level 3 §2.2]) the way Google's CSP Evaluator
//! does, so findings line up with its: several header values are several policies (the
//! policy list is split on `,`), directives on `;`, names lower-cased, a repeated directive
//! ignored, keywords and schemes lower-cased, duplicate values dropped.
//!
//! [CSP Level 3 §2.2]: https://www.w3.org/TR/CSP3/#parse-serialized-policy

use serde::Serialize;

/// The most directives read from one policy, and values from one directive.
pub const MAX_DIRECTIVES: usize = 128;
/// See [`MAX_DIRECTIVES`].
pub const MAX_VALUES: usize = 512;

/// One directive: its name and source list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Directive {
    /// Lower-case directive name, e.g. `script-src`.
    pub name: String,
    /// Source expressions and other values, in order.
    pub values: Vec<String>,
}

/// Fetch directives, which fall back to `default-src` (CSP3 §6.1).
pub(crate) const FETCH: &[&str] = &[
    "child-src",
    "connect-src",
    "default-src",
    "font-src",
    "frame-src",
    "img-src",
    "manifest-src",
    "media-src",
    "object-src",
    "script-src",
    "script-src-attr",
    "script-src-elem",
    "style-src",
    "style-src-attr",
    "style-src-elem",
    "worker-src",
];

/// Source keywords (quoted).
pub(crate) const KEYWORDS: &[&str] = &[
    "'self'",
    "'none'",
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'wasm-eval'",
    "'wasm-unsafe-eval'",
    "'strict-dynamic'",
    "'unsafe-hashed-attributes'",
    "'unsafe-hashes'",
    "'report-sample'",
    "'block'",
    "'allow'",
    "'inline-speculation-rules'",
];

/// A parsed policy list: one entry per policy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Csp {
    pub(crate) policies: Vec<Vec<Directive>>,
    /// Directive names that appeared twice in one policy (the second is ignored).
    pub(crate) repeated: Vec<String>,
    /// Whether a bound was hit and part of the policy was not read.
    pub(crate) truncated: bool,
}

/// `scheme:` per RFC 3986 §3.1.
pub(crate) fn is_scheme(v: &str) -> bool {
    v.strip_suffix(':').is_some_and(|s| {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// `'nonce-…'`; with `strict`, only the base64 / base64url charset.
pub(crate) fn is_nonce(v: &str, strict: bool) -> bool {
    let Some(body) = v.strip_prefix("'nonce-").and_then(|r| r.strip_suffix('\'')) else {
        return false;
    };
    !body.is_empty() && (!strict || is_base64(body, true))
}

/// `'sha256-…'`, `'sha384-…'`, `'sha512-…'`; with `strict`, only the base64 / base64url
/// charset (the Evaluator's `STRICT_HASH_PATTERN`).
pub(crate) fn is_hash(v: &str, strict: bool) -> bool {
    let Some(rest) = v.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) else {
        return false;
    };
    let body = ["sha256-", "sha384-", "sha512-"]
        .iter()
        .find_map(|p| rest.strip_prefix(p));
    body.is_some_and(|b| !b.is_empty() && (!strict || is_base64(b, true)))
}

fn is_base64(s: &str, url_safe: bool) -> bool {
    let body = s.trim_end_matches('=');
    s.len().saturating_sub(body.len()) <= 2
        && !body.is_empty()
        && body.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || c == '+'
                || c == '/'
                || (url_safe && (c == '-' || c == '_'))
        })
}

fn normalise(v: &str) -> String {
    let lower = v.to_ascii_lowercase();
    if KEYWORDS.contains(&lower.as_str()) || is_scheme(v) {
        lower
    } else {
        v.to_owned()
    }
}

/// Parses the values of every CSP header of one kind (enforced or report-only).
pub(crate) fn parse(values: &[&str]) -> Csp {
    let mut csp = Csp::default();
    let joined = values.join(", ");
    for policy_text in joined.split(',') {
        let mut policy: Vec<Directive> = Vec::new();
        for token in policy_text.split(';') {
            let token = token.trim();
            if token.is_empty() || !token.chars().all(|c| u32::from(c) <= 0xFF) {
                continue;
            }
            let mut parts = token.split_ascii_whitespace();
            let Some(name) = parts.next().map(str::to_ascii_lowercase) else {
                continue;
            };
            if policy.iter().any(|d| d.name == name) {
                if !csp.repeated.contains(&name) {
                    csp.repeated.push(name);
                }
                continue;
            }
            if policy.len() >= MAX_DIRECTIVES {
                csp.truncated = true;
                break;
            }
            let mut values: Vec<String> = Vec::new();
            for v in parts {
                if values.len() >= MAX_VALUES {
                    csp.truncated = true;
                    break;
                }
                let v = normalise(v);
                if !values.contains(&v) {
                    values.push(v);
                }
            }
            policy.push(Directive { name, values });
        }
        if !policy.is_empty() {
            csp.policies.push(policy);
        }
    }
    csp
}

impl Csp {
    /// `name`'s values in one policy.
    pub(crate) fn get<'a>(policy: &'a [Directive], name: &str) -> Option<&'a Vec<String>> {
        policy.iter().find(|d| d.name == name).map(|d| &d.values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_the_evaluator() {
        let csp = parse(&[
            "Script-Src 'SELF' HTTPS: https://A.example 'self'; script-src x; object-src 'none'",
            "default-src 'none'",
        ]);
        assert_eq!(csp.policies.len(), 2);
        let first = &csp.policies[0];
        assert_eq!(first[0].name, "script-src");
        assert_eq!(
            first[0].values,
            vec!["'self'", "https:", "https://A.example"]
        );
        assert_eq!(csp.repeated, vec!["script-src"]);
        assert!(is_nonce("'nonce-abc_-='", true));
        assert!(!is_nonce("'nonce-a*c'", true));
        assert!(is_hash("'sha256-AbC+/='", true));
    }
}
