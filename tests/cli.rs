//! The `certscope` binary as a user runs it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn certscope(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_certscope"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Closing stdin (at the end of this statement) lets the command see end of input.
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.unwrap_or_default())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn json_for_a_root_has_the_documented_fields() {
    let out = certscope(
        &[
            "inspect",
            "tests/data/roots/ISRG_Root_X1.pem",
            "--json",
            "--at",
            "2026-11-27",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["evaluatedAt"], "2026-11-27T00:00:00Z");
    let c = &json["certificates"][0];
    assert_eq!(c["version"], 3);
    assert_eq!(
        c["serial"],
        "00:82:10:CF:B0:D2:40:E3:59:44:63:E0:BB:63:82:8B:00"
    );
    assert_eq!(c["signatureAlgorithm"]["name"], "SHA-256 with RSA");
    assert_eq!(
        c["subject"]["display"],
        "CN=ISRG Root X1,O=Internet Security Research Group,C=US"
    );
    assert_eq!(c["subject"]["attributes"][0]["short"], "C");
    assert_eq!(c["subject"]["commonName"], "ISRG Root X1");
    assert_eq!(c["validity"]["notBefore"], "2015-06-04T11:04:38Z");
    assert_eq!(c["validity"]["notAfter"], "2035-06-04T11:04:38Z");
    assert_eq!(c["validity"]["lifetimeDays"], 7305);
    assert_eq!(c["validity"]["state"], "valid");
    assert_eq!(c["validity"]["summary"], "valid, 3111 days left");
    assert_eq!(c["publicKey"]["algorithm"], "RSA");
    assert_eq!(c["publicKey"]["bits"], 4096);
    assert_eq!(c["publicKey"]["exponent"], 65537);
    assert_eq!(
        c["fingerprints"]["sha256"],
        "96:BC:EC:06:26:49:76:F3:74:60:77:9A:CF:28:C5:A7:CF:E8:A3:C0:AA:E1:1A:8F:FC:EE:05:C0:BD:DF:08:C6"
    );
    assert_eq!(
        c["fingerprints"]["spkiSha256"],
        "C5+lpZ7tcVwmwQIMcRtPbsQtWLABXhQzejna0wHFr8M="
    );
    assert_eq!(c["role"], "root");
    assert_eq!(c["selfSigned"], true);
    assert_eq!(c["extensions"][0]["name"], "Key Usage");
    assert_eq!(c["extensions"][0]["critical"], true);
    assert_eq!(c["extensions"][0]["value"]["kind"], "keyUsage");
    assert_eq!(c["extensions"][0]["value"]["usages"][0], "keyCertSign");
}

#[test]
fn text_output_from_stdin() {
    let pem = std::fs::read("tests/data/generated/flawed-expired.pem").unwrap();
    let out = certscope(&["inspect", "--at=2026-02-01"], Some(&pem));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("1 certificate, evaluated at 2026-02-01T00:00:00Z"),
        "{text}"
    );
    assert!(
        text.contains("ERROR Certificate has expired [cert.expired]"),
        "{text}"
    );
    assert!(text.contains("expired 671 days ago"), "{text}");
}

#[test]
fn exit_codes() {
    let garbage = certscope(&["inspect", "-"], Some(b"not a certificate"));
    assert_eq!(garbage.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&garbage.stdout).contains("no certificate found"));
    let usage = certscope(&["inspect", "--frobnicate"], None);
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("unknown option"));
    let bad_time = certscope(&["inspect", "--at", "yesterday"], None);
    assert_eq!(bad_time.status.code(), Some(2));
    let missing = certscope(&["inspect", "no/such/file.pem"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/file.pem"));
    let help = certscope(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("usage: certscope inspect"));
}

#[test]
fn summarize_lists_each_certificate() {
    let pem = std::fs::read("tests/data/generated/example-chain.pem").unwrap();
    let out = certscope(&["summarize"], Some(&pem));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("   sha256  ").count(), 3, "{text}");
    assert!(text.starts_with("#1 (line 1) CN="), "{text}");
    assert!(text.contains(" (CA)\n"), "{text}");
    let json = certscope(
        &["summarize", "--json", "tests/data/formats/chain.p7b"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["certificates"].as_array().unwrap().len(), 2);
    assert_eq!(v["certificates"][1]["ca"], true);
    let key = std::fs::read("tests/data/formats/key-sec1-ec.pem").unwrap();
    let skipped = certscope(&["summarize"], Some(&key));
    assert_eq!(skipped.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&skipped.stdout).contains("block 1: \"PRIVATE KEY\""));
}
