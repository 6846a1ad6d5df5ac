//! Signature verification with RustCrypto's maintained implementations.
//!
//! Covers what web PKI uses: RSA PKCS #1 v1.5 ([RFC 8017 §8.2]) with SHA-1/224/256/384/512,
//! RSA-PSS ([RFC 4055 §3.1]), ECDSA on P-256/P-384/P-521 ([RFC 5758 §3.2]) and Ed25519
//! ([RFC 8410]). SHA-1 signatures are verified (so a chain can be explained) and reported as
//! insecure by the lints; MD2/MD5 and Ed448 are reported as unsupported.
//!
//! [RFC 8017 §8.2]: https://www.rfc-editor.org/rfc/rfc8017#section-8.2
//! [RFC 4055 §3.1]: https://www.rfc-editor.org/rfc/rfc4055#section-3.1
//! [RFC 5758 §3.2]: https://www.rfc-editor.org/rfc/rfc5758#section-3.2
//! [RFC 8410]: https://www.rfc-editor.org/rfc/rfc8410

use const_oid::ObjectIdentifier as Oid;
use der::{Decode, Encode};

use super::VerifyError;
use p256::ecdsa::signature::{hazmat::PrehashVerifier, Verifier};
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hash {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    RsaPkcs1(Hash),
    RsaPss { hash: Hash, salt_len: usize },
    Ecdsa(Hash),
    Ed25519,
}

const fn oid(s: &str) -> Oid {
    Oid::new_unwrap(s)
}

const RSA_PSS: Oid = oid("1.2.840.113549.1.1.10");
const RSA_KEY: Oid = oid("1.2.840.113549.1.1.1");
const EC_KEY: Oid = oid("1.2.840.10045.2.1");
const ED25519: Oid = oid("1.3.101.112");
const P256: Oid = oid("1.2.840.10045.3.1.7");
const P384: Oid = oid("1.3.132.0.34");
const P521: Oid = oid("1.3.132.0.35");

const SCHEMES: &[(Oid, Scheme)] = &[
    (oid("1.2.840.113549.1.1.5"), Scheme::RsaPkcs1(Hash::Sha1)),
    (oid("1.2.840.113549.1.1.14"), Scheme::RsaPkcs1(Hash::Sha224)),
    (oid("1.2.840.113549.1.1.11"), Scheme::RsaPkcs1(Hash::Sha256)),
    (oid("1.2.840.113549.1.1.12"), Scheme::RsaPkcs1(Hash::Sha384)),
    (oid("1.2.840.113549.1.1.13"), Scheme::RsaPkcs1(Hash::Sha512)),
    (oid("1.2.840.10045.4.1"), Scheme::Ecdsa(Hash::Sha1)),
    (oid("1.2.840.10045.4.3.1"), Scheme::Ecdsa(Hash::Sha224)),
    (oid("1.2.840.10045.4.3.2"), Scheme::Ecdsa(Hash::Sha256)),
    (oid("1.2.840.10045.4.3.3"), Scheme::Ecdsa(Hash::Sha384)),
    (oid("1.2.840.10045.4.3.4"), Scheme::Ecdsa(Hash::Sha512)),
    (ED25519, Scheme::Ed25519),
];

const HASHES: &[(Oid, Hash)] = &[
    (oid("1.3.14.3.2.26"), Hash::Sha1),
    (oid("2.16.840.1.101.3.4.2.4"), Hash::Sha224),
    (oid("2.16.840.1.101.3.4.2.1"), Hash::Sha256),
    (oid("2.16.840.1.101.3.4.2.2"), Hash::Sha384),
    (oid("2.16.840.1.101.3.4.2.3"), Hash::Sha512),
];

fn unsupported(alg: &AlgorithmIdentifierOwned) -> VerifyError {
    VerifyError::UnsupportedAlgorithm(crate::oid::name_or_dotted(crate::oid::SIGNATURES, &alg.oid))
}

