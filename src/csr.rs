//! Certificate signing requests: PKCS#10 ([RFC 2986]) as `openssl req` and ACME clients make
//! them. What the CA will be asked for (subject, names, extensions, key), whether the request
//! is signed by that key, and what a CA would refuse.
//!
//! [RFC 2986]: https://www.rfc-editor.org/rfc/rfc2986

use der::{Decode, Encode};
use serde::Serialize;
use x509_cert::request::{CertReq, ExtensionReq};

use crate::cert::{
    self, AlgorithmName, ExtensionReport, ExtensionValue, NameReport, NamedOid, PublicKeyReport,
    ACCEPTED_CURVES, MIN_RSA_BITS,
};
use crate::lint::{finding, references as refs};
use crate::signature;
use crate::{oid, Error, Finding, Location, Severity};

const EXTENSION_REQUEST: &str = "1.2.840.113549.1.9.14";
const CHALLENGE_PASSWORD: &str = "1.2.840.113549.1.9.7";

/// One certificate signing request.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsrReport {
    /// Where in the input it was.
    pub location: Location,
    /// The subject name requested.
    pub subject: NameReport,
    /// The key to be certified.
    pub public_key: PublicKeyReport,
    /// Base64 SHA-256 of the SubjectPublicKeyInfo (compare with a certificate's SPKI pin).
    pub spki_sha256: String,
    /// How the request is signed.
    pub signature_algorithm: AlgorithmName,
    /// The signature verifies with the request's own key (proof of possession).
    pub signature_valid: bool,
    /// DNS names and IP addresses requested (subjectAltName in the extension request).
    pub names: Vec<String>,
    /// Every requested extension, decoded.
    pub extensions: Vec<ExtensionReport>,
    /// Other attributes, by name (values are not shown: a challenge password is a secret).
    pub attributes: Vec<NamedOid>,
    /// What a CA would refuse or what is worth knowing.
    pub findings: Vec<Finding>,
}

/// Reads one CSR from `der`.
pub(crate) fn report(der: &[u8], location: Location) -> Result<CsrReport, Error> {
    let req = CertReq::from_der(der).map_err(|e| Error::der("certificate request", e))?;
    let info = &req.info;
    let spki_der = info
        .public_key
        .to_der()
        .map_err(|e| Error::der("public key", e))?;
    let signature_valid = match (signature::signed_part(der), req.signature.as_bytes()) {
        (Some(message), Some(sig)) => {
            signature::verify(message, &req.algorithm, sig, &info.public_key).is_ok()
        }
        _ => false,
    };
    let mut extensions = Vec::new();
    let mut attributes = Vec::new();
    for attr in info.attributes.iter() {
        let id = attr.oid.to_string();
        if id == EXTENSION_REQUEST {
            for value in attr.values.iter() {
                if let Ok(bytes) = value.to_der() {
                    if let Ok(req) = ExtensionReq::from_der(&bytes) {
                        extensions.extend(req.0.iter().map(cert::extension_report));
                    }
                }
            }
        } else {
            attributes.push(NamedOid {
                name: match id.as_str() {
                    CHALLENGE_PASSWORD => "challengePassword".to_owned(),
                    "1.2.840.113549.1.9.2" => "unstructuredName".to_owned(),
                    _ => id.clone(),
                },
                oid: id,
            });
        }
    }
    let names: Vec<String> = extensions
        .iter()
        .filter_map(|e| match &e.value {
            ExtensionValue::SubjectAltName { names } => Some(names),
            _ => None,
        })
        .flatten()
        .filter(|n| {
            matches!(
                n.kind,
                crate::GeneralNameKind::Dns | crate::GeneralNameKind::Ip
            )
        })
        .map(|n| n.value.clone())
        .collect();
    let mut r = CsrReport {
        location,
        subject: cert::name_report(&info.subject),
        public_key: cert::public_key_report(&info.public_key),
        spki_sha256: cert::spki_pin(&spki_der),
        signature_algorithm: AlgorithmName {
            oid: req.algorithm.oid.to_string(),
            name: oid::name_or_dotted(oid::SIGNATURES, &req.algorithm.oid),
        },
        signature_valid,
        names,
        extensions,
        attributes,
        findings: Vec::new(),
    };
    r.findings = check(&r);
    Ok(r)
}

