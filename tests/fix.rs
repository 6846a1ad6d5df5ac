//! The corrected chain file (`ChainReport::fix`), checked by OpenSSL: a fresh CA hierarchy is
//! made with `openssl` for each run, pasted in the wrong order with its root, a duplicate and
//! an unrelated certificate, and the `fullchain.pem` and `chain.pem` certscope hands back are
//! accepted by `openssl verify -untrusted` and by `openssl s_client -verify_return_error`
//! against `openssl s_server` serving them on 127.0.0.1. Each check has a control that fails
//! without the fix, so the checks can fail.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

use certscope::fix::{fix, FixInput, Given, Step};
use certscope::{inspect, Options, Roots};

use common::{openssl, openssl_ok as ok};

/// A root, an intermediate and a leaf for localhost and 127.0.0.1 (P-256), in a new directory.
fn hierarchy() -> PathBuf {
    let dir = common::scratch("fix");
    std::fs::write(
        dir.join("ca.ext"),
        "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n\
         subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("leaf.ext"),
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n\
         extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n\
         subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n\
         authorityInfoAccess=caIssuers;URI:http://ca.fix.test/intermediate.crt\n",
    )
    .unwrap();
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
    ];
    let mut root = vec!["req", "-x509"];
    root.extend(ec);
    root.extend([
        "-keyout",
        "root.key",
        "-out",
        "root.pem",
        "-days",
        "30",
        "-subj",
        "/CN=Fix Test Root",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    ok(&dir, &root);
    for (name, subject, issuer, ext) in [
        (
            "intermediate",
            "/CN=Fix Test Intermediate",
            "root",
            "ca.ext",
        ),
        ("leaf", "/CN=localhost", "intermediate", "leaf.ext"),
    ] {
        let (key, csr, pem) = (
            format!("{name}.key"),
            format!("{name}.csr"),
            format!("{name}.pem"),
        );
        let mut req = vec!["req", "-new"];
        req.extend(ec);
        req.extend(["-keyout", &key, "-out", &csr, "-subj", subject]);
        ok(&dir, &req);
        let (ca, ca_key) = (format!("{issuer}.pem"), format!("{issuer}.key"));
        ok(
            &dir,
            &[
                "x509",
                "-req",
                "-in",
                &csr,
                "-CA",
                &ca,
                "-CAkey",
                &ca_key,
                "-out",
                &pem,
                "-days",
                "20",
                "-extfile",
                ext,
                "-set_serial",
                "7",
            ],
        );
    }
    dir
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap()
}

/// Inspects `paste` trusting only the hierarchy's root, a minute from now.
fn report(dir: &Path, paste: &str) -> certscope::Report {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let roots = Roots::Custom {
        certificates: read(dir, "root.pem").into_bytes(),
        with_mozilla: false,
    };
    inspect(paste.as_bytes(), &Options::at(now + 60).roots(roots)).unwrap()
}

fn first_block(pem: &str) -> String {
    let end = pem.find("-----END CERTIFICATE-----").unwrap() + "-----END CERTIFICATE-----".len();
    format!("{}\n", &pem[..end])
}

#[test]
fn a_messy_paste_becomes_files_openssl_accepts() {
    let dir = hierarchy();
    let (root, intermediate, leaf) = (
        read(&dir, "root.pem"),
        read(&dir, "intermediate.pem"),
        read(&dir, "leaf.pem"),
    );
    let unrelated =
        std::fs::read_to_string("tests/data/generated/rsa2048-intermediate.pem").unwrap();
    // Root first, intermediate before the leaf, the intermediate twice, another CA's
    // intermediate at the end.
    let paste = format!("{root}{intermediate}{leaf}{intermediate}{unrelated}");
    let report = report(&dir, &paste);
    assert_eq!(report.chains.len(), 1, "{:?}", report.chains);
    let chain = &report.chains[0];
    assert!(chain.browser.trusted, "{}", chain.browser.summary);
    let fix = chain.fix.as_ref().expect("a trusted chain has a fix");
    assert!(fix.complete && fix.trusted);
    assert_eq!(
        fix.changes,
        [
            "removed the root Fix Test Root: clients already have it, and it is not sent",
            "removed a second copy of Fix Test Intermediate",
            "left out certscope rsa2048 Intermediate: it is not part of this chain",
            "moved the server's certificate localhost to the top",
        ]
    );
    assert_eq!(fix.fullchain, format!("{leaf}{intermediate}"));
    assert_eq!(fix.chain, intermediate);
    assert!(fix.servers.iter().any(|s| s.server == "nginx"
        && s.lines
            .contains("ssl_certificate     /etc/ssl/fullchain.pem;")));

    std::fs::write(dir.join("fullchain.pem"), &fix.fullchain).unwrap();
    std::fs::write(dir.join("chain.pem"), &fix.chain).unwrap();
    std::fs::write(dir.join("served-leaf.pem"), first_block(&fix.fullchain)).unwrap();
    ok(
        &dir,
        &[
            "verify",
            "-CAfile",
            "root.pem",
            "-untrusted",
            "chain.pem",
            "served-leaf.pem",
        ],
    );
    // Control: without the chain file the leaf does not verify.
    assert!(
        !openssl(&dir, &["verify", "-CAfile", "root.pem", "served-leaf.pem"])
            .status
            .success()
    );

    // Served as nginx would serve fullchain.pem: the leaf and then the chain.
    let served = s_client_against(&dir, Some("chain.pem"));
    assert!(served.0, "s_client refused the fixed chain:\n{}", served.1);
    assert!(served.1.contains("Verification: OK"), "{}", served.1);
    let control = s_client_against(&dir, None);
    assert!(
        !control.0,
        "s_client accepted a server without its intermediate"
    );

    // Pasting the fixed file back changes nothing.
    let again = self::report(&dir, &fix.fullchain);
    let refix = again.chains[0].fix.as_ref().unwrap();
    assert!(refix.changes.is_empty(), "{:?}", refix.changes);
    assert_eq!(refix.fullchain, fix.fullchain);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Serves served-leaf.pem (with `chain` as the certificates after it) on 127.0.0.1 and
/// connects with `s_client -verify_return_error` trusting only the root: (accepted, output).
fn s_client_against(dir: &Path, chain: Option<&str>) -> (bool, String) {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let accept = format!("127.0.0.1:{port}");
    let mut args = vec![
        "s_server",
        "-accept",
        &accept,
        "-cert",
        "served-leaf.pem",
        "-key",
        "leaf.key",
        "-naccept",
        "1",
    ];
    if let Some(chain) = chain {
        args.extend(["-cert_chain", chain]);
    }
    let mut server = Command::new("openssl")
        .args(&args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for "ACCEPT" before connecting.
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        match lines.next() {
            Some(Ok(l)) if l.starts_with("ACCEPT") => break,
            Some(_) => {}
            None => break,
        }
    }
    let connect = format!("127.0.0.1:{port}");
    let out = openssl(
        dir,
        &[
            "s_client",
            "-connect",
            &connect,
            "-CAfile",
            "root.pem",
            "-verify_return_error",
            "-verify_hostname",
            "localhost",
            "-brief",
        ],
    );
    let _ = server.kill();
    let _ = server.wait();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn a_missing_intermediate_is_named_with_commands_that_work() {
    let dir = hierarchy();
    let leaf = read(&dir, "leaf.pem");
    let report = report(&dir, &leaf);
    let chain = &report.chains[0];
    assert_eq!(
        chain.browser.problem.as_ref().map(|p| p.code),
        Some("unknown-issuer")
    );
    let fix = chain
        .fix
        .as_ref()
        .expect("a missing intermediate is explained");
    assert!(!fix.complete);
    let missing = fix.missing.as_ref().unwrap();
    assert_eq!(missing.issuer, "CN=Fix Test Intermediate");
    assert_eq!(
        missing.url.as_deref(),
        Some("http://ca.fix.test/intermediate.crt")
    );
    assert!(missing.explanation.contains("AIA fetching"));
    assert_eq!(
        missing.commands[0],
        "curl -fsSL -o intermediate.crt 'http://ca.fix.test/intermediate.crt'"
    );
    // The CA serves DER: stand in for curl, then run the other commands as given.
    ok(
        &dir,
        &[
            "x509",
            "-in",
            "intermediate.pem",
            "-outform",
            "DER",
            "-out",
            "intermediate.crt",
        ],
    );
    std::fs::remove_file(dir.join("intermediate.pem")).unwrap();
    std::fs::copy(dir.join("leaf.pem"), dir.join("cert.pem")).unwrap();
    for command in &missing.commands[1..] {
        let status = Command::new("sh")
            .args(["-c", command])
            .current_dir(&dir)
            .status()
            .unwrap();
        assert!(status.success(), "{command}");
    }
    let fixed = self::report(&dir, &read(&dir, "fullchain.pem"));
    assert!(
        fixed.chains[0].browser.trusted,
        "{}",
        fixed.chains[0].browser.summary
    );
    assert!(fixed.chains[0].fix.as_ref().unwrap().changes.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

fn given(names: &[&str]) -> Vec<Given> {
    names
        .iter()
        .map(|n| Given {
            pem: format!("-----BEGIN CERTIFICATE-----\n{n}\n-----END CERTIFICATE-----\n"),
            name: (*n).to_owned(),
        })
        .collect()
}

fn step(certificate: Option<usize>, root: bool) -> Step {
    Step { certificate, root }
}

#[test]
fn order_is_described_as_a_person_would_fix_it() {
    // Given: R2 (issues I1), leaf, I1 (issues the leaf)... shuffled: I2, L, I1 with path L, I1, I2.
    let input = FixInput {
        certificates: given(&["I2", "L", "I1"]),
        path: vec![
            step(Some(1), false),
            step(Some(2), false),
            step(Some(0), false),
            step(None, true),
        ],
        trusted: true,
        ..FixInput::default()
    };
    let fix = fix(&input).unwrap();
    assert_eq!(
        fix.changes,
        [
            "moved the server's certificate L to the top",
            "moved I1 right after L, the certificate it issued"
        ]
    );
    assert!(fix.fullchain.find("L").unwrap() < fix.fullchain.find("I1").unwrap());
    assert!(fix.fullchain.find("I1").unwrap() < fix.fullchain.find("I2").unwrap());
}

#[test]
fn no_fix_when_order_is_not_the_problem() {
    for problem in ["expired", "hostname", "bad-signature"] {
        let input = FixInput {
            certificates: given(&["L", "I"]),
            path: vec![step(Some(0), false), step(Some(1), false)],
            trusted: false,
            problem: Some(problem.to_owned()),
            ..FixInput::default()
        };
        assert!(fix(&input).is_none(), "{problem}");
    }
}

#[test]
fn urls_are_quoted_and_pkcs7_is_converted_as_pkcs7() {
    let input = |url: &str| FixInput {
        certificates: given(&["L"]),
        path: vec![step(Some(0), false)],
        problem: Some("unknown-issuer".to_owned()),
        missing_url: Some(url.to_owned()),
        ..FixInput::default()
    };
    let hostile = fix(&input("http://x.test/a'; rm -rf ~ '.crt")).unwrap();
    let commands = hostile.missing.unwrap().commands;
    assert_eq!(
        commands[0],
        r"curl -fsSL -o intermediate.crt 'http://x.test/a'\''; rm -rf ~ '\''.crt'"
    );
    // The shell reads it back as the one URL.
    let echoed = Command::new("sh")
        .args([
            "-c",
            &commands[0].replace("curl -fsSL -o intermediate.crt", "printf %s"),
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&echoed.stdout),
        "http://x.test/a'; rm -rf ~ '.crt"
    );
    let p7 = fix(&input("http://ca.example/ISSUER.P7C")).unwrap();
    assert!(p7.missing.unwrap().commands[1].starts_with("openssl pkcs7 -inform DER"));
}

#[test]
fn a_private_root_gets_a_fix_with_a_note() {
    // Mozilla's roots only, a chain ending at a pasted private root.
    let pem = std::fs::read("tests/data/generated/p256-chain.pem").unwrap();
    let root = std::fs::read_to_string("tests/data/generated/p256-root.pem").unwrap();
    let paste = [root.as_bytes(), &pem].concat();
    let report = inspect(&paste, &Options::at(1_769_904_000)).unwrap();
    let chain = &report.chains[0];
    assert_eq!(
        chain.browser.problem.as_ref().map(|p| p.code),
        Some("untrusted-root")
    );
    let fix = chain.fix.as_ref().unwrap();
    assert!(fix.complete && !fix.trusted);
    assert!(fix.note.as_deref().unwrap().contains("supply its root"));
    assert_eq!(fix.fullchain.matches("BEGIN CERTIFICATE").count(), 2);
    assert!(fix
        .changes
        .iter()
        .any(|c| c.starts_with("removed the root")));
}
