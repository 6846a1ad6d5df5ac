//! The checks of Google's CSP Evaluator (csp_evaluator 1.1.8, github.com/google/csp-evaluator,
//! Apache-2.0), one policy at a time, with its finding types, severities and texts, so a result
//! here is what csp-evaluator.withgoogle.com shows for the same policy.
//!
//! Which rule a finding follows is its [`Source`]: the Evaluator's default checks
//! (`new CspEvaluator(csp).evaluate()`, run on the policy as a CSP3 browser applies it, see
//! [`effective`]), its strict-CSP checks (`STRICTCSP_CHECKS`, on the policy as written), its
//! reporting check (`checkHasConfiguredReporting`, which Lighthouse runs), and certscope's own
//! additions (in [`own`](super::own)). `tests/node/anchors.test.mjs` compares the first three
//! with the installed package on its own tests and 10,000 generated policies.

use serde::Serialize;

use super::bypass;
use super::policy::{is_hash, is_nonce, is_scheme, Directive, FETCH, KEYWORDS};

/// Whose rule a CSP finding follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The CSP Evaluator's default checks (what its page lists first).
    Evaluator,
    /// The CSP Evaluator's strict-CSP checks (severity `STRICT_CSP` and their INFO companions).
    EvaluatorStrict,
    /// The CSP Evaluator's reporting check, as Lighthouse runs it.
    EvaluatorReporting,
    /// certscope's own addition, named in the Evaluator's terms where one fits.
    Certscope,
}

impl Source {
    /// The label the JSON carries.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Evaluator => "evaluator",
            Source::EvaluatorStrict => "evaluator-strict",
            Source::EvaluatorReporting => "evaluator-reporting",
            Source::Certscope => "certscope",
        }
    }
}

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
    /// Whose rule this is.
    pub source: Source,
}

pub(super) fn f(
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
        source: Source::Evaluator,
    }
}

/// The directives the Evaluator knows (`csp.ts` `Directive`) besides the fetch directives.
const OTHER_DIRECTIVES: &[&str] = &[
    "prefetch-src",
    "base-uri",
    "plugin-types",
    "sandbox",
    "disown-opener",
    "form-action",
    "frame-ancestors",
    "navigate-to",
    "report-to",
    "report-uri",
    "block-all-mixed-content",
    "upgrade-insecure-requests",
    "reflected-xss",
    "referrer",
    "require-sri-for",
    "trusted-types",
    "require-trusted-types-for",
    "webrtc",
];

/// `isDirective`: a fetch directive or one of [`OTHER_DIRECTIVES`].
fn is_directive(name: &str) -> bool {
    FETCH.contains(&name) || OTHER_DIRECTIVES.contains(&name)
}

const SCRIPT: &[&str] = &["script-src", "script-src-attr", "script-src-elem"];
const XSS_DIRECTIVES: &[&str] = &[
    "script-src",
    "script-src-attr",
    "script-src-elem",
    "object-src",
    "base-uri",
];
const XSS_SCHEMES: &[&str] = &["data:", "http:", "https:"];

/// One policy's directives, in order, as the Evaluator's parser left them.
pub(super) type Policy = [Directive];

pub(super) fn get<'a>(p: &'a Policy, name: &str) -> Option<&'a Vec<String>> {
    p.iter().find(|d| d.name == name).map(|d| &d.values)
}

fn has(p: &Policy, name: &str) -> bool {
    get(p, name).is_some()
}

fn values<'a>(p: &'a Policy, name: &str) -> &'a [String] {
    get(p, name).map(Vec::as_slice).unwrap_or_default()
}

fn contains(values: &[String], v: &str) -> bool {
    values.iter().any(|x| x == v)
}

/// `getEffectiveDirective`: the directive that governs `name` in this policy.
pub(super) fn effective_directive<'a>(p: &Policy, name: &'a str) -> &'a str {
    if has(p, name) {
        name
    } else if matches!(name, "script-src-attr" | "script-src-elem") && has(p, "script-src") {
        "script-src"
    } else if matches!(name, "style-src-attr" | "style-src-elem") && has(p, "style-src") {
        "style-src"
    } else if FETCH.contains(&name) {
        "default-src"
    } else {
        name
    }
}

/// `getEffectiveDirectives`: each name's governing directive, once, in order.
fn effective_directives<'a>(p: &Policy, names: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for n in names {
        let d = effective_directive(p, n);
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

