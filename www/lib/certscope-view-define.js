// Registers <certscope-view>. Import this module once: `import 'certscope/define'`. To use
// another tag name, import CertscopeView from './certscope-view.js' and define it yourself.
import { CertscopeView } from './certscope-view.js';

export const tagName = 'certscope-view';

if (!customElements.get(tagName)) customElements.define(tagName, CertscopeView);

export { CertscopeView };
