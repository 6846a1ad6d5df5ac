// Styles for a rendered report, shared by the page (adopted by the document) and the
// <certscope-view> element (adopted by its shadow root). The token values mirror the page's
// :root in style.css. Every colour is a custom property: embedders theme the element with
// --certscope-* properties (for example --certscope-accent), or theme="dark" / theme="light".

/** Dark-theme values, used both for theme="dark" and for a dark system preference. */
const darkTokens = `
  --bg: var(--certscope-bg, #0f1216);
  --surface: var(--certscope-surface, #171b21);
  --surface-2: var(--certscope-surface-2, #1f242c);
  --text: var(--certscope-text, #e6e9ee);
  --muted: var(--certscope-muted, #9aa4b2);
  --border: var(--certscope-border, #2c333d);
  --accent: var(--certscope-accent, #7aa2ff);
  --accent-soft: var(--certscope-accent-soft, #1c2742);
  --ok: var(--certscope-ok, #4cc38a);
  --ok-soft: var(--certscope-ok-soft, #15291f);
  --warn: var(--certscope-warn, #f0b44c);
  --warn-soft: var(--certscope-warn-soft, #2e2312);
  --err: var(--certscope-err, #ff7b72);
  --err-soft: var(--certscope-err-soft, #351a19);
  --info: var(--certscope-info, #8fb0e6);
  --info-soft: var(--certscope-info-soft, #18233a);
  --shadow: var(--certscope-shadow, none);`;

/** Design tokens for the element's shadow root, overridable from outside. */
export const tokensCss = `
:host {
  display: block;
  color-scheme: light dark;
  --bg: var(--certscope-bg, #f5f6f8);
  --surface: var(--certscope-surface, #ffffff);
  --surface-2: var(--certscope-surface-2, #f0f2f5);
  --text: var(--certscope-text, #1b1f24);
  --muted: var(--certscope-muted, #5b6470);
  --border: var(--certscope-border, #dde1e6);
  --accent: var(--certscope-accent, #2456c6);
  --accent-soft: var(--certscope-accent-soft, #e7eefc);
  --ok: var(--certscope-ok, #146c3a);
  --ok-soft: var(--certscope-ok-soft, #e3f4ea);
  --warn: var(--certscope-warn, #9a5b00);
  --warn-soft: var(--certscope-warn-soft, #fff3dc);
  --err: var(--certscope-err, #b42318);
  --err-soft: var(--certscope-err-soft, #fdeceb);
  --info: var(--certscope-info, #3b5b8c);
  --info-soft: var(--certscope-info-soft, #e9eff8);
  --mono: var(--certscope-mono, ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", Menlo, monospace);
  --sans: var(--certscope-sans, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  --radius: var(--certscope-radius, 10px);
  --shadow: var(--certscope-shadow, 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 8%));
  color: var(--text);
  font: 15px/1.5 var(--sans);
}
:host([theme="dark"]) {
${darkTokens}
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {
${darkTokens}
  }
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
`;

