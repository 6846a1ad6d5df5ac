//! SCTs a server delivers beside its certificate (RFC 6962 §3.3): in the TLS handshake and in
//! a stapled OCSP response, each signing the certificate itself (x509_entry). The fixtures of
//! `tests/data/ct/delivered/` (make.sh) are a real TLS 1.2 connection whose SCTs come from two
//! test logs; OpenSSL's `s_client -ct` checked each of them against those logs
//! (`s_client-ct.txt`), the oracle here. The logs are added to the lookup for the test only.

use super::logs::{AppleLog, AppleState, CtLog, LogState, TEST_LOGS};
use super::Source;
use crate::{inspect, Options};
use base64ct::Encoding;
use sha2::{Digest, Sha256};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ct/delivered/");

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{name}")).unwrap()
}

/// The fixtures' two test logs, known for this thread; the time of check an hour after the
/// SCTs were made.
fn known_logs() -> u64 {
    for (file, name, operator) in [
        ("log-a.der", "certscope test log A", "Test operator A"),
        ("log-b.der", "certscope test log B", "Test operator B"),
    ] {
        let key = read(file);
        let id = base64ct::Base64::encode_string(&Sha256::digest(&key));
        let log = CtLog {
            name: name.into(),
            operator: operator.into(),
            state: LogState::Qualified,
            retired: None,
            api: "rfc6962",
            list: "chrome",
            apple: Some(AppleLog {
                state: AppleState::Usable,
                since: String::new(),
                operator: operator.into(),
                since_at: 0,
            }),
            retired_at: None,
            previous_operators: Vec::new(),
            key,
        };
        TEST_LOGS.with_borrow_mut(|logs| logs.push((id, log)));
    }
    let made: u64 = String::from_utf8(read("made.txt"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    made + 3600
}

/// OpenSSL's verdicts in the recorded `s_client -ct` session (each SCT printed after its
/// "SCT validation status" line): the log ids (hex, as it prints them) of the SCTs it found
/// valid.
fn openssl_valid() -> Vec<String> {
    let text = String::from_utf8(read("s_client-ct.txt")).unwrap();
    let session = &text[text.find("SCTs present").unwrap()..];
    let mut ids = Vec::new();
    let mut status = "";
    let mut lines = session.lines();
    while let Some(line) = lines.next() {
        if let Some(s) = line.strip_prefix("SCT validation status: ") {
            status = s;
        } else if let Some(first) = line.trim().strip_prefix("Log ID    : ") {
            let second = lines.next().unwrap().trim();
            if status == "valid" {
                ids.push(format!("{first}{second}").replace(':', ""));
            }
        }
    }
    ids
}

/// The fixtures' four SCTs, two from the handshake and two from the OCSP response, all
/// verified and all among those OpenSSL found valid.
fn two_sent_in_the_handshake_two_in_ocsp_as_openssl_said(ct: &super::CtReport) {
    let seen: Vec<(Source, &str)> = ct.scts.iter().map(|s| (s.source, s.signature)).collect();
    assert_eq!(
        seen,
        [
            (Source::Tls, "verified"),
            (Source::Tls, "verified"),
            (Source::Ocsp, "verified"),
            (Source::Ocsp, "verified"),
        ]
    );
    let mut ours: Vec<String> = ct.scts.iter().map(|s| hex_id(&s.log_id)).collect();
    let mut openssl = openssl_valid();
    ours.sort();
    openssl.sort();
    assert_eq!(ours, openssl, "OpenSSL found these SCTs valid");
}

fn hex_id(b64: &str) -> String {
    base64ct::Base64::decode_vec(b64)
        .unwrap()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

#[test]
fn scts_from_the_handshake_and_the_stapled_response_verify_as_openssl_says() {
    let at = known_logs();
    let report = inspect(&read("tls12-scts.pcap"), &Options::at(at)).unwrap();
    let ct = report.chains[0].ct.as_ref().unwrap();
    two_sent_in_the_handshake_two_in_ocsp_as_openssl_said(ct);
    // Two logs of two operators, sent by the server: Chrome's option 1 and Apple's policy.
    assert!(ct.chrome.compliant, "{}", ct.chrome.explanation);
    assert!(ct.chrome.explanation.contains("the server sends"));
    assert!(ct.apple.compliant, "{}", ct.apple.explanation);
    assert!(ct
        .findings
        .iter()
        .all(|f| f.id != "ct.sct-invalid-signature"));
}

#[test]
fn a_changed_sct_in_the_handshake_fails_alone() {
    let at = known_logs();
    let mut capture = read("tls12-scts.pcap");
    let list = read("tls-scts.bin");
    let start = capture
        .windows(list.len())
        .position(|w| w == list.as_slice())
        .unwrap();
    // The first SCT's signature ends 2 + 2 + its length into the list.
    let first = usize::from(u16::from_be_bytes([list[2], list[3]]));
    capture[start + 4 + first - 1] ^= 1;
    let report = inspect(&capture, &Options::at(at)).unwrap();
    let ct = report.chains[0].ct.as_ref().unwrap();
    let signatures: Vec<&str> = ct.scts.iter().map(|s| s.signature).collect();
    assert_eq!(signatures, ["invalid", "verified", "verified", "verified"]);
    let f = ct
        .findings
        .iter()
        .find(|f| f.id == "ct.sct-invalid-signature")
        .unwrap();
    assert!(
        f.evidence.contains("sent in the TLS handshake"),
        "{}",
        f.evidence
    );
}

#[test]
fn scts_in_a_pasted_ocsp_response_sign_the_pasted_certificate() {
    let at = known_logs();
    let ocsp =
        der::pem::encode_string("OCSP RESPONSE", der::pem::LineEnding::LF, &read("ocsp.der"))
            .unwrap();
    let mut input = read("leaf.pem");
    input.extend(read("root.pem"));
    input.extend(ocsp.as_bytes());
    let report = inspect(&input, &Options::at(at)).unwrap();
    assert!(report.ocsp[0].responses[0].scts.is_some());
    let ct = report.chains[0].ct.as_ref().unwrap();
    let seen: Vec<(Source, &str)> = ct.scts.iter().map(|s| (s.source, s.signature)).collect();
    assert_eq!(
        seen,
        [(Source::Ocsp, "verified"), (Source::Ocsp, "verified")]
    );
    // The same SCTs do not sign another certificate.
    let mut other = read("root.pem");
    other.extend(ocsp.as_bytes());
    let report = inspect(&other, &Options::at(at)).unwrap();
    assert!(
        report.chains.iter().all(|c| c.ct.is_none()),
        "the response is not about the root"
    );
}

#[test]
fn delivered_lists_cross_to_the_module_as_text() {
    let tls = read("tls-scts.bin");
    let text = format!(
        "tls {}\nocsp {}\nother x\n",
        base64ct::Base64::encode_string(&tls),
        base64ct::Base64::encode_string(&read("ocsp-scts.bin"))
    );
    let read = super::delivered_read(&text);
    assert_eq!(read.len(), 2);
    assert_eq!(read[0], (Source::Tls, tls));
    assert_eq!(read[1].0, Source::Ocsp);
}

#[test]
fn at_most_sixteen_scts_are_checked_per_certificate() {
    let at = known_logs();
    let leaf = der::pem::decode_vec(&read("leaf.pem")).unwrap().1;
    let list = read("tls-scts.bin");
    // Nine copies of a two-SCT list: eighteen SCTs, two past the bound.
    let delivered: Vec<super::Delivered<'_>> = (0..9)
        .map(|_| super::Delivered {
            source: Source::Tls,
            list: &list,
        })
        .collect();
    let ct = super::check(&leaf, None, 90 * 86_400, at, &delivered).unwrap();
    assert_eq!(ct.scts.len(), 16);
    assert!(ct.scts.iter().all(|s| s.signature == "verified"));
    let f = ct
        .findings
        .iter()
        .find(|f| f.id == "ct.too-many-scts")
        .unwrap();
    assert_eq!(f.evidence, "2 more not checked");
}

/// The SCTs of a TLS-encoded list, sorted.
fn each_sct(list: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = &list[2..];
    while rest.len() >= 2 {
        let n = usize::from(u16::from_be_bytes([rest[0], rest[1]]));
        out.push(rest[2..2 + n].to_vec());
        rest = &rest[2 + n..];
    }
    out.sort();
    out
}

/// The transcript without the OCSP response s_client printed (as without `-status`).
fn without_ocsp_printout(text: &str) -> String {
    let start = text.find("OCSP response:").unwrap();
    let end = text
        .find("======================================\n---")
        .unwrap();
    format!("{}{}", &text[..start], &text[end + 39..])
}

#[test]
fn scts_printed_by_s_client_verify_as_openssl_said() {
    let at = known_logs();
    let transcript = String::from_utf8(read("s_client-ct.txt")).unwrap();
    // Read back, the printed SCTs are byte for byte those the server sent (s_client prints
    // them in another order).
    let lists = super::printed_lists(&transcript);
    let sources: Vec<Source> = lists.iter().map(|(s, _)| *s).collect();
    assert_eq!(sources, [Source::Tls, Source::Ocsp]);
    assert_eq!(each_sct(&lists[0].1), each_sct(&read("tls-scts.bin")));
    assert_eq!(each_sct(&lists[1].1), each_sct(&read("ocsp-scts.bin")));
    let report = inspect(transcript.as_bytes(), &Options::at(at)).unwrap();
    let ct = report.chains[0].ct.as_ref().unwrap();
    two_sent_in_the_handshake_two_in_ocsp_as_openssl_said(ct);
    assert!(ct.chrome.compliant, "{}", ct.chrome.explanation);
    // Without the OCSP printout the transcript cannot say how each came.
    let bare = without_ocsp_printout(&transcript);
    let report = inspect(bare.as_bytes(), &Options::at(at)).unwrap();
    let ct = report.chains[0].ct.as_ref().unwrap();
    assert_eq!(ct.scts.len(), 4);
    assert!(ct
        .scts
        .iter()
        .all(|s| (s.source, s.signature) == (Source::Server, "verified")));
    // A changed signature byte in the printout fails that SCT alone.
    let changed = transcript.replacen("5E:E0:D7:6D:B2:2A:73:E1", "5E:E0:D7:6D:B2:2A:73:E2", 1);
    let report = inspect(changed.as_bytes(), &Options::at(at)).unwrap();
    let signatures: Vec<&str> = report.chains[0]
        .ct
        .as_ref()
        .unwrap()
        .scts
        .iter()
        .map(|s| s.signature)
        .collect();
    assert_eq!(signatures, ["invalid", "verified", "verified", "verified"]);
}

#[test]
fn a_certificates_own_scts_listed_again_are_not_counted_twice() {
    use der::Decode;
    let at = known_logs();
    let leaf = der::pem::decode_vec(&read("leaf.pem")).unwrap().1;
    // The delivered list given twice over, once as if s_client had printed it: the SCTs that
    // are already there as delivered ones are kept (a server may send one list twice), but a
    // list equal to the embedded one is dropped; the leaf here has no embedded SCTs, so both
    // copies stay.
    let list = read("tls-scts.bin");
    let twice = [
        super::Delivered {
            source: Source::Tls,
            list: &list,
        },
        super::Delivered {
            source: Source::Server,
            list: &list,
        },
    ];
    assert_eq!(
        super::check(&leaf, None, 90 * 86_400, at, &twice)
            .unwrap()
            .scts
            .len(),
        4
    );
    // cryptography.io's certificate, with its own embedded list given as printed by s_client.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ct/");
    let pem = std::fs::read(format!("{dir}cryptography-scts.pem")).unwrap();
    let leaf = der::pem::decode_vec(&pem).unwrap().1;
    let cert = x509_cert::Certificate::from_der(&leaf).unwrap();
    let ext = cert
        .tbs_certificate()
        .extensions()
        .unwrap()
        .iter()
        .find(|e| e.extn_id.to_string() == "1.3.6.1.4.1.11129.2.4.2")
        .unwrap();
    let embedded = der::asn1::OctetString::from_der(ext.extn_value.as_bytes()).unwrap();
    let again = [super::Delivered {
        source: Source::Server,
        list: embedded.as_bytes(),
    }];
    let ct = super::check(&leaf, None, 90 * 86_400, 1_538_352_000, &again).unwrap();
    let sources: Vec<Source> = ct.scts.iter().map(|s| s.source).collect();
    assert_eq!(sources, [Source::Embedded, Source::Embedded]);
}
