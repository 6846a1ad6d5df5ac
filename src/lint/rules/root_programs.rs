//! Mozilla's Root Store Policy beyond the Baseline Requirements: the exact encodings of
//! elliptic-curve keys and signatures it accepts (§5.1.2), the authority key identifier's form
//! (§5.2), and the purposes a subordinate CA may have (§5.3); and RFC 6962's rule that a
//! precertificate carries no SCTs. The profiles module carries them; they run on every
//! certificate when all lints are asked for ([`crate::Lints::All`]).

use der::{Decode, Encode};

use super::{fail, rule};
use crate::lint::engine::{Ctx, Level::*, Lint, AKI, ANY_EKU, EMAIL_PROTECTION, SERVER_AUTH};
use crate::Reference;

const ALGORITHMS: Reference = Reference {
    label: "Mozilla Root Store Policy §5.1.2",
    url: "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/policy/#512-ecdsa",
};
const AKI_FORM: Reference = Reference {
    label: "Mozilla Root Store Policy §5.2",
    url: "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/policy/#52-forbidden-and-required-practices",
};
const SUB_CA_EKU: Reference = Reference {
    label: "Mozilla Root Store Policy §5.3",
    url: "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/policy/#53-intermediate-certificates",
};
const RFC6962: Reference = Reference {
    label: "RFC 6962 §3.3",
    url: "https://www.rfc-editor.org/rfc/rfc6962#section-3.3",
};

/// 2013-07-26, Mozilla Root Store Policy 2.2.
const MOZILLA_2_2: u64 = 1_374_796_800;
/// 2019-01-01, when Mozilla's §5.3 purposes took effect for new intermediates.
const MOZILLA_EKU: u64 = 1_546_300_800;
/// 2025-03-15, Mozilla Root Store Policy 3.0.
const MOZILLA_3_0: u64 = 1_741_996_800;
/// 2013-06-01, RFC 6962.
const RFC6962_DATE: u64 = 1_370_044_800;

/// The only elliptic-curve key AlgorithmIdentifiers Mozilla accepts: id-ecPublicKey with the
/// named curve P-256, P-384 or P-521, DER-encoded.
const EC_KEY_ENCODINGS: [&[u8]; 3] = [
    &[
        0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86,
        0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,
    ],
    &[
        0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x05, 0x2b, 0x81,
        0x04, 0x00, 0x22,
    ],
    &[
        0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x05, 0x2b, 0x81,
        0x04, 0x00, 0x23,
    ],
];

/// ECDSA signature algorithms (with SHA-1, SHA-224, SHA-256, SHA-384, SHA-512).
const ECDSA_SIGNATURES: [&str; 5] = [
    "1.2.840.10045.4.1",
    "1.2.840.10045.4.3.1",
    "1.2.840.10045.4.3.2",
    "1.2.840.10045.4.3.3",
    "1.2.840.10045.4.3.4",
];

fn ec_key_encoding(c: &Ctx<'_>) -> Option<String> {
    let alg = &c.cert.tbs_certificate().subject_public_key_info().algorithm;
    let der = alg.to_der().unwrap_or_default();
    fail(!EC_KEY_ENCODINGS.contains(&der.as_slice()), || {
        format!(
            "the key's AlgorithmIdentifier is {}",
            crate::hex::plain(&der)
        )
    })
}

/// The signature's size says which curve signed it (an ECDSA-Sig-Value of P-256 is at most 72
/// bytes, of P-384 104, of P-521 140), and Mozilla accepts one hash for each curve.
fn ecdsa_signature_encoding(c: &Ctx<'_>) -> Option<String> {
    let size = c.cert.signature().raw_bytes().len();
    let expected: &[u8] = match size {
        0..=72 => &[
            0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02,
        ],
        73..=104 => &[
            0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03,
        ],
        105..=140 => &[
            0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04,
        ],
        _ => {
            return Some(format!(
                "a {size}-byte ECDSA signature fits no allowed curve"
            ))
        }
    };
    let der = c
        .cert
        .tbs_certificate()
        .signature()
        .to_der()
        .unwrap_or_default();
    fail(der != expected, || {
        format!(
            "a {size}-byte signature (its curve's hash is fixed) with AlgorithmIdentifier {}",
            crate::hex::plain(&der)
        )
    })
}

