//! Lints for certificate revocation lists: RFC 5280 §5's CRL profile, the TLS Baseline
//! Requirements' (§4.9.7 and §7.2), and zlint's community checks — each rule one of zlint's
//! `RevocationListLint`s, judged the way zlint judges it, so that it can be measured against
//! zlint's own test CRLs. A rule is effective for CRLs whose thisUpdate is on or after its date
//! (zlint's `CheckEffective` on a CRL). The profiles module carries them; they run on every
//! pasted CRL when all lints are asked for ([`crate::Lints::All`]).

use der::{Decode, Tagged};
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::crl::dp::IssuingDistributionPoint;
use x509_cert::ext::pkix::AuthorityKeyIdentifier;
use x509_cert::ext::Extension;

use super::engine::{Level, LintResult, Status, AKI, ALWAYS, BR_2_0_1, CABF_BR, RFC2459, RFC5280};
use crate::{Finding, Reference};

/// 2023-07-15, Baseline Requirements 1.8.7 (ballot SC-63: CRLs mandatory, their profile).
const BR_1_8_7: u64 = 1_689_379_200;

const CRL_NUMBER: &str = "2.5.29.20";
const REASON_CODE: &str = "2.5.29.21";
const IDP: &str = "2.5.29.28";

const fn r(label: &'static str, url: &'static str) -> Reference {
    Reference { label, url }
}
const RFC_NEXT_UPDATE: Reference = r(
    "RFC 5280 §5.1.2.5",
    "https://www.rfc-editor.org/rfc/rfc5280#section-5.1.2.5",
);
const RFC_REVOKED: Reference = r(
    "RFC 5280 §5.1.2.6",
    "https://www.rfc-editor.org/rfc/rfc5280#section-5.1.2.6",
);
const RFC_AKI: Reference = r(
    "RFC 5280 §5.2.1",
    "https://www.rfc-editor.org/rfc/rfc5280#section-5.2.1",
);
const RFC_NUMBER: Reference = r(
    "RFC 5280 §5.2.3",
    "https://www.rfc-editor.org/rfc/rfc5280#section-5.2.3",
);
const RFC_REASON: Reference = r(
    "RFC 5280 §5.3.1",
    "https://www.rfc-editor.org/rfc/rfc5280#section-5.3.1",
);
const RFC4055: Reference = r(
    "RFC 4055 §5",
    "https://www.rfc-editor.org/rfc/rfc4055#section-5",
);
const BR_CRL: Reference = r(
    "CA/B Forum BR §7.2.2",
    "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#722-crl-and-crl-entry-extensions",
);
const BR_CRL_LIFETIME: Reference = r(
    "CA/B Forum BR §4.9.7",
    "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#497-crl-issuance-frequency",
);
const COMMUNITY: Reference = r(
    "zlint community lints",
    "https://github.com/zmap/zlint/tree/master/v3/lints/community",
);

/// One revoked entry as the rules read it.
struct Entry {
    serial: Vec<u8>,
    date: u64,
    extensions: Vec<Extension>,
    /// The reasonCode's value, whatever it is (RFC 5280's enumeration has gaps, and a CRL may
    /// carry codes outside it, which the rules must see).
    reason: Option<u32>,
}

/// What a CRL rule sees: the list, decoded once.
pub(crate) struct CrlCtx {
    list: CertificateList,
    this_update: u64,
    next_update: Option<u64>,
    entries: Vec<Entry>,
    /// The CRL covers CA certificates (its issuing distribution point says
    /// onlyContainsCACerts, or its issuer is a root), so BR §4.9.7's CA lifetime applies.
    covers_ca: bool,
}

/// The value of an ENUMERATED, or `None` when the bytes are not one.
fn enumerated(value: &[u8]) -> Option<u32> {
    let any = der::asn1::AnyRef::from_der(value).ok()?;
    if any.tag() != der::Tag::Enumerated || any.value().len() > 4 {
        return None;
    }
    Some(
        any.value()
            .iter()
            .fold(0u32, |n, b| (n << 8) | u32::from(*b)),
    )
}

