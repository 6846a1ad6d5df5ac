//! Whether a CRL may be used at all: current, and signed by a key that has a valid path to
//! the same trust anchor as the certificate it is about ([RFC 5280 §6.3.3] (f), (g)). The
//! signer may be the certificate's issuer, another certificate of the CA's name (a separate
//! CRL-signing key, or a key rollover), or the cRLIssuer of an indirect CRL; off the path being
//! checked its certificate needs its own path, and its own revocation check.
//!
//! [RFC 5280 §6.3.3]: https://www.rfc-editor.org/rfc/rfc5280#section-6.3.3

use spki::SubjectPublicKeyInfoOwned;

use super::super::build;
use super::list::Crl;
use super::status::{Checker, Status};
use crate::signature;

impl Checker<'_> {
    pub(super) fn gave_up() -> String {
        format!(
            "gave up: more than {} CRL signatures and signer paths to check (a CRL not read may list it)",
            Self::MAX_WORK
        )
    }

    fn spend(&mut self) -> Result<(), String> {
        self.work = self.work.saturating_add(1);
        if self.work > Self::MAX_WORK {
            return Err(Self::gave_up());
        }
        Ok(())
    }

    /// Whether `key` made the signature on `crl` (through the analysis's signature cache).
    pub(super) fn signed_by(&mut self, crl: &Crl, key: &SubjectPublicKeyInfoOwned) -> bool {
        if self.spend().is_err() {
            return false;
        }
        let sig = crl.list.signature.as_bytes().unwrap_or_default();
        let check = || signature::verify(&crl.tbs, &crl.list.signature_algorithm, sig, key);
        self.ctx.signatures.verify(&crl.der, key, check).is_ok()
    }

    /// The key that signed `crl` if the CRL may be used, else why not.
    pub(super) fn usable(
        &mut self,
        crl: &Crl,
        signing: &mut Vec<usize>,
        depth: u8,
    ) -> Result<SubjectPublicKeyInfoOwned, String> {
        if let Some(problem) = &crl.problem {
            return Err(problem.clone());
        }
        if crl.next_update.is_some_and(|n| n < self.ctx.at) {
            return Err("it is out of date (nextUpdate has passed)".into());
        }
        let mut why: Option<String> = None;
        let anchor = self.anchor;
        if anchor.subject == crl.issuer && self.signed_by(crl, &anchor.spki) {
            match anchor.cert.as_ref().and_then(|c| c.key_usage.as_ref()) {
                Some(ku) if !ku.crl_sign() => {
                    why = Some(format!(
                        "it is signed by {}, whose key usage does not allow signing CRLs (cRLSign)",
                        anchor.name
                    ));
                }
                _ => return Ok(anchor.spki.clone()),
            }
        }
        let pool = self.pool;
        for (j, candidate) in pool.iter().enumerate() {
            let key = candidate.signing_key(pool);
            if candidate.subject != crl.issuer || !self.signed_by(crl, &key) {
                continue;
            }
            let name = candidate.subject_display();
            if candidate
                .key_usage
                .as_ref()
                .is_some_and(|ku| !ku.crl_sign())
            {
                why.get_or_insert(format!(
                    "it is signed by {name}, whose key usage does not allow signing CRLs (cRLSign)"
                ));
                continue;
            }
            // On the path being checked, or already being checked as a signer further up.
            if self.main.contains(&j) || signing.contains(&j) {
                return Ok(key.into_owned());
            }
            if depth >= Self::MAX_DEPTH {
                why.get_or_insert(format!(
                    "its signer {name} is more than {} CRL signers deep",
                    Self::MAX_DEPTH
                ));
                continue;
            }
            self.spend()?;
            let path = match build::build(j, pool, &[anchor], &self.ctx) {
                Ok(p) => p,
                Err(f) => {
                    why.get_or_insert(format!(
                        "its signer {name} has no valid path to {}: {}",
                        anchor.name, f.message
                    ));
                    continue;
                }
            };
            signing.push(j);
            let mut fine = true;
            for &k in path.certs.iter().filter(|k| !self.main.contains(k)) {
                let status = self.status(k, signing, depth.saturating_add(1));
                let who = pool.get(k).map(|c| c.subject_display()).unwrap_or_default();
                let problem = match status {
                    Status::Good => continue,
                    Status::Revoked { .. } => {
                        format!("its signer's path holds {who}, which is revoked")
                    }
                    Status::Unknown(w) => format!(
                        "the revocation status of {who} on its signer's path is unknown: {w}"
                    ),
                };
                why.get_or_insert(problem);
                fine = false;
                break;
            }
            signing.pop();
            if fine {
                return Ok(key.into_owned());
            }
        }
        Err(why.unwrap_or_else(|| {
            "its signature does not verify with the key of any certificate of its issuer".into()
        }))
    }
}
