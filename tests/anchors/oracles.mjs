// The anchors' own code, run on an input: Google's CSP Evaluator (npm csp_evaluator) and the
// MDN HTTP Observatory's analyzers and grader (npm @mdn/mdn-http-observatory), both installed
// in tests/oracles/ from its lockfile by scripts/setup.sh. Nothing here reimplements a rule:
// it builds the anchor's input objects and reads back what the anchor decided.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const oracles = new URL('../oracles/', import.meta.url);
const require = createRequire(new URL('package.json', oracles));

const evaluator = require('csp_evaluator/dist/evaluator.js');
const parser = require('csp_evaluator/dist/parser.js');
const finding = require('csp_evaluator/dist/finding.js');
const security = require('csp_evaluator/dist/checks/security_checks.js');

/** The Evaluator's bypass lists, for the corpus generator. */
export const bypassLists = {
  jsonp: require('csp_evaluator/dist/allowlist_bypasses/jsonp.js').URLS,
  angular: require('csp_evaluator/dist/allowlist_bypasses/angular.js').URLS,
  flash: require('csp_evaluator/dist/allowlist_bypasses/flash.js').URLS,
};

const named = (f) => ({
  type: finding.Type[f.type],
  severity: finding.Severity[f.severity],
  directive: f.directive,
  value: f.value ?? null,
});

/**
 * The CSP Evaluator on one policy: `default` is `new CspEvaluator(parse(csp)).evaluate()`,
 * `strict` its strict-CSP checks (`evaluate(STRICTCSP_CHECKS, [])`, without the IGNORED
 * findings every run repeats), `reporting` its reporting check (`checkHasConfiguredReporting`,
 * which Lighthouse runs and the default checks do not).
 */
export function evaluateCsp(policy) {
  const parsed = () => new parser.CspParser(policy).csp;
  const run = (a, b) => new evaluator.CspEvaluator(parsed()).evaluate(a, b).map(named);
  try {
    return {
    default: run(),
    strict: run(evaluator.STRICTCSP_CHECKS, []).filter((f) => f.type !== 'IGNORED'),
    reporting: run([], [security.checkHasConfiguredReporting]).filter((f) => f.type !== 'IGNORED'),
    };
  } catch (err) {
    // The Evaluator throws on some sources (its URL parsing); the result is the error.
    return { error: `${err.name}: ${err.message}` };
  }
}

// The Observatory reads its HSTS preload list from conf/hsts-preload.json, which its install
// script downloads. Installed offline (--ignore-scripts) it has none: an empty list is what
// certscope, which carries no list either, compares with.
const observatoryRoot = new URL('node_modules/@mdn/mdn-http-observatory/', oracles);
const preload = new URL('conf/hsts-preload.json', observatoryRoot);
if (!existsSync(preload)) writeFileSync(preload, '{}');

const { AxiosHeaders } = require('axios');
const { Requests } = await import(new URL('src/types.js', observatoryRoot));
const { Session } = await import(new URL('src/retriever/session.js', observatoryRoot));
const { ALL_TESTS } = await import(new URL('src/constants.js', observatoryRoot));
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await import(new URL('src/grader/charts.js', observatoryRoot));
const grader = await import(new URL('src/grader/grader.js', observatoryRoot));
const { parseHttpEquivHeaders } = await import(new URL('src/retriever/utils.js', observatoryRoot));
const { HTML_TYPES } = await import(new URL('src/types.js', observatoryRoot));
const { Cookie } = await import(require.resolve('tough-cookie'));

// Node's http client (which the Observatory's axios uses) keeps the first of these when a
// response repeats them, and joins other repeated headers with ", " (set-cookie stays a list).
const FIRST_WINS = new Set(['age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host', 'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent']);

/** The headers as Node's http client hands them to the Observatory. */
export function nodeHeaders(lines) {
  const out = {};
  for (const [rawName, rawValue] of lines) {
    const name = rawName.toLowerCase();
    // llhttp drops the optional whitespace around a field value (RFC 9110 §5.5).
    const value = rawValue.replace(/^[ \t]+|[ \t]+$/g, '');
    if (name === 'set-cookie') (out[name] ??= []).push(value);
    else if (!(name in out)) out[name] = value;
    else if (!FIRST_WINS.has(name)) out[name] = `${out[name]}, ${value}`;
  }
  return out;
}

/**
 * The Observatory's scan of `https://host/` that answered with `lines` (and the page `html`,
 * when given), after `http://host/` redirected there with a 301: every test of ALL_TESTS, then
 * the score and grade the way src/scanner/index.js computes them. The page is read as its
 * retriever reads it (src/retriever/retriever.js: `resources.path`, and `httpEquiv` from its
 * own parseHttpEquivHeaders when the Content-Type is an HTML type).
 */
export function observatory(lines, host = 'certscope.test', html = undefined) {
  const url = new URL(`https://${host}/`);
  const requests = new Requests(host);
  const headers = new AxiosHeaders();
  for (const [name, value] of Object.entries(nodeHeaders(lines))) headers.set(name, value);
  const response = { headers, request: { headers: new AxiosHeaders() }, status: 200, statusText: 'OK', verified: true, data: '', config: { headers: new AxiosHeaders() }, httpEquiv: new Map() };
  requests.responses.auto = response;
  requests.responses.cors = response;
  requests.responses.http = response;
  requests.responses.https = response;
  requests.responses.httpRedirects = [{ url: new URL(`http://${host}/`), status: 301 }, { url, status: 200 }];
  requests.responses.httpsRedirects = [{ url, status: 200 }];
  requests.session = new Session(url);
  if (html) {
    requests.resources.path = html;
    response.httpEquiv = HTML_TYPES.has(response.headers['content-type']?.split(';')[0]) ? parseHttpEquivHeaders(html, url.href) : new Map();
  }
  for (const value of nodeHeaders(lines)['set-cookie'] ?? []) {
    const cookie = Cookie.parse(value);
    if (cookie) {
      try {
        requests.session.jar.setCookieSync(cookie, url.href, { http: true });
      } catch {
        // The jar refuses it (for example a Domain that does not match): the browser would too.
      }
    }
  }
  const results = ALL_TESTS.map((test) => test(requests));
  let withCredit = 100;
  let uncurved = 100;
  const tests = {};
  for (const r of results) {
    const modifier = grader.getScoreModifier(r.result);
    withCredit += modifier;
    if (modifier < 0) uncurved += modifier;
    tests[r.constructor.name] = { result: r.result, modifier, pass: r.pass };
  }
  const final = grader.getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withCredit : uncurved);
  return { tests, score: final.score, grade: final.grade };
}
