//! ETSI EN 319 412 for EU qualified certificates: the QC statements extension (RFC 3739
//! §3.2.6, EN 319 412-5) and the key usages of a certificate for a natural person
//! (EN 319 412-2 §4.3.2). Read the way zlint's `util.ParseQcStatem` reads them. The profiles
//! module carries them; they run on every certificate when all lints are asked for
//! ([`crate::Lints::All`]).

use super::facts::{
    ku_bits, raw_items, raw_tlv, CONTENT_COMMITMENT, DIGITAL_SIGNATURE, KEY_AGREEMENT,
    KEY_ENCIPHERMENT,
};
use super::{fail, rule};
use crate::lint::engine::{Ctx, Level::*, Lint, KU};
use crate::Reference;
use der::Tag;

const QC_STATEMENTS: Reference = Reference {
    label: "ETSI EN 319 412-5 §4",
    url: "https://www.etsi.org/deliver/etsi_en/319400_319499/31941205/",
};
const NATURAL_PERSON: Reference = Reference {
    label: "ETSI EN 319 412-2 §4.3.2",
    url: "https://www.etsi.org/deliver/etsi_en/319400_319499/31941202/",
};

/// EN 319 412-5 v2.2.1 (2017-11-01).
const EN_412_5_V2_2_1: u64 = 1_509_494_400;
/// EN 319 411-2 v2.5.0 (2023-07-01), which asks for exactly one QcType.
const EN_411_2_V2_5_0: u64 = 1_688_169_600;
/// EN 319 412-5 v2.6.1 (2026-05-01), which forbids repeating a statement.
const EN_412_5_V2_6_1: u64 = 1_777_593_600;
/// EN 319 412-2 v2.2.1 (2020-07-01).
const EN_412_2_V2_2_1: u64 = 1_593_561_600;

const EXTENSION: &str = "1.3.6.1.5.5.7.1.3";
/// id-etsi-qcs-QcLimitValue (0.4.0.1862.1.2) and id-etsi-qcs-QcType (0.4.0.1862.1.6), as OID
/// contents.
const LIMIT_VALUE: &[u8] = &[0x04, 0x00, 0x8e, 0x46, 0x01, 0x02];
const QC_TYPE: &[u8] = &[0x04, 0x00, 0x8e, 0x46, 0x01, 0x06];
/// The ETSI statements, 0.4.0.1862.1.1 to .9: this prefix and one byte.
const ETSI_STATEMENT: &[u8] = &[0x04, 0x00, 0x8e, 0x46, 0x01];
/// esign, eseal and web (0.4.0.1862.1.6.1–3).
const QC_TYPES: [&[u8]; 3] = [
    &[0x04, 0x00, 0x8e, 0x46, 0x01, 0x06, 0x01],
    &[0x04, 0x00, 0x8e, 0x46, 0x01, 0x06, 0x02],
    &[0x04, 0x00, 0x8e, 0x46, 0x01, 0x06, 0x03],
];

/// A statement's statementInfo (tag, contents), if it has one, or why the statement cannot be
/// read.
type Found<'a> = Result<Option<(Tag, &'a [u8])>, &'static str>;

