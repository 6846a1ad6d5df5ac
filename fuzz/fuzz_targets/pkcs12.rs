//! Bundles and keys with a password: PKCS#12 parsing, MAC check (PKCS#12 KDF + HMAC), PBES2
//! decryption (PBKDF2 + AES-CBC) and the legacy RFC 7292 schemes (3DES, RC2, RC4), and the
//! keys inside, plus PKCS#7, CSRs and CRLs as DER. The first byte picks the password, so both
//! the right one ("certscope") and wrong ones run.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, der)) = data.split_first() else {
        return;
    };
    let password = if pick % 2 == 0 { "certscope" } else { "wrong" };
    let options = certscope::Options::at(1_795_737_600).password(password);
    if let Ok(report) = certscope::inspect(der, &options) {
        for p in &report.pkcs12 {
            // A password was given: the report never claims none was.
            assert_ne!(p.password, certscope::PasswordState::NoneGiven);
        }
        // Text pasted alongside may itself say "certscope" (libFuzzer learns the word); the
        // report may echo the paste, so only a paste without the word proves a leak.
        if !der.windows(9).any(|w| w == b"certscope") {
            let json = serde_json::to_string(&report).unwrap_or_default();
            assert!(
                !json.contains("\"certscope\""),
                "the password reached the report"
            );
        }
    }
});
