//! Certificate policy qualifiers (RFC 5280 §4.2.1.4, RFC 6818 §3, BR §7.1.2.3): what a CPS
//! pointer and a user notice may hold. Read raw, as zlint reads them, so that a notice in the
//! wrong string type is still seen. The profiles module carries them; they run on every
//! certificate when all lints are asked for ([`crate::Lints::All`]).

use super::facts::{raw_items, raw_tlv, url_scheme};
use super::{fail, rule};
use crate::lint::engine::{Ctx, Level::*, Lint, BR_2_0, CP, RFC3280, RFC5280};
use crate::Reference;
use der::Tag;

const RFC6818: Reference = Reference {
    label: "RFC 5280 §4.2.1.4 (RFC 6818 §3)",
    url: "https://www.rfc-editor.org/rfc/rfc6818#section-3",
};
const QUALIFIERS: Reference = Reference {
    label: "RFC 5280 §4.2.1.4",
    url: "https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.4",
};
const BR_POLICIES: Reference = Reference {
    label: "CA/B Forum BR §7.1.2.7.9",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#71279-subscriber-certificate-certificate-policies",
};

const CA_POLICIES: Reference = Reference {
    label: "CA/B Forum BR §7.1.2.10.5",
    url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#712105-ca-certificate-certificate-policies",
};
/// The CA/Browser Forum's reserved policy identifiers: DV, OV, IV, EV.
const RESERVED: [&str; 4] = [
    "2.23.140.1.2.1",
    "2.23.140.1.2.2",
    "2.23.140.1.2.3",
    "2.23.140.1.1",
];

/// RFC 6818 (2013-01-01).
const RFC6818_DATE: u64 = 1_356_998_400;

/// id-qt-cps, id-qt-unotice and anyPolicy, as OID contents.
const CPS: &[u8] = &[0x2b, 6, 1, 5, 5, 7, 2, 1];
const UNOTICE: &[u8] = &[0x2b, 6, 1, 5, 5, 7, 2, 2];
const ANY_POLICY: &[u8] = &[0x55, 0x1d, 0x20, 0];

/// One PolicyQualifierInfo: the policy it qualifies, its id and its value (tag, contents).
struct Qualifier<'a> {
    policy: &'a [u8],
    id: &'a [u8],
    value: Option<(Tag, &'a [u8])>,
}

fn qualifiers<'a>(c: &'a Ctx<'_>) -> Vec<Qualifier<'a>> {
    let read = || -> Option<Vec<Qualifier<'a>>> {
        let (_, body) = raw_tlv(c.ext(CP)?.extn_value.as_bytes())?;
        let mut out = Vec::new();
        for (_, information) in raw_items(body)? {
            let fields = raw_items(information)?;
            let Some((_, policy)) = fields.first() else {
                continue;
            };
            let Some((_, list)) = fields.get(1) else {
                continue;
            };
            for (_, info) in raw_items(list)? {
                let parts = raw_items(info)?;
                let Some((_, id)) = parts.first() else {
                    continue;
                };
                out.push(Qualifier {
                    policy,
                    id,
                    value: parts.get(1).copied(),
                });
            }
        }
        Some(out)
    };
    read().unwrap_or_default()
}

