//! PKCS#12 password-based decryption (PBES2 with PBKDF2 and AES-CBC, [RFC 8018 §6.2]) and
//! the MAC check ([RFC 7292 Appendix B]): the `pkcs12` feature, a separately loaded
//! module on the web.
//!
//! [RFC 8018 §6.2]: https://www.rfc-editor.org/rfc/rfc8018#section-6.2
//! [RFC 7292 Appendix B]: https://www.rfc-editor.org/rfc/rfc7292#appendix-B

use cbc::cipher::{block_padding::Pkcs7, BlockModeDecrypt, KeyIvInit};
use der::Decode;
use hmac::{KeyInit, Mac};
use pkcs12::kdf::{derive_key_utf8, Pkcs12KeyType};
use spki::AlgorithmIdentifierOwned;

use super::{e, pbes2, Pbes2, MAX_ITERATIONS, R};

/// Decrypts PBES2 ciphertext with `password` (UTF-8 bytes, as OpenSSL uses for PBES2).
pub fn decrypt(alg: &[u8], password: &str, data: &[u8]) -> R<Vec<u8>> {
    let alg = AlgorithmIdentifierOwned::from_der(alg).map_err(e)?;
    if let Some(scheme) = legacy_scheme(&alg.oid.to_string()) {
        return legacy(scheme, &alg, password, data);
    }
    let Pbes2 {
        prf,
        salt,
        iterations,
        cipher,
        iv,
    } = pbes2(&alg)?;
    if iterations > MAX_ITERATIONS {
        return Err(format!(
            "{iterations} PBKDF2 iterations is more than certscope runs ({MAX_ITERATIONS})"
        ));
    }
    let key_len = match cipher.as_str() {
        "2.16.840.1.101.3.4.1.2" => 16,
        "2.16.840.1.101.3.4.1.22" => 24,
        "2.16.840.1.101.3.4.1.42" => 32,
        other => return Err(format!("cipher {other} is not supported")),
    };
    let mut key = vec![0u8; key_len];
    let pw = password.as_bytes();
    match prf.as_str() {
        "1.2.840.113549.2.7" => pbkdf2::pbkdf2_hmac::<sha1::Sha1>(pw, &salt, iterations, &mut key),
        "1.2.840.113549.2.9" => {
            pbkdf2::pbkdf2_hmac::<sha2::Sha256>(pw, &salt, iterations, &mut key)
        }
        "1.2.840.113549.2.10" => {
            pbkdf2::pbkdf2_hmac::<sha2::Sha384>(pw, &salt, iterations, &mut key)
        }
        "1.2.840.113549.2.11" => {
            pbkdf2::pbkdf2_hmac::<sha2::Sha512>(pw, &salt, iterations, &mut key)
        }
        other => return Err(format!("PBKDF2 with {other} is not supported")),
    }
    let bad = |_| "decryption failed (wrong password, or a damaged bundle)".to_owned();
    match key_len {
        16 => cbc::Decryptor::<aes::Aes128>::new_from_slices(&key, &iv)
            .map_err(|_| "bad key or IV length".to_owned())?
            .decrypt_padded_vec::<Pkcs7>(data)
            .map_err(bad),
        24 => cbc::Decryptor::<aes::Aes192>::new_from_slices(&key, &iv)
            .map_err(|_| "bad key or IV length".to_owned())?
            .decrypt_padded_vec::<Pkcs7>(data)
            .map_err(bad),
        _ => cbc::Decryptor::<aes::Aes256>::new_from_slices(&key, &iv)
            .map_err(|_| "bad key or IV length".to_owned())?
            .decrypt_padded_vec::<Pkcs7>(data)
            .map_err(bad),
    }
}

/// Checks the PKCS#12 MAC (RFC 7292 appendix B key derivation, then HMAC) with `password`.
pub fn mac(mac: &[u8], password: &str, content: &[u8]) -> Option<bool> {
    let mac = pkcs12::MacData::from_der(mac).ok()?;
    let iterations = u32::try_from(mac.iterations)
        .ok()
        .filter(|i| *i <= MAX_ITERATIONS)?;
    let rounds = i32::try_from(iterations).ok()?;
    let salt = mac.mac_salt.as_bytes();
    let expected = mac.mac.digest.as_bytes();
    macro_rules! check {
        ($d:ty, $len:expr) => {{
            let key =
                derive_key_utf8::<$d>(password, salt, Pkcs12KeyType::Mac, rounds, $len).ok()?;
            let mut h = <hmac::Hmac<$d> as KeyInit>::new_from_slice(&key).ok()?;
            h.update(content);
            Some(h.verify_slice(expected).is_ok())
        }};
    }
    match mac.mac.algorithm.oid.to_string().as_str() {
        "1.3.14.3.2.26" => check!(sha1::Sha1, 20),
        "2.16.840.1.101.3.4.2.1" => check!(sha2::Sha256, 32),
        "2.16.840.1.101.3.4.2.2" => check!(sha2::Sha384, 48),
        "2.16.840.1.101.3.4.2.3" => check!(sha2::Sha512, 64),
        _ => None,
    }
}

