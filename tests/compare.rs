//! Two certificates compared (`certscope::compare`, `certscope diff`): renewals made with
//! `openssl` for each run, as a CA would make them — the same names with a new key, a shorter
//! lifetime, no OCSP URL and no clientAuth; the same key renewed; a different CA — and what
//! certscope says about each.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::path::Path;

use certscope::compare::compare;
use common::openssl_ok as ok;

/// A CA (P-256), then certificates it issues: (file, key file, days, extensions).
fn issue(dir: &Path, ca: &str, out: &str, key: &str, days: &str, ext: &str) {
    std::fs::write(dir.join(format!("{out}.ext")), ext).unwrap();
    if !dir.join(key).exists() {
        let (kind, opt) = if key.starts_with("rsa") {
            ("rsa", "rsa_keygen_bits:2048")
        } else {
            ("ec", "ec_paramgen_curve:P-256")
        };
        ok(
            dir,
            &["genpkey", "-algorithm", kind, "-pkeyopt", opt, "-out", key],
        );
    }
    let csr = format!("{out}.csr");
    ok(
        dir,
        &[
            "req",
            "-new",
            "-key",
            key,
            "-subj",
            "/CN=www.example.test",
            "-out",
            &csr,
        ],
    );
    let (ca_pem, ca_key) = (format!("{ca}.pem"), format!("{ca}.key"));
    let (pem, extfile) = (format!("{out}.pem"), format!("{out}.ext"));
    ok(
        dir,
        &[
            "x509", "-req", "-in", &csr, "-CA", &ca_pem, "-CAkey", &ca_key, "-out", &pem, "-days",
            days, "-extfile", &extfile,
        ],
    );
}

fn ca(dir: &Path, name: &str) {
    ok(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.pem"),
            "-days",
            "900",
            "-subj",
            &format!("/CN={name}"),
            "-addext",
            "basicConstraints=critical,CA:TRUE",
        ],
    );
}

const OLD: &str = "subjectAltName=DNS:www.example.test,DNS:example.test\n\
    extendedKeyUsage=serverAuth,clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n\
    authorityInfoAccess=OCSP;URI:http://ocsp.ca.test,caIssuers;URI:http://ca.test/ca.crt\n\
    subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n";
const NEW: &str = "subjectAltName=DNS:www.example.test,DNS:example.test\n\
    extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n\
    authorityInfoAccess=caIssuers;URI:http://ca.test/ca.crt\n\
    subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n";

fn read(dir: &Path, f: &str) -> Vec<u8> {
    std::fs::read(dir.join(f)).unwrap()
}

const AT: u64 = 1_800_000_000;

#[test]
fn a_renewal_with_a_new_key_is_said_in_plain_words() {
    let dir = common::scratch("compare");
    ca(&dir, "Test CA");
    issue(&dir, "Test CA", "old", "rsa-old.key", "398", OLD);
    issue(&dir, "Test CA", "new", "ec-new.key", "90", NEW);
    let c = compare(&read(&dir, "old.pem"), &read(&dir, "new.pem"), AT).unwrap();
    assert!(!c.identical);
    assert_eq!(
        c.summary,
        "Renewal with the same names and a new key (RSA 2048 bits → EC P-256); \
         the lifetime went from 398 to 90 days; \
         the extended key usage went from serverAuth, clientAuth to serverAuth; \
         the key usage went from digitalSignature, keyEncipherment to digitalSignature; \
         the OCSP URL is gone"
    );
    let fields: Vec<(&str, &str)> = c
        .differences
        .iter()
        .map(|d| (d.field.as_str(), d.change))
        .collect();
    assert_eq!(
        fields,
        [
            ("Public key", "changed"),
            ("Serial number", "changed"),
            ("Validity", "changed"),
            ("Extended Key Usage", "changed"),
            ("Key Usage", "changed"),
            ("Authority Information Access", "changed"),
        ]
    );
    for same in [
        "Subject",
        "Names",
        "Issuer",
        "Issuer key (AKI)",
        "Signature algorithm",
    ] {
        assert!(c.same.iter().any(|s| s == same), "{same} in {:?}", c.same);
    }
    // The DER form of the same certificate reads the same.
    ok(
        &dir,
        &[
            "x509", "-in", "new.pem", "-outform", "DER", "-out", "new.der",
        ],
    );
    let der = compare(&read(&dir, "new.pem"), &read(&dir, "new.der"), AT).unwrap();
    assert!(der.identical && der.differences.is_empty());
    assert_eq!(der.summary, "The same certificate");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn same_key_renewals_other_cas_and_other_names() {
    let dir = common::scratch("compare");
    ca(&dir, "Test CA");
    ca(&dir, "Other CA");
    issue(&dir, "Test CA", "first", "ec.key", "90", NEW);
    issue(&dir, "Test CA", "again", "ec.key", "90", NEW);
    let c = compare(&read(&dir, "first.pem"), &read(&dir, "again.pem"), AT).unwrap();
    assert_eq!(c.summary, "Renewal with the same names and the same key");
    assert!(c.same.iter().any(|s| s == "Public key"));

    issue(&dir, "Other CA", "moved", "ec.key", "90", NEW);
    let c = compare(&read(&dir, "first.pem"), &read(&dir, "moved.pem"), AT).unwrap();
    assert_eq!(
        c.summary,
        "Renewal with the same names and the same key; issued by a different CA (Test CA → Other CA)"
    );

    let other = NEW.replace("DNS:example.test", "DNS:api.example.test");
    issue(&dir, "Test CA", "names", "ec.key", "90", &other);
    let c = compare(&read(&dir, "first.pem"), &read(&dir, "names.pem"), AT).unwrap();
    assert_eq!(
        c.summary,
        "Reissue with different names (added api.example.test; removed example.test), same key"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_leaf_of_a_chain_is_compared_and_bad_input_is_named() {
    let chain = std::fs::read("tests/data/generated/p256-chain.pem").unwrap();
    let leaf = std::fs::read("tests/data/generated/p256-leaf.pem").unwrap();
    let c = compare(&chain, &leaf, AT).unwrap();
    assert!(c.identical, "{}", c.summary);
    assert_eq!(
        compare(b"hello", &leaf, AT).unwrap_err(),
        "the first certificate: no certificate found"
    );
    assert!(compare(&leaf, b"", AT)
        .unwrap_err()
        .starts_with("the second certificate: "));
}
