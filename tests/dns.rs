//! DNS answers (issue 16): CAA, HTTPS/SVCB with ECH, and TLSA, read from what dig, kdig,
//! nslookup and a DNS-over-HTTPS API print, and checked against the pasted chain.
//!
//! `live_answers_from_a_local_knot_server` runs tests/data/dns/record.sh into a fresh
//! directory: it makes certificates with openssl, a zone with Knot DNS on 127.0.0.1, and asks
//! dig, kdig and nslookup. The expected TLSA association comes from openssl, not from
//! certscope; the other tests read the files record.sh wrote into tests/data/dns/.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;
use std::process::Command;

mod common;

use certscope::{inspect, DnsReport, Options};

/// 2026-12-05, inside the recorded leaf's validity.
const AT: u64 = 1_796_428_800;

fn dns_of(text: &str) -> (certscope::Report, DnsReport) {
    let report = inspect(text.as_bytes(), &Options::at(AT)).unwrap();
    assert_eq!(report.dns.len(), 1, "{:?}", report.errors);
    let d = report.dns[0].clone();
    (report, d)
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap()
}

/// What every tool's output of the recorded zone must give.
fn check_zone(dir: &Path, file: &str, has_tlsa: usize, has_https: bool) -> DnsReport {
    let chain = read(dir, "chain.pem");
    let (report, d) = dns_of(&format!("{chain}{}", read(dir, file)));
    assert_eq!(report.certificates.len(), 2, "{file}");
    // CAA: issue letsencrypt.org for the names, issuewild ";" for the wildcard.
    let verdicts: Vec<(&str, &str, Option<bool>)> = d
        .caa_checks
        .iter()
        .map(|c| (c.name.as_str(), c.property, c.issuer_allowed))
        .collect();
    assert_eq!(
        verdicts,
        vec![
            ("certscope.test", "issue", Some(true)),
            ("www.certscope.test", "issue", Some(true)),
            ("*.certscope.test", "issuewild", Some(false)),
        ],
        "{file}"
    );
    let ids: Vec<&str> = d.findings.iter().map(|f| f.id).collect();
    assert!(ids.contains(&"dns.caa-no-ca"), "{file}: {ids:?}");
    assert!(ids.contains(&"dns.caa-allows-issuer"), "{file}: {ids:?}");
    // TLSA: 3 1 1 matches the leaf (certificate 0), 2 0 1 the CA (1), the old one nothing.
    assert_eq!(d.tlsa.len(), has_tlsa, "{file}");
    for t in &d.tlsa {
        let expected = match (t.usage, t.name.as_str()) {
            (3, "_443._tcp.certscope.test") => Some(0),
            (2, _) => Some(1),
            _ => None,
        };
        assert_eq!(t.matches, expected, "{file}: {t:?}");
    }
    if has_https {
        let s = &d.services[0];
        assert_eq!(
            (s.priority, s.target.as_str(), s.port),
            (1, ".", Some(8443)),
            "{file}"
        );
        assert_eq!(s.alpn, vec!["h3", "h2"], "{file}");
        assert_eq!(s.ipv4hint, vec!["192.0.2.11"], "{file}");
        let ech = s.ech.as_ref().unwrap();
        assert_eq!(ech.error, None);
        let c = &ech.configs[0];
        // The fields record.sh built the ECHConfigList from.
        assert_eq!(
            (
                c.version,
                c.config_id,
                c.kem.as_deref(),
                c.public_key_bytes,
                c.public_name.as_deref()
            ),
            (
                0xfe0d,
                Some(7),
                Some("DHKEM(X25519, HKDF-SHA256)"),
                Some(32),
                Some("public.certscope.test")
            )
        );
        assert_eq!(
            c.cipher_suites,
            vec![
                "HKDF-SHA256 + AES-128-GCM",
                "HKDF-SHA256 + ChaCha20Poly1305"
            ]
        );
        assert!(
            ids.contains(&"dns.https-ech") && ids.contains(&"dns.https-h3"),
            "{file}"
        );
    }
    d
}

