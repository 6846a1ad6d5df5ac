//! The checks of Google's CSP Evaluator (github.com/google/csp-evaluator), with its finding
//! types and severities, so a result here can be compared with csp-evaluator.withgoogle.com.
//!
//! As the evaluator does, security and parser checks run on the *effective* policy (what a
//! CSP3 browser applies: see [`Csp::effective`]) and the strict-CSP checks on the policy as
//! written. The reporting check is the one Lighthouse adds.

use serde::Serialize;

use super::bypass;
use super::policy::{is_hash, is_nonce, is_scheme, Csp, KEYWORDS, KNOWN};

/// One CSP Evaluator finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CspFinding {
    /// The evaluator's finding type, e.g. `SCRIPT_UNSAFE_INLINE`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The evaluator's severity: HIGH, SYNTAX, MEDIUM, HIGH_MAYBE, STRICT_CSP, MEDIUM_MAYBE,
    /// INFO, LOW or NONE.
    pub severity: &'static str,
    /// The directive concerned.
    pub directive: String,
    /// The value concerned, if any.
    pub value: Option<String>,
    /// The evaluator's description.
    pub description: String,
}

fn f(
    kind: &'static str,
    severity: &'static str,
    directive: &str,
    value: Option<&str>,
    description: impl Into<String>,
) -> CspFinding {
    CspFinding {
        kind,
        severity,
        directive: directive.to_owned(),
        value: value.map(str::to_owned),
        description: description.into(),
    }
}

const XSS_DIRECTIVES: &[&str] = &["script-src", "object-src", "base-uri"];
const XSS_SCHEMES: &[&str] = &["data:", "http:", "https:"];

