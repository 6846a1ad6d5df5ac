//! The OCSP response as RFC 6960 §4.2.1 writes it in ASN.1, decoded with `der`'s derive.
//!
//! RustCrypto's `x509-ocsp` (0.2) defines the same types, but on `der` 0.7 and `x509-cert`
//! 0.2: linking it would put a second copy of the whole ASN.1 stack into the module. These are
//! the RFC's definitions, on the `der` 0.8 and `x509-cert` 0.3 the rest of certscope uses.
//!
//! [RFC 6960 §4.2.1]: https://www.rfc-editor.org/rfc/rfc6960#section-4.2.1

use der::asn1::{Any, BitString, GeneralizedTime, Null, ObjectIdentifier, OctetString};
use der::{Choice, Enumerated, Sequence};
use spki::AlgorithmIdentifierOwned;
use x509_cert::ext::pkix::CrlReason;
use x509_cert::ext::Extensions;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;

/// `OCSPResponse ::= SEQUENCE { responseStatus, responseBytes [0] EXPLICIT OPTIONAL }`.
#[derive(Clone, Debug, Sequence)]
pub(crate) struct OcspResponse {
    pub(crate) response_status: ResponseStatus,
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) response_bytes: Option<ResponseBytes>,
}

/// `OCSPResponseStatus ::= ENUMERATED` (4 is not used).
#[derive(Enumerated, Copy, Clone, Debug, Eq, PartialEq)]
#[repr(u32)]
pub(crate) enum ResponseStatus {
    Successful = 0,
    MalformedRequest = 1,
    InternalError = 2,
    TryLater = 3,
    SigRequired = 5,
    Unauthorized = 6,
}

/// `ResponseBytes ::= SEQUENCE { responseType OBJECT IDENTIFIER, response OCTET STRING }`.
#[derive(Clone, Debug, Sequence)]
pub(crate) struct ResponseBytes {
    pub(crate) response_type: ObjectIdentifier,
    pub(crate) response: OctetString,
}

/// `BasicOCSPResponse`. The signed part is kept as it was encoded (`Any`): the signature is
/// over those bytes, and decoded again as [`ResponseData`].
#[derive(Clone, Debug, Sequence)]
pub(crate) struct BasicResponse {
    pub(crate) tbs_response_data: Any,
    pub(crate) signature_algorithm: AlgorithmIdentifierOwned,
    pub(crate) signature: BitString,
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) certs: Option<Vec<Any>>,
}

/// `ResponseData`: who answered, when, and the answers.
#[derive(Clone, Debug, Sequence)]
pub(crate) struct ResponseData {
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) version: Option<u8>,
    pub(crate) responder_id: ResponderId,
    pub(crate) produced_at: GeneralizedTime,
    pub(crate) responses: Vec<SingleResponse>,
    #[asn1(context_specific = "1", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) response_extensions: Option<Extensions>,
}

/// `ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash }`; the key hash is the
/// SHA-1 of the responder's public key (the BIT STRING's contents).
#[derive(Clone, Debug, Choice)]
pub(crate) enum ResponderId {
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", constructed = "true")]
    ByName(Name),
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", constructed = "true")]
    ByKey(OctetString),
}

/// `SingleResponse`: the status of one certificate.
#[derive(Clone, Debug, Sequence)]
pub(crate) struct SingleResponse {
    pub(crate) cert_id: CertId,
    pub(crate) cert_status: CertStatus,
    pub(crate) this_update: GeneralizedTime,
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) next_update: Option<GeneralizedTime>,
    #[asn1(context_specific = "1", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) single_extensions: Option<Extensions>,
}

/// `CertID`: which certificate, named by hashes of its issuer's name and key and its serial.
#[derive(Clone, Debug, Sequence)]
pub(crate) struct CertId {
    pub(crate) hash_algorithm: AlgorithmIdentifierOwned,
    pub(crate) issuer_name_hash: OctetString,
    pub(crate) issuer_key_hash: OctetString,
    pub(crate) serial_number: SerialNumber,
}

/// `CertStatus ::= CHOICE { good [0] NULL, revoked [1] RevokedInfo, unknown [2] NULL }`.
#[derive(Clone, Debug, Choice)]
pub(crate) enum CertStatus {
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT")]
    Good(Null),
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", constructed = "true")]
    Revoked(RevokedInfo),
    #[asn1(context_specific = "2", tag_mode = "IMPLICIT")]
    Unknown(Null),
}

/// `RevokedInfo ::= SEQUENCE { revocationTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }`.
#[derive(Clone, Debug, Sequence)]
pub(crate) struct RevokedInfo {
    pub(crate) revocation_time: GeneralizedTime,
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) revocation_reason: Option<CrlReason>,
}

/// `OCSPRequest ::= SEQUENCE { tbsRequest, optionalSignature [0] EXPLICIT Signature OPTIONAL }`
/// (RFC 6960 §4.1.1).
#[derive(Clone, Debug, Sequence)]
pub(crate) struct OcspRequest {
    pub(crate) tbs_request: TbsRequest,
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) optional_signature: Option<Any>,
}

/// `TBSRequest`: who asks (when the request is signed), about which certificates.
#[derive(Clone, Debug, Sequence)]
pub(crate) struct TbsRequest {
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) version: Option<u8>,
    /// A GeneralName, decoded only as far as shown (`request::requestor`): the whole
    /// GeneralName decoder would add 13 KB to the module for a field few requests carry.
    #[asn1(context_specific = "1", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) requestor_name: Option<Any>,
    pub(crate) request_list: Vec<Request>,
    #[asn1(context_specific = "2", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) request_extensions: Option<Extensions>,
}

/// `Request ::= SEQUENCE { reqCert CertID, singleRequestExtensions [0] EXPLICIT OPTIONAL }`.
#[derive(Clone, Debug, Sequence)]
pub(crate) struct Request {
    pub(crate) req_cert: CertId,
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub(crate) single_request_extensions: Option<Extensions>,
}

/// The nonce extension (RFC 6960 §4.4.1).
const NONCE: &str = "1.3.6.1.5.5.7.48.1.2";

/// The nonce of a request's or response's extensions, hex. RFC 8954 makes the extension's
/// value an OCTET STRING holding the nonce; some responders put the nonce there bare.
pub(crate) fn nonce(extensions: Option<&Extensions>) -> Option<String> {
    let value = extension(extensions, NONCE)?;
    Some(crate::hex::colon(inner_octets(value).unwrap_or(value)))
}

/// The value of the extension `oid` (dotted) among `extensions`.
pub(crate) fn extension<'a>(extensions: Option<&'a Extensions>, oid: &str) -> Option<&'a [u8]> {
    extensions
        .into_iter()
        .flatten()
        .find(|e| e.extn_id.to_string() == oid)
        .map(|e| e.extn_value.as_bytes())
}

/// The contents of `value` read as a DER OCTET STRING.
pub(crate) fn inner_octets(value: &[u8]) -> Option<&[u8]> {
    use der::Decode;
    <&der::asn1::OctetStringRef>::from_der(value)
        .ok()
        .map(|o| o.as_bytes())
}
