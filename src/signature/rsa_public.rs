//! RSA public-key operations for signature verification.
//!
//! The `rsa` crate prepares every key for constant-time private operations: building its
//! Montgomery parameters divides 2^k by the modulus in constant time, which costs more than the
//! verification itself. Everything about a *public* key is public, so certscope builds the
//! parameters with crypto-bigint's variable-time constructor and runs the `rsa` crate's own
//! RSAVP1 (`rsa::hazmat::rsa_encrypt`) on them. Natively this makes reading Mozilla's root
//! bundle about 4× faster; the arithmetic is still RustCrypto's.
//!
//! PKCS #1 v1.5 is checked the way [RFC 8017 §8.2.2] specifies: encode the expected message
//! (EMSA-PKCS1-v1_5, with the DigestInfo prefix from `rsa::Pkcs1v15Sign`) and compare it with the
//! recovered one — no parsing of attacker-controlled padding.
//!
//! [RFC 8017 §8.2.2]: https://www.rfc-editor.org/rfc/rfc8017#section-8.2.2

use crypto_bigint::modular::BoxedMontyParams;
use crypto_bigint::{BoxedUint, NonZero, Odd};
use rsa::traits::PublicKeyParts;

use super::VerifyError;
use crate::cert::bit_length;

/// Modulus sizes accepted, in bits: the `rsa` crate's defaults.
const BITS: core::ops::RangeInclusive<u32> = 1024..=8192;
/// Public exponents accepted: the `rsa` crate's bounds (2 < e < 2^33, odd).
const MAX_EXPONENT: u64 = (1 << 33) - 1;

/// An RSA public key ready for verification.
pub(crate) struct PublicModulus {
    n: NonZero<BoxedUint>,
    e: BoxedUint,
    params: BoxedMontyParams,
}

impl PublicKeyParts for PublicModulus {
    fn n(&self) -> &NonZero<BoxedUint> {
        &self.n
    }
    fn e(&self) -> &BoxedUint {
        &self.e
    }
    fn n_params(&self) -> &BoxedMontyParams {
        &self.params
    }
}

impl PublicModulus {
    /// Reads an `RSAPublicKey` ([RFC 8017 §A.1.1]) and applies the `rsa` crate's key checks.
    ///
    /// [RFC 8017 §A.1.1]: https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.1
    pub(crate) fn from_pkcs1(der: &[u8]) -> Result<Self, VerifyError> {
        use der::Decode;
        let unusable = |why: &str| VerifyError::UnusableKey(why.to_owned());
        let key = rsa::pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(der)
            .map_err(|e| VerifyError::UnusableKey(e.to_string()))?;
        let n_bytes = key.modulus.as_bytes();
        let bits = bit_length(n_bytes);
        if !BITS.contains(&bits) {
            return Err(unusable(
                "RSA key outside the 1024–8192 bit range or malformed",
            ));
        }
        let precision = bits.div_ceil(64).saturating_mul(64);
        let n = BoxedUint::from_be_slice(n_bytes, precision)
            .map_err(|_| unusable("RSA modulus does not fit its length"))?;
        let e_bytes = key.public_exponent.as_bytes();
        let e = (bit_length(e_bytes) <= 64)
            .then(|| {
                e_bytes
                    .iter()
                    .fold(0u64, |acc, b| (acc << 8) | u64::from(*b))
            })
            .filter(|e| *e > 2 && *e <= MAX_EXPONENT && e % 2 == 1)
            .ok_or_else(|| unusable("RSA public exponent is out of range or even"))?;
        let e = BoxedUint::from(e);
        let odd = Odd::new(n.clone())
            .into_option()
            .ok_or_else(|| unusable("RSA modulus is even"))?;
        let n = NonZero::new(n)
            .into_option()
            .ok_or_else(|| unusable("RSA modulus is zero"))?;
        let params = BoxedMontyParams::new_vartime(odd);
        Ok(Self { n, e, params })
    }

