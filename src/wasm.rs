//! The JavaScript API: the only module that knows about wasm-bindgen, js-sys and
//! serde-wasm-bindgen. Reports cross the boundary once per call as plain objects whose
//! TypeScript types are declared below, so the generated `.d.ts` has real types.

#[cfg(not(feature = "module"))]
use js_sys::{Date, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(not(feature = "module"))]
use crate::{Error, Options, Roots, Usage};

#[cfg(not(feature = "module"))]
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** How much a finding matters. */
export type Severity = "error" | "warning" | "info";
/** The rule a finding rests on. */
export interface Reference { label: string; url: string }
/** One thing certscope noticed, explained. */
export interface Finding {
  /** Stable id, e.g. "cert.expired". */
  id: string;
  severity: Severity;
  title: string;
  explanation: string;
  evidence: string;
  reference: Reference;
  fix: string | null;
  /** CSP findings: Google CSP Evaluator's type and severity, e.g. SCRIPT_UNSAFE_INLINE / HIGH. */
  cspEvaluator?: { type: string; severity: string; source: CspSource };
  /** HSTS findings: issue codes of Chromium's preload list. */
  hstsPreload?: string[];
  /** Certificate lints: the zlint lint that checks the same rule, e.g. "e_ext_san_missing". */
  zlint?: string;
  /** Certificate lints: pkilint's finding code for the same requirement, e.g. "cabf.serverauth.subscriber.subject_altname_extension_absent". */
  pkilint?: string;
  /** Certificate lints: the requirements it was judged by. */
  profile?: LintProfile;
  /** Header findings: the Mozilla HTTP Observatory result id. */
  observatory?: string;
  /** How to apply the fix: the header line and nginx / Apache / Caddy directives. */
  snippets?: { header: string | null; nginx: string; apache: string; caddy: string };
}
/** Where in the input: 1-based block and line (null for binary input), 0-based byte offset. */
export interface Location { block: number; line: number | null; byteOffset: number }
/** A block that could not be read. */
export interface Problem {
  location: Location;
  /** "der", "base64", "base64-length", "hex-odd-length", "pem-missing-end", "pem-label-mismatch",
   *  "unsupported-block", "other-format" (a Java keystore, a PuTTY key), "nothing-recognised",
   *  "input-too-large", "too-many-blocks", "http-line", "document" (malformed XML or JSON) or "bad-time". */
  code: string;
  message: string;
}
/** summarize(): the identifying fields of one certificate, without analysis. */
export interface CertificateSummary {
  location: Location;
  /** RFC 4514, most specific first. */
  subject: string;
  issuer: string;
  /** Colon hex as in the DER. */
  serial: string;
  /** RFC 3339 UTC. */
  notBefore: string;
  notAfter: string;
  /** DNS names and IP addresses from subjectAltName. */
  names: string[];
  /** "RSA", "EC", "Ed25519", … */
  keyAlgorithm: string;
  keyBits: number | null;
  curve: string | null;
  /** SHA-256 of the DER, "AB:CD:…". */
  sha256: string;
  /** basicConstraints cA. */
  ca: boolean;
  /** Subject equals issuer (the signature is not checked by summarize). */
  selfIssued: boolean;
}
/** summarize(): every certificate in the input, and the blocks that are not certificates or could not be read. */
export interface Summary { certificates: CertificateSummary[]; errors: Problem[] }
export interface NameAttribute { short: string; oid: string; value: string; encoding: string }
export interface Name {
  /** DER order (most general first). */
  attributes: NameAttribute[];
  /** RFC 4514 string, most specific first: "CN=…,O=…,C=…". */
  display: string;
  commonName: string | null;
  organization: string | null;
}
export type ValidityState = "notYetValid" | "valid" | "expired";
export interface Validity {
  notBefore: string;
  notAfter: string;
  lifetimeDays: number;
  state: ValidityState;
  /** Days left (valid), until valid (notYetValid) or since expiry (expired). */
  days: number;
  elapsedPercent: number;
  summary: string;
}
export interface PublicKey {
  algorithm: string;
  oid: string;
  bits: number | null;
  exponent: number | null;
  curve: string | null;
  description: string;
}
export interface Fingerprints { sha256: string; sha1: string; spkiSha256: string }
export interface GeneralName {
  kind: "dns" | "ip" | "email" | "uri" | "directoryName" | "registeredId" | "otherName" | "ediPartyName" | "relativeName";
  value: string;
  /** For a DNS name with IDN A-labels (xn--…), its Unicode form. */
  unicode?: string;
}
export interface NamedOid { oid: string; name: string }
export interface AccessEntry { method: string; location: GeneralName }
export interface Policy { oid: string; name: string | null; cps: string[] }
export interface Sct { version: number; logId: string; timestamp: string; signatureAlgorithm: string }
export type ExtensionValue =
  | { kind: "subjectAltName"; names: GeneralName[] }
  | { kind: "issuerAltName"; names: GeneralName[] }
  | { kind: "keyUsage"; usages: string[] }
  | { kind: "extendedKeyUsage"; purposes: NamedOid[] }
  | { kind: "basicConstraints"; ca: boolean; pathLen: number | null }
  | { kind: "subjectKeyIdentifier"; keyId: string }
  | { kind: "authorityKeyIdentifier"; keyId: string | null; issuer: GeneralName[]; serial: string | null }
  | { kind: "infoAccess"; entries: AccessEntry[] }
  | { kind: "crlDistributionPoints"; points: GeneralName[] }
  | { kind: "certificatePolicies"; policies: Policy[] }
  | { kind: "nameConstraints"; permitted: GeneralName[]; excluded: GeneralName[] }
  | { kind: "policyConstraints"; requireExplicitPolicy: number | null; inhibitPolicyMapping: number | null }
  | { kind: "inhibitAnyPolicy"; skipCerts: number }
  | { kind: "policyMappings"; mappings: string[] }
  | { kind: "signedCertificateTimestamps"; scts: Sct[] }
  | { kind: "precertificatePoison" }
  | { kind: "tlsFeature"; features: string[] }
  | { kind: "altPublicKey"; key: PublicKey }
  | { kind: "altSignatureAlgorithm"; algorithm: NamedOid }
  | { kind: "altSignatureValue"; bytes: number }
  | { kind: "unknown"; hex: string }
  | { kind: "invalid"; error: string; hex: string };
export interface Extension { oid: string; name: string; critical: boolean; value: ExtensionValue }
export type Role = "root" | "intermediate" | "leaf";
export interface Certificate {
  location: Location;
  version: number;
  serial: string;
  signatureAlgorithm: NamedOid;
  subject: Name;
  issuer: Name;
  validity: Validity;
  publicKey: PublicKey;
  fingerprints: Fingerprints;
  extensions: Extension[];
  role: Role;
  selfIssued: boolean;
  selfSigned: boolean;
  /** DNS names and IP addresses from the SAN. */
  names: string[];
  wildcard: boolean;
  pem: string;
  /** Its alternative signature (X.509 (10/2019) §7.2.2), when it carries one. */
  altSignature?: AltSignature;
  findings: Finding[];
  /** The requirements its lints judged it by: each kind of Baseline Requirements it falls
   *  under (detected from its EKU, SAN and policies as zlint does), and RFC 5280. */
  profiles: LintProfile[];
  /** Why the rules that bind publicly trusted CAs are shown as notes on it (it chains to a
   *  root you supplied, or looks privately issued); absent when they keep their level. */
  publicRulesNote?: string;
}
/** A set of requirements: the CA/Browser Forum's TLS, S/MIME or Code Signing Baseline
 *  Requirements, or RFC 5280. */
export type LintProfile = "tls-server" | "smime" | "code-signing" | "rfc5280";
/** A hybrid certificate's second signature, checked with the alternative key of a pasted
 *  certificate of its issuer (`issuer` indexes `Report.certificates`). */
