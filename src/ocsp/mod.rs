//! OCSP responses ([RFC 6960]): a CA's signed answer to "is this certificate revoked?",
//! pasted on its own (DER, base64, PEM `OCSP RESPONSE`) or stapled by a server in a captured
//! handshake. Each answer is tied to the pasted certificate it is about, judged fresh or
//! stale at the time of check, and its signature checked with the responder's key, and the
//! responder's authority to answer for that CA (§4.2.2.2).
//!
//! The `ocsp` capability: on the web its own module, loaded only for input holding an OCSP
//! response; the signatures themselves are checked by the `verify` module.
//!
//! [RFC 6960]: https://www.rfc-editor.org/rfc/rfc6960

mod asn1;
mod request;
mod responder;
mod status;
mod text;
mod verdict;

pub use request::OcspRequestReport;
pub use responder::{OcspSignature, Responder};
pub use status::{OcspStatus, RequestedCertificate};
pub(crate) use verdict::apply_to_chains;

use der::{Decode, Encode};
use serde::Serialize;
use x509_cert::Certificate;

use crate::lint::{finding, references::RFC6960};
use crate::{Error, Finding, Location, Severity};

/// `id-pkix-ocsp-basic` (RFC 6960 §4.2.1), the only response type defined.
const BASIC: &str = "1.3.6.1.5.5.7.48.1.1";

/// One OCSP response, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OcspReport {
    /// Where in the input it was.
    pub location: Location,
    /// The responder's answer to the request as a whole: `successful`, or why it gave none
    /// (`malformedRequest`, `internalError`, `tryLater`, `sigRequired`, `unauthorized`).
    pub response_status: &'static str,
    /// When the responder signed it, RFC 3339 UTC.
    pub produced_at: Option<String>,
    /// Who signed it.
    pub responder: Option<Responder>,
    /// One status per certificate asked about.
    pub responses: Vec<OcspStatus>,
    /// The nonce (hex): it ties a response to one request, so it cannot be replayed.
    /// Stapled and cached responses usually have none.
    pub nonce: Option<String>,
    /// How many certificates the response carries (a delegated responder's, usually).
    pub certificates_included: usize,
    /// The signature check.
    pub signature: Option<OcspSignature>,
    /// What it means for the pasted certificates, and its own state.
    pub findings: Vec<Finding>,
}

/// An OCSP message of the input.
#[derive(Debug, Clone)]
pub enum Read {
    /// A response.
    Response(Box<OcspReport>),
    /// A request.
    Request(OcspRequestReport),
}

/// Reads the OCSP response or request `der` (told apart by what its SEQUENCE opens with: a
/// response's status is an ENUMERATED, a request's body a SEQUENCE) against the pasted
/// certificates at `at`.
pub fn read(
    der: &[u8],
    location: Location,
    certificates: &[(usize, &Certificate)],
    at: u64,
) -> Result<Read, Error> {
    // OpenSSL's text of a response, found by the core in pasted text.
    if let Some(text) = core::str::from_utf8(der)
        .ok()
        .filter(|t| t.starts_with(text::MARKER))
    {
        return text::report(text, location, certificates, at).map(|r| Read::Response(Box::new(r)));
    }
    let request = der::SliceReader::new(der).ok().and_then(|mut r| {
        use der::Reader;
        der::Header::decode(&mut r).ok()?;
        r.peek_byte()
    }) == Some(0x30);
    if request {
        request::report(der, location, certificates).map(Read::Request)
    } else {
        report(der, location, certificates, at).map(|r| Read::Response(Box::new(r)))
    }
}

/// Reads the OCSP response `der` and relates it to the pasted certificates (`certificates`:
/// each with its index in `Report.certificates`) at `at` (seconds since 1970).
pub fn report(
    der: &[u8],
    location: Location,
    certificates: &[(usize, &Certificate)],
    at: u64,
) -> Result<OcspReport, Error> {
    let response = asn1::OcspResponse::from_der(der).map_err(|e| Error::der("OCSP response", e))?;
    let mut report = OcspReport {
        location,
        response_status: status_name(response.response_status),
        produced_at: None,
        responder: None,
        responses: Vec::new(),
        nonce: None,
        certificates_included: 0,
        signature: None,
        findings: Vec::new(),
    };
    let Some(bytes) = response.response_bytes else {
        report.findings.push(unsuccessful(report.response_status));
        return Ok(report);
    };
    if bytes.response_type.to_string() != BASIC {
        return Err(Error::UnsupportedBlock {
            label: format!("OCSP response of type {}", bytes.response_type),
        });
    }
    let basic = asn1::BasicResponse::from_der(bytes.response.as_bytes())
        .map_err(|e| Error::der("BasicOCSPResponse", e))?;
    let tbs = basic
        .tbs_response_data
        .to_der()
        .map_err(|e| Error::der("OCSP ResponseData", e))?;
    let data =
        asn1::ResponseData::from_der(&tbs).map_err(|e| Error::der("OCSP ResponseData", e))?;
    // The response's own certificates, then the pasted ones: where signers are looked for. A
    // certificate that does not decode makes the response malformed (OpenSSL refuses it too).
    let carried: Vec<Certificate> = basic
        .certs
        .iter()
        .flatten()
        .map(|c| {
            let der = c
                .to_der()
                .map_err(|e| Error::der("certificate in the OCSP response", e))?;
            Certificate::from_der(&der)
                .map_err(|e| Error::der("certificate in the OCSP response", e))
        })
        .collect::<Result<_, _>>()?;
    report.certificates_included = carried.len();
    let pool: Vec<(Option<usize>, &Certificate)> = carried
        .iter()
        .map(|c| (None, c))
        .chain(certificates.iter().map(|(i, c)| (Some(*i), *c)))
        .collect();
    report.produced_at = Some(crate::time::rfc3339(
        data.produced_at.to_unix_duration().as_secs(),
    ));
    report.nonce = asn1::nonce(data.response_extensions.as_ref());
    let signer = responder::find(&data.responder_id, &pool);
    report.responder = Some(responder::describe(&data.responder_id, signer));
    report.responses = data
        .responses
        .iter()
        .map(|s| status::read(s, &pool, at))
        .collect();
    report.signature = Some(responder::check(
        &tbs,
        &basic.signature_algorithm,
        basic.signature.as_bytes().unwrap_or_default(),
        signer,
        &data.responses,
        &pool,
        at,
    ));
    report.findings = findings(&report, !certificates.is_empty());
    Ok(report)
}

