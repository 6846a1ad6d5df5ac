//! Path building ([RFC 4158]-style depth-first search with backtracking): from the
//! end-entity certificate, try every candidate issuer — trust anchors first, then the other
//! certificates given — and back off from candidates that fail (expired, wrong key,
//! constraint violation) to try the next, as real verifiers do. A [`Budget`] bounds the work.
//!
//! [RFC 4158]: https://www.rfc-editor.org/rfc/rfc4158

use const_oid::ObjectIdentifier as Oid;

use super::cert::ChainCert;
use super::failure::Failure;
use super::name_constraints::{self, Names};
use super::profile::{self, Position, Profile};
use super::trust_store::Anchor;
use super::Budget;
use crate::signature;

/// What the path must be good for.
pub(crate) struct Context<'a> {
    pub(crate) at: u64,
    pub(crate) usage: &'a Oid,
    pub(crate) profile: Profile,
    /// The most intermediates allowed between the leaf and the anchor.
    pub(crate) max_intermediates: usize,
    /// Signatures already checked in this analysis.
    pub(crate) signatures: &'a signature::Cache,
}

/// A path that validated: certificates from the leaf up (indices into the pool), then the anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Path {
    pub(crate) certs: Vec<usize>,
    pub(crate) anchor: usize,
}

struct Search<'a> {
    pool: &'a [ChainCert],
    anchors: &'a [&'a Anchor],
    ctx: &'a Context<'a>,
    budget: Budget,
    best: Option<Failure>,
}

/// Builds a path from `pool[leaf]` to one of `anchors`.
pub(crate) fn build(
    leaf: usize,
    pool: &[ChainCert],
    anchors: &[&Anchor],
    ctx: &Context<'_>,
) -> Result<Path, Failure> {
    let Some(first) = pool.get(leaf) else {
        return Err(Failure::new(
            "unknown-issuer",
            None,
            "no end-entity certificate",
        ));
    };
    profile::check(first, ctx.at, Position::Leaf, ctx.usage, ctx.profile)?;
    let mut search = Search {
        pool,
        anchors,
        ctx,
        budget: Budget::default(),
        best: None,
    };
    let mut path = vec![leaf];
    match search.extend(&mut path) {
        Ok(anchor) => Ok(Path {
            certs: path,
            anchor,
        }),
        Err(()) => Err(search
            .best
            .unwrap_or_else(|| Failure::new("unknown-issuer", Some(leaf), "no issuer found"))),
    }
}