/// What zlint's `ParseQcStatem` finds for one statement: `None` when it is absent, else
/// its statementInfo (tag, contents) or the error that makes the statement malformed.
fn statement<'a>(c: &'a Ctx<'_>, sought: &[u8]) -> Option<Found<'a>> {
    let value = c.ext(EXTENSION)?.extn_value.as_bytes();
    let Some((Tag::Sequence, body)) = raw_tlv(value) else {
        return Some(Err("the QC statements are not one SEQUENCE"));
    };
    let Some(statements) = raw_items(body) else {
        return Some(Err("the QC statements are not one SEQUENCE"));
    };
    for (tag, statement) in statements {
        let fields = raw_items(statement).filter(|_| tag == Tag::Sequence)?;
        let (Some((Tag::ObjectIdentifier, oid)), info) =
            (fields.first().copied(), fields.get(1).copied())
        else {
            return None;
        };
        if oid == sought {
            return Some(Ok(info));
        }
    }
    None
}
fn has_qc_type(c: &Ctx<'_>) -> bool {
    statement(c, QC_TYPE).is_some()
}
fn has_limit_value(c: &Ctx<'_>) -> bool {
    statement(c, LIMIT_VALUE).is_some()
}
/// The QcType OIDs, or why they cannot be read.
fn qc_types<'a>(c: &'a Ctx<'_>) -> Result<Vec<&'a [u8]>, String> {
    match statement(c, QC_TYPE) {
        None => Ok(Vec::new()),
        Some(Err(e)) => Err(e.into()),
        Some(Ok(Some((Tag::Sequence, body)))) => raw_items(body)
            .filter(|items| items.iter().all(|(t, _)| *t == Tag::ObjectIdentifier))
            .map(|items| items.into_iter().map(|(_, oid)| oid).collect())
            .ok_or_else(|| "the QcType statementInfo is not a SEQUENCE OF OID".into()),
        Some(Ok(_)) => Err("the QcType statementInfo is not a SEQUENCE OF OID".into()),
    }
}
fn qc_type_problem(c: &Ctx<'_>, one_only: bool) -> Option<String> {
    let types = match qc_types(c) {
        Ok(t) => t,
        Err(e) => return Some(e),
    };
    if types.is_empty() {
        return Some("no QcType in the statement".into());
    }
    if one_only && types.len() > 1 {
        return Some(format!("{} QcTypes (exactly one is allowed)", types.len()));
    }
    fail(types.iter().any(|t| !QC_TYPES.contains(t)), || {
        "a QcType other than esign, eseal or web".into()
    })
}
/// A signed INTEGER's value, when it fits.
fn integer(body: &[u8]) -> Option<i64> {
    if body.is_empty() || body.len() > 8 {
        return None;
    }
    let negative = body.first().is_some_and(|b| b & 0x80 != 0);
    Some(body.iter().fold(if negative { -1i64 } else { 0 }, |v, b| {
        (v << 8) | i64::from(*b)
    }))
}
/// The QcLimitValue's MonetaryValue (ETSI EN 319 412-5 §4.3.2): an ISO 4217 currency (three
/// letters as a PrintableString, or a number 1–999), an amount and an exponent.
fn limit_value_problem(c: &Ctx<'_>) -> Option<String> {
    let info = match statement(c, LIMIT_VALUE)? {
        Err(e) => return Some(e.into()),
        Ok(info) => info,
    };
    let Some((Tag::Sequence, body)) = info else {
        return Some("the QcLimitValue has no MonetaryValue".into());
    };
    let fields = raw_items(body)?;
    let [(currency_tag, currency), (Tag::Integer, amount), (Tag::Integer, _)] = fields.as_slice()
    else {
        return Some("the MonetaryValue is not (currency, amount, exponent)".into());
    };
    let mut problems = Vec::new();
    if integer(amount).is_some_and(|a| a < 0) {
        problems.push("the amount is negative");
    }
    match currency_tag {
        Tag::Integer => {
            if !integer(currency).is_some_and(|n| (1..=999).contains(&n)) {
                problems.push("the numeric currency code is out of range");
            }
        }
        Tag::PrintableString => {
            if currency.len() != 3 {
                problems.push("the currency code is not three characters");
            }
            if !currency.iter().all(u8::is_ascii_alphabetic) {
                problems.push("the currency code is not only letters");
            }
        }
        _ => problems.push("the currency code is not a PrintableString or an INTEGER"),
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}
/// An ETSI statement given twice.
fn repeated_statement(c: &Ctx<'_>) -> Option<String> {
    let value = c.ext(EXTENSION)?.extn_value.as_bytes();
    let (_, body) = raw_tlv(value)?;
    let oids: Vec<&[u8]> = raw_items(body)?
        .into_iter()
        .filter_map(|(_, s)| raw_items(s)?.first().map(|(_, oid)| *oid))
        .collect();
    oids.iter()
        .enumerate()
        .find(|(i, o)| {
            o.len() == 6
                && o.starts_with(ETSI_STATEMENT)
                && o.get(5).is_some_and(|n| (1..=9).contains(n))
                && oids.iter().take(*i).any(|p| p == *o)
        })
        .map(|(_, o)| {
            format!(
                "statement 0.4.0.1862.1.{} appears more than once",
                o.last().copied().unwrap_or(0)
            )
        })
}

/// zlint's `IsEtsiQcNaturalPerson`: a QCP-n or QCP-n-qscd policy, or a website policy with a
/// person's name in the subject.
fn natural_person(c: &Ctx<'_>) -> bool {
    for p in c.policies() {
        match p.as_str() {
            "0.4.0.194112.1.0" | "0.4.0.194112.1.2" => return true,
            "0.4.0.194112.1.4" | "0.4.0.194112.1.5" | "0.4.0.194112.1.6" => {
                return ["2.5.4.42", "2.5.4.4", "2.5.4.65"]
                    .iter()
                    .any(|o| !c.subject_values(o).is_empty());
            }
            _ => {}
        }
    }
    false
}
fn person_with_ku(c: &Ctx<'_>) -> bool {
    natural_person(c) && c.ext(KU).is_some() && c.is_subscriber()
}

pub(super) const RULES: &[Lint] = &[
    Lint { until: Some(EN_411_2_V2_5_0), ..rule("etsi.qc-type-valid", Some("e_qcstatem_qctype_valid"), Error, QC_STATEMENTS, EN_412_5_V2_2_1, has_qc_type,
        |c| qc_type_problem(c, false),
        "The QcType statement is malformed", "ETSI EN 319 412-5 §4.2.3: QcType lists the certificate's qualified type, one or more of esign, eseal and web.", "List esign, eseal or web.") },
    rule("etsi.qc-type-one", Some("e_qcstatem_qctype_oneonly"), Error, QC_STATEMENTS, EN_411_2_V2_5_0, has_qc_type,
        |c| qc_type_problem(c, true),
        "The QcType statement does not hold exactly one type", "Since EN 319 411-2 v2.5.0, a qualified certificate's QcType holds exactly one of esign, eseal and web: one certificate, one kind of qualified use.", "List exactly one QcType."),
    rule("etsi.qc-limit-value", Some("e_qcstatem_qclimitvalue_valid"), Error, QC_STATEMENTS, EN_412_5_V2_2_1, has_limit_value,
        limit_value_problem,
        "The transaction limit statement is malformed", "ETSI EN 319 412-5 §4.3.2: QcLimitValue is a MonetaryValue, an ISO 4217 currency (three letters, or a number 1–999), a non-negative amount and an exponent.", "Encode the limit as ISO 4217 currency, amount and exponent."),
    rule("etsi.qc-statement-twice", Some("e_duplicate_etsi_qcstatement"), Error, QC_STATEMENTS, EN_412_5_V2_6_1, |c| c.ext(EXTENSION).is_some(),
        repeated_statement,
        "An ETSI QC statement appears twice", "Since EN 319 412-5 v2.6.1 the qcStatements extension holds at most one instance of each ETSI statement; two could say different things.", "Keep one of each statement."),
    rule("etsi.person-ku-missing", Some("e_etsi_natural_person_key_usage_mandatory"), Error, NATURAL_PERSON, EN_412_2_V2_2_1, |c| natural_person(c) && c.is_subscriber(),
        |c| fail(c.ext(KU).is_none(), || "no keyUsage".into()),
        "A qualified certificate for a person has no key usage", "ETSI EN 319 412-2 §4.3.2: the key usage extension shall be present in a certificate for a natural person, so the key's use (signing, encryption) is fixed.", "Add keyUsage (nonRepudiation for signing)."),
    rule("etsi.person-ku-allowed", Some("e_etsi_natural_person_key_usage_correct_values"), Error, NATURAL_PERSON, EN_412_2_V2_2_1, person_with_ku,
        |c| {
            const ALLOWED: [u16; 9] = [
                CONTENT_COMMITMENT, CONTENT_COMMITMENT | DIGITAL_SIGNATURE, DIGITAL_SIGNATURE,
                DIGITAL_SIGNATURE | KEY_ENCIPHERMENT, DIGITAL_SIGNATURE | KEY_AGREEMENT,
                KEY_ENCIPHERMENT, KEY_AGREEMENT, CONTENT_COMMITMENT | DIGITAL_SIGNATURE | KEY_ENCIPHERMENT,
                CONTENT_COMMITMENT | DIGITAL_SIGNATURE | KEY_AGREEMENT,
            ];
            let bits = ku_bits(c);
            fail(!ALLOWED.contains(&bits), || format!("key usage {}", super::facts::ku_names(bits)))
        },
        "A qualified certificate for a person has key usages outside table 1", "ETSI EN 319 412-2 §4.3.2 table 1 allows six combinations (types A to F) of nonRepudiation, digitalSignature, keyEncipherment and keyAgreement; others mix uses the qualified status does not cover.", "Use one of table 1's combinations (A: nonRepudiation alone)."),
    rule("etsi.person-ku-preferred", Some("w_etsi_natural_person_key_usage_preferred_values"), Warn, NATURAL_PERSON, EN_412_2_V2_2_1, person_with_ku,
        |c| {
            let bits = ku_bits(c);
            fail(![CONTENT_COMMITMENT, DIGITAL_SIGNATURE, KEY_ENCIPHERMENT, KEY_AGREEMENT].contains(&bits), || format!("key usage {}", super::facts::ku_names(bits)))
        },
        "A qualified certificate for a person mixes key usages", "ETSI EN 319 412-2 §4.3.2: types A, C and E (one usage each) should be used, to avoid one key for several purposes.", "Issue one certificate per usage."),
];
