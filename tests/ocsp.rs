//! OCSP responses made by OpenSSL's own responder (tests/data/ocsp/make-ocsp.sh): each read
//! exactly, and every status, time and signature verdict compared with what `openssl ocsp`
//! itself says of the same file (run live; CI sets CERTSCOPE_REQUIRE_OPENSSL so that a
//! missing openssl fails instead of skipping).

#![cfg(feature = "ocsp")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::{inspect, OcspReport, Options, Report};

/// 2026-12-04T00:00:00Z: the responses were made on 2026-12-03 for 7 days.
const AT: u64 = 1_796_342_400;
const DAY: u64 = 86_400;
const DIR: &str = "tests/data/ocsp";

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{name}")).unwrap()
}

/// The response `name` as PEM, after the certificates `pems`, inspected at `at`.
fn run_at(name: &str, pems: &[&str], at: u64) -> Report {
    let mut input = String::new();
    for p in pems {
        input.push_str(&String::from_utf8(file(p)).unwrap());
    }
    input.push_str(
        &der::pem::encode_string("OCSP RESPONSE", der::pem::LineEnding::LF, &file(name)).unwrap(),
    );
    inspect(input.as_bytes(), &Options::at(at)).unwrap()
}

fn run(name: &str) -> Report {
    run_at(
        name,
        &[
            "root.pem",
            "inter.pem",
            "good.pem",
            "revoked.pem",
            "unknown.pem",
        ],
        AT,
    )
}

fn one(r: &Report) -> &OcspReport {
    assert_eq!(r.ocsp.len(), 1, "errors: {:?}", r.errors);
    &r.ocsp[0]
}

fn ids(o: &OcspReport) -> Vec<&str> {
    o.findings.iter().map(|f| f.id).collect()
}

#[test]
fn a_response_from_the_ca_itself_is_verified_and_tied_to_its_certificate() {
    let r = run("good.der");
    let o = one(&r);
    assert_eq!(o.response_status, "successful");
    let s = &o.responses[0];
    assert_eq!((s.status, s.freshness), ("good", "fresh"));
    assert_eq!(s.serial, "20:01");
    assert_eq!(s.hash_algorithm, "SHA-1");
    // root, inter, good, revoked, unknown: the response is about certificate 3, issued by 2.
    assert_eq!((s.certificate, s.issuer), (Some(2), Some(1)));
    assert_eq!(s.subject.as_deref(), Some("CN=good.example"));
    let sig = o.signature.as_ref().unwrap();
    assert_eq!((sig.verdict, sig.authority), ("verified", "issuer"));
    assert_eq!(sig.algorithm, "ECDSA with SHA-256");
    assert_eq!(
        o.responder.as_ref().unwrap().name.as_deref(),
        Some("CN=certscope OCSP test CA")
    );
    assert_eq!(o.responder.as_ref().unwrap().certificate, Some(1));
    assert_eq!((o.nonce.as_deref(), o.certificates_included), (None, 0));
    assert!(o.findings.is_empty(), "{:?}", ids(o));
    assert!(
        s.this_update.starts_with("2026-12-03T"),
        "{}",
        s.this_update
    );
}

#[test]
fn a_revoked_certificate_is_reported_with_its_time_and_reason() {
    let r = run("revoked.der");
    let s = &one(&r).responses[0];
    assert_eq!(s.status, "revoked");
    assert_eq!(s.revoked_at.as_deref(), Some("2026-12-01T12:00:00Z"));
    assert_eq!(s.reason, Some("keyCompromise"));
    assert_eq!(s.certificate, Some(3));
    assert_eq!(ids(one(&r)), ["ocsp.revoked"]);
    let f = &one(&r).findings[0];
    assert!(
        f.explanation.contains("CN=revoked.example"),
        "{}",
        f.explanation
    );
    assert!(r.all_findings().any(|f| f.id == "ocsp.revoked"));
}

