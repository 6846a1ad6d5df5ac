// Where certscope differs from an anchor on purpose (`deliberate`), or where the difference
// is known and not yet resolved (`open`). Each entry names the anchor and says why, and
// `matches(difference, input)` picks the differences it explains; tests/node/anchors.test.mjs
// fails on a difference no entry explains and on an entry that explains none (stale).
// Differences are { group, side, finding } for CSP and { test, anchor, certscope } for the
// Observatory.

export const exceptions = [
  {
    id: 'evaluator-throws-on-url',
    kind: 'csp',
    status: 'deliberate',
    anchor: 'csp_evaluator 1.1.8',
    reason:
      "The Evaluator parses sources with `new URL()` (utils.ts getHostname / matchWildcardUrls) and throws `TypeError: Invalid URL` on a source such as `http:example.com`, `https://` or `example.com:abc`, so it reports nothing for the whole policy. certscope treats such a source as matching no bypass list and reports every other finding.",
    matches: (d) => d.side === 'anchor throws' && /Invalid URL/.test(d.finding),
  },
  {
    id: 'comma-separates-policies',
    kind: 'csp',
    status: 'deliberate',
    anchor: 'csp_evaluator 1.1.8',
    reason:
      'A comma separates policies (CSP3 §2.2.2 "parse a serialized CSP list"; a browser enforces each), so certscope evaluates each part; the Evaluator splits only on ";" and reads the comma as part of a value or a directive name.',
    matches: (d, input) => input.includes(','),
  },
];
