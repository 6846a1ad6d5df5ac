//! Alternative signatures (X.509 (10/2019) §7.2.2) checked across the pasted certificates: each
//! with the alternative key of the pasted certificates of its issuer (RFC 5280 §7.1 name
//! matching, as for chains). The signatures themselves are checked by the verifiers (in
//! WebAssembly, the pqc or verify module through `services.js`).

use crate::chain::ChainCert;
use crate::{AltSignatureReport, AltSignatureStatus, CertificateReport, Finding};

/// Bounds on the work (an input can hold hundreds of certificates under one name): the
/// candidate issuers tried for one certificate, and the certificates whose second signature is
/// checked at all.
const MAX_ISSUERS: usize = 8;
const MAX_CHECKED: usize = 32;

/// Checks every certificate of `pool` that carries an alternative signature, and adds the
/// result, and a finding when it does not verify, to its report.
pub(super) fn add(certificates: &mut [CertificateReport], pool: &[ChainCert]) {
    let mut checked = 0usize;
    for c in pool {
        let over_budget = checked >= MAX_CHECKED;
        let issuers = pool
            .iter()
            .filter(|i| !over_budget && i.subject == c.issuer)
            .filter_map(|i| Some((i.index?, &i.cert)))
            .take(MAX_ISSUERS);
        let Some(mut alt) = crate::cert::check_alt_signature(&c.cert, &c.der, issuers) else {
            continue;
        };
        checked = checked.saturating_add(1);
        if over_budget {
            alt.status = AltSignatureStatus::Unchecked;
            alt.detail = format!(
                "not checked: certscope checks the second signatures of at most {MAX_CHECKED} \
                 certificates in one input"
            );
        }
        let Some(cert) = c.index.and_then(|i| certificates.get_mut(i)) else {
            continue;
        };
        if alt.status == AltSignatureStatus::Invalid {
            cert.findings.push(invalid(&alt));
        }
        cert.alt_signature = Some(alt);
    }
}

fn invalid(alt: &AltSignatureReport) -> Finding {
    crate::lint::finding(
        "cert.alt-signature-invalid",
        crate::Severity::Error,
        "The alternative signature does not verify",
        format!(
            "This certificate is signed twice: by its issuer's usual key and, in its \
             altSignatureValue extension, by the issuer's alternative {} key (a hybrid \
             certificate for the move to post-quantum algorithms). The second signature {}. \
             Verifiers that check both reject it; older ones only see the first.",
            alt.algorithm, alt.detail
        ),
        format!("altSignatureAlgorithm {}", alt.algorithm),
        crate::lint::references::X509_ALT_SIGNATURE,
        "Have the CA sign it again with both keys; check that the issuer certificate pasted is \
         the one whose alternative key signed it.",
    )
}
