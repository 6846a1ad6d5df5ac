//! The specifications header findings cite.

use crate::Reference;

const fn r(label: &'static str, url: &'static str) -> Reference {
    Reference { label, url }
}

pub(crate) const RFC6797: Reference = r(
    "RFC 6797 §6.1",
    "https://www.rfc-editor.org/rfc/rfc6797#section-6.1",
);
pub(crate) const RFC6797_HTTP: Reference = r(
    "RFC 6797 §8.1",
    "https://www.rfc-editor.org/rfc/rfc6797#section-8.1",
);
pub(crate) const HSTS_PRELOAD: Reference = r(
    "hstspreload.org requirements",
    "https://hstspreload.org/#submission-requirements",
);
pub(crate) const CSP3: Reference = r("CSP Level 3", "https://www.w3.org/TR/CSP3/");
pub(crate) const CSP_STRICT: Reference = r(
    "Strict CSP (web.dev)",
    "https://web.dev/articles/strict-csp",
);
pub(crate) const RFC6265: Reference = r(
    "RFC 6265 §4.1",
    "https://www.rfc-editor.org/rfc/rfc6265#section-4.1",
);
pub(crate) const RFC6265_SECURE: Reference = r(
    "RFC 6265 §4.1.2.5",
    "https://www.rfc-editor.org/rfc/rfc6265#section-4.1.2.5",
);
pub(crate) const RFC6265_HTTPONLY: Reference = r(
    "RFC 6265 §4.1.2.6",
    "https://www.rfc-editor.org/rfc/rfc6265#section-4.1.2.6",
);
pub(crate) const RFC6265_DOMAIN: Reference = r(
    "RFC 6265 §4.1.2.3",
    "https://www.rfc-editor.org/rfc/rfc6265#section-4.1.2.3",
);
pub(crate) const RFC6265BIS_SAMESITE: Reference = r(
    "RFC 6265bis §4.1.2.7",
    "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.2.7",
);
pub(crate) const RFC6265BIS_PREFIXES: Reference = r(
    "RFC 6265bis §4.1.3",
    "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.3",
);
pub(crate) const RFC9111_PRIVATE: Reference = r(
    "RFC 9111 §5.2.2.7",
    "https://www.rfc-editor.org/rfc/rfc9111#section-5.2.2.7",
);
pub(crate) const XFO: Reference = r(
    "RFC 7034; CSP frame-ancestors",
    "https://www.rfc-editor.org/rfc/rfc7034",
);
pub(crate) const FETCH_NOSNIFF: Reference = r(
    "Fetch §X-Content-Type-Options",
    "https://fetch.spec.whatwg.org/#x-content-type-options-header",
);
pub(crate) const REFERRER: Reference = r(
    "Referrer Policy §3",
    "https://www.w3.org/TR/referrer-policy/#referrer-policies",
);
pub(crate) const PERMISSIONS: Reference = r(
    "Permissions Policy",
    "https://www.w3.org/TR/permissions-policy-1/",
);
pub(crate) const HTML_COOP: Reference = r(
    "HTML §7.1.3 COOP / COEP",
    "https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies",
);
pub(crate) const FETCH_CORP: Reference = r(
    "Fetch §CORP",
    "https://fetch.spec.whatwg.org/#cross-origin-resource-policy-header",
);
pub(crate) const FETCH_CORS: Reference = r(
    "Fetch §3.2 CORS protocol",
    "https://fetch.spec.whatwg.org/#http-cors-protocol",
);
pub(crate) const RFC9110_REDIRECT: Reference = r(
    "RFC 9110 §15.4",
    "https://www.rfc-editor.org/rfc/rfc9110#section-15.4",
);
pub(crate) const RFC7838: Reference = r(
    "RFC 7838 (Alt-Svc)",
    "https://www.rfc-editor.org/rfc/rfc7838",
);
pub(crate) const RFC9110_ALLOW: Reference = r(
    "RFC 9110 §9.3.8 (TRACE)",
    "https://www.rfc-editor.org/rfc/rfc9110#section-9.3.8",
);
pub(crate) const RFC7469: Reference = r(
    "RFC 7469 (HPKP, abandoned)",
    "https://www.rfc-editor.org/rfc/rfc7469",
);
pub(crate) const EXPECT_CT: Reference = r(
    "Expect-CT (obsolete)",
    "https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Expect-CT",
);
pub(crate) const XXSS: Reference = r(
    "X-XSS-Protection (removed from browsers)",
    "https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-XSS-Protection",
);
pub(crate) const OWASP_HEADERS: Reference = r(
    "OWASP Secure Headers Project",
    "https://owasp.org/www-project-secure-headers/",
);
pub(crate) const RFC9112_FOLD: Reference = r(
    "RFC 9112 §5.2",
    "https://www.rfc-editor.org/rfc/rfc9112#section-5.2",
);
pub(crate) const SRI: Reference = r(
    "Subresource Integrity §3.3",
    "https://www.w3.org/TR/SRI/#does-response-match-metadatalist",
);
pub(crate) const MIXED_CONTENT: Reference = r(
    "Mixed Content §4.3",
    "https://www.w3.org/TR/mixed-content/#should-block-fetch",
);
pub(crate) const META_CSP: Reference = r(
    "HTML §4.2.5.3 (http-equiv Content-Security-Policy)",
    "https://html.spec.whatwg.org/multipage/semantics.html#attr-meta-http-equiv-content-security-policy",
);
