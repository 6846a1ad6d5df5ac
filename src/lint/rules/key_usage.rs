//! Key usage by key type and by purpose: which keyUsage bits an RSA key may carry (RFC 3279
//! §2.3.1), which an elliptic-curve key may (RFC 5480 §3, RFC 8813 §3, BR §7.1.2.7.11), and
//! whether keyUsage agrees with extendedKeyUsage (RFC 5280 §4.2.1.12). The profiles module
//! carries them; they run on every certificate when all lints are asked for
//! ([`crate::Lints::All`]).

use super::facts::{
    ku_bits, ku_names, CONTENT_COMMITMENT, CRL_SIGN, DATA_ENCIPHERMENT, DECIPHER_ONLY,
    DIGITAL_SIGNATURE, ENCIPHER_ONLY, KEY_AGREEMENT, KEY_CERT_SIGN, KEY_ENCIPHERMENT,
};
use super::{fail, rule};
use crate::lint::engine::{
    Ctx, Level::*, Lint, BR_2_0, CABF_BR, CLIENT_AUTH, CODE_SIGNING, EKU, EMAIL_PROTECTION, KU,
    OCSP_SIGNING, RFC3280, SERVER_AUTH, TIME_STAMPING,
};
use crate::Reference;

const RFC3279: Reference = Reference {
    label: "RFC 3279 §2.3.1",
    url: "https://www.rfc-editor.org/rfc/rfc3279#section-2.3.1",
};
const RFC5480: Reference = Reference {
    label: "RFC 5480 §3",
    url: "https://www.rfc-editor.org/rfc/rfc5480#section-3",
};
const RFC8813: Reference = Reference {
    label: "RFC 8813 §3",
    url: "https://www.rfc-editor.org/rfc/rfc8813#section-3",
};
const RFC5280_EKU: Reference = Reference {
    label: "RFC 5280 §4.2.1.12",
    url: "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.12",
};
const BR_ECC_KU: Reference = Reference {
    label: "CA/B Forum BR §7.1.2.7.11",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#712711-subscriber-certificate-key-usage",
};

/// 2020-08-01, RFC 8813.
const RFC8813_DATE: u64 = 1_596_240_000;

fn rsa(c: &Ctx<'_>) -> bool {
    c.report.public_key.algorithm == "RSA" && c.ext(KU).is_some()
}
fn ec(c: &Ctx<'_>) -> bool {
    c.report.public_key.algorithm == "EC" && c.ext(KU).is_some()
}

/// The bits of `forbidden` that the certificate's keyUsage sets, as evidence.
fn forbidden(c: &Ctx<'_>, forbidden: u16) -> Option<String> {
    let bad = ku_bits(c) & forbidden;
    fail(bad != 0, || format!("keyUsage {}", ku_names(bad)))
}

/// The keyUsage values RFC 5280 §4.2.1.12 says are consistent with each purpose, as zlint
/// lists them.
const PURPOSES: [(&str, &[u16]); 6] = [
    (
        SERVER_AUTH,
        &[
            DIGITAL_SIGNATURE,
            KEY_ENCIPHERMENT,
            KEY_AGREEMENT,
            DIGITAL_SIGNATURE | KEY_ENCIPHERMENT,
            DIGITAL_SIGNATURE | KEY_AGREEMENT,
        ],
    ),
    (
        CLIENT_AUTH,
        &[
            DIGITAL_SIGNATURE,
            KEY_AGREEMENT,
            DIGITAL_SIGNATURE | KEY_AGREEMENT,
        ],
    ),
    (CODE_SIGNING, &[DIGITAL_SIGNATURE]),
    (
        EMAIL_PROTECTION,
        &[
            DIGITAL_SIGNATURE,
            CONTENT_COMMITMENT,
            KEY_ENCIPHERMENT,
            KEY_AGREEMENT,
            DIGITAL_SIGNATURE | CONTENT_COMMITMENT,
            DIGITAL_SIGNATURE | KEY_ENCIPHERMENT,
            DIGITAL_SIGNATURE | KEY_AGREEMENT,
            DIGITAL_SIGNATURE | CONTENT_COMMITMENT | KEY_ENCIPHERMENT,
            DIGITAL_SIGNATURE | CONTENT_COMMITMENT | KEY_AGREEMENT,
            CONTENT_COMMITMENT | KEY_ENCIPHERMENT,
            CONTENT_COMMITMENT | KEY_AGREEMENT,
        ],
    ),
    (
        TIME_STAMPING,
        &[
            DIGITAL_SIGNATURE,
            CONTENT_COMMITMENT,
            DIGITAL_SIGNATURE | CONTENT_COMMITMENT,
        ],
    ),
    (
        OCSP_SIGNING,
        &[
            DIGITAL_SIGNATURE,
            CONTENT_COMMITMENT,
            DIGITAL_SIGNATURE | CONTENT_COMMITMENT,
        ],
    ),
];

