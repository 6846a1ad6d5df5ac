//! Packet captures made by tests/data/capture/make-captures.sh (OpenSSL's s_server and
//! s_client, and curl, on 127.0.0.1, captured with tcpdump and dumpcap): each decoded exactly,
//! and every ClientHello and ServerHello field compared with tshark's reading of the same
//! capture (run live when `tshark` is installed, else its recorded output beside each file).

#![cfg(feature = "capture")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use certscope::{inspect, CaptureReport, Options, Report, Roots, TlsConnection};
use serde_json::Value;

/// 2026-12-10, a week after the captures were made (their leaves are valid for 90 days).
const AT: u64 = 1_796_860_800;
const DIR: &str = "tests/data/capture";

fn run(file: &str) -> Report {
    let bytes = std::fs::read(format!("{DIR}/{file}")).unwrap();
    let root = std::fs::read(format!("{DIR}/root.pem")).unwrap();
    inspect(
        &bytes,
        &Options::at(AT).roots(Roots::Custom {
            certificates: root,
            with_mozilla: false,
        }),
    )
    .unwrap()
}

fn capture(r: &Report) -> &CaptureReport {
    assert_eq!(r.captures.len(), 1, "{:?}", r.errors);
    &r.captures[0]
}

fn only(r: &Report) -> &TlsConnection {
    let c = capture(r);
    assert_eq!(c.connections.len(), 1);
    &c.connections[0]
}

fn kinds(c: &TlsConnection) -> Vec<String> {
    c.messages
        .iter()
        .map(|m| format!("{} {}", m.from, m.kind))
        .collect()
}

#[test]
fn tls12_full_handshake() {
    let r = run("tls12-ecdsa.pcap");
    let cap = capture(&r);
    assert_eq!(
        (cap.format, cap.packets, cap.tcp_connections),
        ("pcap", 14, 1)
    );
    assert_eq!(cap.link_types, ["Ethernet"]);
    let c = only(&r);
    assert!(c.client.starts_with("127.0.0.1:") && c.server == "127.0.0.1:44301");
    assert!(c.tcp_opened);
    let hello = c.client_hello.as_ref().unwrap();
    assert_eq!(hello.sni.as_deref(), Some("localhost"));
    assert!(hello.status_request);
    let server = c.server_hello.as_ref().unwrap();
    assert_eq!(server.version.name, "TLS 1.2");
    assert_eq!(
        server.cipher_suite.name,
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"
    );
    let kx = c.server_key_exchange.as_ref().unwrap();
    assert_eq!(kx.group.as_ref().unwrap().name, "x25519");
    assert_eq!(kx.key_length, 32);
    assert_eq!(
        kx.signature.as_ref().unwrap().name,
        "ecdsa_secp256r1_sha256"
    );
    assert_eq!(
        kinds(c),
        [
            "client ClientHello",
            "server ServerHello",
            "server Certificate",
            "server ServerKeyExchange",
            "server ServerHelloDone",
            "client ClientKeyExchange",
            "client ChangeCipherSpec",
            "client Encrypted handshake",
            "server NewSessionTicket",
            "server ChangeCipherSpec",
            "server Encrypted handshake",
            "client Encrypted alert",
            "server Encrypted alert",
        ]
    );
    // Packet numbers and times are the capture's.
    assert_eq!(c.messages[0].packet, 4);
    assert!(c.messages[1].time > 0.0 && c.messages[1].time < 0.1);
    // The certificates sent in the clear are analysed, for the SNI name, against the root.
    assert_eq!((c.certificates, c.certificates_from), (2, Some(0)));
    assert_eq!(r.certificates.len(), 2);
    assert_eq!(
        r.certificates[0].subject.common_name.as_deref(),
        Some("localhost")
    );
    let chain = &r.chains[0];
    assert!(chain.browser.trusted, "{:?}", chain.browser.problem);
    // The connection verdicts are the transcript ones.
    let conn = &r.connections[c.connection];
    assert_eq!(conn.tool, "capture");
    assert_eq!(conn.protocol.as_deref(), Some("TLSv1.2"));
    assert_eq!(conn.group.as_deref(), Some("X25519"));
    assert!(conn.cipher_info.as_ref().unwrap().forward_secrecy);
    assert_eq!(conn.quantum.signature, "classical");
    assert!(
        conn.quantum.summary.contains("ECDSA P-256"),
        "{}",
        conn.quantum.summary
    );
    let ids: Vec<_> = conn.findings.iter().map(|f| f.id).collect();
    assert!(
        ids.contains(&"tls.version-1.2") && ids.contains(&"tls.no-ocsp-staple"),
        "{ids:?}"
    );
}

