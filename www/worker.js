// Runs certscope's analysis off the main thread, so a huge paste never freezes the page.
// Messages in: { id, input, options } (or { id, input, tree: true } for an ASN.1 tree, or
// { id, input, other, options } to compare two certificates);
// out: { id, report } (the report or tree) or { id, error, fatal }, { id, progress: [done,
// total] } while a packet capture is read, and { version } once ready. `fatal` means the WebAssembly instance trapped and must be replaced.
// The engine loads the core here, and each further module the first time an input needs it.
import { asn1, compare, inspect, version } from './lib/certscope.js';

const ready = version().then((v) => self.postMessage({ version: v }));

self.addEventListener('message', async (event) => {
  const { id, input, options, tree, other } = event.data;
  await ready;
  try {
    if (tree) self.postMessage({ id, report: await asn1(input) });
    else if (other !== undefined) self.postMessage({ id, report: await compare(input, other, options) });
    else {
      const onProgress = (done, total) => self.postMessage({ id, progress: [done, total] });
      self.postMessage({ id, report: await inspect(input, { ...options, onProgress }) });
    }
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err), fatal: err instanceof WebAssembly.RuntimeError });
  }
});
