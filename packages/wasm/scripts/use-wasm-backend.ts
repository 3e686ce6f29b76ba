// The vitest setup file of vitest-on-wasm.config.ts: makes the wasm backend the default before a
// package's tests run, so a suite that takes no injected backend runs on wasm, e.g. from autograd:
//   npx vitest run --config ../wasm/scripts/vitest-on-wasm.config.ts --root .
import { useBackend } from '@nagare/tensor';
import { createWasmBackend } from '../src/index';

useBackend(await createWasmBackend());
