//! Why a certificate path was rejected, ranked so the most useful reason is reported when
//! every candidate path fails (as rustls-webpki does); and the reason as a report gives it.

use serde::Serialize;

/// One reason a path failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    /// Stable code, e.g. `expired`, `unknown-issuer`, `strict:aki-missing`.
    pub(crate) code: &'static str,
    /// The certificate it is about: index into the pool (pasted certificates).
    pub(crate) cert: Option<usize>,
    /// What is wrong, in a sentence.
    pub(crate) message: String,
    /// Higher is more specific and more useful to the user.
    pub(crate) rank: u8,
}

impl Failure {
    pub(crate) fn new(code: &'static str, cert: Option<usize>, message: impl Into<String>) -> Self {
        Failure {
            code,
            cert,
            message: message.into(),
            rank: rank(code),
        }
    }

    /// Keeps the more useful of two failures.
    pub(crate) fn keep_best(best: &mut Option<Failure>, other: Failure) {
        match best {
            Some(b) if b.rank >= other.rank => {}
            _ => *best = Some(other),
        }
    }
}

/// An unknown issuer is the least specific reason (any candidate that got further is more
/// telling); exhausting the budget comes next; problems with a specific certificate rank highest.
fn rank(code: &str) -> u8 {
    match code {
        "unknown-issuer" => 10,
        "max-depth" => 20,
        "untrusted-root" => 30,
        "budget" => 25,
        "bad-signature" | "unsupported-signature" => 40,
        c if c.starts_with("strict:") => 50,
        _ => 60,
    }
}

/// Why a chain is not trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainProblem {
    /// Stable code: `expired`, `unknown-issuer`, `untrusted-root`, `bad-signature`,
    /// `not-a-ca`, `path-len`, `name-constraints`, `eku`, `hostname`, `wildcard-public-suffix`,
    /// `revoked` (a CRL, or an OCSP answer), `policy` and `policy-budget` (rfc5280),
    /// `strict:…` and others.
    pub code: &'static str,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The certificate it is about (index into the report's certificates).
    pub certificate: Option<usize>,
}