fn status_name(s: asn1::ResponseStatus) -> &'static str {
    use asn1::ResponseStatus as S;
    match s {
        S::Successful => "successful",
        S::MalformedRequest => "malformedRequest",
        S::InternalError => "internalError",
        S::TryLater => "tryLater",
        S::SigRequired => "sigRequired",
        S::Unauthorized => "unauthorized",
    }
}

pub(super) fn unsuccessful(status: &str) -> Finding {
    let why = match status {
        "malformedRequest" => "it could not read the request",
        "internalError" => "it failed internally",
        "tryLater" => "it was too busy, or has no status for the certificate yet",
        "sigRequired" => "it only answers signed requests",
        "unauthorized" => "it is not authoritative for this certificate (a responder of another CA was asked, or the CA no longer runs OCSP)",
        _ => "it gave no reason",
    };
    finding(
        "ocsp.unsuccessful",
        Severity::Warning,
        "The OCSP responder gave no answer",
        format!("The response carries no certificate status: {why}. A client that needs one treats the certificate as unchecked."),
        format!("responseStatus {status}"),
        RFC6960,
        "Ask the responder again; for \"unauthorized\", check the certificate's AIA OCSP URL.",
    )
}

/// The findings of a read response, most severe first.
pub(super) fn findings(report: &OcspReport, pasted: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in &report.responses {
        let which = r.subject.as_deref().unwrap_or("the certificate");
        match r.status {
            "revoked" => out.push(finding(
                "ocsp.revoked",
                Severity::Error,
                "The OCSP response says the certificate is revoked",
                format!("Its CA has revoked {which}: clients that check revocation refuse it, and no server should still use it."),
                format!("serial {}, revoked {}{}", r.serial, r.revoked_at.as_deref().unwrap_or("?"), r.reason.map(|x| format!(" ({x})")).unwrap_or_default()),
                RFC6960,
                "Replace the certificate with a newly issued one, with a new key if the reason is keyCompromise.",
            )),
            "unknown" => out.push(finding(
                "ocsp.status-unknown",
                Severity::Warning,
                "The OCSP responder does not know the certificate",
                format!("It answered \"unknown\" for {which}: it is not this CA's, was not issued (yet), or the responder's data lags behind."),
                format!("serial {}", r.serial),
                RFC6960,
                "Check that the request named the right issuer; a certificate just issued may need a few minutes.",
            )),
            _ => {}
        }
        match r.freshness {
            "expired" => out.push(finding(
                "ocsp.expired",
                Severity::Error,
                "The OCSP response is out of date",
                "Its nextUpdate has passed: clients discard it, and a server stapling it makes strict clients (OCSP Must-Staple) fail.",
                format!("nextUpdate {}", r.next_update.as_deref().unwrap_or("?")),
                RFC6960,
                "Servers: make sure stapled responses are refreshed (nginx: ssl_stapling on with a working resolver; Apache: SSLStaplingCache).",
            )),
            "not-yet-valid" => out.push(finding(
                "ocsp.not-yet-valid",
                Severity::Error,
                "The OCSP response is dated after the time of check",
                "Its thisUpdate is later than the time certscope judged it at: the time asked about is earlier than the response, or the responder's clock is ahead.",
                format!("thisUpdate {}", r.this_update),
                RFC6960,
                "",
            )),
            _ => {}
        }
    }
    if let Some(sig) = &report.signature {
        out.extend(responder::findings(sig));
    }
    if pasted
        && !report.responses.is_empty()
        && report.responses.iter().all(|r| r.certificate.is_none())
    {
        out.push(finding(
            "ocsp.other-certificate",
            Severity::Warning,
            "The OCSP response is about none of the pasted certificates",
            "No pasted certificate has the serial number and issuer the response names: it answers for another certificate (a stapled response left over from an old certificate, or a response for another site).",
            report.responses.iter().map(|r| format!("serial {}", r.serial)).collect::<Vec<_>>().join(", "),
            RFC6960,
            "Servers that staple: reload them after changing the certificate, so the stapled response is fetched for the new one.",
        ));
    }
    out.sort_by_key(|f| f.severity);
    out
}
