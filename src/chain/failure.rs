//! Why a certificate path was rejected, ranked so the most useful reason is reported when
//! every candidate path fails (as rustls-webpki does).

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
