//! The CA/Browser Forum S/MIME Baseline Requirements' certificate profile (§7.1.2.3, §7.1.4):
//! key usages by key type and generation, EKUs, the SAN, CRL and AIA URLs, and what a subject
//! may hold. A certificate is judged by them when it is an S/MIME certificate
//! (`lint::profile::smime`, as zlint's framework decides it); most rules also need one of the
//! S/MIME BR's policies (2.23.140.1.5.{validation}.{generation}), which say how the mailbox
//! holder was validated (mailbox, organization, sponsor, individual) and which generation of
//! the profile applies (legacy, multipurpose, strict).

use x509_cert::ext::pkix::name::GeneralName;

use super::content::known_tld;
use super::facts::{
    access_uris, country_problem, crl_uris, ku_bits, ku_names, scheme_http, CA_ISSUERS,
    CONTENT_COMMITMENT, DATA_ENCIPHERMENT, DECIPHER_ONLY, DIGITAL_SIGNATURE, ENCIPHER_ONLY,
    KEY_AGREEMENT, KEY_ENCIPHERMENT, OCSP,
};
use super::{fail, rule};
use crate::lint::engine::{
    Ctx, Level::*, Lint, AIA, AKI, ANY_EKU, CODE_SIGNING, EMAIL_PROTECTION, KU, SAN, SERVER_AUTH,
    TIME_STAMPING,
};
use crate::lint::profile::smime;
use crate::Reference;

const fn br(label: &'static str) -> Reference {
    Reference {
        label,
        url: "https://cabforum.org/working-groups/smime/requirements/",
    }
}
const EXTENSIONS: Reference = br("CA/B Forum S/MIME BR §7.1.2.3");
const SUBJECT: Reference = br("CA/B Forum S/MIME BR §7.1.4.2");
const POLICIES: Reference = br("CA/B Forum S/MIME BR §7.1.6.1");
const KEYS: Reference = br("CA/B Forum S/MIME BR §7.1.3.1");

/// S/MIME BR 1.0.0 (2023-09-01).
const SMIME_BR: u64 = 1_693_526_400;
/// Ballot SMC08 (2025-07-15): no more legacy-generation certificates.
const SMC08: u64 = 1_752_537_600;
/// S/MIME BR 1.0.11 (2025-08-22): ML-DSA and ML-KEM keys allowed.
const SMIME_BR_1_0_11: u64 = 1_755_820_800;

const QC_STATEMENTS: &str = "1.3.6.1.5.5.7.1.3";
const SUBJECT_DIRECTORY_ATTRIBUTES: &str = "2.5.29.9";
const EMAIL: &str = "1.2.840.113549.1.9.1";
const CN: &str = "2.5.4.3";
const SERIAL: &str = "2.5.4.5";

/// The (validation, generation) pairs of the S/MIME BR policies asserted: validation 1
/// mailbox, 2 organization, 3 sponsor, 4 individual; generation 1 legacy, 2 multipurpose,
/// 3 strict.
fn kinds(c: &Ctx<'_>) -> Vec<(u8, u8)> {
    c.policies()
        .iter()
        .filter_map(|p| {
            let rest = p.strip_prefix("2.23.140.1.5.")?;
            let (v, g) = rest.split_once('.')?;
            let (v, g) = (v.parse().ok()?, g.parse().ok()?);
            ((1..=4).contains(&v) && (1..=3).contains(&g)).then_some((v, g))
        })
        .collect()
}
fn generation(c: &Ctx<'_>, g: u8) -> bool {
    smime(c) && kinds(c).iter().any(|k| k.1 == g)
}
fn validation(c: &Ctx<'_>, v: u8) -> bool {
    smime(c) && kinds(c).iter().any(|k| k.0 == v)
}
/// An S/MIME subscriber certificate under one of the S/MIME BR policies.
fn subscriber(c: &Ctx<'_>) -> bool {
    smime(c) && c.is_subscriber() && !kinds(c).is_empty()
}
fn legacy(c: &Ctx<'_>) -> bool {
    generation(c, 1)
}
fn multipurpose_or_strict(c: &Ctx<'_>) -> bool {
    generation(c, 2) || generation(c, 3)
}

