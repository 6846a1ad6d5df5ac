//! Pasted private keys: which public key they belong to, so certscope can say whether a key
//! matches a pasted certificate or CSR — the classic "key values mismatch" — without ever
//! showing, storing or keeping the key. Only the public half is derived; the private bytes are
//! dropped when this returns.
//!
//! Formats: PKCS#8 ([RFC 5958]) with RSA, EC and Ed25519 keys, PKCS#1 RSA, SEC1 EC
//! ([RFC 5915]); encrypted PKCS#8 and legacy OpenSSL PEM encryption are named, not decrypted.
//!
//! [RFC 5958]: https://www.rfc-editor.org/rfc/rfc5958
//! [RFC 5915]: https://www.rfc-editor.org/rfc/rfc5915

use der::asn1::{Any, BitString, Null, ObjectIdentifier as Oid};
use der::{Decode, Encode, Header, Reader, SliceReader, Tag};
use serde::Serialize;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use crate::{cert, Location};

const RSA: &str = "1.2.840.113549.1.1.1";
const EC: &str = "1.2.840.10045.2.1";
const ED25519: &str = "1.3.101.112";
const PBES2: &str = "1.2.840.113549.1.5.13";
const PBKDF2: &str = "1.2.840.113549.1.5.12";
const DATA: &str = "1.2.840.113549.1.7.1";

/// A key found in the input: a private key, described by its public half only, or a public
/// key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyReport {
    /// Where in the input it was.
    pub location: Location,
    /// A private key (whose public half is described), or a public key.
    pub private: bool,
    /// "PKCS#8", "PKCS#1 (RSA)", "SEC1 (EC)", "encrypted PKCS#8", "encrypted PEM",
    /// "OpenSSH", "SPKI" (SubjectPublicKeyInfo) or the PEM label.
    pub format: String,
    /// The public key, e.g. "RSA 2048 bits (e = 65537)", when it could be derived.
    pub public_key: Option<String>,
    /// Base64 SHA-256 of its SubjectPublicKeyInfo (same as a certificate's SPKI pin).
    pub spki_sha256: Option<String>,
    /// How it is encrypted, for encrypted keys.
    pub encryption: Option<String>,
    /// Indexes into `Report.certificates` of the certificates for this key.
    pub matches_certificates: Vec<usize>,
    /// Indexes into `Report.requests` of the CSRs for this key.
    pub matches_requests: Vec<usize>,
    /// Why the public key could not be derived, when it could not.
    pub note: Option<String>,
}

impl KeyReport {
    /// A key of `format` with nothing derived or matched yet.
    fn new(location: Location, private: bool, format: &str) -> Self {
        KeyReport {
            location,
            private,
            format: format.to_owned(),
            public_key: None,
            spki_sha256: None,
            encryption: None,
            matches_certificates: Vec::new(),
            matches_requests: Vec::new(),
            note: None,
        }
    }
}

fn any<T: der::EncodeValue + der::Tagged>(value: &T) -> Option<Any> {
    Any::encode_from(value).ok()
}

fn spki(alg: &str, params: Option<Any>, key: &[u8]) -> Option<SubjectPublicKeyInfoOwned> {
    Some(SubjectPublicKeyInfoOwned {
        algorithm: AlgorithmIdentifierOwned {
            oid: <Oid>::new(alg).ok()?,
            parameters: params,
        },
        subject_public_key: BitString::from_bytes(key).ok()?,
    })
}

/// The public key of a PKCS#1 RSAPrivateKey.
fn rsa_public(pkcs1: &[u8]) -> Result<SubjectPublicKeyInfoOwned, String> {
    use pkcs1::{RsaPrivateKey, RsaPublicKey};
    let k = RsaPrivateKey::<der::asn1::UintRef<'_>>::from_der(pkcs1)
        .map_err(|e| format!("not a PKCS#1 RSA key: {e}"))?;
    let public = RsaPublicKey {
        modulus: k.modulus,
        public_exponent: k.public_exponent,
    }
    .to_der()
    .map_err(|e| e.to_string())?;
    spki(RSA, any(&Null), &public).ok_or_else(|| "cannot encode the RSA public key".to_owned())
}

/// The public key of a SEC1 ECPrivateKey (curve from the key or from PKCS#8 parameters).
fn ec_public(sec1: &[u8], curve: Option<Oid>) -> Result<SubjectPublicKeyInfoOwned, String> {
    let k = sec1::EcPrivateKey::from_der(sec1).map_err(|e| format!("not a SEC1 EC key: {e}"))?;
    let curve = k
        .parameters
        .and_then(|p| p.named_curve())
        .or(curve)
        .ok_or("the EC key names no curve")?;
    let point = k
        .public_key
        .ok_or("the EC key file does not include its public key (re-export it with openssl ec)")?;
    spki(EC, any(&curve), point).ok_or_else(|| "cannot encode the EC public key".to_owned())
}

