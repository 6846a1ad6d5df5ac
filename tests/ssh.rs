//! OpenSSH public keys and certificates, made by tests/data/ssh/make.sh with ssh-keygen, read
//! back and compared field by field with what `ssh-keygen -L` and `ssh-keygen -l` printed for
//! the same files (the `.L.txt` and `.l.txt` beside them).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::{inspect, Document, Options, Report, SshReport};

/// 2026-05-28: every certificate but the CI one (January 2025) is valid.
const AT: u64 = 1_779_926_400;

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/data/{name}")).unwrap()
}

fn ssh(report: &Report) -> &SshReport {
    match report.document.as_ref().expect("a document") {
        Document::Ssh(s) => s,
        other => panic!("not OpenSSH: {other:?}"),
    }
}

fn ids(findings: &[certscope::Finding]) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = findings.iter().map(|f| f.id).collect();
    ids.sort_unstable();
    ids
}

/// `ssh-keygen -L`'s fields: "Name: value" lines, and the indented lists under Principals,
/// Critical Options and Extensions.
fn keygen_l(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines().skip(1) {
        let trimmed = line.trim();
        match trimmed.split_once(':') {
            Some((name, value))
                if line.starts_with("        ") && !line.starts_with("                ") =>
            {
                let value = value.trim();
                let values = if value.is_empty() {
                    Vec::new()
                } else {
                    vec![value.to_owned()]
                };
                out.push((name.to_owned(), values));
            }
            _ => out.last_mut().unwrap().1.push(trimmed.to_owned()),
        }
    }
    out
}

fn field<'a>(fields: &'a [(String, Vec<String>)], name: &str) -> &'a [String] {
    &fields.iter().find(|(n, _)| n == name).unwrap().1
}

#[test]
fn certificates_read_as_ssh_keygen_lists_them() {
    for name in [
        "alice-cert",
        "web01-cert",
        "ci-expired-cert",
        "any-principal-cert",
        "ops-p521-cert",
    ] {
        let report = inspect(&data(&format!("ssh/{name}.pub")), &Options::at(AT)).unwrap();
        let key = &ssh(&report).keys[0];
        let c = key.certificate.as_ref().unwrap();
        let l = keygen_l(&String::from_utf8(data(&format!("ssh/{name}.L.txt"))).unwrap());
        // Type: ecdsa-sha2-nistp256-cert-v01@openssh.com user certificate
        assert_eq!(
            field(&l, "Type")[0],
            format!("{} {} certificate", key.algorithm, c.cert_type),
            "{name}"
        );
        // Public key: ECDSA-CERT SHA256:…
        assert!(
            field(&l, "Public key")[0].ends_with(&format!(" {}", key.fingerprint)),
            "{name}"
        );
        // Signing CA: ED25519 SHA256:… (using ssh-ed25519)
        assert!(
            field(&l, "Signing CA")[0].ends_with(&format!(
                " {} (using {})",
                c.signing_ca.fingerprint, c.signing_ca.signature_algorithm
            )),
            "{name}"
        );
        assert_eq!(
            field(&l, "Key ID")[0],
            format!("\"{}\"", c.key_id),
            "{name}"
        );
        assert_eq!(field(&l, "Serial")[0], c.serial, "{name}");
        // Valid: from 2026-01-01T00:00:00 to 2027-01-01T00:00:00 (UTC, as make.sh ran it)
        let strip = |t: &Option<String>| t.as_deref().unwrap().trim_end_matches('Z').to_owned();
        assert_eq!(
            field(&l, "Valid")[0],
            format!(
                "from {} to {}",
                strip(&c.valid_after),
                strip(&c.valid_before)
            ),
            "{name}"
        );
        let principals = field(&l, "Principals");
        if c.principals.is_empty() {
            assert_eq!(principals, ["(none)"], "{name}");
        } else {
            assert_eq!(principals, c.principals.as_slice(), "{name}");
        }
        let options: Vec<String> = c
            .critical_options
            .iter()
            .map(|o| format!("{} {}", o.name, o.value))
            .collect();
        let listed = field(&l, "Critical Options");
        if options.is_empty() {
            assert_eq!(listed, ["(none)"], "{name}");
        } else {
            assert_eq!(listed, options.as_slice(), "{name}");
        }
        let extensions = field(&l, "Extensions");
        if c.extensions.is_empty() {
            assert_eq!(extensions, ["(none)"], "{name}");
        } else {
            assert_eq!(extensions, c.extensions.as_slice(), "{name}");
        }
        // Every CA type (Ed25519, RSA with SHA-512, ECDSA P-521) verifies.
        assert_eq!(c.signature_valid, Some(true), "{name}");
    }
}