#[test]
fn a_certificate_the_responder_does_not_know_is_unknown() {
    let r = run("unknown.der");
    assert_eq!(one(&r).responses[0].status, "unknown");
    assert_eq!(ids(one(&r)), ["ocsp.status-unknown"]);
}

#[test]
fn a_delegated_responder_is_authorised_by_its_ocsp_signing_certificate() {
    let r = run("delegated.der");
    let o = one(&r);
    let sig = o.signature.as_ref().unwrap();
    assert_eq!(
        (sig.verdict, sig.authority, sig.no_check),
        ("verified", "delegated", true)
    );
    assert_eq!(o.certificates_included, 1);
    let responder = o.responder.as_ref().unwrap();
    // Found in the response itself, not among the pasted certificates.
    assert_eq!(
        responder.subject.as_deref(),
        Some("CN=certscope OCSP test responder")
    );
    assert_eq!(responder.certificate, None);
    assert!(o.findings.is_empty(), "{:?}", ids(o));
}

#[test]
fn a_signer_the_ca_never_authorised_is_refused_though_its_signature_verifies() {
    let r = run("unauthorised.der");
    let o = one(&r);
    let sig = o.signature.as_ref().unwrap();
    assert_eq!((sig.verdict, sig.authority), ("verified", "unauthorized"));
    assert!(
        sig.detail.as_deref().unwrap().contains("id-kp-OCSPSigning"),
        "{:?}",
        sig.detail
    );
    assert_eq!(ids(o), ["ocsp.unauthorized-responder"]);
}

#[test]
fn a_responder_named_by_key_hash_is_found_and_checked() {
    let r = run("by-key.der");
    let o = one(&r);
    let responder = o.responder.as_ref().unwrap();
    assert_eq!(responder.name, None);
    assert_eq!(
        responder.key_hash.as_ref().map(|h| h.len()),
        Some(59),
        "20 bytes in hex with colons"
    );
    assert_eq!(responder.certificate, Some(1));
    assert_eq!(o.signature.as_ref().unwrap().verdict, "verified");
}

#[test]
fn a_nonce_and_sha256_cert_ids_are_read() {
    let r = run("nonce.der");
    let nonce = one(&r).nonce.clone().unwrap();
    // OpenSSL's default nonce: 16 random bytes.
    assert_eq!(nonce.split(':').count(), 16, "{nonce}");
    let r = run("sha256.der");
    let s = &one(&r).responses[0];
    assert_eq!(
        (s.hash_algorithm.as_str(), s.certificate, s.issuer),
        ("SHA-256", Some(2), Some(1))
    );
}

#[test]
fn a_response_changed_after_signing_fails_its_signature() {
    let r = run("tampered.der");
    let o = one(&r);
    assert_eq!(o.signature.as_ref().unwrap().verdict, "invalid");
    assert_eq!(ids(o), ["ocsp.bad-signature"]);
}

#[test]
fn a_responder_that_gave_no_answer_says_why() {
    let r = run("try-later.der");
    let o = one(&r);
    assert_eq!(o.response_status, "tryLater");
    assert!(o.responses.is_empty() && o.signature.is_none());
    assert_eq!(ids(o), ["ocsp.unsuccessful"]);
    // The file itself: five bytes of DER that are also valid UTF-8, read as DER.
    let raw = inspect(&file("try-later.der"), &Options::at(AT)).unwrap();
    assert_eq!(one(&raw).response_status, "tryLater");
    assert_eq!(one(&raw).location.line, None);
}

#[test]
fn freshness_is_judged_at_the_time_of_check() {
    let pems = ["inter.pem", "good.pem"];
    let later = run_at("good.der", &pems, AT + 8 * DAY);
    assert_eq!(one(&later).responses[0].freshness, "expired");
    assert_eq!(ids(one(&later)), ["ocsp.expired"]);
    let earlier = run_at("good.der", &pems, AT - 2 * DAY);
    assert_eq!(one(&earlier).responses[0].freshness, "not-yet-valid");
    assert_eq!(ids(one(&earlier)), ["ocsp.not-yet-valid"]);
}

