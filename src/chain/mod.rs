//! Certificate paths: will a client trust this chain for this host at this time, and if
//! not, exactly why? Two verdicts that are never confused: the browser verdict (what current
//! browsers accept) and the strict verdict (RFC 5280 and CA/Browser Forum rules as well); and
//! on request a third, `rfc5280`: RFC 5280 §6.1 as written, with certificate policies.

mod build;
mod cert;
mod diagnostics;
mod failure;
mod hostname;
mod name_constraints;
mod name_match;
mod policy;
mod profile;
mod revocation;
mod trust_store;

pub(crate) use cert::ChainCert;
pub use failure::ChainProblem;
#[cfg(feature = "policy")]
pub(crate) use policy::{check as policy_check, policy_names};
pub use policy::{PolicyOptions, PolicyReport, PolicyStep};
pub use profile::Profile;
pub(crate) use revocation::available as revocation_available;
#[cfg(feature = "revocation")]
pub(crate) use revocation::module_check as revocation_check;
#[cfg(feature = "verify")]
pub use trust_store::mozilla_packed;
pub use trust_store::AnchorSource;

use const_oid::ObjectIdentifier as Oid;
use serde::Serialize;

use crate::{signature, time, Finding};
use build::{Context, Path};
use failure::Failure;
use trust_store::Anchor;

/// Bounds on the work one path search may do, so hostile input cannot hang the page.
#[derive(Debug, Default)]
pub(crate) struct Budget {
    steps: u32,
    signatures: u32,
    comparisons: u32,
}

impl Budget {
    /// Candidate extensions tried per search.
    const MAX_STEPS: u32 = 200;
    /// Signature checks per search.
    const MAX_SIGNATURES: u32 = 100;
    /// Name-constraint comparisons per search.
    pub(crate) const MAX_COMPARISONS: u32 = 250_000;

    fn spend(counter: &mut u32, limit: u32) -> Result<(), ()> {
        *counter = counter.saturating_add(1);
        if *counter > limit {
            Err(())
        } else {
            Ok(())
        }
    }
    pub(crate) fn step(&mut self) -> Result<(), ()> {
        Self::spend(&mut self.steps, Self::MAX_STEPS)
    }
    pub(crate) fn signature(&mut self) -> Result<(), ()> {
        Self::spend(&mut self.signatures, Self::MAX_SIGNATURES)
    }
    pub(crate) fn compare(&mut self) -> Result<(), ()> {
        Self::spend(&mut self.comparisons, Self::MAX_COMPARISONS)
    }
}

/// What the chain is validated for ([RFC 5280 §4.2.1.12]).
///
/// [RFC 5280 §4.2.1.12]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.12
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Usage {
    /// A TLS server (id-kp-serverAuth): what browsers check.
    #[default]
    ServerAuth,
    /// A TLS client (id-kp-clientAuth).
    ClientAuth,
}

impl Usage {
    fn oid(self) -> Oid {
        match self {
            Usage::ServerAuth => Oid::new_unwrap("1.3.6.1.5.5.7.3.1"),
            Usage::ClientAuth => Oid::new_unwrap("1.3.6.1.5.5.7.3.2"),
        }
    }
}

/// Which certificates are trusted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Roots {
    /// Mozilla's root program (embedded).
    #[default]
    Mozilla,
    /// Nothing is trusted: chains are built and explained but never trusted.
    None,
    /// These certificates (PEM or DER, as [`inspect`](crate::inspect) reads them), and
    /// Mozilla's roots too when `with_mozilla` is set.
    Custom {
        /// The roots, in any encoding `inspect` accepts.
        certificates: Vec<u8>,
        /// Also trust Mozilla's roots.
        with_mozilla: bool,
    },
}

/// The trust anchor a path ends at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnchorInfo {
    /// The root's common name (or organisation, or whole name).
    pub name: String,
    /// Where it came from.
    pub source: AnchorSource,
}

/// One certificate in a path, leaf first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    /// Index into [`Report::certificates`](crate::Report::certificates), for pasted ones.
    pub certificate: Option<usize>,
    /// Subject, for display.
    pub name: String,
    /// Leaf, intermediate or root: the place on the path.
    pub kind: crate::Role,
    /// Whether this link is where validation failed.
    pub failed: bool,
}

