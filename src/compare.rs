//! Two certificates compared — a renewal against the one it replaces, staging against
//! production: names, key, issuer, validity and every extension ([RFC 5280 §4.1], §4.2), with
//! the differences said in plain words. `a` is the old (or reference) certificate, `b` the new.
//!
//! It works on the certificates of two reports in their JSON form, so the compare WebAssembly
//! module needs no certificate parser of its own (the core that made the reports has one):
//! `engine.js` hands it `JSON.stringify(report.certificates)`, and natively [`compare`] hands
//! it `serde_json::to_value` of the same reports.
//!
//! [RFC 5280 §4.1]: https://www.rfc-editor.org/rfc/rfc5280#section-4.1

// Reading JSON by key: serde_json's `Index` for `&str` (and `usize`) returns `Null` for a
// missing key or a value of another type; it never panics, so indexing is how it is read.
#![allow(clippy::indexing_slicing)]

use serde::Serialize;
use serde_json::Value;

use crate::Location;

/// What the comparison found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The first (old) certificate, in short.
    pub a: Side,
    /// The second (new) certificate, in short.
    pub b: Side,
    /// Whether they are the same certificate (same DER).
    pub identical: bool,
    /// One sentence, e.g. "Renewal with the same names and a new key; the OCSP URL is gone;
    /// the lifetime went from 398 to 90 days".
    pub summary: String,
    /// Every field that differs, in certificate order.
    pub differences: Vec<Difference>,
    /// The fields that are the same (by name), so a reader knows they were compared.
    pub same: Vec<String>,
}

/// One certificate of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Side {
    /// Subject, RFC 4514.
    pub subject: String,
    /// Issuer, RFC 4514.
    pub issuer: String,
    /// Serial number, colon hex.
    pub serial: String,
    /// notAfter, RFC 3339.
    pub not_after: String,
    /// SHA-256 of the certificate, colon hex.
    pub sha256: String,
    /// Where it was in its input.
    pub location: Location,
}

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The field, e.g. "Subject Alternative Name" or "Validity".
    pub field: String,
    /// `added` (only in b), `removed` (only in a) or `changed`.
    pub change: &'static str,
    /// Its value in a, as text.
    pub before: Option<String>,
    /// Its value in b, as text.
    pub after: Option<String>,
    /// What the difference means, in plain words.
    pub meaning: String,
}

/// Compares the certificate in `a` with the one in `b` (the end certificate when an input
/// holds several; any input `inspect` reads), validity judged at `at`.
pub fn compare(a: &[u8], b: &[u8], at: u64) -> Result<Comparison, String> {
    let certificates = |input: &[u8]| -> Result<Value, String> {
        let options = crate::Options::at(at)
            .roots(crate::Roots::None)
            .lints(crate::Lints::Core);
        let report = crate::inspect(input, &options).map_err(|e| e.to_string())?;
        serde_json::to_value(&report.certificates).map_err(|e| e.to_string())
    };
    let (a, b) = (
        certificates(a).map_err(|e| format!("the first certificate: {e}"))?,
        certificates(b).map_err(|e| format!("the second certificate: {e}"))?,
    );
    compare_reports(&a, &b)
}

/// Compares the end certificate (else the first) of two lists of certificate reports in
/// their JSON form (`Report.certificates`).
pub fn compare_reports(a: &Value, b: &Value) -> Result<Comparison, String> {
    let first = pick(a).ok_or("the first certificate: no certificate found")?;
    let second = pick(b).ok_or("the second certificate: no certificate found")?;
    Ok(diff(&Cert(first), &Cert(second)))
}

/// The first certificate that is not a CA, else the first.
fn pick(list: &Value) -> Option<&Value> {
    let all = list.as_array()?;
    let is_ca = |c: &&Value| {
        Cert(c)
            .extension(BASIC)
            .is_some_and(|e| e["value"]["ca"] == Value::Bool(true))
    };
    all.iter().find(|c| !is_ca(c)).or_else(|| all.first())
}

/// One certificate report, read by field.
struct Cert<'a>(&'a Value);

