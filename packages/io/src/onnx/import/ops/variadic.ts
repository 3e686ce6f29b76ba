import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

/** Folds the node's inputs (one or more, broadcast together) with a binary op. */
const fold = (fn: (a: Tensor, b: Tensor) => Tensor) => (c: OnnxOpContext) => [
  c.inputs().reduce((a, b) => fn(a, b)),
];

/** Max, Min, Sum and Mean over a variable number of inputs. */
export const variadicOps: OnnxOpTable = {
  Max: fold(nt.maximum),
  Min: fold(nt.minimum),
  Sum: fold(nt.add),
  Mean: (c) => {
    const inputs = c.inputs();
    return [
      nt.div(
        inputs.reduce((a, b) => nt.add(a, b)),
        inputs.length,
      ),
    ];
  },
};
