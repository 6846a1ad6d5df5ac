//! Names for object identifiers: friendly ones for what people meet in web PKI, and
//! const-oid's database of registered names for the rest.

use const_oid::ObjectIdentifier as Oid;

const fn oid(s: &str) -> Oid {
    Oid::new_unwrap(s)
}

/// A name table: OID and name.
type Table = &'static [(Oid, &'static str)];

/// Certificate extensions ([RFC 5280 §4.2], CT [RFC 6962 §3.3], TLS feature [RFC 7633]).
///
/// [RFC 5280 §4.2]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2
/// [RFC 6962 §3.3]: https://www.rfc-editor.org/rfc/rfc6962#section-3.3
/// [RFC 7633]: https://www.rfc-editor.org/rfc/rfc7633
pub(crate) const EXTENSIONS: Table = &[
    (oid("2.5.29.14"), "Subject Key Identifier"),
    (oid("2.5.29.15"), "Key Usage"),
    (oid("2.5.29.16"), "Private Key Usage Period"),
    (oid("2.5.29.17"), "Subject Alternative Name"),
    (oid("2.5.29.18"), "Issuer Alternative Name"),
    (oid("2.5.29.19"), "Basic Constraints"),
    (oid("2.5.29.30"), "Name Constraints"),
    (oid("2.5.29.31"), "CRL Distribution Points"),
    (oid("2.5.29.32"), "Certificate Policies"),
    (oid("2.5.29.33"), "Policy Mappings"),
    (oid("2.5.29.35"), "Authority Key Identifier"),
    (oid("2.5.29.36"), "Policy Constraints"),
    (oid("2.5.29.37"), "Extended Key Usage"),
    (oid("2.5.29.46"), "Freshest CRL"),
    (oid("2.5.29.54"), "Inhibit anyPolicy"),
    (oid("2.5.29.72"), "Subject Alternative Public Key"),
    (oid("2.5.29.73"), "Alternative Signature Algorithm"),
    (oid("2.5.29.74"), "Alternative Signature Value"),
    (oid("1.3.6.1.5.5.7.1.1"), "Authority Information Access"),
    (oid("1.3.6.1.5.5.7.1.11"), "Subject Information Access"),
    (oid("1.3.6.1.5.5.7.1.24"), "TLS Feature"),
    (
        oid("1.3.6.1.4.1.11129.2.4.2"),
        "Signed Certificate Timestamps",
    ),
    (oid("1.3.6.1.4.1.11129.2.4.3"), "Precertificate Poison"),
    (oid("2.16.840.1.113730.1.1"), "Netscape Certificate Type"),
    (oid("2.16.840.1.113730.1.13"), "Netscape Comment"),
    (
        oid("1.3.6.1.4.1.311.20.2"),
        "Microsoft Certificate Template Name",
    ),
    (oid("1.3.6.1.4.1.311.21.1"), "Microsoft CA Version"),
    (
        oid("1.3.6.1.4.1.311.21.7"),
        "Microsoft Certificate Template",
    ),
    (
        oid("1.3.6.1.4.1.311.21.10"),
        "Microsoft Application Policies",
    ),
];

/// Signature algorithms ([RFC 4055], [RFC 5758], [RFC 8410]).
///
/// [RFC 4055]: https://www.rfc-editor.org/rfc/rfc4055
/// [RFC 5758]: https://www.rfc-editor.org/rfc/rfc5758
/// [RFC 8410]: https://www.rfc-editor.org/rfc/rfc8410
pub(crate) const SIGNATURES: Table = &[
    (oid("1.2.840.113549.1.1.2"), "MD2 with RSA"),
    (oid("1.2.840.113549.1.1.4"), "MD5 with RSA"),
    (oid("1.2.840.113549.1.1.5"), "SHA-1 with RSA"),
    (oid("1.2.840.113549.1.1.10"), "RSA-PSS"),
    (oid("1.2.840.113549.1.1.11"), "SHA-256 with RSA"),
    (oid("1.2.840.113549.1.1.12"), "SHA-384 with RSA"),
    (oid("1.2.840.113549.1.1.13"), "SHA-512 with RSA"),
    (oid("1.2.840.113549.1.1.14"), "SHA-224 with RSA"),
    (oid("1.2.840.10045.4.1"), "ECDSA with SHA-1"),
    (oid("1.2.840.10045.4.3.1"), "ECDSA with SHA-224"),
    (oid("1.2.840.10045.4.3.2"), "ECDSA with SHA-256"),
    (oid("1.2.840.10045.4.3.3"), "ECDSA with SHA-384"),
    (oid("1.2.840.10045.4.3.4"), "ECDSA with SHA-512"),
    (oid("1.2.840.10040.4.3"), "DSA with SHA-1"),
    (oid("2.16.840.1.101.3.4.3.2"), "DSA with SHA-256"),
    (oid("1.3.101.112"), "Ed25519"),
    (oid("1.3.101.113"), "Ed448"),
];

