//! ML-DSA (FIPS 204) in X.509 (RFC 9881): the IETF's example certificates for each parameter
//! set, and an ML-DSA chain, CSR and CRL signed by OpenSSL's ML-DSA through Python's
//! `cryptography` (tests/data/pqc/make.py). Python's `cryptography` checks the same signatures
//! as an independent oracle when it is installed (`scripts/setup.sh` installs it).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::{inspect, Options, Roots};

/// 2026-12-01
const AT: u64 = 1_796_083_200;

fn data(path: &str) -> Vec<u8> {
    std::fs::read(format!("tests/data/pqc/{path}")).unwrap()
}

#[test]
fn the_ietf_examples_are_self_signed_ml_dsa_roots() {
    for set in ["44", "65", "87"] {
        let report = inspect(&data(&format!("ML-DSA-{set}.crt")), &Options::at(AT)).unwrap();
        let cert = &report.certificates[0];
        let name = format!("ML-DSA-{set}");
        assert_eq!(cert.public_key.algorithm, name);
        assert_eq!(cert.signature_algorithm.name, name);
        assert!(
            cert.public_key.description.contains("FIPS 204"),
            "{}",
            cert.public_key.description
        );
        // The self-signature verifies: only then is it a self-signed root.
        assert!(cert.self_signed, "{name}: its own signature verifies");
        assert!(
            cert.findings.iter().any(|f| f.id == "cert.pqc-key"),
            "{name}"
        );
        assert!(report.pending.is_empty(), "{:?}", report.pending);
    }
}

#[test]
fn an_ml_dsa_chain_verifies_up_to_its_root() {
    let roots = Roots::Custom {
        certificates: data("root.pem"),
        with_mozilla: false,
    };
    let options = Options::at(AT).roots(roots).host("www.certscope.test");
    let report = inspect(&data("chain.pem"), &options).unwrap();
    let chain = &report.chains[0];
    assert!(chain.strict.trusted, "{}", chain.strict.summary);
    assert_eq!(chain.strict.path.len(), 3);
    // Browsers do not take ML-DSA certificates yet: the browser verdict says so.
    let problem = chain.browser.problem.as_ref().unwrap();
    assert_eq!(problem.code, "unsupported-by-browsers");
    assert!(
        problem.message.contains("signed with ML-DSA-65"),
        "{}",
        problem.message
    );
    let algorithms: Vec<&str> = report
        .certificates
        .iter()
        .map(|c| c.public_key.algorithm.as_str())
        .collect();
    assert_eq!(algorithms, ["ML-DSA-44", "ML-DSA-65", "ML-DSA-87"]);
}

#[test]
fn a_changed_certificate_fails_its_ml_dsa_signature() {
    let roots = Roots::Custom {
        certificates: data("root.pem"),
        with_mozilla: false,
    };
    let mut input = data("leaf-tampered.pem");
    input.extend(data("root.pem"));
    let report = inspect(&input, &Options::at(AT).roots(roots)).unwrap();
    let chain = &report.chains[0];
    assert!(!chain.strict.trusted);
    let problem = chain.strict.problem.as_ref().unwrap();
    assert!(
        problem.message.contains("signature"),
        "{}: {}",
        problem.code,
        problem.message
    );
}

#[test]
fn ml_dsa_csrs_and_crls_are_verified() {
    let csr = inspect(&data("leaf.csr"), &Options::at(AT)).unwrap();
    assert!(csr.requests[0].signature_valid);
    let mut input = data("intermediate.crl");
    input.extend(data("chain.pem"));
    let crl = inspect(&input, &Options::at(AT)).unwrap();
    assert_eq!(crl.crls[0].signed_by, Some(1), "signed by the intermediate");
}

