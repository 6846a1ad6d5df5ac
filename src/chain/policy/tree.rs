//! The valid_policy_tree of [RFC 5280 §6.1.2]–[§6.1.5], kept as a graph.
//!
//! RFC 5280 describes a tree in which the same policy can appear under many parents at one
//! depth; with policy mappings that tree grows exponentially in the path's length (the cause
//! of CVE-2023-0464). Nodes of one depth with the same valid_policy always share their
//! expected_policy_set, so this keeps one node per policy and depth with all of its parents,
//! as BoringSSL and OpenSSL 3.2 do: the decision is the same and the work is polynomial. The
//! work is still counted ([`MAX_WORK`], [`MAX_PER_CERTIFICATE`]) and stops with
//! [`Stop::Budget`] past it.
//!
//! [RFC 5280 §6.1.2]: https://www.rfc-editor.org/rfc/rfc5280#section-6.1.2
//! [§6.1.5]: https://www.rfc-editor.org/rfc/rfc5280#section-6.1.5

use std::collections::BTreeSet;

use const_oid::ObjectIdentifier as Oid;

use super::{CertPolicies, PolicyOptions};

/// anyPolicy ([RFC 5280 §4.2.1.4]).
///
/// [RFC 5280 §4.2.1.4]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.4
pub(crate) const ANY_POLICY: Oid = Oid::new_unwrap("2.5.29.32.0");

/// Parent links and expected policies created, at most, for one path: far above any real
/// PKI (PKITS peaks near 20) and small enough to stay well under 100 ms.
pub(crate) const MAX_WORK: u32 = 100_000;

/// Policies, or mappings, one certificate may list (real ones list a handful); more stops
/// processing before any quadratic step.
pub(crate) const MAX_PER_CERTIFICATE: usize = 1_000;

/// Where a node hangs.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Parents {
    /// The root of the tree (depth 0).
    Root,
    /// Under the anyPolicy node of the depth above: in RFC 5280's valid_policy_node_set.
    Any,
    /// Under these (concrete) policies of the depth above.
    Of(Vec<Oid>),
}

#[derive(Debug, Clone)]
struct Node {
    policy: Oid,
    expected: Vec<Oid>,
    parents: Parents,
}

/// Why processing stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The path is not valid: at which certificate (index into the path, 0 = next to the
    /// anchor) and why, in words.
    Invalid(usize, String),
    /// More work than [`MAX_WORK`].
    Budget,
}

/// What processing found, for the report.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outcome {
    /// For each certificate (anchor side first): the policies valid at its depth once it was
    /// processed, and what happened there, in words.
    pub(crate) steps: Vec<(Vec<Oid>, Vec<String>)>,
    /// The first certificate after which the tree was empty.
    pub(crate) emptied_at: Option<usize>,
    /// The authorities-constrained policy set (in the anchor's domain).
    pub(crate) authorities: Vec<Oid>,
    /// The user-constrained policy set (§6.1.5 (g)).
    pub(crate) user: Vec<Oid>,
    /// explicit_policy reached 0: a policy had to survive.
    pub(crate) explicit_required: bool,
}

struct State<'a> {
    levels: Vec<Vec<Node>>,
    /// The tree is NULL.
    empty: bool,
    explicit: u64,
    mapping: u64,
    any: u64,
    work: u32,
    outcome: &'a mut Outcome,
}

/// A policy's name from certscope's table (not const-oid's database, which would add about
/// 20 KB to the module), else its dotted form.
pub(crate) fn name(oid: &Oid) -> String {
    if *oid == ANY_POLICY {
        return "anyPolicy".into();
    }
    crate::oid::lookup(crate::oid::POLICIES, oid).map_or_else(|| oid.to_string(), str::to_owned)
}

fn names(oids: &[Oid]) -> String {
    if oids.is_empty() {
        return "none".into();
    }
    oids.iter().map(name).collect::<Vec<_>>().join(", ")
}