/// Post-quantum algorithms, each naming a key and its signatures alike: ML-DSA ([FIPS 204],
/// [RFC 9881]) and SLH-DSA ([FIPS 205]). [`name`] finds them whatever the table.
///
/// [FIPS 204]: https://doi.org/10.6028/NIST.FIPS.204
/// [FIPS 205]: https://doi.org/10.6028/NIST.FIPS.205
/// [RFC 9881]: https://www.rfc-editor.org/rfc/rfc9881
pub(crate) const POST_QUANTUM: Table = &[
    (oid("2.16.840.1.101.3.4.3.17"), "ML-DSA-44"),
    (oid("2.16.840.1.101.3.4.3.18"), "ML-DSA-65"),
    (oid("2.16.840.1.101.3.4.3.19"), "ML-DSA-87"),
    (oid("2.16.840.1.101.3.4.3.20"), "SLH-DSA-SHA2-128s"),
    (oid("2.16.840.1.101.3.4.3.21"), "SLH-DSA-SHA2-128f"),
    (oid("2.16.840.1.101.3.4.3.22"), "SLH-DSA-SHA2-192s"),
    (oid("2.16.840.1.101.3.4.3.23"), "SLH-DSA-SHA2-192f"),
    (oid("2.16.840.1.101.3.4.3.24"), "SLH-DSA-SHA2-256s"),
    (oid("2.16.840.1.101.3.4.3.25"), "SLH-DSA-SHA2-256f"),
    (oid("2.16.840.1.101.3.4.3.26"), "SLH-DSA-SHAKE-128s"),
    (oid("2.16.840.1.101.3.4.3.27"), "SLH-DSA-SHAKE-128f"),
    (oid("2.16.840.1.101.3.4.3.28"), "SLH-DSA-SHAKE-192s"),
    (oid("2.16.840.1.101.3.4.3.29"), "SLH-DSA-SHAKE-192f"),
    (oid("2.16.840.1.101.3.4.3.30"), "SLH-DSA-SHAKE-256s"),
    (oid("2.16.840.1.101.3.4.3.31"), "SLH-DSA-SHAKE-256f"),
];

/// The composite ML-DSA algorithms of [draft-ietf-lamps-pq-composite-sigs §7], by their arc
/// under `1.3.6.1.5.5.7.6` (37 to 54), with the draft's names (its `id-` dropped).
///
/// [draft-ietf-lamps-pq-composite-sigs §7]: https://datatracker.ietf.org/doc/draft-ietf-lamps-pq-composite-sigs/
const COMPOSITES: [&str; 18] = [
    "MLDSA44-RSA2048-PSS-SHA256",
    "MLDSA44-RSA2048-PKCS15-SHA256",
    "MLDSA44-Ed25519-SHA512",
    "MLDSA44-ECDSA-P256-SHA256",
    "MLDSA65-RSA3072-PSS-SHA512",
    "MLDSA65-RSA3072-PKCS15-SHA512",
    "MLDSA65-RSA4096-PSS-SHA512",
    "MLDSA65-RSA4096-PKCS15-SHA512",
    "MLDSA65-ECDSA-P256-SHA512",
    "MLDSA65-ECDSA-P384-SHA512",
    "MLDSA65-ECDSA-brainpoolP256r1-SHA512",
    "MLDSA65-Ed25519-SHA512",
    "MLDSA87-ECDSA-P384-SHA512",
    "MLDSA87-ECDSA-brainpoolP384r1-SHA512",
    "MLDSA87-Ed448-SHAKE256",
    "MLDSA87-RSA3072-PSS-SHA512",
    "MLDSA87-RSA4096-PSS-SHA512",
    "MLDSA87-ECDSA-P521-SHA512",
];

