//! What the WebAssembly core hands the revocation module, and the answer it gets back: plain
//! text, so that the call crosses between modules built apart (`services.js`). The core writes
//! the validated path, its trust anchor, every certificate given (a CRL's signer may be any of
//! them) and the CRLs as given; the module runs [`super::status`] and answers with the failure,
//! if any. Every value from the input is base64, so no tab or newline in it can break a line.

#[cfg(any(test, not(feature = "revocation")))]
use super::super::build::Context;
#[cfg(any(test, not(feature = "revocation")))]
use super::super::cert::ChainCert;
use super::super::failure::Failure;
#[cfg(any(test, not(feature = "revocation")))]
use super::super::trust_store::Anchor;
use super::super::Profile;

#[cfg(any(test, not(feature = "revocation")))]
#[cfg_attr(
    not(all(target_arch = "wasm32", not(feature = "module"))),
    allow(dead_code)
)]
fn b64(bytes: &[u8]) -> String {
    use base64ct::Encoding;
    base64ct::Base64::encode_string(bytes)
}

#[cfg(any(test, not(feature = "revocation")))]
#[cfg_attr(
    not(all(target_arch = "wasm32", not(feature = "module"))),
    allow(dead_code)
)]
fn profile_name(p: Profile) -> &'static str {
    match p {
        Profile::Browser => "browser",
        Profile::Strict => "strict",
        Profile::Rfc5280 => "rfc5280",
    }
}

/// The module's input: a line `at TAB profile TAB max-intermediates`, `path TAB i,j,…` (pool
/// indices, leaf first), `anchor TAB certificate` (a root given as a certificate) or `anchor
/// TAB name TAB subject-key TAB spki TAB name-constraints` (one of Mozilla's), one `cert TAB
/// report-index-or-- TAB der` per pool certificate in order, and one `crl TAB der` per CRL.
#[cfg(any(test, not(feature = "revocation")))]
#[cfg_attr(
    not(all(target_arch = "wasm32", not(feature = "module"))),
    allow(dead_code)
)]
pub(super) fn encode(
    pool: &[ChainCert],
    anchor: &Anchor,
    crls: &[Vec<u8>],
    path: &[usize],
    ctx: &Context<'_>,
) -> String {
    use der::Encode;
    let path: Vec<String> = path.iter().map(ToString::to_string).collect();
    let anchor_fields = match &anchor.cert {
        Some(cert) => b64(&cert.der),
        None => format!(
            "{}\t{}\t{}\t{}",
            b64(anchor.name.as_bytes()),
            b64(&anchor.subject),
            b64(&anchor.spki.to_der().unwrap_or_default()),
            b64(&anchor.name_constraints_der),
        ),
    };
    let mut out = format!(
        "{}\t{}\t{}\npath\t{}\nanchor\t{anchor_fields}\n",
        ctx.at,
        profile_name(ctx.profile),
        ctx.max_intermediates,
        path.join(","),
    );
    for c in pool {
        let index = c.index.map_or_else(|| "-".to_owned(), |i| i.to_string());
        out.push_str(&format!("cert\t{index}\t{}\n", b64(&c.der)));
    }
    for crl in crls {
        out.push_str(&format!("crl\t{}\n", b64(crl)));
    }
    out
}

/// The core's side of the answer: empty when every certificate is good.
#[cfg(any(test, not(feature = "revocation")))]
#[cfg_attr(
    not(all(target_arch = "wasm32", not(feature = "module"))),
    allow(dead_code)
)]
pub(super) fn read_answer(answer: &str) -> Result<(), Failure> {
    if answer.is_empty() {
        return Ok(());
    }
    let mut parts = answer.splitn(3, '\t');
    let code = match parts.next() {
        Some("revoked") => "revoked",
        _ => "no-crl",
    };
    let cert = parts.next().and_then(|i| i.parse().ok());
    let message = parts.next().unwrap_or(answer);
    Err(Failure::new(code, cert, message))
}

/// The revocation module's export: [`encode`]'s text in, the answer out (empty, or
/// `code TAB report-index-or-- TAB message`).
#[cfg(feature = "revocation")]
pub fn check(input: &str) -> String {
    match decode_and_check(input) {
        Ok(()) => String::new(),
        Err(f) => format!(
            "{}\t{}\t{}",
            f.code,
            f.cert.map_or_else(|| "-".to_owned(), |i| i.to_string()),
            f.message
        ),
    }
}

