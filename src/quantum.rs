//! Is a connection safe against a future quantum computer? Two separate questions: the key
//! exchange (can traffic recorded today be decrypted later?) and the certificate signature
//! (could a live handshake be forged?). Groups from the IANA TLS Supported Groups registry
//! (draft-ietf-tls-ecdhe-mlkem, draft-connolly-tls-mlkem-key-agreement).

use serde::Serialize;

/// The quantum-safety verdict of one connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuantumReport {
    /// `hybrid` (ML-KEM with X25519 or a NIST curve), `post-quantum` (ML-KEM alone),
    /// `obsolete-draft` (X25519Kyber768Draft00), `classical` or `unknown` (no group shown).
    pub key_exchange: &'static str,
    /// `post-quantum` (an ML-DSA or SLH-DSA certificate key), `classical`, or `unknown`.
    pub signature: &'static str,
    /// The verdict in one line, e.g. "Key exchange quantum-safe (hybrid X25519MLKEM768);
    /// certificate signature not (ECDSA)".
    pub summary: String,
    /// What that means, and how to turn hybrid key exchange on when it is off.
    pub explanation: String,
}

/// How `group` (as `openssl s_client` or curl names it) resists a quantum computer.
pub(crate) fn key_exchange(group: Option<&str>) -> &'static str {
    let Some(g) = group.map(|g| g.to_ascii_uppercase().replace(['_', '-'], "")) else {
        return "unknown";
    };
    if g.contains("KYBER") {
        "obsolete-draft"
    } else if g.contains("MLKEM") {
        if g.starts_with("MLKEM") {
            "post-quantum"
        } else {
            "hybrid"
        }
    } else {
        "classical"
    }
}

const ENABLE: &str = "To turn it on: with OpenSSL 3.5 or later, nginx: ssl_ecdh_curve X25519MLKEM768:X25519:prime256v1; (Apache: SSLOpenSSLConfCmd Curves X25519MLKEM768:X25519:prime256v1). Caddy 2.10 and Go 1.24 or later offer X25519MLKEM768 by default. Chrome, Edge and Firefox offer it already; clients that cannot fall back to X25519.";

/// The verdict for a connection that agreed on `group`, with a certificate key `key_algorithm`
/// (the report's algorithm name, e.g. "ECDSA P-256", "ML-DSA-65"), when known.
pub(crate) fn report(group: Option<&str>, key_algorithm: Option<&str>) -> QuantumReport {
    let kx = key_exchange(group);
    let signature = match key_algorithm {
        Some(a) if a.starts_with("ML-DSA") || a.starts_with("SLH-DSA") => "post-quantum",
        Some(_) => "classical",
        None => "unknown",
    };
    let g = group.unwrap_or("");
    let kx_line = match kx {
        "hybrid" => format!("Key exchange quantum-safe (hybrid {g})"),
        "post-quantum" => format!("Key exchange quantum-safe ({g}, ML-KEM alone)"),
        "obsolete-draft" => {
            format!("Key exchange {g}: a pre-standard draft, replaced by X25519MLKEM768")
        }
        "classical" => format!("Key exchange not quantum-safe ({g})"),
        _ => "Key exchange group not shown".to_owned(),
    };
    let sig_line = match (signature, key_algorithm) {
        ("post-quantum", Some(a)) => format!("certificate signature quantum-safe ({a})"),
        (_, Some(a)) => format!("certificate signature not ({a})"),
        _ => "certificate not among what was pasted".to_owned(),
    };
    let kx_meaning = match kx {
        "hybrid" | "post-quantum" => "Traffic recorded today cannot be decrypted later by a quantum computer (\"harvest now, decrypt later\").",
        "obsolete-draft" => "It still protects recorded traffic, but browsers dropped it in 2024 for the standard X25519MLKEM768: update the server's TLS library.",
        "classical" => "Traffic recorded today could be decrypted by a future quantum computer (\"harvest now, decrypt later\"). Hybrid key exchange prevents that at the cost of about 1 KB more per handshake.",
        _ => "Without the group (s_client prints it as \"Negotiated TLS1.3 group\" or \"Server Temp Key\", curl -v in its \"SSL connection using\" line) the key exchange cannot be judged.",
    };
    let sig_meaning = match signature {
        "post-quantum" => " The certificate's key is post-quantum too, though no browser accepts such certificates yet.",
        "classical" => " The certificate signature protects only the live handshake: a quantum computer could forge one only once it exists, and certificates can be replaced before then, which is why browsers and CAs move key exchange first. Browsers do not accept post-quantum certificates yet.",
        _ => "",
    };
    let enable = if matches!(kx, "classical" | "obsolete-draft") {
        format!(" {ENABLE}")
    } else {
        String::new()
    };
    QuantumReport {
        key_exchange: kx,
        signature,
        summary: format!("{kx_line}; {sig_line}"),
        explanation: format!("{kx_meaning}{sig_meaning}{enable}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_named_by_what_they_resist() {
        for (g, kx) in [
            ("X25519MLKEM768", "hybrid"),
            ("SecP256r1MLKEM768", "hybrid"),
            ("SecP384r1MLKEM1024", "hybrid"),
            ("MLKEM768", "post-quantum"),
            ("MLKEM1024", "post-quantum"),
            ("X25519Kyber768Draft00", "obsolete-draft"),
            ("X25519", "classical"),
            ("P-256", "classical"),
            ("ffdhe2048", "classical"),
        ] {
            assert_eq!(key_exchange(Some(g)), kx, "{g}");
        }
        assert_eq!(key_exchange(None), "unknown");
    }

    #[test]
    fn the_verdict_separates_key_exchange_and_signature() {
        let r = report(Some("X25519MLKEM768"), Some("ECDSA P-256"));
        assert_eq!(
            r.summary,
            "Key exchange quantum-safe (hybrid X25519MLKEM768); certificate signature not (ECDSA P-256)"
        );
        assert!(r.explanation.contains("harvest now, decrypt later"));
        assert!(!r.explanation.contains("ssl_ecdh_curve"));
        let r = report(Some("X25519"), Some("RSA"));
        assert!(
            r.explanation.contains("ssl_ecdh_curve X25519MLKEM768"),
            "{}",
            r.explanation
        );
        assert_eq!(
            report(Some("MLKEM768"), Some("ML-DSA-65")).signature,
            "post-quantum"
        );
    }
}
