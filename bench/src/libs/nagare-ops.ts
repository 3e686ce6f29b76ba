// The op cases of the bench (matmul, conv, elementwise, dispatch) on the active nagare backend.
// No Node imports: the browser bench runs them in a page too.
import { add, conv2d, exp, matmul, randn, relu, sum, type Tensor } from '@nagare/tensor';
import type { CaseSpec, ElementwiseOp, PreparedCase } from '../types';

type OpSpec = Extract<CaseSpec, { suite: 'matmul' | 'conv' | 'elementwise' | 'dispatch' }>;

const ELEMENTWISE: Record<ElementwiseOp, (a: Tensor, b: Tensor) => Tensor> = {
  add: (a, b) => add(a, b),
  relu: (a) => relu(a),
  exp: (a) => exp(a),
  sum: (a) => sum(a),
};

/** A prepared case that runs `op` on its inputs and frees the result each time. */
function opCase(inputs: Tensor[], op: () => Tensor): PreparedCase {
  return {
    run: () => op().dispose(),
    dispose: () => {
      for (const input of inputs) input.dispose();
    },
  };
}

/** Builds the inputs of an op case on the active nagare backend. */
export function prepareNagareOpCase(spec: OpSpec): PreparedCase {
  switch (spec.suite) {
    case 'matmul': {
      const a = randn([spec.n, spec.n], { seed: 1 });
      const b = randn([spec.n, spec.n], { seed: 2 });
      return opCase([a, b], () => matmul(a, b));
    }
    case 'conv': {
      const x = randn(spec.input, { seed: 1 });
      const w = randn([spec.outChannels, spec.input[1], 3, 3], { seed: 2 });
      return opCase([x, w], () => conv2d(x, w, { padding: 'same' }));
    }
    case 'elementwise': {
      const a = randn([spec.size], { seed: 1 });
      const b = randn([spec.size], { seed: 2 });
      const op = ELEMENTWISE[spec.op];
      return opCase([a, b], () => op(a, b));
    }
    case 'dispatch': {
      const a = randn([spec.size], { seed: 1 });
      const b = randn([spec.size], { seed: 2 });
      return opCase([a, b], () => add(a, b));
    }
  }
}