#[test]
fn without_the_ca_certificate_the_signature_cannot_be_checked() {
    // The response alone, as raw DER: recognised by its shape.
    let r = inspect(&file("good.der"), &Options::at(AT)).unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let o = one(&r);
    assert_eq!(o.signature.as_ref().unwrap().verdict, "no-signer");
    assert_eq!(o.responses[0].certificate, None);
    assert_eq!(ids(o), ["ocsp.signer-unknown"]);
}

#[test]
fn a_response_about_another_certificate_says_so() {
    let r = run_at("good.der", &["inter.pem", "revoked.pem"], AT);
    let o = one(&r);
    assert_eq!(o.responses[0].certificate, None);
    assert_eq!(o.responses[0].issuer, Some(0));
    assert_eq!(ids(o), ["ocsp.other-certificate"]);
}

#[test]
fn base64_of_a_response_is_read() {
    let r = inspect(&file("revoked.b64"), &Options::at(AT)).unwrap();
    assert_eq!(one(&r).responses[0].status, "revoked");
    assert_eq!(one(&r).responses[0].serial, "20:02");
}

#[test]
fn damaged_responses_are_errors_with_their_place_never_panics() {
    let der = file("delegated.der");
    for cut in 1..der.len() {
        let r = inspect(&der[..cut], &Options::at(AT)).unwrap();
        assert!(r.ocsp.is_empty() && !r.errors.is_empty(), "cut at {cut}");
    }
    for i in 0..der.len() {
        let mut flipped = der.clone();
        flipped[i] ^= 0x5a;
        let _ = inspect(&flipped, &Options::at(AT)).unwrap();
    }
}

#[test]
fn a_stapled_response_in_a_capture_is_read_with_the_certificates_it_is_about() {
    let pcap = std::fs::read("tests/data/capture/tls12-ocsp.pcap").unwrap();
    // A week after the capture, whose response is valid for 30 days.
    let r = inspect(&pcap, &Options::at(1_796_860_800)).unwrap();
    let o = one(&r);
    let s = &o.responses[0];
    // make-captures.sh had the root answer for its intermediate's leaf, from a database
    // without it: "unknown" (as `openssl ocsp -resp_text` reads it too), signed by a key that
    // is neither the CA that issued the leaf nor a responder it certified.
    assert_eq!(
        (s.status, s.freshness, s.certificate, s.issuer),
        ("unknown", "fresh", Some(0), Some(1))
    );
    assert_eq!(s.subject.as_deref(), Some("CN=localhost"));
    let sig = o.signature.as_ref().unwrap();
    assert_eq!((sig.verdict, sig.authority), ("verified", "unauthorized"));
    assert_eq!(
        ids(o),
        ["ocsp.unauthorized-responder", "ocsp.status-unknown"]
    );
    assert_eq!(o.nonce.as_ref().map(|n| n.split(':').count()), Some(16));
}

/// What `openssl ocsp` says of a response: each status line, and whether it verifies.
#[derive(Debug, PartialEq)]
struct Openssl {
    statuses: Vec<String>,
    verified: bool,
}

fn openssl(der_path: &str) -> Option<Openssl> {
    let run = |args: &[&str]| {
        std::process::Command::new("openssl")
            .args(args)
            .output()
            .ok()
            .map(|o| {
                format!(
                    "{}{}",
                    String::from_utf8_lossy(&o.stdout),
                    String::from_utf8_lossy(&o.stderr)
                )
            })
    };
    let text = run(&["ocsp", "-respin", der_path, "-resp_text", "-noverify"])?;
    let statuses = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Cert Status: "))
        .map(str::to_owned)
        .collect();
    let inter = format!("{DIR}/inter.pem");
    let root = format!("{DIR}/root.pem");
    let verify = run(&[
        "ocsp",
        "-respin",
        der_path,
        "-CAfile",
        &root,
        "-issuer",
        &inter,
        "-verify_other",
        &inter,
    ])?;
    Some(Openssl {
        statuses,
        verified: verify.contains("Response verify OK"),
    })
}