/// The public half of an SLH-DSA private key (RFC 9909 §6; FIPS 205 §9.1): the private key is
/// `SK.seed || SK.prf || PK.seed || PK.root`, `n` bytes each (16, 24 or 32 by parameter set),
/// and the public key its second half. The raw bytes are what RFC 9909 puts in `privateKey`;
/// the same wrapped in one more OCTET STRING (as RFC 8410 is sometimes read) is taken too.
fn slh_dsa_public<'a>(dotted: &str, key: &'a [u8]) -> Result<&'a [u8], String> {
    // The twelve sets run SHA2 then SHAKE, each 128s, 128f, 192s, 192f, 256s, 256f.
    let position = crate::signature::SLH_DSA
        .iter()
        .position(|o| *o == dotted)
        .unwrap_or_default();
    // 4n bytes in all; the public key starts at 2n.
    let (size, public) = [(64, 32), (64, 32), (96, 48), (96, 48), (128, 64), (128, 64)]
        .get(position % 6)
        .copied()
        .unwrap_or((64, 32));
    let raw = match <&der::asn1::OctetStringRef>::from_der(key) {
        Ok(inner) if inner.as_bytes().len() == size && key.len() != size => inner.as_bytes(),
        _ => key,
    };
    if raw.len() != size {
        return Err(format!(
            "an SLH-DSA private key of this parameter set is {size} bytes (SK.seed, SK.prf, PK.seed, PK.root), not {}",
            raw.len()
        ));
    }
    raw.get(public..)
        .ok_or_else(|| "the SLH-DSA private key is too short".to_owned())
}