/// The outcome under one profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// Browser or strict.
    pub profile: Profile,
    /// Whether the chain is trusted (for the host, when one was given).
    pub trusted: bool,
    /// One line, e.g. "Trusted for www.example.com until 2027-03-01 via ISRG Root X1".
    pub summary: String,
    /// The path, leaf first, ending at the root when one was found.
    pub path: Vec<Link>,
    /// The trust anchor, when a path was found.
    pub anchor: Option<AnchorInfo>,
    /// When the first certificate on the path expires: the whole chain stops being valid then.
    pub valid_until: Option<String>,
    /// Why it is not trusted.
    pub problem: Option<ChainProblem>,
    /// Certificate policy processing (the `rfc5280` profile only). Made by the policy
    /// feature: in WebAssembly `engine.js` adds it from the policy module.
    #[cfg(feature = "policy")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyReport>,
    /// The path's policy extensions for the policy module, until it has answered (WebAssembly
    /// only: `engine.js` replaces it with `policy`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_input: Option<String>,
}

/// The chain analysis for one end-entity certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChainReport {
    /// Index of the end-entity certificate in the report's certificates.
    pub leaf: usize,
    /// The hostname or IP address checked, when one was given.
    pub host: Option<String>,
    /// What browsers would decide (shown first).
    pub browser: Verdict,
    /// Browser rules plus RFC 5280 and CA/Browser Forum rules.
    pub strict: Verdict,
    /// RFC 5280 §6.1 with certificate policy processing, when asked for
    /// ([`Options::rfc5280`](crate::Options::rfc5280)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rfc5280: Option<Verdict>,
    /// What the set of certificates given says about the server's configuration.
    pub findings: Vec<Finding>,
    /// The chain file the server should use, rebuilt from what was given (none when
    /// reordering cannot help).
    #[cfg(feature = "verify")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<crate::fix::ChainFix>,
    /// The end-entity certificate's embedded SCTs checked against the CT log list and the
    /// browsers' CT policies (none when it carries no SCTs).
    #[cfg(feature = "ct")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ct: Option<crate::ct::CtReport>,
}

/// Settings for chain analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChainOptions {
    pub(crate) host: Option<String>,
    pub(crate) usage: Usage,
    pub(crate) roots: Roots,
    pub(crate) max_intermediates: usize,
    /// CRLs to check revocation against (PEM or DER).
    pub(crate) crls: Vec<u8>,
    /// Also validate with the `rfc5280` profile, with these policy inputs.
    pub(crate) policy: Option<PolicyOptions>,
}

impl Default for ChainOptions {
    fn default() -> Self {
        ChainOptions {
            host: None,
            usage: Usage::ServerAuth,
            roots: Roots::Mozilla,
            max_intermediates: 8,
            crls: Vec::new(),
            policy: None,
        }
    }
}

/// The roots the user supplied (none for `Roots::Mozilla` and `Roots::None`).
fn user_anchors(roots: &Roots) -> Vec<Anchor> {
    let mut out: Vec<Anchor> = Vec::new();
    if let Roots::Custom { certificates, .. } = roots {
        if let Ok(blocks) = crate::input::split(certificates) {
            for block in blocks.into_iter().flatten() {
                // Only parsed: an anchor is trusted by configuration, not by its signature.
                if let Ok((cert, der)) = crate::cert::parse(&block.der) {
                    if let Some(c) = ChainCert::new(cert, der, None) {
                        out.push(trust_store::from_cert(c));
                    }
                }
            }
        }
    }
    out
}

/// Whether `roots` include Mozilla's program.
fn uses_mozilla(roots: &Roots) -> bool {
    matches!(
        roots,
        Roots::Mozilla
            | Roots::Custom {
                with_mozilla: true,
                ..
            }
    )
}

