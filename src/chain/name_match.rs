//! Comparing distinguished names as RFC 5280 §7.1 asks ([RFC 4518] string preparation,
//! simplified): attribute values of string types compare case-insensitively with runs of
//! white space folded and the ends trimmed, whatever string type encoded them; other values
//! compare by their DER. Attributes within an RDN compare as a set.
//!
//! [RFC 4518]: https://www.rfc-editor.org/rfc/rfc4518

use der::{Encode, Tagged};
use x509_cert::name::{Name, RelativeDistinguishedName};

/// A key that is equal for two names exactly when they match.
pub(crate) fn key(name: &Name) -> Vec<u8> {
    key_of_rdns(name.iter_rdn())
}

/// [`key`] of the name made of `rdns`, for names built from parts (a distribution point
/// named relative to its CRL issuer, RFC 5280 §4.2.1.13).
pub(crate) fn key_of_rdns<'a>(
    rdns: impl Iterator<Item = &'a RelativeDistinguishedName>,
) -> Vec<u8> {
    let mut out = Vec::new();
    for rdn in rdns {
        let mut atvs: Vec<Vec<u8>> = rdn
            .iter()
            .map(|atv| {
                let mut a = atv.oid.as_bytes().to_vec();
                a.push(0);
                match crate::cert::decode_string(atv.value.tag(), atv.value.value()) {
                    Some(text) => {
                        a.push(1);
                        let folded: Vec<String> =
                            text.split_whitespace().map(str::to_lowercase).collect();
                        a.extend(folded.join(" ").into_bytes());
                    }
                    None => {
                        a.push(2);
                        a.extend(atv.value.to_der().unwrap_or_default());
                    }
                }
                a
            })
            .collect();
        atvs.sort();
        for a in atvs {
            out.extend(u32::try_from(a.len()).unwrap_or(u32::MAX).to_be_bytes());
            out.extend(a);
        }
        out.push(0xff);
    }
    out
}

#[cfg(test)]
mod tests {
    use core::str::FromStr;

    #[test]
    fn case_and_whitespace_do_not_matter() {
        let a = super::key(
            &x509_cert::name::Name::from_str("CN=Good CA,O=Test Certificates 2011,C=US").unwrap(),
        );
        let b = super::key(
            &x509_cert::name::Name::from_str("CN=  good   ca ,O=TEST Certificates 2011,C=US")
                .unwrap(),
        );
        let c = super::key(
            &x509_cert::name::Name::from_str("CN=Other CA,O=Test Certificates 2011,C=US").unwrap(),
        );
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