impl State<'_> {
    fn spend(&mut self, n: usize) -> Result<(), Stop> {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        self.work = self.work.saturating_add(n);
        if self.work > MAX_WORK {
            Err(Stop::Budget)
        } else {
            Ok(())
        }
    }

    fn last(&self) -> &[Node] {
        self.levels.last().map_or(&[], Vec::as_slice)
    }

    fn note(&mut self, at: usize, text: String) {
        if let Some((_, notes)) = self.outcome.steps.get_mut(at) {
            notes.push(text);
        }
    }

    /// §6.1.3 (d)(3): drops nodes without children, from the deepest level up; an empty
    /// level empties the tree.
    fn prune(&mut self) {
        for k in (1..self.levels.len()).rev() {
            let (above, below) = self.levels.split_at_mut(k);
            let (Some(parents), Some(children)) = (above.last_mut(), below.first()) else {
                continue;
            };
            let mut used: BTreeSet<Oid> = BTreeSet::new();
            for c in children {
                match &c.parents {
                    Parents::Root => {}
                    Parents::Any => {
                        used.insert(ANY_POLICY);
                    }
                    Parents::Of(list) => used.extend(list.iter().copied()),
                }
            }
            parents.retain(|p| used.contains(&p.policy));
        }
        if self.levels.iter().any(Vec::is_empty) {
            self.empty = true;
            self.levels.clear();
        }
    }

    /// §6.1.3 (d): the certificate's policies become the next depth of the tree.
    fn add_level(&mut self, at: usize, c: &CertPolicies, last: bool) -> Result<(), Stop> {
        let policies = c.policies.as_deref().unwrap_or(&[]);
        let mut level: Vec<Node> = Vec::new();
        let has_any_parent = self.last().iter().any(|n| n.policy == ANY_POLICY);
        for p in policies.iter().filter(|p| **p != ANY_POLICY) {
            if level.iter().any(|n| n.policy == *p) {
                continue;
            }
            self.spend(self.last().len().saturating_add(level.len()).max(1))?;
            let of: Vec<Oid> = self
                .last()
                .iter()
                .filter(|n| n.expected.contains(p))
                .map(|n| n.policy)
                .collect();
            let parents = if !of.is_empty() {
                Parents::Of(of)
            } else if has_any_parent {
                Parents::Any
            } else {
                let text = format!(
                    "{} is not among the policies its issuer allows ({})",
                    name(p),
                    names(&self.expected_above())
                );
                self.note(at, text);
                continue;
            };
            level.push(Node {
                policy: *p,
                expected: vec![*p],
                parents,
            });
        }
        if policies.contains(&ANY_POLICY) {
            if self.any > 0 || (!last && c.self_issued) {
                // (d)(2): every policy the issuer expects and this certificate did not name.
                let above: Vec<(Oid, Vec<Oid>)> = self
                    .last()
                    .iter()
                    .map(|n| (n.policy, n.expected.clone()))
                    .collect();
                for (parent, expected) in above {
                    self.spend(expected.len().saturating_mul(level.len().max(1)))?;
                    for v in expected {
                        match level.iter_mut().find(|n| n.policy == v) {
                            Some(node) => {
                                if let Parents::Of(list) = &mut node.parents {
                                    if !list.contains(&parent) {
                                        list.push(parent);
                                    }
                                }
                            }
                            None => level.push(Node {
                                policy: v,
                                expected: vec![v],
                                parents: if v == ANY_POLICY {
                                    Parents::Any
                                } else {
                                    Parents::Of(vec![parent])
                                },
                            }),
                        }
                    }
                }
            } else {
                self.note(
                    at,
                    "its anyPolicy is ignored: inhibitAnyPolicy is in effect".into(),
                );
            }
        }
        self.levels.push(level);
        self.prune();
        Ok(())
    }

    /// The policies the certificates above allow next (the expected_policy_set of the
    /// deepest level).
    fn expected_above(&self) -> Vec<Oid> {
        let mut out: Vec<Oid> = Vec::new();
        for n in self.last() {
            for e in &n.expected {
                if !out.contains(e) {
                    out.push(*e);
                }
            }
        }
        out
    }

    /// §6.1.4 (a)–(b): policy mappings.
    fn map(&mut self, at: usize, c: &CertPolicies) -> Result<(), Stop> {
        let Some(mappings) = c.mappings.as_deref() else {
            return Ok(());
        };
        if let Some((from, to)) = mappings
            .iter()
            .find(|(a, b)| *a == ANY_POLICY || *b == ANY_POLICY)
        {
            return Err(Stop::Invalid(
                at,
                format!(
                    "it maps {} to {}: mapping to or from anyPolicy is not allowed (RFC 5280 §6.1.4 (a))",
                    name(from),
                    name(to)
                ),
            ));
        }
        if self.empty {
            return Ok(());
        }
        self.spend(mappings.len())?;
        // Grouped by issuerDomainPolicy by sorting, so that no step is quadratic.
        let mut sorted = mappings.to_vec();
        sorted.sort();
        sorted.dedup();
        let mut groups: Vec<(Oid, Vec<Oid>)> = Vec::new();
        for (from, to) in sorted {
            match groups.last_mut() {
                Some((id, list)) if *id == from => list.push(to),
                _ => groups.push((from, vec![to])),
            }
        }
        let mut deleted = false;
        for (id, to) in groups {
            self.spend(self.last().len())?;
            if self.mapping > 0 {
                let Some(level) = self.levels.last_mut() else {
                    return Ok(());
                };
                if let Some(node) = level.iter_mut().find(|n| n.policy == id) {
                    node.expected.clone_from(&to);
                } else if level.iter().any(|n| n.policy == ANY_POLICY) {
                    level.push(Node {
                        policy: id,
                        expected: to.clone(),
                        parents: Parents::Any,
                    });
                } else {
                    continue;
                }
                let text = format!("maps {} to {}", name(&id), names(&to));
                self.note(at, text);
            } else if let Some(level) = self.levels.last_mut() {
                let before = level.len();
                level.retain(|n| n.policy != id);
                if level.len() < before {
                    let text = format!(
                        "{} is dropped: it would be mapped to {}, but policy mapping is inhibited",
                        name(&id),
                        names(&to)
                    );
                    self.note(at, text);
                    deleted = true;
                }
            }
        }
        if deleted {
            self.prune();
        }
        Ok(())
    }

    /// §6.1.4 (h)–(j): the counters.
    fn count_down(&mut self, at: usize, c: &CertPolicies) {
        if !c.self_issued {
            self.explicit = self.explicit.saturating_sub(1);
            self.mapping = self.mapping.saturating_sub(1);
            self.any = self.any.saturating_sub(1);
        }
        let below = |n: u32| match n {
            0 => "from the next certificate on".to_owned(),
            1 => "after one more certificate".to_owned(),
            n => format!("after {n} more certificates"),
        };
        if let Some(r) = c.require_explicit {
            self.explicit = self.explicit.min(u64::from(r));
            self.note(
                at,
                format!(
                    "requireExplicitPolicy {r}: a policy must be valid for the path {}",
                    below(r)
                ),
            );
        }
        if let Some(m) = c.inhibit_mapping {
            self.mapping = self.mapping.min(u64::from(m));
            self.note(
                at,
                format!(
                    "inhibitPolicyMapping {m}: mappings are no longer followed {}",
                    below(m)
                ),
            );
        }
        if let Some(s) = c.inhibit_any {
            self.any = self.any.min(u64::from(s));
            self.note(
                at,
                format!(
                    "inhibitAnyPolicy {s}: anyPolicy no longer stands for every policy {}",
                    below(s)
                ),
            );
        }
    }

    fn mark_emptied(&mut self, at: usize) {
        if self.empty && self.outcome.emptied_at.is_none() {
            self.outcome.emptied_at = Some(at);
        }
    }

    fn valid_here(&self) -> Vec<Oid> {
        self.last().iter().map(|n| n.policy).collect()
    }

    /// §6.1.5 (g): the user-constrained policy set, named in the anchor's domain (before
    /// any mapping) as PKITS and BoringSSL state it: each node that hangs under anyPolicy
    /// (RFC 5280's valid_policy_node_set) and is acceptable to the user; pruning has left
    /// only nodes that reach the end entity. An anyPolicy node at the end entity's depth
    /// stands for every acceptable policy.
    fn constrained(&self, user: &[Oid]) -> Vec<Oid> {
        let any_user = user.is_empty() || user.contains(&ANY_POLICY);
        let any_leaf = !self.empty && self.last().iter().any(|n| n.policy == ANY_POLICY);
        if any_user && any_leaf {
            return vec![ANY_POLICY];
        }
        let mut out: Vec<Oid> = Vec::new();
        for n in self.levels.iter().flatten() {
            let acceptable = any_user || user.contains(&n.policy);
            if n.parents == Parents::Any
                && n.policy != ANY_POLICY
                && acceptable
                && !out.contains(&n.policy)
            {
                out.push(n.policy);
            }
        }
        if any_leaf {
            for p in user {
                if !out.contains(p) {
                    out.push(*p);
                }
            }
        }
        out
    }
}