fn has_nonces(p: &Policy, directive: &str) -> bool {
    values(p, effective_directive(p, directive))
        .iter()
        .any(|v| is_nonce(v, true))
}

fn has_hashes(p: &Policy, directive: &str) -> bool {
    values(p, effective_directive(p, directive))
        .iter()
        .any(|v| is_hash(v, true))
}

fn has_strict_dynamic(p: &Policy, directive: &str) -> bool {
    contains(
        values(p, effective_directive(p, directive)),
        "'strict-dynamic'",
    )
}

/// `getEffectiveCsp` for CSP3: `'unsafe-inline'` is dropped next to a nonce or hash, and
/// hosts, schemes, `'self'` and `'unsafe-inline'` next to `'strict-dynamic'`; each dropped
/// value is an `IGNORED` finding.
pub(super) fn effective(p: &Policy, out: &mut Vec<CspFinding>) -> Vec<Directive> {
    let mut eff = p.to_vec();
    for name in SCRIPT {
        let d = effective_directive(&eff, name);
        let original = values(p, d).to_vec();
        if !has(&eff, d) {
            continue;
        }
        let drop = |eff: &mut Vec<Directive>, v: &str| {
            if let Some(dir) = eff.iter_mut().find(|x| x.name == d) {
                if let Some(i) = dir.values.iter().position(|x| x == v) {
                    dir.values.remove(i);
                }
            }
        };
        if (has_nonces(&eff, d) || has_hashes(&eff, d)) && contains(&original, "'unsafe-inline'") {
            drop(&mut eff, "'unsafe-inline'");
            out.push(f(
                "IGNORED",
                "NONE",
                d,
                Some("'unsafe-inline'"),
                "unsafe-inline is ignored if a nonce or a hash is present. (CSP2 and above)",
            ));
        }
        if has_strict_dynamic(p, d) {
            for v in &original {
                if !v.starts_with('\'') || v == "'self'" || v == "'unsafe-inline'" {
                    drop(&mut eff, v);
                    out.push(f(
                        "IGNORED",
                        "NONE",
                        d,
                        Some(v),
                        "Because of strict-dynamic this entry is ignored in CSP3 and above",
                    ));
                }
            }
        }
    }
    eff
}

