// nagare — the whole library under one import. The tensor core and autograd are re-exported flat
// (their names never clash, and tsc rejects an ambiguous star export if they ever do); the other
// packages are namespaces, named as PyTorch users expect (`nn.Linear`, `optim.Adam`).
// Importing this module installs autograd's recorder, exactly as importing @nagare/autograd does.
import * as data from '@nagare/data';
import * as io from '@nagare/io';
import * as nn from '@nagare/layers';
import * as optim from '@nagare/optimizers';
import * as train from '@nagare/train';

export * from '@nagare/autograd';
export * from '@nagare/tensor';
export type { WasmBackend, WasmBackendOptions } from '@nagare/wasm';
export type { WebGPUBackend, WebGPUBackendOptions } from '@nagare/webgpu';
export { useWasm } from './use-wasm';
export { useWebGPU } from './use-webgpu';
export { data, io, nn, optim, train };
