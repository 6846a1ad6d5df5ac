//! JSON Web Keys ([RFC 7517]): a JWK Set (`/.well-known/jwks.json`, `{"keys": […]}`), a lone
//! JWK, or an array of them. Each key is described (type, curve, size, `kid`, `use`, `alg`,
//! its [RFC 7638] thumbprint); its `x5c` chain is read as certificates, in order, and checked
//! against the key; `x5t` and `x5t#S256` are checked against the first certificate. Private
//! members (`d`, `p`, `k`, …) are named, never shown.
//!
//! [RFC 7517]: https://www.rfc-editor.org/rfc/rfc7517
//! [RFC 7638]: https://www.rfc-editor.org/rfc/rfc7638

use serde::Serialize;
use serde_json::{Map, Value};
use sha2::Digest;

use super::text;
use super::Embedded;
use crate::lint::finding;
use crate::{Error, Finding, Location, Problem, Reference, Severity};

/// The most keys read from one set; the rest are counted, not read.
pub const MAX_KEYS: usize = 1_000;
/// The most certificates read from one key's `x5c`.
const MAX_X5C: usize = 16;

/// Members that hold private or secret key material (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2).
const PRIVATE: &[&str] = &["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

const RFC7517: Reference = Reference {
    label: "RFC 7517 §4",
    url: "https://www.rfc-editor.org/rfc/rfc7517#section-4",
};
const RFC7517_X5C: Reference = Reference {
    label: "RFC 7517 §4.7 (x5c)",
    url: "https://www.rfc-editor.org/rfc/rfc7517#section-4.7",
};
const RFC7517_X5T: Reference = Reference {
    label: "RFC 7517 §4.8–4.9 (x5t, x5t#S256)",
    url: "https://www.rfc-editor.org/rfc/rfc7517#section-4.8",
};
const RFC7518_RSA: Reference = Reference {
    label: "RFC 7518 §3.3",
    url: "https://www.rfc-editor.org/rfc/rfc7518#section-3.3",
};
const RFC7517_KID: Reference = Reference {
    label: "RFC 7517 §4.5 (kid)",
    url: "https://www.rfc-editor.org/rfc/rfc7517#section-4.5",
};

/// A JWK Set, or a lone JWK read as a set of one.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JwkSetReport {
    /// `{"keys": […]}` (true), or a lone JWK or an array of JWKs (false).
    pub set: bool,
    /// The keys, in order.
    pub keys: Vec<JwkReport>,
    /// Keys past [`MAX_KEYS`], counted and not read.
    pub keys_skipped: usize,
    /// Findings about the keys.
    pub findings: Vec<Finding>,
    /// Where the JSON could not be read.
    pub errors: Vec<Problem>,
}

/// One JWK.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JwkReport {
    /// Where its `"kty"` member is.
    pub location: Location,
    /// `kty`: RSA, EC, OKP or oct.
    pub kty: String,
    /// `crv` (EC and OKP keys).
    pub crv: Option<String>,
    /// Key size in bits (RSA modulus, EC curve, symmetric key).
    pub bits: Option<usize>,
    /// `kid`.
    pub kid: Option<String>,
    /// `use`: `sig` or `enc`.
    #[serde(rename = "use")]
    pub use_: Option<String>,
    /// `alg`, e.g. RS256.
    pub alg: Option<String>,
    /// `key_ops`.
    pub key_ops: Vec<String>,
    /// The key in plain words, e.g. "RSA 2048-bit signing key (RS256)".
    pub description: String,
    /// The RFC 7638 thumbprint: base64url of SHA-256 over the required members.
    pub thumbprint: Option<String>,
    /// Private or secret members present (names only).
    pub private_members: Vec<String>,
    /// Block numbers (as in the report's certificates) of its `x5c` certificates, in order.
    pub certificates: Vec<usize>,
    /// Whether the first `x5c` certificate holds this key (None: no x5c, or not comparable).
    pub x5c_matches_key: Option<bool>,
    /// `x5t` (SHA-1 of the first certificate), checked.
    pub x5t: Option<JwkCheck>,
    /// `x5t#S256` (SHA-256 of the first certificate), checked.
    pub x5t_s256: Option<JwkCheck>,
    /// `x5u`, a URL certscope does not fetch.
    pub x5u: Option<String>,
}