#[test]
fn recorded_dig_kdig_nslookup_and_doh_answers_agree() {
    let dir = Path::new("tests/data/dns");
    let dig = check_zone(dir, "dig.txt", 2, true);
    assert_eq!(dig.tool, Some(certscope::DnsTool::Dig));
    // The A record differs from the HTTPS record's ipv4hint, which certscope points out.
    assert!(dig
        .findings
        .iter()
        .any(|f| f.id == "dns.https-hint-mismatch"));
    let kdig = check_zone(dir, "kdig.txt", 3, true);
    assert_eq!(kdig.tool, Some(certscope::DnsTool::Kdig));
    assert!(kdig.findings.iter().any(|f| f.id == "dns.tlsa-no-match"));
    // No ad flag from an authoritative server without DNSSEC: TLSA is not to be trusted.
    assert_eq!(kdig.authenticated, Some(false));
    assert!(kdig.findings.iter().any(|f| f.id == "dns.tlsa-unvalidated"));
    let ns = check_zone(dir, "nslookup.txt", 2, false);
    assert_eq!(ns.tool, Some(certscope::DnsTool::Nslookup));
    let doh = check_zone(dir, "doh.json", 2, true);
    assert_eq!(doh.tool, Some(certscope::DnsTool::DohJson));
    // The same record in presentation form (dig) and in RFC 3597's generic form.
    let (_, generic) = dns_of(&read(dir, "dig-generic.txt"));
    assert_eq!(
        generic.services,
        dig.services
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.line = generic.services[0].line;
                s
            })
            .collect::<Vec<_>>()
    );
}

#[test]
fn live_answers_from_a_local_knot_server() {
    let dir = common::scratch("dns");
    let status = Command::new("bash")
        .arg("tests/data/dns/record.sh")
        .arg(&dir)
        .status()
        .expect("bash");
    assert!(status.success(), "record.sh failed (needs knotd, dig, kdig, nslookup: scripts/setup.sh --browser installs them)");
    let d = check_zone(&dir, "dig.txt", 2, true);
    // The 3 1 1 association as openssl computed it is the record certscope matched.
    let hex = read(&dir, "tlsa-3-1-1.hex").trim().to_ascii_lowercase();
    let t = d.tlsa.iter().find(|t| t.usage == 3).unwrap();
    assert_eq!((t.data.as_str(), t.matches), (hex.as_str(), Some(0)));
    check_zone(&dir, "kdig.txt", 3, true);
    check_zone(&dir, "nslookup.txt", 2, false);
    check_zone(&dir, "doh.json", 2, true);
    // A control: the same answers with another certificate match no TLSA record, and CAA
    // does not know its CA.
    let other = std::fs::read_to_string("tests/data/generated/p256-chain.pem").unwrap();
    let (_, d) = dns_of(&format!("{other}{}", read(&dir, "dig.txt")));
    assert!(d.tlsa.iter().all(|t| t.matches.is_none()));
}

#[test]
fn bad_dns_text_never_breaks_the_reader() {
    for text in [
        ";; ANSWER SECTION:\nx. 1 IN CAA\n",
        ";; ANSWER SECTION:\nx. 1 IN HTTPS \\# 3 00\n",
        ";; ANSWER SECTION:\nx. 1 IN HTTPS 1 . ech=AAA ech=@@@\n",
        ";; ANSWER SECTION:\nx. 1 IN TLSA 3 1 1 zz\n",
        ";; ANSWER SECTION:\nx. 1 IN TYPE65 \\# 65535 00\n",
        "{\"Status\":0,\"Answer\":[{\"name\":1}]}",
        "x\trdata_257 = \n",
    ] {
        let report = inspect(text.as_bytes(), &Options::at(AT)).unwrap();
        for d in &report.dns {
            for s in &d.services {
                if let Some(e) = &s.ech {
                    assert!(e.error.is_some() || !e.configs.is_empty());
                }
            }
        }
    }
}
