//! The verify module's side: reads the text [`super::encode`] wrote, runs the policy tree and
//! words the result.

use base64ct::Encoding;
use const_oid::{AssociatedOid, ObjectIdentifier as Oid};
use der::Decode;
use x509_cert::ext::pkix::{
    CertificatePolicies, InhibitAnyPolicy, PolicyConstraints, PolicyMappings,
};

use super::tree::{self, Outcome, Stop};
use super::{CertPolicies, PolicyOptions, PolicyReport, PolicyStep};
use crate::chain::{ChainCert, ChainProblem};

/// Reads the policy extensions of one certificate; an extension that cannot be decoded is
/// an error naming it.
fn facts(c: &ChainCert) -> Result<CertPolicies, String> {
    let mut out = CertPolicies {
        certificate: c.index,
        name: c.subject_display(),
        self_issued: c.self_issued(),
        ..CertPolicies::default()
    };
    let bad = |what: &str| format!("{}: its {what} extension cannot be decoded", out.name);
    for ext in c.cert.tbs_certificate().extensions().into_iter().flatten() {
        let bytes = ext.extn_value.as_bytes();
        match ext.extn_id {
            CertificatePolicies::OID => {
                let p =
                    CertificatePolicies::from_der(bytes).map_err(|_| bad("certificatePolicies"))?;
                out.policies = Some(p.0.into_iter().map(|i| i.policy_identifier).collect());
            }
            PolicyMappings::OID => {
                let m = PolicyMappings::from_der(bytes).map_err(|_| bad("policyMappings"))?;
                out.mappings = Some(
                    m.0.into_iter()
                        .map(|m| (m.issuer_domain_policy, m.subject_domain_policy))
                        .collect(),
                );
            }
            PolicyConstraints::OID => {
                let p = PolicyConstraints::from_der(bytes).map_err(|_| bad("policyConstraints"))?;
                out.require_explicit = p.require_explicit_policy;
                out.inhibit_mapping = p.inhibit_policy_mapping;
            }
            InhibitAnyPolicy::OID => {
                let s = InhibitAnyPolicy::from_der(bytes).map_err(|_| bad("inhibitAnyPolicy"))?;
                out.inhibit_any = Some(s.0);
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Most certificates a path may hold here (the builder stops far sooner).
const MAX_PATH: usize = 64;

fn oid_list(field: &str) -> Result<Vec<Oid>, String> {
    field
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| Oid::new(s.trim()).map_err(|_| format!("{s:?} is not an object identifier")))
        .collect()
}

fn read(input: &str) -> Result<(Vec<CertPolicies>, PolicyOptions, Vec<Oid>), String> {
    let mut lines = input.lines();
    let head: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let [tag, set, explicit, mapping, any] = head.as_slice() else {
        return Err("the first line must hold the options".into());
    };
    if *tag != "options" {
        return Err("the first line must hold the options".into());
    }
    let user = oid_list(set)?;
    let options = PolicyOptions {
        initial_policy_set: user.iter().map(Oid::to_string).collect(),
        initial_explicit_policy: *explicit == "1",
        initial_policy_mapping_inhibit: *mapping == "1",
        initial_any_policy_inhibit: *any == "1",
    };
    let mut path = Vec::new();
    for line in lines {
        if path.len() >= MAX_PATH {
            return Err(format!("a path of more than {MAX_PATH} certificates"));
        }
        let (index, b64) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {} has no certificate", path.len().saturating_add(2)))?;
        let der = base64ct::Base64::decode_vec(b64)
            .map_err(|_| format!("line {} is not base64", path.len().saturating_add(2)))?;
        let (cert, der) = crate::cert::parse(&der).map_err(|e| e.to_string())?;
        let c = ChainCert::new(cert, der, index.parse().ok())
            .ok_or_else(|| "a certificate could not be read".to_owned())?;
        path.push(facts(&c)?);
    }
    Ok((path, options, user))
}

fn strings(list: &[Oid]) -> Vec<String> {
    list.iter().map(Oid::to_string).collect()
}

/// Dotted policies by name, as the explanation and the CLI's text give them.
pub(crate) fn named(list: &[String]) -> String {
    if list.is_empty() {
        return "none".into();
    }
    list.iter()
        .map(|s| Oid::new(s).map_or_else(|_| s.clone(), |o| tree::name(&o)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Policy processing of the path `input` describes: the report, and the problem that makes
/// the chain untrusted, if any.
pub(crate) fn check(input: &str) -> (PolicyReport, Option<ChainProblem>) {
    let (path, options, user) = match read(input) {
        Ok(read) => read,
        Err(why) => {
            let message = format!("the policy input could not be read: {why}");
            let report = PolicyReport {
                valid: false,
                initial_policy_set: Vec::new(),
                steps: Vec::new(),
                authorities: Vec::new(),
                user: Vec::new(),
                explicit_required: false,
                emptied_at: None,
                explanation: message.clone(),
            };
            return (report, Some(problem("policy", message, None)));
        }
    };
    let mut outcome = Outcome::default();
    let result = tree::process(&path, &options, &user, &mut outcome);
    let steps: Vec<PolicyStep> = path
        .iter()
        .zip(
            outcome
                .steps
                .iter()
                .map(Some)
                .chain(std::iter::repeat(None)),
        )
        .map(|(c, step)| PolicyStep {
            certificate: c.certificate,
            name: c.name.clone(),
            valid: step.map(|(v, _)| strings(v)).unwrap_or_default(),
            notes: step.map(|(_, n)| n.clone()).unwrap_or_default(),
        })
        .collect();
    let authorities = strings(&outcome.authorities);
    let user_set = strings(&outcome.user);
    let emptied = outcome
        .emptied_at
        .and_then(|i| path.get(i))
        .map(|c| c.name.clone());
    let (valid, explanation, failure) = match result {
        Ok(()) if outcome.user.is_empty() => (
            true,
            match emptied {
                Some(at) => format!("No certificate policy is valid for the whole path (none after {at}); none was required, so the path is still valid."),
                None => "No certificate policy is valid for the whole path; none was required, so the path is still valid.".into(),
            },
            None,
        ),
        Ok(()) => (
            true,
            format!(
                "The path is valid for {}{}.",
                named(&user_set),
                if outcome.explicit_required {
                    ", and an explicit policy was required"
                } else {
                    ""
                }
            ),
            None,
        ),
        Err(Stop::Invalid(at, why)) => {
            let c = path.get(at);
            let who = c.map_or("the path".into(), |c| c.name.clone());
            let mut text = format!("{who}: {why}");
            if let Some(e) = emptied.filter(|_| !why.contains("anyPolicy is not allowed")) {
                text.push_str(&format!(" (no policy was valid after {e})"));
            }
            (false, format!("Policy processing fails at {text}."), Some(("policy", c.and_then(|c| c.certificate), text)))
        }
        Err(Stop::Budget) => {
            let text = format!("policy processing stopped after {} steps: the path's policies and mappings ask for more work than any real PKI does", tree::MAX_WORK);
            (false, format!("{text}."), Some(("policy-budget", None, text)))
        }
    };
    let report = PolicyReport {
        valid,
        initial_policy_set: options.initial_policy_set,
        steps,
        authorities,
        user: user_set,
        explicit_required: outcome.explicit_required,
        emptied_at: outcome.emptied_at,
        explanation,
    };
    let problem = failure.map(|(code, cert, text)| problem(code, text, cert));
    (report, problem)
}

fn problem(code: &'static str, message: String, certificate: Option<usize>) -> ChainProblem {
    ChainProblem {
        code,
        message,
        certificate,
    }
}