fn scheme(alg: &AlgorithmIdentifierOwned) -> Result<Scheme, VerifyError> {
    if alg.oid == RSA_PSS {
        return pss_scheme(alg).ok_or_else(|| unsupported(alg));
    }
    SCHEMES
        .iter()
        .find(|(o, _)| *o == alg.oid)
        .map(|(_, s)| *s)
        .ok_or_else(|| unsupported(alg))
}

/// RSASSA-PSS parameters ([RFC 4055 §3.1]); MGF1 must use the same hash as the message.
///
/// [RFC 4055 §3.1]: https://www.rfc-editor.org/rfc/rfc4055#section-3.1
fn pss_scheme(alg: &AlgorithmIdentifierOwned) -> Option<Scheme> {
    let der = alg.parameters.as_ref()?.to_der().ok()?;
    let params = rsa::pkcs1::RsaPssParams::<der::Any>::from_der(&der).ok()?;
    let hash = HASHES.iter().find(|(o, _)| *o == params.hash.oid)?.1;
    let mgf_hash = params.mask_gen.parameters.as_ref()?.oid;
    let salt_len = usize::from(params.salt_len);
    if HASHES.iter().find(|(o, _)| *o == mgf_hash)?.1 != hash {
        return None;
    }
    Some(Scheme::RsaPss { hash, salt_len })
}

fn digest(hash: Hash, message: &[u8]) -> Vec<u8> {
    match hash {
        Hash::Sha1 => Sha1::digest(message).to_vec(),
        Hash::Sha224 => Sha224::digest(message).to_vec(),
        Hash::Sha256 => Sha256::digest(message).to_vec(),
        Hash::Sha384 => Sha384::digest(message).to_vec(),
        Hash::Sha512 => Sha512::digest(message).to_vec(),
    }
}

/// Verifies `signature` over `message` made with `alg` by the holder of `spki`.
pub(crate) fn verify(
    message: &[u8],
    alg: &AlgorithmIdentifierOwned,
    signature: &[u8],
    spki: &SubjectPublicKeyInfoOwned,
) -> Result<(), VerifyError> {
    let key = spki.subject_public_key.raw_bytes();
    match scheme(alg)? {
        Scheme::RsaPkcs1(hash) => rsa_pkcs1(spki, hash, message, signature),
        Scheme::RsaPss { hash, salt_len } => {
            rsa_pss(rsa_key(spki)?, hash, salt_len, message, signature)
        }
        Scheme::Ecdsa(hash) => {
            if spki.algorithm.oid != EC_KEY {
                return Err(VerifyError::KeyMismatch);
            }
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<Oid>().ok())
                .ok_or_else(|| VerifyError::UnusableKey("EC key without a named curve".into()))?;
            ecdsa(curve, key, &digest(hash, message), signature)
        }
        Scheme::Ed25519 => {
            if spki.algorithm.oid != ED25519 {
                return Err(VerifyError::KeyMismatch);
            }
            let bytes: [u8; 32] = key
                .try_into()
                .map_err(|_| VerifyError::UnusableKey("Ed25519 key is not 32 bytes".into()))?;
            let vk = ed25519_dalek::VerifyingKey::from_bytes(&bytes)
                .map_err(|_| VerifyError::UnusableKey("not a valid Ed25519 point".into()))?;
            let sig = ed25519_dalek::Signature::from_slice(signature)
                .map_err(|_| VerifyError::BadSignature)?;
            vk.verify(message, &sig)
                .map_err(|_| VerifyError::BadSignature)
        }
    }
}

fn rsa_key(spki: &SubjectPublicKeyInfoOwned) -> Result<rsa::PublicKey, VerifyError> {
    if spki.algorithm.oid != RSA_KEY && spki.algorithm.oid != RSA_PSS {
        return Err(VerifyError::KeyMismatch);
    }
    let pkcs1 = rsa::pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(
        spki.subject_public_key.raw_bytes(),
    )
    .map_err(|e| VerifyError::UnusableKey(e.to_string()))?;
    rsa::PublicKey::try_from(pkcs1).map_err(|_| {
        VerifyError::UnusableKey("RSA key outside the 1024–8192 bit range or malformed".into())
    })
}