/// Validates a chain for each end-entity certificate in `pool`.
pub(crate) fn analyse(
    pool: &[ChainCert],
    leaves: &[usize],
    options: &ChainOptions,
    at: u64,
) -> Vec<ChainReport> {
    // Mozilla's roots are decoded once and borrowed; only the user's are built per call.
    let user = user_anchors(&options.roots);
    let mozilla: &[Anchor] = if uses_mozilla(&options.roots) {
        trust_store::mozilla()
    } else {
        &[]
    };
    let anchors: Vec<&Anchor> = mozilla.iter().chain(user.iter()).collect();
    let crls = revocation::Crls::new(&options.crls);
    let signatures = signature::Cache::default();
    let checks = Checks {
        anchors: &anchors,
        crls: &crls,
        options,
        at,
        signatures: &signatures,
    };
    leaves
        .iter()
        .map(|&leaf| {
            let browser = verdict(pool, &checks, leaf, Profile::Browser);
            let strict = verdict(pool, &checks, leaf, Profile::Strict);
            let rfc5280 = options.policy.as_ref().map(|_| {
                #[allow(unused_mut)]
                let mut v = verdict(pool, &checks, leaf, Profile::Rfc5280);
                #[cfg(feature = "policy")]
                if let Some(input) = v.policy_input.clone() {
                    let (report, problem) = policy::check(&input);
                    apply_policy(&mut v, report, problem);
                }
                v
            });
            let findings = diagnostics::findings(pool, leaf, &browser, &anchors);
            ChainReport {
                leaf: pool.get(leaf).and_then(|c| c.index).unwrap_or(leaf),
                host: options.host.clone(),
                browser,
                strict,
                rfc5280,
                findings,
                #[cfg(feature = "verify")]
                fix: None,
                #[cfg(feature = "ct")]
                ct: None,
            }
        })
        .collect()
}

/// Validates one path as a verifier with `profile` would.
fn validate(
    pool: &[ChainCert],
    anchors: &[&Anchor],
    leaf: usize,
    reference: Option<&hostname::Reference>,
    ctx: &Context<'_>,
) -> Result<Path, Failure> {
    let path = build::build(leaf, pool, anchors, ctx)?;
    if let (Some(reference), Some(cert)) = (reference, pool.get(leaf)) {
        let san = cert.san.as_deref().unwrap_or(&[]);
        if !hostname::san_matches(san, reference) {
            let names: Vec<String> = san
                .iter()
                .map(crate::cert::general_name_report)
                .filter(|n| {
                    matches!(
                        n.kind,
                        crate::GeneralNameKind::Dns | crate::GeneralNameKind::Ip
                    )
                })
                .map(|n| n.value)
                .collect();
            let listed = if names.is_empty() {
                "none".to_owned()
            } else {
                names.join(", ")
            };
            return Err(Failure::new(
                "hostname",
                cert.index,
                format!("the certificate is not valid for {reference}: it is valid for {listed}"),
            ));
        }
        if let hostname::Reference::Dns(host) = reference {
            let strict = ctx.profile == Profile::Strict;
            hostname::wildcard_over_suffix(san, host, strict)
                .map_err(|why| Failure::new("wildcard-public-suffix", cert.index, why))?;
        }
    }
    Ok(path)
}

/// What every verdict of one analysis shares.
struct Checks<'a> {
    anchors: &'a [&'a Anchor],
    crls: &'a revocation::Crls,
    options: &'a ChainOptions,
    at: u64,
    signatures: &'a signature::Cache,
}

