//! Keys and signatures: BR §6.1.5–6.1.6 and §7.1.3, Mozilla Root Store Policy §5.1, RFC 5280
//! §4.1.1.2.

use der::Encode;

use super::{fail, rule};
use crate::lint::engine::{Ctx, Level::*, Lint, ALWAYS, BR_2_0};
use crate::lint::references::{BR_KEYS, BR_SIGNATURE, RFC5280_SIGNATURE, RFC9881};
use crate::Reference;

const MOZILLA: Reference = Reference {
    label: "Mozilla Root Store Policy §5.1",
    url: "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/policy/#51-algorithms",
};

/// A post-quantum key (ML-DSA, SLH-DSA, ML-KEM, composite) or signature.
fn post_quantum(c: &Ctx<'_>) -> bool {
    crate::cert::pqc_kind(&c.report.public_key.oid).is_some()
        || crate::signature::post_quantum(&c.report.signature_algorithm.oid)
}

/// Where a post-quantum AlgorithmIdentifier carries parameters, which RFC 9881 §2, RFC 9909 §3,
/// RFC 9935 §3 and the composite draft's §6 all say MUST be absent.
fn pq_parameters(c: &Ctx<'_>) -> Option<String> {
    let tbs = c.cert.tbs_certificate();
    let key = &tbs.subject_public_key_info().algorithm;
    let signature = c.cert.signature_algorithm();
    let mut places = Vec::new();
    if crate::cert::pqc_kind(&key.oid.to_string()).is_some() && key.parameters.is_some() {
        places.push("the key's");
    }
    if crate::signature::post_quantum(&signature.oid.to_string())
        && (signature.parameters.is_some() || tbs.signature().parameters.is_some())
    {
        places.push("the signature's");
    }
    match places[..] {
        [] => None,
        [one] => Some(format!("{one} AlgorithmIdentifier has parameters")),
        _ => Some(format!(
            "{} AlgorithmIdentifiers have parameters",
            places.join(" and ")
        )),
    }
}

/// An RSA key whose modulus and exponent could be read (an undecodable key is reported as such,
/// not judged as a key of 0 bits).
fn rsa(c: &Ctx<'_>) -> bool {
    c.report.public_key.algorithm == "RSA" && c.report.public_key.bits.is_some()
}

fn bits(c: &Ctx<'_>) -> u32 {
    c.report.public_key.bits.unwrap_or(0)
}

fn exponent(c: &Ctx<'_>) -> u64 {
    c.report.public_key.exponent.unwrap_or(0)
}

/// The RSA modulus' last byte (odd moduli end in an odd byte).
fn modulus_odd(c: &Ctx<'_>) -> bool {
    let spki = c.cert.tbs_certificate().subject_public_key_info();
    pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::try_from(spki.subject_public_key.raw_bytes())
        .ok()
        .and_then(|k| k.modulus.as_bytes().last().copied())
        .is_some_and(|b| b % 2 == 1)
}

/// SHA-1 signatures (RSA, ECDSA, DSA): the BR forbade them from 2016-01-01 (BR 1.3 §7.1.3).
const SHA1_SIGNATURES: &[&str] = &[
    "1.2.840.113549.1.1.5",
    "1.2.840.10045.4.1",
    "1.2.840.10040.4.3",
];
/// 2016-01-01.
const SHA1_UNTIL: u64 = 1_451_606_400;
/// DSA signatures: BR 2.0 (2023-09-15) §7.1.3.2 lists RSA and ECDSA only; BR 1.x §6.1.5 allowed DSA.
const DSA_SIGNATURES: &[&str] = &["1.2.840.10040.4.3", "2.16.840.1.101.3.4.3.2"];
/// 2023-09-15.
const DSA_UNTIL: u64 = 1_694_736_000;

/// Whether the BR in force when the certificate was issued allowed its signature algorithm.
fn signature_allowed(c: &Ctx<'_>, oid: &str) -> bool {
    ALLOWED_SIGNATURES.contains(&oid)
        && !(SHA1_SIGNATURES.contains(&oid) && c.not_before() >= SHA1_UNTIL)
        && !(DSA_SIGNATURES.contains(&oid) && c.not_before() >= DSA_UNTIL)
}

/// RSASSA-PSS with SHA-256, -384 and -512 (MGF1 with the same hash, salt as long as the hash),
/// byte for byte as BR §7.1.3.2.1 lists them: the only PSS encodings allowed.
const PSS_ENCODINGS: [&str; 3] = [
    "304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120",
    "304106092a864886f70d01010a3034a00f300d06096086480165030402020500a11c301a06092a864886f70d010108300d06096086480165030402020500a203020130",
    "304106092a864886f70d01010a3034a00f300d06096086480165030402030500a11c301a06092a864886f70d010108300d06096086480165030402030500a203020140",
];

