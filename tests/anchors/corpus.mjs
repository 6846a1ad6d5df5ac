// The generated corpus of the differential tests (tests/node/anchors.test.mjs): CSP policies
// and HTTP header sets drawn by a seeded generator, so every run sees the same inputs and a
// disagreement can be reproduced from its index. The hosts come from the CSP Evaluator's own
// bypass lists (passed in by the caller, read from the installed package), so a drift between
// certscope's copy and the anchor's shows up here.

/** mulberry32: a small seeded generator (public domain), enough for test inputs. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (r, n) => Array.from({ length: n }, () => r.pick(B64)).join('');

const DIRECTIVES = [
  'default-src', 'script-src', 'script-src-elem', 'script-src-attr', 'style-src', 'style-src-elem',
  'object-src', 'base-uri', 'form-action', 'frame-ancestors', 'img-src', 'connect-src', 'font-src',
  'frame-src', 'worker-src', 'child-src', 'media-src', 'manifest-src', 'report-uri', 'report-to',
  'require-trusted-types-for', 'trusted-types', 'upgrade-insecure-requests', 'sandbox',
  'block-all-mixed-content', 'plugin-types', 'reflected-xss', 'referrer', 'prefetch-src',
  'navigate-to', 'fenced-frame-src', 'webrtc', 'script-src-v2', 'foo-src', 'Script-Src', 'OBJECT-SRC',
];
// The directives that matter most are drawn more often.
const WEIGHTED = ['script-src', 'script-src', 'script-src', 'default-src', 'default-src', 'object-src', 'object-src', 'base-uri', 'style-src'];

const KEYWORDS = [
  "'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'wasm-unsafe-eval'",
  "'unsafe-hashes'", "'report-sample'", "'inline-speculation-rules'", "'unsafe-allow-redirects'",
  "'wasm-eval'", "'Self'", "'NONE'", 'self', 'none', 'unsafe-inline', "'self", "self'", "'script'", "'foo'",
];
const SCHEMES = ['http:', 'https:', 'data:', 'blob:', 'filesystem:', 'ws:', 'wss:', 'javascript:', 'mediastream:', 'HTTPS:'];
const PLAIN_HOSTS = [
  '*', 'example.com', '*.example.com', 'https://example.com', 'http://example.com', 'https://cdn.example.com/js/',
  'http://*.example.com', '//example.com', 'example.com:443', 'https://example.com:*', '127.0.0.1', 'http://127.0.0.1:8080',
  '10.0.0.1', 'https://[::1]', 'localhost', 'https://*', 'http://*', 'https://*.com', '*.*', 'example.com/path/file.js',
  'https://ajax.googleapis.com', 'https://www.gstatic.com/', 'https:/example.com', 'http:example.com',
];

function nonce(r) {
  switch (r.int(9)) {
    case 0: return `'nonce-${b64(r, 2 + r.int(6))}'`; // too short
    case 1: return `'nonce-${b64(r, 12)}!#'`; // bad charset
    case 2: return `nonce-${b64(r, 16)}`; // unquoted
    case 3: return `'nonce-${b64(r, 16)}`; // unclosed
    case 4: return "'nonce-'";
    case 5: return `'NONCE-${b64(r, 16)}'`;
    case 6: return `'nonce-${b64(r, 22)}=='`;
    case 7: return `'nonce-${b64(r, 8)}_-'`;
    default: return `'nonce-${b64(r, 16 + r.int(16))}'`;
  }
}

function hash(r) {
  const alg = r.pick(['sha256', 'sha256', 'sha384', 'sha512', 'sha1', 'SHA256', 'sha-256', 'md5']);
  const len = { sha256: 43, SHA256: 43, 'sha-256': 43, sha384: 64, sha512: 86, sha1: 27, md5: 22 }[alg];
  switch (r.int(7)) {
    case 0: return `'${alg}-${b64(r, len - 5)}='`; // wrong length
    case 1: return `${alg}-${b64(r, len)}=`; // unquoted
    case 2: return `'${alg}-${b64(r, len).replace(/[+/]/g, '-')}='`; // base64url
    case 3: return `'${alg}-'`;
    default: return `'${alg}-${b64(r, len)}${len % 4 === 3 ? '=' : len % 4 === 2 ? '==' : ''}'`;
  }
}

function bypassHost(r, lists) {
  const url = r.pick(r.chance(0.6) ? lists.jsonp : r.chance(0.7) ? lists.angular : lists.flash);
  const host = url.replace(/^\/\//, '').split('/')[0];
  switch (r.int(7)) {
    case 0: return host;
    case 1: return `https://${host}`;
    case 2: return `http://${host}/`;
    case 3: return `https:${url}`; // the full path
    case 4: return `*.${host.split('.').slice(-2).join('.')}`;
    case 5: return `https://${host}/some/other/path.js`;
    default: return `//${host}`;
  }
}

function value(r, lists, directive) {
  const k = r.int(100);
  if (directive === 'require-trusted-types-for') return r.pick(["'script'", 'script', "'foo'"]);
  if (directive === 'report-uri' || directive === 'report-to') return r.pick(['/csp', 'https://report.example.com/r', 'endpoint-1', 'csp-endpoint']);
  if (directive === 'sandbox') return r.pick(['allow-scripts', 'allow-same-origin', 'allow-forms', 'bogus']);
  if (directive === 'trusted-types') return r.pick(['default', "'none'", "'allow-duplicates'", 'dompurify']);
  if (k < 30) return r.pick(KEYWORDS);
  if (k < 40) return nonce(r);
  if (k < 48) return hash(r);
  if (k < 60) return r.pick(SCHEMES);
  if (k < 78) return r.pick(PLAIN_HOSTS);
  if (k < 95) return bypassHost(r, lists);
  return r.pick(['default-src', 'script-src', 'object-src', 'report-uri', 'https://example.com;']);
}

/** One CSP header value. */
export function policy(r, lists) {
  const parts = [];
  const n = r.chance(0.08) ? 0 : 1 + r.int(r.chance(0.2) ? 9 : 5);
  for (let i = 0; i < n; i++) {
    const name = r.chance(0.45) ? r.pick(WEIGHTED) : r.pick(DIRECTIVES);
    const count = name === 'upgrade-insecure-requests' || name === 'block-all-mixed-content' ? (r.chance(0.9) ? 0 : 1) : r.int(r.chance(0.3) ? 8 : 4);
    const values = Array.from({ length: count }, () => value(r, lists, name));
    parts.push([name, ...values].join(r.chance(0.03) ? '  ' : ' '));
  }
  let sep = r.pick(['; ', '; ', '; ', ';', ' ; ']);
  let text = parts.join(sep);
  if (r.chance(0.1)) text += ';';
  if (r.chance(0.03)) text = ` ${text} `;
  return text;
}