fn rsa_pkcs1(
    spki: &SubjectPublicKeyInfoOwned,
    hash: Hash,
    message: &[u8],
    signature: &[u8],
) -> Result<(), VerifyError> {
    use rsa::Pkcs1v15Sign;
    if spki.algorithm.oid != RSA_KEY && spki.algorithm.oid != RSA_PSS {
        return Err(VerifyError::KeyMismatch);
    }
    let key = super::rsa_public::PublicModulus::from_pkcs1(spki.subject_public_key.raw_bytes())?;
    let padding = match hash {
        Hash::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
        Hash::Sha224 => Pkcs1v15Sign::new::<Sha224>(),
        Hash::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
        Hash::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
        Hash::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
    };
    key.verify_pkcs1v15(&padding.prefix, &digest(hash, message), signature)
}

fn rsa_pss(
    key: rsa::PublicKey,
    hash: Hash,
    salt_len: usize,
    message: &[u8],
    signature: &[u8],
) -> Result<(), VerifyError> {
    use rsa::pss::{Signature, VerifyingKey};
    let sig = Signature::try_from(signature).map_err(|_| VerifyError::BadSignature)?;
    let result = match hash {
        Hash::Sha1 => VerifyingKey::<Sha1>::new_with_salt_len(key, salt_len).verify(message, &sig),
        Hash::Sha224 => {
            VerifyingKey::<Sha224>::new_with_salt_len(key, salt_len).verify(message, &sig)
        }
        Hash::Sha256 => {
            VerifyingKey::<Sha256>::new_with_salt_len(key, salt_len).verify(message, &sig)
        }
        Hash::Sha384 => {
            VerifyingKey::<Sha384>::new_with_salt_len(key, salt_len).verify(message, &sig)
        }
        Hash::Sha512 => {
            VerifyingKey::<Sha512>::new_with_salt_len(key, salt_len).verify(message, &sig)
        }
    };
    result.map_err(|_| VerifyError::BadSignature)
}

fn ecdsa(curve: Oid, key: &[u8], prehash: &[u8], signature: &[u8]) -> Result<(), VerifyError> {
    let bad_key = |_| VerifyError::UnusableKey("not a valid point on the curve".into());
    let bad_sig = |_| VerifyError::BadSignature;
    if curve == P256 {
        let vk = p256::ecdsa::VerifyingKey::from_sec1_bytes(key).map_err(bad_key)?;
        let sig = p256::ecdsa::Signature::from_der(signature).map_err(bad_sig)?;
        vk.verify_prehash(prehash, &sig).map_err(bad_sig)
    } else if curve == P384 {
        let vk = p384::ecdsa::VerifyingKey::from_sec1_bytes(key).map_err(bad_key)?;
        let sig = p384::ecdsa::Signature::from_der(signature).map_err(bad_sig)?;
        vk.verify_prehash(prehash, &sig).map_err(bad_sig)
    } else if curve == P521 {
        let vk = p521::ecdsa::VerifyingKey::from_sec1_bytes(key).map_err(bad_key)?;
        let sig = p521::ecdsa::Signature::from_der(signature).map_err(bad_sig)?;
        vk.verify_prehash(prehash, &sig).map_err(bad_sig)
    } else {
        Err(VerifyError::UnusableKey(format!(
            "curve {} is not supported",
            crate::oid::CURVES
                .iter()
                .find(|(o, _, _)| *o == curve)
                .map_or_else(|| curve.to_string(), |(_, n, _)| (*n).to_owned())
        )))
    }
}

/// The public key of an Ed25519 private key's 32-byte seed ([RFC 8032 §5.1.5]).
///
/// [RFC 8032 §5.1.5]: https://www.rfc-editor.org/rfc/rfc8032#section-5.1.5
pub(crate) fn ed25519_public(seed: &[u8; 32]) -> [u8; 32] {
    ed25519_dalek::SigningKey::from_bytes(seed)
        .verifying_key()
        .to_bytes()
}
