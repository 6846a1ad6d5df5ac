//! Key strength: RSA keys under 2048 bits, odd exponents, curves browsers do not support.

use super::{finding, references as refs};
use crate::cert::{CertificateReport, ACCEPTED_CURVES, MIN_RSA_BITS};
use crate::{Finding, Severity};

pub(super) fn check(cert: &CertificateReport, out: &mut Vec<Finding>) {
    let key = &cert.public_key;
    if crate::cert::pqc_kind(&key.oid).is_some() {
        out.push(finding(
            "cert.pqc-key",
            Severity::Info,
            format!(
                "{} is a post-quantum key that browsers do not accept yet",
                key.algorithm
            ),
            "NIST standardised ML-KEM, ML-DSA and SLH-DSA in 2024 and RFC 9881 says how ML-DSA \
             goes in certificates, but no browser or public CA accepts such certificates for \
             TLS yet (2026): they serve private PKIs and test hierarchies. Today's connections \
             get quantum-safe key exchange (X25519MLKEM768) with classical certificates.",
            key.description.clone(),
            refs::RFC9881,
            "For public TLS keep an ECDSA or RSA certificate; use ML-DSA where you control \
             every client.",
        ));
    }
    if key.algorithm == "RSA" || key.algorithm == "RSA-PSS" {
        match key.bits {
            Some(bits) if bits < MIN_RSA_BITS => out.push(finding(
                "cert.rsa-weak-key",
                Severity::Error,
                format!("RSA key of {bits} bits is too weak"),
                "RSA keys shorter than 2048 bits can be factored with feasible effort; public \
                 CAs may not issue them and browsers reject them.",
                key.description.clone(),
                refs::BR_KEYS,
                "Generate a new key of at least 2048 bits (or an ECDSA P-256 key) and have the \
                 certificate re-issued for it.",
            )),
            Some(bits) if bits % 8 != 0 => out.push(finding(
                "cert.rsa-odd-size",
                Severity::Warning,
                format!("RSA modulus of {bits} bits is not a multiple of 8"),
                "The Baseline Requirements require the modulus size in bits to be evenly \
                 divisible by 8; odd sizes usually mean a broken key generator.",
                key.description.clone(),
                refs::BR_KEYS,
                "Generate a new key with standard tools (2048, 3072 or 4096 bits).",
            )),
            _ => {}
        }
        if let Some(e) = key.exponent {
            if e < 3 || e % 2 == 0 {
                out.push(finding(
                    "cert.rsa-bad-exponent",
                    Severity::Error,
                    format!("RSA public exponent {e} is invalid"),
                    "An RSA public exponent must be an odd number of at least 3 (almost every \
                     key uses 65537); this key cannot be used safely.",
                    format!("exponent {e}"),
                    refs::BR_KEYS,
                    "Generate a new key with standard tools.",
                ));
            }
        }
    }
    if let Some(curve) = &key.curve {
        if !ACCEPTED_CURVES.contains(&curve.as_str()) {
            out.push(finding(
                "cert.ec-unsupported-curve",
                Severity::Error,
                format!("Curve {curve} is not supported by browsers"),
                "Browsers and the Baseline Requirements accept only the NIST curves P-256, \
                 P-384 and P-521 for ECDSA certificate keys.",
                key.description.clone(),
                refs::BR_KEYS,
                "Generate a P-256 or P-384 key and have the certificate re-issued for it.",
            ));
        }
    }
}
