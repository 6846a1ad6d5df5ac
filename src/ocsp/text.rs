//! OCSP responses as OpenSSL prints them (`openssl ocsp -resp_text`, and the stapled response
//! in an `openssl s_client -status` transcript, both `OCSP_RESPONSE_print`): the status of each
//! certificate, the times, the responder and the nonce. Text does not carry the signed bytes,
//! so the signature cannot be checked: the report says so, and such an answer never changes a
//! chain verdict.

use x509_cert::Certificate;

use super::status::{self, Named};
use super::{OcspReport, OcspSignature, Responder};
use crate::lint::{finding, references::RFC6960};
use crate::{Error, Location, Severity};

/// The line OpenSSL opens the text with.
pub(crate) const MARKER: &str = "OCSP Response Data:";

/// Most single responses read from one text (a response for a whole chain has a few).
const MAX_RESPONSES: usize = 100;

/// `Dec  3 17:49:29 2026 GMT` (OpenSSL's `ASN1_TIME_print`) as seconds since 1970.
fn time(text: &str) -> Option<u64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = text.split_whitespace();
    let word = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == word)?;
    let day: u8 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':').map(|v| v.parse::<u8>().ok());
    let (hour, minute, second) = (clock.next()??, clock.next()??, clock.next()??);
    let year: u16 = parts.next()?.parse().ok()?;
    let month = u8::try_from(month.saturating_add(1)).ok()?;
    der::DateTime::new(year, month, day, hour, minute, second)
        .ok()
        .map(|d| d.unix_duration().as_secs())
}

/// OpenSSL's one-line name (`C = US, O = Example, CN = Example CA`, most significant first) in
/// RFC 4514's order and spelling, as certscope names certificates.
fn rfc4514(text: &str) -> String {
    let parts: Vec<String> = text
        .split(", ")
        .map(|p| match p.split_once(" = ") {
            Some((k, v)) => format!("{k}={v}"),
            None => p.to_owned(),
        })
        .collect();
    parts.into_iter().rev().collect::<Vec<_>>().join(",")
}

/// A signature algorithm as OpenSSL names it (its long name), as certscope names it.
fn signature_name(openssl: &str) -> String {
    use const_oid::ObjectIdentifier as Oid;
    const OIDS: [(&str, Oid); 11] = [
        (
            "sha1WithRSAEncryption",
            Oid::new_unwrap("1.2.840.113549.1.1.5"),
        ),
        (
            "sha256WithRSAEncryption",
            Oid::new_unwrap("1.2.840.113549.1.1.11"),
        ),
        (
            "sha384WithRSAEncryption",
            Oid::new_unwrap("1.2.840.113549.1.1.12"),
        ),
        (
            "sha512WithRSAEncryption",
            Oid::new_unwrap("1.2.840.113549.1.1.13"),
        ),
        ("RSASSA-PSS", Oid::new_unwrap("1.2.840.113549.1.1.10")),
        ("ecdsa-with-SHA1", Oid::new_unwrap("1.2.840.10045.4.1")),
        ("ecdsa-with-SHA256", Oid::new_unwrap("1.2.840.10045.4.3.2")),
        ("ecdsa-with-SHA384", Oid::new_unwrap("1.2.840.10045.4.3.3")),
        ("ecdsa-with-SHA512", Oid::new_unwrap("1.2.840.10045.4.3.4")),
        ("ED25519", Oid::new_unwrap("1.3.101.112")),
        ("ED448", Oid::new_unwrap("1.3.101.113")),
    ];
    OIDS.iter()
        .find(|(name, _)| *name == openssl)
        .and_then(|(_, oid)| crate::oid::lookup(crate::oid::SIGNATURES, oid))
        .map_or_else(|| openssl.to_owned(), str::to_owned)
}

fn hex(text: &str) -> Option<Vec<u8>> {
    let digits: String = text.chars().filter(|c| *c != ':').collect();
    crate::hex::decode(&digits)
}

/// One `Certificate ID:` section and the status lines after it.
#[derive(Default)]
struct Single {
    alg: Option<&'static str>,
    name_hash: Vec<u8>,
    key_hash: Vec<u8>,
    serial: Vec<u8>,
    status: Option<&'static str>,
    revoked_at: Option<u64>,
    reason: Option<&'static str>,
    this_update: Option<u64>,
    next_update: Option<u64>,
}

/// OpenSSL's name of a responseStatus (`OCSP_response_status_str`) as RFC 6960 spells it.
fn response_status(text: &str) -> &'static str {
    match text.split_whitespace().next().unwrap_or_default() {
        "successful" => "successful",
        "malformedrequest" => "malformedRequest",
        "internalerror" => "internalError",
        "trylater" => "tryLater",
        "sigrequired" => "sigRequired",
        "unauthorized" => "unauthorized",
        _ => "unknown",
    }
}

/// A CRL reason as OpenSSL prints it (`keyCompromise (0x1)`), by the name RFC 5280 gives it.
fn reason(text: &str) -> Option<&'static str> {
    const NAMES: [&str; 10] = [
        "unspecified",
        "keyCompromise",
        "cACompromise",
        "affiliationChanged",
        "superseded",
        "cessationOfOperation",
        "certificateHold",
        "removeFromCRL",
        "privilegeWithdrawn",
        "aACompromise",
    ];
    let word = text.split_whitespace().next()?;
    NAMES.iter().find(|n| n.eq_ignore_ascii_case(word)).copied()
}