/** `count` policies from `seed`. */
export function policies(count, seed, lists) {
  const r = rng(seed);
  return Array.from({ length: count }, () => policy(r, lists));
}

const COOKIE_NAMES = ['SESSIONID', 'sessionid', 'login_token', 'csrftoken', 'XSRF-TOKEN', 'prefs', 'theme', '__Host-sess', '__Secure-id', 'heroku-session-affinity', 'lang', 'anticsrf'];

function cookie(r) {
  const attrs = [];
  if (r.chance(0.6)) attrs.push('Path=/');
  if (r.chance(0.2)) attrs.push('Domain=certscope.test');
  if (r.chance(0.55)) attrs.push(r.pick(['Secure', 'secure', 'Secure']));
  if (r.chance(0.5)) attrs.push('HttpOnly');
  if (r.chance(0.5)) attrs.push(r.pick(['SameSite=Lax', 'SameSite=Strict', 'SameSite=None', 'SameSite=lax', 'SameSite=bogus', 'SameSite', 'SameSite=']));
  if (r.chance(0.15)) attrs.push('Max-Age=3600');
  if (r.chance(0.1)) attrs.push('Expires=Wed, 21 Oct 2037 07:28:00 GMT');
  const shuffled = attrs.sort(() => r.next() - 0.5);
  return [`${r.pick(COOKIE_NAMES)}=${b64(r, 6).replace(/[+/=]/g, 'x')}`, ...shuffled].join('; ');
}