#[test]
fn python_cryptography_agrees_on_every_signature() {
    // The oracle: OpenSSL's ML-DSA through Python's `cryptography` (48+).
    let script = r#"
import sys
from cryptography import x509
def check(cert, issuer):
    try:
        issuer.public_key().verify(cert.signature, cert.tbs_certificate_bytes); return True
    except Exception: return False
out = []
for n in ('44', '65', '87'):
    c = x509.load_pem_x509_certificate(open(f'tests/data/pqc/ML-DSA-{n}.crt', 'rb').read())
    out.append(check(c, c))
chain = x509.load_pem_x509_certificates(open('tests/data/pqc/chain.pem', 'rb').read())
out += [check(c, i) for c, i in zip(chain, chain[1:] + chain[-1:])]
bad = x509.load_pem_x509_certificates(open('tests/data/pqc/leaf-tampered.pem', 'rb').read())
out.append(check(bad[0], bad[1]))
print(' '.join('1' if x else '0' for x in out))
"#;
    let python = std::process::Command::new("python3")
        .args(["-c", script])
        .output()
        .expect("python3 (scripts/setup.sh installs it with cryptography)");
    let oracle = String::from_utf8(python.stdout).unwrap();
    assert!(
        python.status.success(),
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    // certscope's answers for the same pairs.
    let mut ours = Vec::new();
    for n in ["44", "65", "87"] {
        let r = inspect(&data(&format!("ML-DSA-{n}.crt")), &Options::at(AT)).unwrap();
        ours.push(r.certificates[0].self_signed);
    }
    let roots = || Roots::Custom {
        certificates: data("root.pem"),
        with_mozilla: false,
    };
    let chain = inspect(&data("chain.pem"), &Options::at(AT).roots(roots())).unwrap();
    ours.extend([chain.chains[0].strict.trusted; 2]);
    ours.push(chain.certificates[2].self_signed);
    let mut bad = data("leaf-tampered.pem");
    bad.extend(data("root.pem"));
    let bad = inspect(&bad, &Options::at(AT).roots(roots())).unwrap();
    ours.push(bad.chains[0].strict.trusted);
    let ours: Vec<&str> = ours.iter().map(|b| if *b { "1" } else { "0" }).collect();
    assert_eq!(oracle.trim(), ours.join(" "));
    assert_eq!(oracle.trim(), "1 1 1 1 1 1 0");
}

#[test]
fn ml_dsa_private_keys_are_matched_in_every_form() {
    let certs: Vec<u8> = ["44", "65", "87"]
        .iter()
        .flat_map(|n| data(&format!("ML-DSA-{n}.crt")))
        .collect();
    for (i, n) in ["44", "65", "87"].iter().enumerate() {
        for form in ["seed", "both", "expanded"] {
            let mut input = data(&format!("ML-DSA-{n}-{form}.priv"));
            input.push(b'\n');
            input.extend(&certs);
            let report = inspect(&input, &Options::at(AT)).unwrap();
            let key = &report.keys[0];
            assert_eq!(
                key.matches_certificates,
                [i],
                "ML-DSA-{n} {form}: {:?}",
                key.note
            );
        }
    }
    // The RFC's inconsistent example: a seed and an expanded key that do not belong together.
    let report = inspect(&data("bad-ML-DSA-44-1.priv"), &Options::at(AT)).unwrap();
    assert!(report.keys[0]
        .note
        .as_deref()
        .unwrap()
        .contains("do not belong together"));
    // Its inconsistent expanded key with a wrong tr is refused.
    let report = inspect(&data("bad-ML-DSA-44-2.priv"), &Options::at(AT)).unwrap();
    assert!(report.keys[0].public_key.is_none());
    let note = report.keys[0].note.as_deref().unwrap();
    assert!(note.contains("tr is not the hash"), "{note}");
    // The one whose t0 belongs to no s1 and s2 is not detected (documented in the README): its
    // public key (from ρ, s1 and s2, which its tr agrees with) is the ML-DSA-44 example's.
    let mut input = data("bad-ML-DSA-44-3.priv");
    input.push(b'\n');
    input.extend(data("ML-DSA-44.crt"));
    let report = inspect(&input, &Options::at(AT)).unwrap();
    assert_eq!(report.keys[0].matches_certificates, [0]);
}

/// The RFC's expanded-only ML-DSA-44 key (PKCS#8 DER) with `change` applied to its bytes, as
/// PEM followed by the matching certificate.
fn damaged_expanded_key(change: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
    let (_, mut der) = der::pem::decode_vec(&data("ML-DSA-44-expanded.priv")).unwrap();
    change(&mut der);
    let mut input = der::pem::encode_string("PRIVATE KEY", der::pem::LineEnding::LF, &der)
        .unwrap()
        .into_bytes();
    input.extend(data("ML-DSA-44.crt"));
    input
}

#[test]
fn a_damaged_expanded_ml_dsa_key_is_refused_not_matched() {
    // The expanded key ends the DER: ρ, K, tr (128 bytes), s1 and s2 (384 bytes each at 3 bits
    // a coefficient), t0 (1,664 bytes).
    let s1 = |der: &mut Vec<u8>| {
        let at = der.len() - 2560 + 130;
        der[at] = 0xff; // packed values of 7, where 2η = 4 is the most a key can hold
    };
    let tr = |der: &mut Vec<u8>| {
        let at = der.len() - 2560 + 70;
        der[at] ^= 0x01;
    };
    let s1_in_range = |der: &mut Vec<u8>| {
        // s1's first coefficient (the low 3 bits of its first byte) moved by one, in range
        // still: t = A·s1 + s2 moves, and its high bits (the public key) with it.
        let at = der.len() - 2560 + 128;
        let c = der[at] & 7;
        der[at] = (der[at] & !7) | if c == 0 { 1 } else { c - 1 };
    };
    for (change, why) in [
        (&s1 as &dyn Fn(&mut Vec<u8>), "outside [−η, η]"),
        (&tr, "tr is not the hash of the public key"),
        (&s1_in_range, "tr is not the hash of the public key"),
    ] {
        let report = inspect(&damaged_expanded_key(change), &Options::at(AT)).unwrap();
        let key = &report.keys[0];
        assert!(key.public_key.is_none());
        assert!(key.matches_certificates.is_empty());
        let note = key.note.as_deref().unwrap();
        assert!(note.contains(why), "{note}");
    }
}

/// The twelve SLH-DSA parameter sets (FIPS 205), as tests/data/pqc/make-slh-dsa.py names them.
const SLH_DSA: [&str; 12] = [
    "SHA2-128s",
    "SHA2-128f",
    "SHA2-192s",
    "SHA2-192f",
    "SHA2-256s",
    "SHA2-256f",
    "SHAKE-128s",
    "SHAKE-128f",
    "SHAKE-192s",
    "SHAKE-192f",
    "SHAKE-256s",
    "SHAKE-256f",
];

/// Every SLH-DSA certificate here, with the name of its parameter set: one per set signed by
/// PyPI's `slh-dsa` (a FIPS 205 implementation apart from the RustCrypto one certscope uses),
/// and the IETF lamps example for SLH-DSA-SHA2-128s.
fn slh_dsa_certificates() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = SLH_DSA
        .iter()
        .map(|s| (format!("SLH-DSA-{s}.crt"), format!("SLH-DSA-{s}")))
        .collect();
    out.push((
        "ietf-SLH-DSA-SHA2-128s.crt".into(),
        "SLH-DSA-SHA2-128s".into(),
    ));
    out
}

