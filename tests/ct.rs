//! Certificate Transparency: real certificates' embedded SCTs (tests/data/ct/PROVENANCE)
//! verified against the log list (data/ct/logs.tsv), tampered certificates and SCTs refused,
//! and Python's `cryptography` (OpenSSL underneath) rebuilding the precertificate and checking
//! every SCT signature as an independent oracle on every run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::ct::{self, CtReport, LogState};
use certscope::{inspect, Options};

/// 2018-10-01, while cryptography.io's 2018 certificate was valid.
const AT_2018: u64 = 1_538_352_000;
/// 2026-12-01
const AT: u64 = 1_796_083_200;

fn data(path: &str) -> Vec<u8> {
    std::fs::read(format!("tests/data/ct/{path}")).unwrap()
}

/// The first certificate of a PEM or DER file.
fn der(path: &str) -> Vec<u8> {
    nth(path, 0)
}

/// The `n`th certificate of a PEM file (or the DER file itself).
fn nth(path: &str, n: usize) -> Vec<u8> {
    let bytes = data(path);
    if !bytes.windows(10).any(|w| w == b"-----BEGIN") {
        return bytes;
    }
    let text = String::from_utf8(bytes).unwrap();
    let start = text
        .match_indices("-----BEGIN CERTIFICATE-----")
        .nth(n)
        .unwrap()
        .0;
    let end = start + text[start..].find("-----END CERTIFICATE-----").unwrap() + 25;
    der::pem::decode_vec(&text.as_bytes()[start..end])
        .unwrap()
        .1
}

fn pem(path: &str) -> Vec<u8> {
    der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, &der(path))
        .unwrap()
        .into_bytes()
}

/// The SHA-256 of a certificate's SubjectPublicKeyInfo: what an SCT signs of the issuer.
fn key_hash(issuer: &[u8]) -> Option<[u8; 32]> {
    use der::{Decode, Encode};
    use sha2::{Digest, Sha256};
    let cert = x509_cert::Certificate::from_der(issuer).unwrap();
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .unwrap();
    Some(Sha256::digest(spki).into())
}

/// 90 days, the lifetime of the Let's Encrypt certificates here.
const LIFETIME: u64 = 90 * 86_400;

fn statuses(r: &CtReport) -> Vec<&'static str> {
    r.scts.iter().map(|s| s.signature).collect()
}

/// The two real chains whose logs and issuers are at hand.
const PAIRS: [(&str, &str); 2] = [
    ("cryptography-scts.pem", "letsencryptx3.pem"),
    ("lists.for-our.info.pem", "lets-encrypt-x3-cross-signed.der"),
];

#[test]
fn real_embedded_scts_verify_through_inspect() {
    for (leaf, issuer) in PAIRS {
        let mut input = pem(leaf);
        input.extend(pem(issuer));
        let report = inspect(&input, &Options::at(AT_2018)).unwrap();
        let ct = report.chains[0].ct.as_ref().expect("the leaf carries SCTs");
        assert_eq!(statuses(ct), ["verified", "verified"], "{leaf}");
        let names: Vec<&str> = ct
            .scts
            .iter()
            .map(|s| s.log.as_ref().unwrap().name.as_str())
            .collect();
        assert!(names[0].starts_with("Google 'Icarus' log"), "{names:?}");
        assert!(names[1].starts_with("Sectigo 'Mammoth'"), "{names:?}");
        // Both logs have left Chrome's list: verified, but not counted by Chrome today.
        assert!(ct
            .scts
            .iter()
            .all(|s| s.log.as_ref().unwrap().state == LogState::Absent));
        assert!(!ct.chrome.compliant);
        assert_eq!(ct.chrome.counted, 0);
        assert!(
            ct.chrome.explanation.contains("current list"),
            "{}",
            ct.chrome.explanation
        );
        assert!(ct.log_list.contains("chromium 156"), "{}", ct.log_list);
        assert!(!ct
            .findings
            .iter()
            .any(|f| f.id == "ct.sct-invalid-signature"));
    }
}

