import { gt, reshape, split, type Tensor, where } from '@nagare/tensor';
import { affine, type CellState, type CellStep, type CellWeights } from './cell-math';

/** How one direction of one layer runs over a time-major sequence. */
export interface DirectionOptions {
  step: CellStep;
  weights: CellWeights;
  /** Run from the last step to the first (the backward half of a bidirectional layer). */
  isReverse: boolean;
  /**
   * int32 `[N]` valid lengths: steps at or past a sequence's length leave its state unchanged and
   * output zeros, so a reverse pass starts at each sequence's own last step (PyTorch's packed
   * sequences, ONNX's `sequence_lens`).
   */
  lengths: Tensor | null;
}

/**
 * Runs one cell over `input` `[T, N, features]` from `initial` (each `[N, ·]`). Returns the
 * per-step outputs in time order (each `[N, H]`) and the final state.
 */
export function runDirection(
  input: Tensor,
  initial: CellState,
  { step, weights, isReverse, lengths }: DirectionOptions,
): { outputs: Tensor[]; final: CellState } {
  const steps = input.shape[0];
  const batch = input.shape[1];
  // The input half of every gate, for all steps in one product.
  const inputGates = affine(input, weights.weightIh, weights.biasIh);
  const perStep = split(inputGates, steps, 0).map((g) => reshape(g, g.shape.slice(1)));
  const outputs = new Array<Tensor>(steps);
  let state = initial;
  for (let k = 0; k < steps; k++) {
    const t = isReverse ? steps - 1 - k : k;
    const next = step(perStep[t], state, weights);
    if (lengths) {
      const isValid = reshape(gt(lengths, t), [batch, 1]);
      state = next.map((s, j) => where(isValid, s, state[j]));
      outputs[t] = where(isValid, next[0], 0);
    } else {
      state = next;
      outputs[t] = next[0];
    }
  }
  return { outputs, final: state };
}