/// The name of a composite ML-DSA algorithm (`dotted`), if it is one.
pub(crate) fn composite(dotted: &str) -> Option<&'static str> {
    let arc = dotted
        .strip_prefix("1.3.6.1.5.5.7.6.")?
        .parse::<usize>()
        .ok()?;
    COMPOSITES.get(arc.checked_sub(37)?).copied()
}

/// Public key algorithms ([RFC 3279], [RFC 5480], [RFC 8410]).
///
/// [RFC 3279]: https://www.rfc-editor.org/rfc/rfc3279
/// [RFC 5480]: https://www.rfc-editor.org/rfc/rfc5480
/// [RFC 8410]: https://www.rfc-editor.org/rfc/rfc8410
pub(crate) const KEY_ALGORITHMS: Table = &[
    (oid("1.2.840.113549.1.1.1"), "RSA"),
    (oid("1.2.840.113549.1.1.10"), "RSA-PSS"),
    (oid("1.2.840.10045.2.1"), "EC"),
    (oid("1.2.840.10040.4.1"), "DSA"),
    (oid("1.3.101.110"), "X25519"),
    (oid("1.3.101.111"), "X448"),
    (oid("1.3.101.112"), "Ed25519"),
    (oid("1.3.101.113"), "Ed448"),
    (oid("2.16.840.1.101.3.4.4.1"), "ML-KEM-512"),
    (oid("2.16.840.1.101.3.4.4.2"), "ML-KEM-768"),
    (oid("2.16.840.1.101.3.4.4.3"), "ML-KEM-1024"),
];

/// Named elliptic curves ([RFC 5480 §2.1.1.1]) with their size in bits.
///
/// [RFC 5480 §2.1.1.1]: https://www.rfc-editor.org/rfc/rfc5480#section-2.1.1.1
pub(crate) const CURVES: &[(Oid, &str, u32)] = &[
    (oid("1.2.840.10045.3.1.7"), "P-256", 256),
    (oid("1.3.132.0.34"), "P-384", 384),
    (oid("1.3.132.0.35"), "P-521", 521),
    (oid("1.3.132.0.10"), "secp256k1", 256),
    (oid("1.2.840.10045.3.1.1"), "P-192", 192),
    (oid("1.3.132.0.33"), "P-224", 224),
    (oid("1.3.36.3.3.2.8.1.1.7"), "brainpoolP256r1", 256),
    (oid("1.3.36.3.3.2.8.1.1.11"), "brainpoolP384r1", 384),
    (oid("1.3.36.3.3.2.8.1.1.13"), "brainpoolP512r1", 512),
];

/// Extended key usage purposes ([RFC 5280 §4.2.1.12]).
///
/// [RFC 5280 §4.2.1.12]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.12
pub(crate) const KEY_PURPOSES: Table = &[
    (oid("1.3.6.1.5.5.7.3.1"), "serverAuth"),
    (oid("1.3.6.1.5.5.7.3.2"), "clientAuth"),
    (oid("1.3.6.1.5.5.7.3.3"), "codeSigning"),
    (oid("1.3.6.1.5.5.7.3.4"), "emailProtection"),
    (oid("1.3.6.1.5.5.7.3.8"), "timeStamping"),
    (oid("1.3.6.1.5.5.7.3.9"), "OCSPSigning"),
    (oid("2.5.29.37.0"), "anyExtendedKeyUsage"),
    (
        oid("1.3.6.1.4.1.311.10.3.3"),
        "Microsoft Server Gated Crypto",
    ),
    (oid("2.16.840.1.113730.4.1"), "Netscape Server Gated Crypto"),
    (
        oid("1.3.6.1.4.1.11129.2.4.4"),
        "Certificate Transparency precertificate signing",
    ),
    (oid("1.3.6.1.5.5.7.3.17"), "ipsecIKE"),
    (oid("1.3.6.1.4.1.311.20.2.2"), "Microsoft smart card logon"),
];