export interface AltSignature {
  algorithm: string;
  oid: string;
  status: "verified" | "invalid" | "no-issuer-key" | "unsupported" | "unchecked";
  issuer: number | null;
  detail: string;
}
export type Profile = "browser" | "strict" | "rfc5280";
/** One certificate on a path, leaf first. `certificate` indexes `Report.certificates`. */
export interface Link { certificate: number | null; name: string; kind: "leaf" | "intermediate" | "root"; failed: boolean }
export interface ChainProblem {
  /** "expired", "unknown-issuer", "untrusted-root", "bad-signature", "not-a-ca", "path-len",
   *  "name-constraints", "eku", "hostname", "wildcard-public-suffix", "revoked" (a CRL or an
   *  OCSP answer), "policy" and "policy-budget" (rfc5280), "strict:…" and others. */
  code: string;
  message: string;
  certificate: number | null;
}
export interface Verdict {
  profile: Profile;
  trusted: boolean;
  /** e.g. "Trusted for www.example.com until 2027-03-01 via ISRG Root X1". */
  summary: string;
  path: Link[];
  anchor: { name: string; source: "mozilla" | "user" } | null;
  /** The earliest notAfter on the path: when the whole chain stops being valid. */
  validUntil: string | null;
  problem: ChainProblem | null;
  /** Certificate policy processing (RFC 5280 §6.1): the `rfc5280` verdict only. */
  policy?: PolicyReport;
}
/** RFC 5280 §6.1 certificate policy processing for one path. Policies are dotted OIDs; "2.5.29.32.0" is anyPolicy. */
export interface PolicyReport {
  valid: boolean;
  /** user-initial-policy-set as given (empty: anyPolicy). */
  initialPolicySet: string[];
  /** The certificates from the one below the anchor to the end entity. */
  steps: PolicyStep[];
  /** The authorities-constrained policy set, named in the anchor's domain. */
  authorities: string[];
  /** The user-constrained policy set: those the user accepts (§6.1.6). */
  user: string[];
  /** An explicit policy was required (by the options or requireExplicitPolicy). */
  explicitRequired: boolean;
  /** Index into `steps` of the first certificate after which no policy was valid. */
  emptiedAt: number | null;
  /** In a sentence or two. */
  explanation: string;
}
export interface PolicyStep {
  certificate: number | null;
  name: string;
  /** Policies valid for the path down to this certificate, in its own domain. */
  valid: string[];
  /** What this certificate changed: mappings, ignored anyPolicy, policies its issuer does not allow. */
  notes: string[];
}
export interface Chain {
  /** Index of the end-entity certificate in `Report.certificates`. */
  leaf: number;
  host: string | null;
  /** What current browsers decide. */
  browser: Verdict;
  /** Browser rules plus RFC 5280 and CA/Browser Forum rules. */
  strict: Verdict;
  /** RFC 5280 §6.1 as written, with certificate policies: only when `InspectOptions.rfc5280` asks for it. */
  rfc5280?: Verdict;
  /** What the certificates sent say about the server's configuration. */
  findings: Finding[];
  /**
   * The chain file the server should use, rebuilt from what was given: absent when
   * reordering cannot help (the chain fails for another reason).
   */
  fix?: ChainFix;
  /** The end entity's embedded SCTs and the browsers' CT policies: absent without SCTs. */
  ct?: CtReport;
}
/** Certificate Transparency (RFC 6962) for a chain's end entity. */
export interface CtReport {
  /** Which log list the logs were looked up in, with its date. */
  logList: string;
  scts: SctCheck[];
  /** Chrome's CT policy, on the SCTs that verified. */
  chrome: CtPolicyVerdict;
  /** Apple's CT policy, on the SCTs that verified (judged with Apple's list). */
  apple: CtPolicyVerdict;
  findings: Finding[];
}
export interface SctCheck {
  /**
   * How the client got it: embedded in the certificate, or sent in the TLS handshake or an OCSP
   * response; "server": sent by the server, by an `openssl s_client -ct` transcript that does
   * not say which of the two (run without `-status`).
   */
  source: "embedded" | "tls" | "ocsp" | "server";
  /** SHA-256 of the log's key, base64. */
  logId: string;
  /** RFC 3339 UTC. */
  timestamp: string;
  log: CtLog | null;
  signature: "verified" | "invalid" | "unknown-log" | "no-issuer" | "unsupported" | "unchecked";
  detail: string | null;
}
export interface CtLog {
  name: string;
  operator: string;
  /** In Chrome's list ("qualified": Qualified, Usable or ReadOnly), retired, or not in it. */
  state: "qualified" | "retired" | "absent";
  /** RFC 3339, for logs Chrome retired. */
  retired: string | null;
  api: "rfc6962" | "static-ct-api";
  /** The list its key was read from. */
  list: "chrome" | "apple" | "google-2020";
  /** Its entry in Apple's list; null when Apple's list lacks it. */
  apple: AppleLog | null;
}
export interface AppleLog {
  /** Qualified, usable and readonly logs count; retired ones for SCTs signed before `since`. */
  state: "pending" | "qualified" | "usable" | "readonly" | "retired" | "rejected";
  /** RFC 3339: when the log entered that state. */
  since: string;
  /** The operator as Apple's list names it. */
  operator: string;
}
export interface CtPolicyVerdict {
  compliant: boolean;
  /** Distinct logs needed for the certificate's lifetime (2 up to 180 days, else 3). */
  required: number;
  counted: number;
  operators: string[];
  explanation: string;
}
/** Corrected chain files (`fullchain.pem`, `chain.pem`) and how to use them. */
export interface ChainFix {
  /** Whether the files reach a root; false when an intermediate is missing (see `missing`). */
  complete: boolean;
  /** Whether that root is trusted (Mozilla's, or one in `roots`). */
  trusted: boolean;
  /** The leaf, then each intermediate, without the root (PEM). */
  fullchain: string;
  /** The intermediates alone (PEM), for servers that take them apart from the leaf. */
  chain: string;
  /** What was changed from the input, in words; empty when it was already right. */
  changes: string[];
  note: string | null;
  /** Configuration lines that use the files. */
  servers: { server: string; lines: string }[];
  missing: {
    /** The name of the intermediate that was not given. */
    issuer: string;
    /** Where its CA publishes it (AIA caIssuers). */
    url: string | null;
    /** Shell commands that fetch it, convert it to PEM and build fullchain.pem. */
    commands: string[];
    /** Why browsers accept the site while curl, Java, Python or Android fail. */
    explanation: string;
  } | null;
}
/** Two certificates compared: `compare(a, b)`, `certscope diff`. */
export interface Comparison {
  a: ComparedCertificate;
  b: ComparedCertificate;
  /** Whether they are the same certificate (same DER). */
  identical: boolean;
  /** e.g. "Renewal with the same names and a new key; the OCSP URL is gone; the lifetime went from 398 to 90 days". */
  summary: string;
  /** Every field that differs, in certificate order. */
  differences: { field: string; change: "added" | "removed" | "changed"; before: string | null; after: string | null; meaning: string }[];
  /** The fields that are the same. */
  same: string[];
}
export interface ComparedCertificate { subject: string; issuer: string; serial: string; notAfter: string; sha256: string; location: Location }
export interface HeaderField { name: string; value: string; line: number }
export interface HttpResponse {
  line: number;
  version: string | null;
  status: number | null;
  reason: string;
  /** The status in plain words. */
  meaning: string;
  url: string | null;
  urlSource: "command" | "request" | "redirect" | "inferred" | "har" | null;
  headers: HeaderField[];
  /** What the browser recorded beside the headers (a response read from a HAR file). */
  recorded: RecordedExchange | null;
}
/** One request and response as a HAR file recorded it. */
export interface RecordedExchange {
  method: string;
  /** The browser's resource type ("document", "script", "fetch", "image"…), when recorded. */
  resourceType: string | null;
  serverAddress: string | null;
  tls: RecordedTls | null;
  /** Why the browser got no response ("net::ERR_…"), when it got none. */
  error: string | null;
}
/** The connection's TLS details as the browser recorded them (`_securityDetails`). */
export interface RecordedTls {
  protocol: string;
  keyExchange: string | null;
  cipher: string | null;
  subject: string | null;
  issuer: string | null;
  names: string[];
  validFrom: string | null;
  validTo: string | null;
}
export interface PreloadIssue { code: string; level: "error" | "warning"; message: string }
export interface Hsts {
  value: string;
  line: number;
  count: number;
  maxAge: number | null;
  includeSubDomains: boolean;
  preload: boolean;
  effective: boolean;
  ignoredBecause: string | null;
  preloadable: boolean;
  preloadIssues: PreloadIssue[];
}
export interface CspDirective { name: string; values: string[] }
/** Whose rule a CSP finding follows: the CSP Evaluator's default checks, its strict-CSP checks, its reporting check (as Lighthouse runs it), or certscope's own addition. */
export type CspSource = "evaluator" | "evaluator-strict" | "evaluator-reporting" | "certscope";
export interface CspEvaluatorFinding { type: string; severity: string; directive: string; value: string | null; description: string; source: CspSource }
export interface Csp {
  header: "content-security-policy" | "content-security-policy-report-only";
  policies: CspDirective[][];
  evaluator: CspEvaluatorFinding[];
  /** How many of the last `policies` come from the pasted page's <meta http-equiv> elements. */
  metaPolicies: number;
  /** Where Google's CSP Evaluator would show something else than its findings here, and why. */
  anchorNotes: string[];
}
/** A <meta http-equiv> or <meta name> element of a pasted page. */
export interface MetaTag { httpEquiv: string | null; name: string | null; content: string | null; line: number; afterScript: boolean }
/** A <script> element of a pasted page. */
export interface ScriptTag {
  /** As written; null for an inline script. */
  src: string | null;
  integrity: string | null;
  /** "" when present without a value. */
  crossorigin: string | null;
  line: number;
  /** The registrable domain of the src URL's host (Public Suffix List, ICANN section). */
  domain: string | null;
}
/** An HTML page pasted with (or instead of) its response headers. */
export interface HtmlPage { offset: number; line: number; metas: MetaTag[]; scripts: ScriptTag[] }
export interface Cookie {
  name: string;
  /** The value is never copied into the report; only its length. */
  valueBytes: number;
  line: number;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | null;
  domain: string | null;
  path: string | null;
  lifetime: string | null;
  sessionLike: boolean;
}
export interface ObservatoryTest {
  test: string;
  result: string;
  modifier: number;
  pass: boolean;
  /** false when a paste cannot show what the test needs; its modifier is then not counted. */
  judged: boolean;
  note: string | null;
}
export interface HttpSite {
  responses: HttpResponse[];
  /** The page's other responses (scripts, images, API calls) from a HAR file; empty for a paste. */
  subresources: HttpResponse[];
  /** What recorded the HAR file ("Playwright 1.65.1 (chromium 156…)"); null for a paste. */
  recordedBy: string | null;
  url: string | null;
  notes: string[];
  hsts: Hsts | null;
  /** Issues Chromium's HSTS preload list would raise (header, response and redirect checks). */
  preloadIssues: PreloadIssue[];
  csp: Csp | null;
  cspReportOnly: Csp | null;
  recommendedCsp: string;
  cookies: Cookie[];
  /** The page's HTML, when it was pasted: its <meta> policies and scripts. */
  page: HtmlPage | null;
  observatory: { score: number; grade: string; tests: ObservatoryTest[] };
  grade: { score: number; grade: string; observatoryScore: number; deductions: { id: string; points: number; reason: string }[] };
  findings: Finding[];
}
/** A certificate signing request (PKCS#10). */
export interface Csr {
  location: Location;
  subject: Name;
  publicKey: PublicKey;
  spkiSha256: string;
  signatureAlgorithm: NamedOid;
  /** The request is signed by its own key (proof of possession). */
  signatureValid: boolean;
  names: string[];
  extensions: Extension[];
  /** Attribute names only (a challenge password's value is never shown). */
  attributes: NamedOid[];
  findings: Finding[];
}
export interface RevokedEntry { serial: string; date: string; reason: string | null }
export interface Crl {
  location: Location;
  issuer: Name;
  thisUpdate: string;
  nextUpdate: string | null;
  number: string | null;
  signatureAlgorithm: NamedOid;
  /** Index in `certificates` of the pasted certificate whose key verifies it. */
  signedBy: number | null;
  revokedCount: number;
  /** The first 1,000 entries. */
  revoked: RevokedEntry[];
  findings: Finding[];
}
/** A private key, described by its public half only, or a public key. */
export interface Key {
  location: Location;
  /** false for a public key (PUBLIC KEY, RSA PUBLIC KEY or a DER SubjectPublicKeyInfo). */
  private: boolean;
  format: string;
  publicKey: string | null;
  spkiSha256: string | null;
  encryption: string | null;
  matchesCertificates: number[];
  matchesRequests: number[];
  note: string | null;
}
export interface CipherInfo { keyExchange: string; authentication: string; encryption: string; aead: boolean; forwardSecrecy: boolean }
export interface QuantumReport {
  keyExchange: "hybrid" | "post-quantum" | "obsolete-draft" | "classical" | "unknown";
  signature: "post-quantum" | "classical" | "unknown";
  /** e.g. "Key exchange quantum-safe (hybrid X25519MLKEM768); certificate signature not (ECDSA P-256)". */
  summary: string;
  /** What it means, and how to turn hybrid key exchange on when it is off. */
  explanation: string;
}
export interface Connection {
  /** "capture": read from a packet capture or TLS bytes (`line` is then its first packet). */
  tool: "openssl s_client" | "curl" | "capture";
  line: number;
  host: string | null;
  port: number | null;
  ip: string | null;
  protocol: string | null;
  cipher: string | null;
  cipherInfo: CipherInfo | null;
  group: string | null;
  postQuantum: boolean;
  /** Quantum-safe? The key exchange and the certificate signature, judged apart. */
  quantum: QuantumReport;
  peerSignature: string | null;
  alpn: string | null;
  ocsp: string | null;
  verify: { code: number | null; text: string; ok: boolean; meaning: string } | null;
  chain: { depth: number; subject: string; issuer: string; certificate: number | null }[];
  /** curl's "Server certificate:" lines as [field, value]. */
  serverCertificate: [string, string][];
  /** The handshake, step by step, with the values seen. */
  steps: string[];
  findings: Finding[];
}
export interface Pkcs12 {
  location: Location;
  mac: string | null;
  password: "none given" | "correct" | "wrong" | "not checked";
  contents: { kind: string; encryption: string | null; friendlyName: string | null; certificate: number | null; key: number | null; note: string | null }[];
}
export interface Report {
  evaluatedAt: string;
  inputBytes: number;
  certificates: Certificate[];
  /** Chain analysis for each end-entity certificate. */
  chains: Chain[];
  /** Certificate signing requests. */
  requests: Csr[];
  /** Certificate revocation lists. */
  crls: Crl[];
  /** Private keys (by their public half only) and public keys. */
  keys: Key[];
  /** PKCS#12 bundles and what they hold. */
  pkcs12: Pkcs12[];
  /** TLS connections from openssl s_client / curl -v transcripts. */
  connections: Connection[];
  /** The HTTPS configuration of each site whose HTTP responses were pasted. */
  http: HttpSite[];
  /** DNS answers (CAA, HTTPS/SVCB, TLSA) in the paste, checked against its certificates. */
  dns?: DnsReport[];
  /** A packet capture or TLS bytes, connection by connection (verdicts in `connections`). */
  captures?: CaptureReport[];
  /** OCSP responses, pasted or stapled in a capture. */
  ocsp?: OcspReport[];
  /** OCSP requests. */
  ocspRequests?: OcspRequest[];
  /** The document the certificates came from (SAML metadata, a JWK Set), when the input is one. */
  document?: Document;
  /** Findings about the input as a whole (e.g. a pasted private key). */
  findings: Finding[];
  errors: Problem[];
  /** The Public Suffix List (with its date) that a wildcard certificate was checked against, when one was. */
  publicSuffixList?: string;
  /** Capabilities this report still lacks: their module was not loaded (inspect() from the
   *  package loads them as needed; only `verify: false` leaves "verify" here). */
  pending: Capability[];
}
/** A part of the engine built and loaded on its own. */
export type Capability = "verify" | "http" | "pkcs12" | "documents" | "ssh" | "dns" | "html" | "pqc" | "capture" | "ocsp" | "psl" | "dsa" | "revocation" | "profiles";
/** An OCSP response (RFC 6960), explained. */
export interface OcspReport {
  location: Location;
  responseStatus: "successful" | "malformedRequest" | "internalError" | "tryLater" | "sigRequired" | "unauthorized";
  producedAt: string | null;
  responder: OcspResponder | null;
  /** One status per certificate asked about. */
  responses: OcspStatus[];
  /** Hex; stapled and pre-signed responses have none. */
  nonce: string | null;
  certificatesIncluded: number;
  signature: OcspSignature | null;
  findings: Finding[];
}
/** An OCSP request (RFC 6960 §4.1): which certificates a client asks about. */
export interface OcspRequest {
  location: Location;
  certificates: RequestedCertificate[];
  /** Hex: the responder is asked to echo it (many public responders answer from a cache instead). */
  nonce: string | null;
  requestor: string | null;
  signed: boolean;
}
/** A certificate as an OCSP CertID names it. */
export interface RequestedCertificate {
  serial: string;
  hashAlgorithm: string;
  /** Index in `certificates` of the pasted certificate it names. */
  certificate: number | null;
  subject: string | null;
  /** Index in `certificates` of the issuer its hashes name. */
  issuer: number | null;
}
export interface OcspResponder {
  name: string | null;
  /** SHA-1 of the responder's public key, hex. */
  keyHash: string | null;
  /** The subject of the certificate found for it. */
  subject: string | null;
  /** Index in `certificates`, when that certificate was pasted. */
  certificate: number | null;
}
export interface OcspStatus {
  serial: string;
  hashAlgorithm: string;
  /** Index in `certificates` of the certificate it is about. */
  certificate: number | null;
  subject: string | null;
  /** Index in `certificates` of the issuer its CertID names. */
  issuer: number | null;
  status: "good" | "revoked" | "unknown";
  revokedAt: string | null;
  reason: string | null;
  thisUpdate: string;
  nextUpdate: string | null;
  freshness: "fresh" | "expired" | "not-yet-valid" | "no-next-update";
  /** The SCTs the responder added for the certificate: the TLS-encoded list, base64 (RFC 6962 §3.3). */
  scts: string | null;
}
export interface OcspSignature {
  algorithm: string;
  verdict: "verified" | "invalid" | "no-signer" | "unchecked";
  /** Whether the signer may answer for the certificate's CA (RFC 6960 §4.2.2.2). */
  authority: "issuer" | "delegated" | "unauthorized" | "unknown";
  noCheck: boolean;
  detail: string | null;
}
/** A TLS registry value: its number and IANA name ("GREASE" for RFC 8701 values). */
export interface TlsValue { id: number; name: string }
export interface ClientHello {
  legacyVersion: TlsValue;
  versions: TlsValue[];
  cipherSuites: TlsValue[];
  compression: number[];
  extensions: TlsValue[];
  sni: string | null;
  groups: TlsValue[];
  keyShares: { group: TlsValue; length: number }[];
  signatureAlgorithms: TlsValue[];
  alpn: string[];
  pointFormats: number[];
  sessionIdLength: number;
  sessionTicket: boolean;
  psk: boolean;
  ech: boolean;
  statusRequest: boolean;
  ja3: string;
  ja3Hash: string;
  ja4: string;
}
export interface ServerHello {
  legacyVersion: TlsValue;
  version: TlsValue;
  cipherSuite: TlsValue;
  compression: number;
  extensions: TlsValue[];
  group: TlsValue | null;
  helloRetryRequest: boolean;
  downgradeSentinel: "TLS 1.2" | "TLS 1.1 or below" | null;
  alpn: string | null;
  sessionResumed: boolean;
  psk: boolean;
  ja3s: string;
  ja3sHash: string;
}
export interface CaptureMessage {
  from: "client" | "server";
  /** The packet that completed it (1-based); 0 for pasted bytes. */
  packet: number;
  /** Seconds since the connection's first packet. */
  time: number;
  kind: string;
  summary: string;
  offset: number;
  length: number;
  records: number;
  /** The bytes in hex (the first 4,096). */
  hex: string;
  /** Where each field is in those bytes (record or handshake header, hello fields, extensions). */
  fields: { name: string; offset: number; length: number; value: string }[];
}
export interface TlsConnection {
  client: string;
  server: string;
  tcpOpened: boolean;
  firstPacket: number;
  start: number;
  clientHello: ClientHello | null;
  secondClientHello: ClientHello | null;
  helloRetryRequest: ServerHello | null;
  serverHello: ServerHello | null;
  /** Certificates sent in the clear; they are report.certificates[certificatesFrom…]. */
  certificates: number;
  certificatesFrom: number | null;
  certificateEncrypted: boolean;
  stapledOcsp: string | null;
  /** The SCTs the server sent in the signed_certificate_timestamp extension: the TLS-encoded list, base64. */
  scts: string | null;
  serverKeyExchange: { group: TlsValue | null; keyLength: number; signature: TlsValue | null } | null;
  clientCertificateRequested: boolean;
  clientCertificates: number;
  resumed: boolean;
  alerts: { from: "client" | "server"; code: number; name: string; fatal: boolean; meaning: string }[];
  messages: CaptureMessage[];
  messagesLeftOut: number;
  retransmissions: number;
  outOfOrder: number;
  problems: string[];
  /** Index of this connection's verdicts in report.connections. */
  connection: number;
}
export interface CaptureReport {
  format: "pcap" | "pcapng" | "TLS bytes";
  linkTypes: string[];
  packets: number;
  tcpPackets: number;
  otherPackets: number;
  tcpConnections: number;
  connections: TlsConnection[];
  notes: string[];
}
export interface DnsRecord { name: string; ttl: number | null; type: string; data: string; line: number }
export interface Caa { name: string; critical: boolean; tag: string; value: string; issuer: string | null; parameters: [string, string][]; line: number }
export interface CaaCheck {
  name: string;
  foundAt: string;
  property: "issue" | "issuewild";
  /** null: any CA may issue; []: none may. */
  allowed: string[] | null;
  /** null when certscope does not know the CA's CAA domain. */
  issuerAllowed: boolean | null;
}
export interface EchConfig { version: number; configId: number | null; kem: string | null; publicKeyBytes: number | null; cipherSuites: string[]; publicName: string | null; maximumNameLength: number | null; extensions: number[] }
export interface DnsService {
  name: string;
  kind: "HTTPS" | "SVCB";
  priority: number;
  target: string;
  alpn: string[];
  noDefaultAlpn: boolean;
  port: number | null;
  ipv4hint: string[];
  ipv6hint: string[];
  ech: { configs: EchConfig[]; error: string | null } | null;
  mandatory: string[];
  other: [string, string][];
  line: number;
}
export interface Tlsa { name: string; usage: number; selector: number; matchingType: number; data: string; meaning: string; matches: number | null; line: number }
export interface DnsReport {
  tool: "dig" | "kdig" | "nslookup" | "doh-json" | null;
  /** The resolver's ad flag (null when the paste does not show it). */
  authenticated: boolean | null;
  records: DnsRecord[];
  caa: Caa[];
  caaChecks: CaaCheck[];
  services: DnsService[];
  tlsa: Tlsa[];
  findings: Finding[];
  truncated: boolean;
}
/** A document holding certificates or keys, described (the documents module). */
export type Document = ({ kind: "saml" } & SamlDocument) | ({ kind: "jwks" } & JwkSet) | ({ kind: "ssh" } & SshDocument);
export interface SshDocument {
  keys: SshKey[];
  keysSkipped: number;
  /** A certificate's signature still waits for the verify module (engine.js loads it unless verify: false). */
  unverified: boolean;
  findings: Finding[];
  errors: Problem[];
}
export interface SshKey {
  location: Location;
  /** As written, e.g. "ecdsa-sha2-nistp256-cert-v01@openssh.com". */
  algorithm: string;
  /** "ECDSA P-256", "RSA 3072-bit", "Ed25519", … */
  key: string;
  /** Size in bits, as ssh-keygen -l prints it. */
  bits: number | null;
  /** "SHA256:…", as ssh-keygen -l prints it. */
  fingerprint: string;
  comment: string;
  certificate: SshCertificate | null;
}
export interface SshCertificate {
  certType: "user" | "host";
  keyId: string;
  /** Decimal text (a u64). */
  serial: string;
  /** Empty: valid for any principal. */
  principals: string[];
  principalCount: number;
  /** RFC 3339; null: always / forever. */
  validAfter: string | null;
  validBefore: string | null;
  state: "valid" | "expired" | "notYetValid";
  criticalOptions: { name: string; value: string }[];
  extensions: string[];
  signingCa: { key: string; fingerprint: string; signatureAlgorithm: string; pasted: number | null };
  /** null: not checked. */
  signatureValid: boolean | null;
}
export interface SamlDocument {
  /** Root element: "EntityDescriptor", "EntitiesDescriptor", "Response", … */
  root: string;
  description: string;
  issuer: string | null;
  destination: string | null;
  entities: { entityId: string; validUntil: string | null; cacheDuration: string | null; roles: SamlRole[] }[];
  entitiesSkipped: number;
  /** Every <ds:X509Certificate>, in the order (and at the locations) of the report's certificates. */
  certificates: { location: Location; role: string; usage: "signing" | "encryption" | "signing and encryption" | "signature"; entity: number | null; subject: string | null; notAfter: string | null; expired: boolean | null }[];
  /** Carries a <ds:Signature> (shown, never checked). */
  signed: boolean;
  findings: Finding[];
  errors: Problem[];
}
export interface SamlRole {
  /** "IdP", "SP", "attribute authority", … */
  role: string;
  element: string;
  requestsSigned: string | null;
  wantAssertionsSigned: string | null;
  endpoints: { service: string; binding: string; location: string; index: string | null }[];
  nameIdFormats: string[];
}
export interface JwkSet {
  /** {"keys": [...]} rather than a lone JWK. */
  set: boolean;
  keys: Jwk[];
  keysSkipped: number;
  findings: Finding[];
  errors: Problem[];
}
export interface Jwk {
  location: Location;
  kty: string;
  crv: string | null;
  bits: number | null;
  kid: string | null;
  use: string | null;
  alg: string | null;
  keyOps: string[];
  description: string;
  /** RFC 7638 SHA-256 thumbprint, base64url. */
  thumbprint: string | null;
  /** Names of private members present; their values are never reported. */
  privateMembers: string[];
  /** Block numbers of its x5c certificates. */
  certificates: number[];
  x5cMatchesKey: boolean | null;
  x5t: { value: string; matches: boolean | null } | null;
  x5tS256: { value: string; matches: boolean | null } | null;
  x5u: string | null;
}
/** One TLV of a DER structure. */
export interface Asn1Node {
  /** "SEQUENCE", "INTEGER", "[3]", "OBJECT IDENTIFIER" … */
  tag: string;
  offset: number;
  headerLength: number;
  length: number;
  /** Primitive values as text; null for constructed ones. */
  value: string | null;
  children: Asn1Node[];
}
export interface InspectOptions {
  /** When to judge validity: RFC 3339 text, milliseconds since the epoch, or a Date. Default: now. */
  at?: string | number | Date;
  /** Check the chain for this hostname, IP address or email address. */
  host?: string;
  /** Trust anchors: "mozilla" (default), "none", or your own roots as PEM text or DER bytes. */
  roots?: "mozilla" | "none" | string | Uint8Array;
  /** With custom roots, also trust Mozilla's. Default false. */
  withMozilla?: boolean;
  /** Validate for a TLS server (default) or client. */
  usage?: "serverAuth" | "clientAuth";
  /** CRLs (PEM or DER) to check revocation against. */
  crls?: string | Uint8Array;
  /** Password for PKCS#12 bundles in the input. Used only to open them; never in the report. */
  password?: string;
  /** "all" (the default): every lint rule, so the profiles module loads for any certificate;
   *  "core": the core's rules, and the S/MIME and Code Signing BR for certificates of those
   *  kinds only (what `<certscope-view>` runs unless its `lints="all"` attribute is set). */
  lints?: "all" | "core";
  /** false: no chain verdict, and the verify module is not loaded. Default true. */
  verify?: boolean;
  /**
   * Also validate with the `rfc5280` profile (RFC 5280 §6.1 with certificate policy
   * processing): `true` for the defaults, or its inputs. Adds `Chain.rfc5280`.
   */
  rfc5280?: boolean | PolicyOptions;
  /**
   * For a packet capture: called as its packets are read, with the bytes read so far and the
   * capture's size (about every MiB, and once when all are read). Calls are synchronous, from
   * inside the analysis: post them on (as the page's Web Worker does), do not render in them.
   */
  onProgress?: (done: number, total: number) => void;
}
/** RFC 5280 §6.1.1's initial policy inputs. */
export interface PolicyOptions {
  /** user-initial-policy-set, dotted OIDs. Default: anyPolicy. */
  policies?: string[];
  /** initial-explicit-policy. */
  explicitPolicy?: boolean;
  /** initial-policy-mapping-inhibit. */
  inhibitPolicyMapping?: boolean;
  /** initial-any-policy-inhibit. */
  inhibitAnyPolicy?: boolean;
}
"#;

