//! PKCS#12 / PFX bundles ([RFC 7292]): what is inside, and — with the password the user types
//! into the page — the certificates and the key's public half, for bundles encrypted the modern
//! way (PBES2: PBKDF2 with HMAC-SHA-1/256/384/512 and AES-CBC, [RFC 8018]). Legacy PKCS#12
//! encryption (3DES, RC2, RC4) is named, not decrypted.
//!
//! The password is used here and nowhere else: it is not part of the report, not logged, and
//! the page never puts it in a link or in storage. Decrypted private keys go to
//! [`crate::key`], which keeps only their public half.
//!
//! RFC 7292 allows BER, and macOS and Java write it: the bundle itself is re-encoded by the
//! input splitter, and each layer inside (the AuthenticatedSafe, bag lists, decrypted
//! contents) here, after the MAC has been checked over the bytes as they were written.
//!
//! [RFC 7292]: https://www.rfc-editor.org/rfc/rfc7292
//! [RFC 8018]: https://www.rfc-editor.org/rfc/rfc8018#section-6.2

#[cfg(feature = "pkcs12")]
pub(crate) mod crypto;

use der::asn1::{BmpString, OctetString};
use der::{Decode, Encode, Header, Reader, SliceReader};
use serde::Serialize;
use spki::AlgorithmIdentifierOwned;

use crate::input::ber;
use crate::Location;

/// The most PBKDF2 / PKCS#12 KDF iterations certscope runs; a bundle asking for more is
/// reported rather than allowed to freeze the page.
pub const MAX_ITERATIONS: u32 = 2_000_000;
/// The most bags read from one bundle.
pub const MAX_BAGS: usize = 256;

const DATA: &str = "1.2.840.113549.1.7.1";
const ENCRYPTED_DATA: &str = "1.2.840.113549.1.7.6";
const PBES2: &str = "1.2.840.113549.1.5.13";
const PBKDF2: &str = "1.2.840.113549.1.5.12";
/// The arc of RFC 7292's own (legacy) password-based encryption schemes.
const PKCS12_PBE: &str = "1.2.840.113549.1.12.1.";
/// How a part encrypted with an RFC 7292 scheme is described, after the scheme's name.
const LEGACY: &str = " (legacy PKCS#12 encryption)";
/// The command that re-exports a bundle with modern encryption.
pub(crate) const REEXPORT: &str =
    "openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256";
const FRIENDLY_NAME: &str = "1.2.840.113549.1.9.20";

/// One thing inside the bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BagReport {
    /// "certificate", "private key", "encrypted private key", "CRL", "secret",
    /// "encrypted container" or the bag's OID.
    pub kind: String,
    /// How it is encrypted, when it is.
    pub encryption: Option<String>,
    /// The friendlyName attribute, when set.
    pub friendly_name: Option<String>,
    /// Index into `Report.certificates` for a certificate read from the bundle.
    pub certificate: Option<usize>,
    /// Index into `Report.keys` for a key read from the bundle.
    pub key: Option<usize>,
    /// Why it could not be opened, when it could not.
    pub note: Option<String>,
}

/// What the password given did to a bundle's integrity check (MAC, [RFC 7292 §5]).
///
/// [RFC 7292 §5]: https://www.rfc-editor.org/rfc/rfc7292#section-5
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PasswordState {
    /// No password was given.
    #[serde(rename = "none given")]
    NoneGiven,
    /// The MAC verifies with it.
    #[serde(rename = "correct")]
    Correct,
    /// The MAC does not verify with it: the wrong password (or a damaged file).
    #[serde(rename = "wrong")]
    Wrong,
    /// The bundle has no MAC, or one certscope does not check.
    #[serde(rename = "not checked")]
    NotChecked,
}

/// One PKCS#12 bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pkcs12Report {
    /// Where in the input it was.
    pub location: Location,
    /// The integrity MAC, e.g. "HMAC-SHA-256, 2048 iterations".
    pub mac: Option<String>,
    /// What the password did.
    pub password: PasswordState,
    /// Every bag and encrypted container, in order.
    pub contents: Vec<BagReport>,
}