/// Certificate policies people meet on web certificates: the CA/Browser Forum's reserved
/// policy identifiers ([Baseline Requirements §7.1.6.1]) and anyPolicy.
///
/// [Baseline Requirements §7.1.6.1]: https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7161-reserved-certificate-policy-identifiers
pub(crate) const POLICIES: Table = &[
    (oid("2.23.140.1.2.1"), "CA/B Forum Domain Validated (DV)"),
    (
        oid("2.23.140.1.2.2"),
        "CA/B Forum Organization Validated (OV)",
    ),
    (
        oid("2.23.140.1.2.3"),
        "CA/B Forum Individual Validated (IV)",
    ),
    (oid("2.23.140.1.1"), "CA/B Forum Extended Validation (EV)"),
    (oid("2.23.140.1.31"), "CA/B Forum Onion EV"),
    (oid("2.23.140.1.3"), "CA/B Forum EV Code Signing"),
    (oid("2.23.140.1.4.1"), "CA/B Forum Code Signing"),
    (oid("2.5.29.32.0"), "anyPolicy"),
    (
        oid("1.3.6.1.4.1.44947.1.1.1"),
        "ISRG Domain Validated (legacy)",
    ),
];

/// Access methods in AIA/SIA ([RFC 5280 §4.2.2.1]).
///
/// [RFC 5280 §4.2.2.1]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.2.1
pub(crate) const ACCESS_METHODS: Table = &[
    (oid("1.3.6.1.5.5.7.48.1"), "ocsp"),
    (oid("1.3.6.1.5.5.7.48.2"), "caIssuers"),
    (oid("1.3.6.1.5.5.7.48.3"), "timeStamping"),
    (oid("1.3.6.1.5.5.7.48.5"), "caRepository"),
];

/// Attribute types in distinguished names, with the short names OpenSSL and RFC 4514 use.
pub(crate) const ATTRIBUTES: &[(Oid, &str, &str)] = &[
    (oid("2.5.4.3"), "CN", "commonName"),
    (oid("2.5.4.6"), "C", "countryName"),
    (oid("2.5.4.7"), "L", "localityName"),
    (oid("2.5.4.8"), "ST", "stateOrProvinceName"),
    (oid("2.5.4.9"), "street", "streetAddress"),
    (oid("2.5.4.10"), "O", "organizationName"),
    (oid("2.5.4.11"), "OU", "organizationalUnitName"),
    (oid("2.5.4.5"), "serialNumber", "serialNumber"),
    (oid("2.5.4.4"), "SN", "surname"),
    (oid("2.5.4.42"), "GN", "givenName"),
    (oid("2.5.4.12"), "title", "title"),
    (oid("2.5.4.15"), "businessCategory", "businessCategory"),
    (oid("2.5.4.17"), "postalCode", "postalCode"),
    (oid("2.5.4.46"), "dnQualifier", "dnQualifier"),
    (oid("2.5.4.65"), "pseudonym", "pseudonym"),
    (
        oid("2.5.4.97"),
        "organizationIdentifier",
        "organizationIdentifier",
    ),
    (oid("0.9.2342.19200300.100.1.25"), "DC", "domainComponent"),
    (oid("0.9.2342.19200300.100.1.1"), "UID", "userId"),
    (oid("1.2.840.113549.1.9.1"), "emailAddress", "emailAddress"),
    (
        oid("1.3.6.1.4.1.311.60.2.1.1"),
        "jurisdictionL",
        "jurisdictionLocalityName",
    ),
    (
        oid("1.3.6.1.4.1.311.60.2.1.2"),
        "jurisdictionST",
        "jurisdictionStateOrProvinceName",
    ),
    (
        oid("1.3.6.1.4.1.311.60.2.1.3"),
        "jurisdictionC",
        "jurisdictionCountryName",
    ),
];

/// Looks `oid` up in `table`.
pub(crate) fn lookup(table: Table, oid: &Oid) -> Option<&'static str> {
    table.iter().find(|(o, _)| o == oid).map(|(_, n)| *n)
}

/// The best available name: from `table`, else the post-quantum names (which no other kind of
/// OID shares), else const-oid's database, else `None`.
pub(crate) fn name(table: Table, oid: &Oid) -> Option<&'static str> {
    lookup(table, oid)
        .or_else(|| lookup(POST_QUANTUM, oid))
        .or_else(|| composite(&oid.to_string()))
        .or_else(|| const_oid::db::DB.by_oid(oid))
}

/// Same as [`name`], falling back to the dotted OID.
pub(crate) fn name_or_dotted(table: Table, oid: &Oid) -> String {
    name(table, oid).map_or_else(|| oid.to_string(), str::to_owned)
}
