//! The rules findings cite.

use crate::Reference;

const fn r(label: &'static str, url: &'static str) -> Reference {
    Reference { label, url }
}

pub(crate) const RFC5280_VALIDITY: Reference = r(
    "RFC 5280 §4.1.2.5",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5",
);
pub(crate) const RFC5280_SERIAL: Reference = r(
    "RFC 5280 §4.1.2.2",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.2",
);
pub(crate) const RFC5280_VERSION: Reference = r(
    "RFC 5280 §4.1.2.1",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.1",
);
pub(crate) const RFC5280_EXTENSIONS: Reference = r(
    "RFC 5280 §4.2",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.2",
);
pub(crate) const RFC5280_SIGNATURE: Reference = r(
    "RFC 5280 §4.1.1.3",
    "https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.3",
);
pub(crate) const BR_RESERVED_POLICIES: Reference = r(
    "CA/B Forum BR §7.1.6.1",
    "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7161-reserved-certificate-policy-identifiers",
);
pub(crate) const RFC6125_NAMES: Reference = r(
    "RFC 6125 §6.4.4",
    "https://www.rfc-editor.org/rfc/rfc6125#section-6.4.4",
);
pub(crate) const BR_SAN: Reference = r(
    "CA/B Forum BR §7.1.2.7.12",
    "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#712712-subscriber-certificate-subject-alternative-name",
);
pub(crate) const BR_CN: Reference = r(
    "CA/B Forum BR §7.1.4.3",
    "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7143-subscriber-certificates",
);
pub(crate) const BR_VALIDITY: Reference = r(
    "CA/B Forum BR §6.3.2",
    "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#632-certificate-operational-periods-and-key-pair-usage-periods",
);
pub(crate) const BR_KEYS: Reference = r(
    "CA/B Forum BR §6.1.5",
    "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#615-key-sizes",
);
pub(crate) const BR_SIGNATURE: Reference = r(
    "CA/B Forum BR §7.1.3.2",
    "https://cabforum.org/working-groups/server/baseline-requirements/requirements/#7132-signature-algorithmidentifier",
);
pub(crate) const UTR36: Reference = r(
    "Unicode TR #36 §2",
    "https://www.unicode.org/reports/tr36/#visual_spoofing",
);
pub(crate) const RFC7468: Reference = r(
    "RFC 7468 §5",
    "https://www.rfc-editor.org/rfc/rfc7468#section-5",
);
pub(crate) const RFC8446_CHAIN: Reference = r(
    "RFC 8446 §4.4.2",
    "https://www.rfc-editor.org/rfc/rfc8446#section-4.4.2",
);
pub(crate) const RFC2986: Reference = r(
    "RFC 2986 §4",
    "https://www.rfc-editor.org/rfc/rfc2986#section-4",
);
pub(crate) const RFC5280_CRL: Reference = r(
    "RFC 5280 §5",
    "https://www.rfc-editor.org/rfc/rfc5280#section-5",
);
pub(crate) const RFC5652: Reference = r(
    "RFC 5652 §5",
    "https://www.rfc-editor.org/rfc/rfc5652#section-5",
);
pub(crate) const RFC7292: Reference = r(
    "RFC 7292 (PKCS #12)",
    "https://www.rfc-editor.org/rfc/rfc7292",
);
pub(crate) const RFC9881: Reference = r(
    "RFC 9881 (ML-DSA in X.509)",
    "https://www.rfc-editor.org/rfc/rfc9881",
);
pub(crate) const X509_ALT_SIGNATURE: Reference = r(
    "ITU-T X.509 (10/2019) §7.2.2, §9.8 (alternative signatures)",
    "https://www.itu.int/rec/T-REC-X.509-201910-I",
);
pub(crate) const CT_POLICY: Reference = r(
    "Chrome CT policy",
    "https://googlechrome.github.io/CertificateTransparency/ct_policy.html",
);
#[cfg(feature = "ocsp")]
pub(crate) const RFC6960: Reference = r(
    "RFC 6960 §4.2",
    "https://www.rfc-editor.org/rfc/rfc6960#section-4.2",
);
#[cfg(feature = "ct")]
pub(crate) const RFC6962_SCT: Reference = r(
    "RFC 6962 §3.2",
    "https://www.rfc-editor.org/rfc/rfc6962#section-3.2",
);