/** The report itself: summary, chain verdicts, cards, findings. */
export const reportCss = `
/* Report */
.results { display: grid; gap: 16px; }

.summary {
  display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center;
  padding: 12px 16px; border-radius: var(--radius); border: 1px solid var(--border); background: var(--surface);
}
.summary.error { border-color: color-mix(in srgb, var(--err) 45%, var(--border)); background: var(--err-soft); }
.summary.warning { border-color: color-mix(in srgb, var(--warn) 45%, var(--border)); background: var(--warn-soft); }
.summary.ok { border-color: color-mix(in srgb, var(--ok) 45%, var(--border)); background: var(--ok-soft); }
.summary .headline { font-weight: 650; font-size: 16px; }
.summary .counts { color: var(--muted); font-size: 14px; }

.problems { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 10px 16px; }
.problems h3 { margin: 4px 0 6px; font-size: 15px; }
.problems ul { margin: 0; padding-left: 18px; }
.problems li { margin: 4px 0; }
.where { font-family: var(--mono); font-size: 12.5px; color: var(--muted); }

.card {
  background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
  box-shadow: var(--shadow); padding: 16px 18px 10px; overflow-wrap: anywhere;
}
.card-head { display: flex; gap: 10px; align-items: flex-start; justify-content: space-between; flex-wrap: wrap; }
.card-title { margin: 0; font-size: 18px; line-height: 1.3; }
.card-sub { color: var(--muted); font-size: 14px; margin-top: 2px; }
.badges { display: flex; gap: 6px; flex-wrap: wrap; }
.badge {
  font-size: 12px; font-weight: 600; letter-spacing: 0.02em; text-transform: uppercase;
  padding: 2px 8px; border-radius: 999px; background: var(--surface-2); color: var(--muted); white-space: nowrap;
}
.badge.ok { background: var(--ok-soft); color: var(--ok); }
.badge.warning { background: var(--warn-soft); color: var(--warn); }
.badge.error { background: var(--err-soft); color: var(--err); }
.badge.role { background: var(--accent-soft); color: var(--accent); }

.timeline { margin: 14px 0 6px; }
.timeline .bar { position: relative; height: 8px; border-radius: 999px; background: var(--surface-2); overflow: hidden; }
.timeline .elapsed { position: absolute; inset: 0 auto 0 0; width: var(--elapsed, 0%); background: var(--ok); border-radius: 999px; }
.timeline.warning .elapsed { background: var(--warn); }
.timeline.error .elapsed { background: var(--err); }
.timeline .ends { display: flex; justify-content: space-between; gap: 12px; font-size: 13px; color: var(--muted); margin-top: 4px; }
.timeline .state { font-weight: 600; color: var(--text); }

dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 12px 0; }
dl.facts dt { color: var(--muted); font-size: 14px; }
dl.facts dd { margin: 0; min-width: 0; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { font-family: var(--mono); font-size: 12.5px; background: var(--surface-2); border-radius: 6px; padding: 1px 7px; }
.mono { font-family: var(--mono); font-size: 12.5px; }
.fp { display: flex; gap: 8px; align-items: baseline; }
.fp .mono { word-break: break-all; }
.asn1 { font-family: var(--mono); font-size: 12.5px; max-height: 420px; overflow: auto; }
.asn1 ul { list-style: none; margin: 0; padding-left: 18px; border-left: 1px dotted var(--border); }
.asn1 > ul { padding-left: 0; border: 0; }
.asn1 li { margin: 1px 0; }
.asn1-tag { font-weight: 600; color: var(--accent); }
.asn1-meta { color: var(--muted); }
.asn1-value { overflow-wrap: anywhere; }
.hidden-char {
  font-family: var(--mono); font-size: 0.85em; color: var(--err); background: var(--err-soft);
  border-radius: 3px; padding: 0 2px; white-space: nowrap;
}
.confusable { text-decoration: underline wavy var(--warn); text-underline-offset: 4px; }
.confusable-mark { color: var(--warn); }
button.copy {
  font: inherit; font-size: 12px; padding: 1px 8px; flex: none; cursor: pointer;
  border: 1px solid var(--border); border-radius: 6px; background: var(--surface); color: var(--text);
}
button.copy:hover { border-color: var(--accent); }
button.copy:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }

details.section { border-top: 1px solid var(--border); padding: 8px 0; }
details.section > summary { cursor: pointer; font-weight: 600; font-size: 14px; }
details.section[open] > summary { margin-bottom: 8px; }
table.kv { width: 100%; border-collapse: collapse; font-size: 13.5px; }
table.kv th, table.kv td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--border); }
table.kv th { color: var(--muted); font-weight: 500; white-space: nowrap; }
table.kv td.value { font-family: var(--mono); font-size: 12.5px; overflow-wrap: anywhere; }
.crit { color: var(--warn); font-weight: 600; font-size: 12px; }

.findings { display: grid; gap: 8px; margin: 10px 0 6px; }
.finding-group { display: grid; gap: 8px; }
.finding-group > h4 { margin: 6px 0 0; font-size: 13px; font-weight: 600; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.finding-group .group-count { font-weight: 400; font-size: 12px; }
.findings > p.profiles { margin: 0; font-size: 13px; }
details.finding { border: 1px solid var(--border); border-left-width: 4px; border-radius: 8px; padding: 8px 12px; background: var(--surface); }
details.finding.error { border-left-color: var(--err); }
details.finding.warning { border-left-color: var(--warn); }
details.finding.info { border-left-color: var(--info); }
details.finding > summary { cursor: pointer; display: flex; gap: 8px; align-items: baseline; list-style: none; }
details.finding > summary::-webkit-details-marker { display: none; }
details.finding > summary::before { content: "▸"; color: var(--muted); }
details.finding[open] > summary::before { content: "▾"; }
.sev { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; }
.sev.error { color: var(--err); }
.sev.warning { color: var(--warn); }
.sev.info { color: var(--info); }
.finding .body { margin: 8px 0 2px 16px; font-size: 14px; }
.finding .body p { margin: 6px 0; }
.finding .evidence { font-family: var(--mono); font-size: 12.5px; color: var(--muted); }
.finding .fix { background: var(--surface-2); border-radius: 6px; padding: 6px 10px; }
.finding a { color: var(--accent); }

@media (max-width: 640px) {
  dl.facts { grid-template-columns: 1fr; gap: 2px; }
  dl.facts dd { margin-bottom: 8px; }
  .card { padding: 14px 14px 8px; }
  table.kv th { white-space: normal; }
}

/* Chain verdict and diagram */
.chain { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 16px 18px 10px; box-shadow: var(--shadow); }
.chain.ok { border-color: color-mix(in srgb, var(--ok) 45%, var(--border)); }
.chain.warning { border-color: color-mix(in srgb, var(--warn) 45%, var(--border)); }
.chain.error { border-color: color-mix(in srgb, var(--err) 50%, var(--border)); }
.verdict { display: flex; gap: 14px; align-items: flex-start; }
.verdict-mark { flex: none; width: 34px; height: 34px; border-radius: 50%; display: grid; place-items: center; font-weight: 700; font-size: 18px; }
.verdict-mark.ok { background: var(--ok-soft); color: var(--ok); }
.verdict-mark.error { background: var(--err-soft); color: var(--err); }
.verdict-title { font-weight: 650; font-size: 17px; }
.verdict-text { margin-top: 2px; overflow-wrap: anywhere; }
.strict { margin-top: 6px; font-size: 13.5px; color: var(--muted); overflow-wrap: anywhere; }
.strict.warning strong { color: var(--warn); }
ol.diagram { list-style: none; display: flex; flex-wrap: wrap; gap: 8px 28px; padding: 0; margin: 16px 0 8px; counter-reset: none; }
ol.diagram .node {
  position: relative; display: grid; gap: 1px; min-width: 150px; max-width: 280px; padding: 8px 12px;
  border: 1px solid var(--border); border-left-width: 4px; border-radius: 8px; background: var(--surface-2);
}
ol.diagram .node + .node::before { content: "→"; position: absolute; left: -22px; top: 50%; transform: translateY(-50%); color: var(--muted); }
ol.diagram .node.ok { border-left-color: var(--ok); }
ol.diagram .node.error { border-left-color: var(--err); background: var(--err-soft); }
ol.diagram .node.missing { border-style: dashed; border-left-width: 1px; color: var(--muted); }
.node-kind { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 600; }
.node-name { font-weight: 600; overflow-wrap: anywhere; }
.node-where { font-size: 12.5px; color: var(--muted); }
@media (max-width: 640px) {
  ol.diagram { flex-direction: column; gap: 18px; }
  ol.diagram .node { max-width: none; }
  ol.diagram .node + .node::before { content: "↓"; left: 50%; top: -17px; transform: none; }
}

/* HTTPS configuration from pasted headers */
.connection { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 16px 18px 10px; box-shadow: var(--shadow); }
.connection.error { border-color: color-mix(in srgb, var(--err) 50%, var(--border)); }
.ok-text { color: var(--ok); font-weight: 600; }
.err-text { color: var(--err); font-weight: 600; }
ol.steps { margin: 4px 0; padding-left: 22px; font-size: 14px; display: grid; gap: 4px; }
ol.sent-chain { list-style: none; padding: 0; margin: 4px 0; display: grid; gap: 8px; }
ol.sent-chain .mono { overflow-wrap: anywhere; }
.http { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 16px 18px 10px; box-shadow: var(--shadow); }
.http.error { border-color: color-mix(in srgb, var(--err) 50%, var(--border)); }
.http.warning { border-color: color-mix(in srgb, var(--warn) 45%, var(--border)); }
.http-title { font-size: 17px; margin: 0 0 12px; font-weight: 650; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.grades { display: flex; flex-wrap: wrap; gap: 12px; }
.grade { flex: 1 1 240px; max-width: 340px; display: flex; align-items: center; gap: 12px; padding: 8px 14px 8px 8px; border-radius: 10px; background: var(--surface-2); }
.grade-letter { width: 48px; height: 48px; border-radius: 10px; display: grid; place-items: center; font-size: 22px; font-weight: 750; }
.grade.ok .grade-letter { background: var(--ok-soft); color: var(--ok); }
.grade.warning .grade-letter { background: var(--warn-soft); color: var(--warn); }
.grade.error .grade-letter { background: var(--err-soft); color: var(--err); }
.grade-label { display: grid; font-size: 13px; color: var(--muted); }
.grade-label strong { color: var(--text); font-size: 14px; }
ol.hops { list-style: none; padding: 0; margin: 14px 0 6px; display: grid; gap: 6px; }
.hop { display: flex; gap: 10px; align-items: flex-start; }
.hop .mono { overflow-wrap: anywhere; }
.hop .muted { font-size: 13px; }
.status { flex: none; font: 600 12.5px var(--mono); border-radius: 6px; padding: 2px 7px; background: var(--surface-2); }
.status.ok { background: var(--ok-soft); color: var(--ok); }
.status.redirect { background: var(--info-soft); color: var(--info); }
.status.error { background: var(--err-soft); color: var(--err); }
ul.notes { margin: 8px 0; padding-left: 20px; font-size: 13.5px; color: var(--muted); }
table.tests td.num { font-variant-numeric: tabular-nums; }
table.tests td.note { font-size: 12.5px; color: var(--muted); }
table.tests tr.fail th { color: var(--err); }
table.tests tr.unjudged td, table.tests tr.unjudged th { color: var(--muted); font-style: italic; }
table.kv caption { text-align: left; font: 600 12.5px var(--mono); color: var(--muted); padding: 4px 8px; }
table.csp-findings { width: 100%; table-layout: fixed; }
table.csp-findings th { width: 9.5em; }
table.csp-findings.certscope caption { color: var(--accent, var(--muted)); }
table.cookies td.ok, table.dns-caa td.ok, table.dns-tlsa td.ok { color: var(--ok); }
table.dns-caa td.bad, table.dns-tlsa td.bad { color: var(--err); font-weight: 600; }
table.cookies td.bad { color: var(--err); font-weight: 600; }
.chip.error { background: var(--err-soft); color: var(--err); }
.chip.warning { background: var(--warn-soft); color: var(--warn); }
.snippets { display: grid; gap: 4px; margin: 6px 0; }
.snippet { display: flex; gap: 8px; align-items: baseline; }
.snippet code { flex: 1; min-width: 0; font: 12.5px var(--mono); background: var(--surface-2); border-radius: 6px; padding: 3px 8px; overflow-wrap: anywhere; white-space: pre-wrap; }
.snippet-label { flex: none; width: 52px; font-size: 12px; color: var(--muted); }
.interop { font: 12px var(--mono); color: var(--muted); }
`;

/** A constructed stylesheet from CSS text (allowed under a strict CSP, unlike <style>). */
export function sheet(css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}