/// Runs every check on `csp`.
pub(crate) fn evaluate(csp: &Csp) -> Vec<CspFinding> {
    let (eff, ignored) = csp.effective();
    let mut out: Vec<CspFinding> = ignored
        .into_iter()
        .map(|(d, v, why)| f("IGNORED", "NONE", &d, Some(&v), why))
        .collect();
    let script = eff.effective_directive("script-src");
    let per_policy = |name: &str| -> Vec<&Vec<String>> {
        eff.policies
            .iter()
            .filter_map(|p| Csp::get(p, name))
            .collect()
    };

    // checkScriptUnsafeInline / checkScriptUnsafeEval
    for values in per_policy(script) {
        if values.iter().any(|v| v == "'unsafe-inline'") {
            out.push(f("SCRIPT_UNSAFE_INLINE", "HIGH", script, Some("'unsafe-inline'"), "'unsafe-inline' allows the execution of unsafe in-page scripts and event handlers."));
        }
    }
    let style = eff.effective_directive("style-src");
    for values in per_policy(style) {
        if values.iter().any(|v| v == "'unsafe-inline'") {
            out.push(f("STYLE_UNSAFE_INLINE", "MEDIUM", style, Some("'unsafe-inline'"), "Unsafe inline stylesheet are allowed. This could help social engineering attacks in case of content injection."));
        }
    }
    for values in per_policy(script) {
        if values.iter().any(|v| v == "'wasm-unsafe-eval'") {
            out.push(f("SCRIPT_WASM_UNSAFE_EVAL", "MEDIUM_MAYBE", script, Some("'wasm-unsafe-eval'"), "'wasm-unsafe-eval' allows the execution of web assembly code injected in functions such as WebAssembly.compile()."));
        }
    }
    if per_policy(script)
        .iter()
        .any(|vs| vs.iter().any(|v| v == "'unsafe-eval'"))
    {
        out.push(f(
            "SCRIPT_UNSAFE_EVAL",
            "MEDIUM_MAYBE",
            script,
            Some("'unsafe-eval'"),
            "'unsafe-eval' allows the execution of code injected into DOM APIs such as eval().",
        ));
    }

    // checkPlainUrlSchemes / checkWildcards
    let mut xss: Vec<&str> = XSS_DIRECTIVES
        .iter()
        .map(|d| eff.effective_directive(d))
        .collect();
    xss.dedup();
    for p in &eff.policies {
        for d in &xss {
            for v in Csp::get(p, d).into_iter().flatten() {
                if XSS_SCHEMES.contains(&v.as_str()) {
                    out.push(f(
                        "PLAIN_URL_SCHEMES",
                        "HIGH",
                        d,
                        Some(v),
                        format!("{v} URI in {d} allows the execution of unsafe scripts."),
                    ));
                }
            }
        }
    }
    for p in &eff.policies {
        for d in &xss {
            for v in Csp::get(p, d).into_iter().flatten() {
                let scheme_free = v.split_once("://").map_or(v.as_str(), |(_, r)| r);
                if scheme_free == "*" {
                    out.push(f(
                        "PLAIN_WILDCARD",
                        "HIGH",
                        d,
                        Some(v),
                        format!("{d} should not allow '*' as source"),
                    ));
                }
            }
        }
    }

    missing_directives(&eff, &mut out);
    script_bypass(&eff, script, &mut out);
    object_bypass(&eff, &mut out);

    for p in &eff.policies {
        for d in p {
            for v in &d.values {
                // checkIpSource
                let host = host_of(v);
                if looks_like_ip(&host) {
                    if host == "127.0.0.1" {
                        out.push(f("IP_SOURCE", "INFO", &d.name, Some(v), format!("{} directive allows localhost as source. Please make sure to remove this in production environments.", d.name)));
                    } else {
                        out.push(f("IP_SOURCE", "INFO", &d.name, Some(v), format!("{} directive has an IP-Address as source: {host} (will be ignored by browsers!). ", d.name)));
                    }
                }
                // checkNonceLength
                if let Some(body) = v.strip_prefix("'nonce-").and_then(|r| r.strip_suffix('\'')) {
                    if body.chars().count() < 8 {
                        out.push(f(
                            "NONCE_LENGTH",
                            "MEDIUM",
                            &d.name,
                            Some(v),
                            "Nonces should be at least 8 characters long.",
                        ));
                    }
                    if !is_nonce(v, true) {
                        out.push(f(
                            "NONCE_CHARSET",
                            "INFO",
                            &d.name,
                            Some(v),
                            "Nonces should only use the base64 charset.",
                        ));
                    }
                }
            }
        }
    }

    // checkSrcHttp (with the conflict the evaluator means to report: a directive that also
    // lists `https:`).
    for p in &eff.policies {
        for d in p {
            let forces_https = d.values.iter().any(|v| v == "https:");
            for v in d
                .values
                .iter()
                .filter(|v| v.to_ascii_lowercase().starts_with("http://"))
            {
                if d.name == "report-uri" {
                    out.push(f(
                        "SRC_HTTP",
                        "MEDIUM",
                        &d.name,
                        Some(v),
                        "Use HTTPS to send violation reports securely.",
                    ));
                } else if forces_https {
                    out.push(f(
                        "CONFLICTING_DIRECTIVES",
                        "LOW",
                        &d.name,
                        Some(v),
                        "Resources are only allowed over HTTPS but HTTP hosts are specified.",
                    ));
                } else {
                    out.push(f(
                        "SRC_HTTP",
                        "MEDIUM",
                        &d.name,
                        Some(v),
                        "Allow only resources downloaded over HTTPS.",
                    ));
                }
            }
        }
    }

    // checkDeprecatedDirective
    for p in &eff.policies {
        for (name, text) in [
            ("reflected-xss", "reflected-xss is deprecated since CSP2. Please, use the X-XSS-Protection header instead."),
            ("referrer", "referrer is deprecated since CSP2. Please, use the Referrer-Policy header instead."),
            ("disown-opener", "disown-opener is deprecated since CSP3. Please, use the Cross Origin Opener Policy header instead."),
        ] {
            if Csp::get(p, name).is_some() {
                out.push(f("DEPRECATED_DIRECTIVE", "INFO", name, None, text));
            }
        }
    }

    parser_checks(&eff, &mut out);
    strict_checks(csp, &mut out);

    // Lighthouse's checkHasConfiguredReporting
    for p in &eff.policies {
        if Csp::get(p, "report-uri").is_some_and(|v| !v.is_empty()) {
            continue;
        }
        if Csp::get(p, "report-to").is_some_and(|v| !v.is_empty()) {
            out.push(f("REPORT_TO_ONLY", "INFO", "report-to", None, "This CSP policy only provides a reporting destination via the 'report-to' directive. This directive is only supported in Chromium-based browsers so it is recommended to also use a 'report-uri' directive."));
        } else {
            out.push(f("REPORTING_DESTINATION_MISSING", "INFO", "report-uri", None, "This CSP policy does not configure a reporting destination. This makes it difficult to maintain the CSP policy over time and monitor for any breakages."));
        }
    }
    out
}

