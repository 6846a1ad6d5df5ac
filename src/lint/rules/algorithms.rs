//! Keys and signatures of the past that the Baseline Requirements and Mozilla's policy retired:
//! RSA moduli under 1024 or 2048 bits from before the cut-offs, SHA-1 signatures, DSA keys.
//! They mostly judge old certificates, which people still paste from appliances and archives.
//! The profiles module carries them; they run on every certificate when all lints are asked
//! for ([`crate::Lints::All`]).

use super::{fail, rule};
use crate::lint::engine::{Ctx, Level::*, Lint, ALWAYS, BR_1_7_1};
use crate::Reference;

const KEYS: Reference = Reference {
    label: "CA/B Forum BR §6.1.5",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#615-key-sizes",
};
const SHA1: Reference = Reference {
    label: "CA/B Forum BR §7.1.3",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#713-algorithm-object-identifiers",
};
const MOZILLA: Reference = Reference {
    label: "Mozilla Root Store Policy §5.1",
    url: "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/policy/#51-algorithms",
};

/// 2011-01-01: no more RSA roots under 2048 bits.
const NO_RSA_1024_ROOT: u64 = 1_293_840_000;
/// 2014-01-01: no RSA keys under 2048 bits valid past this date.
const NO_RSA_1024: u64 = 1_388_534_400;
/// 2016-01-01: no SHA-1 signatures on subscriber and subordinate CA certificates.
const NO_SHA1: u64 = 1_451_606_400;
/// BR 1.2.1 (2015-01-16).
const BR_1_2_1: u64 = 1_421_366_400;
/// 2017-01-01, after which browsers stopped trusting SHA-1 certificates.
const SHA1_SUNSET: u64 = 1_483_228_800;
/// Mozilla Root Store Policy 2.4.1 (2017-03-31).
const MOZILLA_2_4_1: u64 = 1_490_918_400;

const RSA: &str = "1.2.840.113549.1.1.1";
const DSA: &str = "1.2.840.10040.4.1";

fn rsa_bits(c: &Ctx<'_>) -> Option<u32> {
    (c.report.public_key.oid == RSA)
        .then_some(c.report.public_key.bits)
        .flatten()
}
fn smaller(c: &Ctx<'_>, min: u32) -> Option<String> {
    rsa_bits(c)
        .filter(|b| *b < min)
        .map(|b| format!("RSA modulus of {b} bits"))
}
fn sha1(c: &Ctx<'_>) -> bool {
    matches!(
        c.report.signature_algorithm.oid.as_str(),
        "1.2.840.113549.1.1.5" | "1.3.14.3.2.29" | "1.2.840.10040.4.3" | "1.2.840.10045.4.1"
    )
}
fn dsa(c: &Ctx<'_>) -> bool {
    c.report.public_key.oid == DSA
}

pub(super) const RULES: &[Lint] = &[
    Lint { same_as: Some("cert.rsa-weak-key"), ..rule("br.old-root-rsa-under-2048", Some("e_old_root_ca_rsa_mod_less_than_2048_bits"), Error, KEYS, ALWAYS, |c| rsa_bits(c).is_some() && c.is_root() && c.not_before() < NO_RSA_1024_ROOT,
        |c| smaller(c, 2048), "A root from before 2011 with an RSA key under 2048 bits", "The Baseline Requirements (§6.1.5) required roots issued before 2011 to have RSA keys of at least 2048 bits; a smaller key can be factored by a well-funded attacker.", "Retire the root.") },
    Lint { same_as: Some("cert.rsa-weak-key"), ..rule("br.old-sub-ca-rsa-under-1024", Some("e_old_sub_ca_rsa_mod_less_than_1024_bits"), Error, KEYS, ALWAYS, |c| rsa_bits(c).is_some() && c.is_sub_ca() && c.not_before() < NO_RSA_1024_ROOT && c.not_after() < NO_RSA_1024,
        |c| smaller(c, 1024), "An old subordinate CA with an RSA key under 1024 bits", "The Baseline Requirements (§6.1.5) allowed 1024-bit RSA keys until 2013 only, and nothing smaller ever.", "Retire the CA.") },
    Lint { same_as: Some("cert.rsa-weak-key"), ..rule("br.old-sub-cert-rsa-under-1024", Some("e_old_sub_cert_rsa_mod_less_than_1024_bits"), Error, KEYS, ALWAYS, |c| rsa_bits(c).is_some() && !c.is_ca() && c.not_after() < NO_RSA_1024,
        |c| smaller(c, 1024), "An old certificate with an RSA key under 1024 bits", "The Baseline Requirements (§6.1.5) allowed 1024-bit RSA keys until 2013 only, and nothing smaller ever.", "Re-issue with a 2048-bit (or larger) key.") },
    Lint { same_as: Some("cert.weak-signature"), ..rule("br.sha1-signature", Some("e_sub_cert_or_sub_ca_using_sha1"), Error, SHA1, NO_SHA1, |_| true,
        |c| fail(sha1(c), || c.report.signature_algorithm.name.clone()),
        "Signed with SHA-1", "Since 2016 the Baseline Requirements (§7.1.3) forbid SHA-1 signatures on subscriber and subordinate CA certificates: SHA-1 collisions are practical (SHAttered, 2017), so a forged certificate can share a signature with a real one.", "Re-issue with SHA-256.") },
    Lint { same_as: Some("cert.weak-signature"), ..rule("br.sha1-past-2016", Some("w_sub_cert_sha1_expiration_too_long"), Warn, SHA1, BR_1_2_1, |c| !c.is_ca() && sha1(c),
        |c| fail(c.not_after() > SHA1_SUNSET, || "a SHA-1 certificate valid past 2017-01-01".into()),
        "A SHA-1 certificate valid past 2016", "The Baseline Requirements (§7.1.3, from 1.2.1) warned that SHA-1 certificates expiring after 2017-01-01 would stop working as browsers removed SHA-1, as they did.", "Re-issue with SHA-256.") },
    rule("br.dsa-key", Some("e_br_prohibit_dsa_usage"), Error, KEYS, BR_1_7_1, |_| true,
        |c| fail(dsa(c), || "a DSA public key".into()),
        "A DSA key", "Since BR 1.7.1 (§6.1.5) only RSA and ECDSA keys are allowed; no browser accepts DSA for TLS.", "Re-issue with an ECDSA P-256 or RSA 2048 key."),
    Lint { same_as: Some("br.dsa-key"), ..rule("mozilla.dsa-key", Some("e_prohibit_dsa_usage"), Error, MOZILLA, MOZILLA_2_4_1, |_| true,
        |c| fail(dsa(c), || "a DSA public key".into()),
        "A DSA key (Mozilla)", "Mozilla's Root Store Policy (§5.1, from 2.4.1) allows RSA and ECDSA keys only.", "Re-issue with an ECDSA P-256 or RSA 2048 key.") },
];