fn verdict(pool: &[ChainCert], checks: &Checks<'_>, leaf: usize, profile: Profile) -> Verdict {
    let Checks {
        anchors,
        crls,
        options,
        at,
        signatures,
    } = *checks;
    let reference = match options.host.as_deref().map(hostname::reference) {
        Some(Err(why)) => {
            return Verdict {
                profile,
                trusted: false,
                summary: format!("Not checked: {why}"),
                path: Vec::new(),
                anchor: None,
                valid_until: None,
                problem: Some(ChainProblem {
                    code: "bad-host",
                    message: why,
                    certificate: None,
                }),
                #[cfg(feature = "policy")]
                policy: None,
                policy_input: None,
            }
        }
        Some(Ok(r)) => Some(r),
        None => None,
    };
    let usage = options.usage.oid();
    let ctx = Context {
        at,
        usage: &usage,
        profile,
        max_intermediates: options.max_intermediates,
        signatures,
    };
    let validated = validate(pool, anchors, leaf, reference.as_ref(), &ctx)
        .and_then(|path| revocation::check_path(pool, anchors, crls, &path, &ctx).map(|()| path))
        .map(|path| {
            let input = match (&options.policy, profile) {
                (Some(o), Profile::Rfc5280) => Some(policy_input(pool, &path, o)),
                _ => None,
            };
            (path, input)
        });
    match validated {
        Ok((path, policy_input)) => {
            let anchor = anchors.get(path.anchor);
            let mut links: Vec<Link> = path
                .certs
                .iter()
                .enumerate()
                .filter_map(|(k, &i)| {
                    let c = pool.get(i)?;
                    Some(Link {
                        certificate: c.index,
                        name: c.subject_display(),
                        kind: if k == 0 {
                            crate::Role::Leaf
                        } else {
                            crate::Role::Intermediate
                        },
                        failed: false,
                    })
                })
                .collect();
            // A pasted copy of the anchor, if the server sent it, is the root link.
            let root_index = anchor
                .and_then(|a| {
                    pool.iter()
                        .find(|c| c.subject == a.subject && c.spki == a.spki && c.self_issued())
                })
                .and_then(|c| c.index);
            let leaf_is_anchor =
                root_index.is_some() && links.first().map(|l| l.certificate) == Some(root_index);
            if let Some(a) = anchor.filter(|_| !leaf_is_anchor) {
                links.push(Link {
                    certificate: root_index,
                    name: a.name.clone(),
                    kind: crate::Role::Root,
                    failed: false,
                });
            }
            let until = path
                .certs
                .iter()
                .filter_map(|&i| pool.get(i))
                .map(|c| c.not_after)
                .chain(anchor.and_then(|a| a.cert.as_ref()).map(|c| c.not_after))
                .min();
            let until_text = until.map(time::rfc3339);
            let date = until_text
                .as_deref()
                .map(|t| t.get(..10).unwrap_or(t))
                .unwrap_or("?");
            let via = anchor.map(|a| a.name.as_str()).unwrap_or("?");
            let summary = match &reference {
                Some(r) => format!("Trusted for {r} until {date} via {via}"),
                None => format!("Trusted chain until {date} via {via} (no hostname given, so names were not checked)"),
            };
            Verdict {
                profile,
                trusted: true,
                summary,
                path: links,
                anchor: anchor.map(|a| AnchorInfo {
                    name: a.name.clone(),
                    source: a.source,
                }),
                valid_until: until_text,
                problem: None,
                #[cfg(feature = "policy")]
                policy: None,
                policy_input,
            }
        }
        Err(failure) => {
            let path = name_chain(pool, leaf, failure.cert);
            Verdict {
                profile,
                trusted: false,
                summary: format!("Not trusted: {}", failure.message),
                path,
                anchor: None,
                valid_until: None,
                problem: Some(ChainProblem {
                    code: failure.code,
                    message: failure.message,
                    certificate: failure.cert,
                }),
                #[cfg(feature = "policy")]
                policy: None,
                policy_input: None,
            }
        }
    }
}

/// The verdict once policy processing has answered: natively from `policy::check`, in
/// WebAssembly from the policy module (`engine.js`'s `addPolicies` does the same assignments).
#[cfg(feature = "policy")]
fn apply_policy(verdict: &mut Verdict, report: PolicyReport, problem: Option<ChainProblem>) {
    verdict.policy_input = None;
    if let Some(problem) = problem {
        verdict.trusted = false;
        verdict.summary = format!("Not trusted: {}", problem.message);
        for link in &mut verdict.path {
            link.failed = link.certificate.is_some() && link.certificate == problem.certificate;
        }
        verdict.problem = Some(problem);
    }
    verdict.policy = Some(report);
}

/// `path` (anchor side first) for the policy module.
fn policy_input(pool: &[ChainCert], path: &Path, options: &PolicyOptions) -> String {
    let certs = path.certs.iter().rev().filter_map(|&i| pool.get(i));
    policy::encode(certs.map(|c| (c.index, c.der.as_slice())), options)
}

/// For a chain that did not validate: the certificates linked by name from the leaf up,
/// with the failing one marked, so the diagram shows where it breaks.
fn name_chain(pool: &[ChainCert], leaf: usize, failed: Option<usize>) -> Vec<Link> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    let mut current = pool.get(leaf);
    while let Some(c) = current {
        if seen.contains(&c.der) || out.len() > 16 {
            break;
        }
        seen.push(c.der.clone());
        let kind = if out.is_empty() {
            crate::Role::Leaf
        } else if c.self_issued() {
            crate::Role::Root
        } else {
            crate::Role::Intermediate
        };
        out.push(Link {
            certificate: c.index,
            name: c.subject_display(),
            kind,
            failed: c.index.is_some() && c.index == failed,
        });
        if c.self_issued() {
            break;
        }
        current = pool
            .iter()
            .find(|p| p.subject == c.issuer && !seen.contains(&p.der));
    }
    out
}
