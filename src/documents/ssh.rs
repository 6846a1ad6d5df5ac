//! OpenSSH public keys and certificates ([PROTOCOL.certkeys]), one per line as `.pub` files,
//! `authorized_keys` and `known_hosts` hold them, explained as `ssh-keygen -L` and
//! `step ssh inspect` do: key type and SHA-256 fingerprint (as OpenSSH prints it), and for a
//! certificate its type (user or host), key id, serial, principals, validity at the
//! evaluation time, critical options, extensions, and the signing CA, with the CA's signature
//! checked. Read with RustCrypto's `ssh-key`; the signature is checked by certscope's own
//! verifiers (the verify module on the web), the key and signature put in X.509 form.
//!
//! [PROTOCOL.certkeys]: https://cvsweb.openbsd.org/src/usr.bin/ssh/PROTOCOL.certkeys?annotate=HEAD

use serde::Serialize;
use ssh_key::public::KeyData;
use ssh_key::{Certificate, HashAlg, PublicKey};

use crate::lint::finding;
use crate::{Error, Finding, Location, Problem, Reference, Severity};

/// The most keys read from one paste.
pub const MAX_SSH_KEYS: usize = 1_000;
/// The most principals listed per certificate (all are counted).
pub const MAX_PRINCIPALS: usize = 256;

const CERTKEYS: Reference = Reference {
    label: "OpenSSH PROTOCOL.certkeys",
    url: "https://cvsweb.openbsd.org/src/usr.bin/ssh/PROTOCOL.certkeys?annotate=HEAD",
};
const SSH_KEYGEN: Reference = Reference {
    label: "ssh-keygen(1), CERTIFICATES",
    url: "https://man.openbsd.org/ssh-keygen#CERTIFICATES",
};
const RSA_SHA1: Reference = Reference {
    label: "OpenSSH 8.8 release notes (ssh-rsa disabled)",
    url: "https://www.openssh.com/txt/release-8.8",
};

/// The OpenSSH keys and certificates of a paste.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SshReport {
    /// Each key or certificate, in order.
    pub keys: Vec<SshKeyReport>,
    /// Keys past [`MAX_SSH_KEYS`], counted and not read.
    pub keys_skipped: usize,
    /// A certificate's signature is still to be checked: on the web, until the verify module
    /// is loaded (`engine.js` then reads the document again).
    pub unverified: bool,
    /// Findings about the keys and certificates.
    pub findings: Vec<Finding>,
    /// Lines that look like keys but could not be read.
    pub errors: Vec<Problem>,
}

/// One public key or certificate.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SshKeyReport {
    /// Where its line starts.
    pub location: Location,
    /// The key type as written, e.g. `ecdsa-sha2-nistp256-cert-v01@openssh.com`.
    pub algorithm: String,
    /// The key in plain words, e.g. "ECDSA P-256", "RSA 3072-bit".
    pub key: String,
    /// Its size in bits, as `ssh-keygen -l` prints it first.
    pub bits: Option<u32>,
    /// `SHA256:…`, as `ssh-keygen -l` prints it.
    pub fingerprint: String,
    /// The comment after the key.
    pub comment: String,
    /// The certificate's fields, when it is one.
    pub certificate: Option<SshCertificateReport>,
}

/// The fields of an OpenSSH certificate.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SshCertificateReport {
    /// `user` or `host`.
    pub cert_type: String,
    /// The key id the CA gave (logged by sshd on every login).
    pub key_id: String,
    /// The serial, as decimal text (a u64 does not fit a JavaScript number).
    pub serial: String,
    /// The names it is valid for (users or host names); empty means any.
    pub principals: Vec<String>,
    /// How many principals there are (the list stops at [`MAX_PRINCIPALS`]).
    pub principal_count: usize,
    /// Start of validity, RFC 3339 (`null`: from the beginning of time).
    pub valid_after: Option<String>,
    /// End of validity, RFC 3339 (`null`: forever).
    pub valid_before: Option<String>,
    /// `valid`, `expired` or `notYetValid` at the evaluation time.
    pub state: String,
    /// Critical options (`force-command`, `source-address`, …) with their values.
    pub critical_options: Vec<SshOption>,
    /// Extensions (`permit-pty`, …).
    pub extensions: Vec<String>,
    /// The CA that signed it.
    pub signing_ca: SshSigner,
    /// Whether the CA's signature matches (`null`: not checked).
    pub signature_valid: Option<bool>,
}