impl CrlCtx {
    /// Decodes `der`; `issuer_is_root` says the pasted certificate that verifies it is a root.
    pub(crate) fn new(der: &[u8], issuer_is_root: bool) -> Result<Self, crate::Error> {
        let (list, _) = crate::crl::decode(der)?;
        let secs = |t: &x509_cert::time::Time| t.to_unix_duration().as_secs();
        let tbs = &list.tbs_cert_list;
        let entries = tbs
            .revoked_certificates
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|e| {
                let extensions = e.crl_entry_extensions.clone().unwrap_or_default();
                let reason = extensions
                    .iter()
                    .find(|x| x.extn_id.to_string() == REASON_CODE)
                    .and_then(|x| enumerated(x.extn_value.as_bytes()));
                Entry {
                    serial: e.serial_number.as_bytes().to_vec(),
                    date: secs(&e.revocation_date),
                    extensions,
                    reason,
                }
            })
            .collect();
        let mut ctx = CrlCtx {
            this_update: secs(&tbs.this_update),
            next_update: tbs.next_update.as_ref().map(secs),
            entries,
            covers_ca: issuer_is_root,
            list,
        };
        let only_ca = ctx
            .ext(IDP)
            .and_then(|e| IssuingDistributionPoint::from_der(e.extn_value.as_bytes()).ok())
            .is_some_and(|idp| idp.only_contains_ca_certs);
        ctx.covers_ca |= only_ca;
        Ok(ctx)
    }

    fn extensions(&self) -> &[Extension] {
        self.list
            .tbs_cert_list
            .crl_extensions
            .as_deref()
            .unwrap_or_default()
    }

    fn ext(&self, oid: &str) -> Option<&Extension> {
        self.extensions()
            .iter()
            .find(|e| e.extn_id.to_string() == oid)
    }

    /// revokedCertificates is present in the encoding.
    fn revoked_present(&self) -> bool {
        self.list.tbs_cert_list.revoked_certificates.is_some()
    }
}

/// A CRL rule (the certificate rules' [`super::engine::Lint`], for a CRL).
pub(crate) struct CrlLint {
    pub(crate) id: &'static str,
    pub(crate) zlint: &'static str,
    pub(crate) level: Level,
    pub(crate) source: Reference,
    /// Effective for CRLs with thisUpdate ≥ this (Unix seconds).
    from: u64,
    applies: fn(&CrlCtx) -> bool,
    /// `Some(evidence)` when violated.
    check: fn(&CrlCtx) -> Option<String>,
    pub(crate) title: &'static str,
    explanation: &'static str,
    fix: &'static str,
    /// Another CRL rule that says the same: its finding stands for both.
    same_as: Option<&'static str>,
}

fn always(_: &CrlCtx) -> bool {
    true
}
fn has_entries(c: &CrlCtx) -> bool {
    !c.entries.is_empty()
}

/// The first entry `bad` refuses, as evidence.
fn entry(c: &CrlCtx, bad: impl Fn(&CrlCtx, &Entry) -> Option<String>) -> Option<String> {
    c.entries.iter().find_map(|e| {
        bad(c, e).map(|why| format!("serial {}: {why}", crate::hex::colon(&e.serial)))
    })
}

/// The first extension OID that appears twice in `exts`.
fn duplicate(exts: &[Extension]) -> Option<String> {
    exts.iter().enumerate().find_map(|(i, e)| {
        exts.iter()
            .take(i)
            .any(|x| x.extn_id == e.extn_id)
            .then(|| format!("{} appears more than once", e.extn_id))
    })
}

/// RFC 5280 §5.3.1's reasons (7 is unused, 8 is removeFromCRL, 10 aACompromise).
fn reason_name(code: u32) -> String {
    match code {
        0 => "unspecified (0)".to_owned(),
        1 => "keyCompromise (1)".to_owned(),
        2 => "cACompromise (2)".to_owned(),
        3 => "affiliationChanged (3)".to_owned(),
        4 => "superseded (4)".to_owned(),
        5 => "cessationOfOperation (5)".to_owned(),
        6 => "certificateHold (6)".to_owned(),
        8 => "removeFromCRL (8)".to_owned(),
        9 => "privilegeWithdrawn (9)".to_owned(),
        10 => "aACompromise (10)".to_owned(),
        n => format!("{n}, which RFC 5280 does not define"),
    }
}