/// The key usages allowed for a signing, key management or dual-use key: `sign` and
/// `manage` are the bits allowed with digitalSignature and with the key-management bit
/// (`marker`). `None` when the key is neither (another rule judges that).
fn ku_outside(c: &Ctx<'_>, marker: u16, sign: u16, manage: u16) -> Option<String> {
    let bits = ku_bits(c);
    let allowed = match (bits & DIGITAL_SIGNATURE != 0, bits & marker != 0) {
        (true, false) => sign,
        (false, true) => manage,
        (true, true) => sign | manage,
        (false, false) => return None,
    };
    let extra = bits & !allowed;
    fail(extra != 0, || {
        format!("key usage not allowed for this key: {}", ku_names(extra))
    })
}
fn ku_kind(c: &Ctx<'_>, marker: u16) -> bool {
    ku_bits(c) & (DIGITAL_SIGNATURE | marker) != 0
}
fn with_ku(c: &Ctx<'_>, algorithm: &str) -> bool {
    subscriber(c) && c.ext(KU).is_some() && c.report.public_key.algorithm == algorithm
}
const SIGNING: u16 = DIGITAL_SIGNATURE | CONTENT_COMMITMENT;

/// An RFC 5322 addr-spec and nothing else (`local@domain`, as Go's `mail.ParseAddress`
/// accepts it and returns it unchanged, which zlint asks).
fn mailbox(s: &str) -> bool {
    let atext = |ch: char| {
        ch.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(ch) || !ch.is_ascii()
    };
    let dot_atom =
        |t: &str| !t.is_empty() && t.split('.').all(|a| !a.is_empty() && a.chars().all(atext));
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    dot_atom(local) && dot_atom(domain)
}

fn san_emails(c: &Ctx<'_>) -> Vec<String> {
    c.san()
        .unwrap_or_default()
        .iter()
        .filter_map(|n| match n {
            GeneralName::Rfc822Name(e) => Some(e.to_string()),
            _ => None,
        })
        .collect()
}