impl<'a> Cert<'a> {
    fn text(&self, path: &[&str]) -> String {
        let mut v = self.0;
        for key in path {
            v = &v[*key];
        }
        match v {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        }
    }
    fn names(&self) -> Vec<String> {
        self.0["names"]
            .as_array()
            .map(|l| {
                l.iter()
                    .filter_map(|n| n.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
    /// The common name, else the whole name.
    fn short(&self, which: &str) -> String {
        match self.0[which]["commonName"].as_str() {
            Some(cn) => cn.to_owned(),
            None => self.text(&[which, "display"]),
        }
    }
    fn extensions(&self) -> &'a [Value] {
        self.0["extensions"].as_array().map_or(&[], Vec::as_slice)
    }
    fn extension(&self, oid: &str) -> Option<&'a Value> {
        self.extensions().iter().find(|e| e["oid"] == oid)
    }
    fn side(&self) -> Side {
        Side {
            subject: self.text(&["subject", "display"]),
            issuer: self.text(&["issuer", "display"]),
            serial: self.text(&["serial"]),
            not_after: self.text(&["validity", "notAfter"]),
            sha256: self.text(&["fingerprints", "sha256"]),
            location: Location {
                block: as_usize(&self.0["location"]["block"]),
                line: self.0["location"]["line"]
                    .as_u64()
                    .and_then(|l| usize::try_from(l).ok()),
                byte_offset: as_usize(&self.0["location"]["byteOffset"]),
            },
        }
    }
}

fn as_usize(v: &Value) -> usize {
    v.as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or_default()
}

const BASIC: &str = "2.5.29.19";
const SKI: &str = "2.5.29.14";
const AKI: &str = "2.5.29.35";
const SAN: &str = "2.5.29.17";
const AIA: &str = "1.3.6.1.5.5.7.1.1";
const CRLDP: &str = "2.5.29.31";
const EKU: &str = "2.5.29.37";
const KU: &str = "2.5.29.15";
const SCTS: &str = "1.3.6.1.4.1.11129.2.4.2";

/// The comparison of two certificate reports.
fn diff(a: &Cert<'_>, b: &Cert<'_>) -> Comparison {
    let mut differences = Vec::new();
    let mut same = Vec::new();
    let mut clauses: Vec<String> = Vec::new();
    let identical = a.text(&["fingerprints", "sha256"]) == b.text(&["fingerprints", "sha256"]);

    let mut field = |name: &str, before: String, after: String, meaning: String| {
        if before == after {
            same.push(name.to_owned());
        } else {
            differences.push(Difference {
                field: name.to_owned(),
                change: "changed",
                before: Some(before),
                after: Some(after),
                meaning,
            });
        }
    };

    // Names: what the certificate is for.
    let (na, nb) = (a.names(), b.names());
    let added: Vec<&String> = nb.iter().filter(|n| !na.contains(n)).collect();
    let removed: Vec<&String> = na.iter().filter(|n| !nb.contains(n)).collect();
    let same_names = added.is_empty() && removed.is_empty();
    let subject = |c: &Cert<'_>| c.text(&["subject", "display"]);
    field(
        "Subject",
        subject(a),
        subject(b),
        "The subject name differs.".to_owned(),
    );
    field(
        "Names",
        na.join(", "),
        nb.join(", "),
        names_meaning(&added, &removed),
    );

    // The key.
    let spki = |c: &Cert<'_>| c.text(&["fingerprints", "spkiSha256"]);
    let key = |c: &Cert<'_>| c.text(&["publicKey", "description"]);
    let same_key = spki(a) == spki(b);
    let key_type = (key(a) != key(b)).then(|| format!(" ({} → {})", key(a), key(b)));
    field(
        "Public key",
        format!("{} {}", key(a), spki(a)),
        format!("{} {}", key(b), spki(b)),
        format!(
            "A new key pair{}: pins of the old key (HPKP, app pinning) no longer match.",
            key_type.as_deref().unwrap_or_default()
        ),
    );
    let kind = if identical {
        "The same certificate".to_owned()
    } else if same_names && subject(a) == subject(b) {
        format!(
            "Renewal with the same names and {}",
            if same_key {
                "the same key".to_owned()
            } else {
                format!("a new key{}", key_type.unwrap_or_default())
            }
        )
    } else if na.iter().any(|n| nb.contains(n)) {
        format!(
            "Reissue with different names ({}), {}",
            names_meaning(&added, &removed).trim_end_matches('.'),
            if same_key { "same key" } else { "new key" }
        )
    } else {
        "Different certificates: no name in common".to_owned()
    };
    clauses.push(kind);

    // Who issued it.
    let issuer = |c: &Cert<'_>| c.text(&["issuer", "display"]);
    let aki = |c: &Cert<'_>| {
        c.extension(AKI)
            .and_then(|e| e["value"]["keyId"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    if issuer(a) != issuer(b) {
        clauses.push(format!(
            "issued by a different CA ({} → {})",
            a.short("issuer"),
            b.short("issuer")
        ));
    } else if aki(a) != aki(b) {
        clauses.push(
            "the same CA name with a different key: a new intermediate, which the server must \
             send with it"
                .to_owned(),
        );
    }
    field(
        "Issuer",
        issuer(a),
        issuer(b),
        "Issued by a different CA: the chain file must change with it.".to_owned(),
    );
    field(
        "Issuer key (AKI)",
        aki(a),
        aki(b),
        "Signed by a different issuing key: use the intermediate that came with this \
         certificate."
            .to_owned(),
    );
    field(
        "Serial number",
        a.text(&["serial"]),
        b.text(&["serial"]),
        "Every certificate has its own serial number.".to_owned(),
    );

    // Validity.
    let lifetime = |c: &Cert<'_>| c.text(&["validity", "lifetimeDays"]);
    let validity = |c: &Cert<'_>| {
        format!(
            "{} → {} ({} days)",
            c.text(&["validity", "notBefore"]),
            c.text(&["validity", "notAfter"]),
            lifetime(c)
        )
    };
    let (la, lb) = (lifetime(a), lifetime(b));
    if la != lb {
        clauses.push(format!("the lifetime went from {la} to {lb} days"));
    }
    field(
        "Validity",
        validity(a),
        validity(b),
        if la == lb {
            "A new validity period of the same length.".to_owned()
        } else {
            format!("The lifetime went from {la} to {lb} days.")
        },
    );
    let algorithm = |c: &Cert<'_>| c.text(&["signatureAlgorithm", "name"]);
    if algorithm(a) != algorithm(b) {
        clauses.push(format!(
            "signed with {} instead of {}",
            algorithm(b),
            algorithm(a)
        ));
    }
    field(
        "Signature algorithm",
        algorithm(a),
        algorithm(b),
        "The CA signs with another algorithm.".to_owned(),
    );

    // Every extension, by OID, in a's order then b's new ones.
    let mut oids: Vec<&str> = a
        .extensions()
        .iter()
        .filter_map(|e| e["oid"].as_str())
        .collect();
    for oid in b.extensions().iter().filter_map(|e| e["oid"].as_str()) {
        if !oids.contains(&oid) {
            oids.push(oid);
        }
    }
    for oid in oids {
        // The key identifiers and names are covered above.
        if oid == SKI || oid == AKI || oid == SAN {
            continue;
        }
        let (ea, eb) = (a.extension(oid), b.extension(oid));
        let name = ea
            .or(eb)
            .and_then(|e| e["name"].as_str())
            .unwrap_or(oid)
            .to_owned();
        let unchanged = match (ea, eb) {
            (Some(x), Some(y)) => x["value"] == y["value"] && x["critical"] == y["critical"],
            _ => false,
        };
        if unchanged {
            same.push(name);
            continue;
        }
        if oid == SCTS && ea.is_some() && eb.is_some() {
            // A new certificate always has new timestamps.
            same.push(format!("{name} (new timestamps)"));
            continue;
        }
        let (change, meaning) = match (ea, eb) {
            (Some(_), None) => ("removed", format!("{name} is gone.")),
            (None, Some(_)) => ("added", format!("{name} was added.")),
            _ => ("changed", format!("{name} changed.")),
        };
        match extension_clause(oid, ea, eb) {
            Some(clause) => clauses.push(clause),
            None => clauses.push(match change {
                "removed" => format!("{name} is gone"),
                "added" => format!("{name} was added"),
                _ => format!("{name} changed"),
            }),
        }
        differences.push(Difference {
            field: name,
            change,
            before: ea.map(extension_text),
            after: eb.map(extension_text),
            meaning,
        });
    }
    if identical {
        clauses.truncate(1);
        differences.clear();
    }
    Comparison {
        a: a.side(),
        b: b.side(),
        identical,
        summary: clauses.join("; "),
        differences,
        same,
    }
}

fn names_meaning(added: &[&String], removed: &[&String]) -> String {
    let list = |l: &[&String]| l.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    match (added.is_empty(), removed.is_empty()) {
        (true, true) => "The same names.".to_owned(),
        (false, true) => format!("added {}.", list(added)),
        (true, false) => format!("removed {}.", list(removed)),
        (false, false) => format!("added {}; removed {}.", list(added), list(removed)),
    }
}

/// The strings at `key` of each item of `list` (or of each item's `inner` object; each item
/// itself when `key` is empty).
fn strings(list: &Value, inner: Option<&str>, key: &str) -> Vec<String> {
    list.as_array()
        .map(|l| {
            l.iter()
                .map(|i| inner.map_or(i, |k| &i[k]))
                .filter_map(|i| if key.is_empty() { i } else { &i[key] }.as_str())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// An extension's value as text: the fields people read, else its JSON.
fn extension_text(e: &Value) -> String {
    let v = &e["value"];
    let text = match v["kind"].as_str().unwrap_or_default() {
        "subjectAltName" | "issuerAltName" | "crlDistributionPoints" => {
            let key = if v["names"].is_array() {
                "names"
            } else {
                "points"
            };
            strings(&v[key], None, "value").join(", ")
        }
        "keyUsage" => strings(&v["usages"], None, "").join(", "),
        "extendedKeyUsage" => strings(&v["purposes"], None, "name").join(", "),
        "basicConstraints" => match (v["ca"].as_bool(), v["pathLen"].as_u64()) {
            (Some(true), Some(n)) => format!("CA, at most {n} CA below"),
            (Some(true), None) => "CA".to_owned(),
            _ => "not a CA".to_owned(),
        },
        "infoAccess" => v["entries"]
            .as_array()
            .map(|l| {
                l.iter()
                    .map(|a| {
                        format!(
                            "{}: {}",
                            a["method"].as_str().unwrap_or_default(),
                            a["location"]["value"].as_str().unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default(),
        "certificatePolicies" => strings(&v["policies"], None, "oid").join(", "),
        "signedCertificateTimestamps" => {
            format!("{} timestamps", v["scts"].as_array().map_or(0, Vec::len))
        }
        _ => v.to_string(),
    };
    if e["critical"] == Value::Bool(true) {
        format!("{text} (critical)")
    } else {
        text
    }
}

/// The URLs of one access method (`ocsp`, `caIssuers`) of an AIA extension, or of a CRL
/// distribution points extension.
fn urls(e: Option<&Value>, method: &str) -> Vec<String> {
    let Some(v) = e.map(|e| &e["value"]) else {
        return Vec::new();
    };
    if v["kind"] == "crlDistributionPoints" {
        return strings(&v["points"], None, "value");
    }
    v["entries"]
        .as_array()
        .map(|l| {
            l.iter()
                .filter(|a| a["method"] == method)
                .filter_map(|a| a["location"]["value"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Plain words for the differences people ask about: OCSP, CRLs, the issuer URL, key usage.
fn extension_clause(oid: &str, a: Option<&Value>, b: Option<&Value>) -> Option<String> {
    let moved = |what: &str, x: Vec<String>, y: Vec<String>| -> Option<String> {
        match (x.is_empty(), y.is_empty()) {
            (true, true) => None,
            (false, true) => Some(format!("the {what} is gone")),
            (true, false) => Some(format!("a {what} was added ({})", y.join(", "))),
            _ if x == y => None,
            _ => Some(format!(
                "the {what} changed ({} → {})",
                x.join(", "),
                y.join(", ")
            )),
        }
    };
    let listed = |e: Option<&Value>| {
        e.map_or_else(
            || "none".to_owned(),
            |e| extension_text(e).trim_end_matches(" (critical)").to_owned(),
        )
    };
    match oid {
        AIA => {
            let ocsp = moved("OCSP URL", urls(a, "ocsp"), urls(b, "ocsp"));
            let issuer = moved("CA Issuers URL", urls(a, "caIssuers"), urls(b, "caIssuers"));
            let both: Vec<String> = ocsp.into_iter().chain(issuer).collect();
            Some(both.join("; ")).filter(|s| !s.is_empty())
        }
        CRLDP => moved("CRL URL", urls(a, ""), urls(b, "")),
        EKU => Some(format!(
            "the extended key usage went from {} to {}",
            listed(a),
            listed(b)
        )),
        KU => Some(format!(
            "the key usage went from {} to {}",
            listed(a),
            listed(b)
        )),
        _ => None,
    }
}