fn next_update_missing(c: &CrlCtx) -> Option<String> {
    c.next_update
        .is_none()
        .then(|| "no nextUpdate field".to_owned())
}

fn number_missing(c: &CrlCtx) -> Option<String> {
    c.ext(CRL_NUMBER)
        .is_none()
        .then(|| "no cRLNumber extension (2.5.29.20)".to_owned())
}

fn number_range(c: &CrlCtx) -> Option<String> {
    let Some(e) = c.ext(CRL_NUMBER) else {
        return Some("no cRLNumber extension (2.5.29.20)".to_owned());
    };
    let Ok(n) = der::asn1::Int::from_der(e.extn_value.as_bytes()) else {
        return Some("the cRLNumber is not an INTEGER".to_owned());
    };
    let bytes = n.as_bytes();
    let shown = crate::hex::colon(bytes);
    if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        return Some(format!("the cRLNumber {shown} is negative"));
    }
    // Non-negative, so a leading zero only marks the sign: 2^159 and above need 20 bytes with
    // the top bit set, or more.
    let digits = bytes.strip_prefix(&[0]).unwrap_or(bytes);
    let too_big =
        digits.len() > 20 || (digits.len() == 20 && digits.first().is_some_and(|b| b & 0x80 != 0));
    too_big.then(|| format!("the cRLNumber {shown} is 2^159 or more"))
}

fn aki_missing(c: &CrlCtx) -> Option<String> {
    c.ext(AKI)
        .is_none()
        .then(|| "no authorityKeyIdentifier extension (2.5.29.35)".to_owned())
}

fn aki_key_id_only(c: &CrlCtx) -> Option<String> {
    let e = c.ext(AKI)?;
    let Ok(aki) = AuthorityKeyIdentifier::from_der(e.extn_value.as_bytes()) else {
        return Some("the authorityKeyIdentifier does not decode".to_owned());
    };
    if aki.key_identifier.is_none() {
        return Some("the authorityKeyIdentifier has no keyIdentifier".to_owned());
    }
    (aki.authority_cert_issuer.is_some() || aki.authority_cert_serial_number.is_some()).then(|| {
        "the authorityKeyIdentifier has authorityCertIssuer or authorityCertSerialNumber".to_owned()
    })
}

/// BR §7.2.2's CRL extensions, and whether each must be critical.
const BR_EXTENSIONS: [(&str, bool); 3] = [(CRL_NUMBER, false), (AKI, false), (IDP, true)];

fn extension_not_recommended(c: &CrlCtx) -> Option<String> {
    c.extensions()
        .iter()
        .find(|e| {
            !BR_EXTENSIONS
                .iter()
                .any(|(o, _)| e.extn_id.to_string() == *o)
        })
        .map(|e| format!("extension {} is not one of the BR's", e.extn_id))
}

fn extension_criticality(c: &CrlCtx) -> Option<String> {
    c.extensions().iter().find_map(|e| {
        let oid = e.extn_id.to_string();
        let (_, critical) = BR_EXTENSIONS.iter().find(|(o, _)| *o == oid)?;
        (e.critical != *critical).then(|| {
            format!(
                "extension {oid} is {}critical; it must {}be",
                if e.critical { "" } else { "not " },
                if *critical { "" } else { "not " }
            )
        })
    })
}

fn reason_critical(c: &CrlCtx) -> Option<String> {
    entry(c, |_, e| {
        e.extensions
            .iter()
            .any(|x| x.extn_id.to_string() == REASON_CODE && x.critical)
            .then(|| "its reasonCode extension is marked critical".to_owned())
    })
}

