// Reads a capture with the WebAssembly engine (the npm package's Node build, pkg/node/), as
// bench/capture.sh times it: node bench/capture-wasm.mjs FILE
import { readFileSync } from 'node:fs';
import { inspect } from '../pkg/node/certscope.js';

const bytes = readFileSync(process.argv[2]);
const report = await inspect(bytes, { at: '2026-12-10T00:00:00Z', verify: false });
const connections = report.captures?.[0]?.connections.length ?? 0;
if (connections === 0) throw new Error('no TLS connection read');
console.log(`${connections} TLS connections`);