/** Values for the headers the Observatory grades, valid and not. */
const HEADER_VALUES = {
  'strict-transport-security': [
    'max-age=63072000; includeSubDomains; preload', 'max-age=31536000', 'max-age=15768000', 'max-age=300', 'max-age=0',
    'max-age=forever', 'includeSubDomains', 'max-age=63072000; includeSubDomains', 'max-age="31536000"', 'max-age=31536000; max-age=1',
    'max-age = 31536000', 'MAX-AGE=31536000; preload', 'max-age=15552000; preload', 'max-age=-1', '',
  ],
  'x-frame-options': ['DENY', 'SAMEORIGIN', 'deny', 'ALLOW-FROM https://example.com', 'sameorigin, deny', 'bogus', ''],
  'x-content-type-options': ['nosniff', 'NOSNIFF', 'nosniff, nosniff', 'sniff', ''],
  'referrer-policy': [
    'no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin', 'origin-when-cross-origin', 'origin',
    'no-referrer-when-downgrade', 'unsafe-url', 'bogus', 'no-referrer, unsafe-url', 'unsafe-url, no-referrer', 'NO-REFERRER', '',
  ],
  'cross-origin-resource-policy': ['same-origin', 'same-site', 'cross-origin', 'bogus', 'SAME-ORIGIN', ''],
  'access-control-allow-origin': ['*', 'https://certscope.test', 'null', 'https://http-observatory.security.mozilla.org'],
  'access-control-allow-credentials': ['true', 'false'],
  'cross-origin-opener-policy': ['same-origin', 'same-origin-allow-popups', 'unsafe-none', 'bogus'],
  'cross-origin-embedder-policy': ['require-corp', 'credentialless', 'unsafe-none', 'bogus'],
};

/** CSP values the Observatory's analyzer distinguishes. */
const OBSERVATORY_CSPS = [
  "default-src 'none'", "default-src 'self'", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "default-src 'self'; script-src 'self' 'unsafe-inline'", "default-src 'self'; script-src 'self' 'unsafe-eval'", "script-src https:",
  "default-src https:", "default-src 'self'; style-src 'self' 'unsafe-inline'", "default-src *", "default-src 'self' http:",
  "default-src 'self'; img-src http:", "default-src 'self'; script-src 'nonce-abcdefgh12345678' 'strict-dynamic'",
  "script-src 'strict-dynamic' 'nonce-abcdefgh12345678' 'unsafe-inline' https:; object-src 'none'; base-uri 'none'",
  "default-src 'none'; frame-ancestors 'none'", "upgrade-insecure-requests", "default-src 'self'; object-src data:",
  "default-src 'self'; script-src 'self' data:", "frame-ancestors 'self'", "default-src 'self'; report-uri /csp",
  "default-src 'self';; script-src 'self'", "DEFAULT-SRC 'SELF'", "default-src 'self', script-src 'unsafe-inline'",
  "default-src 'none'; script-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'", "script-src 'none'",
];

// Script URLs on the page's own host and site (certscope.test), on other sites (registrable
// domains under multi-label suffixes, a private-section suffix, an IP), relative,
// protocol-relative, other schemes, in upper case and with surrounding spaces.
const SCRIPT_SRCS = [
  '/js/app.js', 'js/app.js', './a.js', '?v=1', 'https://certscope.test/a.js', 'https://cdn.certscope.test/a.js',
  'http://certscope.test/a.js', 'http://cdn.certscope.test/a.js', '//cdn.certscope.test/a.js', '//cdn.other.example/a.js',
  'https://cdn.jsdelivr.net/npm/x@1/x.js', 'http://cdn.jsdelivr.net/x.js', 'https://ajax.googleapis.com/ajax/libs/x.js',
  'https://static.example.co.uk/x.js', 'https://user.github.io/x.js', 'https://127.0.0.1/x.js', 'HTTPS://CDN.OTHER.EXAMPLE/X.JS',
  'https:cdn.other.example/x.js', ' https://cdn.other.example/x.js ', 'data:text/javascript,1', 'javascript:void(0)', '',
  'https://a.b.kawasaki.jp/x.js', 'https://user:pw@cdn.other.example:8443/x.js',
];
const META_EQUIVS = ['Content-Security-Policy', 'content-security-policy', ' CONTENT-SECURITY-POLICY ', 'Content-Security-Policy-Report-Only', 'X-Frame-Options', 'refresh'];

