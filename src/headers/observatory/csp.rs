//! The Observatory's own CSP reading (`src/analyzer/cspParser.js` and `tests/csp.js` of
//! mdn/mdn-http-observatory), reproduced so the score matches: values lower-cased, a repeated
//! directive makes the header invalid (except report-uri / report-to), several policies are
//! intersected source by source, and the result is the first of its ordered checks that fires.

use std::collections::BTreeMap;

const DANGEROUSLY_BROAD: &[&str] = &[
    "ftp:",
    "http:",
    "https:",
    "*",
    "http://*",
    "http://*.*",
    "https://*",
    "https://*.*",
];
const UNSAFE_INLINE: &[&str] = &["'unsafe-inline'", "data:"];
const NONCES_HASHES: &[&str] = &["'sha256-", "'sha384-", "'sha512-", "'nonce-"];

#[derive(Clone)]
struct Src {
    source: String,
    index: usize,
    keep: bool,
}

/// A parsed policy: directive → sources, plus whether report-uri/report-to repeated.
pub(crate) struct ObsCsp {
    pub(crate) map: BTreeMap<String, Vec<String>>,
    pub(crate) duplicate_warnings: bool,
}

/// `pathPartMatch` of the Observatory (applied, as there, to whole source strings).
fn path_part_match(a: &str, b: &str) -> bool {
    if a.is_empty() || (a == "/" && b.is_empty()) {
        return true;
    }
    let exact = !a.ends_with('/');
    let mut la: Vec<&str> = a.split('/').collect();
    let lb: Vec<&str> = b.split('/').collect();
    if la.len() > lb.len() || (exact && la.len() != lb.len()) {
        return false;
    }
    if !exact {
        la.pop();
    }
    la.iter().zip(lb.iter()).all(|(x, y)| x == y)
}

/// `parseCsp`: `Err` where the Observatory throws (csp-header-invalid).
pub(crate) fn parse(values: &[&str]) -> Result<ObsCsp, ()> {
    // Each value is one policy, commas and all: the Observatory does not split on them.
    let policies: Vec<String> = values
        .iter()
        .map(|p| p.replace(['\r', '\n'], "").trim().to_owned())
        .collect();
    let mut csp: Vec<(String, Vec<Src>)> = Vec::new();
    let mut duplicate_warnings = false;
    if policies.iter().any(|p| p.len() < 6) {
        return Err(());
    }
    let many = policies.len() > 1;
    for (pi, policy) in policies.iter().enumerate() {
        let mut seen: Vec<String> = Vec::new();
        for entry in policy.split(';') {
            let mut parts = entry.split_whitespace();
            let Some(name) = parts.next().map(str::to_lowercase) else {
                continue;
            };
            if seen.contains(&name) {
                if name == "report-uri" || name == "report-to" {
                    duplicate_warnings = true;
                } else {
                    return Err(());
                }
            } else {
                seen.push(name.clone());
            }
            let mut values: Vec<Src> = parts
                .map(|s| Src {
                    source: s.to_lowercase(),
                    index: pi,
                    keep: pi == 0,
                })
                .collect();
            if values.is_empty() && name.ends_with("-src") {
                values.push(Src {
                    source: "'none'".into(),
                    index: pi,
                    keep: pi == 0,
                });
            }
            let position = csp.iter().position(|(d, _)| *d == name);
            let mut combined: Vec<Src> = match (pi, position.and_then(|p| csp.get(p))) {
                (0, _) | (_, None) => values,
                (_, Some((_, old))) => old.iter().cloned().chain(values).collect(),
            };
            combined.sort_by(|a, b| a.source.cmp(&b.source));
            for i in 1..combined.len() {
                let (Some(prev), Some(cur)) = (
                    combined.get(i.wrapping_sub(1)).cloned(),
                    combined.get_mut(i),
                ) else {
                    continue;
                };
                if cur.index == prev.index && cur.source.starts_with(&prev.source) {
                    cur.keep = false;
                }
                if cur.index != prev.index && path_part_match(&prev.source, &cur.source) {
                    cur.keep = true;
                }
            }
            let mut kept: Vec<Src> = combined.into_iter().filter(|s| s.keep).collect();
            if pi == 0 && many {
                for s in &mut kept {
                    s.keep = false;
                }
            }
            match position.and_then(|p| csp.get_mut(p)) {
                Some(slot) => slot.1 = kept,
                None => csp.push((name, kept)),
            }
        }
    }
    let map = csp
        .into_iter()
        .map(|(d, s)| {
            let mut v: Vec<String> = s.into_iter().map(|s| s.source).collect();
            if v.is_empty() {
                v.push("'none'".into());
            }
            v.dedup();
            (d, v)
        })
        .collect();
    Ok(ObsCsp {
        map,
        duplicate_warnings,
    })
}