/// Runs RFC 5280's policy processing over `path` (anchor side first, end entity last).
pub(crate) fn process(
    path: &[CertPolicies],
    options: &PolicyOptions,
    user: &[Oid],
    outcome: &mut Outcome,
) -> Result<(), Stop> {
    let n = u64::try_from(path.len()).unwrap_or(u64::MAX);
    let start = |set: bool| if set { 0 } else { n.saturating_add(1) };
    let mut s = State {
        levels: vec![vec![Node {
            policy: ANY_POLICY,
            expected: vec![ANY_POLICY],
            parents: Parents::Root,
        }]],
        empty: false,
        explicit: start(options.initial_explicit_policy),
        mapping: start(options.initial_policy_mapping_inhibit),
        any: start(options.initial_any_policy_inhibit),
        work: 0,
        outcome,
    };
    let count = path.len();
    for (at, c) in path.iter().enumerate() {
        let listed = c.policies.as_ref().map_or(0, Vec::len);
        let mapped = c.mappings.as_ref().map_or(0, Vec::len);
        if listed.max(mapped) > MAX_PER_CERTIFICATE {
            return Err(Stop::Budget);
        }
        let last = at.saturating_add(1) == count;
        s.outcome.steps.push((Vec::new(), Vec::new()));
        match &c.policies {
            Some(_) if !s.empty => s.add_level(at, c, last)?,
            Some(_) => {}
            None => {
                if !s.empty {
                    s.note(at, "it has no certificatePolicies extension".into());
                }
                s.empty = true;
                s.levels.clear();
            }
        }
        s.mark_emptied(at);
        if s.explicit == 0 && s.empty {
            return Err(Stop::Invalid(at, "an explicit policy is required here, and no policy is valid for the path up to this certificate".into()));
        }
        if last {
            s.explicit = s.explicit.saturating_sub(1);
            if c.require_explicit == Some(0) {
                s.explicit = 0;
                s.note(
                    at,
                    "requireExplicitPolicy 0: a policy must be valid for the path".into(),
                );
            }
        } else {
            s.map(at, c)?;
            s.mark_emptied(at);
            s.count_down(at, c);
        }
        let here = s.valid_here();
        if let Some((valid, _)) = s.outcome.steps.get_mut(at) {
            *valid = here;
        }
    }
    s.outcome.authorities = s.constrained(&[]);
    s.outcome.user = s.constrained(user);
    s.outcome.explicit_required = s.explicit == 0;
    if s.explicit == 0 && s.outcome.user.is_empty() {
        let at = count.saturating_sub(1);
        let why = if s.empty {
            "an explicit policy is required, and no policy is valid for the whole path".to_owned()
        } else {
            format!(
                "an explicit policy is required, and none of the policies valid for the path ({}) is among the acceptable ones ({})",
                names(&s.outcome.authorities),
                names(user)
            )
        };
        return Err(Stop::Invalid(at, why));
    }
    Ok(())
}

#[cfg(test)]
#[path = "tree_tests.rs"]
mod tests;