const quote = (r, v) => r.pick([`"${v.replace(/"/g, '&quot;')}"`, `'${v.replace(/'/g, '&apos;')}'`, `"${v.replace(/'/g, '&#39;')}"`]);

/** An HTML page: <meta http-equiv> policies, <meta name=referrer>, and scripts with and without SRI. */
export function page(r, lists) {
  const head = [];
  const tags = r.int(6);
  for (let i = 0; i < tags; i++) {
    switch (r.int(4)) {
      case 0: {
        const csp = r.chance(0.6) ? r.pick(OBSERVATORY_CSPS) : policy(r, lists);
        const extra = r.chance(0.25) ? `; ${r.pick(["frame-ancestors 'none'", 'report-uri /csp', 'sandbox allow-scripts'])}` : '';
        const content = r.chance(0.05) ? '' : csp + extra;
        head.push(`<meta http-equiv=${quote(r, r.pick(META_EQUIVS))}${r.chance(0.05) ? '' : ` content=${quote(r, content)}`}>`);
        break;
      }
      case 1: {
        const value = r.pick(HEADER_VALUES['referrer-policy']);
        head.push(r.chance(0.1) ? `<meta http-equiv="referrer" content="${value}">` : `<meta name=${r.pick(['referrer', 'Referrer', ' referrer'])} content="${value}">`);
        break;
      }
      default: {
        const src = r.chance(0.15) ? null : r.pick(SCRIPT_SRCS);
        const attrs = [];
        if (src !== null) attrs.push(`src=${quote(r, src)}`);
        if (r.chance(0.45)) attrs.push(`integrity=${r.chance(0.1) ? '""' : `"sha384-${b64(r, 64)}"`}`);
        if (r.chance(0.4)) attrs.push(r.pick(['crossorigin', 'crossorigin="anonymous"', 'crossorigin="use-credentials"']));
        head.push(`<script ${attrs.sort(() => r.next() - 0.5).join(' ')}>${src === null ? 'var x = "<meta http-equiv=refresh>";' : ''}</script>`);
      }
    }
  }
  const body = r.chance(0.2) ? `<script src="${r.pick(SCRIPT_SRCS)}"></script>` : '<p>Hello</p>';
  const doctype = r.chance(0.8) ? '<!doctype html>\n' : '';
  return `${doctype}<html><head>\n<title>Page</title>\n${head.join('\n')}\n</head><body>${body}</body></html>`;
}

/** One response's header lines, as `[name, value]` pairs, and sometimes its page (`.html`). */
export function headerSet(r, lists) {
  const lines = [['content-type', r.chance(0.85) ? 'text/html; charset=utf-8' : r.pick(['text/html', 'application/xhtml+xml', 'text/plain', 'TEXT/HTML', 'text/html ;charset=utf-8'])]];
  for (const [name, values] of Object.entries(HEADER_VALUES)) {
    if (r.chance(name.startsWith('access-control') || name.startsWith('cross-origin-') ? 0.25 : 0.6)) lines.push([r.chance(0.2) ? name.toUpperCase() : name, r.pick(values)]);
    if (r.chance(0.05)) lines.push([name, r.pick(values)]); // a repeated header
  }
  const csps = r.chance(0.7) ? 1 + (r.chance(0.15) ? 1 : 0) : 0;
  for (let i = 0; i < csps; i++) lines.push(['content-security-policy', r.chance(0.6) ? r.pick(OBSERVATORY_CSPS) : policy(r, lists)]);
  if (r.chance(0.1)) lines.push(['content-security-policy-report-only', r.pick(OBSERVATORY_CSPS)]);
  const cookies = r.chance(0.5) ? 1 + r.int(3) : 0;
  for (let i = 0; i < cookies; i++) lines.push(['set-cookie', cookie(r)]);
  if (r.chance(0.4)) lines.html = page(r, lists);
  return lines;
}

/** `count` header sets from `seed`. */
export function headerSets(count, seed, lists) {
  const r = rng(seed);
  return Array.from({ length: count }, () => headerSet(r, lists));
}