#[test]
fn reordered_and_retransmitted_segments_decode_the_same() {
    let a = run("tls12-ecdsa.pcap");
    let b = run("tls12-reordered.pcap");
    let (x, y) = (only(&a), only(&b));
    assert_eq!(x.client_hello, y.client_hello);
    assert_eq!(x.server_hello, y.server_hello);
    assert_eq!(kinds(x), kinds(y));
    assert_eq!(a.certificates.len(), b.certificates.len());
    assert_eq!(
        a.certificates[0].fingerprints.sha256,
        b.certificates[0].fingerprints.sha256
    );
    assert_eq!((x.retransmissions, x.out_of_order), (0, 0));
    assert_eq!((y.retransmissions, y.out_of_order), (1, 1));
}

#[test]
fn truncated_file_gives_what_was_read_and_where_it_stopped() {
    let r = run("tls12-truncated.pcap");
    let cap = capture(&r);
    let size = std::fs::metadata(format!("{DIR}/tls12-truncated.pcap"))
        .unwrap()
        .len();
    assert_eq!(cap.notes.len(), 1, "{:?}", cap.notes);
    assert!(
        cap.notes[0].contains("truncated") && cap.notes[0].contains("after packet 11"),
        "{:?}",
        cap.notes
    );
    let offset = r.errors[0].location.byte_offset as u64;
    assert!(offset < size && offset > size - 100, "{offset} of {size}");
    // The handshake before the damage is all there.
    assert_eq!(only(&r).certificates, 2);
}

#[test]
fn alert_from_a_client_that_does_not_trust_the_certificate() {
    let r = run("tls12-rsa-alert.pcap");
    let c = only(&r);
    assert_eq!(c.alerts.len(), 1);
    let alert = &c.alerts[0];
    assert_eq!(
        (alert.from, alert.code, alert.name, alert.fatal),
        ("client", 48, "unknown_ca", true)
    );
    assert_eq!(kinds(c).last().unwrap(), "client Alert: unknown_ca");
    let conn = &r.connections[c.connection];
    assert!(conn
        .findings
        .iter()
        .any(|f| f.id == "tls.fatal-alert" && f.title.contains("unknown_ca")));
    assert_eq!(
        c.server_hello.as_ref().unwrap().cipher_suite.name,
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
    );
    // The server's self-signed RSA certificate, the one the client refused.
    assert_eq!(r.certificates.len(), 1);
    assert_eq!(
        r.certificates[0].subject.common_name.as_deref(),
        Some("rsa.localhost")
    );
    assert_eq!(r.certificates[0].public_key.algorithm, "RSA");
}

#[test]
fn tls13_from_curl_as_pcapng() {
    let r = run("tls13-curl.pcapng");
    assert_eq!(capture(&r).format, "pcapng");
    let c = only(&r);
    let server = c.server_hello.as_ref().unwrap();
    assert_eq!(server.version.name, "TLS 1.3");
    assert_eq!(server.legacy_version.name, "TLS 1.2");
    assert_eq!(c.client_hello.as_ref().unwrap().alpn, ["http/1.1"]);
    assert!(c.certificate_encrypted && c.certificates == 0);
    assert!(r.certificates.is_empty());
    let k = kinds(c);
    assert_eq!(
        &k[..4],
        [
            "client ClientHello",
            "server ServerHello",
            "server ChangeCipherSpec",
            "server Encrypted handshake"
        ]
    );
    assert!(k.contains(&"client Encrypted handshake".to_owned()));
    assert!(k.contains(&"server Application data".to_owned()));
    let conn = &r.connections[c.connection];
    assert_eq!(conn.protocol.as_deref(), Some("TLSv1.3"));
    // TLS 1.3 sends the chosen protocol in EncryptedExtensions: not readable here.
    assert_eq!(conn.alpn, None);
}