/// keyUsage against extendedKeyUsage: with one purpose, keyUsage must be one of its values;
/// with several, each keyUsage bit must serve one of them. A purpose outside the table
/// (anyExtendedKeyUsage, a private one) is not judged, as zlint does not.
fn ku_eku(c: &Ctx<'_>) -> Option<String> {
    let ekus = c.ekus().unwrap_or_default();
    let mut allowed = Vec::new();
    for oid in &ekus {
        let (_, values) = PURPOSES.iter().find(|(p, _)| p == oid)?;
        allowed.push((oid.as_str(), *values));
    }
    let bits = ku_bits(c);
    let bad = match allowed.as_slice() {
        [] => None,
        [(oid, values)] => (!values.contains(&bits)).then(|| format!("for {oid}")),
        several => {
            let union = several
                .iter()
                .flat_map(|(_, v)| v.iter())
                .fold(0, |u, v| u | v);
            (bits & !union != 0).then(|| format!("{} serves none of them", ku_names(bits & !union)))
        }
    };
    bad.map(|why| {
        format!(
            "keyUsage {} with extendedKeyUsage {}: {why}",
            ku_names(bits),
            ekus.join(", ")
        )
    })
}

pub(super) static RULES: &[Lint] = &[
    rule("rfc.rsa-ku-subscriber", Some("e_rsa_allowed_ku_ee"), Error, RFC3279, RFC3280, |c| rsa(c) && c.is_subscriber(),
        |c| forbidden(c, KEY_AGREEMENT | KEY_CERT_SIGN | CRL_SIGN | ENCIPHER_ONLY | DECIPHER_ONLY),
        "An RSA end-entity key has a key usage RSA cannot serve",
        "RFC 3279 §2.3.1 lists the key usages of an RSA key in an end-entity certificate: digitalSignature, nonRepudiation, keyEncipherment and dataEncipherment. RSA does no key agreement (so encipherOnly and decipherOnly mean nothing), and certificate or CRL signing belongs to CA certificates.",
        "Re-issue with keyUsage limited to digitalSignature and, for RSA key transport, keyEncipherment."),
    rule("rfc.rsa-ku-ca", Some("e_rsa_allowed_ku_ca"), Error, RFC3279, RFC3280, |c| rsa(c) && c.is_ca(),
        |c| forbidden(c, KEY_AGREEMENT | ENCIPHER_ONLY | DECIPHER_ONLY),
        "An RSA CA key has a key-agreement usage",
        "RFC 3279 §2.3.1: an RSA key does no key agreement, so keyAgreement, encipherOnly and decipherOnly never belong in a certificate for one.",
        "Re-issue the CA certificate with keyUsage keyCertSign, cRLSign and, if it signs OCSP responses, digitalSignature."),
    rule("rfc.rsa-ku-ca-encipherment", Some("e_rsa_allowed_ku_no_encipherment_ca"), Error, RFC3279, RFC3280, |c| rsa(c) && c.is_ca(),
        |c| if ku_bits(c) & (KEY_CERT_SIGN | CRL_SIGN) == 0 { None } else { forbidden(c, KEY_ENCIPHERMENT | DATA_ENCIPHERMENT) },
        "An RSA CA key that signs certificates or CRLs may also encipher",
        "RFC 3279 §2.3.1: when keyCertSign or cRLSign is set, keyEncipherment and dataEncipherment SHOULD NOT be, so that a CA's signing key is never used to decrypt.",
        "Re-issue the CA certificate without keyEncipherment and dataEncipherment."),
    Lint { same_as: Some("key.ec-key-encipherment"), ..rule("rfc.ec-ku-encipherment", Some("e_ecdsa_allowed_ku"), Error, RFC8813, RFC8813_DATE, ec,
        |c| forbidden(c, KEY_ENCIPHERMENT | DATA_ENCIPHERMENT),
        "An elliptic-curve key has an encipherment usage",
        "RFC 8813 §3: keyEncipherment and dataEncipherment MUST NOT be set for an id-ecPublicKey key. Elliptic-curve keys sign or agree on keys; they do not encrypt.",
        "Re-issue with keyUsage digitalSignature (and keyAgreement only where ECDH is really used).") },
    rule("rfc.ec-ku-subscriber", Some("n_ecdsa_ee_invalid_ku"), Notice, RFC5480, CABF_BR, |c| ec(c) && c.is_subscriber(),
        |c| forbidden(c, !(DIGITAL_SIGNATURE | CONTENT_COMMITMENT | KEY_AGREEMENT)),
        "An elliptic-curve end-entity key has an unexpected key usage",
        "RFC 5480 §3: an end-entity certificate for an elliptic-curve key may have digitalSignature, nonRepudiation and keyAgreement; the other usages belong to other key types or to CAs.",
        "Re-issue with keyUsage digitalSignature."),
    rule("br.ec-ku", Some("e_cabf_ecc_allowed_key_usages"), Error, BR_ECC_KU, BR_2_0, |c| ec(c) && c.is_subscriber(),
        |c| {
            let bits = ku_bits(c);
            if bits & DIGITAL_SIGNATURE == 0 {
                return Some(format!("keyUsage {} without digitalSignature", ku_names(bits)));
            }
            forbidden(c, !(DIGITAL_SIGNATURE | KEY_AGREEMENT))
        },
        "An elliptic-curve subscriber key's usages are not the BR's",
        "The Baseline Requirements (§7.1.2.7.11) require digitalSignature on an elliptic-curve subscriber certificate and allow keyAgreement besides; nothing else.",
        "Re-issue with keyUsage digitalSignature."),
    rule("br.ec-ku-key-agreement", Some("w_cabf_ecc_ku_keyagreement_present"), Warn, BR_ECC_KU, BR_2_0, |c| ec(c) && c.is_subscriber(),
        |c| forbidden(c, KEY_AGREEMENT),
        "An elliptic-curve subscriber key allows key agreement",
        "The Baseline Requirements (§7.1.2.7.11) allow keyAgreement on an elliptic-curve subscriber certificate but do not recommend it: TLS 1.3 and ECDHE never use a certificate's key for key agreement.",
        "Re-issue with keyUsage digitalSignature only."),
    rule("rfc.ku-eku-inconsistent", Some("e_key_usage_and_extended_key_usage_inconsistent"), Error, RFC5280_EKU, crate::lint::engine::RFC5280, |c| c.is_subscriber() && c.ext(EKU).is_some() && c.ext(KU).is_some(),
        ku_eku,
        "Key usage and extended key usage disagree",
        "RFC 5280 §4.2.1.12: a certificate with both extensions may only be used for a purpose consistent with both. A serverAuth certificate, for example, needs digitalSignature, keyEncipherment or keyAgreement; nonRepudiation or dataEncipherment serve no TLS purpose.",
        "Re-issue with keyUsage matching the extended key usages (digitalSignature for TLS with ECDSA or RSA signatures)."),
];
