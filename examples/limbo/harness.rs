//! Runs x509-limbo testcases through certscope's public API. Shared by
//! `cargo run --example limbo` and the test suite (tests/limbo.rs).

use serde::Deserialize;

/// An x509-limbo file.
#[derive(Deserialize)]
pub struct Limbo {
    pub testcases: Vec<Case>,
}

/// An expected peer name; its kind (DNS, IP, RFC822) is recognised from the value itself.
#[derive(Deserialize)]
pub struct PeerName {
    pub value: String,
}

/// One testcase (the fields certscope honours).
#[derive(Deserialize)]
pub struct Case {
    pub id: String,
    #[serde(default)]
    pub features: Vec<String>,
    pub validation_kind: String,
    pub trusted_certs: Vec<String>,
    pub untrusted_intermediates: Vec<String>,
    pub peer_certificate: String,
    pub validation_time: Option<String>,
    #[serde(default)]
    pub extended_key_usage: Vec<String>,
    pub expected_result: String,
    pub expected_peer_name: Option<PeerName>,
    #[serde(default)]
    pub expected_peer_names: Vec<PeerName>,
    pub max_chain_depth: Option<u32>,
    #[serde(default)]
    pub crls: Vec<String>,
}

impl Case {
    /// Cases where implementations legitimately differ (limbo's README): reported separately.
    pub fn contested(&self) -> bool {
        self.features.iter().any(|f| {
            f.starts_with("pedantic-")
                || f == "rfc5280-incompatible-with-webpki"
                || f == "max-chain-depth"
        })
    }
}

/// The verdict certscope gives a case under `profile`, and why.
pub fn run(case: &Case, profile: certscope::Profile) -> (&'static str, String) {
    let at = match &case.validation_time {
        Some(t) => match certscope::parse_rfc3339(t) {
            Ok(at) => at,
            Err(e) => return ("FAILURE", format!("validation time: {e}")),
        },
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    let mut input = case.peer_certificate.clone();
    for pem in &case.untrusted_intermediates {
        input.push('\n');
        input.push_str(pem);
    }
    let usage = if case.validation_kind == "CLIENT"
        || case.extended_key_usage.iter().any(|e| e == "clientAuth")
    {
        certscope::Usage::ClientAuth
    } else {
        certscope::Usage::ServerAuth
    };
    let roots = certscope::Roots::Custom {
        certificates: case.trusted_certs.join("\n").into_bytes(),
        with_mozilla: false,
    };
    let mut names: Vec<&str> = case
        .expected_peer_names
        .iter()
        .map(|n| n.value.as_str())
        .collect();
    if let Some(n) = &case.expected_peer_name {
        names.push(&n.value);
    }
    if names.is_empty() {
        names.push("");
    }
    for name in names {
        let mut options = certscope::Options::at(at)
            .usage(usage)
            .roots(roots.clone())
            .host(name);
        if let Some(depth) = case.max_chain_depth {
            options = options.max_intermediates(depth as usize);
        }
        options = options.crls(case.crls.join("\n").into_bytes());
        if profile == certscope::Profile::Rfc5280 {
            options = options.rfc5280(certscope::PolicyOptions::default());
        }
        let report = match certscope::inspect(input.as_bytes(), &options) {
            Ok(r) => r,
            Err(e) => return ("FAILURE", e.to_string()),
        };
        let Some(chain) = report.chains.iter().find(|c| c.leaf == 0) else {
            let why = report
                .errors
                .first()
                .map_or("the peer certificate was not read".to_owned(), |e| {
                    e.message.clone()
                });
            return ("FAILURE", why);
        };
        let verdict = match profile {
            certscope::Profile::Browser => &chain.browser,
            certscope::Profile::Strict => &chain.strict,
            certscope::Profile::Rfc5280 => match &chain.rfc5280 {
                Some(v) => v,
                None => return ("FAILURE", "no rfc5280 verdict".into()),
            },
        };
        if !verdict.trusted {
            return ("FAILURE", verdict.summary.clone());
        }
    }
    ("SUCCESS", String::new())
}
