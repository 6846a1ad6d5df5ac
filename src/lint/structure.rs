//! Structure: version, serial number, extensions that cannot be read or are not understood.

use super::{finding, references as refs};
use crate::cert::{CertificateReport, ExtensionValue, Role};
use crate::{Finding, Severity};

pub(super) fn check(cert: &CertificateReport, out: &mut Vec<Finding>) {
    for ext in &cert.extensions {
        match &ext.value {
            ExtensionValue::Invalid { error, .. } => out.push(finding(
                "cert.extension-invalid",
                Severity::Error,
                format!("{} extension cannot be decoded", ext.name),
                format!(
                    "The {} extension ({}) is not valid DER for its type: {error}. Strict \
                     clients reject the certificate; others ignore the extension.",
                    ext.name, ext.oid
                ),
                format!("{} ({}), critical: {}", ext.name, ext.oid, ext.critical),
                refs::RFC5280_EXTENSIONS,
                "Have the certificate re-issued by a CA whose software encodes it correctly.",
            )),
            ExtensionValue::Unknown { .. } if ext.critical => out.push(finding(
                "cert.unknown-critical-extension",
                Severity::Error,
                format!("Unrecognised critical extension {}", ext.name),
                format!(
                    "The extension {} is marked critical, which tells every client that does \
                     not understand it to reject the certificate. Browsers do not know it, so \
                     they will reject this certificate.",
                    ext.oid
                ),
                format!("{} critical", ext.oid),
                refs::RFC5280_EXTENSIONS,
                "Re-issue without the extension, or with it marked non-critical.",
            )),
            _ => {}
        }
    }
    if cert.version < 3 && cert.role != Role::Root {
        out.push(finding(
            "cert.not-v3",
            Severity::Warning,
            format!("Version {} certificate", cert.version),
            "Only version 3 certificates can carry extensions, so this one has no \
             subjectAltName, key usage or basic constraints. Browsers reject version 1 and 2 \
             certificates for servers and intermediates.",
            format!("version {}", cert.version),
            refs::RFC5280_VERSION,
            "Re-issue as a version 3 certificate (every current tool does this by default).",
        ));
    }
    let serial = cert.serial.split(':').collect::<Vec<_>>();
    let zero = serial.iter().all(|b| *b == "00");
    let negative = serial
        .first()
        .and_then(|b| u8::from_str_radix(b, 16).ok())
        .is_some_and(|b| b >= 0x80);
    if zero || negative {
        out.push(finding(
            "cert.serial-not-positive",
            if cert.role == Role::Root {
                Severity::Info
            } else {
                Severity::Warning
            },
            if zero {
                "Serial number is zero"
            } else {
                "Serial number is negative"
            },
            "RFC 5280 requires a positive serial number. Most clients accept this anyway, and \
             several long-standing roots have serial 0, but strict parsers may refuse it.",
            format!("serial {}", cert.serial),
            refs::RFC5280_SERIAL,
            "",
        ));
    }
    if cert.role == Role::Leaf && cert.self_signed {
        out.push(finding(
            "cert.self-signed-leaf",
            Severity::Warning,
            "Self-signed server certificate",
            "This certificate signs itself and is not issued by a CA. Browsers show it as \
             untrusted (NET::ERR_CERT_AUTHORITY_INVALID) unless a user has installed it by hand. \
             Fine for local testing; not for a public site.",
            format!("issuer = subject = {}", cert.subject.display),
            refs::RFC5280_SIGNATURE,
            "Get a certificate from a public CA (Let's Encrypt and other ACME CAs are free), \
             or for internal use, from a private CA whose root clients trust.",
        ));
    }
    if cert.trailing_bytes > 0 {
        out.push(finding(
            "input.trailing-data",
            Severity::Info,
            format!(
                "{} bytes after the certificate were ignored",
                cert.trailing_bytes
            ),
            "The block holds more than one certificate's DER. For OpenSSL's TRUSTED \
             CERTIFICATE blocks this is expected (trust settings follow the certificate); \
             elsewhere it is usually junk left by a copy-and-paste.",
            format!("{} trailing bytes", cert.trailing_bytes),
            refs::RFC7468,
            "",
        ));
    }
}