#[test]
fn the_precertificate_is_rebuilt_as_pyca_cryptography_expects() {
    let tbs = ct::precert_tbs(&der("cryptography-scts.pem")).unwrap();
    assert_eq!(tbs, data("cryptography-scts-tbs-precert.der"));
}

/// cryptography.io's certificate with one letter of its name changed.
fn changed_certificate() -> Vec<u8> {
    let mut leaf = der("cryptography-scts.pem");
    let at = leaf
        .windows(15)
        .position(|w| w == b"cryptography.io")
        .unwrap();
    leaf[at] = b'k';
    leaf
}

/// cryptography.io's certificate with one bit of its first SCT's signature flipped.
fn changed_sct() -> Vec<u8> {
    let mut leaf = der("cryptography-scts.pem");
    let end = first_sct_signature_end(&leaf);
    leaf[end - 1] ^= 1;
    leaf
}

#[test]
fn a_changed_certificate_fails_every_sct() {
    let r = ct::check(
        &changed_certificate(),
        key_hash(&der("letsencryptx3.pem")),
        LIFETIME,
        AT_2018,
        &[],
    )
    .unwrap();
    assert_eq!(statuses(&r), ["invalid", "invalid"]);
    let f = r
        .findings
        .iter()
        .find(|f| f.id == "ct.sct-invalid-signature")
        .unwrap();
    assert!(
        f.evidence.contains("Icarus") && f.evidence.contains("Mammoth"),
        "{}",
        f.evidence
    );
}

/// The first SCT's signature bytes, located in the certificate.
fn first_sct_signature_end(leaf: &[u8]) -> usize {
    use der::Decode;
    use x509_cert::ext::pkix::sct::SignedCertificateTimestampList;
    let cert = x509_cert::Certificate::from_der(leaf).unwrap();
    let ext = cert
        .tbs_certificate()
        .extensions()
        .unwrap()
        .iter()
        .find(|e| e.extn_id.to_string() == "1.3.6.1.4.1.11129.2.4.2")
        .unwrap();
    let list = SignedCertificateTimestampList::from_der(ext.extn_value.as_bytes()).unwrap();
    let sct = list.parse_timestamps().unwrap()[0]
        .parse_timestamp()
        .unwrap();
    let sig = sct.signature.signature.as_slice().to_vec();
    leaf.windows(sig.len())
        .position(|w| w == sig.as_slice())
        .unwrap()
        + sig.len()
}

#[test]
fn a_changed_sct_fails_alone() {
    let r = ct::check(
        &changed_sct(),
        key_hash(&der("letsencryptx3.pem")),
        LIFETIME,
        AT_2018,
        &[],
    )
    .unwrap();
    assert_eq!(statuses(&r), ["invalid", "verified"]);
}

#[test]
fn the_wrong_issuer_fails_and_a_missing_one_is_named() {
    // An issuer with another key: the issuer key hash differs, so no SCT verifies.
    let other = nth("crates.io-chain.pem", 1);
    let r = ct::check(
        &der("cryptography-scts.pem"),
        key_hash(&other),
        LIFETIME,
        AT_2018,
        &[],
    )
    .unwrap();
    assert_eq!(statuses(&r), ["invalid", "invalid"]);
    // The cross-signed Let's Encrypt X3 has the same key as X3 itself: the SCTs verify.
    let r = ct::check(
        &der("cryptography-scts.pem"),
        key_hash(&der("lets-encrypt-x3-cross-signed.der")),
        LIFETIME,
        AT_2018,
        &[],
    )
    .unwrap();
    assert_eq!(statuses(&r), ["verified", "verified"]);
    // *.peg.a2z.com alone: its logs are known, its issuer is not given.
    let report = inspect(&data("amazon.der"), &Options::at(AT)).unwrap();
    let r = report.chains[0].ct.as_ref().unwrap();
    assert_eq!(statuses(r), ["no-issuer"; 3]);
    let names: Vec<&str> = r
        .scts
        .iter()
        .map(|s| s.log.as_ref().unwrap().name.as_str())
        .collect();
    assert!(names.iter().any(|n| n.contains("Argon2022")), "{names:?}");
}

