//! Content Security Policy: parsing, the CSP Evaluator's checks, and a recommended policy.

mod bypass;
pub(crate) mod evaluator;
mod own;
pub(crate) mod policy;

use serde::Serialize;

pub use evaluator::{CspFinding, Source as CspSource};
use policy::Csp;
pub use policy::Directive;

use super::{fixes, refs};
use crate::lint::finding;
use crate::{Finding, Severity, ToolFinding};

/// The largest CSP read, in bytes, across all its header fields.
pub const MAX_CSP_BYTES: usize = 64 * 1024;

/// One CSP header kind (enforced or report-only) of the response analysed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CspReport {
    /// `content-security-policy` or `content-security-policy-report-only`.
    pub header: &'static str,
    /// Each policy's directives, in order (several header fields, or commas, make several
    /// policies; a resource must satisfy all of them).
    pub policies: Vec<Vec<Directive>>,
    /// Every CSP Evaluator finding.
    pub evaluator: Vec<CspFinding>,
    /// How many of the last `policies` come from `<meta http-equiv>` elements of the pasted
    /// page (without the directives a `<meta>` policy cannot carry).
    pub meta_policies: usize,
    /// Where Google's CSP Evaluator, run on these headers, would show something else than its
    /// findings here, and why (it stops on a source its URL parsing rejects; it reads a comma
    /// as part of a value).
    pub anchor_notes: Vec<String>,
}

/// Parses the fields of one CSP header kind; `None` when there are none.
pub(crate) fn read(values: &[&str], header: &'static str) -> Option<(Csp, CspReport)> {
    if values.is_empty() {
        return None;
    }
    let mut budget = MAX_CSP_BYTES;
    let kept: Vec<&str> = values
        .iter()
        .copied()
        .take_while(|v| {
            let fits = v.len() <= budget;
            budget = budget.saturating_sub(v.len());
            fits
        })
        .collect();
    let mut csp = policy::parse(&kept);
    csp.truncated |= kept.len() < values.len();
    let report = CspReport {
        header,
        policies: csp.policies.clone(),
        evaluator: evaluate(&csp),
        meta_policies: 0,
        anchor_notes: anchor_notes(&csp, &kept),
    };
    Some((csp, report))
}

/// The CSP Evaluator's verdict where it is not the findings listed (tests/anchors/exceptions.mjs
/// lists the same two cases).
fn anchor_notes(csp: &Csp, values: &[&str]) -> Vec<String> {
    let mut notes: Vec<String> = csp
        .policies
        .iter()
        .filter_map(|p| evaluator::throws_on(p))
        .map(|(d, v)| format!("Google's CSP Evaluator (csp_evaluator 1.1.8) stops on {d} {v}: its URL parsing throws (TypeError: Invalid URL), so it shows no finding at all for this policy. certscope reads that source as matching no bypass list and reports every other finding."))
        .collect();
    if values.iter().any(|v| v.contains(',')) {
        notes.push("A comma separates policies (CSP3 §2.2.2) and browsers enforce each; Google's CSP Evaluator splits only on \";\" and reads the comma as part of a value or a directive name, so its findings for this header differ from the ones here, which judge each policy.".to_owned());
    }
    notes.dedup();
    notes
}

/// The enforced policies: the header fields', then those of the page's `<meta>` elements.
pub(crate) fn read_with_meta(
    values: &[&str],
    meta: &[(String, usize)],
) -> Option<(Csp, CspReport)> {
    let meta_values: Vec<&str> = meta.iter().map(|(v, _)| v.as_str()).collect();
    let all: Vec<&str> = values.iter().chain(meta_values.iter()).copied().collect();
    let (csp, mut report) = read(&all, "content-security-policy")?;
    if !meta_values.is_empty() {
        report.meta_policies = policy::parse(&meta_values).policies.len().max(1);
    }
    Some((csp, report))
}

/// Whether some enforced policy lets no script run at all (`script-src 'none'`, or
/// `default-src 'none'` without `script-src`).
pub(crate) fn blocks_all_scripts(csp: &Csp) -> bool {
    csp.policies.iter().any(|p| {
        let find = |n: &str| p.iter().find(|d| d.name == n);
        find("script-src")
            .or_else(|| find("default-src"))
            .is_some_and(|d| {
                d.values.len() == 1 && d.values.iter().all(|v| v.eq_ignore_ascii_case("'none'"))
            })
    })
}

