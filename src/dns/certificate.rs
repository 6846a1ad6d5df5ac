//! What the DNS checks need of each pasted certificate.

/// What the DNS analysis needs of one pasted certificate (taken from the core's report:
/// `dns_certificates` natively, `dnsCertificates` in engine.js).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DnsCertificate {
    /// The certificate's DER.
    pub der: Vec<u8>,
    /// SHA-256 of the DER, lower-case hex (the report's fingerprint).
    pub sha256: String,
    /// SHA-256 of the SubjectPublicKeyInfo, lower-case hex (the report's SPKI pin).
    pub spki_sha256: String,
    /// Its DNS names (SAN dNSName entries).
    pub names: Vec<String>,
    /// Its issuer's organisation, or common name.
    pub issuer: String,
    /// Whether it is a CA certificate.
    pub ca: bool,
    /// Its index in the report's certificates.
    pub index: usize,
}

impl DnsCertificate {
    /// Reads the certificates as engine.js passes them: a JSON array of `{ der (base64),
    /// sha256 (hex), spkiSha256 (hex), names, issuer, ca, index }`. Read through
    /// `serde_json::Value`, as the HAR reader does, so that no typed deserialiser (and its
    /// float-formatting error messages) is linked into the http module.
    pub fn list_from_json(json: &str) -> Vec<DnsCertificate> {
        use base64::Engine as _;
        let Ok(serde_json::Value::Array(items)) = serde_json::from_str(json) else {
            return Vec::new();
        };
        let text = |v: &serde_json::Value, k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        items
            .iter()
            .map(|v| DnsCertificate {
                der: base64::engine::general_purpose::STANDARD
                    .decode(text(v, "der"))
                    .unwrap_or_default(),
                sha256: text(v, "sha256"),
                spki_sha256: text(v, "spkiSha256"),
                names: v
                    .get("names")
                    .and_then(|n| n.as_array())
                    .map(|n| {
                        n.iter()
                            .filter_map(|x| x.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
                issuer: text(v, "issuer"),
                ca: v
                    .get("ca")
                    .and_then(serde_json::Value::as_bool)
                    .unwrap_or(false),
                index: v
                    .get("index")
                    .and_then(serde_json::Value::as_u64)
                    .and_then(|i| usize::try_from(i).ok())
                    .unwrap_or(usize::MAX),
            })
            .collect()
    }
}
