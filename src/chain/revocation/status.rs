//! Each certificate's revocation status ([RFC 5280 §6.3.3]): for each of its CRL distribution
//! points, each complete CRL in scope ([`super::scope`]) whose signer has a valid path to the
//! same trust anchor ([`super::signer`]) and whose delta CRLs apply (§5.2.4) is read until the
//! CRLs cover every revocation reason. An entry on any of them revokes the certificate (a
//! delta CRL's removeFromCRL lifts a hold). A certificate the CRLs do not cover for every
//! reason is reported as unknown, not assumed good.
//!
//! [RFC 5280 §6.3.3]: https://www.rfc-editor.org/rfc/rfc5280#section-6.3.3

use const_oid::ObjectIdentifier as Oid;
use x509_cert::ext::pkix::crl::CrlReason;

use super::super::build::Context;
use super::super::cert::ChainCert;
use super::super::failure::Failure;
use super::super::trust_store::Anchor;
use super::list::{self, Crl, Entry};
use super::scope::{self, Miss, ALL_REASONS};

/// A CRL signer's certificate is validated for no particular purpose (anyExtendedKeyUsage).
pub(super) const ANY_PURPOSE: Oid = Oid::new_unwrap("2.5.29.37.0");

/// What the CRLs say about one certificate.
pub(super) enum Status {
    Good,
    Revoked { entry: Entry, on: String },
    Unknown(String),
}

/// One path's revocation check: what every certificate's check shares.
pub(super) struct Checker<'a> {
    pub(super) pool: &'a [ChainCert],
    pub(super) anchor: &'a Anchor,
    pub(super) crls: &'a [Crl],
    /// The validated path (pool indices): its certificates need no other path.
    pub(super) main: &'a [usize],
    /// The path's context, for no particular purpose (CRL signers' paths are built with it).
    pub(super) ctx: Context<'a>,
    /// CRL signatures checked and signer paths built, bounded by [`Checker::MAX_WORK`].
    pub(super) work: u32,
}

impl Checker<'_> {
    /// CRL signatures and signer paths per checked path.
    pub(super) const MAX_WORK: u32 = 200;
    /// How many CRL signers deep a signer's own revocation check may go.
    pub(super) const MAX_DEPTH: u8 = 3;
}

/// Checks each certificate on `path` (pool indices, leaf first, ending below `anchor`) against
/// the CRLs given.
pub(crate) fn check_path(
    pool: &[ChainCert],
    anchor: &Anchor,
    crls: &[Crl],
    path: &[usize],
    ctx: &Context<'_>,
) -> Result<(), Failure> {
    let mut checker = Checker {
        pool,
        anchor,
        crls,
        main: path,
        ctx: Context {
            at: ctx.at,
            usage: &ANY_PURPOSE,
            profile: ctx.profile,
            max_intermediates: ctx.max_intermediates,
            signatures: ctx.signatures,
        },
        work: 0,
    };
    for &i in path {
        let Some(cert) = pool.get(i) else { continue };
        let who = cert.subject_display();
        match checker.status(i, &mut Vec::new(), 0) {
            Status::Good => {}
            Status::Revoked { entry, on } => {
                let reason = entry
                    .reason
                    .map(|r| format!(", reason {}", crate::crl::reason_name(r)))
                    .unwrap_or_default();
                return Err(Failure::new(
                    "revoked",
                    cert.index,
                    format!(
                        "{who} was revoked on {} (serial {} is on {on}{reason})",
                        crate::time::rfc3339(entry.date),
                        crate::hex::colon(cert.cert.tbs_certificate().serial_number().as_bytes())
                    ),
                ));
            }
            Status::Unknown(why) => {
                return Err(Failure::new(
                    "no-crl",
                    cert.index,
                    format!("the revocation status of {who} is unknown: {why}"),
                ))
            }
        }
    }
    Ok(())
}