/// What a `<meta>` policy does not do: directives browsers drop there, and protection for
/// scripts that came before it.
pub(crate) fn check_meta(page: &crate::html::HtmlPage, out: &mut Vec<Finding>) {
    let csp_metas = page.metas.iter().filter(|m| {
        m.http_equiv
            .as_deref()
            .is_some_and(|h| h.trim().eq_ignore_ascii_case("content-security-policy"))
    });
    let mut dropped = Vec::new();
    let mut late = Vec::new();
    for m in csp_metas {
        let content = m.content.as_deref().unwrap_or_default();
        for d in content.split(';') {
            let name = d
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if super::page::NOT_IN_META.contains(&name.as_str()) {
                dropped.push(format!("line {}: {}", m.line, d.trim()));
            }
        }
        if m.after_script {
            late.push(format!("line {}", m.line));
        }
    }
    if !dropped.is_empty() {
        out.push(finding("csp.meta-ignored-directive", Severity::Warning, "A <meta> CSP sets a directive browsers ignore there",
            "frame-ancestors, report-uri and sandbox only work in the Content-Security-Policy header: browsers drop them from a policy set with <meta http-equiv> (HTML §4.2.5.3). A page that relies on them for clickjacking protection or reporting has neither.",
            dropped.join("; "), refs::META_CSP, "Send these directives in the Content-Security-Policy response header.")
            .snippets(fixes::set("Content-Security-Policy", "frame-ancestors 'self'")));
    }
    if !late.is_empty() {
        out.push(finding("csp.meta-after-script", Severity::Warning, "A <meta> CSP comes after a script",
            "A policy set with <meta> applies from the moment the browser reads it; a <script> earlier in the page has already been fetched and run without it (CSP3 §4.2.1).",
            late.join("; "), refs::META_CSP, "Put the <meta http-equiv=\"Content-Security-Policy\"> first in <head>, or send the policy as a header."));
    }
}

/// Every finding for each policy: the CSP Evaluator's default checks, its strict-CSP checks,
/// its reporting check, then certscope's own, each once.
fn evaluate(csp: &Csp) -> Vec<CspFinding> {
    let mut out: Vec<CspFinding> = Vec::new();
    // A header with no directive at all is judged as the empty policy it is.
    let empty = [Vec::new()];
    let policies = if csp.policies.is_empty() {
        &empty[..]
    } else {
        &csp.policies[..]
    };
    for p in policies {
        let (default, eff) = evaluator::default_checks(p);
        let found = default
            .into_iter()
            .chain(evaluator::strict_checks(p))
            .chain(evaluator::reporting_check(&eff))
            .chain(own::checks(p, &eff));
        for x in found {
            let seen = out.iter().any(|y| {
                (y.kind, y.severity, &y.directive, &y.value, y.source)
                    == (x.kind, x.severity, &x.directive, &x.value, x.source)
            });
            if !seen {
                out.push(x);
            }
        }
    }
    out.sort_by_key(|x| x.source as u8);
    out
}