/// A critical option.
#[derive(Debug, Clone, Serialize)]
pub struct SshOption {
    /// Its name.
    pub name: String,
    /// Its value (empty for flags).
    pub value: String,
}

/// The CA key that signed a certificate.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SshSigner {
    /// The CA key in plain words.
    pub key: String,
    /// `SHA256:…` of the CA key: what `TrustedUserCAKeys` or `@cert-authority` must hold.
    pub fingerprint: String,
    /// The signature algorithm, e.g. `rsa-sha2-512`.
    pub signature_algorithm: String,
    /// Index in [`SshReport::keys`] of a pasted public key that is this CA.
    pub pasted: Option<usize>,
}

/// The OpenSSH keys and certificates in `text`, judged at `at`.
pub(crate) fn read(text: &str, at: u64) -> SshReport {
    let mut report = SshReport {
        keys: Vec::new(),
        keys_skipped: 0,
        unverified: false,
        findings: Vec::new(),
        errors: Vec::new(),
    };
    let mut offset = 0usize;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset = offset.saturating_add(line.len());
        let Some((column, key)) = key_of(line) else {
            continue;
        };
        if report.keys.len() >= MAX_SSH_KEYS {
            report.keys_skipped = report.keys_skipped.saturating_add(1);
            continue;
        }
        let location = Location {
            block: 0,
            line: Some(number.saturating_add(1)),
            byte_offset: start.saturating_add(column),
        };
        match describe(key, location, at) {
            Ok((key, unverified)) => {
                report.unverified |= unverified;
                report.keys.push(key);
            }
            Err(message) => report.errors.push(Problem::new(
                location,
                Error::Document {
                    format: "OpenSSH",
                    message,
                },
            )),
        }
    }
    link_pasted_cas(&mut report);
    report.findings = findings(&report);
    report
}

/// The key of a line, from where it starts (see [`super::ssh_key_at`]).
fn key_of(line: &str) -> Option<(usize, &str)> {
    let at = super::ssh_key_at(line)?;
    Some((at, line.get(at..)?.trim_end()))
}

fn key_words(key: &KeyData) -> String {
    match key {
        KeyData::Ed25519(_) => "Ed25519".to_owned(),
        KeyData::SkEd25519(_) => "Ed25519 security key (FIDO)".to_owned(),
        KeyData::Ecdsa(k) => format!("ECDSA {}", curve_name(k.curve().as_str())),
        KeyData::SkEcdsaSha2NistP256(_) => "ECDSA P-256 security key (FIDO)".to_owned(),
        KeyData::Rsa(k) => format!("RSA {}-bit", k.key_size()),
        KeyData::Dsa(_) => "DSA".to_owned(),
        other => other.algorithm().as_str().to_owned(),
    }
}

/// Key size in bits, as `ssh-keygen -l` counts it.
fn key_bits(key: &KeyData) -> Option<u32> {
    match key {
        KeyData::Ed25519(_) | KeyData::SkEd25519(_) | KeyData::SkEcdsaSha2NistP256(_) => Some(256),
        KeyData::Ecdsa(k) => match k.curve().as_str() {
            "nistp256" => Some(256),
            "nistp384" => Some(384),
            "nistp521" => Some(521),
            _ => None,
        },
        KeyData::Rsa(k) => Some(k.key_size()),
        KeyData::Dsa(k) => {
            let bytes = k.p().as_positive_bytes()?.len();
            u32::try_from(bytes.saturating_mul(8)).ok()
        }
        _ => None,
    }
}

fn curve_name(ssh: &str) -> &str {
    match ssh {
        "nistp256" => "P-256",
        "nistp384" => "P-384",
        "nistp521" => "P-521",
        other => other,
    }
}

fn rfc3339_or_none(seconds: u64, none: u64) -> Option<String> {
    (seconds != none).then(|| crate::time::rfc3339(seconds))
}