#[test]
fn hello_retry_request() {
    let r = run("tls13-hrr.pcap");
    let c = only(&r);
    let first = c.client_hello.as_ref().unwrap();
    assert_eq!(first.key_shares.len(), 1);
    assert_eq!(first.key_shares[0].group.name, "x25519");
    let hrr = c.hello_retry_request.as_ref().unwrap();
    assert!(hrr.hello_retry_request);
    assert_eq!(hrr.group.as_ref().unwrap().name, "secp256r1");
    let second = c.second_client_hello.as_ref().unwrap();
    assert_eq!(second.key_shares[0].group.name, "secp256r1");
    assert_eq!(second.key_shares[0].length, 65);
    assert_eq!(
        c.server_hello
            .as_ref()
            .unwrap()
            .group
            .as_ref()
            .unwrap()
            .name,
        "secp256r1"
    );
    assert_eq!(
        &kinds(c)[..3],
        [
            "client ClientHello",
            "server HelloRetryRequest",
            "server ChangeCipherSpec"
        ]
    );
    let conn = &r.connections[c.connection];
    assert!(conn.findings.iter().any(|f| f.id == "tls.hello-retry"));
}

#[test]
fn session_resumption() {
    let r = run("tls12-resume.pcap");
    let cap = capture(&r);
    assert_eq!(cap.connections.len(), 2);
    let (full, resumed) = (&cap.connections[0], &cap.connections[1]);
    assert!(!full.resumed && full.certificates == 1);
    assert!(resumed.resumed && resumed.certificates == 0);
    assert!(resumed.client_hello.as_ref().unwrap().session_ticket);
    // The one certificate is analysed once.
    assert_eq!(r.certificates.len(), 1);
}

#[test]
fn a_capture_without_tls() {
    let r = run("http.pcap");
    let cap = capture(&r);
    assert!(cap.connections.is_empty());
    assert!(cap.tcp_connections >= 1);
    assert!(
        cap.notes.iter().any(|n| n.contains("did not carry TLS")),
        "{:?}",
        cap.notes
    );
}

#[test]
fn a_client_hello_pasted_as_hex() {
    let r = run("client-hello.hex");
    let cap = capture(&r);
    assert_eq!(cap.format, "TLS bytes");
    let c = only(&r);
    let pasted = c.client_hello.as_ref().unwrap();
    let captured = run("tls12-ecdsa.pcap");
    let original = only(&captured).client_hello.as_ref().unwrap();
    assert_eq!(pasted, original);
    assert_eq!(kinds(c), ["client ClientHello"]);
    // Without a record header, the bare handshake message is read too.
    let text = std::fs::read_to_string(format!("{DIR}/client-hello.hex")).unwrap();
    let bare = inspect(text.trim().get(10..).unwrap().as_bytes(), &Options::at(AT)).unwrap();
    assert_eq!(
        bare.captures[0].connections[0].client_hello.as_ref(),
        Some(original)
    );
}

#[test]
fn a_stapled_ocsp_response() {
    let bytes = std::fs::read(format!("{DIR}/tls12-ocsp.pcap")).unwrap();
    let root = std::fs::read(format!("{DIR}/ocsp-root.pem")).unwrap();
    let r = inspect(
        &bytes,
        &Options::at(AT).roots(Roots::Custom {
            certificates: root,
            with_mozilla: false,
        }),
    )
    .unwrap();
    let c = only(&r);
    assert!(kinds(c).contains(&"server CertificateStatus".to_owned()));
    let status = c
        .messages
        .iter()
        .find(|m| m.kind == "CertificateStatus")
        .unwrap();
    assert!(status
        .summary
        .starts_with("The server staples an OCSP response"));
    // The response is kept as it was sent: an OCSPResponse, successful (RFC 6960 §4.2.1).
    use base64ct::Encoding as _;
    let der = base64ct::Base64::decode_vec(c.stapled_ocsp.as_ref().unwrap()).unwrap();
    assert_eq!(&der[..2], [0x30, 0x82]);
    assert!(status.summary.contains(&format!("({} bytes)", der.len())));
    let conn = &r.connections[c.connection];
    assert_eq!(
        conn.ocsp.as_deref(),
        Some(format!("OCSP response stapled ({} bytes)", der.len()).as_str())
    );
    assert!(!conn.findings.iter().any(|f| f.id == "tls.no-ocsp-staple"));
    assert!(
        r.chains[0].browser.trusted,
        "{:?}",
        r.chains[0].browser.problem
    );
}

