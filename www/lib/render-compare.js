// Two certificates compared (`compare(a, b)`): the sentence, then each difference with both
// values and what it means, then what is the same. Every value is text (h()).
import { h } from './dom.js';

export function comparisonView(c) {
  const level = c.identical ? 'ok' : 'warning';
  return h('section', { class: 'comparison', 'data-testid': 'comparison' },
    h('div', { class: `summary ${level}` }, h('span', { class: 'headline', 'data-testid': 'comparison-summary', text: c.summary })),
    c.differences.length
      ? h('table', { class: 'diff' },
        h('thead', {}, h('tr', {}, ['Field', 'Old (above)', 'New', 'What it means'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, c.differences.map((d) => h('tr', { class: d.change, 'data-field': d.field },
          h('th', { scope: 'row', text: `${d.field}${d.change === 'changed' ? '' : ` (${d.change})`}` }),
          h('td', { class: 'mono', text: d.before ?? '—' }),
          h('td', { class: 'mono', text: d.after ?? '—' }),
          h('td', { text: d.meaning })))))
      : null,
    c.same.length ? h('p', { class: 'muted', text: `The same: ${c.same.join(', ')}.` }) : null);
}