/// One key line, and whether its signature is still to be checked.
fn describe(line: &str, location: Location, at: u64) -> Result<(SshKeyReport, bool), String> {
    let kind = line.split(' ').next().unwrap_or_default();
    if !kind.contains("-cert-v01@openssh.com") {
        let key = PublicKey::from_openssh(line)
            .map_err(|e| format!("not a readable OpenSSH public key: {e}"))?;
        return Ok((
            SshKeyReport {
                location,
                algorithm: kind.to_owned(),
                key: key_words(key.key_data()),
                bits: key_bits(key.key_data()),
                fingerprint: key.fingerprint(HashAlg::Sha256).to_string(),
                comment: key.comment().as_str_lossy().to_owned(),
                certificate: None,
            },
            false,
        ));
    }
    let cert = Certificate::from_openssh(line)
        .map_err(|e| format!("not a readable OpenSSH certificate: {e}"))?;
    let (valid_after, valid_before) = (cert.valid_after(), cert.valid_before());
    let state = if at < valid_after {
        "notYetValid"
    } else if at >= valid_before {
        "expired"
    } else {
        "valid"
    };
    let signature_valid = super::ssh_signature::check(line, &cert);
    let principals = cert.valid_principals();
    let report = SshKeyReport {
        location,
        algorithm: kind.to_owned(),
        key: key_words(cert.public_key()),
        bits: key_bits(cert.public_key()),
        fingerprint: cert.public_key().fingerprint(HashAlg::Sha256).to_string(),
        comment: cert.comment().to_owned(),
        certificate: Some(SshCertificateReport {
            cert_type: if cert.cert_type().is_host() {
                "host"
            } else {
                "user"
            }
            .to_owned(),
            key_id: cert.key_id().to_owned(),
            serial: cert.serial().to_string(),
            principals: principals.iter().take(MAX_PRINCIPALS).cloned().collect(),
            principal_count: principals.len(),
            valid_after: rfc3339_or_none(valid_after, 0),
            valid_before: rfc3339_or_none(valid_before, u64::MAX),
            state: state.to_owned(),
            critical_options: cert
                .critical_options()
                .iter()
                .map(|(name, value)| SshOption {
                    name: name.clone(),
                    value: value.clone(),
                })
                .collect(),
            extensions: cert.extensions().keys().cloned().collect(),
            signing_ca: SshSigner {
                key: key_words(cert.signature_key()),
                fingerprint: cert
                    .signature_key()
                    .fingerprint(HashAlg::Sha256)
                    .to_string(),
                signature_algorithm: cert.signature().algorithm().as_str().to_owned(),
                pasted: None,
            },
            signature_valid,
        }),
    };
    Ok((report, signature_valid.is_none()))
}

/// Names, for each certificate, the pasted public key that is its CA.
fn link_pasted_cas(report: &mut SshReport) {
    let plain: Vec<(usize, String)> = report
        .keys
        .iter()
        .enumerate()
        .filter(|(_, k)| k.certificate.is_none())
        .map(|(i, k)| (i, k.fingerprint.clone()))
        .collect();
    for key in &mut report.keys {
        if let Some(c) = key.certificate.as_mut() {
            c.signing_ca.pasted = plain
                .iter()
                .find(|(_, f)| *f == c.signing_ca.fingerprint)
                .map(|(i, _)| *i);
        }
    }
}

