//! IANA names of the TLS values a handshake carries: supported groups, signature schemes,
//! extensions and alerts (the IANA "Transport Layer Security (TLS) Parameters" and
//! "TLS Extensions" registries; [RFC 8446] §4.2, §6). Cipher suites are named by
//! `tls-parser`'s table.
//!
//! [RFC 8446]: https://www.rfc-editor.org/rfc/rfc8446

/// Whether `value` is a GREASE value ([RFC 8701]): `0x?A?A` with both bytes equal.
///
/// [RFC 8701]: https://www.rfc-editor.org/rfc/rfc8701
pub(crate) fn is_grease(value: u16) -> bool {
    value & 0x0f0f == 0x0a0a && value >> 8 == value & 0xff
}

/// A supported group (named curve, finite-field group or post-quantum KEM).
pub(crate) fn group(id: u16) -> Option<&'static str> {
    Some(match id {
        19 => "secp192r1",
        21 => "secp224r1",
        22 => "secp256k1",
        23 => "secp256r1",
        24 => "secp384r1",
        25 => "secp521r1",
        26 => "brainpoolP256r1",
        27 => "brainpoolP384r1",
        28 => "brainpoolP512r1",
        29 => "x25519",
        30 => "x448",
        31 => "brainpoolP256r1tls13",
        32 => "brainpoolP384r1tls13",
        33 => "brainpoolP512r1tls13",
        256 => "ffdhe2048",
        257 => "ffdhe3072",
        258 => "ffdhe4096",
        259 => "ffdhe6144",
        260 => "ffdhe8192",
        512 => "MLKEM512",
        513 => "MLKEM768",
        514 => "MLKEM1024",
        4587 => "SecP256r1MLKEM768",
        4588 => "X25519MLKEM768",
        4589 => "SecP384r1MLKEM1024",
        25497 => "X25519Kyber768Draft00",
        25498 => "SecP256r1Kyber768Draft00",
        _ => return None,
    })
}

/// A signature scheme (TLS 1.3) or hash/signature pair (TLS 1.2).
pub(crate) fn signature_scheme(id: u16) -> Option<&'static str> {
    Some(match id {
        0x0201 => "rsa_pkcs1_sha1",
        0x0202 => "dsa_sha1",
        0x0203 => "ecdsa_sha1",
        0x0301 => "rsa_pkcs1_sha224",
        0x0302 => "dsa_sha224",
        0x0303 => "ecdsa_sha224",
        0x0401 => "rsa_pkcs1_sha256",
        0x0402 => "dsa_sha256",
        0x0403 => "ecdsa_secp256r1_sha256",
        0x0501 => "rsa_pkcs1_sha384",
        0x0502 => "dsa_sha384",
        0x0503 => "ecdsa_secp384r1_sha384",
        0x0601 => "rsa_pkcs1_sha512",
        0x0602 => "dsa_sha512",
        0x0603 => "ecdsa_secp521r1_sha512",
        0x0804 => "rsa_pss_rsae_sha256",
        0x0805 => "rsa_pss_rsae_sha384",
        0x0806 => "rsa_pss_rsae_sha512",
        0x0807 => "ed25519",
        0x0808 => "ed448",
        0x0809 => "rsa_pss_pss_sha256",
        0x080a => "rsa_pss_pss_sha384",
        0x080b => "rsa_pss_pss_sha512",
        0x081a => "ecdsa_brainpoolP256r1tls13_sha256",
        0x081b => "ecdsa_brainpoolP384r1tls13_sha384",
        0x081c => "ecdsa_brainpoolP512r1tls13_sha512",
        0x0904 => "mldsa44",
        0x0905 => "mldsa65",
        0x0906 => "mldsa87",
        _ => return None,
    })
}

/// An extension type.
pub(crate) fn extension(id: u16) -> Option<&'static str> {
    Some(match id {
        0 => "server_name",
        1 => "max_fragment_length",
        5 => "status_request",
        10 => "supported_groups",
        11 => "ec_point_formats",
        13 => "signature_algorithms",
        14 => "use_srtp",
        15 => "heartbeat",
        16 => "application_layer_protocol_negotiation",
        17 => "status_request_v2",
        18 => "signed_certificate_timestamp",
        21 => "padding",
        22 => "encrypt_then_mac",
        23 => "extended_master_secret",
        27 => "compress_certificate",
        28 => "record_size_limit",
        34 => "delegated_credential",
        35 => "session_ticket",
        41 => "pre_shared_key",
        42 => "early_data",
        43 => "supported_versions",
        44 => "cookie",
        45 => "psk_key_exchange_modes",
        47 => "certificate_authorities",
        48 => "oid_filters",
        49 => "post_handshake_auth",
        50 => "signature_algorithms_cert",
        51 => "key_share",
        57 => "quic_transport_parameters",
        13172 => "next_protocol_negotiation",
        17513 => "application_settings (old)",
        17613 => "application_settings",
        65037 => "encrypted_client_hello",
        65281 => "renegotiation_info",
        _ => return None,
    })
}