#[test]
fn every_response_reads_as_openssl_reads_it() {
    let names: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".der") && !n.starts_with("req-"))
        .collect();
    assert!(names.len() >= 10, "{names:?}");
    if openssl(&format!("{DIR}/good.der")).is_none() {
        assert!(
            std::env::var_os("CERTSCOPE_REQUIRE_OPENSSL").is_none(),
            "openssl is required"
        );
        eprintln!("openssl not installed: the comparison is skipped");
        return;
    }
    for name in &names {
        let theirs = openssl(&format!("{DIR}/{name}")).unwrap();
        let r = run(name);
        let o = one(&r);
        let ours = Openssl {
            statuses: o.responses.iter().map(|s| s.status.to_owned()).collect(),
            verified: o.signature.as_ref().is_some_and(|s| {
                s.verdict == "verified" && matches!(s.authority, "issuer" | "delegated")
            }),
        };
        assert_eq!(ours, theirs, "{name}");
    }
}

#[test]
fn a_pasted_certificate_with_its_ca_and_the_response_reads_as_one() {
    let r = inspect(&file("revoked-with-chain.pem"), &Options::at(AT)).unwrap();
    let o = one(&r);
    assert_eq!((o.location.block, o.location.line), (3, Some(24)));
    let s = &o.responses[0];
    assert_eq!(
        (s.status, s.certificate, s.issuer),
        ("revoked", Some(0), Some(1))
    );
    let sig = o.signature.as_ref().unwrap();
    assert_eq!((sig.verdict, sig.authority), ("verified", "issuer"));
    let text = certscope::render_text(&r);
    assert!(
        text.contains("OCSP response [1] at block 3, line 24"),
        "{text}"
    );
    assert!(
        text.contains(
            "certificate [1] CN=revoked.example: revoked on 2026-12-01T12:00:00Z (keyCompromise)"
        ),
        "{text}"
    );
}