impl Checker<'_> {
    /// The status of `pool[i]`. `signing` holds the CRL signers whose own status is being
    /// checked further up (a signer may vouch for itself, as PKITS 4.14.30 expects).
    pub(super) fn status(&mut self, i: usize, signing: &mut Vec<usize>, depth: u8) -> Status {
        let Some(cert) = self.pool.get(i) else {
            return Status::Good;
        };
        let serial = cert.cert.tbs_certificate().serial_number().as_bytes();
        let crls = self.crls;
        let mut covered = 0u16;
        let mut why_not: Option<String> = None;
        for point in scope::points(cert) {
            for crl in crls.iter().filter(|c| c.base.is_none()) {
                let reasons = match scope::covers(crl, &point, cert) {
                    Ok(r) => r,
                    Err(Miss::Issuer) => continue,
                    Err(Miss::Scope(why)) => {
                        why_not
                            .get_or_insert(format!("a CRL from its issuer cannot be used: {why}"));
                        continue;
                    }
                };
                let usable = self.usable(crl, signing, depth);
                let key = match usable {
                    Ok(k) => k,
                    Err(why) => {
                        why_not
                            .get_or_insert(format!("a CRL from its issuer cannot be used: {why}"));
                        continue;
                    }
                };
                let deltas = match self.deltas(crl, &key) {
                    Ok(d) => d,
                    Err(why) => {
                        why_not.get_or_insert(why);
                        continue;
                    }
                };
                // (i), (j), (k): a delta CRL's entry wins over the complete CRL's; removeFromCRL
                // takes a certificate off hold.
                let on_delta = deltas.iter().find_map(|d| d.entry(&cert.issuer, serial));
                let entry = match on_delta {
                    Some(e) => Some((e, "a delta CRL")),
                    None => crl
                        .entry(&cert.issuer, serial)
                        .map(|e| (e, "its issuer's CRL")),
                };
                if let Some((entry, on)) =
                    entry.filter(|(e, _)| e.reason != Some(CrlReason::RemoveFromCRL))
                {
                    let on = if crl.issuer == cert.issuer {
                        on.to_owned()
                    } else {
                        format!(
                            "the indirect CRL of {}",
                            crate::cert::name_display(&crl.list.tbs_cert_list.issuer)
                        )
                    };
                    return Status::Revoked { entry, on };
                }
                covered |= reasons;
            }
        }
        // A CRL left unread for want of budget might have listed it.
        if self.work > Self::MAX_WORK {
            return Status::Unknown(Self::gave_up());
        }
        if covered == ALL_REASONS {
            return Status::Good;
        }
        if covered != 0 {
            return Status::Unknown(format!(
                "the CRLs given cover it only for some revocation reasons; none covers {}",
                scope::reason_names(ALL_REASONS & !covered).join(", ")
            ));
        }
        Status::Unknown(why_not.unwrap_or_else(|| "no CRL from its issuer was given".into()))
    }

    /// The delta CRLs that update `base` ([RFC 5280 §5.2.4]): same issuer and scope, signed by
    /// the same key, for a base no newer than it. One that has passed its nextUpdate makes the
    /// status unknown, as the changes it would carry are missing.
    ///
    /// [RFC 5280 §5.2.4]: https://www.rfc-editor.org/rfc/rfc5280#section-5.2.4
    fn deltas(
        &mut self,
        base: &Crl,
        key: &spki::SubjectPublicKeyInfoOwned,
    ) -> Result<Vec<&Crl>, String> {
        let number = base.number.as_deref().unwrap_or_default();
        let mut out = Vec::new();
        let crls = self.crls;
        for delta in crls.iter().filter(|d| {
            d.base.as_deref().is_some_and(|b| list::at_least(number, b))
                && d.issuer == base.issuer
                && d.idp_der == base.idp_der
                && d.problem.is_none()
        }) {
            if !self.signed_by(delta, key) {
                continue;
            }
            if delta.next_update.is_some_and(|n| n < self.ctx.at) {
                return Err("its delta CRL is out of date (nextUpdate has passed)".into());
            }
            out.push(delta);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::chain::trust_store;

    fn cert(name: &str) -> ChainCert {
        let der = std::fs::read(format!("tests/data/pkits/certs/{name}.crt")).unwrap();
        let (c, der) = crate::cert::parse(&der).unwrap();
        ChainCert::new(c, der, None).unwrap()
    }

    /// PKITS 4.4.3: the end entity is on GoodCACRL. Once the work budget is spent the answer
    /// is "unknown", never "good", as an unread CRL may list the certificate.
    #[test]
    fn a_spent_budget_leaves_the_status_unknown() {
        let pool = vec![cert("InvalidRevokedEETest3EE"), cert("GoodCACert")];
        let anchor = trust_store::from_cert(cert("TrustAnchorRootCertificate"));
        let crls: Vec<Crl> = ["TrustAnchorRootCRL", "GoodCACRL"]
            .iter()
            .filter_map(|name| {
                list::decode(&std::fs::read(format!("tests/data/pkits/crls/{name}.crl")).unwrap())
            })
            .collect();
        let signatures = crate::signature::Cache::default();
        let mut checker = Checker {
            pool: &pool,
            anchor: &anchor,
            crls: &crls,
            main: &[0, 1],
            ctx: Context {
                at: 1_325_376_000,
                usage: &ANY_PURPOSE,
                profile: crate::chain::Profile::Rfc5280,
                max_intermediates: 8,
                signatures: &signatures,
            },
            work: 0,
        };
        assert!(matches!(
            checker.status(0, &mut Vec::new(), 0),
            Status::Revoked { .. }
        ));
        assert!(matches!(
            checker.status(1, &mut Vec::new(), 0),
            Status::Good
        ));
        checker.work = Checker::MAX_WORK;
        match checker.status(1, &mut Vec::new(), 0) {
            Status::Unknown(why) => assert!(why.starts_with("gave up"), "{why}"),
            _ => panic!("a spent budget must not answer"),
        }
    }

    #[test]
    fn the_same_crl_twice_is_read_once() {
        let one = std::fs::read("tests/data/pkits/crls/GoodCACRL.crl").unwrap();
        assert_eq!(
            super::super::Crls::new(&[one.clone(), one].concat())
                .list
                .len(),
            1
        );
    }
}
