//! Formats people paste or drop expecting a certificate that are something else: Java
//! KeyStores, PuTTY keys, OpenPGP armor. (OpenSSH keys and certificates are explained: the ssh capability.) Named, with what to do instead, rather
//! than reported as "no certificate found".

use crate::Error;

/// Binary files, by their magic number.
const BINARY: &[(&[u8], &str, &str)] = &[
    (
        &[0xfe, 0xed, 0xfe, 0xed],
        "a Java KeyStore (JKS)",
        "convert it with `keytool -importkeystore -srckeystore store.jks -destkeystore \
         store.p12 -deststoretype pkcs12` and drop the .p12 here, or export one certificate \
         with `keytool -exportcert -rfc -alias NAME -keystore store.jks`",
    ),
    (
        &[0xce, 0xce, 0xce, 0xce],
        "a Java JCEKS keystore",
        "convert it with `keytool -importkeystore -srcstoretype jceks -srckeystore store.jceks \
         -destkeystore store.p12 -deststoretype pkcs12` and drop the .p12 here",
    ),
];

/// Text, by how it starts (after leading whitespace).
const TEXT: &[(&str, &str, &str)] = &[(
    "PuTTY-User-Key-File-",
    "a PuTTY private key (.ppk)",
    "PuTTY keys log in to SSH servers and play no part in HTTPS; being a private key, it \
         should not be pasted anywhere",
)];

/// An OpenPGP armored block (`-----BEGIN PGP PUBLIC KEY BLOCK-----`, [RFC 9580 §6.2]): it
/// looks like PEM but is not, so it is named instead of failing as bad base64.
///
/// [RFC 9580 §6.2]: https://www.rfc-editor.org/rfc/rfc9580#section-6.2
pub(crate) fn pgp_armor(label: &str) -> Option<Error> {
    label.starts_with("PGP ").then_some(Error::OtherFormat {
        what: "OpenPGP armor (a PGP key, signature or message)",
        advice: "OpenPGP keys sign e-mail and software releases and play no part in HTTPS; \
                 certscope does not read them (`gpg --list-packets` shows what it holds)",
    })
}

/// What `bytes` is, when it is one of the formats above.
pub(crate) fn recognise(bytes: &[u8]) -> Option<Error> {
    let binary = BINARY
        .iter()
        .find(|(magic, _, _)| bytes.starts_with(magic))
        .map(|(_, what, advice)| (*what, *advice));
    let text = || {
        let text = core::str::from_utf8(bytes).ok()?.trim_start();
        TEXT.iter()
            .find(|(start, _, _)| text.starts_with(start))
            .map(|(_, what, advice)| (*what, *advice))
    };
    binary
        .or_else(text)
        .map(|(what, advice)| Error::OtherFormat { what, advice })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(bytes: &[u8]) -> Option<&'static str> {
        match recognise(bytes)? {
            Error::OtherFormat { what, .. } => Some(what),
            _ => None,
        }
    }

    #[test]
    fn names_keystores_and_ssh_keys() {
        assert_eq!(
            what(&[0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]),
            Some("a Java KeyStore (JKS)")
        );
        assert_eq!(
            what(&[0xce, 0xce, 0xce, 0xce, 0, 0, 0, 2]),
            Some("a Java JCEKS keystore")
        );
        assert_eq!(
            what(b"PuTTY-User-Key-File-3: ssh-ed25519\n"),
            Some("a PuTTY private key (.ppk)")
        );
        assert!(matches!(
            pgp_armor("PGP PUBLIC KEY BLOCK"),
            Some(Error::OtherFormat { .. })
        ));
        assert!(pgp_armor("CERTIFICATE").is_none());
        // Certificates and prose are not claimed.
        assert_eq!(what(b"MIIBszCCAVmgAwIBAgIBATAKBggqhkjOPQQDAjA"), None);
        assert_eq!(what(b"0\x82\x01\x00"), None);
        assert_eq!(what(b"some notes about ssh"), None);
    }
}