/// A URL's host, when it is a name (not an IP address) with no known top-level domain.
fn internal_host(uri: &str) -> bool {
    let rest = uri.split_once("://").map_or(uri, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if host.starts_with('[') {
        return false;
    }
    let host = host.split(':').next().unwrap_or("");
    host.parse::<std::net::Ipv4Addr>().is_err() && !known_tld(host)
}

/// The subject's mailbox addresses that must also be in the SAN (S/MIME BR §7.1.4.2.1): each
/// emailAddress, the commonName too in a mailbox-validated certificate, and the emailAddress
/// of each directoryName in the SAN.
fn mailboxes_to_find(c: &Ctx<'_>) -> Vec<String> {
    let mut out: Vec<String> = c.subject_values(EMAIL);
    if validation(c, 1) {
        out.extend(c.subject_values(CN));
    }
    for n in c.san().unwrap_or_default() {
        if let GeneralName::DirectoryName(name) = n {
            for atv in name.iter_rdn().flat_map(|rdn| rdn.iter()) {
                if atv.oid.to_string() == EMAIL {
                    if let Ok(text) = std::str::from_utf8(atv.value.value()) {
                        out.push(text.to_owned());
                    }
                }
            }
        }
    }
    out.retain(|m| mailbox(m));
    out
}

/// The SAN's mailbox addresses: rfc822Names and SmtpUTF8Mailbox otherNames (`None` when such
/// an otherName is not one UTF8String).
fn san_mailboxes(c: &Ctx<'_>) -> Option<Vec<String>> {
    let mut out = san_emails(c);
    for n in c.san().unwrap_or_default() {
        if let GeneralName::OtherName(o) = n {
            if o.type_id.to_string() == "1.3.6.1.5.5.7.8.9" {
                let text = o.value.decode_as::<der::asn1::Utf8StringRef<'_>>().ok()?;
                out.push(text.as_str().to_owned());
            }
        }
    }
    Some(out)
}

/// The SubjectPublicKeyInfo's AlgorithmIdentifier, DER, against the byte-exact encodings the
/// S/MIME BR §7.1.3.1 allow: RSA (NULL parameters), EC on P-256, P-384 or P-521, Ed25519 and
/// Ed448; since 1.0.11 also ML-DSA and ML-KEM (no parameters).
fn spki_algorithm_outside(c: &Ctx<'_>, with_pqc: bool) -> Option<String> {
    use der::Encode;
    const CLASSIC: &[&str] = &[
        "300d06092a864886f70d0101010500",
        "301306072a8648ce3d020106082a8648ce3d030107",
        "301006072a8648ce3d020106052b81040022",
        "301006072a8648ce3d020106052b81040023",
        "300506032b6570",
        "300506032b6571",
    ];
    const PQC: &[&str] = &[
        "300b0609608648016503040311",
        "300b0609608648016503040312",
        "300b0609608648016503040313",
        "300b0609608648016503040401",
        "300b0609608648016503040402",
        "300b0609608648016503040403",
    ];
    let der = c
        .cert
        .tbs_certificate()
        .subject_public_key_info()
        .algorithm
        .to_der()
        .ok()?;
    let hex: String = der.iter().map(|b| format!("{b:02x}")).collect();
    let allowed = CLASSIC.contains(&hex.as_str()) || (with_pqc && PQC.contains(&hex.as_str()));
    fail(!allowed, || format!("public key AlgorithmIdentifier {hex}"))
}

const LEI: &str = "1.3.6.1.4.1.52266.1";
const LEI_ROLE: &str = "1.3.6.1.4.1.52266.2";

fn lei_problem(c: &Ctx<'_>) -> Option<String> {
    let lei = c.ext(LEI);
    let role = c.ext(LEI_ROLE);
    if validation(c, 1) || validation(c, 4) {
        return fail(lei.is_some(), || {
            "Legal Entity Identifier extension in a mailbox- or individual-validated certificate"
                .into()
        });
    }
    if lei.is_some_and(|e| e.critical) {
        return Some("Legal Entity Identifier extension is critical".into());
    }
    if validation(c, 2) {
        return fail(role.is_some(), || {
            "Legal Entity Identifier Role extension in an organization-validated certificate".into()
        });
    }
    fail(role.is_some_and(|e| e.critical), || {
        "Legal Entity Identifier Role extension is critical".into()
    })
}

/// `(scheme, country)` of an organizationIdentifier such as `NTRGB-12345678`.
fn registration(id: &str) -> Option<(&str, &str)> {
    let scheme = id.get(..3)?;
    let country = id.get(3..5)?;
    (scheme.bytes().all(|b| b.is_ascii_uppercase())
        && country.bytes().all(|b| b.is_ascii_uppercase()))
    .then_some((scheme, country))
}

fn registration_applies(c: &Ctx<'_>) -> bool {
    let Some(country) = c.subject_values("2.5.4.6").into_iter().next() else {
        return false;
    };
    let ids = c.subject_values(ORGANIZATION_IDENTIFIER);
    let parsed: Option<Vec<(&str, &str)>> = ids.iter().map(|i| registration(i)).collect();
    let Some(parsed) = parsed else { return false };
    smime(c)
        && country.len() == 2
        && !parsed.iter().all(|(s, _)| *s == "INT" || *s == "LEI")
        && (validation(c, 2) || validation(c, 3))
}
const ORGANIZATION_IDENTIFIER: &str = "2.5.4.97";
const ADOBE_TIME_STAMP: &str = "1.2.840.113583.1.1.9.1";
const ADOBE_ARCHIVE_REV_INFO: &str = "1.2.840.113583.1.1.9.2";

fn adobe(c: &Ctx<'_>) -> bool {
    c.ext(ADOBE_TIME_STAMP).is_some() || c.ext(ADOBE_ARCHIVE_REV_INFO).is_some()
}

pub(super) const RULES: &[Lint] = &[
    rule("smime.key-usage-missing", Some("e_key_usage_presence"), Error, EXTENSIONS, SMIME_BR, subscriber,
        |c| fail(c.ext(KU).is_none(), || "no keyUsage extension".into()),
        "S/MIME certificate without key usage",
        "The S/MIME BR require keyUsage in every subscriber certificate: it says whether the key signs mail, decrypts it, or both.",
        "Re-issue with keyUsage (digitalSignature for signing, keyEncipherment or keyAgreement for encryption)."),
    rule("smime.key-usage-not-critical", Some("w_key_usage_criticality"), Warn, EXTENSIONS, SMIME_BR, |c| subscriber(c) && c.ext(KU).is_some(),
        |c| fail(!c.ext(KU).is_some_and(|e| e.critical), || "keyUsage is not critical".into()),
        "S/MIME key usage is not critical",
        "The S/MIME BR say keyUsage SHOULD be critical.",
        "Mark keyUsage critical."),
    rule("smime.san-missing", Some("e_san_shall_be_present"), Error, EXTENSIONS, SMIME_BR, subscriber,
        |c| fail(c.ext(SAN).is_none(), || "no subjectAltName".into()),
        "S/MIME certificate without a subject alternative name",
        "The S/MIME BR require the SAN: mail clients match the sender's address against its rfc822Name entries.",
        "Re-issue with the mailbox address as an rfc822Name in the SAN."),
    rule("smime.san-critical", Some("w_san_should_not_be_critical"), Warn, EXTENSIONS, SMIME_BR, |c| subscriber(c) && c.ext(SAN).is_some(),
        |c| fail(c.ext(SAN).is_some_and(|e| e.critical) && !c.report.subject.attributes.is_empty(), || "subjectAltName is critical beside a subject".into()),
        "S/MIME SAN is critical although the subject is not empty",
        "The S/MIME BR say the SAN SHOULD NOT be critical unless the subject is empty.",
        "Re-issue with a non-critical SAN."),
    rule("smime.subject-country", Some("e_subject_country_name"), Error, SUBJECT, SMIME_BR, |c| validation(c, 2) || validation(c, 3) || validation(c, 4),
        |c| if c.subject_values("2.5.4.6").is_empty() { None } else { country_problem(c) },
        "S/MIME subject country is not an ISO 3166-1 code",
        "subject:countryName, when present, must be the two-letter ISO 3166-1 code of the subject's verified country (or XX).",
        "Re-issue with the two-letter country code."),
    rule("smime.san-email-invalid", Some("e_single_email_if_present"), Error, SUBJECT, SMIME_BR, |c| subscriber(c) && !san_emails(c).is_empty(),
        |c| san_emails(c).into_iter().find(|e| !mailbox(e)).map(|e| format!("rfc822Name {e:?} is not one mailbox address")),
        "S/MIME SAN email is not a single mailbox address",
        "Each rfc822Name must be exactly one RFC 5322 mailbox address (local@domain), with no display name, list or spaces.",
        "Put each address in its own rfc822Name entry."),
    rule("smime.subject-email-invalid", Some("e_single_email_subject_if_present"), Error, SUBJECT, SMIME_BR, |c| subscriber(c) && !c.subject_values(EMAIL).is_empty(),
        |c| c.subject_values(EMAIL).into_iter().find(|e| !mailbox(e)).map(|e| format!("emailAddress {e:?} is not one mailbox address")),
        "S/MIME subject email is not a single mailbox address",
        "subject:emailAddress, when present, must hold exactly one mailbox address.",
        "Re-issue with one address per emailAddress attribute."),
    rule("smime.qc-statements-critical", Some("e_smime_qc_statements_must_not_be_critical"), Error, EXTENSIONS, SMIME_BR, |c| subscriber(c) && c.ext(QC_STATEMENTS).is_some(),
        |c| fail(c.ext(QC_STATEMENTS).is_some_and(|e| e.critical), || "qcStatements is critical".into()),
        "S/MIME qcStatements extension is critical",
        "The S/MIME BR say the qcStatements extension MUST NOT be critical: mail clients outside the EU do not know it.",
        "Re-issue with qcStatements non-critical."),
    rule("smime.crl-missing", Some("e_subscribers_shall_have_crl_distribution_points"), Error, EXTENSIONS, SMIME_BR, subscriber,
        |c| fail(crl_uris(c).is_empty(), || "no CRL distribution point URL".into()),
        "S/MIME certificate without a CRL distribution point",
        "The S/MIME BR require cRLDistributionPoints with the CRL's URL in every subscriber certificate.",
        "Re-issue with an http:// CRL distribution point."),
    rule("smime.crl-http", Some("e_subscribers_crl_distribution_points_are_http"), Error, EXTENSIONS, SMIME_BR, subscriber,
        |c| {
            let uris = crl_uris(c);
            let http = uris.iter().filter(|u| scheme_http(u)).count();
            if multipurpose_or_strict(c) && http != uris.len() {
                return uris.into_iter().find(|u| !scheme_http(u)).map(|u| format!("CRL URL {u:?} is not HTTP"));
            }
            fail(legacy(c) && !uris.is_empty() && http == 0, || "no HTTP CRL URL".into())
        },
        "S/MIME CRL distribution point is not HTTP",
        "Multipurpose and strict S/MIME certificates may give only http:// CRL URLs; legacy ones at least one.",
        "Use http:// CRL URLs."),
    rule("smime.legacy-aia-http", Some("e_smime_legacy_aia_shall_have_one_http"), Error, EXTENSIONS, SMIME_BR, |c| c.is_subscriber() && c.ext(AIA).is_some() && legacy(c),
        |c| {
            [OCSP, CA_ISSUERS].into_iter().find_map(|m| {
                let uris = access_uris(c, m);
                fail(!uris.is_empty() && !uris.iter().any(|u| scheme_http(u)), || format!("no HTTP URL among the {} URLs", if m == OCSP { "OCSP" } else { "caIssuers" }))
            })
        },
        "Legacy S/MIME AIA without an HTTP URL",
        "In legacy S/MIME certificates each kind of AIA URL (OCSP, caIssuers) that is present must include at least one http:// URL.",
        "Add http:// URLs to authorityInfoAccess."),
    rule("smime.aia-http-only", Some("e_smime_strict_aia_shall_have_http_only"), Error, EXTENSIONS, SMIME_BR, |c| c.is_subscriber() && c.ext(AIA).is_some() && multipurpose_or_strict(c),
        |c| access_uris(c, OCSP).into_iter().chain(access_uris(c, CA_ISSUERS)).find(|u| !scheme_http(u)).map(|u| format!("AIA URL {u:?} is not HTTP")),
        "S/MIME AIA URL is not HTTP",
        "Multipurpose and strict S/MIME certificates may give only http:// OCSP and caIssuers URLs.",
        "Use http:// URLs in authorityInfoAccess."),
    rule("smime.aia-internal-name", Some("w_smime_aia_contains_internal_names"), Warn, EXTENSIONS, SMIME_BR, |c| subscriber(c) && c.ext(AIA).is_some(),
        |c| access_uris(c, OCSP).into_iter().chain(access_uris(c, CA_ISSUERS)).find(|u| internal_host(u)).map(|u| format!("AIA URL {u:?} has no public top-level domain")),
        "S/MIME AIA URL names an internal host",
        "AIA URLs must be reachable by every mail client; a host without a public top-level domain is internal.",
        "Use publicly resolvable host names in AIA."),
    rule("smime.ec-key-usage", Some("e_ecpublickey_key_usages"), Error, EXTENSIONS, SMIME_BR, |c| with_ku(c, "EC") && ku_kind(c, KEY_AGREEMENT),
        |c| ku_outside(c, KEY_AGREEMENT, SIGNING, KEY_AGREEMENT | ENCIPHER_ONLY | DECIPHER_ONLY),
        "S/MIME EC key with key usages its role does not allow",
        "An EC key signs (digitalSignature, nonRepudiation), agrees keys (keyAgreement, with encipherOnly or decipherOnly), or both; nothing else.",
        "Re-issue with only the key usages of the key's role."),
    rule("smime.ec-key-usage-other", Some("e_ec_other_key_usages"), Error, EXTENSIONS, SMIME_BR, |c| with_ku(c, "EC") && ku_bits(c) != 0,
        |c| fail(!ku_kind(c, KEY_AGREEMENT), || format!("neither digitalSignature nor keyAgreement: {}", ku_names(ku_bits(c)))),
        "S/MIME EC key neither signs nor agrees keys",
        "An EC key in an S/MIME certificate must have digitalSignature or keyAgreement.",
        "Re-issue with digitalSignature and/or keyAgreement."),
    rule("smime.ed-key-usage", Some("e_edwardspublickey_key_usages"), Error, EXTENSIONS, SMIME_BR, |c| with_ku(c, "Ed25519"),
        |c| if ku_bits(c) & DIGITAL_SIGNATURE == 0 { Some("no digitalSignature".into()) } else { ku_outside(c, 0, SIGNING, 0) },
        "S/MIME Ed25519 key with key usages other than signing",
        "An Ed25519 key can only sign: digitalSignature is required, nonRepudiation allowed, nothing else.",
        "Re-issue with digitalSignature (and nonRepudiation if wanted)."),
    rule("smime.rsa-key-usage-strict", Some("e_rsa_key_usage_strict"), Error, EXTENSIONS, SMIME_BR, |c| with_ku(c, "RSA") && generation(c, 3) && ku_kind(c, KEY_ENCIPHERMENT),
        |c| ku_outside(c, KEY_ENCIPHERMENT, SIGNING, KEY_ENCIPHERMENT),
        "Strict S/MIME RSA key with key usages its role does not allow",
        "A strict-generation RSA key signs (digitalSignature, nonRepudiation), encrypts keys (keyEncipherment), or both; nothing else.",
        "Re-issue with only the key usages of the key's role."),
    rule("smime.rsa-key-usage", Some("e_rsa_key_usage_legacy_multipurpose"), Error, EXTENSIONS, SMIME_BR, |c| with_ku(c, "RSA") && (generation(c, 1) || generation(c, 2)) && ku_kind(c, KEY_ENCIPHERMENT),
        |c| ku_outside(c, KEY_ENCIPHERMENT, SIGNING, KEY_ENCIPHERMENT | DATA_ENCIPHERMENT),
        "S/MIME RSA key with key usages its role does not allow",
        "A legacy or multipurpose RSA key signs (digitalSignature, nonRepudiation), encrypts (keyEncipherment, dataEncipherment), or both; nothing else.",
        "Re-issue with only the key usages of the key's role."),
    rule("smime.rsa-key-usage-other", Some("e_rsa_other_key_usages"), Error, EXTENSIONS, SMIME_BR, |c| with_ku(c, "RSA") && ku_bits(c) != 0,
        |c| fail(!ku_kind(c, KEY_ENCIPHERMENT), || format!("neither digitalSignature nor keyEncipherment: {}", ku_names(ku_bits(c)))),
        "S/MIME RSA key neither signs nor encrypts",
        "An RSA key in an S/MIME certificate must have digitalSignature or keyEncipherment.",
        "Re-issue with digitalSignature and/or keyEncipherment."),
    rule("smime.strict-eku", Some("e_smime_strict_eku_check"), Error, EXTENSIONS, SMIME_BR, |c| generation(c, 3) && c.is_subscriber(),
        |c| {
            let ekus = c.ekus().unwrap_or_default();
            if let Some(other) = ekus.iter().find(|e| *e != EMAIL_PROTECTION) {
                return Some(format!("EKU {other} besides emailProtection"));
            }
            fail(ekus.is_empty(), || "no emailProtection EKU".into())
        },
        "Strict S/MIME certificate with an EKU other than emailProtection",
        "Strict S/MIME certificates carry id-kp-emailProtection and no other EKU.",
        "Re-issue with extendedKeyUsage=emailProtection only."),
    rule("smime.eku", Some("e_smime_legacy_multipurpose_eku_check"), Error, EXTENSIONS, SMIME_BR, |c| (generation(c, 1) || generation(c, 2)) && c.is_subscriber(),
        |c| {
            let ekus = c.ekus().unwrap_or_default();
            if !ekus.iter().any(|e| e == EMAIL_PROTECTION) {
                return Some("no emailProtection EKU".into());
            }
            ekus.iter().find(|e| [SERVER_AUTH, CODE_SIGNING, TIME_STAMPING, ANY_EKU].contains(&e.as_str())).map(|e| format!("EKU {e} is prohibited"))
        },
        "S/MIME certificate with a missing or prohibited EKU",
        "Legacy and multipurpose S/MIME certificates must carry id-kp-emailProtection and must not carry serverAuth, codeSigning, timeStamping or anyExtendedKeyUsage.",
        "Re-issue with emailProtection (and clientAuth if needed) only."),
    rule("smime.legacy-deprecated", Some("e_legacy_generation_deprecated"), Error, POLICIES, SMC08, legacy,
        |_| Some("a legacy-generation S/MIME policy".into()),
        "Legacy-generation S/MIME certificate issued after 2025-07-15",
        "Ballot SMC08 retired the legacy generation: certificates issued from 2025-07-15 must follow the multipurpose or strict profile.",
        "Re-issue under a multipurpose or strict S/MIME policy."),
    rule("smime.one-policy", Some("e_exactly_one_smime_policy"), Error, POLICIES, SMIME_BR, |c| smime(c) && c.is_subscriber(),
        |c| {
            let n = kinds(c).len();
            fail(n != 1, || format!("{n} S/MIME BR policies"))
        },
        "S/MIME certificate without exactly one S/MIME BR policy",
        "An S/MIME subscriber certificate asserts exactly one of the twelve S/MIME BR policies, which says how it was validated and which profile it follows.",
        "Re-issue with the one policy that matches the validation done."),
    rule("smime.mailbox-cn", Some("e_commonname_mailbox_validated"), Error, SUBJECT, SMIME_BR, |c| validation(c, 1) && c.is_subscriber(),
        |c| c.subject_values(CN).into_iter().find(|cn| !mailbox(cn)).map(|cn| format!("commonName {cn:?} is not a mailbox address")),
        "Mailbox-validated S/MIME common name is not a mailbox address",
        "In a mailbox-validated certificate only the mailbox was validated, so a commonName must be that address.",
        "Re-issue with the mailbox address as the commonName, or without one."),
    rule("smime.mailbox-subject", Some("e_mailbox_validated_allowed_subjectdn_attributes"), Error, SUBJECT, SMIME_BR, |c| validation(c, 1),
        |c| {
            c.report.subject.attributes.iter().find(|a| ![CN, SERIAL, EMAIL].contains(&a.oid.as_str())).map(|a| format!("subject attribute {} in a mailbox-validated certificate", a.short))
        },
        "Mailbox-validated S/MIME subject holds unvalidated attributes",
        "A mailbox-validated subject may hold only commonName, serialNumber and emailAddress: nothing else was validated.",
        "Re-issue with those attributes only, or under an organization or individual validated policy."),
    rule("smime.subject-directory-attributes", Some("e_strict_multipurpose_smime_ext_subject_directory_attr"), Error, EXTENSIONS, SMIME_BR, |c| multipurpose_or_strict(c) && c.is_subscriber(),
        |c| fail(c.ext(SUBJECT_DIRECTORY_ATTRIBUTES).is_some(), || "subjectDirectoryAttributes present".into()),
        "Multipurpose or strict S/MIME certificate with subject directory attributes",
        "The S/MIME BR do not allow subjectDirectoryAttributes in multipurpose and strict certificates.",
        "Re-issue without the extension."),
    Lint { same_as: Some("smime.mailbox-subject"), ..rule("smime.mailbox-subject-subscriber", Some("e_mailbox_validated_enforce_subject_field_restrictions"), Error, SUBJECT, SMIME_BR, |c| validation(c, 1) && c.is_subscriber(),
        |c| {
            c.report.subject.attributes.iter().find(|a| ![CN, SERIAL, EMAIL].contains(&a.oid.as_str())).map(|a| format!("subject attribute {} in a mailbox-validated certificate", a.short))
        },
        "Mailbox-validated S/MIME subject holds unvalidated attributes",
        "A mailbox-validated subject may hold only commonName, serialNumber and emailAddress: nothing else was validated.",
        "Re-issue with those attributes only.") },
    rule("smime.mailbox-not-in-san", Some("e_mailbox_address_shall_contain_an_rfc822_name"), Error, SUBJECT, SMIME_BR, |c| subscriber(c) && !mailboxes_to_find(c).is_empty(),
        |c| {
            let Some(san) = san_mailboxes(c) else {
                return Some("an SmtpUTF8Mailbox otherName is not a UTF8String".into());
            };
            mailboxes_to_find(c).into_iter().find(|m| !san.contains(m)).map(|m| format!("{m} is not in the SAN"))
        },
        "S/MIME mailbox address missing from the SAN",
        "Every mailbox address the certificate names (subject emailAddress, a mailbox-validated commonName) must also be in the SAN as an rfc822Name or SmtpUTF8Mailbox: mail clients look only there.",
        "Re-issue with each address in the SAN."),
    Lint { until: Some(SMIME_BR_1_0_11), ..rule("smime.key-algorithm-legacy", Some("e_invalid_legacy_spki_algoid"), Error, KEYS, SMIME_BR, smime,
        |c| spki_algorithm_outside(c, false),
        "S/MIME key of a type, or with an encoding, the S/MIME BR do not allow",
        "Until S/MIME BR 1.0.11 the public key must be RSA (with NULL parameters), EC on P-256, P-384 or P-521, Ed25519 or Ed448, encoded byte for byte as §7.1.3.1 gives it.",
        "Re-issue with an allowed key, encoded as the S/MIME BR give it.") },
    rule("smime.key-algorithm", Some("e_invalid_spki_algoid"), Error, KEYS, SMIME_BR_1_0_11, smime,
        |c| spki_algorithm_outside(c, true),
        "S/MIME key of a type, or with an encoding, the S/MIME BR do not allow",
        "The public key must be RSA (with NULL parameters), EC on P-256, P-384 or P-521, Ed25519, Ed448, ML-DSA or ML-KEM, encoded byte for byte as §7.1.3.1 gives it.",
        "Re-issue with an allowed key, encoded as the S/MIME BR give it."),
    rule("smime.lei", Some("e_legal_entity_identifier"), Error, EXTENSIONS, SMIME_BR, subscriber, lei_problem,
        "S/MIME Legal Entity Identifier extension where the S/MIME BR do not allow it",
        "The LEI extension is for organization- and sponsor-validated certificates only, never critical; the LEI role extension only in sponsor-validated ones, never critical.",
        "Re-issue without the extension, or non-critical."),
    rule("smime.org-cn", Some("e_org_validated_invalid_cn"), Error, SUBJECT, SMIME_BR, |c| validation(c, 2) && c.is_subscriber() && !c.subject_values("2.5.4.10").is_empty(),
        |c| {
            let cn = c.subject_values(CN).pop().unwrap_or_default();
            let org = c.subject_values("2.5.4.10").into_iter().next().unwrap_or_default();
            fail(!mailbox(&cn) && cn != org, || format!("commonName {cn:?} is neither a mailbox address nor the organization {org:?}"))
        },
        "Organization-validated S/MIME common name is neither a mailbox nor the organization",
        "In an organization-validated certificate the commonName must be a mailbox address or the subject's organizationName.",
        "Re-issue with the mailbox address or the organization name as the commonName."),
    rule("smime.registration-country", Some("e_registration_scheme_id_matches_subject_country"), Error, SUBJECT, SMIME_BR, registration_applies,
        |c| {
            let country = c.subject_values("2.5.4.6").into_iter().next().unwrap_or_default();
            c.subject_values(ORGANIZATION_IDENTIFIER).into_iter().find(|id| registration(id).is_some_and(|(s, k)| s != "INT" && s != "LEI" && k != country)).map(|id| format!("organizationIdentifier {id:?} is not from {country}"))
        },
        "S/MIME organization identifier from another country",
        "The country in the organizationIdentifier's registration scheme (for example NTRGB-…) must be the subject's countryName (S/MIME BR Appendix A.1).",
        "Re-issue with a matching country or identifier."),
    rule("smime.adobe-critical", Some("e_adobe_extensions_legacy_multipurpose_criticality"), Error, EXTENSIONS, SMIME_BR, |c| c.is_subscriber() && (generation(c, 1) || generation(c, 2)) && adobe(c),
        |c| [ADOBE_TIME_STAMP, ADOBE_ARCHIVE_REV_INFO].into_iter().find(|o| c.ext(o).is_some_and(|e| e.critical)).map(|o| format!("Adobe extension {o} is critical")),
        "S/MIME certificate with a critical Adobe extension",
        "Legacy and multipurpose S/MIME certificates may carry Adobe's Time-stamp and ArchiveRevInfo extensions, but not critical: every other mail client would refuse the certificate.",
        "Re-issue with the Adobe extensions non-critical."),
    rule("smime.adobe-strict", Some("e_adobe_extensions_strict_presence"), Error, EXTENSIONS, SMIME_BR, |c| c.is_subscriber() && generation(c, 3),
        |c| fail(adobe(c), || "an Adobe Time-stamp or ArchiveRevInfo extension".into()),
        "Strict S/MIME certificate with an Adobe extension",
        "Strict S/MIME certificates may not carry Adobe's Time-stamp or ArchiveRevInfo extensions.",
        "Re-issue without them, or under a multipurpose policy."),
    rule("smime.personal-name", Some("e_invalid_individual_identity"), Error, SUBJECT, SMIME_BR, |c| smime(c) && c.is_subscriber() && !legacy(c) && (validation(c, 3) || validation(c, 4)),
        |c| fail(["2.5.4.42", "2.5.4.4", "2.5.4.65"].iter().all(|o| c.subject_values(o).is_empty()), || "no givenName, surname or pseudonym".into()),
        "Individual- or sponsor-validated S/MIME certificate without a personal name",
        "Multipurpose and strict individual- and sponsor-validated certificates name the person: givenName and/or surname, or a pseudonym.",
        "Re-issue with the person's validated name or pseudonym."),
    rule("smime.aki", Some("e_authority_key_identifier_correct"), Error, EXTENSIONS, SMIME_BR, subscriber,
        |c| {
            let Some(e) = c.ext(AKI) else { return Some("no authorityKeyIdentifier".into()) };
            if e.critical {
                return Some("authorityKeyIdentifier is critical".into());
            }
            let aki = <x509_cert::ext::pkix::AuthorityKeyIdentifier as der::Decode>::from_der(e.extn_value.as_bytes()).ok()?;
            if aki.key_identifier.as_ref().is_none_or(|k| k.as_bytes().is_empty()) {
                return Some("authorityKeyIdentifier without keyIdentifier".into());
            }
            (aki.authority_cert_issuer.is_some() || aki.authority_cert_serial_number.is_some()).then(|| "authorityKeyIdentifier with authorityCertIssuer or authorityCertSerialNumber".into())
        },
        "The S/MIME certificate's authority key identifier is not the BR's", "The S/MIME BR (§7.1.2.3 (g)) require authorityKeyIdentifier, not critical, holding the issuing key's keyIdentifier and neither authorityCertIssuer nor authorityCertSerialNumber.", "Re-issue with an authorityKeyIdentifier holding the keyIdentifier only."),
];
