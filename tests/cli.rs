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

/// `certscope check` on the rsa2048 test chain (leaf valid 2026-01-01 to 2026-04-01, 90
/// days; intermediate and root until 2030 and 2035), judged on 2026-02-01: 59 days and 66% of
/// the leaf's lifetime left.
fn check(extra: &[&str]) -> Output {
    let mut args = vec![
        "check",
        "tests/data/generated/rsa2048-chain.pem",
        "--at",
        "2026-02-01",
    ];
    args.extend_from_slice(extra);
    certscope(&args, None)
}

const ROOTS: [&str; 2] = ["--roots", "tests/data/generated/rsa2048-root.pem"];

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn check_passes_a_trusted_chain_with_time_left() {
    let out = check(&[ROOTS[0], ROOTS[1], "--host", "www.certscope.test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let t = text(&out);
    assert!(t.starts_with("STATUS  DAYS  NOT AFTER"), "{t}");
    assert!(
        t.contains("ok        59  2026-04-01  www.certscope.test"),
        "{t}"
    );
    assert!(
        t.ends_with("3 certificate(s) in 1 file(s): 3 ok, 0 failing\n"),
        "{t}"
    );
}

#[test]
fn check_fails_on_each_verdict_with_its_reason() {
    let cases: [(&[&str], &str); 6] = [
        (
            &[ROOTS[0], ROOTS[1], "--days", "60"],
            "expires in 59 day(s), within --days 60",
        ),
        (
            &[ROOTS[0], ROOTS[1], "--percent", "70"],
            "66% of its 90-day lifetime left, within --percent 70",
        ),
        (&[], "untrusted: "),
        (
            &[ROOTS[0], ROOTS[1], "--host", "other.example"],
            "not valid for the host: ",
        ),
        (
            &[ROOTS[0], ROOTS[1], "--at", "2026-05-01"],
            "expired 30 days ago",
        ),
        (
            &[ROOTS[0], ROOTS[1], "--at", "2024-06-01"],
            "not valid until 2025-01-01",
        ),
    ];
    for (extra, reason) in cases {
        let out = check(extra);
        let t = text(&out);
        assert_eq!(out.status.code(), Some(1), "{extra:?}: {t}");
        let failing: Vec<&str> = t.lines().filter(|l| l.starts_with("FAIL")).collect();
        assert!(failing.iter().any(|l| l.contains(reason)), "{extra:?}: {t}");
    }
    // Just inside each threshold, it passes.
    assert_eq!(
        check(&[ROOTS[0], ROOTS[1], "--days", "59"]).status.code(),
        Some(0)
    );
    assert_eq!(
        check(&[ROOTS[0], ROOTS[1], "--percent", "60"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn check_cannot_check_what_it_cannot_read() {
    for (args, message) in [
        (
            vec!["check", "tests/data/no-such-file.pem"],
            "no-such-file.pem",
        ),
        (
            vec!["check", "tests/data/input/key.pem"],
            "no certificate found",
        ),
        (
            vec![
                "check",
                "tests/data/generated/rsa2048-chain.pem",
                "--percent",
                "200",
            ],
            "not a percentage",
        ),
        (
            vec!["check", "tests/data/generated/rsa2048-chain.pem", "--pem"],
            "--pem goes with --json",
        ),
        (
            vec!["check", "tests/data/generated/nothing-*.pem"],
            "no file matches",
        ),
    ] {
        let out = certscope(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(message),
            "{args:?}"
        );
    }
}

#[test]
fn check_reads_directories_globs_and_stdin() {
    let dir = std::env::temp_dir().join(format!("certscope-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy("tests/data/generated/p256-leaf.pem", dir.join("cert.pem")).unwrap();
    std::fs::copy("tests/data/input/key.pem", dir.join("privkey.pem")).unwrap();
    let out = certscope(
        &[
            "check",
            dir.to_str().unwrap(),
            "--at",
            "2026-02-01",
            "--no-roots",
            "--terse",
        ],
        None,
    );
    let t = text(&out);
    // The key file is skipped; the one certificate has no chain to a root: untrusted.
    assert_eq!(t.lines().count(), 1, "{t}");
    assert!(
        t.starts_with(&format!("FAIL {}#1 ", dir.join("cert.pem").display())),
        "{t}"
    );
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();

    // A pattern the shell did not expand: the chain and the root, four certificates.
    let out = certscope(
        &[
            "check",
            "tests/data/generated/rsa2048-[cr]*.pem",
            "--at",
            "2026-02-01",
            ROOTS[0],
            ROOTS[1],
            "--terse",
        ],
        None,
    );
    let t = text(&out);
    assert_eq!(t.lines().count(), 4, "{t}");
    assert!(
        t.lines()
            .all(|l| l.starts_with("ok tests/data/generated/rsa2048-")),
        "{t}"
    );

    let pem = std::fs::read("tests/data/generated/rsa2048-chain.pem").unwrap();
    let out = certscope(
        &[
            "check",
            "-",
            "--at",
            "2026-02-01",
            ROOTS[0],
            ROOTS[1],
            "--json",
            "--pem",
        ],
        Some(&pem),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["failing"], 0);
    let first = &v["certificates"][0];
    assert_eq!(first["file"], "-");
    assert_eq!(first["subject"], "www.certscope.test");
    assert_eq!(first["daysLeft"], 59);
    assert_eq!(first["notAfter"], "2026-04-01T00:00:00Z");
    assert!(first["pem"]
        .as_str()
        .unwrap()
        .starts_with("-----BEGIN CERTIFICATE-----"));
}

#[test]
fn fix_writes_the_chain_file_and_says_what_changed() {
    let g = |f: &str| std::fs::read(format!("tests/data/generated/{f}")).unwrap();
    let messy = [
        g("p256-root.pem"),
        g("p256-intermediate.pem"),
        g("p256-leaf.pem"),
        g("p256-intermediate.pem"),
    ]
    .concat();
    let roots = "tests/data/generated/p256-root.pem";
    let args = ["fix", "-", "--at", "2026-02-01", "--roots", roots];
    // Standard output is the file; the words go to standard error.
    let out = certscope(&args, Some(&messy));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let leaf = String::from_utf8(g("p256-leaf.pem")).unwrap();
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(stdout.starts_with(leaf.trim_end()), "{stdout}");
    assert_eq!(stdout.matches("BEGIN CERTIFICATE").count(), 2);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("- removed the root certscope p256 Root"),
        "{stderr}"
    );
    assert!(stderr.contains("- removed a second copy of certscope p256 Intermediate"));

    // --out writes both files and prints the server lines.
    let dir = std::env::temp_dir().join(format!("certscope-cli-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_dir = dir.to_str().unwrap();
    let out = certscope(&[&args[..], &["--out", out_dir]].concat(), Some(&messy));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(dir.join("fullchain.pem")).unwrap(),
        stdout
    );
    let chain = std::fs::read_to_string(dir.join("chain.pem")).unwrap();
    assert_eq!(
        chain,
        String::from_utf8(g("p256-intermediate.pem")).unwrap()
    );
    assert!(text(&out).contains("ssl_certificate     /etc/ssl/fullchain.pem;"));
    let _ = std::fs::remove_dir_all(&dir);

    // 1: an intermediate is missing (named, with its URL), or the chain fails otherwise.
    let out = certscope(
        &["fix", "-", "--at", "2026-02-01"],
        Some(&g("p256-leaf.pem")),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        said.contains("an intermediate is missing: CN=certscope p256 Intermediate"),
        "{said}"
    );
    assert!(
        said.contains("curl -fsSL -o intermediate.crt 'http://ca.certscope.test/intermediate.crt'")
    );
    let out = certscope(
        &["fix", "-", "--at", "2030-01-01", "--roots", roots],
        Some(&messy),
    );
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        said.contains("reordering cannot fix this chain: Not trusted"),
        "{said}"
    );
    // 2: usage.
    assert_eq!(certscope(&["fix", "--json"], None).status.code(), Some(2));
    assert_eq!(
        certscope(&["fix", "-", "--out"], None).status.code(),
        Some(2)
    );
}

#[test]
fn diff_compares_two_certificates_with_exit_codes() {
    let p256 = "tests/data/generated/p256-leaf.pem";
    let rsa = "tests/data/generated/rsa2048-leaf.pem";
    let at = ["--at", "2026-02-01"];
    // 1: they differ; the sentence first, then each difference.
    let out = certscope(&[&["diff", p256, rsa], &at[..]].concat(), None);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out);
    assert!(said.starts_with("Renewal with the same names and a new key (EC P-256 → RSA 2048 bits); issued by a different CA"), "{said}");
    assert!(said.contains("  Public key (changed)\n    - EC P-256 "));
    // 0: the same certificate, one of them from standard input.
    let out = certscope(
        &[&["diff", p256, "-"], &at[..]].concat(),
        Some(&std::fs::read(p256).unwrap()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).starts_with("The same certificate\n"));
    let json: serde_json::Value = serde_json::from_slice(
        &certscope(&[&["diff", p256, rsa, "--json"], &at[..]].concat(), None).stdout,
    )
    .unwrap();
    assert_eq!(json["identical"], false);
    assert_eq!(json["differences"][0]["field"], "Public key");
    // 2: usage, or no certificate.
    assert_eq!(certscope(&["diff", p256], None).status.code(), Some(2));
    let out = certscope(&["diff", p256, "-"], Some(b"hello"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("the second certificate: no certificate found"));
}

/// PKITS 4.10.3: P1 and P2 mapped down three CAs; only P2 (as P8) reaches the end entity.
fn policy_run(extra: &[&str]) -> Output {
    let mut args = vec![
        "inspect",
        "tests/data/policy/mapping-chain.pem",
        "--at",
        "2026-11-27",
        "--roots",
        "tests/data/policy/pkits-root.pem",
    ];
    args.extend_from_slice(extra);
    certscope(&args, None)
}

#[test]
fn rfc5280_verdict_with_policy_options() {
    let out = policy_run(&["--rfc5280"]);
    assert_eq!(out.status.code(), Some(0));
    let text = text(&out);
    assert!(text.contains("RFC 5280 OK"), "{text}");
    assert!(
        text.contains("The path is valid for 2.16.840.1.101.3.2.1.48.2"),
        "{text}"
    );
    assert!(
        text.contains("maps 2.16.840.1.101.3.2.1.48.2 to 2.16.840.1.101.3.2.1.48.4"),
        "{text}"
    );

    // P1 is acceptable only: its mapping dies out, and the CA requires an explicit policy.
    let text = self::text(&policy_run(&["--policy", "2.16.840.1.101.3.2.1.48.1"]));
    assert!(text.contains("RFC 5280 NO"), "{text}");
    assert!(text.contains("Browser  OK"), "{text}");
    assert!(
        text.contains("none of the policies valid for the path (2.16.840.1.101.3.2.1.48.2) is among the acceptable ones (2.16.840.1.101.3.2.1.48.1)"),
        "{text}"
    );

    // Mappings inhibited: nothing is valid after the first CA, and it requires a policy.
    let out = policy_run(&["--inhibit-policy-mapping", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &json["chains"][0]["rfc5280"];
    assert_eq!(v["trusted"], false);
    assert_eq!(v["problem"]["code"], "policy");
    assert_eq!(v["policy"]["steps"].as_array().unwrap().len(), 4);
    assert_eq!(v["policy"]["emptiedAt"], 1);
    assert!(v.get("policyInput").is_none(), "answered natively");

    // Not asked for: no third verdict.
    let out = policy_run(&["--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["chains"][0].get("rfc5280").is_none());

    let out = policy_run(&["--policy", "not-an-oid"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("--policy: \"not-an-oid\" is not a dotted OID"));
}