impl Search<'_> {
    fn fail(&mut self, f: Failure) {
        Failure::keep_best(&mut self.best, f);
    }

    fn cert(&self, i: usize) -> Option<&ChainCert> {
        self.pool.get(i)
    }

    /// Extends `path` (leaf first) to an anchor; returns the anchor's index.
    fn extend(&mut self, path: &mut Vec<usize>) -> Result<usize, ()> {
        if self.budget.step().is_err() {
            self.fail(Failure::new(
                "budget",
                None,
                "gave up: too many candidate paths to try",
            ));
            return Err(());
        }
        let Some(&last) = path.last() else {
            return Err(());
        };
        let pool = self.pool;
        let Some(current) = pool.get(last) else {
            return Err(());
        };

        let mut issuer_found = false;
        for (ai, anchor) in self.anchors.iter().enumerate() {
            if anchor.subject != current.issuer {
                continue;
            }
            issuer_found = true;
            // A leaf trusted directly (a self-signed server certificate the user installed) was
            // checked as a leaf already; it is not held to CA rules as its own anchor.
            let trusted_leaf =
                path.len() == 1 && anchor.cert.as_ref().is_some_and(|c| c.der == current.der);
            if let Some(cert) = anchor.cert.as_ref().filter(|_| !trusted_leaf) {
                if let Err(f) = profile::check(
                    cert,
                    self.ctx.at,
                    Position::Anchor,
                    self.ctx.usage,
                    self.ctx.profile,
                ) {
                    self.fail(f);
                    continue;
                }
            }
            if let Err(f) = self.verify(current, &anchor.spki, &anchor.name) {
                self.fail(f);
                continue;
            }
            match self.path_constraints(path, anchor) {
                Ok(()) => return Ok(ai),
                Err(f) => self.fail(f),
            }
        }

        // Self-issued certificates (key rollover) do not count toward depth (RFC 5280 §6.1.4 (l)).
        let intermediates = path
            .iter()
            .skip(1)
            .filter_map(|&p| pool.get(p))
            .filter(|c| !c.self_issued())
            .count();
        for (ci, candidate) in pool.iter().enumerate() {
            if candidate.subject != current.issuer || path.contains(&ci) {
                continue;
            }
            // A CA that appears twice (same name and key) would only loop.
            if path
                .iter()
                .filter_map(|&p| self.cert(p))
                .any(|p| p.subject == candidate.subject && p.spki == candidate.spki)
            {
                continue;
            }
            issuer_found = true;
            if intermediates >= self.ctx.max_intermediates {
                self.fail(Failure::new(
                    "max-depth",
                    candidate.index,
                    format!(
                        "the path is longer than the {} intermediates allowed",
                        self.ctx.max_intermediates
                    ),
                ));
                continue;
            }
            if let Err(f) = profile::check(
                candidate,
                self.ctx.at,
                Position::Intermediate,
                self.ctx.usage,
                self.ctx.profile,
            ) {
                self.fail(f);
                continue;
            }
            if let Some(limit) = candidate.basic.as_ref().and_then(|b| b.path_len_constraint) {
                let below = path
                    .iter()
                    .skip(1)
                    .filter_map(|&p| self.cert(p))
                    .filter(|c| !c.self_issued())
                    .count();
                if below > usize::from(limit) {
                    self.fail(Failure::new("path-len", candidate.index, format!(
                        "{} allows at most {limit} intermediate CA certificates below it (pathLenConstraint), but {below} follow",
                        candidate.subject_display()
                    )));
                    continue;
                }
            }
            if let Err(f) = self.verify(
                current,
                &candidate.signing_key(pool),
                &candidate.subject_display(),
            ) {
                self.fail(f);
                continue;
            }
            path.push(ci);
            match self.extend(path) {
                Ok(anchor) => return Ok(anchor),
                Err(()) => {
                    path.pop();
                }
            }
        }
        if !issuer_found && current.self_issued() {
            self.fail(Failure::new("untrusted-root", current.index, format!(
                "the chain ends at {}, a self-signed root that is not in the trust store (a private CA, or a root clients do not trust)",
                current.subject_display()
            )));
        } else if !issuer_found {
            let name = crate::cert::name_display(current.cert.tbs_certificate().issuer());
            let mut message = format!("the issuer \"{name}\" of {} is not among the certificates given nor a trusted root", current.subject_display());
            if let Some(url) = current.ca_issuers_url() {
                message.push_str(&format!("; its certificate should be at {url}"));
            }
            self.fail(Failure::new("unknown-issuer", current.index, message));
        }
        Err(())
    }

    fn verify(
        &mut self,
        child: &ChainCert,
        key: &spki::SubjectPublicKeyInfoOwned,
        signer: &str,
    ) -> Result<(), Failure> {
        self.budget
            .signature()
            .map_err(|_| Failure::new("budget", None, "gave up: too many signatures to check"))?;
        let sig = child.cert.signature().as_bytes().unwrap_or_default();
        let check = || signature::verify(&child.tbs, child.cert.signature_algorithm(), sig, key);
        self.ctx
            .signatures
            .verify(&child.der, key, check)
            .map_err(|e| {
                let code = match e {
                    signature::VerifyError::BadSignature | signature::VerifyError::KeyMismatch => {
                        "bad-signature"
                    }
                    _ => "unsupported-signature",
                };
                Failure::new(
                    code,
                    child.index,
                    format!(
                        "the signature on {} does not verify with the key of {signer}: {e}",
                        child.subject_display()
                    ),
                )
            })
    }

    /// Name constraints of every CA in the path (and the anchor) over the certificates below it.
    fn path_constraints(&mut self, path: &[usize], anchor: &Anchor) -> Result<(), Failure> {
        let pool = self.pool;
        let certs: Vec<&ChainCert> = path.iter().filter_map(|&i| pool.get(i)).collect();
        // constraints[k] apply to certs[..k]; the anchor's to all.
        let mut constraints: Vec<(usize, &x509_cert::ext::pkix::NameConstraints, String)> =
            Vec::new();
        if let Some(nc) = &anchor.name_constraints {
            constraints.push((certs.len(), nc, anchor.name.clone()));
        }
        for (k, c) in certs.iter().enumerate().skip(1) {
            if let Some(nc) = &c.name_constraints {
                constraints.push((k, nc, c.subject_display()));
            }
        }
        for (limit, nc, owner) in constraints {
            for (k, c) in certs.iter().enumerate().take(limit) {
                // RFC 5280 §6.1.3 (b): self-issued certificates other than the last are exempt.
                if k > 0 && c.self_issued() {
                    continue;
                }
                let names = Names {
                    subject: Some(c.subject_der.as_slice()),
                    san: c.san.as_deref().unwrap_or(&[]),
                    subject_emails: subject_emails(c),
                };
                if let Err(v) = name_constraints::check(nc, &names, &mut self.budget) {
                    let (code, message) = if v == name_constraints::Violation::Budget {
                        ("budget", format!(
                            "gave up checking {}'s names against the name constraints of {owner}: more than {} comparisons (a hostile or broken certificate)",
                            c.subject_display(),
                            Budget::MAX_COMPARISONS
                        ))
                    } else {
                        (
                            "name-constraints",
                            format!(
                                "{} violates the name constraints of {owner}: {}",
                                c.subject_display(),
                                profile::describe(&v)
                            ),
                        )
                    };
                    return Err(Failure::new(code, c.index, message));
                }
            }
        }
        Ok(())
    }
}

fn subject_emails(c: &ChainCert) -> Vec<String> {
    const EMAIL: Oid = Oid::new_unwrap("1.2.840.113549.1.9.1");
    c.cert
        .tbs_certificate()
        .subject()
        .iter()
        .filter(|a| a.oid == EMAIL)
        .map(|a| String::from_utf8_lossy(a.value.value()).into_owned())
        .collect()
}
