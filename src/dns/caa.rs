//! CAA records ([RFC 8659]): which certification authorities may issue for a name, checked
//! against the pasted certificate's issuer.
//!
//! A CA looks for the CAA records of each name in the certificate, climbing to the parent
//! until it finds some (§3); `issuewild` governs wildcard names when present, `issue` the rest
//! (§4.2, §4.3); an `issue` with no domain (`";"`) lets no CA issue; a critical record with a
//! tag the CA does not understand stops issuance (§4.1). Parameters `validationmethods` and
//! `accounturi` are those of [RFC 8657].
//!
//! [RFC 8659]: https://www.rfc-editor.org/rfc/rfc8659
//! [RFC 8657]: https://www.rfc-editor.org/rfc/rfc8657

use serde::Serialize;

use super::read::{generic, words, Record};

/// One CAA record, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Caa {
    /// The owner name.
    pub name: String,
    /// The issuer-critical flag (bit 128).
    pub critical: bool,
    /// `issue`, `issuewild`, `iodef`, `issuemail`, `contactemail`, … (lower-case).
    pub tag: String,
    /// The value as written.
    pub value: String,
    /// For `issue`/`issuewild`: the CA's domain (`None` for `";"`: no CA may issue).
    pub issuer: Option<String>,
    /// For `issue`/`issuewild`: `key=value` parameters.
    pub parameters: Vec<(String, String)>,
    /// 1-based line of the paste.
    pub line: usize,
}