#[cfg_attr(feature = "module", allow(dead_code))]
fn js_error(e: impl core::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Reads every certificate in `input` (text or bytes) and explains it.
#[cfg(not(feature = "module"))]
#[wasm_bindgen(js_name = inspect, unchecked_return_type = "Report")]
pub fn inspect(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InspectOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let bytes = input_bytes(&input)?;
    let options = options_from(&options)?;
    let report = crate::inspect(&bytes, &options).map_err(js_error)?;
    to_js(&report)
}

/// Lists every certificate in `input` (text or bytes) — subject, issuer, serial, dates,
/// names, key, SHA-256 — without verifying, building chains or linting: for large bundles.
#[cfg(not(feature = "module"))]
#[wasm_bindgen(js_name = summarize, unchecked_return_type = "Summary")]
pub fn summarize(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
) -> Result<JsValue, JsError> {
    let summary = crate::summarize(&input_bytes(&input)?).map_err(js_error)?;
    to_js(&summary)
}

/// The raw ASN.1 of the first certificate (or other DER block) in `input`, as a tree.
#[cfg(not(feature = "module"))]
#[wasm_bindgen(js_name = asn1, unchecked_return_type = "Asn1Node[]")]
pub fn asn1(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
) -> Result<JsValue, JsError> {
    let tree = crate::asn1_of(&input_bytes(&input)?).map_err(js_error)?;
    to_js(&tree)
}

/// The version of certscope.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A report as plain JavaScript objects (maps as objects, missing values as `null`).
#[cfg_attr(feature = "module", allow(dead_code))]
fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(js_error)
}