#[test]
fn scts_of_2024_logs_verify_with_keys_from_apples_list() {
    // crates.io's 2023 certificate: its three 2024 shards have left Chrome's list; Apple's
    // list keeps them, rejected since they expired.
    let report = inspect(&data("crates.io-chain.pem"), &Options::at(AT)).unwrap();
    let r = report.chains[0].ct.as_ref().unwrap();
    assert_eq!(statuses(r), ["verified"; 3]);
    for s in &r.scts {
        let log = s.log.as_ref().unwrap();
        assert_eq!(
            (log.list, log.state),
            ("apple", LogState::Absent),
            "{}",
            log.name
        );
        assert!(log.name.contains("2024"), "{}", log.name);
        let apple = log.apple.as_ref().unwrap();
        assert_eq!(apple.state, certscope::ct::AppleState::Rejected);
    }
    assert!(!r.findings.iter().any(|f| f.id == "ct.unknown-log"));
    assert!(!r.chrome.compliant && !r.apple.compliant);
    assert!(
        r.apple
            .explanation
            .contains("3 SCTs from logs Apple has rejected"),
        "{}",
        r.apple.explanation
    );
}

/// cryptography.io's certificate with its first SCT's log id changed.
fn changed_log_id() -> Vec<u8> {
    let mut leaf = der("cryptography-scts.pem");
    // Icarus's log id, as the first SCT carries it.
    let id = [0x29, 0x3c, 0x51, 0x96, 0x54, 0xc8, 0x39, 0x65];
    let at = leaf.windows(8).position(|w| w == id).unwrap();
    leaf[at + 31] ^= 1;
    leaf
}

#[test]
fn a_log_in_no_list_is_named_unknown() {
    let r = ct::check(
        &changed_log_id(),
        key_hash(&der("letsencryptx3.pem")),
        LIFETIME,
        AT_2018,
        &[],
    )
    .unwrap();
    assert_eq!(statuses(&r), ["unknown-log", "verified"]);
    assert!(r.findings.iter().any(|f| f.id == "ct.unknown-log"));
}

#[test]
fn certificates_without_scts_get_no_ct_report() {
    let report = inspect(&data("letsencryptx3.pem"), &Options::at(AT_2018)).unwrap();
    assert!(report.chains.iter().all(|c| c.ct.is_none()));
}