#[test]
fn http2_asked_for_by_alpn() {
    let r = run("tls13-h2.pcapng");
    let hello = only(&r).client_hello.as_ref().unwrap();
    assert_eq!(hello.alpn, ["h2", "http/1.1"]);
    assert!(
        hello.ja4.starts_with("t13d") && hello.ja4[..10].ends_with("h2"),
        "{}",
        hello.ja4
    );
}

/// A TLS 1.3 ServerHello as a record, in hex: `suite`, then supported_versions and the
/// key_share for `group` with a key of `key` bytes; `random` ends with `tail`.
fn server_hello_hex(
    suite: u16,
    version: Option<u16>,
    group: Option<(u16, u16)>,
    tail: &[u8],
) -> String {
    let mut extensions = Vec::new();
    if let Some(v) = version {
        extensions.extend([0, 43, 0, 2]);
        extensions.extend(v.to_be_bytes());
    }
    if let Some((g, key)) = group {
        extensions.extend([0, 51]);
        extensions.extend((4 + key).to_be_bytes());
        extensions.extend(g.to_be_bytes());
        extensions.extend(key.to_be_bytes());
        extensions.extend(vec![0x42; usize::from(key)]);
    }
    let mut body = vec![3, 3];
    let mut random = vec![0x11; 32 - tail.len()];
    random.extend(tail);
    body.extend(random);
    body.push(0);
    body.extend(suite.to_be_bytes());
    body.push(0);
    body.extend(u16::try_from(extensions.len()).unwrap().to_be_bytes());
    body.extend(extensions);
    let mut message = vec![2];
    message.extend(&u32::try_from(body.len()).unwrap().to_be_bytes()[1..]);
    message.extend(body);
    let mut record = vec![22, 3, 3];
    record.extend(u16::try_from(message.len()).unwrap().to_be_bytes());
    record.extend(message);
    record
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_hybrid_post_quantum_key_exchange_is_named_and_judged() {
    // X25519MLKEM768 (0x11ec): the server's share is an ML-KEM-768 ciphertext and an X25519 key.
    let hex = server_hello_hex(0x1301, Some(0x0304), Some((0x11ec, 1120)), b"");
    let r = inspect(hex.as_bytes(), &Options::at(AT)).unwrap();
    let server = only(&r).server_hello.as_ref().unwrap();
    assert_eq!(server.group.as_ref().unwrap().name, "X25519MLKEM768");
    assert_eq!(server.version.name, "TLS 1.3");
    let conn = &r.connections[0];
    assert!(conn.post_quantum);
    assert_eq!(conn.quantum.key_exchange, "hybrid");
    assert!(conn.findings.iter().any(|f| f.id == "tls.post-quantum"));
}

#[test]
fn the_downgrade_sentinel_is_an_error() {
    // A TLS 1.2 ServerHello from a server that supports TLS 1.3 (RFC 8446 §4.1.3).
    let hex = server_hello_hex(0xc02f, None, None, b"DOWNGRD\x01");
    let r = inspect(hex.as_bytes(), &Options::at(AT)).unwrap();
    assert_eq!(
        only(&r).server_hello.as_ref().unwrap().downgrade_sentinel,
        Some("TLS 1.2")
    );
    assert!(r.connections[0]
        .findings
        .iter()
        .any(|f| f.id == "tls.downgrade-sentinel"));
    // Without it, no finding.
    let r = inspect(
        server_hello_hex(0xc02f, None, None, b"").as_bytes(),
        &Options::at(AT),
    )
    .unwrap();
    assert!(!r.connections[0]
        .findings
        .iter()
        .any(|f| f.id == "tls.downgrade-sentinel"));
}

/// `tls12-ecdsa.pcap` rewritten big-endian (as a big-endian machine's libpcap writes it) with
/// nanosecond timestamps (magic a1b23c4d).
fn big_endian_nanoseconds(le: &[u8]) -> Vec<u8> {
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());
    let mut out = vec![0xa1, 0xb2, 0x3c, 0x4d];
    out.extend(2u16.to_be_bytes());
    out.extend(4u16.to_be_bytes());
    for field in [8, 12, 16, 20] {
        out.extend(u32_at(le, field).to_be_bytes());
    }
    let mut at = 24;
    while at < le.len() {
        let (sec, usec, caplen, len) = (
            u32_at(le, at),
            u32_at(le, at + 4),
            u32_at(le, at + 8),
            u32_at(le, at + 12),
        );
        out.extend(sec.to_be_bytes());
        out.extend((usec * 1000).to_be_bytes());
        out.extend(caplen.to_be_bytes());
        out.extend(len.to_be_bytes());
        let caplen = usize::try_from(caplen).unwrap();
        out.extend(&le[at + 16..at + 16 + caplen]);
        at += 16 + caplen;
    }
    out
}

