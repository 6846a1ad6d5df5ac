// Types of the npm package's main module (engine.js, published as certscope.js). The report's
// shapes are generated from the Rust crate into certscope_core.d.ts.
import type { Asn1Node, Capability, Comparison, InspectOptions, Report, Summary } from './certscope_core.js';

export type * from './certscope_core.js';

/** Loads the core module; the other functions call it themselves. */
declare function init(): Promise<unknown>;
export default init;
export { init };
/** Loads a capability module now instead of when an input first needs it. */
export function load(capability: Capability | "compare"): Promise<unknown>;
/** The modules loaded so far. */
export function modulesLoaded(): Array<"core" | "compare" | Capability>;
/** Reads and explains everything in `input`, loading the modules it needs. */
export function inspect(input: string | Uint8Array | ArrayBuffer, options?: InspectOptions): Promise<Report>;
/** Compares two certificates (old, new): names, key, issuer, validity, every extension. */
export function compare(a: string | Uint8Array | ArrayBuffer, b: string | Uint8Array | ArrayBuffer, options?: { at?: string | number | Date }): Promise<Comparison>;
/** Lists every certificate in `input` without analysis. */
export function summarize(input: string | Uint8Array | ArrayBuffer): Promise<Summary>;
/** The raw ASN.1 of the first certificate (or other DER block) in `input`. */
export function asn1(input: string | Uint8Array | ArrayBuffer): Promise<Asn1Node[]>;
/** The version of certscope. */
export function version(): Promise<string>;
