//! Positions in a text: the line of a byte offset, and the byte offset of a line and column
//! (as `serde_json` reports an error). Shared by the readers of documents (SAML, JWK) and of
//! HAR files.

use crate::Location;

/// Locations of byte offsets in a text (1-based lines), as block 0: blocks are numbered once
/// the document's certificates are all found. The newlines are counted from the last answer,
/// forward or back, so readers that ask in (nearly) document order pay once for the text.
pub(crate) struct Locator<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Locator {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line of `offset`.
    pub(crate) fn line(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let newlines = |from: usize, to: usize| {
            let bytes = self.text.as_bytes().get(from..to).unwrap_or_default();
            bytes.iter().filter(|b| **b == b'\n').count()
        };
        self.line = if offset >= self.offset {
            self.line.saturating_add(newlines(self.offset, offset))
        } else {
            self.line.saturating_sub(newlines(offset, self.offset))
        };
        self.offset = offset;
        self.line
    }

    /// `offset` as a [`Location`] of block 0.
    #[cfg_attr(not(feature = "documents"), allow(dead_code))]
    pub(crate) fn at(&mut self, offset: usize) -> Location {
        let line = self.line(offset);
        Location {
            block: 0,
            line: Some(line),
            byte_offset: self.offset,
        }
    }
}

/// The byte offset of a 1-based `line` and `column`, as `serde_json` reports them.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    start
        .saturating_add(column.saturating_sub(1))
        .min(text.len())
}