#[test]
fn a_big_endian_nanosecond_pcap_reads_the_same() {
    let le = std::fs::read(format!("{DIR}/tls12-ecdsa.pcap")).unwrap();
    let root = std::fs::read(format!("{DIR}/root.pem")).unwrap();
    let options = Options::at(AT).roots(Roots::Custom {
        certificates: root,
        with_mozilla: false,
    });
    let a = inspect(&le, &options).unwrap();
    let b = inspect(&big_endian_nanoseconds(&le), &options).unwrap();
    let (x, y) = (only(&a), only(&b));
    assert_eq!(
        (capture(&b).packets, &capture(&b).link_types),
        (14, &vec!["Ethernet".to_owned()])
    );
    assert_eq!(x.client_hello, y.client_hello);
    assert_eq!(kinds(x), kinds(y));
    assert!(
        (x.start - y.start).abs() < 1e-6 && (x.messages[1].time - y.messages[1].time).abs() < 1e-9
    );
    assert!(b.chains[0].browser.trusted);
}

#[test]
fn a_capture_that_starts_after_the_tcp_handshake() {
    // tls12-ecdsa.pcap without its first three packets (SYN, SYN+ACK, ACK): the side that
    // speaks first (the ClientHello) is the client.
    let full = std::fs::read(format!("{DIR}/tls12-ecdsa.pcap")).unwrap();
    let mut cut = full[..24].to_vec();
    let mut at = 24;
    for packet in 0.. {
        if at >= full.len() {
            break;
        }
        let len = 16
            + usize::try_from(u32::from_le_bytes(
                full[at + 8..at + 12].try_into().unwrap(),
            ))
            .unwrap();
        if packet >= 3 {
            cut.extend(&full[at..at + len]);
        }
        at += len;
    }
    let r = inspect(&cut, &Options::at(AT)).unwrap();
    let c = only(&r);
    assert!(!c.tcp_opened);
    assert!(c.server.ends_with(":44301"), "{}", c.server);
    assert_eq!(kinds(c), kinds(only(&run("tls12-ecdsa.pcap"))));
}

#[test]
fn a_capture_of_another_link_type_says_so() {
    // The same file, its header saying IEEE 802.11 (105).
    let mut bytes = std::fs::read(format!("{DIR}/tls12-ecdsa.pcap")).unwrap();
    bytes[20..24].copy_from_slice(&105u32.to_le_bytes());
    let r = inspect(&bytes, &Options::at(AT)).unwrap();
    let cap = capture(&r);
    assert!(cap.connections.is_empty());
    assert!(
        cap.notes
            .iter()
            .any(|n| n.starts_with("None of the 14 packets was TCP over IP")
                && n.contains("link type 105")),
        "{:?}",
        cap.notes
    );
}

// ---- tshark as the oracle ----

/// tshark's JSON for the hellos of `file`: live when tshark is installed, else recorded.
fn tshark(file: &str) -> Vec<Value> {
    let path = format!("{DIR}/{file}");
    let fields = std::fs::read_to_string(format!("{DIR}/tshark-fields.txt")).unwrap();
    let mut args = vec![
        "-r".to_owned(),
        path.clone(),
        "-Y".into(),
        "tls.handshake.type == 1 or tls.handshake.type == 2".into(),
        "-T".into(),
        "json".into(),
    ];
    for f in fields.lines() {
        args.push("-e".into());
        args.push(f.into());
    }
    let json = match std::process::Command::new("tshark").args(&args).output() {
        Ok(out) if out.status.success() => String::from_utf8(out.stdout).unwrap(),
        _ => {
            // scripts/test.sh installs tshark and asks for it: there the oracle is always live.
            assert!(
                std::env::var_os("CERTSCOPE_REQUIRE_TSHARK").is_none(),
                "tshark is required (CERTSCOPE_REQUIRE_TSHARK) but did not run"
            );
            eprintln!("tshark not installed: using its recorded output");
            std::fs::read_to_string(format!("{path}.tshark.json")).unwrap()
        }
    };
    let v: Value = serde_json::from_str(&json).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| p["_source"]["layers"].clone())
        .collect()
}