fn br_reason(c: &CrlCtx) -> Option<String> {
    entry(c, |_, e| {
        let code = e.reason?;
        (![1, 3, 4, 5, 9].contains(&code)).then(|| format!("reason {}", reason_name(code)))
    })
}

fn reason_unspecified(c: &CrlCtx) -> Option<String> {
    entry(c, |_, e| {
        (e.reason == Some(0)).then(|| "reasonCode unspecified (0)".to_owned())
    })
}

fn reason_invalid(c: &CrlCtx) -> Option<String> {
    entry(c, |_, e| {
        let code = e.reason?;
        (code == 7 || code > 10).then(|| format!("reasonCode {code}"))
    })
}

fn revoked_empty(c: &CrlCtx) -> Option<String> {
    (c.revoked_present() && c.entries.is_empty())
        .then(|| "revokedCertificates is present and empty".to_owned())
}

fn revoked_after_this_update(c: &CrlCtx) -> Option<String> {
    entry(c, |c, e| {
        (e.date > c.this_update).then(|| {
            format!(
                "revoked at {}, after thisUpdate {}",
                crate::time::rfc3339(e.date),
                crate::time::rfc3339(c.this_update)
            )
        })
    })
}

fn revoked_too_early(c: &CrlCtx) -> Option<String> {
    entry(c, |_, e| {
        (e.date < RFC2459).then(|| format!("revoked at {}", crate::time::rfc3339(e.date)))
    })
}

fn duplicate_extension(c: &CrlCtx) -> Option<String> {
    duplicate(c.extensions())
}

fn entry_duplicate_extension(c: &CrlCtx) -> Option<String> {
    entry(c, |_, e| duplicate(&e.extensions))
}

fn duplicate_serial(c: &CrlCtx) -> Option<String> {
    let mut serials: Vec<&[u8]> = c.entries.iter().map(|e| e.serial.as_slice()).collect();
    serials.sort_unstable();
    serials.windows(2).find_map(|w| match w {
        [a, b] if a == b => Some(format!(
            "serial {} is listed more than once",
            crate::hex::colon(a)
        )),
        _ => None,
    })
}

/// sha224/256/384/512WithRSAEncryption (RFC 4055 §5), whose parameters MUST be NULL.
const RSA_SHA2: [&str; 4] = [
    "1.2.840.113549.1.1.14",
    "1.2.840.113549.1.1.11",
    "1.2.840.113549.1.1.12",
    "1.2.840.113549.1.1.13",
];

fn signature_null(c: &CrlCtx) -> Option<String> {
    let alg = &c.list.signature_algorithm;
    if !RSA_SHA2.contains(&alg.oid.to_string().as_str()) {
        return None;
    }
    match &alg.parameters {
        None => Some(format!("{} has no parameters", alg.oid)),
        Some(p) if p.tag() != der::Tag::Null => Some(format!(
            "{}'s parameters are {:?}, not NULL",
            alg.oid,
            p.tag()
        )),
        Some(p) if !p.value().is_empty() => Some(format!("{}'s NULL has content", alg.oid)),
        Some(_) => None,
    }
}

fn lifetime(c: &CrlCtx) -> Option<String> {
    let next = c.next_update?;
    // zlint adds calendar days and months (Go's AddDate) to thisUpdate.
    let limit = if c.covers_ca {
        crate::time::add_months(c.this_update, 12)
    } else {
        c.this_update.saturating_add(10 * 86_400)
    };
    (next > limit).then(|| {
        format!(
            "thisUpdate {}, nextUpdate {}: more than {} for a CRL of {} certificates",
            crate::time::rfc3339(c.this_update),
            crate::time::rfc3339(next),
            if c.covers_ca { "12 months" } else { "10 days" },
            if c.covers_ca { "CA" } else { "subscriber" }
        )
    })
}

#[allow(clippy::too_many_arguments)]
const fn rule(
    id: &'static str,
    zlint: &'static str,
    level: Level,
    source: Reference,
    from: u64,
    applies: fn(&CrlCtx) -> bool,
    check: fn(&CrlCtx) -> Option<String>,
    title: &'static str,
    explanation: &'static str,
    fix: &'static str,
) -> CrlLint {
    CrlLint {
        id,
        zlint,
        level,
        source,
        from,
        applies,
        check,
        title,
        explanation,
        fix,
        same_as: None,
    }
}

