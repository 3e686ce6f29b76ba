import type { OpName } from '@nagare/tensor';
import { binaryKernels } from './binary';
import type { WasmKernel } from './context';
import { reduceKernels } from './reduce';
import { castKernel, clipKernel, reshapeKernel, unaryKernels } from './unary';
import { whereKernel } from './where';

/** Every op the wasm backend runs. An op missing here throws UnsupportedOpError (never falls back to js). */
export const wasmKernels: Partial<{ [K in OpName]: WasmKernel<K> }> = {
  ...unaryKernels,
  clip: clipKernel,
  cast: castKernel,
  reshape: reshapeKernel,
  ...binaryKernels,
  where: whereKernel,
  ...reduceKernels,
};