/// A protocol version as people write it.
pub(crate) fn version(v: u16) -> String {
    match v {
        0x0200 => "SSL 2.0".into(),
        0x0300 => "SSL 3.0".into(),
        0x0301 => "TLS 1.0".into(),
        0x0302 => "TLS 1.1".into(),
        0x0303 => "TLS 1.2".into(),
        0x0304 => "TLS 1.3".into(),
        v if is_grease(v) => "GREASE".into(),
        v if v >> 8 == 0x7f => format!("TLS 1.3 draft {}", v & 0xff),
        v => format!("0x{v:04x}"),
    }
}

/// An alert's name and what usually causes it ([RFC 8446] §6.2).
pub(crate) fn alert(code: u8) -> (&'static str, &'static str) {
    match code {
        0 => ("close_notify", "The sender is closing the connection normally."),
        10 => ("unexpected_message", "A message arrived out of order: usually a bug, or something other than TLS on the port."),
        20 => ("bad_record_mac", "A record failed its integrity check: corrupted in transit, a middlebox rewriting bytes, or mismatched keys."),
        22 => ("record_overflow", "A record was longer than allowed."),
        40 => ("handshake_failure", "No acceptable set of parameters: usually no cipher suite, group or signature algorithm both sides support."),
        42 => ("bad_certificate", "The certificate was corrupt or its signature did not verify."),
        43 => ("unsupported_certificate", "The certificate's type or key is not supported by the peer."),
        44 => ("certificate_revoked", "The certificate was revoked by its issuer."),
        45 => ("certificate_expired", "The certificate has expired or is not yet valid (check the clocks too)."),
        46 => ("certificate_unknown", "The certificate was refused for another reason: often a name mismatch or a chain the client could not build."),
        47 => ("illegal_parameter", "A field was out of range or inconsistent with the others."),
        48 => ("unknown_ca", "The client could not find a trusted root for the chain: a missing intermediate or a private CA it does not trust."),
        49 => ("access_denied", "The certificate was valid but access was refused."),
        50 => ("decode_error", "A message could not be decoded."),
        51 => ("decrypt_error", "A handshake signature or Finished check failed."),
        70 => ("protocol_version", "The peer does not support the offered TLS version (for example a server with TLS 1.0 disabled)."),
        71 => ("insufficient_security", "The peer requires stronger cipher suites than were offered."),
        80 => ("internal_error", "The peer hit an error of its own, unrelated to the protocol."),
        86 => ("inappropriate_fallback", "A client retried with a lower version while the server supports a higher one (RFC 7507)."),
        90 => ("user_canceled", "The handshake was cancelled by the user or application."),
        100 => ("no_renegotiation", "Renegotiation was refused."),
        109 => ("missing_extension", "A required extension was missing."),
        110 => ("unsupported_extension", "An extension was sent that the peer had not offered or does not allow here."),
        112 => ("unrecognized_name", "The server has no site for the name sent in SNI."),
        113 => ("bad_certificate_status_response", "The stapled OCSP response was invalid."),
        115 => ("unknown_psk_identity", "The session ticket or pre-shared key was not recognised."),
        116 => ("certificate_required", "The server requires a client certificate and none was sent (mutual TLS)."),
        120 => ("no_application_protocol", "No ALPN protocol in common (for example the server does not speak h2 or http/1.1 as offered)."),
        121 => ("ech_required", "The server requires Encrypted Client Hello."),
        _ => ("unknown alert", "An alert code certscope does not know."),
    }
}

/// A cipher suite's IANA name (`tls-parser`'s table), `GREASE`, or its number.
pub(crate) fn cipher_suite(id: u16) -> String {
    if is_grease(id) {
        return "GREASE".into();
    }
    match tls_parser::TlsCipherSuiteID(id).get_ciphersuite() {
        Some(suite) => suite.name.to_owned(),
        None if id == 0x00ff => "TLS_EMPTY_RENEGOTIATION_INFO_SCSV".into(),
        None if id == 0x5600 => "TLS_FALLBACK_SCSV".into(),
        None => format!("0x{id:04X}"),
    }
}

/// `name` for a known value, "GREASE" for GREASE, else the number in hex.
pub(crate) fn or_number(name: Option<&'static str>, id: u16) -> String {
    match name {
        Some(n) => n.to_owned(),
        None if is_grease(id) => "GREASE".into(),
        None => format!("0x{id:04x}"),
    }
}

/// "s" for a count other than one.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grease_values() {
        let grease: Vec<u16> = (0..=u16::MAX).filter(|v| is_grease(*v)).collect();
        assert_eq!(grease.len(), 16);
        assert_eq!(grease.first(), Some(&0x0a0a));
        assert_eq!(grease.last(), Some(&0xfafa));
        assert!(!is_grease(0x0a1a));
    }

    #[test]
    fn named() {
        assert_eq!(cipher_suite(0x1301), "TLS_AES_128_GCM_SHA256");
        assert_eq!(
            cipher_suite(0xc02b),
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
        );
        assert_eq!(group(0x11ec), Some("X25519MLKEM768"));
        assert_eq!(version(0x0304), "TLS 1.3");
    }
}