#[test]
fn pyca_cryptography_agrees_on_every_sct() {
    let dir = std::env::temp_dir().join(format!("certscope-ct-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // The pairs, a changed certificate, a changed SCT and a wrong issuer.
    let mut cases: Vec<(Vec<u8>, Vec<u8>)> = PAIRS.iter().map(|(l, i)| (der(l), der(i))).collect();
    cases.push((changed_certificate(), der("letsencryptx3.pem")));
    cases.push((changed_sct(), der("letsencryptx3.pem")));
    cases.push((changed_log_id(), der("letsencryptx3.pem")));
    cases.push((der("cryptography-scts.pem"), nth("crates.io-chain.pem", 1)));
    cases.push((der("crates.io-chain.pem"), nth("crates.io-chain.pem", 1)));
    cases.push((der("amazon.der"), der("digicert-global-ca-g2.pem")));
    let mut args = Vec::new();
    let mut ours = Vec::new();
    for (n, (leaf, issuer)) in cases.iter().enumerate() {
        let (l, i) = (
            dir.join(format!("{n}-leaf.der")),
            dir.join(format!("{n}-issuer.der")),
        );
        std::fs::write(&l, leaf).unwrap();
        std::fs::write(&i, issuer).unwrap();
        args.push(l.display().to_string());
        args.push(i.display().to_string());
        let r = ct::check(leaf, key_hash(issuer), LIFETIME, AT, &[]).unwrap();
        let tbs = ct::precert_tbs(leaf).unwrap();
        let marks: String = r
            .scts
            .iter()
            .map(|s| match s.signature {
                "verified" => '1',
                "invalid" => '0',
                _ => 'u',
            })
            .collect();
        ours.push(format!("{marks} {}", hex(&tbs)));
    }
    let script = r#"
import base64, hashlib, sys, datetime
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.x509.certificate_transparency import SignatureAlgorithm
keys = {}
for line in open('data/ct/logs.tsv'):
    if line.startswith('#'): continue
    f = line.rstrip('\n').split('\t')
    der = base64.b64decode(f[8])
    keys[hashlib.sha256(der).digest()] = serialization.load_der_public_key(der)
args = sys.argv[1:]
for leaf_path, issuer_path in zip(args[::2], args[1::2]):
    leaf = x509.load_der_x509_certificate(open(leaf_path, 'rb').read())
    issuer = x509.load_der_x509_certificate(open(issuer_path, 'rb').read())
    ikh = hashlib.sha256(issuer.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)).digest()
    tbs = leaf.tbs_precertificate_bytes
    marks = ''
    for sct in leaf.extensions.get_extension_for_class(x509.PrecertificateSignedCertificateTimestamps).value:
        key = keys.get(sct.log_id)
        if key is None:
            marks += 'u'; continue
        ms = round(sct.timestamp.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000)
        msg = (b'\0\0' + ms.to_bytes(8, 'big') + b'\0\1' + ikh + len(tbs).to_bytes(3, 'big') + tbs
               + len(sct.extension_bytes).to_bytes(2, 'big') + sct.extension_bytes)
        try:
            if sct.signature_algorithm == SignatureAlgorithm.ECDSA:
                key.verify(sct.signature, msg, ec.ECDSA(hashes.SHA256()))
            else:
                key.verify(sct.signature, msg, padding.PKCS1v15(), hashes.SHA256())
            marks += '1'
        except Exception:
            marks += '0'
    print(marks, hashlib.sha256(tbs).hexdigest())
"#;
    let python = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(&args)
        .output()
        .expect("python3 (scripts/setup.sh installs it with cryptography)");
    assert!(
        python.status.success(),
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    let oracle: Vec<String> = String::from_utf8(python.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(oracle, ours);
    // The oracle is not trivially agreeing: every mark occurs.
    let all = oracle.join(" ");
    assert!(
        all.contains('1') && all.contains('0') && all.contains('u'),
        "{all}"
    );
}

fn hex(tbs: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(tbs)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// 2022-01-01, while *.peg.a2z.com's certificate was valid.
const AT_2022: u64 = 1_640_995_200;

#[test]
fn a_real_three_certificate_chain_with_three_scts_verifies_whole() {
    let report = inspect(&data("peg.a2z.com-chain.pem"), &Options::at(AT_2022)).unwrap();
    assert_eq!(report.certificates.len(), 3);
    let chain = &report.chains[0];
    assert!(chain.browser.trusted, "{}", chain.browser.summary);
    assert_eq!(chain.browser.path.len(), 3);
    let r = chain.ct.as_ref().unwrap();
    assert_eq!(statuses(r), ["verified"; 3]);
    let operators: Vec<&str> = r
        .scts
        .iter()
        .map(|s| s.log.as_ref().unwrap().operator.as_str())
        .collect();
    assert_eq!(operators, ["Google", "DigiCert", "Cloudflare"]);
    // Their logs have left Chrome's list since: verified, but Chrome no longer counts them.
    assert!(!r.chrome.compliant);
    assert!(
        r.chrome.explanation.contains("left it"),
        "{}",
        r.chrome.explanation
    );
    // Apple has rejected those 2022 shards since they expired, after the time of check.
    assert!(!r.apple.compliant);
    assert!(
        r.apple
            .explanation
            .contains("3 SCTs from logs Apple rejected after the time of check"),
        "{}",
        r.apple.explanation
    );
}