fn missing_directives(eff: &Csp, out: &mut Vec<CspFinding>) {
    let mut object: Option<&Vec<String>> = None;
    for p in &eff.policies {
        if let Some(v) = Csp::get(p, "object-src").or_else(|| Csp::get(p, "default-src")) {
            object = Some(v);
        }
    }
    if object.is_none_or(|v| v.is_empty()) {
        out.push(f("MISSING_DIRECTIVES", "HIGH", "object-src", None, "Missing object-src allows the injection of plugins which can execute JavaScript. Can you set it to 'none'?"));
    }
    let any = |names: &[&str]| {
        eff.policies
            .iter()
            .any(|p| names.iter().any(|n| Csp::get(p, n).is_some()))
    };
    if !any(&["script-src", "default-src"]) {
        out.push(f(
            "MISSING_DIRECTIVES",
            "HIGH",
            "script-src",
            None,
            "script-src directive is missing.",
        ));
    }
    let needs_base =
        eff.has_script_nonces() || (eff.has_script_hashes() && eff.has_strict_dynamic());
    if needs_base && !any(&["base-uri"]) {
        out.push(f("MISSING_DIRECTIVES", "HIGH", "base-uri", None, "Missing base-uri allows the injection of base tags. They can be used to set the base URL for all relative (script) URLs to an attacker controlled domain. Can you set it to 'none' or 'self'?"));
    }
    if !any(&["style-src", "default-src"]) {
        out.push(f("MISSING_DIRECTIVES", "LOW", "style-src", None, "No stylesheet restrictions are present. This could help social engineering attacks in case of content injection."));
    }
    if !any(&["form-action"]) {
        out.push(f("MISSING_DIRECTIVES", "LOW", "form-action", None, "No form action restrictions are present. This could help social engineering attacks in case of content injection."));
    }
}

fn script_bypass(eff: &Csp, script: &str, out: &mut Vec<CspFinding>) {
    for p in &eff.policies {
        let values = Csp::get(p, script).map(Vec::as_slice).unwrap_or_default();
        if values.iter().any(|v| v == "'none'") {
            return;
        }
        for v in values {
            if v == "'self'" {
                out.push(f("SCRIPT_ALLOWLIST_BYPASS", "MEDIUM_MAYBE", script, Some(v), "'self' can be problematic if you host JSONP, AngularJS or user uploaded files."));
                continue;
            }
            if v.starts_with('\'') || is_scheme(v) || !v.contains('.') {
                continue;
            }
            let mut jsonp = bypass::matching(v, bypass::JSONP);
            if jsonp
                .as_ref()
                .is_some_and(|h| bypass::JSONP_NEEDS_EVAL.contains(&h.as_str()))
                && !values.iter().any(|x| x == "'unsafe-eval'")
            {
                jsonp = None;
            }
            let angular = bypass::matching(v, bypass::ANGULAR);
            let text = match (&jsonp, &angular) {
                (Some(h), None) => Some(format!("{h} is known to host JSONP endpoints which allow to bypass this CSP.")),
                (_, Some(h)) if jsonp.is_some() => Some(format!("{h} is known to host JSONP endpoints and Angular libraries which allow to bypass this CSP.")),
                (None, Some(h)) => Some(format!("{h} is known to host Angular libraries which allow to bypass this CSP.")),
                _ => None,
            };
            match text {
                Some(t) => out.push(f("SCRIPT_ALLOWLIST_BYPASS", "HIGH", script, Some(v), t)),
                None => out.push(f("SCRIPT_ALLOWLIST_BYPASS", "MEDIUM_MAYBE", script, Some(v), "No bypass found; make sure that this URL doesn't serve JSONP replies or Angular libraries.")),
            }
        }
    }
}

