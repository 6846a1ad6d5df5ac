//! The crate's one error type: everything that stops a piece of input from being read.
//!
//! Problems found in input that *was* read (an expired certificate, a weak key) are not
//! errors: they are [`Finding`](crate::Finding)s.

use core::fmt;

/// Why a block of input could not be read.
///
/// Messages are lower case and say what was expected and what was found, so they can be shown
/// to a user as they are, after the [`Location`](crate::Location) of the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The whole input is larger than [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A HAR file larger than [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES) (its recorded
    /// bodies, usually).
    HarTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input holds more blocks than [`MAX_BLOCKS`](crate::MAX_BLOCKS).
    TooManyBlocks {
        /// The limit.
        limit: usize,
    },
    /// Nothing in the input looks like a certificate in any supported encoding.
    NothingRecognised,
    /// A `-----BEGIN …-----` line without its `-----END …-----` line.
    PemMissingEnd {
        /// The label of the BEGIN line.
        label: String,
    },
    /// The END line names a different label from the BEGIN line.
    PemLabelMismatch {
        /// Label on the BEGIN line.
        begin: String,
        /// Label on the END line.
        end: String,
    },
    /// A character that is not base64 inside a PEM body or a bare base64 paste.
    Base64 {
        /// 1-based line of the input.
        line: usize,
        /// The offending character.
        found: char,
    },
    /// Base64 text whose length or padding is wrong.
    Base64Length,
    /// Hex text with an odd number of digits.
    HexOddLength,
    /// The bytes are not valid DER for the expected structure.
    Der {
        /// What was being decoded, e.g. "certificate".
        what: &'static str,
        /// Offset in the decoded DER where decoding failed, when known.
        offset: Option<usize>,
        /// der's description of the failure.
        detail: String,
    },
    /// Input in a format that is not X.509 but is often mistaken for it (a Java KeyStore, a
    /// PuTTY key), with what to do instead.
    OtherFormat {
        /// What the input is, e.g. "a Java KeyStore (JKS)".
        what: &'static str,
        /// How to get something certscope reads, or why there is nothing to read.
        advice: &'static str,
    },
    /// A PEM block of a type certscope recognises but does not analyse.
    UnsupportedBlock {
        /// The PEM label.
        label: String,
    },
    /// A line inside pasted HTTP headers that is not a header field, or a header bound hit.
    HttpLine {
        /// What was wrong.
        message: String,
    },
    /// A document holding certificates or keys (SAML metadata, a JWK Set) that is malformed
    /// or past a bound at this place.
    Document {
        /// The format: "XML" or "JSON".
        format: &'static str,
        /// What was wrong.
        message: String,
    },
    /// An evaluation time that is not RFC 3339 (`2026-03-01` or `2026-03-01T12:00:00Z`).
    BadTime {
        /// The text given.
        given: String,
    },
}

impl Error {
    /// A short stable code for this kind of error, for programs that match on it.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InputTooLarge { .. } | Error::HarTooLarge { .. } => "input-too-large",
            Error::TooManyBlocks { .. } => "too-many-blocks",
            Error::NothingRecognised => "nothing-recognised",
            Error::OtherFormat { .. } => "other-format",
            Error::PemMissingEnd { .. } => "pem-missing-end",
            Error::PemLabelMismatch { .. } => "pem-label-mismatch",
            Error::Base64 { .. } => "base64",
            Error::Base64Length => "base64-length",
            Error::HexOddLength => "hex-odd-length",
            Error::Der { .. } => "der",
            Error::UnsupportedBlock { .. } => "unsupported-block",
            Error::BadTime { .. } => "bad-time",
            Error::HttpLine { .. } => "http-line",
            Error::Document { .. } => "document",
        }
    }

    pub(crate) fn der(what: &'static str, err: der::Error) -> Self {
        Error::Der {
            what,
            offset: err.position().map(|p| u32::from(p) as usize),
            detail: err.kind().to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { size, limit } => {
                write!(f, "input is {size} bytes; the limit is {limit} bytes")
            }
            Error::HarTooLarge { size, limit } => write!(
                f,
                "this HAR file is {size} bytes; the limit is {limit} bytes. Its response bodies \
                 make it large and are not needed: remove them with \
                 jq 'del(.log.entries[].response.content.text)' in.har > out.har \
                 (or record with Playwright's recordHar content: 'omit')"
            ),
            Error::TooManyBlocks { limit } => {
                write!(f, "input holds more than {limit} blocks; the rest were not read")
            }
            Error::NothingRecognised => f.write_str(
                "no certificate found: expected PEM (-----BEGIN CERTIFICATE-----), \
                 base64 or hex of DER, or DER bytes",
            ),
            Error::OtherFormat { what, advice } => {
                write!(f, "this is {what}, not an X.509 certificate: {advice}")
            }
            Error::PemMissingEnd { label } => {
                write!(f, "\"-----BEGIN {label}-----\" has no matching END line")
            }
            Error::PemLabelMismatch { begin, end } => write!(
                f,
                "BEGIN line says \"{begin}\" but END line says \"{end}\""
            ),
            Error::Base64 { line, found } => {
                write!(f, "expected base64 but found {found:?} on line {line}")
            }
            Error::Base64Length => {
                f.write_str("base64 text is truncated or has wrong padding")
            }
            Error::HexOddLength => f.write_str("hex text has an odd number of digits"),
            Error::Der {
                what,
                offset,
                detail,
            } => match offset {
                Some(at) => write!(f, "not a valid DER {what}: {detail} (at byte {at} of the DER)"),
                None => write!(f, "not a valid DER {what}: {detail}"),
            },
            Error::UnsupportedBlock { label } => {
                write!(f, "\"{label}\" blocks are recognised but not analysed")
            }
            Error::HttpLine { message } => f.write_str(message),
            Error::Document { format, message } => write!(f, "{format}: {message}"),
            Error::BadTime { given } => write!(
                f,
                "expected an RFC 3339 time such as 2026-03-01 or 2026-03-01T12:00:00Z, found {given:?}"
            ),
        }
    }
}

impl std::error::Error for Error {}