#[cfg(feature = "revocation")]
fn decode_and_check(input: &str) -> Result<(), Failure> {
    use base64ct::Encoding;
    use der::Decode;

    use super::super::build::Context;
    use super::super::cert::ChainCert;
    use super::super::trust_store::{Anchor, AnchorSource};

    let unreadable = || {
        Failure::new(
            "no-crl",
            None,
            "the revocation module could not read the path it was given",
        )
    };
    let bytes = |s: &str| base64ct::Base64::decode_vec(s).map_err(|_| unreadable());
    let certificate = |der: &[u8], index: Option<usize>| {
        let (cert, der) = crate::cert::parse(der).map_err(|_| unreadable())?;
        ChainCert::new(cert, der, index).ok_or_else(unreadable)
    };
    let mut lines = input.lines();
    let mut head = lines.next().ok_or_else(unreadable)?.split('\t');
    let at: u64 = head
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or_else(unreadable)?;
    let profile = match head.next() {
        Some("browser") => Profile::Browser,
        Some("strict") => Profile::Strict,
        Some("rfc5280") => Profile::Rfc5280,
        _ => return Err(unreadable()),
    };
    let max_intermediates = head
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or_else(unreadable)?;
    let mut path = Vec::new();
    let mut anchor = None;
    let mut pool = Vec::new();
    let mut crls = Vec::new();
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["path", list] => {
                for i in list.split(',').filter(|i| !i.is_empty()) {
                    path.push(i.parse::<usize>().map_err(|_| unreadable())?);
                }
            }
            ["anchor", cert] => {
                anchor = Some(super::super::trust_store::from_cert(certificate(
                    &bytes(cert)?,
                    None,
                )?));
            }
            ["anchor", name, subject, spki, nc] => {
                let nc = bytes(nc)?;
                anchor = Some(Anchor {
                    subject: bytes(subject)?,
                    spki: spki::SubjectPublicKeyInfoOwned::from_der(&bytes(spki)?)
                        .map_err(|_| unreadable())?,
                    name_constraints: if nc.is_empty() {
                        None
                    } else {
                        Some(
                            x509_cert::ext::pkix::NameConstraints::from_der(&nc)
                                .map_err(|_| unreadable())?,
                        )
                    },
                    name_constraints_der: nc,
                    cert: None,
                    name: String::from_utf8_lossy(&bytes(name)?).into_owned(),
                    source: AnchorSource::Mozilla,
                });
            }
            ["cert", index, der] => pool.push(certificate(&bytes(der)?, index.parse().ok())?),
            ["crl", der] => crls.extend(super::list::decode(&bytes(der)?)),
            _ => return Err(unreadable()),
        }
    }
    let anchor = anchor.ok_or_else(unreadable)?;
    if path.iter().any(|&i| i >= pool.len()) {
        return Err(unreadable());
    }
    if crls.is_empty() {
        return Ok(());
    }
    let signatures = crate::signature::Cache::default();
    let ctx = Context {
        at,
        usage: &super::status::ANY_PURPOSE,
        profile,
        max_intermediates,
        signatures: &signatures,
    };
    super::status::check_path(&pool, &anchor, &crls, &path, &ctx)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::chain::trust_store;

    fn cert(name: &str) -> ChainCert {
        let der = std::fs::read(format!("tests/data/pkits/certs/{name}.crt")).unwrap();
        let (c, der) = crate::cert::parse(&der).unwrap();
        ChainCert::new(c, der, Some(7)).unwrap()
    }

    /// PKITS 4.4.3 (the end entity is on GoodCACRL) through the text the WebAssembly core
    /// writes and the module reads: the same failure as the direct check.
    #[test]
    fn the_module_answers_as_the_direct_check() {
        let pool = vec![cert("InvalidRevokedEETest3EE"), cert("GoodCACert")];
        let anchor = trust_store::from_cert(cert("TrustAnchorRootCertificate"));
        let raw: Vec<Vec<u8>> = ["TrustAnchorRootCRL", "GoodCACRL"]
            .iter()
            .map(|name| std::fs::read(format!("tests/data/pkits/crls/{name}.crl")).unwrap())
            .collect();
        let signatures = crate::signature::Cache::default();
        let ctx = Context {
            at: 1_325_376_000,
            usage: &super::super::status::ANY_PURPOSE,
            profile: Profile::Rfc5280,
            max_intermediates: 8,
            signatures: &signatures,
        };
        let direct = super::super::status::check_path(
            &pool,
            &anchor,
            &raw.iter()
                .filter_map(|d| super::super::list::decode(d))
                .collect::<Vec<_>>(),
            &[0, 1],
            &ctx,
        )
        .unwrap_err();
        let text = encode(&pool, &anchor, &raw, &[0, 1], &ctx);
        let answer = check(&text);
        assert!(answer.starts_with("revoked\t7\t"), "{answer}");
        assert_eq!(read_answer(&answer).unwrap_err(), direct);
        assert!(check("garbage").starts_with("no-crl\t-\tthe revocation module could not read"));
        assert!(check(&text.replace("path\t0,1", "path\t0,9")).starts_with("no-crl"));
    }
}