/// Why an AlgorithmIdentifier is not encoded as BR 2.0 §7.1.3.2 requires (PKCS#1 v1.5 with a
/// NULL parameter, ECDSA and DSA without parameters, PSS as one of [`PSS_ENCODINGS`]).
fn encoding_problem(alg: &spki::AlgorithmIdentifierOwned) -> Option<&'static str> {
    let oid = alg.oid.to_string();
    let null = alg
        .parameters
        .as_ref()
        .is_some_and(|p| der::Tagged::tag(p) == der::Tag::Null && p.value().is_empty());
    if oid == "1.2.840.113549.1.1.10" {
        let hex = crate::hex::plain(&der::Encode::to_der(alg).unwrap_or_default());
        return (!PSS_ENCODINGS.contains(&hex.as_str()))
            .then_some("RSASSA-PSS parameters other than the three encodings BR §7.1.3.2.1 lists");
    }
    if oid.starts_with("1.2.840.113549.1.1.") && !null {
        return Some("an RSA PKCS#1 v1.5 AlgorithmIdentifier without its NULL parameters");
    }
    if (oid.starts_with("1.2.840.10045.4.") || DSA_SIGNATURES.contains(&oid.as_str()))
        && alg.parameters.is_some()
    {
        return Some("an ECDSA or DSA AlgorithmIdentifier with parameters, which must be absent");
    }
    None
}

const ALLOWED_SIGNATURES: &[&str] = &[
    "1.2.840.113549.1.1.11",
    "1.2.840.113549.1.1.12",
    "1.2.840.113549.1.1.13",
    "1.2.840.113549.1.1.10",
    "1.2.840.10045.4.3.2",
    "1.2.840.10045.4.3.3",
    "1.2.840.10045.4.3.4",
    "1.2.840.113549.1.1.5",
    "1.2.840.10045.4.1",
    "1.2.840.10040.4.3",
    "2.16.840.1.101.3.4.3.2",
];