#[cfg(not(feature = "module"))]
fn input_bytes(input: &JsValue) -> Result<Vec<u8>, JsError> {
    if let Some(text) = input.as_string() {
        return Ok(text.into_bytes());
    }
    if input.is_instance_of::<Uint8Array>() {
        return Ok(Uint8Array::new(input).to_vec());
    }
    if input.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(input).to_vec());
    }
    Err(JsError::new(
        "inspect: expected a string, Uint8Array or ArrayBuffer",
    ))
}

#[cfg(not(feature = "module"))]
fn field(options: &JsValue, name: &str) -> Result<JsValue, JsError> {
    Reflect::get(options, &JsValue::from_str(name))
        .map_err(|_| JsError::new("inspect: options must be an object"))
}

#[cfg(not(feature = "module"))]
fn options_from(options: &JsValue) -> Result<Options, JsError> {
    let now = || millis(Date::now());
    if options.is_undefined() || options.is_null() {
        return Ok(Options::at(now()?));
    }
    let at = field(options, "at")?;
    let seconds = if at.is_undefined() || at.is_null() {
        now()?
    } else if let Some(text) = at.as_string() {
        crate::parse_rfc3339(&text).map_err(js_error)?
    } else if let Some(ms) = at.as_f64() {
        millis(ms)?
    } else if at.is_instance_of::<Date>() {
        millis(Date::from(at).get_time())?
    } else {
        return Err(js_error(Error::BadTime {
            given: format!("{at:?}"),
        }));
    };
    let mut out = Options::at(seconds);
    if let Some(host) = field(options, "host")?.as_string() {
        out = out.host(host);
    }
    match field(options, "usage")?.as_string().as_deref() {
        None | Some("serverAuth") => {}
        Some("clientAuth") => out = out.usage(Usage::ClientAuth),
        Some(other) => {
            return Err(JsError::new(&format!(
                "inspect: usage must be \"serverAuth\" or \"clientAuth\", not {other:?}"
            )))
        }
    }
    let roots = field(options, "roots")?;
    let with_mozilla = field(options, "withMozilla")?.as_bool().unwrap_or(false);
    if !roots.is_undefined() && !roots.is_null() {
        match roots.as_string().as_deref() {
            Some("mozilla") => {}
            Some("none") => out = out.roots(Roots::None),
            _ => {
                let certificates = input_bytes(&roots)?;
                out = out.roots(Roots::Custom {
                    certificates,
                    with_mozilla,
                });
            }
        }
    }
    let crls = field(options, "crls")?;
    if !crls.is_undefined() && !crls.is_null() {
        out = out.crls(input_bytes(&crls)?);
    }
    if let Some(password) = field(options, "password")?.as_string() {
        out = out.password(password);
    }
    match field(options, "lints")?.as_string().as_deref() {
        None | Some("all") => {}
        Some("core") => out = out.lints(crate::Lints::Core),
        Some(other) => {
            return Err(JsError::new(&format!(
                "inspect: lints must be \"all\" or \"core\", not {other:?}"
            )))
        }
    }
    let policy = field(options, "rfc5280")?;
    if policy.as_bool() == Some(true) {
        out = out.rfc5280(crate::PolicyOptions::default());
    } else if policy.is_object() {
        let flag = |name: &str| -> Result<bool, JsError> {
            Ok(field(&policy, name)?.as_bool().unwrap_or(false))
        };
        let list = field(&policy, "policies")?;
        let mut initial_policy_set = Vec::new();
        if !list.is_undefined() && !list.is_null() {
            for item in js_sys::Array::from(&list).iter() {
                let oid = item.as_string().unwrap_or_default();
                if const_oid::ObjectIdentifier::new(&oid).is_err() {
                    return Err(JsError::new(&format!(
                        "inspect: rfc5280.policies holds \"{oid}\", which is not a dotted object identifier"
                    )));
                }
                initial_policy_set.push(oid);
            }
        }
        out = out.rfc5280(crate::PolicyOptions {
            initial_policy_set,
            initial_explicit_policy: flag("explicitPolicy")?,
            initial_policy_mapping_inhibit: flag("inhibitPolicyMapping")?,
            initial_any_policy_inhibit: flag("inhibitAnyPolicy")?,
        });
    }
    Ok(out)
}