/// What opening a bundle yields besides its report: certificate DER and plaintext PKCS#8
/// keys (to be turned into public halves and dropped at once).
#[derive(Default)]
pub(crate) struct Opened {
    pub(crate) certificates: Vec<(usize, Vec<u8>)>,
    pub(crate) keys: Vec<(usize, Vec<u8>)>,
}

type R<T> = Result<T, String>;

/// `bytes` with DER lengths, when they are BER with indefinite lengths.
fn der_of(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    match ber::starts_indefinite(bytes).then(|| ber::to_der(bytes)) {
        Some(Ok((der, _))) => std::borrow::Cow::Owned(der),
        _ => std::borrow::Cow::Borrowed(bytes),
    }
}

/// EncryptedData whose `[0] IMPLICIT` encryptedContent came as a constructed string (BER,
/// RFC 5652 §6.1 allows it; the BER re-encoder cannot tell an implicit string from an
/// explicit tag), with the segments joined into the primitive form der's decoder expects.
fn join_encrypted_content(der: &[u8]) -> Option<Vec<u8>> {
    let mut r = SliceReader::new(der).ok()?;
    let outer = Header::decode(&mut r).ok()?;
    let mut body = SliceReader::new(r.read_slice(outer.length()).ok()?).ok()?;
    let version = body.tlv_bytes().ok()?;
    let info = Header::decode(&mut body).ok()?;
    let mut info_body = SliceReader::new(body.read_slice(info.length()).ok()?).ok()?;
    let rest = body.read_slice(body.remaining_len()).ok()?;
    let content_type = info_body.tlv_bytes().ok()?;
    let algorithm = info_body.tlv_bytes().ok()?;
    let tagged = Header::decode(&mut info_body).ok()?;
    let implicit_constructed = der::Tag::ContextSpecific {
        constructed: true,
        number: der::TagNumber(0),
    };
    if tagged.tag() != implicit_constructed {
        return None;
    }
    let mut segments = SliceReader::new(info_body.read_slice(tagged.length()).ok()?).ok()?;
    let mut joined = Vec::new();
    while !segments.is_finished() {
        joined.extend_from_slice(OctetString::decode(&mut segments).ok()?.as_bytes());
    }
    let content = der::asn1::ContextSpecific {
        tag_number: der::TagNumber(0),
        tag_mode: der::TagMode::Implicit,
        value: OctetString::new(joined).ok()?,
    };
    let mut info_contents = [content_type, algorithm].concat();
    info_contents.extend(content.to_der().ok()?);
    let info = der::asn1::AnyRef::new(der::Tag::Sequence, &info_contents)
        .ok()?
        .to_der()
        .ok()?;
    let contents = [version, &info, rest].concat();
    der::asn1::AnyRef::new(der::Tag::Sequence, &contents)
        .ok()?
        .to_der()
        .ok()
}

fn e(err: impl core::fmt::Display) -> String {
    err.to_string()
}

/// The bytes inside an `[n] EXPLICIT` (or any single) wrapper.
fn unwrap_explicit(tlv: &[u8]) -> R<&[u8]> {
    let mut r = SliceReader::new(tlv).map_err(e)?;
    let h = Header::decode(&mut r).map_err(e)?;
    r.read_slice(h.length()).map_err(e)
}

fn digest_name(oid: &str) -> &'static str {
    match oid {
        "1.3.14.3.2.26" => "SHA-1",
        "2.16.840.1.101.3.4.2.1" => "SHA-256",
        "2.16.840.1.101.3.4.2.2" => "SHA-384",
        "2.16.840.1.101.3.4.2.3" => "SHA-512",
        _ => "an unsupported digest",
    }
}

/// PBES2 parameters (RFC 8018 §A.4, with PBKDF2 §A.2).
#[cfg_attr(not(feature = "pkcs12"), allow(dead_code))]
struct Pbes2 {
    prf: String,
    salt: Vec<u8>,
    iterations: u32,
    cipher: String,
    iv: Vec<u8>,
}