/// Our id, severity and one-line title for each CSP Evaluator finding type.
fn describe(kind: &str, severity: &str) -> (&'static str, Severity, &'static str) {
    let sev = match severity {
        "HIGH" => Severity::Error,
        "SYNTAX" | "MEDIUM" | "HIGH_MAYBE" => Severity::Warning,
        _ => Severity::Info,
    };
    let (id, title) = match kind {
        "SCRIPT_UNSAFE_INLINE" => ("csp.script-unsafe-inline", "CSP allows inline scripts"),
        "SCRIPT_UNSAFE_EVAL" => ("csp.script-unsafe-eval", "CSP allows eval()"),
        "SCRIPT_UNSAFE_HASHES" => (
            "csp.script-unsafe-hashes",
            "CSP allows inline event handlers by hash",
        ),
        "HASH_LENGTH" => ("csp.hash-length", "A CSP hash has the wrong length"),
        "STYLE_UNSAFE_INLINE" => ("csp.style-unsafe-inline", "CSP allows inline styles"),
        "SCRIPT_WASM_UNSAFE_EVAL" => (
            "csp.wasm-unsafe-eval",
            "CSP allows compiling WebAssembly from strings",
        ),
        "PLAIN_URL_SCHEMES" => (
            "csp.plain-url-scheme",
            "CSP allows a whole URL scheme for scripts",
        ),
        "PLAIN_WILDCARD" => ("csp.wildcard", "CSP allows scripts from anywhere (*)"),
        "MISSING_DIRECTIVES" => ("csp.missing-directive", "CSP leaves a directive unset"),
        "SCRIPT_ALLOWLIST_BYPASS" => (
            "csp.allowlist-bypass",
            "A script source in the CSP can be used to bypass it",
        ),
        "OBJECT_ALLOWLIST_BYPASS" => ("csp.object-bypass", "object-src allows plugin content"),
        "IP_SOURCE" => ("csp.ip-source", "CSP lists an IP address"),
        "NONCE_LENGTH" => ("csp.nonce-short", "CSP nonce is too short"),
        "NONCE_CHARSET" => ("csp.nonce-charset", "CSP nonce is not base64"),
        "SRC_HTTP" => ("csp.http-source", "CSP allows plain-HTTP sources"),
        "CONFLICTING_DIRECTIVES" => ("csp.conflicting", "CSP mixes https: with http:// sources"),
        "DEPRECATED_DIRECTIVE" => (
            "csp.deprecated-directive",
            "CSP uses a deprecated directive",
        ),
        "UNKNOWN_DIRECTIVE" => ("csp.unknown-directive", "CSP has an unknown directive"),
        "MISSING_SEMICOLON" => ("csp.missing-semicolon", "CSP seems to miss a semicolon"),
        "INVALID_KEYWORD" => ("csp.invalid-keyword", "CSP has an invalid keyword"),
        "STRICT_DYNAMIC" => ("csp.no-strict-dynamic", "CSP relies on a host allowlist"),
        "STRICT_DYNAMIC_NOT_STANDALONE" => (
            "csp.strict-dynamic-alone",
            "'strict-dynamic' without a nonce or hash blocks all scripts",
        ),
        "UNSAFE_INLINE_FALLBACK" => (
            "csp.no-unsafe-inline-fallback",
            "No 'unsafe-inline' fallback for old browsers",
        ),
        "ALLOWLIST_FALLBACK" => (
            "csp.no-allowlist-fallback",
            "No https: fallback for browsers without 'strict-dynamic'",
        ),
        "REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS" => {
            ("csp.no-trusted-types", "CSP does not require Trusted Types")
        }
        "REPORTING_DESTINATION_MISSING" => ("csp.no-reporting", "CSP reports violations nowhere"),
        "REPORT_TO_ONLY" => ("csp.report-to-only", "CSP reports only through report-to"),
        "IGNORED" => (
            "csp.ignored-source",
            "A CSP source is ignored by modern browsers",
        ),
        _ => ("csp.other", "CSP finding"),
    };
    (id, sev, title)
}