/// The PKCS#12 password-based encryption schemes of [RFC 7292 Appendix C], all obsolete.
///
/// [RFC 7292 Appendix C]: https://www.rfc-editor.org/rfc/rfc7292#appendix-C
#[derive(Debug, Clone, Copy)]
enum Legacy {
    /// pbeWithSHAAnd128BitRC4, pbeWithSHAAnd40BitRC4: the key length in bytes.
    Rc4(usize),
    /// pbeWithSHAAnd3-KeyTripleDES-CBC (24-byte key), pbeWithSHAAnd2-KeyTripleDES-CBC (16).
    TripleDes(usize),
    /// pbeWithSHAAnd128BitRC2-CBC, pbeWithSHAAnd40BitRC2-CBC: the key length in bytes.
    Rc2(usize),
}

fn legacy_scheme(oid: &str) -> Option<Legacy> {
    Some(match oid {
        "1.2.840.113549.1.12.1.1" => Legacy::Rc4(16),
        "1.2.840.113549.1.12.1.2" => Legacy::Rc4(5),
        "1.2.840.113549.1.12.1.3" => Legacy::TripleDes(24),
        "1.2.840.113549.1.12.1.4" => Legacy::TripleDes(16),
        "1.2.840.113549.1.12.1.5" => Legacy::Rc2(16),
        "1.2.840.113549.1.12.1.6" => Legacy::Rc2(5),
        _ => return None,
    })
}

/// Decrypts with a PKCS#12 PBE scheme: key and IV from the password by the RFC 7292
/// Appendix B derivation with SHA-1, over `pkcs-12PbeParams ::= SEQUENCE { salt OCTET
/// STRING, iterations INTEGER }`.
fn legacy(
    scheme: Legacy,
    alg: &AlgorithmIdentifierOwned,
    password: &str,
    data: &[u8],
) -> R<Vec<u8>> {
    use cbc::cipher::{InnerIvInit, StreamCipher};
    use der::Encode;
    let params = alg
        .parameters
        .as_ref()
        .ok_or("PKCS#12 PBE without parameters")?
        .to_der()
        .map_err(e)?;
    let mut p = der::SliceReader::new(super::unwrap_explicit(&params)?).map_err(e)?;
    let salt = der::asn1::OctetString::decode(&mut p).map_err(e)?;
    let iterations = u32::decode(&mut p).map_err(e)?;
    if iterations > MAX_ITERATIONS {
        return Err(format!(
            "{iterations} key-derivation iterations is more than certscope runs ({MAX_ITERATIONS})"
        ));
    }
    let rounds = i32::try_from(iterations).map_err(e)?;
    let derive = |kind, len| {
        derive_key_utf8::<sha1::Sha1>(password, salt.as_bytes(), kind, rounds, len).map_err(e)
    };
    let bad = |_| "decryption failed (wrong password, or a damaged bundle)".to_owned();
    match scheme {
        Legacy::Rc4(len) => {
            let key = derive(Pkcs12KeyType::EncryptionKey, len)?;
            let mut rc4 = <rc4::Rc4 as KeyInit>::new_from_slice(&key).map_err(e)?;
            let mut out = data.to_vec();
            rc4.apply_keystream(&mut out);
            Ok(out)
        }
        Legacy::TripleDes(len) => {
            let (key, iv) = (
                derive(Pkcs12KeyType::EncryptionKey, len)?,
                derive(Pkcs12KeyType::Iv, 8)?,
            );
            if len == 24 {
                cbc::Decryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
                    .map_err(e)?
                    .decrypt_padded_vec::<Pkcs7>(data)
                    .map_err(bad)
            } else {
                cbc::Decryptor::<des::TdesEde2>::new_from_slices(&key, &iv)
                    .map_err(e)?
                    .decrypt_padded_vec::<Pkcs7>(data)
                    .map_err(bad)
            }
        }
        Legacy::Rc2(len) => {
            let (key, iv) = (
                derive(Pkcs12KeyType::EncryptionKey, len)?,
                derive(Pkcs12KeyType::Iv, 8)?,
            );
            let bits = len.saturating_mul(8);
            let rc2 = rc2::Rc2::new_with_eff_key_len(&key, bits);
            cbc::Decryptor::<rc2::Rc2>::inner_iv_slice_init(rc2, &iv)
                .map_err(e)?
                .decrypt_padded_vec::<Pkcs7>(data)
                .map_err(bad)
        }
    }
}

/// Always: this build decrypts.
pub(crate) fn available() -> bool {
    true
}
