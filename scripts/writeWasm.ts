/** npm run wasm: reassemble the WebAssembly kernels (a test checks the generated files are current). */
import { writeFileSync } from 'node:fs';
import { assembleWasmModules } from './wasmModules';

for (const m of await assembleWasmModules()) {
  writeFileSync(m.file, m.text);
  console.log(`wrote ${m.file}`);
}
