export { CertscopeView } from './certscope-view.js';
/** The tag name registered: "certscope-view". */
export declare const tagName: 'certscope-view';