#[cfg(not(feature = "module"))]
/// Milliseconds since the epoch (a JS time) to whole seconds.
// `as` from f64 saturates; the value is checked finite and non-negative first.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn millis(ms: f64) -> Result<u64, JsError> {
    if ms.is_finite() && ms >= 0.0 {
        Ok((ms / 1000.0) as u64)
    } else {
        Err(js_error(Error::BadTime {
            given: ms.to_string(),
        }))
    }
}

/// The verify module's exports: what the core calls through `services.js` when it was built
/// without the `verify` feature.
#[cfg(feature = "verify-module")]
mod verify_module {
    use wasm_bindgen::prelude::*;

    /// `""` when `signature` over `message` verifies with `spki` under `alg` (both DER),
    /// else a coded reason.
    #[wasm_bindgen(js_name = verifySignature)]
    pub fn verify_signature(message: &[u8], alg: &[u8], signature: &[u8], spki: &[u8]) -> String {
        crate::modules::verify_signature(message, alg, signature, spki)
    }

    /// The Ed25519 public key of a 32-byte seed (empty otherwise).
    #[wasm_bindgen(js_name = ed25519Public)]
    pub fn ed25519_public(seed: &[u8]) -> Vec<u8> {
        crate::modules::ed25519_public(seed)
    }