/// The explicitText of each user notice: (string tag, contents).
fn explicit_texts<'a>(c: &'a Ctx<'_>) -> Vec<(Tag, &'a [u8])> {
    qualifiers(c)
        .into_iter()
        .filter(|q| q.id == UNOTICE)
        .filter_map(|q| raw_items(q.value?.1))
        .flatten()
        .filter(|(tag, _)| *tag != Tag::Sequence)
        .collect()
}
/// The noticeRef of each user notice, when it names an organization or numbers.
fn notice_refs(c: &Ctx<'_>) -> bool {
    qualifiers(c)
        .into_iter()
        .filter(|q| q.id == UNOTICE)
        .filter_map(|q| raw_items(q.value?.1))
        .flatten()
        .filter(|(tag, _)| *tag == Tag::Sequence)
        .any(|(_, body)| match raw_items(body) {
            Some(parts) => {
                parts.first().is_some_and(|(_, org)| !org.is_empty())
                    || parts.get(1).is_some_and(|(_, numbers)| !numbers.is_empty())
            }
            // A noticeRef that does not even parse (zlint's parser is lenient) is still one.
            None => !body.is_empty(),
        })
}
fn with_text(c: &Ctx<'_>) -> bool {
    !explicit_texts(c).is_empty()
}
/// The text's length in bytes of UTF-8 (a BMPString decoded first), as zlint counts it.
fn utf8_len(tag: Tag, body: &[u8]) -> usize {
    if tag == Tag::BmpString {
        let units = body.chunks(2).map(|p| {
            u16::from_be_bytes([
                p.first().copied().unwrap_or(0),
                p.get(1).copied().unwrap_or(0),
            ])
        });
        char::decode_utf16(units)
            .map(|r| r.map_or(3, char::len_utf8))
            .sum()
    } else {
        body.len()
    }
}
/// A C0 or C1 control character in UTF-8 bytes.
fn has_control(body: &[u8]) -> bool {
    String::from_utf8_lossy(body)
        .chars()
        .any(|ch| ch < ' ' || ('\u{7f}'..='\u{9f}').contains(&ch))
}