/// The public key of a PKCS#8 PrivateKeyInfo.
fn pkcs8_public(der: &[u8]) -> Result<SubjectPublicKeyInfoOwned, String> {
    let mut r = SliceReader::new(der).map_err(|e| e.to_string())?;
    let outer = Header::decode(&mut r).map_err(|e| e.to_string())?;
    let mut r = SliceReader::new(r.read_slice(outer.length()).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let _version = der::asn1::UintRef::decode(&mut r).map_err(|e| e.to_string())?;
    let alg = AlgorithmIdentifierOwned::decode(&mut r).map_err(|e| e.to_string())?;
    let key = <&der::asn1::OctetStringRef>::decode(&mut r).map_err(|e| e.to_string())?;
    match alg.oid.to_string().as_str() {
        RSA => rsa_public(key.as_bytes()),
        EC => ec_public(
            key.as_bytes(),
            alg.parameters.and_then(|p| p.decode_as::<Oid>().ok()),
        ),
        ED25519 => {
            let seed = <&der::asn1::OctetStringRef>::from_der(key.as_bytes())
                .map_err(|e| e.to_string())?;
            let seed: [u8; 32] = seed
                .as_bytes()
                .try_into()
                .map_err(|_| "an Ed25519 key must be 32 bytes".to_owned())?;
            let public = crate::signature::ed25519_public(&seed).ok_or_else(|| {
                "the public half of an Ed25519 key is computed by the verify module, which is not loaded".to_owned()
            })?;
            spki(ED25519, None, &public)
                .ok_or_else(|| "cannot encode the Ed25519 public key".to_owned())
        }
        dotted if crate::signature::ML_DSA.contains(&dotted) => {
            let public = crate::signature::ml_dsa_public(dotted, key.as_bytes())?;
            spki(dotted, None, &public)
                .ok_or_else(|| "cannot encode the ML-DSA public key".to_owned())
        }
        dotted if crate::signature::SLH_DSA.contains(&dotted) => {
            let public = slh_dsa_public(dotted, key.as_bytes())?;
            spki(dotted, None, public)
                .ok_or_else(|| "cannot encode the SLH-DSA public key".to_owned())
        }
        _ => Err(format!(
            "keys of algorithm {} are not supported",
            crate::oid::name_or_dotted(crate::oid::KEY_ALGORITHMS, &alg.oid)
        )),
    }
}

/// Names the encryption of an EncryptedPrivateKeyInfo, e.g. "PBES2: PBKDF2 (HMAC-SHA-256,
/// 2048 iterations) with AES-256-CBC".
fn encryption(der: &[u8]) -> String {
    let describe = || -> Option<String> {
        let mut r = SliceReader::new(der).ok()?;
        let outer = Header::decode(&mut r).ok()?;
        let mut r = SliceReader::new(r.read_slice(outer.length()).ok()?).ok()?;
        let alg = AlgorithmIdentifierOwned::decode(&mut r).ok()?;
        let id = alg.oid.to_string();
        if id != PBES2 {
            return Some(format!("{} (a legacy PKCS#12 scheme)", pbe_name(&id)));
        }
        let params = alg.parameters?.to_der().ok()?;
        let mut p = SliceReader::new(&params).ok()?;
        let h = Header::decode(&mut p).ok()?;
        let mut p = SliceReader::new(p.read_slice(h.length()).ok()?).ok()?;
        let kdf = AlgorithmIdentifierOwned::decode(&mut p).ok()?;
        let cipher = AlgorithmIdentifierOwned::decode(&mut p).ok()?;
        let kdf_text = if kdf.oid.to_string() == PBKDF2 {
            let kp = kdf
                .parameters
                .and_then(|a| a.to_der().ok())
                .unwrap_or_default();
            let mut k = SliceReader::new(&kp).ok()?;
            let h = Header::decode(&mut k).ok()?;
            let mut k = SliceReader::new(k.read_slice(h.length()).ok()?).ok()?;
            let _salt = k.tlv_bytes().ok()?;
            let iterations = der::asn1::UintRef::decode(&mut k).ok().map(|n| {
                n.as_bytes().iter().fold(0u64, |a, b| {
                    a.saturating_mul(256).saturating_add(u64::from(*b))
                })
            });
            let mut prf = "HMAC-SHA-1".to_owned();
            while !k.is_finished() {
                let Ok(peek) = Tag::peek(&k) else { break };
                if peek == Tag::Sequence {
                    if let Ok(a) = AlgorithmIdentifierOwned::decode(&mut k) {
                        prf = hmac_name(&a.oid.to_string()).to_owned();
                    }
                } else if k.tlv_bytes().is_err() {
                    break;
                }
            }
            format!(
                "PBKDF2 ({prf}{})",
                iterations
                    .map(|n| format!(", {n} iterations"))
                    .unwrap_or_default()
            )
        } else {
            kdf.oid.to_string()
        };
        Some(format!(
            "PBES2: {kdf_text} with {}",
            cipher_name(&cipher.oid.to_string())
        ))
    };
    describe().unwrap_or_else(|| "an encryption certscope cannot read".to_owned())
}

/// The PBKDF2 PRF named by `oid` (RFC 8018 §B.1).
pub(crate) fn hmac_name(oid: &str) -> &str {
    match oid {
        "1.2.840.113549.2.7" => "HMAC-SHA-1",
        "1.2.840.113549.2.9" => "HMAC-SHA-256",
        "1.2.840.113549.2.10" => "HMAC-SHA-384",
        "1.2.840.113549.2.11" => "HMAC-SHA-512",
        other => other,
    }
}

/// The PBES2 cipher named by `oid` (RFC 8018 §B.2).
pub(crate) fn cipher_name(oid: &str) -> &str {
    match oid {
        "2.16.840.1.101.3.4.1.2" => "AES-128-CBC",
        "2.16.840.1.101.3.4.1.22" => "AES-192-CBC",
        "2.16.840.1.101.3.4.1.42" => "AES-256-CBC",
        "1.2.840.113549.3.7" => "DES-EDE3-CBC (legacy)",
        "1.3.14.3.2.7" => "DES-CBC (broken)",
        other => other,
    }
}

/// Names of PKCS#12 PBE schemes (RFC 7292 appendix C) and PKCS#5 v1.
pub(crate) fn pbe_name(oid: &str) -> String {
    match oid {
        "1.2.840.113549.1.12.1.3" => "pbeWithSHAAnd3-KeyTripleDES-CBC".into(),
        "1.2.840.113549.1.12.1.6" => "pbeWithSHAAnd40BitRC2-CBC".into(),
        "1.2.840.113549.1.12.1.5" => "pbeWithSHAAnd128BitRC2-CBC".into(),
        "1.2.840.113549.1.12.1.1" => "pbeWithSHAAnd128BitRC4".into(),
        "1.2.840.113549.1.12.1.2" => "pbeWithSHAAnd40BitRC4".into(),
        "1.2.840.113549.1.12.1.4" => "pbeWithSHAAnd2-KeyTripleDES-CBC".into(),
        "1.2.840.113549.1.5.3" => "pbeWithMD5AndDES-CBC".into(),
        "1.2.840.113549.1.5.10" => "pbeWithSHA1AndDES-CBC".into(),
        PBES2 => "PBES2".into(),
        other => other.to_owned(),
    }
}

/// The PEM label a DER private key would have: PKCS#8, SEC1 or PKCS#1, judged by decoding.
pub(crate) fn der_label(der: &[u8]) -> Option<&'static str> {
    if pkcs8_public(der).is_ok() {
        Some("PRIVATE KEY")
    } else if sec1::EcPrivateKey::from_der(der).is_ok() {
        Some("EC PRIVATE KEY")
    } else if pkcs1::RsaPrivateKey::<der::asn1::UintRef<'_>>::from_der(der).is_ok() {
        Some("RSA PRIVATE KEY")
    } else {
        None
    }
}

