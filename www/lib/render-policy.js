// The certificate policy panel of an `rfc5280` verdict (`chain.rfc5280.policy`, made by the
// verify module): which policies the path is valid for, and what each certificate did to
// them (RFC 5280 §6.1). Text only, through h(); loaded only when RFC 5280 validation was asked for.
import { h } from './dom.js';
import { sheet } from './report-style.js';

const css = sheet(`
.policy-panel { margin: 12px 0 6px; padding: 10px 14px; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); }
.policy-panel > summary { cursor: pointer; font-weight: 600; }
.policy-panel .explanation { margin: 8px 0; }
.policy-panel ol { margin: 6px 0; padding-left: 22px; }
.policy-panel li { margin: 6px 0; }
.policy-panel .who { font-weight: 500; }
.policy-panel .valid { color: var(--muted); }
.policy-panel .valid.none { color: var(--err); font-weight: 600; }
.policy-panel .notes { margin: 2px 0 0; padding-left: 18px; list-style: disc; color: var(--text); font-size: 13.5px; }
.policy-panel .source { color: var(--muted); font-size: 12.5px; margin: 6px 0 0; }
`);

const ANY = '2.5.29.32.0';

/** Policy names as the report's certificates give them (certificatePolicies), else the OID. */
function namer(report) {
  const names = new Map([[ANY, 'anyPolicy']]);
  for (const c of report.certificates) {
    for (const e of c.extensions) {
      for (const p of e.value?.kind === 'certificatePolicies' ? e.value.policies : []) {
        if (p.name) names.set(p.oid, `${p.name} (${p.oid})`);
      }
    }
  }
  return (list) => (list.length ? list.map((o) => names.get(o) ?? o).join(', ') : 'none');
}

/** The panel for one rfc5280 verdict's policy processing. */
export function policyPanel(policy, report, root) {
  if (root?.adoptedStyleSheets && !root.adoptedStyleSheets.includes(css)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, css];
  const named = namer(report);
  const acceptable = policy.initialPolicySet.length ? named(policy.initialPolicySet) : 'any policy';
  return h('details', { class: 'policy-panel', 'data-testid': 'policy-panel', open: true },
    h('summary', { text: `Certificate policies (RFC 5280 §6.1): ${policy.valid ? `valid for ${named(policy.user)}` : 'the path fails'}` }),
    h('p', { class: 'explanation', 'data-testid': 'policy-explanation', text: policy.explanation }),
    h('p', { class: 'valid', text: `Acceptable to you: ${acceptable}.` }),
    h('ol', { 'aria-label': 'Each certificate from the one below the trust anchor to the end entity' },
      policy.steps.map((step, i) => h('li', {},
        h('span', { class: 'who', text: step.certificate == null ? step.name : `certificate ${step.certificate + 1}: ${step.name}` }),
        h('div', { class: `valid${step.valid.length ? '' : ' none'}`, text: step.valid.length ? `valid after it: ${named(step.valid)}` : policy.emptiedAt !== null && i >= policy.emptiedAt ? 'no policy is valid from here' : 'not reached' }),
        step.notes.length ? h('ul', { class: 'notes' }, step.notes.map((n) => h('li', { text: n }))) : null))),
    h('p', { class: 'source', text: 'Policies after a certificate are named as that certificate names them (after mappings); the sets above are named as your trust anchor’s domain does.' }));
}