fn check(r: &CsrReport) -> Vec<Finding> {
    let mut out = Vec::new();
    let at = format!("request at {}", r.location);
    if !r.signature_valid {
        out.push(finding("csr.bad-signature", Severity::Error, "The request's signature does not verify",
            "A CSR is signed with the private key of the key it asks to certify, to prove the requester holds it. This one does not verify (or uses an algorithm certscope cannot check), so a CA will reject it.",
            format!("{} ({at})", r.signature_algorithm.name), refs::RFC2986, "Generate the request again with the private key that matches its public key."));
    }
    let key = &r.public_key;
    if let (true, Some(bits)) = (key.algorithm.starts_with("RSA"), key.bits) {
        if bits < MIN_RSA_BITS {
            out.push(finding("csr.weak-key", Severity::Error, format!("RSA key of {bits} bits is too weak"),
                "Public CAs issue only for RSA keys of at least 2048 bits (CA/Browser Forum Baseline Requirements §6.1.5); this request will be refused.",
                key.description.clone(), refs::BR_KEYS, "Generate a new key: openssl req -new -newkey rsa:2048 (or ec -pkeyopt ec_paramgen_curve:P-256) …"));
        }
    }
    if let Some(curve) = key
        .curve
        .as_ref()
        .filter(|c| !ACCEPTED_CURVES.contains(&c.as_str()))
    {
        out.push(finding(
            "csr.unsupported-curve",
            Severity::Error,
            format!("Curve {curve} is not accepted by public CAs"),
            "Public CAs and browsers accept ECDSA keys on P-256, P-384 and P-521 only.",
            key.description.clone(),
            refs::BR_KEYS,
            "Generate a P-256 or P-384 key.",
        ));
    }
    let weak_sig = ["MD2", "MD5", "SHA-1"]
        .iter()
        .any(|w| r.signature_algorithm.name.starts_with(w));
    if weak_sig {
        out.push(finding("csr.weak-signature", Severity::Warning, format!("The request is signed with {}", r.signature_algorithm.name),
            "CAs increasingly refuse requests signed with broken hashes (the signature only proves key possession, but tooling treats it as an error).",
            r.signature_algorithm.name.clone(), refs::RFC5280_SIGNATURE, "Sign the request with SHA-256: openssl req -sha256 …"));
    }
    if r.names.is_empty() {
        out.push(finding("csr.no-san", Severity::Warning, "The request names no DNS name or IP address",
            "Browsers only look at the Subject Alternative Name. Many CAs copy the common name into it, but some (and every private CA built on openssl x509 -req) will issue a certificate without one, which no browser accepts.",
            at.clone(), refs::BR_SAN, "Add the names: openssl req -addext \"subjectAltName=DNS:example.com,DNS:www.example.com\" …"));
    } else if let Some(cn) = &r.subject.common_name {
        if !r.names.iter().any(|n| n.eq_ignore_ascii_case(cn)) {
            out.push(finding("csr.cn-not-in-san", Severity::Warning, "The common name is not among the requested names",
                format!("CN={cn} is not in the SAN list ({}). Public CAs must put the CN among the SANs, so they will refuse or rewrite the request.", r.names.join(", ")),
                at.clone(), refs::BR_CN, "Add the CN to subjectAltName, or drop the CN."));
        }
    }
    if r.attributes.iter().any(|a| a.oid == CHALLENGE_PASSWORD) {
        out.push(finding("csr.challenge-password", Severity::Info, "The request carries a challenge password",
            "The challengePassword attribute travels in clear text inside the CSR; most CAs ignore it. certscope does not show its value.",
            at, refs::RFC2986, "Leave it empty unless your CA asks for it."));
    }
    out
}