/// The rules, in zlint's precedence where several share a lint.
pub(crate) static RULES: &[CrlLint] = &[
    rule("crl.next-update-missing", "e_crl_has_next_update", Level::Error, RFC_NEXT_UPDATE, RFC5280, always, next_update_missing,
        "The CRL has no nextUpdate",
        "RFC 5280 requires every CRL to say when the next one will be issued. Without nextUpdate a relying party cannot tell a current CRL from a stale one, so a CRL an attacker replays years later looks as good as today's.",
        "Configure the CA to set nextUpdate on every CRL it issues."),
    rule("crl.number-missing", "e_crl_missing_crl_number", Level::Error, RFC_NUMBER, RFC5280, always, number_missing,
        "The CRL has no CRL number",
        "RFC 5280 requires the cRLNumber extension on every CRL: a sequence number that lets a relying party know it holds the newest CRL and that none was skipped.",
        "Configure the CA to add a monotonically increasing cRLNumber to every CRL."),
    CrlLint { same_as: Some("crl.number-missing"), ..rule("br.crl-number-out-of-range", "e_crl_number_out_of_range", Level::Error, BR_CRL, CABF_BR, always, number_range,
        "The CRL number is missing or out of range",
        "The Baseline Requirements (§7.2.2) require a cRLNumber that is at least 0 and less than 2^159, so that it fits the 20 octets RFC 5280 lets relying parties assume.",
        "Issue CRLs with a non-negative cRLNumber below 2^159.") },
    rule("crl.aki-missing", "e_crl_has_authority_key_identifier", Level::Error, RFC_AKI, RFC5280, always, aki_missing,
        "The CRL has no authority key identifier",
        "RFC 5280 requires the authorityKeyIdentifier extension on every CRL, so that a relying party can find which of the CA's keys signed it when the CA has more than one.",
        "Configure the CA to add an authorityKeyIdentifier with the keyIdentifier of its signing key."),
    rule("br.crl-aki-key-id-only", "e_crl_auth_key_id_only_contains_keyid", Level::Error, BR_CRL, BR_2_0_1, always, aki_key_id_only,
        "The CRL's authority key identifier is not a keyIdentifier alone",
        "The Baseline Requirements (§7.2.2) allow only the keyIdentifier field in a CRL's authorityKeyIdentifier; authorityCertIssuer and authorityCertSerialNumber tie the CRL to one certificate of the CA instead of its key.",
        "Configure the CA to write only the keyIdentifier (the issuing key's subjectKeyIdentifier)."),
    rule("br.crl-extension-not-recommended", "e_crl_extensions_validity", Level::Warn, BR_CRL, ALWAYS, always, extension_not_recommended,
        "The CRL carries an extension the Baseline Requirements do not list",
        "The Baseline Requirements (§7.2.2) list the CRL extensions a publicly trusted CA uses: cRLNumber, authorityKeyIdentifier and issuingDistributionPoint. Others are not recommended.",
        "Leave out extensions other than cRLNumber, authorityKeyIdentifier and issuingDistributionPoint."),
    rule("br.crl-extension-criticality", "e_crl_extensions_validity", Level::Error, BR_CRL, ALWAYS, always, extension_criticality,
        "A CRL extension has the wrong criticality",
        "The Baseline Requirements (§7.2.2) say cRLNumber and authorityKeyIdentifier are not critical, and issuingDistributionPoint is critical (as RFC 5280 §5.2.5 also requires).",
        "Mark issuingDistributionPoint critical and the other CRL extensions not critical."),
    rule("br.crl-reason-code-critical", "e_cab_crl_reason_code_not_critical", Level::Error, BR_CRL, CABF_BR, has_entries, reason_critical,
        "A CRL entry's reason code is marked critical",
        "The reasonCode entry extension is never critical (RFC 5280 §5.3.1, Baseline Requirements §7.2.2): a relying party that does not know it must still be able to use the entry.",
        "Configure the CA to mark the reasonCode entry extension not critical."),
    rule("br.crl-reason-code", "e_cab_crl_has_valid_reason_code", Level::Error, BR_CRL, BR_1_8_7, has_entries, br_reason,
        "A CRL entry's reason is one the Baseline Requirements do not allow",
        "Since ballot SC-63, a publicly trusted CA may give only keyCompromise (1), affiliationChanged (3), superseded (4), cessationOfOperation (5) or privilegeWithdrawn (9); when no reason applies the reasonCode extension is left out, never set to unspecified (0).",
        "Use one of reasons 1, 3, 4, 5 or 9, or leave out the reasonCode."),
    rule("crl.reason-code-invalid", "e_crl_has_valid_reason_code", Level::Error, RFC_REASON, RFC5280, has_entries, reason_invalid,
        "A CRL entry has a reason RFC 5280 does not define",
        "RFC 5280 §5.3.1 defines reason codes 0 to 10 except 7. Relying parties may reject an entry, or the CRL, with any other value.",
        "Use a reason code RFC 5280 defines."),
    rule("crl.reason-code-unspecified", "e_crl_has_valid_reason_code", Level::Warn, RFC_REASON, RFC5280, has_entries, reason_unspecified,
        "A CRL entry's reason is unspecified (0)",
        "RFC 5280 §5.3.1 says the reasonCode extension SHOULD be absent rather than carry unspecified (0): the value says nothing.",
        "Leave out the reasonCode when there is no reason to give."),
    rule("crl.revoked-empty", "e_crl_empty_revoked_certificates", Level::Error, RFC_REVOKED, RFC5280, always, revoked_empty,
        "The CRL's list of revoked certificates is present but empty",
        "RFC 5280 §5.1.2.6: when there are no revoked certificates, the revokedCertificates list MUST be absent, not an empty SEQUENCE. Strict DER parsers refuse the empty form.",
        "Leave out revokedCertificates when nothing is revoked."),
    CrlLint { same_as: Some("crl.revoked-empty"), ..rule("crl.revoked-empty-encoded", "e_crl_revoked_certificates_field_must_be_empty", Level::Error, RFC_REVOKED, RFC5280, |c| c.entries.is_empty(), revoked_empty,
        "The CRL's list of revoked certificates is present but empty",
        "RFC 5280 §5.1.2.6: when there are no revoked certificates, the revokedCertificates list MUST be absent from the DER encoding.",
        "Leave out revokedCertificates when nothing is revoked.") },
    rule("crl.revoked-after-this-update", "e_crl_revocation_time_after_this_update", Level::Error, RFC_REVOKED, RFC5280, has_entries, revoked_after_this_update,
        "A certificate was revoked after the CRL was made",
        "A CRL lists revocations that happened up to its thisUpdate (RFC 5280 §5.1.2.4, §5.1.2.6). An entry dated later means the CA's clock or its CRL generation is wrong.",
        "Check the CA's clock and how it dates revocations."),
    rule("crl.revoked-before-rfc2459", "e_crl_revocation_date_too_early", Level::Error, COMMUNITY, ALWAYS, has_entries, revoked_too_early,
        "A revocation is dated before 1999",
        "No certificate issued under the X.509 v3 profile (RFC 2459, January 1999) can have been revoked before it; such a date is an encoding or clock error.",
        "Date revocations when they happened."),
    rule("crl.duplicate-extension", "e_crl_no_duplicate_extensions", Level::Error, COMMUNITY, ALWAYS, |c| !c.extensions().is_empty(), duplicate_extension,
        "The CRL has the same extension twice",
        "A CRL must not carry one extension more than once (as RFC 5280 §4.2 says of certificates): relying parties may read either copy.",
        "Write each CRL extension once."),
    rule("crl.entry-duplicate-extension", "e_crl_revoked_certificate_crl_entry_has_no_duplicate_extensions", Level::Error, COMMUNITY, ALWAYS, always, entry_duplicate_extension,
        "A CRL entry has the same extension twice",
        "An entry must not carry one extension more than once: relying parties may read either copy, for example two different reasons.",
        "Write each entry extension once."),
    rule("crl.duplicate-serial", "e_crl_unique_revoked_certificate", Level::Warn, COMMUNITY, ALWAYS, always, duplicate_serial,
        "A serial number is listed twice",
        "Each revoked certificate should appear once in a CRL; a repeated serial, perhaps with different dates or reasons, leaves relying parties to guess which entry counts.",
        "List each revoked serial once."),
    rule("crl.signature-null-params", "e_crl_sigalgo_missing_null_params", Level::Error, RFC4055, RFC5280, always, signature_null,
        "The CRL's RSA signature algorithm lacks its NULL parameters",
        "RFC 4055 §5 says the parameters of sha224/256/384/512WithRSAEncryption MUST be NULL. Some verifiers refuse a signature whose algorithm identifier leaves them out.",
        "Configure the CA to encode the signature algorithm's parameters as NULL."),
    rule("br.crl-lifetime", "e_crl_next_update_invalid", Level::Error, BR_CRL_LIFETIME, BR_1_8_7, |c| c.next_update.is_some(), lifetime,
        "The CRL's nextUpdate is too far ahead",
        "The Baseline Requirements (§4.9.7) allow at most 10 days between thisUpdate and nextUpdate on a CRL of subscriber certificates, and at most 12 months on one of CA certificates. certscope takes a CRL to cover CA certificates when its issuingDistributionPoint says onlyContainsCACerts or it is signed by a pasted root; otherwise, as zlint does, it applies the subscriber limit.",
        "Issue the CRL more often, with nextUpdate within the limit."),
];