fn pbes2(alg: &AlgorithmIdentifierOwned) -> R<Pbes2> {
    let params = alg
        .parameters
        .as_ref()
        .ok_or("PBES2 without parameters")?
        .to_der()
        .map_err(e)?;
    let mut p = SliceReader::new(unwrap_explicit(&params)?).map_err(e)?;
    let kdf = AlgorithmIdentifierOwned::decode(&mut p).map_err(e)?;
    let cipher = AlgorithmIdentifierOwned::decode(&mut p).map_err(e)?;
    if kdf.oid.to_string() != PBKDF2 {
        return Err(format!("key derivation {} is not supported", kdf.oid));
    }
    let kp = kdf
        .parameters
        .as_ref()
        .ok_or("PBKDF2 without parameters")?
        .to_der()
        .map_err(e)?;
    let mut k = SliceReader::new(unwrap_explicit(&kp)?).map_err(e)?;
    let salt = OctetString::decode(&mut k).map_err(e)?.as_bytes().to_vec();
    let iterations = u32::decode(&mut k).map_err(e)?;
    let mut prf = "1.2.840.113549.2.7".to_owned();
    while !k.is_finished() {
        let tlv = k.tlv_bytes().map_err(e)?;
        if let Ok(a) = AlgorithmIdentifierOwned::from_der(tlv) {
            prf = a.oid.to_string();
        }
    }
    let iv = cipher
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<OctetString>().ok())
        .map(|o| o.as_bytes().to_vec())
        .ok_or("the cipher has no IV")?;
    Ok(Pbes2 {
        prf,
        salt,
        iterations,
        cipher: cipher.oid.to_string(),
        iv,
    })
}

/// Describes an encryption algorithm for the report.
fn describe(alg: &AlgorithmIdentifierOwned) -> String {
    let id = alg.oid.to_string();
    if id != PBES2 {
        return format!("{}{LEGACY}", crate::key::pbe_name(&id));
    }
    match pbes2(alg) {
        Ok(p) => format!(
            "PBES2: PBKDF2 ({}, {} iterations) with {}",
            crate::key::hmac_name(&p.prf),
            p.iterations,
            crate::key::cipher_name(&p.cipher)
        ),
        Err(why) => format!("PBES2 ({why})"),
    }
}

/// Decrypts PBES2 and RFC 7292 PBE ciphertext with `password`; other schemes are named, not
/// decrypted.
fn decrypt(alg: &AlgorithmIdentifierOwned, password: &str, data: &[u8]) -> R<Vec<u8>> {
    let id = alg.oid.to_string();
    if id != PBES2 && !id.starts_with(PKCS12_PBE) {
        return Err(format!(
            "encrypted with {}, which certscope does not decrypt; re-export the bundle with modern encryption ({REEXPORT})",
            crate::key::pbe_name(&id)
        ));
    }
    backend::decrypt(&alg.to_der().map_err(e)?, password, data)
}

/// Checks the PKCS#12 MAC with `password`: `None` when it cannot be checked.
fn mac_ok(mac: &pkcs12::MacData, password: &str, content: &[u8]) -> Option<bool> {
    backend::mac(&mac.to_der().ok()?, password, content)
}

/// The obsolete schemes (RFC 7292 Appendix C) that parts of `p12` are encrypted with.
pub(crate) fn legacy_schemes(p12: &Pkcs12Report) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for scheme in p12
        .contents
        .iter()
        .filter_map(|b| b.encryption.as_deref()?.strip_suffix(LEGACY))
    {
        if !out.contains(&scheme) {
            out.push(scheme);
        }
    }
    out
}

/// Whether bundles can be decrypted in this build (or, in a WebAssembly core, whether the
/// pkcs12 module has been loaded).
pub(crate) fn available() -> bool {
    backend::available()
}

#[cfg(all(
    not(feature = "pkcs12"),
    target_arch = "wasm32",
    not(feature = "module")
))]
use crate::wasm::services::pkcs12 as backend;
#[cfg(feature = "pkcs12")]
use crypto as backend;