#[test]
fn every_slh_dsa_parameter_set_verifies() {
    for (file, name) in slh_dsa_certificates() {
        let report = inspect(&data(&file), &Options::at(AT)).unwrap();
        let cert = &report.certificates[0];
        assert_eq!(cert.public_key.algorithm, name, "{file}");
        assert_eq!(cert.signature_algorithm.name, name, "{file}");
        assert!(cert.self_signed, "{file}: its own signature verifies");
        assert!(
            cert.findings.iter().any(|f| f.id == "cert.pqc-key"),
            "{file}"
        );
        assert!(report.pending.is_empty(), "{file}: {:?}", report.pending);
    }
}

/// A certificate whose signature lost one bit, written where Python can read it too.
fn tampered_slh_dsa() -> Vec<u8> {
    let pem = data("SLH-DSA-SHAKE-128f.crt");
    let (_, mut der) = der::pem::decode_vec(&pem).unwrap();
    let last = der.len() - 1;
    der[last] ^= 1;
    der
}

#[test]
fn slh_dsa_private_keys_are_matched_to_their_certificates() {
    let certificates: Vec<u8> = SLH_DSA
        .iter()
        .flat_map(|set| data(&format!("SLH-DSA-{set}.crt")))
        .collect();
    for (i, set) in SLH_DSA.iter().enumerate() {
        let mut input = data(&format!("SLH-DSA-{set}.priv"));
        input.extend(&certificates);
        let report = inspect(&input, &Options::at(AT)).unwrap();
        let key = &report.keys[0];
        assert_eq!(key.matches_certificates, [i], "{set}: {:?}", key.note);
    }
    // One byte short is not a key of its parameter set.
    let (_, mut der) = der::pem::decode_vec(&data("SLH-DSA-SHA2-128s.priv")).unwrap();
    der.pop();
    let short = der::pem::encode_string("PRIVATE KEY", der::pem::LineEnding::LF, &der).unwrap();
    let report = inspect(short.as_bytes(), &Options::at(AT)).unwrap();
    assert!(report.keys.first().is_none_or(|k| k.public_key.is_none()));
}

