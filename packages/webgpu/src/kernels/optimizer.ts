import type { KernelTensor, OpAttrs } from '@nagare/tensor';
import { Params } from '../runtime/params';
import { bufferOf, type KernelContext, type WebGPUKernel } from './context';
import { UPDATE_SPECS, type UpdateName, type UpdateSpec } from './optimizer-specs';
import { elementwiseShader, FLOAT_HELPERS, groupsFor } from './wgsl';

// Math.max semantics: NaN from either side wins (WGSL's max leaves NaN undefined).
const JS_MAX = 'fn jsMax(a: f32, b: f32) -> f32 { return select(max(a, b), nan(), isNan(a) || isNan(b)); }';

/**
 * The distinct buffers of a dispatch and, per tensor, its binding slot. With runInPlace the outputs
 * are the inputs' buffers, and WebGPU refuses one buffer bound twice when one binding writes, so
 * each buffer is bound once, read_write; every element is read before it is written.
 */
function bindingSlots(tensors: readonly KernelTensor[]): { buffers: GPUBuffer[]; slots: number[] } {
  const buffers: GPUBuffer[] = [];
  const slots = tensors.map((t) => {
    const buffer = bufferOf(t);
    const known = buffers.indexOf(buffer);
    if (known >= 0) return known;
    buffers.push(buffer);
    return buffers.length - 1;
  });
  return { buffers, slots };
}

function updateShader<K extends UpdateName>(
  spec: UpdateSpec<K>,
  attrs: OpAttrs[K],
  constantNames: string[],
  bufferCount: number,
  slots: number[],
): string {
  const inputs = spec.inputs(attrs);
  const outputs = spec.outputs(attrs);
  const declarations = Array.from(
    { length: bufferCount },
    (_, k) => `@group(0) @binding(${k + 1}) var<storage, read_write> b${k}: array<f32>;`,
  );
  const lines = [
    ...constantNames.map((name, k) => `let ${name} = pf(${k + 1}u);`),
    ...inputs.map((name, k) => `let ${name} = b${slots[k]}[i];`),
    spec.body(attrs),
    ...outputs.map((name, k) => `b${slots[inputs.length + k]}[i] = ${name};`),
  ];
  return elementwiseShader([...declarations, FLOAT_HELPERS, JS_MAX], lines.join('\n  '));
}

function updateKernel<K extends UpdateName>(spec: UpdateSpec<K>): WebGPUKernel<K> {
  return {
    supports: (dtype) => dtype === 'float32',
    run(context: KernelContext, inputs, attrs, outputs) {
      const size = outputs[0].size;
      const constants = spec.constants(attrs);
      const names = Object.keys(constants);
      const { buffers, slots } = bindingSlots([...inputs, ...outputs]);
      context.dispatch({
        source: updateShader(spec, attrs, names, buffers.length, slots),
        buffers,
        params: new Params().u32(size).f32(...names.map((name) => constants[name])),
        workgroups: groupsFor(size),
      });
    },
  };
}

/** The fused optimizer updates (sgd, momentum, adagrad, adadelta, rmsprop, adam, adamax, lion). */
export const optimizerKernels = Object.fromEntries(
  Object.entries(UPDATE_SPECS).map(([name, spec]) => [name, updateKernel(spec as UpdateSpec<UpdateName>)]),
) as { [K in UpdateName]: WebGPUKernel<K> };