/// A thumbprint member and whether it matches the first `x5c` certificate.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JwkCheck {
    /// The value as written.
    pub value: String,
    /// None when there is no `x5c` to check it against.
    pub matches: Option<bool>,
}

/// The certificates of every key's `x5c`, for the core.
pub(crate) fn certificates(text: &str) -> Vec<Embedded> {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    let (keys, _) = keys_of(&value);
    located(text, &keys)
        .into_iter()
        .flat_map(|key| key.x5c)
        .map(|(location, der)| Embedded { location, der })
        .collect()
}

/// The description of the JWK or JWK Set `text`.
pub(crate) fn read(text: &str) -> JwkSetReport {
    let mut report = JwkSetReport {
        set: false,
        keys: Vec::new(),
        keys_skipped: 0,
        findings: Vec::new(),
        errors: Vec::new(),
    };
    let value = match serde_json::from_str::<Value>(text) {
        Ok(v) => v,
        Err(e) => {
            let at = crate::position::offset_of(text, e.line(), e.column());
            report.errors.push(Problem::new(
                crate::position::Locator::new(text).at(at),
                Error::Document {
                    format: "JSON",
                    message: format!("the JSON is malformed: {e}"),
                },
            ));
            return report;
        }
    };
    let (keys, set) = keys_of(&value);
    report.set = set;
    report.keys_skipped = keys.len().saturating_sub(MAX_KEYS);
    let mut block = 0usize;
    for (key, found) in keys.iter().zip(located(text, &keys)) {
        let certificates = found
            .x5c
            .iter()
            .map(|_| {
                block = block.saturating_add(1);
                block
            })
            .collect();
        let first = found.x5c.first().map(|(_, der)| der.as_slice());
        report
            .keys
            .push(describe(key, found.location, first, certificates));
    }
    report.findings = findings(&report.keys, set);
    report
}

/// Where a key is, and its `x5c` certificates with where each is.
struct Located {
    location: Location,
    x5c: Vec<(Location, Vec<u8>)>,
}

/// The first [`MAX_KEYS`] keys, located in one forward pass: each at its `"kty"` (keys are
/// written in order), each `x5c` string searched for from the last one found. A string not
/// found as written (a writer that escapes `/` as `\/`) is placed at its key.
fn located(text: &str, keys: &[&Map<String, Value>]) -> Vec<Located> {
    let mut lines = crate::position::Locator::new(text);
    let mut kty = text.match_indices("\"kty\"").map(|(at, _)| at);
    let mut cursor = 0usize;
    let mut out = Vec::new();
    for key in keys.iter().take(MAX_KEYS) {
        let location = lines.at(kty.next().unwrap_or(cursor));
        let chain = match key.get("x5c") {
            Some(Value::Array(chain)) => chain.as_slice(),
            _ => &[],
        };
        let mut x5c = Vec::new();
        for b64 in chain.iter().take(MAX_X5C).filter_map(Value::as_str) {
            let Some(der) = text::base64(b64) else {
                continue;
            };
            let found = text.get(cursor..).and_then(|rest| rest.find(b64));
            let at = match found {
                Some(at) => {
                    let at = at.saturating_add(cursor);
                    cursor = at.saturating_add(b64.len());
                    lines.at(at)
                }
                None => location,
            };
            x5c.push((at, der));
        }
        out.push(Located { location, x5c });
    }
    out
}

/// The keys of a set, a lone key, or an array; and whether it was a set.
fn keys_of(value: &Value) -> (Vec<&Map<String, Value>>, bool) {
    match value {
        Value::Object(o) => match o.get("keys") {
            Some(Value::Array(keys)) => (keys.iter().filter_map(Value::as_object).collect(), true),
            _ => (vec![o], false),
        },
        Value::Array(a) => (a.iter().filter_map(Value::as_object).collect(), false),
        _ => (Vec::new(), false),
    }
}

fn string(key: &Map<String, Value>, member: &str) -> Option<String> {
    key.get(member).and_then(Value::as_str).map(str::to_owned)
}