#[test]
fn a_changed_slh_dsa_signature_fails() {
    let report = inspect(&tampered_slh_dsa(), &Options::at(AT)).unwrap();
    assert!(!report.certificates[0].self_signed);
}

#[test]
fn pypi_slh_dsa_agrees_on_every_signature() {
    let dir = std::env::temp_dir().join(format!("certscope-slh-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tampered = dir.join("tampered.der");
    std::fs::write(&tampered, tampered_slh_dsa()).unwrap();
    let mut files: Vec<String> = slh_dsa_certificates()
        .iter()
        .map(|(f, _)| format!("tests/data/pqc/{f}"))
        .collect();
    files.push(tampered.display().to_string());
    // The oracle: PyPI's slh-dsa, pure SLH-DSA with an empty context over the TBSCertificate.
    let script = r#"
import sys, slhdsa
from cryptography import x509
SETS = {20: 'sha2_128s', 21: 'sha2_128f', 22: 'sha2_192s', 23: 'sha2_192f', 24: 'sha2_256s',
        25: 'sha2_256f', 26: 'shake_128s', 27: 'shake_128f', 28: 'shake_192s', 29: 'shake_192f',
        30: 'shake_256s', 31: 'shake_256f'}
def items(der):
    out, i = [], 0
    while i < len(der):
        tag, n, i = der[i], der[i + 1], i + 2
        if n & 0x80:
            k = n & 0x7f; n = int.from_bytes(der[i:i + k], 'big'); i += k
        out.append((tag, der[i:i + n])); i += n
    return out
out = []
for path in sys.argv[1:]:
    raw = open(path, 'rb').read()
    cert = (x509.load_pem_x509_certificate if raw.startswith(b'-----') else x509.load_der_x509_certificate)(raw)
    tbs = cert.tbs_certificate_bytes
    fields = items(items(tbs)[0][1])
    spki = [v for t, v in fields if t == 0x30][4]
    alg, key = items(spki)
    oid = items(alg[1])[0][1]
    par = getattr(slhdsa, SETS[oid[-1]])
    public = key[1][1:]
    half = len(public) // 2
    ok = slhdsa.PublicKey((public[:half], public[half:]), par).verify_pure(tbs, cert.signature)
    out.append('1' if ok else '0')
print(' '.join(out))
"#;
    let python = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(&files)
        .output()
        .expect("python3 (scripts/setup.sh installs it with slh-dsa and cryptography)");
    assert!(
        python.status.success(),
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    let oracle = String::from_utf8(python.stdout).unwrap();
    let ours: Vec<&str> = files
        .iter()
        .map(|f| {
            let r = inspect(&std::fs::read(f).unwrap(), &Options::at(AT)).unwrap();
            if r.certificates[0].self_signed {
                "1"
            } else {
                "0"
            }
        })
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(oracle.trim(), ours.join(" "));
    assert!(oracle.contains('0') && oracle.contains('1'), "{oracle}");
}

/// The eighteen composite algorithms of the draft, by their test-vector names, and whether
/// certscope checks both halves (brainpool curves and Ed448 are not verified).
fn composite_certificates() -> Vec<(String, bool)> {
    let mut names: Vec<(String, bool)> = std::fs::read_dir("tests/data/pqc/composite")
        .unwrap()
        .map(|e| {
            let file = e.unwrap().file_name().into_string().unwrap();
            let name = file.trim_end_matches(".crt").to_owned();
            let checked = !name.contains("brainpool") && !name.contains("Ed448");
            (name, checked)
        })
        .collect();
    names.sort();
    names
}

#[test]
fn the_composite_examples_verify_both_halves() {
    let all = composite_certificates();
    assert_eq!(all.len(), 18);
    for (name, checked) in &all {
        let pem = data(&format!("composite/{name}.crt"));
        let report = inspect(&pem, &Options::at(AT)).unwrap();
        let cert = &report.certificates[0];
        assert_eq!(cert.public_key.algorithm, *name);
        assert_eq!(cert.signature_algorithm.name, *name);
        assert!(
            cert.public_key.description.contains("composite"),
            "{}",
            cert.public_key.description
        );
        assert!(
            cert.findings.iter().any(|f| f.id == "cert.pqc-key"),
            "{name}"
        );
        let unverified = cert
            .findings
            .iter()
            .find(|f| f.id == "cert.self-signature-unverified");
        if *checked {
            assert!(cert.self_signed, "{name}: {unverified:?}");
        } else {
            // Not a failure: the report says which half is not checked, and why.
            let why = &unverified.unwrap().explanation;
            assert!(!cert.self_signed);
            assert!(
                why.contains("its ML-DSA half verifies; its traditional half cannot be checked: ")
                    && (why.contains("curve brainpool") || why.contains("Ed448")),
                "{name}: {why}"
            );
        }
    }
}

/// The composite certificate `name` (DER) with one byte changed `from_end` bytes before its
/// end: the signature BIT STRING ends a certificate, its ML-DSA half first, then the
/// traditional one.
fn tampered_composite(name: &str, from_end: usize) -> Vec<u8> {
    let pem = data(&format!("composite/{name}.crt"));
    let (_, mut der) = der::pem::decode_vec(&pem).unwrap();
    let i = der.len() - from_end;
    der[i] ^= 0x01;
    der
}

#[test]
fn a_composite_signature_fails_when_either_half_is_changed() {
    for name in [
        "MLDSA44-ECDSA-P256-SHA256",
        "MLDSA44-Ed25519-SHA512",
        "MLDSA65-RSA3072-PSS-SHA512",
        "MLDSA65-RSA4096-PKCS15-SHA512",
        "MLDSA87-ECDSA-P521-SHA512",
    ] {
        // 10 bytes from the end is in the traditional half (64 to 512 bytes); 1,400 is in the
        // ML-DSA half (2,420 to 4,627 bytes) whatever the traditional half's length.
        for from_end in [10, 1_400] {
            let report = inspect(&tampered_composite(name, from_end), &Options::at(AT)).unwrap();
            let cert = &report.certificates[0];
            assert!(
                !cert.self_signed,
                "{name} changed {from_end} bytes from the end"
            );
            let unverified = cert
                .findings
                .iter()
                .find(|f| f.id == "cert.self-signature-unverified")
                .unwrap();
            assert!(
                unverified
                    .explanation
                    .contains("failed: the signature does not match"),
                "{name} changed {from_end} bytes from the end: {}",
                unverified.explanation
            );
        }
    }
}

#[test]
fn alternative_signatures_are_decoded_and_checked_with_the_issuers_alternative_key() {
    use certscope::{AltSignatureStatus, ExtensionValue};
    let report = inspect(&data("alt-chain.pem"), &Options::at(AT)).unwrap();
    let [leaf, root] = &report.certificates[..] else {
        panic!("two certificates")
    };
    // The primary signatures are ECDSA; the second key and signature are ML-DSA.
    assert_eq!(leaf.signature_algorithm.name, "ECDSA with SHA-256");
    let values: Vec<&ExtensionValue> = leaf.extensions.iter().map(|e| &e.value).collect();
    assert!(values.iter().any(
        |v| matches!(v, ExtensionValue::AltPublicKey { key } if key.algorithm == "ML-DSA-44")
    ));
    assert!(values.iter().any(|v| matches!(v, ExtensionValue::AltSignatureAlgorithm { algorithm } if algorithm.name == "ML-DSA-65")));
    assert!(values
        .iter()
        .any(|v| matches!(v, ExtensionValue::AltSignatureValue { bytes: 3309 })));
    let alt = leaf.alt_signature.as_ref().unwrap();
    assert_eq!(alt.status, AltSignatureStatus::Verified, "{}", alt.detail);
    assert_eq!(alt.issuer, Some(1), "by the root's alternative key");
    let alt = root.alt_signature.as_ref().unwrap();
    assert_eq!(alt.status, AltSignatureStatus::Verified, "{}", alt.detail);
    assert_eq!(alt.issuer, Some(1), "by its own");
    assert!(report.pending.is_empty(), "{:?}", report.pending);

    // Changed after signing: the ECDSA signature is good, the alternative one is not.
    let report = inspect(&data("alt-leaf-bad-alt.pem"), &Options::at(AT)).unwrap();
    let leaf = &report.certificates[0];
    assert_eq!(
        leaf.alt_signature.as_ref().unwrap().status,
        AltSignatureStatus::Invalid
    );
    assert!(leaf
        .findings
        .iter()
        .any(|f| f.id == "cert.alt-signature-invalid"));
    assert!(report.certificates[1]
        .findings
        .iter()
        .all(|f| f.id != "cert.alt-signature-invalid"));

    // Alone, the leaf's alternative signature has no key to be checked with.
    let chain = String::from_utf8(data("alt-chain.pem")).unwrap();
    let end = chain.find("-----END CERTIFICATE-----").unwrap() + 25;
    let report = inspect(&chain.as_bytes()[..end], &Options::at(AT)).unwrap();
    assert_eq!(report.certificates.len(), 1);
    let alt = report.certificates[0].alt_signature.as_ref().unwrap();
    assert_eq!(alt.status, AltSignatureStatus::NoIssuerKey);
}

#[test]
fn python_agrees_on_every_alternative_signature() {
    // An implementation of the PreTBSCertificate apart from certscope's, with OpenSSL's
    // ML-DSA through Python's `cryptography`.
    let python = std::process::Command::new("python3")
        .args([
            "-B", // no __pycache__ beside the fixtures
            "tests/data/pqc/make-alt-signature.py",
            "--check",
            "tests/data/pqc/alt-chain.pem",
            "tests/data/pqc/alt-leaf-bad-alt.pem",
        ])
        .output()
        .expect("python3 (scripts/setup.sh installs it with cryptography)");
    assert!(
        python.status.success(),
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    let oracle = String::from_utf8(python.stdout).unwrap();
    let mut both = data("alt-chain.pem");
    both.extend(data("alt-leaf-bad-alt.pem"));
    let report = inspect(&both, &Options::at(AT)).unwrap();
    let ours: Vec<&str> = report
        .certificates
        .iter()
        .map(|c| {
            let verified =
                c.alt_signature.as_ref().unwrap().status == certscope::AltSignatureStatus::Verified;
            if verified {
                "1"
            } else {
                "0"
            }
        })
        .collect();
    assert_eq!(oracle.trim(), ours.join(" "));
    assert_eq!(oracle.trim(), "1 1 0 1");
}

#[test]
fn parameters_on_a_post_quantum_algorithm_are_an_error() {
    // RFC 9881 §2: ML-DSA's AlgorithmIdentifiers have no parameters; this one has NULLs.
    let report = inspect(&data("ML-DSA-44-with-parameters.crt"), &Options::at(AT)).unwrap();
    let cert = &report.certificates[0];
    let finding = cert
        .findings
        .iter()
        .find(|f| f.id == "key.pq-parameters")
        .unwrap();
    assert_eq!(
        finding.evidence,
        "the key's and the signature's AlgorithmIdentifiers have parameters"
    );
    // The verifier refuses it too, for the same reason.
    assert!(!cert.self_signed);
    // The IETF's examples, and the composites, are encoded as the RFCs say.
    for file in ["ML-DSA-44.crt", "composite/MLDSA44-ECDSA-P256-SHA256.crt"] {
        let report = inspect(&data(file), &Options::at(AT)).unwrap();
        assert!(
            report.certificates[0]
                .findings
                .iter()
                .all(|f| f.id != "key.pq-parameters"),
            "{file}"
        );
    }
}

#[test]
fn second_signatures_are_checked_within_bounds() {
    // 40 hybrid certificates (the chain 20 times): the first 32 are checked, the rest say why
    // they are not.
    let input: Vec<u8> = (0..20).flat_map(|_| data("alt-chain.pem")).collect();
    let report = inspect(&input, &Options::at(AT)).unwrap();
    let statuses: Vec<_> = report
        .certificates
        .iter()
        .map(|c| c.alt_signature.as_ref().unwrap())
        .collect();
    assert_eq!(statuses.len(), 40);
    assert!(statuses[..32]
        .iter()
        .all(|a| a.status == certscope::AltSignatureStatus::Verified));
    for a in &statuses[32..] {
        assert_eq!(a.status, certscope::AltSignatureStatus::Unchecked);
        assert!(a.detail.contains("at most 32 certificates"), "{}", a.detail);
    }
}