/// `new CspEvaluator(policy).evaluate()`: the IGNORED findings, then `DEFAULT_CHECKS` on the
/// effective policy. Returns the effective policy too.
pub(super) fn default_checks(p: &Policy) -> (Vec<CspFinding>, Vec<Directive>) {
    let mut out = Vec::new();
    let eff = effective(p, &mut out);
    let e = eff.as_slice();
    // checkScriptUnsafeInline
    for d in effective_directives(e, SCRIPT) {
        if contains(values(e, d), "'unsafe-inline'") {
            out.push(f("SCRIPT_UNSAFE_INLINE", "HIGH", d, Some("'unsafe-inline'"), "'unsafe-inline' allows the execution of unsafe in-page scripts and event handlers."));
        }
        if contains(values(e, d), "'unsafe-hashes'") {
            out.push(f("SCRIPT_UNSAFE_HASHES", "MEDIUM_MAYBE", d, Some("'unsafe-hashes'"), "'unsafe-hashes', while safer than 'unsafe-inline', allows the execution of unsafe in-page scripts and event handlers as long as their hashes appear in the CSP. Please refactor them to no longer use inline scripts if possible."));
        }
    }
    // checkScriptUnsafeEval
    for d in effective_directives(e, SCRIPT) {
        if contains(values(e, d), "'unsafe-eval'") {
            out.push(f(
                "SCRIPT_UNSAFE_EVAL",
                "MEDIUM_MAYBE",
                d,
                Some("'unsafe-eval'"),
                "'unsafe-eval' allows the execution of code injected into DOM APIs such as eval().",
            ));
        }
    }
    // checkPlainUrlSchemes, checkWildcards
    for d in effective_directives(e, XSS_DIRECTIVES) {
        for v in values(e, d)
            .iter()
            .filter(|v| XSS_SCHEMES.contains(&v.as_str()))
        {
            out.push(f(
                "PLAIN_URL_SCHEMES",
                "HIGH",
                d,
                Some(v),
                format!("{v} URI in {d} allows the execution of unsafe scripts."),
            ));
        }
    }
    for d in effective_directives(e, XSS_DIRECTIVES) {
        for v in values(e, d)
            .iter()
            .filter(|v| bypass::scheme_free(v) == "*")
        {
            out.push(f(
                "PLAIN_WILDCARD",
                "HIGH",
                d,
                Some(v),
                format!("{d} should not allow '*' as source"),
            ));
        }
    }
    missing_directives(e, &mut out);
    script_bypass(e, &mut out);
    object_bypass(e, &mut out);
    ip_sources(e, &mut out);
    // checkNonceLength
    for d in e {
        for v in &d.values {
            let Some(body) = v.strip_prefix("'nonce-").and_then(|r| r.strip_suffix('\'')) else {
                continue;
            };
            if body.is_empty() {
                continue;
            }
            if body.encode_utf16().count() < 8 {
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
    // checkSrcHttp
    for d in e {
        for v in d.values.iter().filter(|v| v.starts_with("http://")) {
            let text = if d.name == "report-uri" {
                "Use HTTPS to send violation reports securely."
            } else {
                "Allow only resources downloaded over HTTPS."
            };
            out.push(f("SRC_HTTP", "MEDIUM", &d.name, Some(v), text));
        }
    }
    // checkDeprecatedDirective
    for (name, text) in [
        ("reflected-xss", "reflected-xss is deprecated since CSP2. Please, use the X-XSS-Protection header instead."),
        ("referrer", "referrer is deprecated since CSP2. Please, use the Referrer-Policy header instead."),
        ("disown-opener", "disown-opener is deprecated since CSP3. Please, use the Cross Origin Opener Policy header instead."),
        ("prefetch-src", "prefetch-src is deprecated since CSP3. Be aware that this feature may cease to work at any time."),
    ] {
        if has(e, name) {
            out.push(f("DEPRECATED_DIRECTIVE", "INFO", name, None, text));
        }
    }
    parser_checks(e, &mut out);
    (out, eff)
}

fn missing_directives(p: &Policy, out: &mut Vec<CspFinding>) {
    let object = get(p, "object-src").or_else(|| get(p, "default-src"));
    if object.is_none_or(|v| v.is_empty()) {
        out.push(f("MISSING_DIRECTIVES", "HIGH", "object-src", None, "Missing object-src allows the injection of plugins which can execute JavaScript. Can you set it to 'none'?"));
    }
    if !has(p, "script-src") && !has(p, "default-src") {
        out.push(f(
            "MISSING_DIRECTIVES",
            "HIGH",
            "script-src",
            None,
            "script-src directive is missing.",
        ));
    }
    let needs_base = has_nonces(p, "script-src")
        || (has_hashes(p, "script-src") && has_strict_dynamic(p, "script-src"));
    if needs_base && !has(p, "base-uri") {
        out.push(f("MISSING_DIRECTIVES", "HIGH", "base-uri", None, "Missing base-uri allows the injection of base tags. They can be used to set the base URL for all relative (script) URLs to an attacker controlled domain. Can you set it to 'none' or 'self'?"));
    }
}

/// `checkScriptAllowlistBypass`.
fn script_bypass(p: &Policy, out: &mut Vec<CspFinding>) {
    for d in effective_directives(p, &["script-src", "script-src-elem"]) {
        let vs = values(p, d);
        if contains(vs, "'none'") {
            continue;
        }
        for v in vs {
            if v == "'self'" {
                out.push(f("SCRIPT_ALLOWLIST_BYPASS", "MEDIUM_MAYBE", d, Some(v), "'self' can be problematic if you host JSONP, AngularJS or user uploaded files."));
                continue;
            }
            if v.starts_with('\'') || is_scheme(v) || !v.contains('.') {
                continue;
            }
            let url = format!("//{}", bypass::scheme_free(v));
            // Where the Evaluator's URL parsing throws, it reports nothing at all; here the
            // source simply matches no list.
            let angular = bypass::matching(&url, bypass::ANGULAR).ok().flatten();
            let jsonp = bypass::matching(&url, bypass::JSONP)
                .ok()
                .flatten()
                .filter(|h| {
                    !bypass::JSONP_NEEDS_EVAL.contains(&h.as_str()) || contains(vs, "'unsafe-eval'")
                });
            let text = match (&jsonp, &angular) {
                (Some(_), Some(a)) => format!("{a} is known to host JSONP endpoints and Angular libraries which allow to bypass this CSP."),
                (Some(j), None) => format!("{j} is known to host JSONP endpoints which allow to bypass this CSP."),
                (None, Some(a)) => format!("{a} is known to host Angular libraries which allow to bypass this CSP."),
                (None, None) => {
                    out.push(f("SCRIPT_ALLOWLIST_BYPASS", "MEDIUM_MAYBE", d, Some(v), "No bypass found; make sure that this URL doesn't serve JSONP replies or Angular libraries."));
                    continue;
                }
            };
            out.push(f("SCRIPT_ALLOWLIST_BYPASS", "HIGH", d, Some(v), text));
        }
    }
}

/// `checkFlashObjectAllowlistBypass`.
fn object_bypass(p: &Policy, out: &mut Vec<CspFinding>) {
    let d = effective_directive(p, "object-src");
    if get(p, "plugin-types").is_some_and(|t| !contains(t, "application/x-shockwave-flash")) {
        return;
    }
    let vs = values(p, d);
    if contains(vs, "'none'") {
        return;
    }
    for v in vs {
        let url = format!("//{}", bypass::scheme_free(v));
        match bypass::matching(&url, bypass::FLASH).ok().flatten() {
            Some(h) => out.push(f(
                "OBJECT_ALLOWLIST_BYPASS",
                "HIGH",
                d,
                Some(v),
                format!("{h} is known to host Flash files which allow to bypass this CSP."),
            )),
            None if d == "object-src" => out.push(f(
                "OBJECT_ALLOWLIST_BYPASS",
                "MEDIUM_MAYBE",
                d,
                Some(v),
                "Can you restrict object-src to 'none' only?",
            )),
            None => {}
        }
    }
}

/// The first source (and its directive) on which the CSP Evaluator's own run stops, in the
/// effective policy its checks read: `new URL()` throws where certscope's reading of the URL
/// finds no host, in `matchWildcardUrls` (the allowlist-bypass checks) and in `getHostname`
/// (`checkIpSource`, every value of every directive, after `https://`).
pub(crate) fn throws_on(policy: &Policy) -> Option<(String, String)> {
    let e = effective(policy, &mut Vec::new());
    let p = e.as_slice();
    for d in p {
        for v in &d.values {
            let rest = bypass::scheme_free(v).replacen(":*", "", 1).replacen(
                '*',
                "wildcard_placeholder",
                1,
            );
            // "https://" + "/csp" is "https:///csp", whose host is "csp".
            if bypass::host_and_path(rest.trim_start_matches('/')).is_none() {
                return Some((d.name.clone(), v.clone()));
            }
        }
    }
    for d in effective_directives(p, &["script-src", "script-src-elem"]) {
        let vs = values(p, d);
        if contains(vs, "'none'") {
            continue;
        }
        for v in vs {
            if v.starts_with('\'') || is_scheme(v) || !v.contains('.') {
                continue;
            }
            let url = format!("//{}", bypass::scheme_free(v));
            if bypass::matching(&url, bypass::ANGULAR).is_err() {
                return Some((d.to_owned(), v.clone()));
            }
        }
    }
    let d = effective_directive(p, "object-src");
    if get(p, "plugin-types").is_some_and(|t| !contains(t, "application/x-shockwave-flash")) {
        return None;
    }
    let vs = values(p, d);
    if contains(vs, "'none'") {
        return None;
    }
    vs.iter().find_map(|v| {
        let url = format!("//{}", bypass::scheme_free(v));
        bypass::matching(&url, bypass::FLASH)
            .is_err()
            .then(|| (d.to_owned(), v.clone()))
    })
}

/// `checkIpSource`, with `getHostname`.
fn ip_sources(p: &Policy, out: &mut Vec<CspFinding>) {
    for d in p {
        for v in &d.values {
            let rest = bypass::scheme_free(v).replacen(":*", "", 1).replacen(
                '*',
                "wildcard_placeholder",
                1,
            );
            let Some((host, _)) = bypass::host_and_path(&rest) else {
                continue;
            };
            let host = host.replacen("wildcard_placeholder", "*", 1);
            if !looks_like_ip(&host) {
                continue;
            }
            let text = if host == "127.0.0.1" {
                format!("{} directive allows localhost as source. Please make sure to remove this in production environments.", d.name)
            } else {
                format!(
                    "{} directive has an IP-Address as source: {host} (will be ignored by browsers!). ",
                    d.name
                )
            };
            out.push(f("IP_SOURCE", "INFO", &d.name, Some(v), text));
        }
    }
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

/// `checkUnknownDirective`, `checkMissingSemicolon`, `checkInvalidKeyword`.
fn parser_checks(p: &Policy, out: &mut Vec<CspFinding>) {
    for d in p.iter().filter(|d| !is_directive(&d.name)) {
        let text = if d.name.ends_with(':') {
            "CSP directives don't end with a colon.".to_owned()
        } else {
            format!("Directive \"{}\" is not a known CSP directive.", d.name)
        };
        out.push(f("UNKNOWN_DIRECTIVE", "SYNTAX", &d.name, None, text));
    }
    for d in p {
        for v in d.values.iter().filter(|v| is_directive(v)) {
            out.push(f(
                "MISSING_SEMICOLON",
                "SYNTAX",
                &d.name,
                Some(v),
                format!(
                    "Did you forget the semicolon? \"{v}\" seems to be a directive, not a value."
                ),
            ));
        }
    }
    for d in p {
        for v in &d.values {
            let bare = KEYWORDS.iter().any(|k| k.trim_matches('\'') == v);
            let unquoted_hash = ["sha256-", "sha384-", "sha512-"]
                .iter()
                .any(|h| v.starts_with(h));
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
                _ => KEYWORDS.contains(&v.as_str()) || is_hash(v, true) || is_nonce(v, true),
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

/// `STRICTCSP_CHECKS` on the policy as written.
pub(super) fn strict_checks(p: &Policy) -> Vec<CspFinding> {
    let mut out = Vec::new();
    let d = effective_directive(p, "script-src");
    let vs = values(p, d);
    let strict_dynamic = contains(vs, "'strict-dynamic'");
    let nonce_or_hash = has_nonces(p, "script-src") || has_hashes(p, "script-src");
    if vs.iter().any(|v| !v.starts_with('\'')) && !strict_dynamic {
        out.push(f("STRICT_DYNAMIC", "STRICT_CSP", d, None, "Host allowlists can frequently be bypassed. Consider using 'strict-dynamic' in combination with CSP nonces or hashes."));
    }
    if strict_dynamic && !nonce_or_hash {
        out.push(f(
            "STRICT_DYNAMIC_NOT_STANDALONE",
            "INFO",
            d,
            None,
            "'strict-dynamic' without a CSP nonce/hash will block all scripts.",
        ));
    }
    if nonce_or_hash && !contains(vs, "'unsafe-inline'") {
        out.push(f("UNSAFE_INLINE_FALLBACK", "STRICT_CSP", d, None, "Consider adding 'unsafe-inline' (ignored by browsers supporting nonces/hashes) to be backward compatible with older browsers."));
    }
    if strict_dynamic
        && !vs
            .iter()
            .any(|v| ["http:", "https:", "*"].contains(&v.as_str()) || v.contains('.'))
    {
        out.push(f("ALLOWLIST_FALLBACK", "STRICT_CSP", d, None, "Consider adding https: and http: url schemes (ignored by browsers supporting 'strict-dynamic') to be backward compatible with older browsers."));
    }
    if !contains(values(p, "require-trusted-types-for"), "'script'") {
        out.push(f("REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS", "INFO", "require-trusted-types-for", None, "Consider requiring Trusted Types for scripts to lock down DOM XSS injection sinks. You can do this by adding \"require-trusted-types-for 'script'\" to your policy."));
    }
    for x in &mut out {
        x.source = Source::EvaluatorStrict;
    }
    out
}

/// `checkHasConfiguredReporting` on the effective policy.
pub(super) fn reporting_check(eff: &Policy) -> Option<CspFinding> {
    if !values(eff, "report-uri").is_empty() {
        return None;
    }
    let mut x = if values(eff, "report-to").is_empty() {
        f("REPORTING_DESTINATION_MISSING", "INFO", "report-uri", None, "This CSP policy does not configure a reporting destination. This makes it difficult to maintain the CSP policy over time and monitor for any breakages.")
    } else {
        f("REPORT_TO_ONLY", "INFO", "report-to", None, "This CSP policy only provides a reporting destination via the 'report-to' directive. This directive is only supported in Chromium-based browsers so it is recommended to also use a 'report-uri' directive.")
    };
    x.source = Source::EvaluatorReporting;
    Some(x)
}