/// Without the `pkcs12` feature natively, nothing is decrypted.
#[cfg(all(
    not(feature = "pkcs12"),
    any(not(target_arch = "wasm32"), feature = "module")
))]
mod backend {
    pub(super) fn decrypt(_: &[u8], _: &str, _: &[u8]) -> super::R<Vec<u8>> {
        Err(super::UNAVAILABLE.into())
    }
    pub(super) fn mac(_: &[u8], _: &str, _: &[u8]) -> Option<bool> {
        None
    }
    pub(super) fn available() -> bool {
        false
    }
}

/// Why nothing was decrypted when the password could not be tried.
#[cfg_attr(feature = "pkcs12", allow(dead_code))]
pub(crate) const UNAVAILABLE: &str = "not decrypted: this build has no PKCS#12 decryption";

fn friendly_name(bag: &pkcs12::safe_bag::SafeBag) -> Option<String> {
    bag.bag_attributes
        .as_ref()?
        .iter()
        .find(|a| a.oid.to_string() == FRIENDLY_NAME)
        .and_then(|a| {
            a.values
                .iter()
                .next()
                .and_then(|v| v.decode_as::<BmpString>().ok())
                .map(|s| s.to_string())
        })
}

struct Walk<'a> {
    password: Option<&'a str>,
    report: Pkcs12Report,
    opened: Opened,
}

impl Walk<'_> {
    fn push(&mut self, bag: BagReport) -> usize {
        let i = self.report.contents.len();
        self.report.contents.push(bag);
        i
    }

    fn bag(kind: &str) -> BagReport {
        BagReport {
            kind: kind.to_owned(),
            encryption: None,
            friendly_name: None,
            certificate: None,
            key: None,
            note: None,
        }
    }

    fn safe_contents(&mut self, der: &[u8], depth: u8) {
        let bags = match Vec::<pkcs12::safe_bag::SafeBag>::from_der(&der_of(der)) {
            Ok(b) => b,
            Err(err) => {
                let mut b = Self::bag("unreadable bag list");
                b.note = Some(err.to_string());
                self.push(b);
                return;
            }
        };
        for bag in bags {
            if self.report.contents.len() >= MAX_BAGS {
                return;
            }
            let name = friendly_name(&bag);
            let value = unwrap_explicit(&bag.bag_value).unwrap_or_default();
            let mut b = Self::bag(&bag.bag_id.to_string());
            b.friendly_name = name;
            match bag.bag_id.to_string().as_str() {
                "1.2.840.113549.1.12.10.1.3" => {
                    b.kind = "certificate".into();
                    match pkcs12::CertBag::from_der(value) {
                        Ok(c) => {
                            let i = self.push(b);
                            self.opened
                                .certificates
                                .push((i, c.cert_value.as_bytes().to_vec()));
                            continue;
                        }
                        Err(err) => b.note = Some(err.to_string()),
                    }
                }
                "1.2.840.113549.1.12.10.1.1" => {
                    b.kind = "private key".into();
                    let i = self.push(b);
                    self.opened.keys.push((i, value.to_vec()));
                    continue;
                }
                "1.2.840.113549.1.12.10.1.2" => {
                    b.kind = "encrypted private key".into();
                    if let Some(plain) = self.shrouded(value, &mut b) {
                        let i = self.push(b);
                        self.opened.keys.push((i, plain));
                        continue;
                    }
                }
                "1.2.840.113549.1.12.10.1.4" => b.kind = "CRL".into(),
                "1.2.840.113549.1.12.10.1.5" => b.kind = "secret".into(),
                "1.2.840.113549.1.12.10.1.6" if depth < 4 => {
                    self.safe_contents(value, depth.saturating_add(1));
                    continue;
                }
                _ => {}
            }
            self.push(b);
        }
    }

    /// Decrypts a pkcs8ShroudedKeyBag to plaintext PKCS#8, noting why not when it cannot.
    fn shrouded(&mut self, der: &[u8], b: &mut BagReport) -> Option<Vec<u8>> {
        let mut r = SliceReader::new(unwrap_explicit(der).ok()?).ok()?;
        let alg = AlgorithmIdentifierOwned::decode(&mut r).ok()?;
        let data = OctetString::decode(&mut r).ok()?;
        b.encryption = Some(describe(&alg));
        match self.password {
            None => {
                b.note = Some("type the bundle's password to open it".into());
                None
            }
            Some(pw) => match decrypt(&alg, pw, data.as_bytes()) {
                Ok(plain) => Some(der_of(&plain).into_owned()),
                Err(why) => {
                    b.note = Some(why);
                    None
                }
            },
        }
    }

    fn content_info(&mut self, ci: &pkcs12::cms::content_info::ContentInfo) {
        match ci.content_type.to_string().as_str() {
            DATA => match ci.content.decode_as::<OctetString>() {
                Ok(o) => self.safe_contents(o.as_bytes(), 0),
                Err(err) => {
                    let mut b = Self::bag("unreadable data");
                    b.note = Some(err.to_string());
                    self.push(b);
                }
            },
            ENCRYPTED_DATA => {
                let mut b = Self::bag("encrypted container");
                type EncryptedData = pkcs12::cms::encrypted_data::EncryptedData;
                let decoded = ci.content.decode_as::<EncryptedData>().ok().or_else(|| {
                    let joined = join_encrypted_content(&ci.content.to_der().ok()?)?;
                    EncryptedData::from_der(&joined).ok()
                });
                let Some(ed) = decoded else {
                    b.note = Some("not valid EncryptedData".into());
                    self.push(b);
                    return;
                };
                let info = &ed.enc_content_info;
                b.encryption = Some(describe(&info.content_enc_alg));
                let data = info
                    .encrypted_content
                    .as_ref()
                    .map(|o| o.as_bytes())
                    .unwrap_or_default();
                match self.password {
                    None => b.note = Some("type the bundle's password to open it".into()),
                    Some(pw) => match decrypt(&info.content_enc_alg, pw, data) {
                        Ok(plain) => {
                            // The container is opened: report what it holds instead, each
                            // part with the encryption that protected it.
                            let first = self.report.contents.len();
                            self.safe_contents(&plain, 0);
                            for part in self.report.contents.iter_mut().skip(first) {
                                if part.encryption.is_none() {
                                    part.encryption.clone_from(&b.encryption);
                                }
                            }
                            return;
                        }
                        Err(why) => b.note = Some(why),
                    },
                }
                self.push(b);
            }
            other => {
                let mut b = Self::bag(other);
                b.note = Some("public-key protected content is not supported".into());
                self.push(b);
            }
        }
    }
}