fn strings(layers: &Value, field: &str) -> Vec<String> {
    layers[field]
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

fn numbers(layers: &Value, field: &str) -> Vec<u16> {
    strings(layers, field)
        .iter()
        .map(|s| match s.strip_prefix("0x") {
            Some(h) => u16::from_str_radix(h, 16).unwrap(),
            None => s.parse().unwrap(),
        })
        .collect()
}

fn ids(values: &[certscope::TlsValue]) -> Vec<u16> {
    values.iter().map(|v| v.id).collect()
}

/// tshark's JA3 (or JA3S) string (`field`_full) and hash (`field`) are certscope's.
fn same_fingerprint(layers: &Value, field: &str, text: &str, hash: &str, what: &str) {
    assert_eq!(strings(layers, &format!("{field}_full")), [text], "{what}");
    assert_eq!(strings(layers, field), [hash], "{what}");
}

#[test]
fn every_hello_agrees_with_tshark() {
    let mut hellos = (0, 0);
    for file in [
        "tls12-ecdsa.pcap",
        "tls12-reordered.pcap",
        "tls12-resume.pcap",
        "tls12-rsa-alert.pcap",
        "tls13-curl.pcapng",
        "tls13-hrr.pcap",
        "tls12-ocsp.pcap",
        "tls13-h2.pcapng",
    ] {
        let r = run(file);
        let packets = tshark(file);
        assert!(!packets.is_empty(), "{file}");
        for layers in &packets {
            let frame: u32 = strings(layers, "frame.number")[0].parse().unwrap();
            let types = strings(layers, "tls.handshake.type");
            let connection = capture(&r)
                .connections
                .iter()
                .find(|c| c.messages.iter().any(|m| m.packet == frame))
                .unwrap_or_else(|| panic!("{file}: no connection has packet {frame}"));
            let at_frame = |kind: &str| {
                connection
                    .messages
                    .iter()
                    .any(|m| m.packet == frame && m.kind == kind)
            };
            if types.contains(&"1".to_owned()) {
                hellos.0 += 1;
                // The ClientHello sent again after a HelloRetryRequest is the second one.
                let second = connection
                    .messages
                    .iter()
                    .filter(|m| m.kind == "ClientHello")
                    .nth(1)
                    .is_some_and(|m| m.packet == frame);
                let c = match (&connection.second_client_hello, second) {
                    (Some(again), true) => again,
                    _ => connection.client_hello.as_ref().unwrap(),
                };
                let what = format!("{file} frame {frame}");
                assert_eq!(
                    c.sni.iter().cloned().collect::<Vec<_>>(),
                    strings(layers, "tls.handshake.extensions_server_name"),
                    "{what}"
                );
                let lists: [(&[certscope::TlsValue], &str); 5] = [
                    (&c.cipher_suites, "tls.handshake.ciphersuite"),
                    (&c.extensions, "tls.handshake.extension.type"),
                    (&c.groups, "tls.handshake.extensions_supported_group"),
                    (&c.versions, "tls.handshake.extensions.supported_version"),
                    (&c.signature_algorithms, "tls.handshake.sig_hash_alg"),
                ];
                for (ours, field) in lists {
                    assert_eq!(ids(ours), numbers(layers, field), "{what}: {field}");
                }
                assert_eq!(
                    c.alpn,
                    strings(layers, "tls.handshake.extensions_alpn_str"),
                    "{what}"
                );
                let shares: Vec<u16> = c.key_shares.iter().map(|k| k.group.id).collect();
                assert_eq!(
                    shares,
                    numbers(layers, "tls.handshake.extensions_key_share_group"),
                    "{what}"
                );
                same_fingerprint(layers, "tls.handshake.ja3", &c.ja3, &c.ja3_hash, &what);
            } else {
                hellos.1 += 1;
                let s = if at_frame("HelloRetryRequest") {
                    connection.hello_retry_request.as_ref().unwrap()
                } else {
                    connection.server_hello.as_ref().unwrap()
                };
                let what = format!("{file} frame {frame}");
                assert_eq!(
                    numbers(layers, "tls.handshake.ciphersuite"),
                    [s.cipher_suite.id],
                    "{what}"
                );
                assert_eq!(
                    ids(&s.extensions),
                    numbers(layers, "tls.handshake.extension.type"),
                    "{what}"
                );
                let version = numbers(layers, "tls.handshake.extensions.supported_version");
                assert_eq!(
                    version.first().copied().unwrap_or(s.legacy_version.id),
                    s.version.id,
                    "{what}"
                );
                // A HelloRetryRequest names the group it wants in a field of its own.
                let group = if s.hello_retry_request {
                    "tls.handshake.extensions_key_share_selected_group"
                } else {
                    "tls.handshake.extensions_key_share_group"
                };
                assert_eq!(
                    s.group.iter().map(|g| g.id).collect::<Vec<_>>(),
                    numbers(layers, group),
                    "{what}"
                );
                same_fingerprint(layers, "tls.handshake.ja3s", &s.ja3s, &s.ja3s_hash, &what);
            }
        }
    }
    // Every hello of the eight captures: 10 ClientHellos and 10 ServerHellos (one a
    // HelloRetryRequest), less the reordered capture's ServerHello, which tshark 4.0 does not
    // read (its tcp.reassemble_out_of_order is off by default: it shows "Continuation Data");
    // certscope reads it, identical to the original's (reordered_and_retransmitted_…).
    assert_eq!(hellos, (10, 9));
}

// ---- ja4plus (PyPI) as the JA4 oracle: tshark 4.0 has JA3 but not JA4 ----

const CAPTURES: [&str; 8] = [
    "tls12-ecdsa.pcap",
    "tls12-reordered.pcap",
    "tls12-resume.pcap",
    "tls12-rsa-alert.pcap",
    "tls13-curl.pcapng",
    "tls13-hrr.pcap",
    "tls12-ocsp.pcap",
    "tls13-h2.pcapng",
];

/// ja4plus's JA4 of every ClientHello in `file`, live when it is installed, else recorded
/// (tests/data/capture/ja4plus.json, written by make-captures.sh).
fn ja4plus(file: &str) -> Vec<String> {
    let path = format!("{DIR}/{file}");
    let out = std::process::Command::new("ja4plus")
        .args(["--format", "json", "--types", "ja4", "analyze", &path])
        .output();
    let lines = match out {
        Ok(out) if out.status.success() => String::from_utf8(out.stdout).unwrap(),
        _ => {
            assert!(
                std::env::var_os("CERTSCOPE_REQUIRE_TSHARK").is_none(),
                "ja4plus is required (scripts/setup.sh installs it) but did not run"
            );
            eprintln!("ja4plus not installed: using its recorded output");
            let recorded: Value = serde_json::from_str(
                &std::fs::read_to_string(format!("{DIR}/ja4plus.json")).unwrap(),
            )
            .unwrap();
            return recorded[file]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
        }
    };
    let mut out: Vec<String> = lines
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["fingerprint"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_ja4_agrees_with_ja4plus() {
    let mut compared = 0;
    for file in CAPTURES {
        let r = run(file);
        let mut ours: Vec<String> = capture(&r)
            .connections
            .iter()
            .flat_map(|c| [&c.client_hello, &c.second_client_hello])
            .flatten()
            .map(|h| h.ja4.clone())
            .collect();
        ours.sort();
        assert_eq!(ours, ja4plus(file), "{file}");
        compared += ours.len();
    }
    assert_eq!(compared, 10);
}

/// Reading a capture reports how far it got, about every MiB and once at the end, never going
/// back: what the page's progress bar shows. A 6 MB capture: one connection's packets repeated.
#[test]
fn reading_a_big_capture_reports_its_progress() {
    let one = std::fs::read("tests/data/capture/tls12-ecdsa.pcap").unwrap();
    let (header, records) = one.split_at(24);
    let mut big = header.to_vec();
    while big.len() < 6 << 20 {
        big.extend_from_slice(records);
    }
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let read = certscope::read_capture_reporting(&big, &mut |done, total| seen.push((done, total)));
    assert!(read.is_ok());
    assert!(seen.len() >= 6, "{seen:?}");
    assert!(seen.iter().all(|&(_, total)| total == big.len()));
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(seen.last(), Some(&(big.len(), big.len())));
    assert!(seen.iter().any(|&(done, total)| done > 0 && done < total));
    // Without a callback it reads the same capture.
    assert_eq!(
        certscope::read_capture(&big).unwrap().capture.packets,
        read.unwrap().capture.packets
    );
}