    /// Mozilla's roots, packed.
    #[wasm_bindgen(js_name = mozillaRoots)]
    pub fn mozilla_roots() -> Vec<u8> {
        crate::modules::mozilla_roots()
    }

    /// The corrected chain file of one chain (`ChainFix`, or null), from what `engine.js`
    /// reads of the report as `fix::input` does natively: every certificate's PEM and short
    /// name, the browser path as certificate indices (-1: the trust store's root) and whether
    /// it ends at a root, the verdict, and for a missing intermediate its name and URL. Plain
    /// arguments, not a deserialized object: serde's deserializer would add 27 KB.
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen(js_name = fixChain)]
    pub fn fix_chain(
        pems: Vec<String>,
        names: Vec<String>,
        path: &[i32],
        ends_at_root: bool,
        trusted: bool,
        problem: Option<String>,
        missing_issuer: Option<String>,
        missing_url: Option<String>,
    ) -> Result<JsValue, JsError> {
        let last = path.len().saturating_sub(1);
        let input = crate::fix::FixInput {
            certificates: pems
                .into_iter()
                .zip(names)
                .map(|(pem, name)| crate::fix::Given { pem, name })
                .collect(),
            path: path
                .iter()
                .enumerate()
                .map(|(k, &i)| crate::fix::Step {
                    certificate: usize::try_from(i).ok(),
                    root: ends_at_root && k == last,
                })
                .collect(),
            trusted,
            problem,
            missing_issuer,
            missing_url,
        };
        super::to_js(&crate::modules::fix_chain(&input))
    }
}

/// The compare module's export (also in the default build, for the wasm tests).
#[cfg(feature = "compare")]
pub use compare_module::compare as compare_certificates;

#[cfg(feature = "compare")]
mod compare_module {
    use wasm_bindgen::prelude::*;

    /// The end certificates of two reports compared (`Comparison`): `a` and `b` are
    /// `JSON.stringify(report.certificates)` of reports the core made; the error names the
    /// one that held no certificate.
    #[wasm_bindgen(js_name = compareCertificates, unchecked_return_type = "Comparison")]
    pub fn compare(a: &str, b: &str) -> Result<JsValue, JsError> {
        let parse = |json: &str| {
            serde_json::from_str::<serde_json::Value>(json)
                .map_err(|e| JsError::new(&e.to_string()))
        };
        let c = crate::compare::compare_reports(&parse(a)?, &parse(b)?)
            .map_err(|e| JsError::new(&e))?;
        super::to_js(&c)
    }
}

/// The pkcs12 module's exports.
#[cfg(feature = "pkcs12-module")]
mod pkcs12_module {
    use wasm_bindgen::prelude::*;

    /// Decrypts PBES2 `data` (AlgorithmIdentifier DER `alg`); the error is a sentence.
    #[wasm_bindgen(js_name = pkcs12Decrypt)]
    pub fn decrypt(alg: &[u8], password: &str, data: &[u8]) -> Result<Vec<u8>, JsError> {
        crate::modules::pkcs12_decrypt(alg, password, data).map_err(|e| JsError::new(&e))
    }

    /// Checks a PKCS#12 MAC (MacData DER): 1 good, 0 wrong, -1 cannot be checked.
    #[wasm_bindgen(js_name = pkcs12Mac)]
    pub fn mac(mac: &[u8], password: &str, content: &[u8]) -> i8 {
        match crate::modules::pkcs12_mac(mac, password, content) {
            Some(true) => 1,
            Some(false) => 0,
            None => -1,
        }
    }
}

/// The http module's export.
#[cfg(feature = "http-module")]
mod http_module {
    use wasm_bindgen::prelude::*;

    /// The header analysis of `text`: `{ http, errors }`, merged into the core's report by
    /// `engine.js`. `certOk`: whether the pasted chain was trusted.
    #[wasm_bindgen(js_name = analyseHttp)]
    pub fn analyse_http(text: &str, cert_ok: Option<bool>, html: &str) -> Result<JsValue, JsError> {
        super::to_js(&crate::modules::http(text, cert_ok, html))
    }
}

/// The html module's export.
#[cfg(feature = "html-module")]
mod html_module {
    use wasm_bindgen::prelude::*;

    /// The HTML pages in `text` and its hosts' registrable domains, as JSON for
    /// `analyseHttp`.
    #[wasm_bindgen(js_name = readHtml)]
    pub fn read_html(text: &str) -> Result<String, JsError> {
        serde_json::to_string(&crate::modules::html(text)).map_err(|e| JsError::new(&e.to_string()))
    }
}

/// The capture module's export.
#[cfg(feature = "capture-module")]
mod capture_module {
    use wasm_bindgen::prelude::*;

    /// A packet capture or TLS bytes, read, as JSON (`Capture`: the capture, its connections'
    /// verdicts, the certificates sent in the clear as PEM and the SNI to check them for; or
    /// `{ errors }` when the input cannot be read at all). `engine.js` inspects the PEM with the core and
    /// merges the rest, as `capture` in src/inspect/mod.rs does natively.
    /// `on_progress(done, total)`, when given, is called as the packets are read (bytes so far
    /// and the capture's size, about every MiB and once at the end): the page's progress bar.
    #[wasm_bindgen(js_name = readCapture)]
    pub fn read(input: &[u8], on_progress: Option<js_sys::Function>) -> Result<String, JsError> {
        let number = |n: usize| JsValue::from_f64(f64::from(u32::try_from(n).unwrap_or(u32::MAX)));
        let mut progress = |done: usize, total: usize| {
            if let Some(f) = &on_progress {
                // A callback that throws only loses its progress report.
                let _ = f.call2(&JsValue::NULL, &number(done), &number(total));
            }
        };
        // JSON, parsed by engine.js: for the thousands of objects of a large capture,
        // JSON.parse is several times faster than building each object across the boundary.
        let json = match crate::capture::read_reporting(input, &mut progress) {
            Ok(capture) => serde_json::to_string(&capture),
            Err(problem) => {
                #[derive(serde::Serialize)]
                struct Unreadable {
                    errors: [crate::Problem; 1],
                }
                serde_json::to_string(&Unreadable { errors: [*problem] })
            }
        };
        json.map_err(|e| JsError::new(&e.to_string()))
    }
}

