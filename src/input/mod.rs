//! Splitting a paste into typed blocks.
//!
//! People paste terminal output, not clean files. This module finds every block it can
//! ([RFC 7468] PEM anywhere in the text, bare base64 or hex of DER, raw DER bytes) and gives
//! each a number and a [`Location`], so that one bad block never hides the good ones beside it.
//!
//! [RFC 7468]: https://www.rfc-editor.org/rfc/rfc7468

mod encoding;
mod pem;

use crate::{Error, Location, Problem};

/// The largest input read at all, in bytes (8 MiB).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// The most blocks read from one input; later ones are reported, not read.
pub const MAX_BLOCKS: usize = 20_000;

/// What a block holds, judged from its PEM label or its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// An X.509 certificate. `trusted` marks OpenSSL's `TRUSTED CERTIFICATE`, whose DER is
    /// followed by OpenSSL's trust settings.
    Certificate { trusted: bool },
    /// A private key of any format. Its bytes are dropped as soon as it is recognised.
    PrivateKey { label: String },
    /// A PEM block of another type, recognised but not analysed.
    Other { label: String },
}

/// A block, or why it could not be read (boxed: problems are rare and large).
pub(crate) type Item = Result<Block, Box<Problem>>;

/// One block of input, decoded to DER.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub(crate) location: Location,
    pub(crate) kind: BlockKind,
    pub(crate) der: Vec<u8>,
}

/// Splits `input` into blocks. Only an input too large to read at all is an `Err`; every
/// problem inside it is an `Err` item at its own location.
pub(crate) fn split(input: &[u8]) -> Result<Vec<Item>, Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            size: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let mut blocks = match core::str::from_utf8(input) {
        Ok(text) => split_text(text),
        Err(_) if pem::contains_pem(input) => split_text(&String::from_utf8_lossy(input)),
        Err(_) => encoding::split_der(input, 0, None),
    };
    if blocks.len() > MAX_BLOCKS {
        blocks.truncate(MAX_BLOCKS);
        let at = Location {
            block: MAX_BLOCKS.saturating_add(1),
            line: None,
            byte_offset: input.len(),
        };
        blocks.push(Err(Problem::boxed(
            at,
            Error::TooManyBlocks { limit: MAX_BLOCKS },
        )));
    }
    Ok(blocks)
}

fn split_text(text: &str) -> Vec<Item> {
    let blocks = pem::split(text);
    if !blocks.is_empty() {
        return blocks;
    }
    encoding::split_bare_text(text)
}

/// Classifies a PEM label ([RFC 7468 §5–§13], plus OpenSSL's legacy key labels).
///
/// [RFC 7468 §5–§13]: https://www.rfc-editor.org/rfc/rfc7468#section-5
pub(crate) fn kind_of_label(label: &str) -> BlockKind {
    match label {
        "CERTIFICATE" | "X509 CERTIFICATE" | "X.509 CERTIFICATE" => {
            BlockKind::Certificate { trusted: false }
        }
        "TRUSTED CERTIFICATE" => BlockKind::Certificate { trusted: true },
        l if l.ends_with("PRIVATE KEY") => BlockKind::PrivateKey {
            label: label.to_owned(),
        },
        _ => BlockKind::Other {
            label: label.to_owned(),
        },
    }
}