/// Reads a bundle; with `password`, opens what it can.
pub(crate) fn open(
    der: &[u8],
    password: Option<&str>,
    location: Location,
) -> Result<(Pkcs12Report, Opened), crate::Error> {
    let pfx = pkcs12::pfx::Pfx::from_der(der).map_err(|err| crate::Error::der("PKCS#12", err))?;
    let auth = pfx
        .auth_safe
        .content
        .decode_as::<OctetString>()
        .map_err(|err| crate::Error::der("PKCS#12 authSafe", err))?;
    let mut password_state = if password.is_some() {
        PasswordState::NotChecked
    } else {
        PasswordState::NoneGiven
    };
    let mac = pfx.mac_data.as_ref().map(|m| {
        if let Some(pw) = password {
            match mac_ok(m, pw, auth.as_bytes()) {
                Some(true) => password_state = PasswordState::Correct,
                Some(false) => password_state = PasswordState::Wrong,
                None => {}
            }
        }
        format!(
            "HMAC-{}, {} iterations",
            digest_name(&m.mac.algorithm.oid.to_string()),
            m.iterations
        )
    });
    // A wrong password opens nothing: do not try it on every container.
    let password = password.filter(|_| password_state != PasswordState::Wrong);
    let mut walk = Walk {
        password,
        report: Pkcs12Report {
            location,
            mac,
            password: password_state,
            contents: Vec::new(),
        },
        opened: Opened::default(),
    };
    let safes = Vec::<pkcs12::cms::content_info::ContentInfo>::from_der(&der_of(auth.as_bytes()))
        .map_err(|err| crate::Error::der("PKCS#12 AuthenticatedSafe", err))?;
    for ci in safes.iter().take(MAX_BAGS) {
        walk.content_info(ci);
    }
    Ok((walk.report, walk.opened))
}