/// Every CRL rule's outcome on one CRL.
fn run(ctx: &CrlCtx) -> Vec<(&'static CrlLint, Status, Option<String>)> {
    RULES
        .iter()
        .map(|l| {
            if !(l.applies)(ctx) {
                return (l, Status::NotApplicable, None);
            }
            if ctx.this_update < l.from {
                return (l, Status::NotEffective, None);
            }
            let (status, evidence) = l.level.outcome((l.check)(ctx));
            (l, status, evidence)
        })
        .collect()
}

/// Every CRL rule's outcome on the CRL in `der` (zlint's vocabulary), for comparing with zlint.
pub fn crl_lint_results(der: &[u8]) -> Result<Vec<LintResult>, crate::Error> {
    let ctx = CrlCtx::new(der, false)?;
    Ok(run(&ctx)
        .into_iter()
        .map(|(l, status, _)| LintResult {
            id: l.id,
            zlint: Some(l.zlint),
            pkilint: None,
            status,
        })
        .collect())
}

/// The findings of the CRL rules on the CRL in `der`, most severe first; `issuer_is_root` says a
/// pasted root verifies it, `note` is the verifying certificate's
/// [`crate::CertificateReport::public_rules_note`] (the Baseline Requirements' rules are then
/// notes, as on a privately issued certificate).
pub(crate) fn findings(
    der: &[u8],
    issuer_is_root: bool,
    note: Option<&str>,
) -> Result<Vec<Finding>, crate::Error> {
    let ctx = CrlCtx::new(der, issuer_is_root)?;
    let mut out: Vec<Finding> = Vec::new();
    for (l, status, evidence) in run(&ctx) {
        let Some(evidence) = evidence else { continue };
        if l.same_as.is_some_and(|id| out.iter().any(|f| f.id == id)) {
            continue;
        }
        let mut f = super::finding(
            l.id,
            status.severity(),
            l.title,
            l.explanation,
            evidence,
            l.source.clone(),
            l.fix,
        );
        f.zlint = Some(l.zlint);
        f.profile = Some(super::LintProfile::of(&l.source));
        out.push(f);
    }
    if let Some(why) = note {
        super::as_notes(&mut out, why);
    }
    out.sort_by_key(|f| f.severity);
    Ok(out)
}