/// Why it matters, in plain words, for each finding type.
fn why(kind: &str) -> &'static str {
    match kind {
        "SCRIPT_UNSAFE_INLINE" => "Cross-site scripting usually works by injecting <script> or onclick=… into the page. With 'unsafe-inline' the policy lets such code run, so it gives little protection against XSS.",
        "SCRIPT_UNSAFE_HASHES" => "Event handler attributes (onclick=…) are inline script; allowing them by hash keeps the page open to script gadgets that reuse an allowed handler.",
        "HASH_LENGTH" => "A hash source matches a script or style only when it is the digest of its exact text; one of the wrong length is a typo or a truncated copy and matches nothing.",
        "SCRIPT_UNSAFE_EVAL" | "SCRIPT_WASM_UNSAFE_EVAL" => "eval(), new Function() and string timers turn text into code; an attacker who controls such text can run script.",
        "STYLE_UNSAFE_INLINE" => "Injected <style> or style=… can restyle the page to fake content or leak data through CSS selectors; it cannot run script.",
        "PLAIN_URL_SCHEMES" | "PLAIN_WILDCARD" => "Any site on that scheme (anyone can get an https: site in minutes) can host the attacker's script, so the directive restricts almost nothing.",
        "MISSING_DIRECTIVES" => "Directives that are not set fall back to default-src, or allow everything if that is missing too.",
        "SCRIPT_ALLOWLIST_BYPASS" | "OBJECT_ALLOWLIST_BYPASS" => "Allowlisted hosts that serve JSONP callbacks, old AngularJS or user files let an attacker run script through an allowed URL.",
        "SRC_HTTP" | "CONFLICTING_DIRECTIVES" => "Resources fetched over plain HTTP can be replaced by anyone on the network.",
        "STRICT_DYNAMIC" | "UNSAFE_INLINE_FALLBACK" | "ALLOWLIST_FALLBACK" | "STRICT_DYNAMIC_NOT_STANDALONE" => "A nonce- or hash-based policy with 'strict-dynamic' (a \"strict CSP\") is the design Google recommends: it resists allowlist bypasses and stays compatible with old browsers.",
        "REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS" => "Trusted Types make the browser refuse strings in dangerous DOM sinks (innerHTML, eval), which stops most DOM-based XSS.",
        "REPORTING_DESTINATION_MISSING" | "REPORT_TO_ONLY" => "Without a report destination, nobody learns when the policy blocks an attack or breaks the site.",
        "IGNORED" => "Browsers that understand nonces, hashes or 'strict-dynamic' skip this source; it only matters to old browsers.",
        _ => "Browsers skip what they cannot parse, which can silently weaken the policy.",
    }
}

/// Findings for the enforced policy (and report-only one), plus "no CSP".
pub(crate) fn check(
    enforced: Option<&(Csp, CspReport)>,
    report_only: Option<&(Csp, CspReport)>,
    recommended: &str,
    out: &mut Vec<Finding>,
) {
    let Some((csp, report)) = enforced else {
        let (title, text, obs) = if report_only.is_some() {
            ("CSP is only in report-only mode", "Content-Security-Policy-Report-Only reports violations but blocks nothing, so scripts injected into the page still run. It is a good way to test a policy before enforcing it.", "csp-not-implemented-but-reporting-enabled")
        } else {
            ("No Content-Security-Policy", "A CSP is the browser-side defence against cross-site scripting: it tells the browser which scripts may run, so injected ones do not. This response has none.", "csp-not-implemented")
        };
        out.push(
            finding(
                "csp.missing",
                Severity::Warning,
                title,
                text,
                "no Content-Security-Policy header",
                refs::CSP_STRICT,
                "Start with the recommended policy in report-only mode, then enforce it.",
            )
            .observatory(obs)
            .snippets(fixes::set("Content-Security-Policy", recommended)),
        );
        return;
    };
    if !csp.repeated.is_empty() {
        out.push(finding("csp.repeated-directive", Severity::Warning, "A CSP directive appears twice",
            format!("Browsers use the first {} and ignore the second (CSP3 §2.2.1), which is rarely what was meant. The Observatory calls such a header invalid.", csp.repeated.join(", ")),
            csp.repeated.join(", "), refs::CSP3, "Merge the source lists into one directive.").observatory("csp-header-invalid"));
    }
    if csp.truncated {
        out.push(finding("csp.too-large", Severity::Warning, "The CSP is larger than certscope reads",
            format!("Only the first {MAX_CSP_BYTES} bytes, {} directives per policy and {} values per directive were read.", policy::MAX_DIRECTIVES, policy::MAX_VALUES),
            format!("{} policies", csp.policies.len()), refs::CSP3, "Very large policies also slow every response; consider a nonce-based policy."));
    }
    for (kind, r) in [("", report)]
        .into_iter()
        .chain(report_only.map(|(_, r)| ("report-only ", r)))
    {
        for e in &r.evaluator {
            if kind == "report-only " && e.severity != "HIGH" {
                continue;
            }
            let (id, sev, title) = describe(e.kind, e.severity);
            let sev = if kind.is_empty() { sev } else { Severity::Info };
            let mut f = finding(
                id,
                sev,
                format!(
                    "{}{title}",
                    if kind.is_empty() {
                        ""
                    } else {
                        "Report-only policy: "
                    }
                ),
                format!("{} {}", e.description, why(e.kind)),
                match &e.value {
                    Some(v) => format!("{kind}{}: {v}", e.directive),
                    None => format!("{kind}{}", e.directive),
                },
                refs::CSP3,
                fix_for(e.kind),
            );
            f.csp_evaluator = Some(ToolFinding {
                kind: e.kind,
                severity: e.severity,
                source: e.source.as_str(),
            });
            if matches!(
                e.kind,
                "SCRIPT_UNSAFE_INLINE"
                    | "STRICT_DYNAMIC"
                    | "PLAIN_URL_SCHEMES"
                    | "PLAIN_WILDCARD"
                    | "SCRIPT_ALLOWLIST_BYPASS"
            ) && kind.is_empty()
            {
                f = f.snippets(fixes::set("Content-Security-Policy", recommended));
            }
            out.push(f);
        }
    }
}