/// The ocsp module's export.
#[cfg(feature = "ocsp-module")]
mod ocsp_module {
    use wasm_bindgen::prelude::*;

    /// What the module says of one OCSP response.
    #[derive(serde::Serialize)]
    struct Read {
        ocsp: Option<crate::OcspReport>,
        request: Option<crate::OcspRequestReport>,
        error: Option<crate::Problem>,
    }

    /// One OCSP response or request the core found (`Report.ocspInput`: its DER and place),
    /// read against the report's certificates (`certificates`: their PEM, in the report's
    /// order) at `at` (seconds), as `inspect` does natively: `{ ocsp }` or `{ request }`, or
    /// `{ error }` when it cannot be read. `engine.js` merges it into the report.
    #[wasm_bindgen(js_name = readOcsp)]
    pub fn read(
        der: &[u8],
        block: usize,
        line: Option<usize>,
        byte_offset: usize,
        certificates: &str,
        at: f64,
    ) -> Result<JsValue, JsError> {
        // `as` from f64 saturates; the value is checked finite and positive first.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let at = if at.is_finite() && at > 0.0 {
            at as u64
        } else {
            0
        };
        let location = crate::Location {
            block,
            line,
            byte_offset,
        };
        let (ocsp, request, error) = match crate::modules::ocsp(der, location, certificates, at) {
            Ok(crate::ocsp::Read::Response(r)) => (Some(*r), None, None),
            Ok(crate::ocsp::Read::Request(r)) => (None, Some(r), None),
            Err(e) => (None, None, Some(*e)),
        };
        let read = Read {
            ocsp,
            request,
            error,
        };
        super::to_js(&read)
    }
}

/// The ct module's export: a chain's end-entity SCTs checked (`engine.js` merges the result).
#[cfg(feature = "ct-module")]
mod ct_module {
    use wasm_bindgen::prelude::*;

    /// The CT check of a chain's end entity (`CtReport`, or null when it carries no SCTs):
    /// its DER, the SHA-256 of its issuer's SubjectPublicKeyInfo (the pasted certificate after
    /// it on the browser path; empty when none), its lifetime and the time of check in seconds,
    /// and the SCT lists delivered beside it (`tls <base64>` / `ocsp <base64>` lines), as
    /// src/inspect/ct.rs reads them natively.
    #[wasm_bindgen(js_name = ctCheck)]
    pub fn ct_check(
        leaf: &[u8],
        issuer_key_hash: &[u8],
        lifetime: f64,
        at: f64,
        delivered: &str,
    ) -> Result<JsValue, JsError> {
        // `as` from f64 saturates; the value is checked finite and positive first.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let seconds = |t: f64| {
            if t.is_finite() && t > 0.0 {
                t as u64
            } else {
                0
            }
        };
        let hash = (!issuer_key_hash.is_empty()).then_some(issuer_key_hash);
        super::to_js(&crate::modules::ct_check(
            leaf,
            hash,
            seconds(lifetime),
            seconds(at),
            delivered,
        ))
    }
}

#[cfg(feature = "pqc-module")]
mod pqc_module {
    use wasm_bindgen::prelude::*;

    /// An ML-DSA, SLH-DSA or composite ML-DSA signature check: DER in; `""` when it verifies,
    /// else a letter and the reason (`A…` for any other algorithm). A composite's traditional
    /// half is checked by the verify module, through `services.js`.
    #[wasm_bindgen(js_name = verifySignature)]
    pub fn verify_signature(message: &[u8], alg: &[u8], signature: &[u8], spki: &[u8]) -> String {
        crate::modules::verify_ml_dsa(message, alg, signature, spki)
    }

    /// The public key of an ML-DSA private key (`alg` dotted; `key` the PKCS#8 privateKey
    /// octets: seed, expanded key or both). Throws with the reason when it cannot.
    #[wasm_bindgen(js_name = mlDsaPublic)]
    pub fn ml_dsa_public(alg: &str, key: &[u8]) -> Result<Vec<u8>, JsError> {
        crate::modules::ml_dsa_public(alg, key).map_err(|e| JsError::new(&e))
    }
}

/// The dns module's exports.
#[cfg(feature = "dns-module")]
mod dns_module {
    use wasm_bindgen::prelude::*;

    /// The DNS answers in `text` (null when there are none), checked against `certificates`:
    /// JSON `[{ der (base64), sha256, spkiSha256 (hex), names, issuer, ca, index }]`, the end
    /// certificate first, as `engine.js` builds it from the core's report.
    #[wasm_bindgen(js_name = analyseDns)]
    pub fn analyse_dns(text: &str, certificates: &str) -> Result<JsValue, JsError> {
        let certs = crate::DnsCertificate::list_from_json(certificates);
        super::to_js(&crate::analyse_dns(text, &certs))
    }
}

/// The profiles module's export: the S/MIME and Code Signing BR lints, and the deeper catalogue
/// (`lints: "all"`); loaded only for certificates of those kinds, or when all lints are asked for.
#[cfg(feature = "profiles-module")]
mod profiles_module {
    use wasm_bindgen::prelude::*;

    /// The findings of the S/MIME and Code Signing profiles' rules, and of the deeper catalogue
    /// when `deep`, on one certificate (DER), whose self-signature the core judged
    /// (`selfSigned`), whose `publicRulesNote` is `note` and whose findings have the ids in
    /// `existing` (one per line): `{ findings: Finding[], named: [id, zlint, pkilint][] }`, the
    /// new findings and the names of rules that say the same as an existing one; `document`:
    /// it came in a SAML or JWK document. `engine.js` adds them to that certificate's findings.
    #[wasm_bindgen(js_name = lintProfiles)]
    pub fn lint_profiles(
        der: &[u8],
        self_signed: bool,
        deep: bool,
        note: Option<String>,
        existing: &str,
        document: bool,
    ) -> Result<JsValue, JsError> {
        let note = note.as_deref();
        let findings =
            crate::modules::lint_profiles(der, self_signed, deep, note, existing, document)
                .map_err(|e| JsError::new(&e.to_string()))?;
        super::to_js(&findings)
    }

    /// The findings of the CRL rules on one CRL, from the `lintInput` the core left on it
    /// (`der` decoded from its base64): `Finding[]`, which `engine.js` adds to the CRL's.
    #[wasm_bindgen(js_name = lintCrl)]
    pub fn lint_crl(
        der: &[u8],
        issuer_is_root: bool,
        note: Option<String>,
    ) -> Result<JsValue, JsError> {
        let findings = crate::modules::lint_crl(der, issuer_is_root, note.as_deref())
            .map_err(|e| JsError::new(&e.to_string()))?;
        super::to_js(&findings)
    }
}

/// The documents module's exports.
#[cfg(feature = "documents-module")]
mod documents_module {
    use wasm_bindgen::prelude::*;

    /// The certificates of the SAML or JWK document in `input`, packed for the core.
    #[wasm_bindgen(js_name = documentCertificates)]
    pub fn certificates(input: &[u8]) -> Vec<u8> {
        crate::modules::document_certificates(input)
    }

    /// The description of the document in `input` (null when it is none), certificate dates
    /// judged at `at` (RFC 3339, the report's `evaluatedAt`); merged into the core's report
    /// by `engine.js`.
    #[wasm_bindgen(js_name = readDocument)]
    pub fn read(input: &[u8], at: &str) -> Result<JsValue, JsError> {
        let at = crate::parse_rfc3339(at).map_err(|e| JsError::new(&e.to_string()))?;
        super::to_js(&crate::modules::document(input, at))
    }
}

/// The ssh module's export.
#[cfg(feature = "ssh-module")]
mod ssh_module {
    use wasm_bindgen::prelude::*;

    /// The OpenSSH keys and certificates in `input`, described (null when there are none),
    /// validity judged at `at` (RFC 3339); merged into the core's report by `engine.js`.
    #[wasm_bindgen(js_name = readDocument)]
    pub fn read(input: &[u8], at: &str) -> Result<JsValue, JsError> {
        let at = crate::parse_rfc3339(at).map_err(|e| JsError::new(&e.to_string()))?;
        super::to_js(&crate::modules::document(input, at))
    }
}

/// The policy module's export: RFC 5280 certificate policy processing for the `rfc5280`
/// verdict, loaded only when that verdict was asked for.
#[cfg(feature = "policy-module")]
mod policy_module {
    use wasm_bindgen::prelude::*;