/// Size in bits of a big-endian unsigned integer.
fn bit_length(bytes: &[u8]) -> usize {
    let trimmed = strip_zeros(bytes);
    let top = trimmed
        .first()
        .map_or(0, |b| 8usize.saturating_sub(b.leading_zeros() as usize));
    trimmed
        .len()
        .saturating_sub(1)
        .saturating_mul(8)
        .saturating_add(top)
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    bytes.get(first..).unwrap_or_default()
}

/// The members RFC 7638 §3.2 hashes, per key type, in lexicographic order.
fn required(kty: &str) -> Option<&'static [&'static str]> {
    Some(match kty {
        "RSA" => &["e", "kty", "n"],
        "EC" => &["crv", "kty", "x", "y"],
        "OKP" => &["crv", "kty", "x"],
        "oct" => &["k", "kty"],
        _ => return None,
    })
}

/// RFC 7638 thumbprint, SHA-256.
fn thumbprint(key: &Map<String, Value>, kty: &str) -> Option<String> {
    let members = required(kty)?;
    let mut json = String::from("{");
    for (i, name) in members.iter().enumerate() {
        let value = key.get(*name)?.as_str()?;
        if i > 0 {
            json.push(',');
        }
        json.push_str(&serde_json::to_string(name).ok()?);
        json.push(':');
        json.push_str(&serde_json::to_string(value).ok()?);
    }
    json.push('}');
    Some(text::to_base64url(&sha2::Sha256::digest(json.as_bytes())))
}