/// Whether `der` looks like a PKCS#12 PFX (version 3, then authSafe ContentInfo).
pub(crate) fn is_pkcs12(der: &[u8]) -> bool {
    let check = || -> Option<bool> {
        let mut r = SliceReader::new(der).ok()?;
        let outer = Header::decode(&mut r).ok()?;
        let mut r = SliceReader::new(r.read_slice(outer.length()).ok()?).ok()?;
        let version = der::asn1::UintRef::decode(&mut r).ok()?;
        let h = Header::decode(&mut r).ok()?;
        let mut info = SliceReader::new(r.read_slice(h.length()).ok()?).ok()?;
        let oid = <Oid>::decode(&mut info).ok()?;
        Some(version.as_bytes() == [3] && oid.to_string() == DATA)
    };
    check().unwrap_or(false)
}

/// Describes one key block. `der` is empty for keys encrypted with legacy PEM encryption.
pub(crate) fn report(
    label: &str,
    der: &[u8],
    pem_encryption: Option<&str>,
    location: Location,
) -> KeyReport {
    let mut r = KeyReport::new(location, true, label);
    let derived = match (label, pem_encryption) {
        (_, Some(dek)) => {
            r.format = "encrypted PEM (OpenSSL legacy)".into();
            r.encryption = Some(format!("OpenSSL PEM encryption, {dek} (key derived with one MD5 round: weak; convert with openssl pkcs8 -topk8 -v2 aes-256-cbc)"));
            Err("the key is encrypted; certscope does not ask for passwords".to_owned())
        }
        ("ENCRYPTED PRIVATE KEY", _) => {
            r.format = "encrypted PKCS#8".into();
            r.encryption = Some(encryption(der));
            Err("the key is encrypted; certscope does not ask for passwords".to_owned())
        }
        ("RSA PRIVATE KEY", _) => {
            r.format = "PKCS#1 (RSA)".into();
            rsa_public(der)
        }
        ("EC PRIVATE KEY", _) => {
            r.format = "SEC1 (EC)".into();
            ec_public(der, None)
        }
        ("PRIVATE KEY", _) => {
            r.format = "PKCS#8".into();
            match der_label(der) {
                // Labelled PKCS#8 but really SEC1 or PKCS#1 (a dropped DER file).
                Some(other @ ("EC PRIVATE KEY" | "RSA PRIVATE KEY")) => {
                    return report(other, der, None, location)
                }
                _ => pkcs8_public(der),
            }
        }
        ("OPENSSH PRIVATE KEY", _) => {
            r.format = "OpenSSH".into();
            Err("OpenSSH keys are for SSH, not TLS; they cannot match a certificate".to_owned())
        }
        _ => Err(format!("{label} keys are not read")),
    };
    describe(&mut r, derived);
    r
}

/// Fills in the public key and its SPKI pin, or why there is none.
fn describe(r: &mut KeyReport, spki: Result<SubjectPublicKeyInfoOwned, String>) {
    match spki.and_then(|s| s.to_der().map(|d| (s, d)).map_err(|e| e.to_string())) {
        Ok((spki, spki_der)) => {
            r.public_key = Some(cert::public_key_report(&spki).description);
            r.spki_sha256 = Some(cert::spki_pin(&spki_der));
        }
        Err(why) => r.note = Some(why),
    }
}

/// Describes a public key block: a SubjectPublicKeyInfo (`PUBLIC KEY`, [RFC 7468 §13]) or a
/// PKCS#1 RSAPublicKey (`RSA PUBLIC KEY`, [RFC 8017 §A.1.1]).
///
/// [RFC 7468 §13]: https://www.rfc-editor.org/rfc/rfc7468#section-13
/// [RFC 8017 §A.1.1]: https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.1
pub(crate) fn public_report(label: &str, der: &[u8], location: Location) -> KeyReport {
    let mut r = KeyReport::new(location, false, "SPKI");
    let spki = if label == "RSA PUBLIC KEY" {
        r.format = "PKCS#1 (RSA)".to_owned();
        pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(der)
            .map_err(|e| format!("not a PKCS#1 RSA public key: {e}"))
            .and_then(|_| {
                spki(RSA, any(&Null), der)
                    .ok_or_else(|| "cannot encode the RSA public key".to_owned())
            })
    } else {
        SubjectPublicKeyInfoOwned::from_der(der)
            .map_err(|e| format!("not a SubjectPublicKeyInfo: {e}"))
    };
    describe(&mut r, spki);
    r
}
