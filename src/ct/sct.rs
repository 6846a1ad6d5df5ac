//! What an embedded SCT signs (RFC 6962 §3.2), and checking that signature.
//!
//! A log signs the *precertificate* the CA sent it, not the certificate a server serves: the
//! certificate's TBSCertificate without the SCT list extension, together with the SHA-256 of
//! the issuer's public key. Both are rebuilt here from the served certificate and its issuer.

use crate::signature::VerifyError;
use der::Decode;
use x509_cert::ext::pkix::sct::{
    HashAlgorithm, SignatureAlgorithm, SignedCertificateTimestamp, SignedCertificateTimestampList,
};

/// The SCT list extension (RFC 6962 §3.3).
pub(crate) const SCT_LIST: &str = "1.3.6.1.4.1.11129.2.4.2";

/// What the SCT check needs of the served certificate: its SCT list extension's value and its
/// TBSCertificate without that extension (the precertificate's, RFC 6962 §3.2
/// "PreCert.tbs_certificate"; the poison extension the CA sent the log is likewise absent from
/// the served certificate). Read in one walk over the DER, without decoding the certificate.
pub(crate) struct Precert {
    /// The SCT list extension's OCTET STRING contents; `None` when there is none.
    pub sct_list: Option<Vec<u8>>,
    /// The rebuilt TBSCertificate.
    pub tbs: Vec<u8>,
}

impl Precert {
    pub(crate) fn read(der: &[u8]) -> Option<Self> {
        let id = SCT_LIST.parse().ok()?;
        let rebuilt = crate::cert::tbs_without(der, &id, false)?;
        Some(Precert {
            sct_list: rebuilt.dropped,
            tbs: rebuilt.tbs,
        })
    }
}

/// The TBSCertificate of `der` with the SCT list extension removed: what a log signed
/// (RFC 6962 §3.2).
pub fn precert_tbs(der: &[u8]) -> Option<Vec<u8>> {
    Precert::read(der).map(|p| p.tbs)
}

/// The SCTs of an SCT list extension's value (RFC 6962 §3.3: an OCTET STRING around the
/// TLS-encoded list).
pub(crate) fn read_list(bytes: &[u8]) -> Result<Vec<SignedCertificateTimestamp>, String> {
    let list = SignedCertificateTimestampList::from_der(bytes).map_err(|e| e.to_string())?;
    parse(&list)
}

/// The SCTs of a TLS-encoded SignedCertificateTimestampList, as the TLS extension and the OCSP
/// extension carry it (RFC 6962 §3.3, without the certificate extension's OCTET STRING).
pub(crate) fn read_tls_list(bytes: &[u8]) -> Result<Vec<SignedCertificateTimestamp>, String> {
    let octets = der::asn1::OctetString::new(bytes).map_err(|e| e.to_string())?;
    parse(&SignedCertificateTimestampList::from(octets))
}

fn parse(list: &SignedCertificateTimestampList) -> Result<Vec<SignedCertificateTimestamp>, String> {
    list.parse_timestamps()
        .map_err(|e| format!("{e:?}"))?
        .iter()
        .map(|s| s.parse_timestamp().map_err(|e| format!("{e:?}")))
        .collect()
}

/// What an SCT is about (RFC 6962 §3.1 `LogEntryType`, with what each signs).
pub(crate) enum Entry<'a> {
    /// An embedded SCT: the precertificate's TBSCertificate and its issuer's key hash.
    Precert {
        issuer_key_hash: &'a [u8; 32],
        tbs: &'a [u8],
    },
    /// An SCT sent in the TLS handshake or an OCSP response: the certificate itself.
    X509(&'a [u8]),
}

/// The bytes an SCT signs (RFC 6962 §3.2 `digitally-signed struct`): version, signature type 0
/// (certificate_timestamp), timestamp, entry type (0 x509_entry, 1 precert_entry), the entry
/// (the certificate, or the issuer key hash and the TBSCertificate; 24-bit length), the SCT's
/// extensions (16-bit length).
pub(crate) fn signed_data(sct: &SignedCertificateTimestamp, entry: &Entry<'_>) -> Option<Vec<u8>> {
    let (kind, hash, body): (u8, &[u8], &[u8]) = match entry {
        Entry::Precert {
            issuer_key_hash,
            tbs,
        } => (1, *issuer_key_hash, tbs),
        Entry::X509(cert) => (0, &[], cert),
    };
    let body_len = u32::try_from(body.len()).ok().filter(|n| *n < 1 << 24)?;
    let ext = sct.extensions.as_slice();
    let ext_len = u16::try_from(ext.len()).ok()?;
    let mut out = Vec::with_capacity(body.len().saturating_add(ext.len()).saturating_add(48));
    out.push(0); // v1
    out.push(0); // certificate_timestamp
    out.extend(sct.timestamp.to_be_bytes());
    out.extend([0, kind]);
    out.extend(hash);
    out.extend(&body_len.to_be_bytes()[1..]);
    out.extend(body);
    out.extend(ext_len.to_be_bytes());
    out.extend(ext);
    Some(out)
}

/// The X.509 AlgorithmIdentifier (DER) of an SCT's signature algorithm, as the verifier takes
/// it; RFC 6962 §2.1.4 allows only ECDSA (P-256) and RSA, with SHA-256.
pub(crate) fn algorithm(sct: &SignedCertificateTimestamp) -> Option<&'static [u8]> {
    /// ecdsa-with-SHA256 (RFC 5758), no parameters.
    const ECDSA_SHA256: &[u8] = &[
        0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02,
    ];
    /// sha256WithRSAEncryption (RFC 4055), NULL parameters.
    const RSA_SHA256: &[u8] = &[
        0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00,
    ];
    let alg = &sct.signature.algorithm;
    match (&alg.hash, &alg.signature) {
        (HashAlgorithm::Sha256, SignatureAlgorithm::Ecdsa) => Some(ECDSA_SHA256),
        (HashAlgorithm::Sha256, SignatureAlgorithm::Rsa) => Some(RSA_SHA256),
        _ => None,
    }
}

/// Checks `sct`'s signature over `message` with the log key `key` (DER SubjectPublicKeyInfo).
pub(crate) fn verify(
    sct: &SignedCertificateTimestamp,
    message: &[u8],
    key: &[u8],
) -> Result<(), VerifyError> {
    let alg = algorithm(sct).ok_or_else(|| {
        let a = &sct.signature.algorithm;
        VerifyError::UnsupportedAlgorithm(format!("{:?} with {:?}", a.signature, a.hash))
    })?;
    crate::signature::verify_encoded(message, alg, sct.signature.signature.as_slice(), key)
}