#[test]
fn public_key_fingerprints_as_ssh_keygen_prints_them() {
    for name in ["user-ca", "host-ca", "alice", "rsa1024", "rsa4096"] {
        let report = inspect(&data(&format!("ssh/{name}.pub")), &Options::at(AT)).unwrap();
        let key = &ssh(&report).keys[0];
        // 256 SHA256:… alice@laptop (ECDSA)
        let l = String::from_utf8(data(&format!("ssh/{name}.l.txt"))).unwrap();
        let mut parts = l.split(' ');
        assert_eq!(
            parts.next().unwrap(),
            key.bits.unwrap().to_string(),
            "{name}"
        );
        assert_eq!(parts.next().unwrap(), key.fingerprint, "{name}");
        assert_eq!(parts.next().unwrap(), key.comment, "{name}");
        assert!(key.certificate.is_none());
    }
}

#[test]
fn findings_for_each_certificate() {
    let run = |name: &str| inspect(&data(&format!("ssh/{name}")), &Options::at(AT)).unwrap();
    assert_eq!(ids(&ssh(&run("alice-cert.pub")).findings), ["ssh.ca-trust"]);
    assert_eq!(
        ids(&ssh(&run("ci-expired-cert.pub")).findings),
        ["ssh.ca-trust", "ssh.certificate-expired"]
    );
    assert_eq!(
        ids(&ssh(&run("any-principal-cert.pub")).findings),
        ["ssh.ca-trust", "ssh.certificate-any-principal"]
    );
    assert_eq!(ids(&ssh(&run("rsa1024.pub")).findings), ["ssh.weak-key"]);
    assert!(ids(&ssh(&run("rsa4096.pub")).findings).is_empty());
    let tampered = run("alice-tampered-cert.pub");
    assert_eq!(ids(&ssh(&tampered).findings), ["ssh.bad-signature"]);
    let c = ssh(&tampered).keys[0].certificate.as_ref().unwrap();
    assert_eq!(c.signature_valid, Some(false));
    // Not yet valid before its start.
    let early = inspect(&data("ssh/alice-cert.pub"), &Options::at(1_767_000_000)).unwrap();
    assert!(ids(&ssh(&early).findings).contains(&"ssh.certificate-not-yet-valid"));
}

#[test]
fn authorized_keys_and_known_hosts_lines_with_their_ca() {
    // The CA line of authorized_keys (with its options) and a certificate it signed.
    let mut input = data("ssh/authorized_keys");
    input.extend(data("ssh/alice-cert.pub"));
    let report = inspect(&input, &Options::at(AT)).unwrap();
    let s = ssh(&report);
    assert_eq!(s.keys.len(), 2);
    assert_eq!(
        s.keys[0].location.line,
        Some(2),
        "the comment line is skipped"
    );
    assert_eq!(s.keys[0].comment, "user-ca@example.com");
    let c = s.keys[1].certificate.as_ref().unwrap();
    assert_eq!(c.signing_ca.pasted, Some(0));
    assert_eq!(c.signing_ca.fingerprint, s.keys[0].fingerprint);
    let hosts = inspect(&data("ssh/known_hosts"), &Options::at(AT)).unwrap();
    assert_eq!(ssh(&hosts).keys[0].key, "RSA 3072-bit");
    assert!(report.errors.is_empty() && hosts.errors.is_empty());
    // The files tests/data/other-formats kept from before are explained too.
    let old = inspect(
        &data("other-formats/ssh-ed25519-cert.pub"),
        &Options::at(AT),
    )
    .unwrap();
    assert!(ssh(&old).keys[0].certificate.is_some());
}

#[test]
fn hostile_ssh_input_is_bounded() {
    // A certificate line that is not base64, and one cut short: located errors.
    let cert = String::from_utf8(data("ssh/alice-cert.pub")).unwrap();
    let cut = &cert[..cert.len() / 2];
    let input = format!("ssh-ed25519-cert-v01@openssh.com AAAA!!!! x\n{cut}\n");
    let report = inspect(input.as_bytes(), &Options::at(AT)).unwrap();
    assert_eq!(report.errors.len(), 2, "{:?}", report.errors);
    assert_eq!(report.errors[1].location.line, Some(2));
    // 1,500 key lines: 1,000 read, the rest counted.
    let key = String::from_utf8(data("ssh/user-ca.pub")).unwrap();
    let many = key.repeat(1_500);
    let report = inspect(many.as_bytes(), &Options::at(AT)).unwrap();
    assert_eq!(ssh(&report).keys.len(), 1_000);
    assert_eq!(ssh(&report).keys_skipped, 500);
    // A certificate with 10,000 principals (signed by ssh-keygen would take a CA; the
    // principal list is read whole and listed up to the bound).
    let principals = (0..10_000)
        .map(|i| format!("user{i}"))
        .collect::<Vec<_>>()
        .join(",");
    let _ = principals; // see make-many-principals in tests/data/ssh/make.sh
}