fn object_bypass(eff: &Csp, out: &mut Vec<CspFinding>) {
    let d = eff.effective_directive("object-src");
    for p in &eff.policies {
        if Csp::get(p, "plugin-types")
            .is_some_and(|t| !t.iter().any(|x| x == "application/x-shockwave-flash"))
        {
            return;
        }
        for v in Csp::get(p, d).map(Vec::as_slice).unwrap_or_default() {
            if v == "'none'" {
                return;
            }
            if let Some(h) = bypass::matching(v, bypass::FLASH) {
                out.push(f(
                    "OBJECT_ALLOWLIST_BYPASS",
                    "HIGH",
                    d,
                    Some(v),
                    format!("{h} is known to host Flash files which allow to bypass this CSP."),
                ));
            } else if d == "object-src" {
                out.push(f(
                    "OBJECT_ALLOWLIST_BYPASS",
                    "MEDIUM_MAYBE",
                    d,
                    Some(v),
                    "Can you restrict object-src to 'none' only?",
                ));
            }
        }
    }
}

fn parser_checks(eff: &Csp, out: &mut Vec<CspFinding>) {
    for p in &eff.policies {
        for d in p {
            if !KNOWN.contains(&d.name.as_str()) {
                let text = if d.name.ends_with(':') {
                    "CSP directives don't end with a colon.".to_owned()
                } else {
                    format!("Directive \"{}\" is not a known CSP directive.", d.name)
                };
                out.push(f("UNKNOWN_DIRECTIVE", "SYNTAX", &d.name, None, text));
            }
            for v in &d.values {
                if KNOWN.contains(&v.as_str()) {
                    out.push(f("MISSING_SEMICOLON", "SYNTAX", &d.name, Some(v), format!("Did you forget the semicolon? \"{v}\" seems to be a directive, not a value.")));
                }
                let bare = KEYWORDS.iter().any(|k| k.trim_matches('\'') == v);
                let unquoted_hash = ["sha256-", "sha384-", "sha512-"]
                    .iter()
                    .any(|p| v.starts_with(p));
                if bare || v.starts_with("nonce-") || unquoted_hash {
                    out.push(f(
                        "INVALID_KEYWORD",
                        "SYNTAX",
                        &d.name,
                        Some(v),
                        format!("Did you forget to surround \"{v}\" with single-ticks?"),
                    ));
                    continue;
                }
                if !v.starts_with('\'') {
                    continue;
                }
                let ok = match d.name.as_str() {
                    "require-trusted-types-for" => v == "'script'",
                    "trusted-types" => v == "'allow-duplicates'" || v == "'none'",
                    _ => KEYWORDS.contains(&v.as_str()) || is_hash(v, false) || is_nonce(v, false),
                };
                if !ok {
                    out.push(f(
                        "INVALID_KEYWORD",
                        "SYNTAX",
                        &d.name,
                        Some(v),
                        format!("{v} seems to be an invalid CSP keyword."),
                    ));
                }
            }
        }
    }
}