fn describe(
    key: &Map<String, Value>,
    location: Location,
    first: Option<&[u8]>,
    certificates: Vec<usize>,
) -> JwkReport {
    let kty = string(key, "kty").unwrap_or_default();
    let crv = string(key, "crv");
    let member = |m: &str| key.get(m).and_then(Value::as_str).and_then(text::base64url);
    let bits = match kty.as_str() {
        "RSA" => member("n").map(|n| bit_length(&n)),
        "EC" => match crv.as_deref() {
            Some("P-256" | "secp256k1") => Some(256),
            Some("P-384") => Some(384),
            Some("P-521") => Some(521),
            _ => None,
        },
        "OKP" => match crv.as_deref() {
            Some("Ed25519" | "X25519") => Some(256),
            Some("Ed448") => Some(456),
            Some("X448") => Some(448),
            _ => None,
        },
        "oct" => member("k").map(|k| k.len().saturating_mul(8)),
        _ => None,
    };
    let use_ = string(key, "use");
    let alg = string(key, "alg");
    let private_members: Vec<String> = PRIVATE
        .iter()
        .filter(|m| key.contains_key(**m))
        .map(|m| (*m).to_owned())
        .collect();
    let facts = first.and_then(text::cert_facts);
    let x5c_matches_key = facts.as_ref().and_then(|f| same_key(key, &kty, &f.spki));
    let check = |member: &str, digest: Option<Vec<u8>>| {
        string(key, member).map(|value| JwkCheck {
            matches: digest.map(|d| text::base64url(&value).is_some_and(|v| v == d)),
            value,
        })
    };
    let x5t = check("x5t", first.map(|d| sha1::Sha1::digest(d).to_vec()));
    let x5t_s256 = check("x5t#S256", first.map(|d| sha2::Sha256::digest(d).to_vec()));
    let description = words(
        &kty,
        crv.as_deref(),
        bits,
        use_.as_deref(),
        alg.as_deref(),
        !private_members.is_empty(),
    );
    JwkReport {
        location,
        thumbprint: thumbprint(key, &kty),
        kty,
        crv,
        bits,
        kid: string(key, "kid"),
        use_,
        alg,
        key_ops: key
            .get("key_ops")
            .and_then(Value::as_array)
            .map(|ops| {
                ops.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        description,
        private_members,
        certificates,
        x5c_matches_key,
        x5t,
        x5t_s256,
        x5u: string(key, "x5u"),
    }
}

/// "RSA 2048-bit public signing key (RS256)".
fn words(
    kty: &str,
    crv: Option<&str>,
    bits: Option<usize>,
    use_: Option<&str>,
    alg: Option<&str>,
    private: bool,
) -> String {
    let kind = match (kty, crv, bits) {
        ("RSA", _, Some(b)) => format!("RSA {b}-bit"),
        ("EC" | "OKP", Some(c), _) => c.to_owned(),
        ("oct", _, Some(b)) => format!("{b}-bit symmetric"),
        ("", _, _) => "key without kty".to_owned(),
        (k, _, _) => k.to_owned(),
    };
    let half = match (kty, private) {
        ("oct", _) => "secret",
        (_, true) => "private",
        _ => "public",
    };
    let purpose = match use_ {
        Some("sig") => " signing",
        Some("enc") => " encryption",
        _ => "",
    };
    let alg = alg.map(|a| format!(" ({a})")).unwrap_or_default();
    format!("{kind} {half}{purpose} key{alg}")
}

/// Whether the certificate's subjectPublicKeyInfo (`spki`, DER) holds the JWK's public key.
fn same_key(key: &Map<String, Value>, kty: &str, spki: &[u8]) -> Option<bool> {
    use der::Decode;
    let info = spki::SubjectPublicKeyInfoRef::from_der(spki).ok()?;
    let raw = info.subject_public_key.as_bytes()?;
    let member = |m: &str| key.get(m).and_then(Value::as_str).and_then(text::base64url);
    match (kty, info.algorithm.oid.to_string().as_str()) {
        ("RSA", "1.2.840.113549.1.1.1" | "1.2.840.113549.1.1.10") => {
            let rsa = pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(raw).ok()?;
            let (n, e) = (member("n")?, member("e")?);
            Some(
                strip_zeros(rsa.modulus.as_bytes()) == strip_zeros(&n)
                    && strip_zeros(rsa.public_exponent.as_bytes()) == strip_zeros(&e),
            )
        }
        ("EC", "1.2.840.10045.2.1") => {
            let mut point = vec![4u8];
            point.extend(member("x")?);
            point.extend(member("y")?);
            Some(point == raw)
        }
        ("OKP", "1.3.101.110" | "1.3.101.111" | "1.3.101.112" | "1.3.101.113") => {
            Some(member("x")? == raw)
        }
        _ => Some(false),
    }
}

fn name(key: &JwkReport, index: usize) -> String {
    match &key.kid {
        Some(kid) => format!("Key {} (kid \"{kid}\")", index.saturating_add(1)),
        None => format!("Key {}", index.saturating_add(1)),
    }
}

fn findings(keys: &[JwkReport], set: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let who = name(key, i);
        if !key.private_members.is_empty() {
            let secret = key.kty == "oct";
            out.push(finding(
                if secret {
                    "jwk.secret-key"
                } else {
                    "jwk.private-key"
                },
                if secret || set {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                if secret {
                    format!("{who} is a shared secret")
                } else {
                    format!("{who} includes its private key")
                },
                format!(
                    "It has the member{} {}, which {} key material. certscope never sends, \
                     stores or shows it; it stays in this page and is removed from shared links. \
                     {}",
                    if key.private_members.len() > 1 {
                        "s"
                    } else {
                        ""
                    },
                    key.private_members.join(", "),
                    if secret {
                        "is the whole secret"
                    } else {
                        "are private"
                    },
                    if set {
                        "A published JWK Set must hold public keys only: anyone who fetched it \
                         can now sign tokens your services accept. Replace the key."
                    } else {
                        "Keep it out of tickets, chat and tools you do not control; if it was \
                         shared, replace it."
                    }
                ),
                format!("{who}: {}", key.private_members.join(", ")),
                RFC7517,
                "Publish only the public members (kty, crv, x, y, n, e, kid, use, alg, x5c); \
                 rotate the key if it was exposed.",
            ));
        }
        if key.x5c_matches_key == Some(false) {
            out.push(finding(
                "jwk.x5c-key-mismatch",
                Severity::Error,
                format!("{who}: its x5c certificate holds a different key"),
                "The first x5c certificate must contain the key the JWK describes. Clients that \
                 use the certificate (to pin it or check its chain) and clients that use n/e or \
                 x/y now disagree about which key verifies tokens.",
                format!("{who}: x5c[0] is block {}", key.certificates.first().copied().unwrap_or(0)),
                RFC7517_X5C,
                "Rebuild the JWK from the certificate's key, or put the key's own certificate first in x5c.",
            ));
        }
        for (member, check) in [("x5t", &key.x5t), ("x5t#S256", &key.x5t_s256)] {
            if let Some(check) = check.as_ref().filter(|c| c.matches == Some(false)) {
                out.push(finding(
                    "jwk.x5t-mismatch",
                    Severity::Error,
                    format!("{who}: {member} is not the thumbprint of its certificate"),
                    format!(
                        "{member} must be the base64url {} hash of the first x5c certificate's \
                         DER. Clients that select keys by thumbprint (Azure AD, ADFS, many \
                         SAML-to-OIDC bridges) will not find this one.",
                        if member == "x5t" { "SHA-1" } else { "SHA-256" }
                    ),
                    format!("{member}: {}", check.value),
                    RFC7517_X5T,
                    "Recompute it from the certificate: openssl x509 -in cert.pem -outform DER | \
                     openssl dgst -sha256 -binary | basenc --base64url | tr -d =",
                ));
            }
        }
        if key.kty == "RSA" && key.bits.is_some_and(|b| b < 2048) {
            out.push(finding(
                "jwk.rsa-key-too-small",
                Severity::Error,
                format!("{who} is a {}-bit RSA key", key.bits.unwrap_or(0)),
                "RFC 7518 requires RSA keys of 2048 bits or more for RS256 and PS256, and \
                 libraries such as jose, PyJWT and Nimbus refuse smaller ones.",
                format!("{who}: {}", key.description),
                RFC7518_RSA,
                "Generate a 2048-bit (or larger) RSA key, or an EC P-256 key.",
            ));
        }
    }
    let mut kids: Vec<&str> = keys.iter().filter_map(|k| k.kid.as_deref()).collect();
    kids.sort_unstable();
    let mut duplicates: Vec<&str> = kids
        .windows(2)
        .filter(|w| w.first() == w.get(1))
        .filter_map(|w| w.first().copied())
        .collect();
    duplicates.dedup();
    for kid in duplicates {
        out.push(finding(
            "jwk.duplicate-kid",
            Severity::Warning,
            format!("Two keys share the kid \"{kid}\""),
            "Verifiers pick the key by kid from the token's header. With two keys under one kid \
             they take the first, and tokens signed with the other fail at random-looking \
             moments (often right after a key rotation).",
            format!("kid \"{kid}\""),
            RFC7517_KID,
            "Give every key its own kid, e.g. its RFC 7638 thumbprint.",
        ));
    }
    if keys.len() > 1 && keys.iter().any(|k| k.kid.is_none()) {
        out.push(finding(
            "jwk.missing-kid",
            Severity::Info,
            "A key in the set has no kid",
            "With several keys in a set, verifiers need the kid to choose one; without it they \
             must try each key in turn, and some libraries refuse to.",
            format!(
                "{} of {} keys without kid",
                keys.iter().filter(|k| k.kid.is_none()).count(),
                keys.len()
            ),
            RFC7517_KID,
            "Add a kid to every key.",
        ));
    }
    out.sort_by_key(|f| f.severity);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("tests/data/documents/{name}")).unwrap()
    }

    #[test]
    fn rfc7638_example_thumbprint() {
        // RFC 7638 §3.1's example key and thumbprint.
        let r = read(&fixture("rfc7638-example.json"));
        let key = &r.keys[0];
        assert_eq!(
            key.thumbprint.as_deref(),
            Some("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
        );
        assert_eq!(key.bits, Some(2048));
        assert!(!r.set);
    }

    #[test]
    fn malformed_json_is_located() {
        let r = read("{\"keys\": [\n  {\"kty\": \"RSA\",}\n]}");
        let e = &r.errors[0];
        assert_eq!(e.location.line, Some(2));
        assert_eq!(e.code, "document");
    }

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_length(&[0, 0x80, 0]), 16);
        assert_eq!(bit_length(&[1]), 1);
        assert_eq!(bit_length(&[]), 0);
    }
}
