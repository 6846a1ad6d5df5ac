import type { Report } from './certscope.js';

/** `<certscope-view>`: a certscope report as a custom element with a shadow root. */
export declare class CertscopeView extends HTMLElement {
  static observedAttributes: string[];
  /** The last report rendered, or null before the first. */
  readonly report: Report | null;
  /** Same-origin URL of the input; otherwise the inline `<script type="text/plain">` child. */
  src: string;
  /** Hostname, IP or email to check the chain for. */
  host: string;
  /** Evaluation time (RFC 3339); empty for now. */
  at: string;
  /** "mozilla" (default), "none", or PEM of your own roots. */
  roots: string;
  /** Ask for a chain verdict (loads the verify module). Implied by `host`, a `roots`
   *  attribute or a data-roots child; without any of them only the core module loads. */
  verify: boolean;
  /** Hide the per-certificate detail sections. */
  compact: boolean;
  /** "core" (default): the core's lint rules, and the S/MIME and Code Signing BR for those
   *  certificates; "all": zlint's deeper catalogue too (loads the profiles module). */
  lints: 'core' | 'all';
}

declare global {
  interface HTMLElementTagNameMap {
    'certscope-view': CertscopeView;
  }
  interface HTMLElementEventMap {
    'certscope:report': CustomEvent<Report>;
  }
}