fn strict_checks(csp: &Csp, out: &mut Vec<CspFinding>) {
    let d = csp.effective_directive("script-src");
    let values = |p: &Vec<super::policy::Directive>| Csp::get(p, d).cloned().unwrap_or_default();
    for p in &csp.policies {
        let v = values(p);
        if v.iter().any(|x| !x.starts_with('\'')) && !v.iter().any(|x| x == "'strict-dynamic'") {
            out.push(f("STRICT_DYNAMIC", "STRICT_CSP", d, None, "Host allowlists can frequently be bypassed. Consider using 'strict-dynamic' in combination with CSP nonces or hashes."));
        }
    }
    let nonce_or_hash = csp.has_script_nonces() || csp.has_script_hashes();
    if csp.has_strict_dynamic() && !nonce_or_hash {
        out.push(f(
            "STRICT_DYNAMIC_NOT_STANDALONE",
            "INFO",
            d,
            None,
            "'strict-dynamic' without a CSP nonce/hash will block all scripts.",
        ));
    }
    if nonce_or_hash {
        for p in &csp.policies {
            if !values(p).iter().any(|x| x == "'unsafe-inline'") {
                out.push(f("UNSAFE_INLINE_FALLBACK", "STRICT_CSP", d, None, "Consider adding 'unsafe-inline' (ignored by browsers supporting nonces/hashes) to be backward compatible with older browsers."));
            }
        }
    }
    for p in &csp.policies {
        let v = values(p);
        if !v.iter().any(|x| x == "'strict-dynamic'") {
            break;
        }
        if !v
            .iter()
            .any(|x| ["http:", "https:", "*"].contains(&x.as_str()) || x.contains('.'))
        {
            out.push(f("ALLOWLIST_FALLBACK", "STRICT_CSP", d, None, "Consider adding https: and http: url schemes (ignored by browsers supporting 'strict-dynamic') to be backward compatible with older browsers."));
        }
    }
    let tt = csp.policies.iter().any(|p| {
        Csp::get(p, "require-trusted-types-for").is_some_and(|v| v.iter().any(|x| x == "'script'"))
    });
    if !tt {
        out.push(f("REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS", "INFO", "require-trusted-types-for", None, "Consider requiring Trusted Types for scripts to lock down DOM XSS injection sinks. You can do this by adding \"require-trusted-types-for 'script'\" to your policy."));
    }
}

/// The host of a source expression (CSP Evaluator's `getHostname`).
fn host_of(v: &str) -> String {
    let rest = v.split_once("://").map_or(v, |(_, r)| r);
    let rest = rest.trim_start_matches('/');
    let host = rest.split('/').next().unwrap_or(rest);
    if host.starts_with('[') {
        return host
            .split(']')
            .next()
            .map(|h| format!("{h}]"))
            .unwrap_or_default();
    }
    host.split(':').next().unwrap_or(host).to_owned()
}

fn looks_like_ip(host: &str) -> bool {
    if host.starts_with('[') && host.ends_with(']') {
        return true;
    }
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::super::policy::parse;
    use super::*;

    fn types(policy: &str) -> Vec<&'static str> {
        evaluate(&parse(&[policy])).iter().map(|f| f.kind).collect()
    }

    #[test]
    fn unsafe_inline_is_high() {
        let found = evaluate(&parse(&["script-src 'unsafe-inline'; object-src 'none'"]));
        assert!(found
            .iter()
            .any(|f| f.kind == "SCRIPT_UNSAFE_INLINE" && f.severity == "HIGH"));
    }

    #[test]
    fn nonce_hides_unsafe_inline() {
        let t = types("script-src 'nonce-abcdefgh123' 'unsafe-inline' 'strict-dynamic' https:; object-src 'none'; base-uri 'none'");
        assert!(!t.contains(&"SCRIPT_UNSAFE_INLINE"));
        assert!(t.contains(&"IGNORED"));
        assert!(!t.contains(&"PLAIN_URL_SCHEMES"));
    }
}