    /// RSASSA-PKCS1-v1_5-VERIFY ([RFC 8017 §8.2.2]) of `hashed` (the message digest) with
    /// the DigestInfo `prefix` of its hash algorithm.
    ///
    /// [RFC 8017 §8.2.2]: https://www.rfc-editor.org/rfc/rfc8017#section-8.2.2
    pub(crate) fn verify_pkcs1v15(
        &self,
        prefix: &[u8],
        hashed: &[u8],
        signature: &[u8],
    ) -> Result<(), VerifyError> {
        let k = self.size();
        // Step 1: the signature is exactly k octets.
        if signature.len() != k {
            return Err(VerifyError::BadSignature);
        }
        // Step 2a–b: OS2IP, then RSAVP1 with 0 ≤ s < n.
        let s = BoxedUint::from_be_slice(signature, self.n.bits_precision())
            .map_err(|_| VerifyError::BadSignature)?;
        if s >= *self.n.as_ref() {
            return Err(VerifyError::BadSignature);
        }
        let m = rsa::hazmat::rsa_encrypt(self, &s).map_err(|_| VerifyError::BadSignature)?;
        let recovered = m.to_be_bytes();
        // Step 3: EM' = 0x00 || 0x01 || PS || 0x00 || T, PS at least 8 octets of 0xff.
        let t_len = prefix.len().saturating_add(hashed.len());
        let ps_len = k
            .checked_sub(t_len.saturating_add(3))
            .filter(|n| *n >= 8)
            .ok_or(VerifyError::BadSignature)?;
        let mut expected = Vec::with_capacity(k);
        expected.extend_from_slice(&[0, 1]);
        expected.resize(ps_len.saturating_add(2), 0xff);
        expected.push(0);
        expected.extend_from_slice(prefix);
        expected.extend_from_slice(hashed);
        // Step 4: compare EM = I2OSP(m, k) with EM'. m < n < 2^(8k), so the storage's
        // leading octets beyond k are zero.
        let em = recovered
            .len()
            .checked_sub(k)
            .and_then(|extra| recovered.get(extra..));
        match em {
            Some(em) if em == expected.as_slice() => Ok(()),
            _ => Err(VerifyError::BadSignature),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use sha2::{Digest, Sha256};

    /// The self-signed RSA-2048 root's key, signed message and signature.
    fn root() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        let pem = include_str!("../../tests/data/generated/rsa2048-root.pem");
        let der = der::pem::decode_vec(pem.as_bytes()).unwrap().1;
        let (cert, own) = crate::cert::parse(&der).unwrap();
        let key = cert
            .tbs_certificate()
            .subject_public_key_info()
            .subject_public_key
            .raw_bytes()
            .to_vec();
        let tbs = super::super::signed_part(own).unwrap().to_vec();
        let sig = cert.signature().raw_bytes().to_vec();
        (key, tbs, sig)
    }

    fn prefix() -> Box<[u8]> {
        rsa::Pkcs1v15Sign::new::<Sha256>().prefix
    }

    #[test]
    fn verifies_and_rejects_like_rfc_8017() {
        let (key, tbs, sig) = root();
        let k = PublicModulus::from_pkcs1(&key).unwrap();
        let hash = Sha256::digest(&tbs);
        assert_eq!(k.verify_pkcs1v15(&prefix(), &hash, &sig), Ok(()));
        // Another message, a flipped bit, a wrong length, s ≥ n, another hash's prefix.
        let other = Sha256::digest(b"another message");
        assert!(k.verify_pkcs1v15(&prefix(), &other, &sig).is_err());
        let mut flipped = sig.clone();
        flipped[100] ^= 1;
        assert!(k.verify_pkcs1v15(&prefix(), &hash, &flipped).is_err());
        assert!(k.verify_pkcs1v15(&prefix(), &hash, &sig[1..]).is_err());
        assert!(k.verify_pkcs1v15(&prefix(), &hash, &[0xff; 256]).is_err());
        let sha384 = rsa::Pkcs1v15Sign::new::<sha2::Sha384>().prefix;
        assert!(k.verify_pkcs1v15(&sha384, &hash, &sig).is_err());
    }

    #[test]
    fn keys_the_rsa_crate_refuses_are_refused() {
        use der::{Decode, Encode};
        let (key, _, _) = root();
        let parsed = rsa::pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(&key).unwrap();
        let with = |n: &[u8], e: &[u8]| {
            rsa::pkcs1::RsaPublicKey {
                modulus: der::asn1::UintRef::new(n).unwrap(),
                public_exponent: der::asn1::UintRef::new(e).unwrap(),
            }
            .to_der()
            .unwrap()
        };
        let n = parsed.modulus.as_bytes();
        assert!(PublicModulus::from_pkcs1(&with(n, &[1, 0, 1])).is_ok());
        for e in [&[2u8][..], &[1], &[1, 0, 0], &[4, 0, 0, 0, 1]] {
            assert!(PublicModulus::from_pkcs1(&with(n, e)).is_err(), "e = {e:?}");
        }
        let mut even = n.to_vec();
        *even.last_mut().unwrap() &= 0xfe;
        assert!(PublicModulus::from_pkcs1(&with(&even, &[1, 0, 1])).is_err());
        assert!(PublicModulus::from_pkcs1(&with(&n[..100], &[1, 0, 1])).is_err());
        assert!(PublicModulus::from_pkcs1(b"\x30\x00").is_err());
    }
}