pub(super) const RULES: &[Lint] = &[
    Lint { same_as: Some("cert.rsa-weak-key"), ..rule("key.rsa-under-2048", Some("e_rsa_mod_less_than_2048_bits"), Error, BR_KEYS, ALWAYS, rsa,
        |c| fail(bits(c) < 2048, || format!("RSA {} bits", bits(c))), "RSA key under 2048 bits", "RSA keys must be at least 2048 bits.", "Use a 2048-bit or larger key.") },
    Lint { same_as: Some("cert.rsa-bad-exponent"), ..rule("key.rsa-exponent-even", Some("e_rsa_public_exponent_not_odd"), Error, BR_KEYS, ALWAYS, rsa,
        |c| fail(exponent(c) % 2 == 0, || format!("exponent {}", exponent(c))), "RSA public exponent is even", "The public exponent MUST be odd.", "Generate a new key (e = 65537).") },
    Lint { same_as: Some("cert.rsa-bad-exponent"), ..rule("key.rsa-exponent-small", Some("e_rsa_public_exponent_too_small"), Error, BR_KEYS, ALWAYS, rsa,
        |c| fail(exponent(c) < 3, || format!("exponent {}", exponent(c))), "RSA public exponent below 3", "The public exponent MUST be at least 3.", "Generate a new key (e = 65537).") },
    rule("key.rsa-exponent-range", Some("w_rsa_public_exponent_not_in_range"), Warn, BR_KEYS, ALWAYS, rsa,
        |c| fail(exponent(c) < 65_537, || format!("exponent {}", exponent(c))), "RSA public exponent outside 2^16+1 … 2^256−1", "The Baseline Requirements recommend an exponent in [2^16+1, 2^256−1].", "Generate a new key (e = 65537)."),
    rule("key.rsa-modulus-even", Some("w_rsa_mod_not_odd"), Warn, BR_KEYS, ALWAYS, rsa,
        |c| fail(!modulus_odd(c), || "even RSA modulus".into()), "RSA modulus is even", "A product of two odd primes is odd; an even modulus is broken.", "Generate a new key."),
    Lint { same_as: Some("cert.rsa-weak-key"), ..rule("key.mp-rsa-2048", Some("e_mp_modulus_must_be_2048_bits_or_more"), Error, MOZILLA, ALWAYS, rsa,
        |c| fail(bits(c) < 2048, || format!("RSA {} bits", bits(c))), "RSA key under 2048 bits (Mozilla)", "Mozilla requires RSA moduli of at least 2048 bits.", "Use a 2048-bit or larger key.") },
    Lint { same_as: Some("cert.rsa-odd-size"), ..rule("key.mp-rsa-divisible-by-8", Some("e_mp_modulus_must_be_divisible_by_8"), Error, MOZILLA, ALWAYS, rsa,
        |c| fail(bits(c) % 8 != 0, || format!("RSA {} bits", bits(c))), "RSA modulus size not a multiple of 8", "Mozilla requires the modulus size in bits to be divisible by 8.", "Use 2048, 3072 or 4096 bits.") },
    Lint { same_as: Some("cert.rsa-bad-exponent"), ..rule("key.mp-exponent-one", Some("e_mp_exponent_cannot_be_one"), Error, MOZILLA, ALWAYS, rsa,
        |c| fail(exponent(c) == 1, || "exponent 1".into()), "RSA public exponent is 1", "An exponent of 1 means no encryption at all.", "Generate a new key.") },
    Lint { same_as: Some("cert.ec-unsupported-curve"), ..rule("key.ec-curve", Some("e_ec_improper_curves"), Error, BR_KEYS, ALWAYS, |c| c.report.public_key.algorithm == "EC",
        |c| fail(!matches!(c.report.public_key.curve.as_deref(), Some("P-256" | "P-384" | "P-521")), || c.report.public_key.description.clone()), "EC key on a curve browsers do not accept", "Only P-256, P-384 and P-521 are allowed.", "Use a P-256 or P-384 key.") },
    rule("key.rsa-params-not-null", Some("e_spki_rsa_encryption_parameter_not_null"), Error, RFC5280_SIGNATURE, ALWAYS, rsa,
        |c| {
            let alg = &c.cert.tbs_certificate().subject_public_key_info().algorithm;
            let null = alg.parameters.as_ref().is_some_and(|p| p.to_der().ok().as_deref() == Some(&[5u8, 0][..]));
            fail(!null, || "rsaEncryption parameters are not NULL".into())
        },
        "RSA key parameters are not NULL", "RFC 3279 §2.3.1: the rsaEncryption AlgorithmIdentifier MUST have NULL parameters.", "Re-issue (the CA's encoder is wrong)."),
    rule("key.pq-parameters", None, Error, RFC9881, ALWAYS, post_quantum, pq_parameters,
        "Post-quantum algorithm identifier with parameters", "RFC 9881 §2 (ML-DSA), RFC 9909 §3 (SLH-DSA), RFC 9935 §3 (ML-KEM) and the composite ML-DSA draft (§6): the AlgorithmIdentifier of these keys and signatures MUST omit its parameters; verifiers refuse the certificate otherwise.", "Re-issue with the parameters absent (the CA's encoder adds a NULL it must not)."),
    rule("sig.not-allowed", Some("e_signature_algorithm_not_supported"), Error, BR_SIGNATURE, ALWAYS, |_| true,
        |c| {
            // BR §7.1.3.2 binds both fields, as sig.encoding checks both.
            let fields = [("signatureAlgorithm", c.cert.signature_algorithm()), ("tbsCertificate.signature", c.cert.tbs_certificate().signature())];
            let bad = fields.iter().map(|(field, alg)| (field, alg.oid.to_string())).find(|(_, oid)| !signature_allowed(c, oid));
            fail(bad.is_some(), || bad.map(|(field, oid)| format!("{field}: {oid}")).unwrap_or_default())
        },
        "Signature algorithm not allowed", "The certificate is signed with an algorithm outside the Baseline Requirements' list as it stood when the certificate was issued: BR §7.1.3.2 today allows RSA (PKCS#1 v1.5 and PSS with SHA-256, -384, -512) and ECDSA only, in both signatureAlgorithm and the TBSCertificate's signature field; SHA-1 was forbidden from 2016-01-01 and DSA from BR 2.0 (2023-09-15).", "Have it re-issued with SHA-256 or better."),
    rule("sig.encoding", None, Error, BR_SIGNATURE, BR_2_0, |_| true,
        |c| {
            let t = c.cert.tbs_certificate();
            let bad = encoding_problem(c.cert.signature_algorithm()).map(|p| ("signatureAlgorithm", p))
                .or_else(|| encoding_problem(t.signature()).map(|p| ("tbsCertificate.signature", p)));
            fail(bad.is_some(), || bad.map(|(field, p)| format!("{field}: {p}")).unwrap_or_default())
        },
        "Signature algorithm encoded otherwise than the Baseline Requirements allow", "BR §7.1.3.2 (BR 2.0, certificates issued from 2023-09-15) allows each signature algorithm in exactly one encoding: RSA PKCS#1 v1.5 with NULL parameters, ECDSA without parameters, and RSASSA-PSS only as three byte-exact parameter sets (SHA-256, -384 or -512, MGF1 with the same hash, a salt as long as the hash). Other encodings are valid ASN.1 but some verifiers refuse them.", "Re-issue with the CA software's standard encoding of the algorithm."),
    rule("sig.outer-inner-mismatch", Some("e_cert_sig_alg_not_match_tbs_sig_alg"), Error, RFC5280_SIGNATURE, ALWAYS, |_| true,
        |c| fail(c.cert.signature_algorithm() != c.cert.tbs_certificate().signature(), || "signatureAlgorithm differs from tbsCertificate.signature".into()),
        "The two signature algorithm fields disagree", "RFC 5280 §4.1.1.2: signatureAlgorithm MUST equal the signature field inside the signed part; a mismatch suggests tampering.", "Re-issue."),
];