fn fix_for(kind: &str) -> &'static str {
    match kind {
        "SCRIPT_UNSAFE_INLINE" => "Move inline scripts to files or give them a per-response nonce, then drop 'unsafe-inline' (or keep it only as a fallback next to a nonce).",
        "SCRIPT_UNSAFE_HASHES" => "Move event handlers into script files (addEventListener), then drop 'unsafe-hashes'.",
        "HASH_LENGTH" => "Recompute the hash: openssl dgst -sha256 -binary script.js | openssl base64.",
        "SCRIPT_UNSAFE_EVAL" => "Remove eval()/new Function() from your code and libraries, then drop 'unsafe-eval'.",
        "STYLE_UNSAFE_INLINE" => "Move inline styles to stylesheets, or use nonces/hashes for <style>.",
        "SCRIPT_WASM_UNSAFE_EVAL" => "Keep it only if the site really compiles WebAssembly at run time.",
        "PLAIN_URL_SCHEMES" | "PLAIN_WILDCARD" => "Use a nonce with 'strict-dynamic' instead of broad sources.",
        "MISSING_DIRECTIVES" => "Add object-src 'none'; base-uri 'none' (or 'self'), and a script-src.",
        "SCRIPT_ALLOWLIST_BYPASS" => "Replace host allowlists with nonces and 'strict-dynamic'.",
        "OBJECT_ALLOWLIST_BYPASS" => "Set object-src 'none'.",
        "NONCE_LENGTH" | "NONCE_CHARSET" => "Generate at least 128 random bits per response, base64-encoded.",
        "SRC_HTTP" | "CONFLICTING_DIRECTIVES" => "Use https:// sources only.",
        "DEPRECATED_DIRECTIVE" => "Remove it and use the header named in the explanation.",
        "UNKNOWN_DIRECTIVE" | "MISSING_SEMICOLON" | "INVALID_KEYWORD" => "Fix the spelling: directives are separated by ';' and keywords are quoted ('self').",
        "STRICT_DYNAMIC" | "ALLOWLIST_FALLBACK" | "UNSAFE_INLINE_FALLBACK" | "STRICT_DYNAMIC_NOT_STANDALONE" => "Adopt the recommended strict policy.",
        "REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS" => "Add require-trusted-types-for 'script' once your code passes in report-only mode.",
        "REPORTING_DESTINATION_MISSING" | "REPORT_TO_ONLY" => "Add report-uri https://… (and report-to) to collect violations.",
        _ => "",
    }
}

/// Google's recommended strict policy, keeping the site's reporting endpoint and framing rule.
pub(crate) fn recommended(enforced: Option<&Csp>) -> String {
    let keep = |name: &str| {
        enforced
            .and_then(|c| c.policies.iter().find_map(|p| Csp::get(p, name)))
            .filter(|v| !v.is_empty())
            .map(|v| format!("; {name} {}", v.join(" ")))
            .unwrap_or_default()
    };
    let ancestors = enforced
        .and_then(|c| {
            c.policies
                .iter()
                .find_map(|p| Csp::get(p, "frame-ancestors"))
        })
        .map_or_else(|| "'self'".to_owned(), |v| v.join(" "));
    format!(
        "script-src 'nonce-{{RANDOM}}' 'strict-dynamic' https: 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors {ancestors}{}",
        keep("report-uri")
    )
}
