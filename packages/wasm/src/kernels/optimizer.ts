import type {
  AdadeltaUpdateAttrs,
  AdagradUpdateAttrs,
  AdamaxUpdateAttrs,
  AdamUpdateAttrs,
  KernelTensor,
  LionUpdateAttrs,
  MomentumUpdateAttrs,
  OpAttrs,
  RmspropUpdateAttrs,
  UpdateAttrs,
} from '@nagare/tensor';
import { dtypeCode, type KernelContext, pointerOf, type WasmKernel } from './context';
import { COST_TRANSCENDENTAL } from './costs';

type UpdateName =
  | 'sgdUpdate'
  | 'momentumUpdate'
  | 'adagradUpdate'
  | 'adadeltaUpdate'
  | 'rmspropUpdate'
  | 'adamUpdate'
  | 'adamaxUpdate'
  | 'lionUpdate';

/** Kind codes of assembly/optimizer.ts. */
const KINDS: Record<UpdateName, number> = {
  sgdUpdate: 0,
  momentumUpdate: 1,
  adagradUpdate: 2,
  adadeltaUpdate: 3,
  rmspropUpdate: 4,
  adamUpdate: 5,
  adamaxUpdate: 6,
  lionUpdate: 7,
};

/** The update's own coefficients (float64 words 12…), in the order assembly/optimizer.ts reads them. */
function coefficients(name: UpdateName, attrs: UpdateAttrs): number[] {
  switch (name) {
    case 'momentumUpdate': {
      const a = attrs as MomentumUpdateAttrs;
      return [a.momentum, a.dampening, a.nesterov ? 1 : 0];
    }
    case 'adagradUpdate':
      return [(attrs as AdagradUpdateAttrs).eps];
    case 'adadeltaUpdate': {
      const a = attrs as AdadeltaUpdateAttrs;
      return [a.rho, a.eps];
    }
    case 'rmspropUpdate': {
      const a = attrs as RmspropUpdateAttrs;
      return [a.alpha, a.eps, a.momentum, a.centered ? 1 : 0];
    }
    case 'adamUpdate': {
      const a = attrs as AdamUpdateAttrs;
      // m̂ = m / (1 − β1ᵗ), v̂ = v / (1 − β2ᵗ), folded into a step size and a √ correction.
      const stepSize = a.step > 0 ? a.lr / (1 - a.beta1 ** a.step) : a.lr;
      const sqrtCorrection2 = a.step > 0 ? Math.sqrt(1 - a.beta2 ** a.step) : 1;
      return [a.beta1, a.beta2, a.eps, stepSize, sqrtCorrection2, a.amsgrad ? 1 : 0];
    }
    case 'adamaxUpdate': {
      const a = attrs as AdamaxUpdateAttrs;
      return [a.beta1, a.beta2, a.eps, a.step > 0 ? a.lr / (1 - a.beta1 ** a.step) : a.lr];
    }
    case 'lionUpdate': {
      const a = attrs as LionUpdateAttrs;
      return [a.beta1, a.beta2];
    }
    default:
      return [];
  }
}

/** The state buffers (inputs after param and grad) mapped to the kernel's slots S1–S3. */
function stateSlots(
  name: UpdateName,
  attrs: UpdateAttrs,
  states: readonly KernelTensor[],
): (KernelTensor | undefined)[] {
  if (name !== 'rmspropUpdate') return [states[0], states[1], states[2]];
  // RMSProp's optional buffers: gradAvg (centered) goes to S2, the momentum buffer to S3.
  const { centered, momentum } = attrs as RmspropUpdateAttrs;
  return [states[0], centered ? states[1] : undefined, momentum > 0 ? states[centered ? 2 : 1] : undefined];
}

function runUpdate(
  context: KernelContext,
  name: UpdateName,
  inputs: readonly KernelTensor[],
  attrs: UpdateAttrs,
  outputs: readonly KernelTensor[],
): void {
  const slotsIn = stateSlots(name, attrs, inputs.slice(2));
  const slotsOut = stateSlots(name, attrs, outputs.slice(1));
  const words = context.heap.f64;
  const at = context.params >>> 3;
  words[at] = pointerOf(inputs[0]);
  words[at + 1] = pointerOf(inputs[1]);
  for (let slot = 0; slot < 3; slot++) {
    const input = slotsIn[slot];
    const output = slotsOut[slot];
    words[at + 2 + slot] = input ? pointerOf(input) : 0;
    words[at + 6 + slot] = output ? pointerOf(output) : 0;
  }
  words[at + 5] = pointerOf(outputs[0]);
  words[at + 9] = attrs.lr;
  words[at + 10] = attrs.weightDecay;
  words[at + 11] = 1 - attrs.lr * attrs.decoupledWeightDecay;
  words.set(coefficients(name, attrs), at + 12);
  const param = inputs[0];
  context.tasks.run(
    'optimizerUpdate',
    param.size,
    COST_TRANSCENDENTAL,
    0,
    KINDS[name],
    dtypeCode(param.dtype),
    context.params,
  );
}

function updateKernel<K extends UpdateName>(name: K): WasmKernel<K> {
  return {
    supports: (dtype) => dtype === 'float32' || dtype === 'float64',
    run(context, inputs, attrs: OpAttrs[K], outputs) {
      runUpdate(context, name, inputs, attrs as UpdateAttrs, outputs);
    },
  };
}

export const optimizerKernels = {
  sgdUpdate: updateKernel('sgdUpdate'),
  momentumUpdate: updateKernel('momentumUpdate'),
  adagradUpdate: updateKernel('adagradUpdate'),
  adadeltaUpdate: updateKernel('adadeltaUpdate'),
  rmspropUpdate: updateKernel('rmspropUpdate'),
  adamUpdate: updateKernel('adamUpdate'),
  adamaxUpdate: updateKernel('adamaxUpdate'),
  lionUpdate: updateKernel('lionUpdate'),
};