/// Reads the text (from [`MARKER`] on) against the pasted certificates at `at`.
pub(crate) fn report(
    text: &str,
    location: Location,
    certificates: &[(usize, &Certificate)],
    at: u64,
) -> Result<OcspReport, Error> {
    let bad = |what: &str| Error::UnsupportedBlock {
        label: format!("OpenSSL's text of an OCSP response ({what})"),
    };
    let mut report = OcspReport {
        location,
        response_status: "unknown",
        produced_at: None,
        responder: None,
        responses: Vec::new(),
        nonce: None,
        certificates_included: 0,
        signature: None,
        findings: Vec::new(),
    };
    let mut singles: Vec<Single> = Vec::new();
    let mut algorithm: Option<String> = None;
    let mut nonce_next = false;
    for line in text.lines().map(str::trim) {
        if nonce_next {
            nonce_next = false;
            // OpenSSL prints the extension's value: an OCTET STRING (04, length, the nonce).
            report.nonce = hex(line).map(|v| match v.as_slice() {
                [0x04, len, rest @ ..] if usize::from(*len) == rest.len() => {
                    crate::hex::colon(rest)
                }
                _ => crate::hex::colon(&v),
            });
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let single = singles.last_mut();
        match (key, single) {
            ("OCSP Response Status", _) => report.response_status = response_status(value),
            ("Responder Id", _) => {
                let hash = hex(value).filter(|h| h.len() == 20);
                report.responder = Some(Responder {
                    name: hash.is_none().then(|| rfc4514(value)),
                    key_hash: hash.map(|h| crate::hex::colon(&h)),
                    subject: None,
                    certificate: None,
                });
            }
            ("Produced At", _) => report.produced_at = time(value).map(crate::time::rfc3339),
            ("Certificate ID", _) => {
                if singles.len() >= MAX_RESPONSES {
                    return Err(bad("more than 100 certificate statuses"));
                }
                singles.push(Single::default());
            }
            ("Hash Algorithm", Some(s)) => s.alg = status::hash_oid(value),
            ("Issuer Name Hash", Some(s)) => s.name_hash = hex(value).unwrap_or_default(),
            ("Issuer Key Hash", Some(s)) => s.key_hash = hex(value).unwrap_or_default(),
            ("Serial Number", Some(s)) => s.serial = hex(value).unwrap_or_default(),
            ("Cert Status", Some(s)) => {
                s.status = match value {
                    "good" => Some("good"),
                    "revoked" => Some("revoked"),
                    "unknown" => Some("unknown"),
                    _ => None,
                }
            }
            ("Revocation Time", Some(s)) => s.revoked_at = time(value),
            ("Revocation Reason", Some(s)) => s.reason = reason(value),
            ("This Update", Some(s)) => s.this_update = time(value),
            ("Next Update", Some(s)) => s.next_update = time(value),
            ("OCSP Nonce", _) => nonce_next = true,
            // The signature ends the response; certificates OpenSSL prints after it are read
            // by the core as the PEM that follows each.
            ("Signature Algorithm", _) => {
                algorithm = Some(value.to_owned());
                break;
            }
            _ => {}
        }
    }
    let pool: Vec<(Option<usize>, &Certificate)> =
        certificates.iter().map(|(i, c)| (Some(*i), *c)).collect();
    for s in &singles {
        let (Some(alg), Some(state), Some(this_update)) = (s.alg, s.status, s.this_update) else {
            return Err(bad(
                "a certificate status without its hash algorithm, status or thisUpdate",
            ));
        };
        let named = status::named_by(
            &Named {
                alg: alg.to_owned(),
                name_hash: &s.name_hash,
                key_hash: &s.key_hash,
                serial: &s.serial,
            },
            &pool,
        );
        report.responses.push(status::judged(
            named,
            (state, s.revoked_at, s.reason),
            this_update,
            s.next_update,
            at,
        ));
    }
    if report.response_status == "successful" && report.responses.is_empty() {
        return Err(bad("no certificate status"));
    }
    if let Some(r) = report.responder.as_mut() {
        // The responder's certificate, when pasted (OpenSSL prints a delegated one after the text).
        let found = certificates.iter().find(|(_, c)| {
            let subject = crate::cert::name_display(c.tbs_certificate().subject());
            r.name.as_deref() == Some(subject.as_str())
                || r.key_hash.as_deref()
                    == Some(crate::hex::colon(&super::responder::key_hash(c)).as_str())
        });
        r.subject = found.map(|(_, c)| crate::cert::name_display(c.tbs_certificate().subject()));
        r.certificate = found.map(|(i, _)| *i);
    }
    if report.response_status == "successful" {
        report.signature = Some(OcspSignature {
            algorithm: algorithm.map_or_else(|| "not printed".into(), |a| signature_name(&a)),
            verdict: "unchecked",
            authority: "unknown",
            no_check: false,
            detail: Some("read from OpenSSL's text, which does not carry the signed bytes".into()),
        });
    }
    let mut findings = super::findings(&report, !certificates.is_empty());
    if report.response_status != "successful" {
        findings.push(super::unsuccessful(report.response_status));
    }
    findings.push(finding(
        "ocsp.text",
        Severity::Info,
        "Read from OpenSSL's text: the signature is not checked",
        "OpenSSL printed this response as text, which leaves out the bytes it signs, so certscope cannot check the signature or whether the signer may answer for the CA. The statuses are shown as the text gives them; an unchecked answer does not change the chain verdict.",
        format!("{MARKER} …"),
        RFC6960,
        "Save the response itself and paste or drop that file: openssl ocsp -issuer ca.pem -cert cert.pem -url http://ocsp.example -respout response.der",
    ));
    findings.sort_by_key(|f| f.severity);
    report.findings = findings;
    Ok(report)
}
