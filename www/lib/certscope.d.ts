/* tslint:disable */
/* eslint-disable */

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
    cspEvaluator?: { type: string; severity: string };
    /** HSTS findings: issue codes of Chromium's preload list. */
    hstsPreload?: string[];
    /** Certificate lints: the zlint lint that checks the same rule, e.g. "e_ext_san_missing". */
    zlint?: string;
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
     *  "unsupported-block", "other-format" (a Java keystore, an SSH key), "nothing-recognised",
     *  "input-too-large", "too-many-blocks", "http-line" or "bad-time". */
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
    findings: Finding[];
}
export type Profile = "browser" | "strict";
/** One certificate on a path, leaf first. `certificate` indexes `Report.certificates`. */
export interface Link { certificate: number | null; name: string; kind: "leaf" | "intermediate" | "root"; failed: boolean }
export interface ChainProblem {
    /** "expired", "unknown-issuer", "untrusted-root", "bad-signature", "not-a-ca", "path-len",
     *  "name-constraints", "eku", "hostname", "revoked", "strict:…" and others. */
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
}
export interface Chain {
    /** Index of the end-entity certificate in `Report.certificates`. */
    leaf: number;
    host: string | null;
    /** What current browsers decide. */
    browser: Verdict;
    /** Browser rules plus RFC 5280 and CA/Browser Forum rules. */
    strict: Verdict;
    /** What the certificates sent say about the server's configuration. */
    findings: Finding[];
}
export interface HeaderField { name: string; value: string; line: number }
export interface HttpResponse {
    line: number;
    version: string | null;
    status: number | null;
    reason: string;
    /** The status in plain words. */
    meaning: string;
    url: string | null;
    urlSource: "command" | "request" | "redirect" | "inferred" | null;
    headers: HeaderField[];
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
export interface CspEvaluatorFinding { type: string; severity: string; directive: string; value: string | null; description: string }
export interface Csp {
    header: "content-security-policy" | "content-security-policy-report-only";
    policies: CspDirective[][];
    evaluator: CspEvaluatorFinding[];
}
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
    url: string | null;
    notes: string[];
    hsts: Hsts | null;
    /** Issues Chromium's HSTS preload list would raise (header, response and redirect checks). */
    preloadIssues: PreloadIssue[];
    csp: Csp | null;
    cspReportOnly: Csp | null;
    recommendedCsp: string;
    cookies: Cookie[];
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
export interface Connection {
    tool: "openssl s_client" | "curl";
    line: number;
    host: string | null;
    port: number | null;
    ip: string | null;
    protocol: string | null;
    cipher: string | null;
    cipherInfo: CipherInfo | null;
    group: string | null;
    postQuantum: boolean;
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
    /** Findings about the input as a whole (e.g. a pasted private key). */
    findings: Finding[];
    errors: Problem[];
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
}



/**
 * The raw ASN.1 of the first certificate (or other DER block) in `input`, as a tree.
 */
export function asn1(input: string | Uint8Array): Asn1Node[];

/**
 * Reads every certificate in `input` (text or bytes) and explains it.
 */
export function inspect(input: string | Uint8Array, options: InspectOptions): Report;

/**
 * Lists every certificate in `input` (text or bytes) — subject, issuer, serial, dates,
 * names, key, SHA-256 — without verifying, building chains or linting: for large bundles.
 */
export function summarize(input: string | Uint8Array): Summary;

/**
 * The version of certscope.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly asn1: (a: any) => [number, number, number];
    readonly inspect: (a: any, b: any) => [number, number, number];
    readonly summarize: (a: any) => [number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
