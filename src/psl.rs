//! Public suffixes ([publicsuffix.org](https://publicsuffix.org/)) for the wildcard rule of
//! chain verdicts: a wildcard whose base is itself a public suffix (`*.co.uk`,
//! `*.s3.amazonaws.com`) stands for a whole registry. Chrome refuses wildcards over ICANN
//! suffixes (`net/cert/x509_certificate.cc`, `VerifyHostname`) and accepts them over private
//! ones (`*.appspot.com`); the CA/Browser Forum forbids both (BR §3.2.2.6).
//!
//! The list (`data/psl/all.dat`, both sections, from `scripts/psl.sh`) is read by the
//! maintained `publicsuffix` crate in the `psl` capability: natively linked in, on the web its
//! own module, which the core asks through `services.js` and loads only for a wildcard
//! certificate checked against a host.

/// The list's date, as its source names it (`data/psl/all.dat`'s header; a test keeps them equal).
pub const PUBLIC_SUFFIX_LIST: &str =
    "Public Suffix List of 2023-02-09 (Debian's publicsuffix 20230209.2326-1)";

/// The section of the list a suffix is in.
#[cfg_attr(
    not(any(feature = "psl", all(target_arch = "wasm32", not(feature = "module")))),
    allow(dead_code)
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// Registries under ICANN's authority (`co.uk`).
    Icann,
    /// Domains whose owners ask to be treated as registries (`s3.amazonaws.com`).
    Private,
}

impl Section {
    #[cfg(feature = "psl")]
    fn code(self) -> u8 {
        match self {
            Section::Icann => 1,
            Section::Private => 2,
        }
    }

    #[cfg(all(not(feature = "psl"), target_arch = "wasm32", not(feature = "module")))]
    fn from_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(Section::Icann),
            2 => Some(Section::Private),
            _ => None,
        }
    }
}

#[cfg(feature = "psl")]
fn list() -> &'static publicsuffix::List {
    static LIST: std::sync::OnceLock<publicsuffix::List> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../data/psl/all.dat")
            .parse()
            .unwrap_or_default()
    })
}

/// Whether `domain` (lowercase, no trailing dot) is itself a listed public suffix, and in
/// which section (an unknown top-level label is not: private networks use them).
#[cfg(feature = "psl")]
fn section_of(domain: &str) -> Option<Section> {
    use publicsuffix::Psl as _;
    let suffix = list().suffix(domain.as_bytes())?;
    if suffix.as_bytes() != domain.as_bytes() {
        return None;
    }
    match suffix.typ()? {
        publicsuffix::Type::Icann => Some(Section::Icann),
        publicsuffix::Type::Private => Some(Section::Private),
    }
}

/// [`section_of`] as the psl module exports it: 0 none, 1 ICANN, 2 private.
#[cfg(feature = "psl")]
#[cfg_attr(not(feature = "module"), allow(dead_code))]
pub(crate) fn code(domain: &str) -> u8 {
    section_of(domain).map_or(0, Section::code)
}

/// Whether `domain` is a public suffix: `Err(())` when the list is not at hand (the psl
/// module not loaded yet).
pub(crate) fn lookup(domain: &str) -> Result<Option<Section>, ()> {
    #[cfg(feature = "psl")]
    {
        Ok(section_of(domain))
    }
    #[cfg(all(not(feature = "psl"), target_arch = "wasm32", not(feature = "module")))]
    {
        crate::wasm::services::public_suffix(domain).map(Section::from_code)
    }
    #[cfg(all(
        not(feature = "psl"),
        any(not(target_arch = "wasm32"), feature = "module")
    ))]
    {
        let _ = domain;
        Err(())
    }
}

#[cfg(all(test, feature = "psl"))]
mod tests {
    use super::*;

    #[test]
    fn both_sections_are_read() {
        assert_eq!(section_of("com"), Some(Section::Icann));
        assert_eq!(section_of("co.uk"), Some(Section::Icann));
        assert_eq!(section_of("s3.amazonaws.com"), Some(Section::Private));
        assert_eq!(section_of("github.io"), Some(Section::Private));
        assert_eq!(section_of("example.com"), None);
        assert_eq!(section_of("example.co.uk"), None);
        // Unknown top-level labels are suffixes only by the default rule: not listed.
        assert_eq!(section_of("internal"), None);
        assert_eq!(section_of("corp.internal"), None);
    }

    #[test]
    fn the_date_named_is_the_data_files() {
        let header = include_str!("../data/psl/all.dat")
            .lines()
            .nth(1)
            .unwrap_or("");
        assert!(header.contains("publicsuffix 20230209.2326-1"), "{header}");
        assert!(PUBLIC_SUFFIX_LIST.contains("20230209.2326-1"));
    }
}
