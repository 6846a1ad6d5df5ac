// <certscope-view>: certscope's report as an embeddable, dependency-free custom element.
//
// Content comes from an inline child <script type="text/plain"> (PEM, or anything the
// page accepts) or from a same-origin `src`; a child <script type="text/plain" data-roots>
// holds trust anchors (your private CA's root) instead of Mozilla's. Attributes: host, at, roots ("mozilla" |
// "none"), verify, compact, lints ("core" | "all"), theme ("light" | "dark"), docs (where finding ids link to). A chain
// verdict needs the verify module (signatures and Mozilla's roots): the element asks for one when it has `verify`, `host`, a
// `roots` attribute or a data-roots child, and otherwise loads only the core. It lints by the core's rules unless
// `lints="all"` (which loads the profiles module for zlint's deeper catalogue). It renders into a shadow root with `part`s
// (summary, chain, card, finding, problems) and fires a composed, bubbling
// `certscope:report` event whose detail is the report.
import { renderReport, h } from './render.js';
import { linkFindingsTo } from './dom.js';
import { tokensCss, reportCss, sheet } from './report-style.js';
import { asn1, inspect } from './certscope.js';

let sheets;

export class CertscopeView extends HTMLElement {
  static observedAttributes = ['src', 'host', 'at', 'roots', 'verify', 'compact', 'lints'];

  #root = this.attachShadow({ mode: 'open' });
  #renders = 0;
  #report = null;

  /** The last report rendered, or null. */
  get report() { return this.#report; }

  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.setAttribute('src', value); }
  get host() { return this.getAttribute('host') ?? ''; }
  set host(value) { this.setAttribute('host', value); }
  get at() { return this.getAttribute('at') ?? ''; }
  set at(value) { this.setAttribute('at', value); }
  get roots() { return this.getAttribute('roots') ?? 'mozilla'; }
  set roots(value) { this.setAttribute('roots', value); }
  get verify() { return this.hasAttribute('verify'); }
  set verify(value) { this.toggleAttribute('verify', Boolean(value)); }
  get compact() { return this.hasAttribute('compact'); }
  set compact(value) { this.toggleAttribute('compact', Boolean(value)); }
  get lints() { return this.getAttribute('lints') === 'all' ? 'all' : 'core'; }
  set lints(value) { this.setAttribute('lints', value); }

  connectedCallback() {
    // `docs`: where finding ids link to (a page with an anchor per id), for every element.
    if (this.hasAttribute('docs')) linkFindingsTo(this.getAttribute('docs'));
    sheets ??= [sheet(tokensCss), sheet(reportCss)];
    this.#root.adoptedStyleSheets = sheets;
    this.#render();
  }

  attributeChangedCallback(_name, old, value) {
    if (old !== value && this.isConnected) this.#render();
  }

  async #input() {
    if (this.src) {
      const url = new URL(this.src, document.baseURI);
      if (url.origin !== location.origin) throw new Error(`src must be on this site's origin, not ${url.origin}`);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`could not load ${this.src}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }
    const inline = this.querySelector('script[type="text/plain"]:not([data-roots])');
    return (inline?.textContent ?? '').trim();
  }

  async #render() {
    const turn = ++this.#renders;
    const frame = h('div', { class: 'results', part: 'report' });
    try {
      const input = await this.#input();
      if (turn !== this.#renders) return;
      // Trust anchors from a <script type="text/plain" data-roots> child (a private CA's root).
      const roots = this.querySelector('script[type="text/plain"][data-roots]');
      const options = { roots: roots && this.roots !== 'none' ? roots.textContent : this.roots };
      if (this.host) options.host = this.host;
      if (this.at) options.at = this.at;
      options.lints = this.lints;
      options.verify = this.verify || Boolean(this.host) || Boolean(roots) || this.hasAttribute('roots');
      const report = await inspect(input, options);
      if (turn !== this.#renders) return;
      this.#report = report;
      frame.append(renderReport(report, { compact: this.compact, asn1 }));
      this.dispatchEvent(new CustomEvent('certscope:report', { detail: report, bubbles: true, composed: true }));
    } catch (err) {
      if (turn !== this.#renders) return;
      frame.append(h('div', { class: 'summary error', part: 'error', role: 'alert' },
        h('span', { class: 'headline', text: 'certscope could not analyse this' }),
        h('span', { class: 'counts', text: String(err?.message ?? err) })));
      // A trapped WebAssembly instance is replaced by the engine on the next call.
    }
    this.#root.replaceChildren(frame);
  }
}
