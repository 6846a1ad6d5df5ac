//! Which requirements a certificate is judged by. The CA/Browser Forum keeps three sets of
//! Baseline Requirements, one per kind of certificate: TLS server certificates, S/MIME
//! certificates and code-signing certificates. A certificate is judged by a set when it is of
//! that kind, detected from its EKU, its SAN and its policies the way zlint's framework detects
//! it (`util.IsServerAuthCert`, `util.IsEmailProtectionCert`, `util.IsCodeSigning`); RFC 5280
//! applies to every certificate. Each lint finding names the profile whose rule it is.

use x509_cert::ext::pkix::name::GeneralName;

use super::engine::{Ctx, ANY_EKU, EMAIL_PROTECTION};
pub use crate::report::LintProfile;

/// The S/MIME BR's policy arc (§7.1.6.1): 2.23.140.1.5.{1–4}.{1–3}.
const SMIME_POLICIES: &str = "2.23.140.1.5.";
/// The Code Signing BR's policies (§7.1.6.1): EV code signing and code signing.
pub(crate) const EV_CODE_SIGNING: &str = "2.23.140.1.3";
const CODE_SIGNING: &str = "2.23.140.1.4.1";

impl LintProfile {
    /// The requirements, as the page and the CLI name them.
    pub fn label(self) -> &'static str {
        match self {
            Self::TlsServer => "CA/B Forum TLS BR",
            Self::Smime => "CA/B Forum S/MIME BR",
            Self::CodeSigning => "CA/B Forum Code Signing BR",
            Self::Rfc5280 => "RFC 5280",
        }
    }

    /// The profile of a catalogue rule, from the document it cites (an RFC: RFC 5280's).
    pub(crate) fn of(source: &crate::Reference) -> Self {
        Self::cited(source).unwrap_or(Self::Rfc5280)
    }

    /// The profile a finding's reference belongs to, when it cites the Baseline Requirements
    /// or RFC 5280.
    pub(crate) fn cited(source: &crate::Reference) -> Option<Self> {
        let label = source.label;
        Some(if label.starts_with("CA/B Forum S/MIME") {
            Self::Smime
        } else if label.starts_with("CA/B Forum CS") {
            Self::CodeSigning
        } else if label.starts_with("CA/B Forum") || label.starts_with("Chrome") {
            Self::TlsServer
        } else if label.starts_with("RFC 5280") {
            Self::Rfc5280
        } else {
            return None;
        })
    }
}

/// The profiles `c` is judged by, besides RFC 5280.
pub(crate) fn detect(c: &Ctx<'_>) -> Vec<LintProfile> {
    let mut out = Vec::new();
    if c.server_auth() {
        out.push(LintProfile::TlsServer);
    }
    if smime(c) {
        out.push(LintProfile::Smime);
    }
    if code_signing(c) {
        out.push(LintProfile::CodeSigning);
    }
    out.push(LintProfile::Rfc5280);
    out
}

/// An S/MIME certificate: an email address in the SAN with no EKU, anyExtendedKeyUsage or
/// emailProtection, or an S/MIME BR policy.
pub(crate) fn smime(c: &Ctx<'_>) -> bool {
    let email = c.san().unwrap_or_default().iter().any(|n| match n {
        GeneralName::Rfc822Name(_) => true,
        GeneralName::OtherName(o) => o.type_id.to_string() == "1.3.6.1.5.5.7.8.9",
        _ => false,
    });
    let eku = c
        .ekus()
        .is_none_or(|k| k.is_empty() || k.iter().any(|o| o == ANY_EKU || o == EMAIL_PROTECTION));
    (email && eku) || smime_policy(c)
}

/// An S/MIME BR policy is asserted.
pub(crate) fn smime_policy(c: &Ctx<'_>) -> bool {
    c.policies().iter().any(|p| p.starts_with(SMIME_POLICIES))
}

/// A code-signing certificate: a Code Signing BR policy is asserted.
pub(crate) fn code_signing(c: &Ctx<'_>) -> bool {
    c.policies()
        .iter()
        .any(|p| p == EV_CODE_SIGNING || p == CODE_SIGNING)
}