/// The Observatory's CSP result id for the enforced header values, the page's `<meta
/// http-equiv>` policies, whether a report-only header exists, and whether the site is HTTPS.
pub(crate) fn result(
    header: &[&str],
    meta: &[&str],
    report_only: bool,
    https: bool,
) -> (&'static str, Option<ObsCsp>) {
    let values: Vec<&str> = header.iter().chain(meta).copied().collect();
    if values.is_empty() {
        return (
            if report_only {
                "csp-not-implemented-but-reporting-enabled"
            } else {
                "csp-not-implemented"
            },
            None,
        );
    }
    let Ok(csp) = parse(&values) else {
        return ("csp-header-invalid", None);
    };
    // Whether anything is implemented is judged on the header's policy and the meta ones
    // without the directives a <meta> cannot carry (a failed parse counts as empty; the
    // duplicate-warning entry counts as one).
    let size = |c: &ObsCsp, drop: &[&str]| {
        let kept = c.map.keys().filter(|k| !drop.contains(&k.as_str())).count();
        kept.saturating_add(usize::from(c.duplicate_warnings))
    };
    let header_size = parse(header).map_or(0, |c| size(&c, &[]));
    let meta_size = parse(meta).map_or(0, |c| size(&c, crate::headers::page::NOT_IN_META));
    if header_size.saturating_add(meta_size) == 0 {
        return (
            if report_only {
                "csp-not-implemented-but-reporting-enabled"
            } else {
                "csp-not-implemented"
            },
            None,
        );
    }
    // The analyzer's source lists are the parsed map's own Sets: a list that falls back to
    // default-src *is* default-src's Set, so a deletion from one (for a nonce, or for
    // 'strict-dynamic') deletes from the other and from the map. Kept here by working on
    // the map through each list's key.
    let mut map = csp.map.clone();
    let key = |d: &str| {
        [d, "default-src"]
            .into_iter()
            .find(|k| map.contains_key(*k))
            .map(str::to_owned)
    };
    let (script_k, style_k, object_k) = (key("script-src"), key("style-src"), key("object-src"));
    let star = || vec!["*".to_owned()];
    let mut own: BTreeMap<&str, Vec<String>> =
        [("script", star()), ("style", star()), ("object", star())].into();
    let has_nonce_hash = |l: &[String]| {
        l.iter()
            .any(|s| NONCES_HASHES.iter().any(|p| s.starts_with(p)))
    };
    macro_rules! list {
        ($k:expr, $own:expr) => {
            match &$k {
                Some(k) => map.entry(k.clone()).or_default(),
                None => own.entry($own).or_default(),
            }
        };
    }
    for (k, o) in [(&script_k, "script"), (&style_k, "style")] {
        let l = list!(k, o);
        if has_nonce_hash(l) {
            l.retain(|s| s != "'unsafe-inline'");
        }
    }
    let mut result: Option<&'static str> = None;
    {
        let script = list!(script_k, "script");
        if has_nonce_hash(script) && script.iter().any(|s| s == "'strict-dynamic'") {
            script.retain(|s| {
                !(DANGEROUSLY_BROAD.iter().any(|b| s.starts_with(b))
                    || s == "'self'"
                    || s == "'unsafe-inline'")
            });
        } else if script.iter().any(|s| s == "'strict-dynamic'") {
            result = Some("csp-header-invalid");
        }
    }
    let script_src = list!(script_k, "script").clone();
    let style_src = list!(style_k, "style").clone();
    let object_src = list!(object_k, "object").clone();
    let get = |d: &str| map.get(d).cloned();
    let active: Vec<&String> = map
        .iter()
        .filter(|(d, _)| !matches!(d.as_str(), "img-src" | "media-src" | "script-src"))
        .flat_map(|(_, v)| v.iter())
        .chain(script_src.iter())
        .collect();
    let passive: Vec<String> = ["img-src", "media-src"]
        .iter()
        .flat_map(|d| get(d).or_else(|| get("default-src")).unwrap_or_default())
        .collect();
    let broad = |s: &String| DANGEROUSLY_BROAD.contains(&s.as_str());
    let broad_or_inline = |s: &String| broad(s) || UNSAFE_INLINE.contains(&s.as_str());
    let insecure = |s: &String| s.starts_with("http:") || s.starts_with("ftp:");
    let mut set = |r: &'static str| {
        result.get_or_insert(r);
    };
    if script_src.iter().any(broad_or_inline) || object_src.iter().any(broad) {
        set("csp-implemented-with-unsafe-inline");
    }
    if https && active.iter().any(|s| insecure(s)) {
        set("csp-implemented-with-insecure-scheme");
    }
    if script_src
        .iter()
        .chain(style_src.iter())
        .any(|s| s == "'unsafe-eval'")
    {
        set("csp-implemented-with-unsafe-eval");
    }
    if https && passive.iter().any(insecure) {
        set("csp-implemented-with-insecure-scheme-in-passive-content-only");
    }
    if style_src.iter().any(broad_or_inline) {
        set("csp-implemented-with-unsafe-inline-in-style-src-only");
    }
    if map
        .get("default-src")
        .is_some_and(|v| v.len() == 1 && v.first().is_some_and(|s| s == "'none'"))
    {
        set("csp-implemented-with-no-unsafe-default-src-none");
    } else {
        set("csp-implemented-with-no-unsafe");
    }
    let mut r = result.unwrap_or("csp-implemented-with-no-unsafe");
    let passing = [
        "csp-implemented-with-no-unsafe",
        "csp-implemented-with-no-unsafe-default-src-none",
        "csp-implemented-with-unsafe-inline-in-style-src-only",
        "csp-implemented-with-insecure-scheme-in-passive-content-only",
    ];
    if passing.contains(&r) && csp.duplicate_warnings {
        r = "csp-implemented-but-duplicate-directives";
    }
    (r, Some(csp))
}