fn aki_key_id_and_issuer(c: &Ctx<'_>) -> Option<String> {
    let e = c.ext(AKI)?;
    let aki =
        x509_cert::ext::pkix::AuthorityKeyIdentifier::from_der(e.extn_value.as_bytes()).ok()?;
    fail(
        aki.key_identifier.is_some() && aki.authority_cert_issuer.is_some(),
        || "authorityKeyIdentifier with keyIdentifier and authorityCertIssuer".into(),
    )
}

fn sub_ca_purposes(c: &Ctx<'_>) -> Option<String> {
    let ekus = c.ekus().unwrap_or_default();
    let has = |oid: &str| ekus.iter().any(|o| o == oid);
    if ekus.is_empty() {
        return Some("no extendedKeyUsage".into());
    }
    if has(ANY_EKU) {
        return Some("anyExtendedKeyUsage".into());
    }
    fail(has(SERVER_AUTH) && has(EMAIL_PROTECTION), || {
        "serverAuth together with emailProtection".into()
    })
}

pub(super) static RULES: &[Lint] = &[
    rule("mozilla.ec-key-encoding", Some("e_mp_ecdsa_pub_key_encoding_correct"), Error, ALGORITHMS, MOZILLA_3_0, |c| c.report.public_key.algorithm == "EC",
        ec_key_encoding,
        "The elliptic-curve key is not encoded as Mozilla requires",
        "Mozilla's Root Store Policy (§5.1.2) accepts an elliptic-curve key only as id-ecPublicKey with the named curve P-256, P-384 or P-521, encoded byte for byte as it lists: no explicit curve parameters, no other curve.",
        "Re-issue for a P-256 or P-384 key with a named curve."),
    rule("mozilla.ecdsa-signature-encoding", Some("e_mp_ecdsa_signature_encoding_correct"), Error, ALGORITHMS, MOZILLA_3_0, |c| ECDSA_SIGNATURES.contains(&c.report.signature_algorithm.oid.as_str()),
        ecdsa_signature_encoding,
        "The ECDSA signature's hash does not match the issuer's curve",
        "Mozilla's Root Store Policy (§5.1.2) pairs each curve with one hash: P-256 with SHA-256, P-384 with SHA-384, P-521 with SHA-512, the AlgorithmIdentifier encoded without parameters. The signature's size shows the issuer's curve.",
        "Have the issuing CA sign with the hash its curve calls for."),
    rule("mozilla.aki-key-id-and-issuer", Some("e_mp_authority_key_identifier_correct"), Error, AKI_FORM, MOZILLA_2_2, |c| c.ext(AKI).is_some(),
        aki_key_id_and_issuer,
        "The authority key identifier names both the key and the issuer's certificate",
        "Mozilla's Root Store Policy (§5.2) forbids an authorityKeyIdentifier that has both keyIdentifier and the issuer's name and serial number: the latter ties the certificate to one certificate of the CA and breaks path building when the CA is re-certified.",
        "Re-issue with an authorityKeyIdentifier holding the keyIdentifier only."),
    rule("mozilla.sub-ca-purposes", Some("n_mp_allowed_eku"), Notice, SUB_CA_EKU, MOZILLA_EKU, |c| c.is_sub_ca(),
        sub_ca_purposes,
        "The intermediate's purposes are not limited as Mozilla asks",
        "Mozilla's Root Store Policy (§5.3) asks intermediates to carry an extendedKeyUsage that separates TLS from e-mail: without one, or with anyExtendedKeyUsage, or with both serverAuth and emailProtection, the intermediate falls under both sets of rules and its audits must cover both.",
        "Issue separate intermediates for TLS (serverAuth) and S/MIME (emailProtection)."),
    rule("ct.precert-with-scts", Some("e_precert_with_sct_list"), Error, RFC6962, RFC6962_DATE, |c| c.ext("1.3.6.1.4.1.11129.2.4.3").is_some(),
        |c| fail(c.ext("1.3.6.1.4.1.11129.2.4.2").is_some(), || "the poison extension and a SignedCertificateTimestampList".into()),
        "A precertificate carries SCTs",
        "RFC 6962 §3.3: SCTs are embedded in the final certificate, whose issuance follows the precertificate's logging; a precertificate (marked by the poison extension) cannot already hold them.",
        "Embed the SCTs in the final certificate only."),
];