/// Reads a CAA record's RDATA (presentation or `\#` form).
pub(crate) fn parse(r: &Record) -> Option<Caa> {
    let (flags, tag, value) = match generic(&r.data) {
        Some(wire) => {
            let (&flags, rest) = wire.split_first()?;
            let (&len, rest) = rest.split_first()?;
            let (tag, value) = rest.split_at_checked(usize::from(len))?;
            (
                flags,
                String::from_utf8_lossy(tag).into_owned(),
                String::from_utf8_lossy(value).into_owned(),
            )
        }
        None => {
            let w = words(&r.data);
            let mut w = w.into_iter();
            let flags: u8 = w.next()?.parse().ok()?;
            let tag = w.next()?;
            let value = w.collect::<Vec<_>>().join(" ");
            (flags, tag, value)
        }
    };
    let tag = tag.to_ascii_lowercase();
    let (issuer, parameters) = if tag == "issue" || tag == "issuewild" {
        let mut parts = value.split(';');
        let domain = parts.next().unwrap_or_default().trim();
        let parameters = parts
            .filter_map(|p| {
                let (k, v) = p.split_once('=')?;
                Some((k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            })
            .collect();
        (
            (!domain.is_empty()).then(|| domain.to_ascii_lowercase()),
            parameters,
        )
    } else {
        (None, Vec::new())
    };
    Some(Caa {
        name: r.name.clone(),
        critical: flags & 0x80 != 0,
        tag,
        value,
        issuer,
        parameters,
        line: r.line,
    })
}

/// The CAA domains of well-known CAs, by a word of their issuing certificates' organisation
/// or common name. From each CA's Certificate Policy / CPS section 4.2 ("CAA identifiers") as
/// published; certscope's own table, not a copy of CCADB (which no package ships offline).
const CAS: &[(&str, &[&str])] = &[
    ("Let's Encrypt", &["letsencrypt.org"]),
    ("ISRG", &["letsencrypt.org"]),
    (
        "DigiCert",
        &[
            "digicert.com",
            "symantec.com",
            "thawte.com",
            "geotrust.com",
            "rapidssl.com",
            "digitalcertvalidation.com",
        ],
    ),
    (
        "Sectigo",
        &[
            "sectigo.com",
            "comodoca.com",
            "comodo.com",
            "usertrust.com",
            "trust-provider.com",
        ],
    ),
    ("ZeroSSL", &["sectigo.com"]),
    ("Google Trust Services", &["pki.goog"]),
    ("GlobalSign", &["globalsign.com"]),
    (
        "Amazon",
        &[
            "amazon.com",
            "amazontrust.com",
            "awstrust.com",
            "amazonaws.com",
        ],
    ),
    ("GoDaddy", &["godaddy.com", "starfieldtech.com"]),
    ("Starfield", &["starfieldtech.com", "godaddy.com"]),
    ("Entrust", &["entrust.net", "affirmtrust.com"]),
    ("Buypass", &["buypass.com", "buypass.no"]),
    ("SSL.com", &["ssl.com"]),
    ("Microsoft", &["microsoft.com"]),
    ("Certum", &["certum.pl", "certum.eu"]),
    ("Actalis", &["actalis.it"]),
    ("HARICA", &["harica.gr"]),
];

/// The CAA domains of the CA named by an issuer organisation or common name.
pub(crate) fn domains_of(issuer: &str) -> Option<(&'static str, &'static [&'static str])> {
    let lower = issuer.to_ascii_lowercase();
    CAS.iter()
        .find(|(word, _)| lower.contains(&word.to_ascii_lowercase()))
        .copied()
}

/// The relevant record set for `name` (§3): the records of the closest of `name` and its
/// ancestors that has any, with that owner.
pub(crate) fn relevant<'a>(records: &'a [Caa], name: &str) -> Option<(&'a str, Vec<&'a Caa>)> {
    let mut candidate = name.trim_start_matches("*.").to_ascii_lowercase();
    loop {
        let set: Vec<&Caa> = records.iter().filter(|c| c.name == candidate).collect();
        if let Some(first) = set.first() {
            return Some((first.name.as_str(), set));
        }
        let (_, parent) = candidate.split_once('.')?;
        candidate = parent.to_owned();
    }
}

/// The verdict for one certificate name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaaCheck {
    /// The certificate name checked.
    pub name: String,
    /// The owner of the record set that applies (the name or an ancestor).
    pub found_at: String,
    /// `issue` or `issuewild`.
    pub property: &'static str,
    /// The domains the set allows (empty: no CA may issue; `None`: any CA may).
    pub allowed: Option<Vec<String>>,
    /// Whether the certificate's CA is allowed (`None` when certscope does not know its CAA
    /// domain).
    pub issuer_allowed: Option<bool>,
}

/// Checks `name` (a certificate name) against the records for a CA with `ca_domains`.
pub(crate) fn check(records: &[Caa], name: &str, ca_domains: Option<&[&str]>) -> Option<CaaCheck> {
    let (found_at, set) = relevant(records, name)?;
    let wildcard = name.starts_with("*.");
    let has_wild = set.iter().any(|c| c.tag == "issuewild");
    let property = if wildcard && has_wild {
        "issuewild"
    } else {
        "issue"
    };
    let governing: Vec<&&Caa> = set.iter().filter(|c| c.tag == property).collect();
    let allowed: Option<Vec<String>> = (!governing.is_empty())
        .then(|| governing.iter().filter_map(|c| c.issuer.clone()).collect());
    let issuer_allowed = match (&allowed, ca_domains) {
        (None, _) => Some(true),
        (Some(list), Some(domains)) => Some(list.iter().any(|d| domains.contains(&d.as_str()))),
        (Some(_), None) => None,
    };
    Some(CaaCheck {
        name: name.to_owned(),
        found_at: found_at.to_owned(),
        property,
        allowed,
        issuer_allowed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(name: &str, data: &str) -> Caa {
        parse(&Record {
            name: name.into(),
            ttl: None,
            kind: "CAA".into(),
            data: data.into(),
            line: 1,
        })
        .unwrap()
    }

    #[test]
    fn tree_climbing_and_wildcards() {
        let records = vec![
            rec(
                "example.test",
                "0 issue \"letsencrypt.org; validationmethods=dns-01\"",
            ),
            rec("example.test", "0 issuewild \";\""),
            rec("example.test", "128 tbs \"x\""),
        ];
        assert_eq!(
            records[0].parameters,
            vec![("validationmethods".into(), "dns-01".into())]
        );
        assert!(records[2].critical);
        let le = domains_of("Let's Encrypt").map(|(_, d)| d);
        let www = check(&records, "www.example.test", le).unwrap();
        assert_eq!(
            (www.found_at.as_str(), www.property, www.issuer_allowed),
            ("example.test", "issue", Some(true))
        );
        let wild = check(&records, "*.example.test", le).unwrap();
        assert_eq!(
            (wild.property, wild.allowed.clone(), wild.issuer_allowed),
            ("issuewild", Some(vec![]), Some(false))
        );
        let other = check(
            &records,
            "example.test",
            domains_of("DigiCert Inc").map(|(_, d)| d),
        )
        .unwrap();
        assert_eq!(other.issuer_allowed, Some(false));
        assert!(check(&records, "example.org", le).is_none());
        // The generic form: flags 0, tag "issue", value "ca.test".
        let wire = rec(
            "example.test",
            "\\# 14 00 05 69 73 73 75 65 63 61 2e 74 65 73 74",
        );
        assert_eq!(
            (wire.tag.as_str(), wire.issuer.as_deref()),
            ("issue", Some("ca.test"))
        );
    }
}