pub(super) const RULES: &[Lint] = &[
    rule("rfc.explicit-text-ia5", Some("e_ext_cert_policy_explicit_text_ia5_string"), Error, RFC6818, RFC6818_DATE, with_text,
        |c| fail(explicit_texts(c).iter().any(|(t, _)| *t == Tag::Ia5String), || "explicitText is an IA5String".into()),
        "A user notice's text is an IA5String", "RFC 6818 §3 (updating RFC 5280 §4.2.1.4): conforming CAs MUST NOT encode explicitText as IA5String; UTF8String is the one to use.", "Encode the notice as a UTF8String."),
    rule("rfc.explicit-text-too-long", Some("e_ext_cert_policy_explicit_text_too_long"), Error, RFC6818, RFC6818_DATE, with_text,
        |c| explicit_texts(c).into_iter().map(|(t, b)| utf8_len(t, b)).find(|n| *n > 200).map(|n| format!("explicitText of {n} bytes (at most 200)")),
        "A user notice's text is longer than 200 characters", "RFC 5280 §4.2.1.4: explicitText is a string of at most 200 characters; relying software may refuse or cut a longer one.", "Shorten the notice, and point to the CPS for the rest."),
    rule("rfc.explicit-text-control", Some("w_ext_cert_policy_explicit_text_includes_control"), Warn, RFC6818, RFC6818_DATE, with_text,
        |c| fail(explicit_texts(c).iter().any(|(t, b)| *t == Tag::Utf8String && has_control(b)), || "a control character in explicitText".into()),
        "A user notice's text holds a control character", "RFC 6818 §3: explicitText SHOULD NOT include control characters (U+0000 to U+001F, U+007F to U+009F); shown to a person, they garble or hide the text.", "Remove the control characters."),
    rule("rfc.explicit-text-not-utf8", Some("w_ext_cert_policy_explicit_text_not_utf8"), Warn, RFC6818, RFC6818_DATE, with_text,
        |c| explicit_texts(c).into_iter().find(|(t, _)| *t != Tag::Utf8String).map(|(t, _)| format!("explicitText as {t}")),
        "A user notice's text is not a UTF8String", "RFC 6818 §3: conforming CAs SHOULD use UTF8String for explicitText; VisibleString and BMPString are less preferred.", "Encode the notice as a UTF8String."),
    rule("rfc.notice-ref", Some("w_ext_cert_policy_contains_noticeref"), Warn, QUALIFIERS, RFC5280, |c| c.ext(CP).is_some(),
        |c| fail(notice_refs(c), || "a user notice with noticeRef".into()),
        "A user notice points to a notice reference", "RFC 5280 §4.2.1.4: conforming CAs SHOULD NOT use noticeRef; software would need the referenced document to show anything, and none does.", "Put the text in explicitText, or drop the notice."),
    rule("rfc.any-policy-qualifier", Some("e_ext_cert_policy_disallowed_any_policy_qualifier"), Error, QUALIFIERS, RFC3280, |c| c.policies().iter().any(|p| p == "2.5.29.32.0"),
        |c| fail(qualifiers(c).iter().any(|q| q.policy == ANY_POLICY && q.id != CPS && q.id != UNOTICE), || "anyPolicy with a qualifier other than CPS or user notice".into()),
        "anyPolicy carries a qualifier other than a CPS or user notice", "RFC 5280 §4.2.1.4: qualifiers on anyPolicy MUST be limited to the CPS pointer and the user notice.", "Drop the other qualifier."),
    rule("br.qualifier-not-cps", Some("e_policy_qualifiers_other_than_cps_not_permitted"), Error, BR_POLICIES, BR_2_0, |c| c.ext(CP).is_some(),
        |c| fail(qualifiers(c).iter().any(|q| q.id != CPS), || "a policy qualifier other than id-qt-cps".into()),
        "A policy qualifier other than a CPS pointer", "Since BR 2.0 (§7.1.2.7.9 and §7.1.2.10.5) the only policy qualifier allowed is id-qt-cps; user notices are not.", "Drop the user notice (keep only the CPS URL)."),
    rule("br.cps-uri-not-http", Some("e_invalid_cps_uri"), Error, BR_POLICIES, BR_2_0, |c| c.ext(CP).is_some(),
        |c| qualifiers(c).into_iter().filter(|q| q.id == CPS).filter_map(|q| q.value).map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .find(|u| !matches!(url_scheme(u).as_deref(), Some("http" | "https"))).map(|u| format!("CPS {u:?}")),
        "The CPS pointer is not an HTTP or HTTPS URL", "Since BR 2.0 (§7.1.2.7.9) the cPSuri MUST be an HTTP or HTTPS URL of the CA's repository.", "Give the CPS's http(s):// URL."),
    rule("br.sub-ca-reserved-policies", Some("e_ca_multiple_reserved_policy_oids"), Error, CA_POLICIES, BR_2_0, |c| c.is_sub_ca() && !c.policies().iter().any(|p| p == "2.5.29.32.0"),
        |c| fail(c.policies().iter().filter(|p| RESERVED.contains(&p.as_str())).count() > 1, || format!("reserved policies {}", c.policies().iter().filter(|p| RESERVED.contains(&p.as_str())).cloned().collect::<Vec<_>>().join(", "))),
        "A policy-restricted intermediate asserts more than one reserved policy", "Since BR 2.0 (§7.1.2.10.5) a subordinate CA certificate that is not for anyPolicy MUST include exactly one of the CA/Browser Forum's reserved policy identifiers (DV, OV, IV or EV), the one kind of certificate it issues. (zlint's test configuration for cross-certificates, which are exempt, is not modelled.)", "Issue one intermediate per validation level."),
    rule("br.sub-ca-policies", Some("e_invalid_ca_certificate_policies"), Error, CA_POLICIES, BR_2_0, |c| c.is_sub_ca(),
        |c| {
            if c.ext(CP).is_none() {
                return Some("no certificatePolicies".into());
            }
            let any = c.policies().iter().any(|p| p == "2.5.29.32.0");
            if any {
                return fail(c.policies().len() > 1, || "anyPolicy with other policies".into());
            }
            fail(!c.policies().iter().any(|p| RESERVED.contains(&p.as_str())), || format!("policies {} without a reserved one", c.policies().join(", ")))
        },
        "The intermediate's certificate policies are not the BR's", "Since BR 2.0 (§7.1.2.10.5) a subordinate CA certificate MUST carry certificatePolicies: either anyPolicy alone, or at least one CA/Browser Forum reserved policy identifier saying which certificates it issues.", "Re-issue with anyPolicy alone, or with the reserved policy of the certificates it issues."),
];