/// A generated corpus: each response with one bit changed at 32 places spread over it (its
/// header, the statuses and times, the signature), read by certscope and by `openssl ocsp`.
/// Where both read it they read the same statuses, and neither verifies a changed response.
/// certscope refuses what OpenSSL refuses; beyond that it refuses only a time that is no valid
/// DER GeneralizedTime or UTCTime (X.690 §11.7, RFC 5280 §4.1.2.5), which OpenSSL decodes
/// without checking and prints as "Bad time value" (6 of 192 on the fixtures of 2026-12-03).
#[test]
fn responses_changed_bit_by_bit_read_as_openssl_reads_them() {
    if openssl(&format!("{DIR}/good.der")).is_none() {
        assert!(
            std::env::var_os("CERTSCOPE_REQUIRE_OPENSSL").is_none(),
            "openssl is required"
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("certscope-ocsp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (mut compared, mut refused) = (0, Vec::new());
    for name in [
        "good.der",
        "revoked.der",
        "delegated.der",
        "unknown.der",
        "nonce.der",
        "sha256.der",
    ] {
        let der = file(name);
        for k in 0..32 {
            let at = k * der.len() / 32;
            let mut changed = der.clone();
            changed[at] ^= 0x01;
            let path = dir.join(format!("{name}-{at}"));
            std::fs::write(&path, &changed).unwrap();
            let theirs = openssl(path.to_str().unwrap()).unwrap();
            let pem = der::pem::encode_string("OCSP RESPONSE", der::pem::LineEnding::LF, &changed)
                .unwrap();
            let mut input = String::from_utf8(file("inter.pem")).unwrap();
            input.push_str(&String::from_utf8(file("good.pem")).unwrap());
            input.push_str(&pem);
            let r = inspect(input.as_bytes(), &Options::at(AT)).unwrap();
            let Some(o) = r.ocsp.first() else {
                refused.push((
                    format!("{name} byte {at}"),
                    theirs.statuses.clone(),
                    r.errors[0].message.clone(),
                ));
                continue;
            };
            let verified = o.signature.as_ref().is_some_and(|s| {
                s.verdict == "verified" && matches!(s.authority, "issuer" | "delegated")
            });
            let statuses: Vec<String> = o.responses.iter().map(|s| s.status.to_owned()).collect();
            assert_eq!(
                (statuses, verified),
                (theirs.statuses, theirs.verified),
                "{name} with byte {at} changed"
            );
            compared += 1;
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    for (what, statuses, why) in &refused {
        assert!(
            statuses.is_empty() || why.contains("Time"),
            "{what}: openssl read {statuses:?}, certscope refused it: {why}"
        );
    }
    eprintln!(
        "{compared} changed responses agree with openssl, {} refused as DER",
        refused.len()
    );
    assert!(compared >= 100, "{compared}");
}

#[test]
fn a_request_names_the_certificates_it_asks_about() {
    let mut input = String::new();
    for p in ["root.pem", "inter.pem", "good.pem", "revoked.pem"] {
        input.push_str(&String::from_utf8(file(p)).unwrap());
    }
    input.push_str(
        &der::pem::encode_string(
            "OCSP REQUEST",
            der::pem::LineEnding::LF,
            &file("req-two.der"),
        )
        .unwrap(),
    );
    let r = inspect(input.as_bytes(), &Options::at(AT)).unwrap();
    assert!(r.errors.is_empty() && r.ocsp.is_empty(), "{:?}", r.errors);
    let q = &r.ocsp_requests[0];
    let asked: Vec<_> = q
        .certificates
        .iter()
        .map(|c| (c.serial.as_str(), c.certificate, c.issuer))
        .collect();
    assert_eq!(
        asked,
        [("20:01", Some(2), Some(1)), ("20:02", Some(3), Some(1))]
    );
    assert_eq!(
        q.certificates[1].subject.as_deref(),
        Some("CN=revoked.example")
    );
    assert_eq!(q.nonce.as_ref().map(|n| n.split(':').count()), Some(16));
    assert_eq!((q.signed, q.requestor.as_deref()), (false, None));
    // A request alone, as raw DER: recognised by its shape (six SEQUENCEs down to a hash OID).
    let alone = inspect(&file("req-sha256.der"), &Options::at(AT)).unwrap();
    assert!(alone.errors.is_empty(), "{:?}", alone.errors);
    let c = &alone.ocsp_requests[0].certificates[0];
    assert_eq!(
        (c.serial.as_str(), c.hash_algorithm.as_str(), c.certificate),
        ("20:03", "SHA-256", None)
    );
    let text = certscope::render_text(&r);
    assert!(text.contains("OCSP request [1] at block 5"), "{text}");
}

#[test]
fn every_request_reads_as_openssl_reads_it() {
    let names: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("req-") && n.ends_with(".der"))
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    for name in &names {
        let out = std::process::Command::new("openssl")
            .args(["ocsp", "-reqin", &format!("{DIR}/{name}"), "-req_text"])
            .output();
        let Ok(out) = out else {
            assert!(
                std::env::var_os("CERTSCOPE_REQUIRE_OPENSSL").is_none(),
                "openssl is required"
            );
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout);
        let theirs: Vec<String> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("Serial Number: "))
            .map(str::to_owned)
            .collect();
        let r = inspect(&file(name), &Options::at(AT)).unwrap();
        let q = &r.ocsp_requests[0];
        let ours: Vec<String> = q
            .certificates
            .iter()
            .map(|c| c.serial.replace(':', ""))
            .collect();
        assert_eq!(ours, theirs, "{name}");
        assert_eq!(q.nonce.is_some(), text.contains("OCSP Nonce"), "{name}");
        let requestor = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("Requestor Name: DirName:"));
        assert_eq!(
            q.requestor.as_deref().map(|r| r.replace('=', " = ")),
            requestor.map(str::to_owned),
            "{name}"
        );
        assert_eq!(q.signed, text.contains("Signature Algorithm"), "{name}");
    }
}

/// The certificates `pems` and the response `name`, with root.pem as the only trusted root.
fn chain_with(name: &str, pems: &[&str]) -> Report {
    let mut input = String::new();
    for p in pems {
        input.push_str(&String::from_utf8(file(p)).unwrap());
    }
    input.push_str(
        &der::pem::encode_string("OCSP RESPONSE", der::pem::LineEnding::LF, &file(name)).unwrap(),
    );
    let options = Options::at(AT).roots(certscope::Roots::Custom {
        certificates: file("root.pem"),
        with_mozilla: false,
    });
    inspect(input.as_bytes(), &options).unwrap()
}

#[test]
fn a_revoked_answer_from_the_ca_makes_the_chain_untrusted() {
    let r = chain_with("revoked.der", &["revoked.pem", "inter.pem"]);
    let chain = r.chains.iter().find(|c| c.leaf == 0).unwrap();
    for v in [&chain.browser, &chain.strict] {
        assert!(!v.trusted, "{}", v.summary);
        let p = v.problem.as_ref().unwrap();
        assert_eq!(p.code, "revoked");
        assert_eq!(p.certificate, Some(0));
        assert_eq!(
            p.message,
            "CN=revoked.example was revoked on 2026-12-01 (keyCompromise): an OCSP response signed by its CA says so"
        );
        assert!(v.path[0].failed);
    }
    // No chain file is offered for a revoked certificate.
    assert!(chain.fix.is_none());
    // The same chain and a "good" answer for another certificate: trusted.
    let r = chain_with("good.der", &["revoked.pem", "inter.pem"]);
    let chain = r.chains.iter().find(|c| c.leaf == 0).unwrap();
    assert!(chain.browser.trusted, "{}", chain.browser.summary);
    // A "good" answer from the delegated responder about the pasted certificate: trusted.
    let r = chain_with("delegated.der", &["good.pem", "inter.pem"]);
    let chain = r.chains.iter().find(|c| c.leaf == 0).unwrap();
    assert!(chain.browser.trusted, "{}", chain.browser.summary);
    assert_eq!(r.ocsp[0].responses[0].status, "good");
}

#[test]
fn a_revoked_answer_whose_signature_fails_changes_no_verdict() {
    // revoked.der with one byte of its signature changed: the finding says the signature
    // fails; the chain stays trusted, as no trustworthy answer revokes it.
    let mut der = file("revoked.der");
    let last = der.len() - 1;
    der[last] ^= 1;
    let mut input = String::new();
    for p in ["revoked.pem", "inter.pem"] {
        input.push_str(&String::from_utf8(file(p)).unwrap());
    }
    input.push_str(
        &der::pem::encode_string("OCSP RESPONSE", der::pem::LineEnding::LF, &der).unwrap(),
    );
    let options = Options::at(AT).roots(certscope::Roots::Custom {
        certificates: file("root.pem"),
        with_mozilla: false,
    });
    let r = inspect(input.as_bytes(), &options).unwrap();
    assert_eq!(r.ocsp[0].signature.as_ref().unwrap().verdict, "invalid");
    assert!(
        r.chains
            .iter()
            .find(|c| c.leaf == 0)
            .unwrap()
            .browser
            .trusted
    );
}

/// `openssl ocsp -resp_text` of `der_path`, live.
fn resp_text(der_path: &str) -> Option<String> {
    let out = std::process::Command::new("openssl")
        .args(["ocsp", "-respin", der_path, "-resp_text", "-noverify"])
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Every response OpenSSL's responder made, printed by `openssl ocsp -resp_text` (run live)
/// and pasted after the certificates, reads as its DER does: each status with its serial,
/// certificate, issuer, reason and times, the produced time, the nonce and the responder's
/// name or key hash. Only the signature is left unchecked, and the report says why.
#[test]
fn openssl_text_of_every_response_reads_as_its_der() {
    let pems = [
        "root.pem",
        "inter.pem",
        "good.pem",
        "revoked.pem",
        "unknown.pem",
    ];
    let mut compared = 0;
    for name in [
        "good.der",
        "revoked.der",
        "unknown.der",
        "delegated.der",
        "unauthorised.der",
        "by-key.der",
        "nonce.der",
        "sha256.der",
        "tampered.der",
    ] {
        let Some(text) = resp_text(&format!("{DIR}/{name}")) else {
            assert!(
                std::env::var_os("CERTSCOPE_REQUIRE_OPENSSL").is_none(),
                "openssl is required"
            );
            return;
        };
        let mut input = String::new();
        for p in pems {
            input.push_str(&String::from_utf8(file(p)).unwrap());
        }
        input.push_str(&text);
        let from_text = inspect(input.as_bytes(), &Options::at(AT)).unwrap();
        let from_der = run(name);
        let (t, d) = (one(&from_text), one(&from_der));
        assert_eq!(t.response_status, d.response_status, "{name}");
        assert_eq!(t.responses, d.responses, "{name}");
        assert_eq!(t.produced_at, d.produced_at, "{name}");
        assert_eq!(t.nonce, d.nonce, "{name}");
        let responder = |o: &OcspReport| {
            o.responder
                .as_ref()
                .map(|r| (r.name.clone(), r.key_hash.clone()))
        };
        assert_eq!(responder(t), responder(d), "{name}");
        let sig = t.signature.as_ref().unwrap();
        assert_eq!(
            (sig.verdict, sig.algorithm.as_str()),
            (
                "unchecked",
                d.signature.as_ref().unwrap().algorithm.as_str()
            ),
            "{name}"
        );
        assert!(ids(t).contains(&"ocsp.text"), "{name}");
        compared += 1;
    }
    assert_eq!(compared, 9);
}

/// An unchecked answer never decides a verdict: the revoked certificate's chain stays as the
/// CRL-less path makes it, while its DER (signature verified) makes it untrusted.
#[test]
fn a_revocation_read_from_text_does_not_change_the_verdict() {
    let text = String::from_utf8(file("revoked-resp-text.txt")).unwrap();
    let options = Options::at(AT).roots(certscope::Roots::Custom {
        certificates: file("root.pem"),
        with_mozilla: false,
    });
    let r = inspect(text.as_bytes(), &options).unwrap();
    assert_eq!(one(&r).responses[0].status, "revoked");
    assert!(
        r.chains[0].browser.trusted,
        "{:?}",
        r.chains[0].browser.problem
    );
    let der = inspect(&file("revoked-with-chain.pem"), &options).unwrap();
    assert_eq!(
        der.chains[0].browser.problem.as_ref().unwrap().code,
        "revoked"
    );
}

/// A real `openssl s_client -status` transcript of an `openssl s_server` stapling a response
/// (tests/data/ocsp/make-text.sh): the stapled response is read and tied to the certificate
/// the server sent.
#[test]
fn a_stapled_response_in_an_s_client_transcript_is_read() {
    let r = inspect(&file("stapled-s_client.txt"), &Options::at(AT + DAY)).unwrap();
    let o = one(&r);
    assert_eq!(o.location.line, Some(12));
    assert_eq!(o.responses.len(), 1);
    let s = &o.responses[0];
    assert_eq!(
        (s.status, s.freshness, s.certificate, s.serial.as_str()),
        ("good", "fresh", Some(0), "40:01")
    );
    assert_eq!(
        o.responder.as_ref().unwrap().name.as_deref(),
        Some("CN=certscope stapling test root")
    );
    assert_eq!(r.connections.len(), 1);
}
