//! OCSP requests ([RFC 6960 §4.1]): which certificates a client asks about, whether it sends
//! a nonce, and whether the request is signed.
//!
//! [RFC 6960 §4.1]: https://www.rfc-editor.org/rfc/rfc6960#section-4.1

use der::asn1::Any;
use der::Decode;
use der::{Class, Tagged};
use serde::Serialize;
use x509_cert::Certificate;

use super::asn1::OcspRequest;
use super::status::{named, RequestedCertificate};
use crate::{Error, Location};

/// One OCSP request, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OcspRequestReport {
    /// Where in the input it was.
    pub location: Location,
    /// Each certificate asked about.
    pub certificates: Vec<RequestedCertificate>,
    /// The nonce (hex): the responder is asked to echo it, so that its answer cannot be a
    /// replay. Many public responders ignore it and answer from a cache.
    pub nonce: Option<String>,
    /// Who signed the request (requestorName), when it names itself.
    pub requestor: Option<String>,
    /// Whether the request carries a signature (few responders ask for one).
    pub signed: bool,
}

/// Reads the OCSP request `der` against the pasted certificates.
pub fn report(
    der: &[u8],
    location: Location,
    certificates: &[(usize, &Certificate)],
) -> Result<OcspRequestReport, Error> {
    let request = OcspRequest::from_der(der).map_err(|e| Error::der("OCSP request", e))?;
    let pool: Vec<(Option<usize>, &Certificate)> =
        certificates.iter().map(|(i, c)| (Some(*i), *c)).collect();
    let tbs = &request.tbs_request;
    Ok(OcspRequestReport {
        location,
        certificates: tbs
            .request_list
            .iter()
            .map(|r| named(&r.req_cert, &pool))
            .collect(),
        nonce: super::asn1::nonce(tbs.request_extensions.as_ref()),
        requestor: tbs.requestor_name.as_ref().map(requestor),
        signed: request.optional_signature.is_some(),
    })
}

/// The requestor's name as text: a directory name ([4]) or an e-mail or DNS name ([1], [2]),
/// what signed requests carry; another kind is only named.
fn requestor(name: &Any) -> String {
    let tag = name.tag();
    match (tag.class(), tag.number().value()) {
        (Class::ContextSpecific, 4) => x509_cert::name::Name::from_der(name.value())
            .map(|n| crate::cert::name_display(&n))
            .unwrap_or_else(|_| "a directory name that cannot be read".to_owned()),
        (Class::ContextSpecific, 1 | 2) => String::from_utf8_lossy(name.value()).into_owned(),
        _ => "a name of another kind".to_owned(),
    }
}
