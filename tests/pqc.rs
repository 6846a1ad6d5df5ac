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
fn ml_dsa_private_keys_are_matched_by_their_seed() {
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
            if form == "expanded" {
                // Only a seed is trusted to give the public half (decoding an expanded key is
                // not safe on untrusted input).
                assert!(
                    key.note.as_deref().unwrap().contains("expanded form"),
                    "{n} {form}"
                );
                assert!(key.matches_certificates.is_empty());
            } else {
                assert_eq!(key.matches_certificates, [i], "ML-DSA-{n} {form}");
            }
        }
    }
    // The RFC's inconsistent example: a seed and an expanded key that do not belong together.
    let report = inspect(&data("bad-ML-DSA-44-1.priv"), &Options::at(AT)).unwrap();
    assert!(report.keys[0]
        .note
        .as_deref()
        .unwrap()
        .contains("do not belong together"));
    for bad in ["bad-ML-DSA-44-2.priv", "bad-ML-DSA-44-3.priv"] {
        let report = inspect(&data(bad), &Options::at(AT)).unwrap();
        assert!(report.keys[0].public_key.is_none(), "{bad}");
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