    /// Certificate policy processing of one `rfc5280` verdict: its `policyInput` in,
    /// `{ policy, problem }` out (`problem` null when the policies allow the path);
    /// `engine.js` applies them as `apply_policy` in src/chain/mod.rs does natively.
    #[wasm_bindgen(js_name = policyCheck)]
    pub fn policy_check(input: &str) -> Result<JsValue, JsError> {
        super::to_js(&crate::modules::policy_check(input))
    }
}

/// The dsa module's export: DSA signatures for the core's `rfc5280` verdict (through
/// `services.js`).
#[cfg(feature = "dsa-module")]
mod dsa_module {
    use wasm_bindgen::prelude::*;

    /// DER in, a verify code out, `A…` for any other algorithm. Only the `rfc5280` verdict
    /// accepts DSA.
    #[wasm_bindgen(js_name = verifySignature)]
    pub fn verify_signature(message: &[u8], alg: &[u8], signature: &[u8], spki: &[u8]) -> String {
        crate::modules::verify_dsa(message, alg, signature, spki)
    }
}

/// The revocation module's export: one validated path checked against the CRLs given (RFC 5280
/// §6.3), for the core through `services.js`.
#[cfg(feature = "revocation-module")]
mod revocation_module {
    use wasm_bindgen::prelude::*;

    /// The core's text for one path in; empty when every certificate is good, else
    /// `code TAB certificate TAB message`.
    #[wasm_bindgen(js_name = checkRevocation)]
    pub fn check_revocation(input: &str) -> String {
        crate::modules::revocation_check(input)
    }
}

/// The psl module's export: is a domain a public suffix, and in which section of the list.
#[cfg(feature = "psl-module")]
mod psl_module {
    use wasm_bindgen::prelude::*;

    /// 0: `domain` (lowercase, no trailing dot) is not a listed public suffix; 1: it is, in
    /// the ICANN section; 2: in the private section.
    #[wasm_bindgen(js_name = publicSuffix)]
    pub fn public_suffix(domain: &str) -> u8 {
        crate::psl::code(domain)
    }
}

/// What the core calls when its capability modules were built apart: `services.js` passes
/// each call to the module once `engine.js` has loaded it, and answers "not loaded" before.
/// The ssh, ct, ocsp and pqc modules use it too, to check signatures with the verify module
/// (the pqc module for the traditional half of a composite signature).
#[cfg(any(
    feature = "ssh-module",
    feature = "ct-module",
    feature = "ocsp-module",
    feature = "pqc-module",
    feature = "revocation-module",
    not(any(
        feature = "module",
        all(feature = "verify", feature = "pkcs12", feature = "documents")
    ))
))]
pub(crate) mod services {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(raw_module = "./services.js")]
    extern "C" {
        #[wasm_bindgen(js_name = verifySignature, catch)]
        fn verify_js(m: &[u8], a: &[u8], s: &[u8], k: &[u8]) -> Result<Option<String>, JsValue>;
        #[wasm_bindgen(js_name = ed25519Public, catch)]
        fn ed25519_js(seed: &[u8]) -> Result<Option<Vec<u8>>, JsValue>;
        #[wasm_bindgen(js_name = mozillaRoots, catch)]
        fn roots_js() -> Result<Option<Vec<u8>>, JsValue>;
        #[wasm_bindgen(js_name = loaded)]
        fn loaded_js(capability: &str) -> bool;
        #[wasm_bindgen(js_name = pkcs12Decrypt, catch)]
        fn decrypt_js(a: &[u8], p: &str, d: &[u8]) -> Result<Option<Vec<u8>>, JsValue>;
        #[wasm_bindgen(js_name = pkcs12Mac, catch)]
        fn mac_js(m: &[u8], p: &str, c: &[u8]) -> Result<i8, JsValue>;
        #[wasm_bindgen(js_name = documentCertificates, catch)]
        fn document_js(input: &[u8]) -> Result<Option<Vec<u8>>, JsValue>;
        #[wasm_bindgen(js_name = mlDsaPublic, catch)]
        fn ml_dsa_public_js(alg: &str, key: &[u8]) -> Result<Option<Vec<u8>>, JsValue>;
        #[wasm_bindgen(js_name = publicSuffix, catch)]
        fn public_suffix_js(domain: &str) -> Result<Option<u8>, JsValue>;
        #[wasm_bindgen(js_name = checkRevocation, catch)]
        fn check_revocation_js(input: &str) -> Result<Option<String>, JsValue>;
    }

    /// The revocation module's answer for one path (see `src/chain/revocation/wire.rs`);
    /// `None` until it is loaded.
    #[cfg_attr(any(feature = "revocation", feature = "module"), allow(dead_code))]
    pub(crate) fn check_revocation(input: &str) -> Option<String> {
        check_revocation_js(input).ok().flatten()
    }

    /// The psl module's answer for `domain` (0 none, 1 ICANN, 2 private); `Err` until it is
    /// loaded.
    #[cfg_attr(any(feature = "psl", feature = "module"), allow(dead_code))]
    pub(crate) fn public_suffix(domain: &str) -> Result<u8, ()> {
        public_suffix_js(domain).ok().flatten().ok_or(())
    }

    /// The public half of an ML-DSA private key from the pqc module: `None` until it is
    /// loaded, `Some(Err(reason))` when it refuses the key.
    #[cfg_attr(any(feature = "pqc", feature = "module"), allow(dead_code))]
    pub(crate) fn ml_dsa_public(alg: &str, key: &[u8]) -> Option<Result<Vec<u8>, String>> {
        use wasm_bindgen::JsCast;
        match ml_dsa_public_js(alg, key) {
            Ok(Some(public)) => Some(Ok(public)),
            Ok(None) => None,
            Err(e) => Some(Err(e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "the pqc module refused the key".into()))),
        }
    }

    /// Documents read by the documents module: None until it is loaded.
    #[cfg_attr(any(feature = "documents", feature = "module"), allow(dead_code))]
    pub(crate) mod documents {
        pub(crate) fn embedded(input: &[u8]) -> Option<Vec<crate::documents::Embedded>> {
            super::document_js(input)
                .ok()
                .flatten()
                .map(|b| crate::documents::unpack(&b))
        }
    }

    use crate::signature::VerifyError;

    #[cfg_attr(any(feature = "verify", feature = "module"), allow(dead_code))]
    pub(crate) fn verify(m: &[u8], a: &[u8], s: &[u8], k: &[u8]) -> Result<(), VerifyError> {
        match verify_js(m, a, s, k) {
            Ok(Some(code)) => VerifyError::from_code(&code),
            _ => Err(VerifyError::Unavailable),
        }
    }

    #[cfg_attr(any(feature = "verify", feature = "module"), allow(dead_code))]
    pub(crate) fn available() -> bool {
        loaded_js("verify")
    }

    /// Whether `engine.js` has loaded `capability` ("pqc").
    #[cfg_attr(any(feature = "pqc", feature = "module"), allow(dead_code))]
    pub(crate) fn loaded(capability: &str) -> bool {
        loaded_js(capability)
    }

    #[cfg_attr(any(feature = "verify", feature = "module"), allow(dead_code))]
    pub(crate) fn ed25519_public(seed: &[u8; 32]) -> Option<[u8; 32]> {
        ed25519_js(seed).ok().flatten()?.try_into().ok()
    }

    #[cfg_attr(any(feature = "verify", feature = "module"), allow(dead_code))]
    pub(crate) fn mozilla_roots() -> Vec<u8> {
        roots_js().ok().flatten().unwrap_or_default()
    }

    /// PKCS#12 decryption through the pkcs12 module.
    #[cfg_attr(any(feature = "pkcs12", feature = "module"), allow(dead_code))]
    pub(crate) mod pkcs12 {
        pub(crate) fn decrypt(alg: &[u8], password: &str, data: &[u8]) -> Result<Vec<u8>, String> {
            match super::decrypt_js(alg, password, data) {
                Ok(Some(plain)) => Ok(plain),
                Ok(None) => Err(crate::pkcs12::UNAVAILABLE.into()),
                Err(e) => Err(e
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_else(|| "decryption failed".into())),
            }
        }
        pub(crate) fn mac(mac: &[u8], password: &str, content: &[u8]) -> Option<bool> {
            match super::mac_js(mac, password, content) {
                Ok(1) => Some(true),
                Ok(0) => Some(false),
                _ => None,
            }
        }
        pub(crate) fn available() -> bool {
            super::loaded_js("pkcs12")
        }
        use wasm_bindgen::JsCast;
    }
}