fn findings(report: &SshReport) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, key) in report.keys.iter().enumerate() {
        let who = match &key.certificate {
            Some(c) => format!(
                "Certificate {} (key id \"{}\")",
                i.saturating_add(1),
                c.key_id
            ),
            None => format!("Key {}", i.saturating_add(1)),
        };
        let dsa = key.algorithm.starts_with("ssh-dss");
        let small_rsa = key.algorithm.starts_with("ssh-rsa") && key.bits.is_some_and(|b| b < 2048);
        if dsa || small_rsa {
            out.push(finding(
                "ssh.weak-key",
                Severity::Error,
                format!("{who} is a {} key", key.key),
                "OpenSSH 7.0 disabled DSA keys and refuses RSA keys under 1024 bits; under 2048 bits \
                 RSA is within reach of well-funded attackers.",
                format!("{who}: {} {}", key.algorithm, key.fingerprint),
                SSH_KEYGEN,
                "Generate a new key: ssh-keygen -t ed25519",
            ));
        }
        let Some(c) = &key.certificate else { continue };
        match c.state.as_str() {
            "expired" => out.push(finding(
                "ssh.certificate-expired",
                Severity::Error,
                format!("{who} has expired"),
                format!(
                    "It was valid until {}. sshd refuses an expired certificate (\"Certificate invalid: \
                     expired\" in its log), and the login falls back to other methods.",
                    c.valid_before.as_deref().unwrap_or("?")
                ),
                format!("valid before {}", c.valid_before.as_deref().unwrap_or("?")),
                SSH_KEYGEN,
                "Have the CA sign the key again: ssh-keygen -s ca -I KEY_ID -n PRINCIPALS -V +52w key.pub",
            )),
            "notYetValid" => out.push(finding(
                "ssh.certificate-not-yet-valid",
                Severity::Warning,
                format!("{who} is not valid yet"),
                format!(
                    "It becomes valid at {}. A clock that is behind on the server gives the same error.",
                    c.valid_after.as_deref().unwrap_or("?")
                ),
                format!("valid after {}", c.valid_after.as_deref().unwrap_or("?")),
                SSH_KEYGEN,
                "",
            )),
            _ => {}
        }
        if c.valid_before.is_none() {
            out.push(finding(
                "ssh.certificate-forever",
                Severity::Warning,
                format!("{who} never expires"),
                "It was signed without an end date. Certificates are meant to be short-lived: one \
                 that never expires stays usable until its serial or key is revoked in a KRL on \
                 every server.",
                "valid: forever",
                SSH_KEYGEN,
                "Sign with a validity interval, e.g. -V +8h for users or -V +52w for hosts.",
            ));
        }
        if c.principal_count == 0 {
            out.push(finding(
                "ssh.certificate-any-principal",
                Severity::Warning,
                format!("{who} is valid for any {}", if c.cert_type == "host" { "host name" } else { "user" }),
                "It lists no principals, so it is valid for every user (or host) that trusts its CA. \
                 sshd accepts it for any account whose authorized_keys trusts the CA without a \
                 principals= restriction.",
                "principals: (none)",
                CERTKEYS,
                "Sign with -n and the user or host names it is for.",
            ));
        }
        if c.signature_valid == Some(false) {
            out.push(finding(
                "ssh.bad-signature",
                Severity::Error,
                format!("{who}: the CA's signature does not match"),
                "The certificate's contents were changed after the CA signed them, or it was \
                 assembled from parts of different certificates. sshd rejects it.",
                format!(
                    "signed by {} ({})",
                    c.signing_ca.fingerprint, c.signing_ca.signature_algorithm
                ),
                CERTKEYS,
                "Have the CA sign the key again.",
            ));
        }
        if c.signing_ca.signature_algorithm == "ssh-rsa" {
            out.push(finding(
                "ssh.sha1-signature",
                Severity::Warning,
                format!("{who} is signed with ssh-rsa (SHA-1)"),
                "OpenSSH 8.8 and later refuse SHA-1 RSA signatures by default, certificates \
                 included, so this certificate fails on current servers.",
                "signature: ssh-rsa",
                RSA_SHA1,
                "Sign again with a current ssh-keygen, which uses rsa-sha2-512 for RSA CAs.",
            ));
        }
        if c.signature_valid == Some(true) {
            let (option, file) = if c.cert_type == "host" {
                ("@cert-authority *.example.com", "known_hosts")
            } else {
                ("TrustedUserCAKeys /etc/ssh/user_ca.pub", "sshd_config")
            };
            let pasted = c
                .signing_ca
                .pasted
                .map(|k| {
                    format!(
                        " The CA's public key is key {} of this paste.",
                        k.saturating_add(1)
                    )
                })
                .unwrap_or_default();
            out.push(finding(
                "ssh.ca-trust",
                Severity::Info,
                format!("{who} is signed by CA {}", c.signing_ca.fingerprint),
                format!(
                    "The signature matches the CA key the certificate names.{pasted} Whether it is \
                     accepted depends on who trusts that CA: a {} certificate is accepted where \
                     {file} holds the CA's public key ({option} …), and the principal matches.",
                    c.cert_type
                ),
                format!("{} {}", c.signing_ca.key, c.signing_ca.fingerprint),
                SSH_KEYGEN,
                "",
            ));
        }
    }
    out.sort_by_key(|f| f.severity);
    out
}
