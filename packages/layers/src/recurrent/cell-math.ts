import { add, matmul, mul, relu, sigmoid, split, sub, type Tensor, tanh } from '@nagare/tensor';

// The update equations of the three recurrent cells, shared by the cell modules (one step) and the
// sequence modules (many steps, several layers and directions). Gates are laid out as PyTorch's:
// LSTM (i, f, g, o), GRU (r, z, n), so weights load from PyTorch one to one.

/** The tensors of one cell (one layer and direction), in PyTorch's layout. */
export interface CellWeights {
  /** `[gates·H, inputSize]` */
  weightIh: Tensor;
  /** `[gates·H, H]` (`[4H, P]` for an LSTM with a projection) */
  weightHh: Tensor;
  /** `[gates·H]`, or null without bias */
  biasIh: Tensor | null;
  /** `[gates·H]`, or null without bias */
  biasHh: Tensor | null;
  /** LSTM with peepholes: `[3, H]`, the cell-state weights of the input, forget and output gates. */
  peephole?: Tensor | null;
  /** LSTM with a projection: `[P, H]`, applied to the new hidden state. */
  weightHr?: Tensor | null;
}

/** The state a cell carries between steps: `[h]` for RNN and GRU, `[h, c]` for LSTM. */
export type CellState = Tensor[];

/**
 * One time step of a cell. `inputGates` is x·W_ihᵀ + b_ih (computed for all steps at once by the
 * sequence modules); the result is the new state, whose first tensor is the step's output h.
 */
export type CellStep = (inputGates: Tensor, state: CellState, weights: CellWeights) => CellState;

/** y = x·Wᵀ + b on the last axis. */
export function affine(x: Tensor, weight: Tensor, bias: Tensor | null): Tensor {
  const y = matmul(x, weight, { transposeB: true });
  return bias ? add(y, bias) : y;
}

/** The nonlinearity of a plain (Elman) RNN. */
export type RnnNonlinearity = 'tanh' | 'relu';

/** h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh) (Elman, 1990). */
export function rnnStep(nonlinearity: RnnNonlinearity): CellStep {
  const activation = nonlinearity === 'relu' ? relu : tanh;
  return (inputGates, [h], w) => [activation(add(inputGates, affine(h, w.weightHh, w.biasHh)))];
}

/**
 * LSTM (Hochreiter & Schmidhuber, 1997, with the forget gate of Gers et al., 2000):
 * i, f, o = σ(·), g = tanh(·), c' = f⊙c + i⊙g, h' = o⊙tanh(c'). With peepholes (Gers &
 * Schmidhuber, 2000) the input and forget gates also see c and the output gate sees c'.
 * With a projection, h' is further multiplied by W_hrᵀ (Sak et al., 2014).
 */
export const lstmStep: CellStep = (inputGates, [h, c], w) => {
  const gates = add(inputGates, affine(h, w.weightHh, w.biasHh));
  const [gi, gf, gg, go] = split(gates, 4, -1);
  const peepholes = w.peephole ? split(w.peephole, 3, 0).map((p) => p.reshape([-1])) : null;
  const i = sigmoid(peepholes ? add(gi, mul(c, peepholes[0])) : gi);
  const f = sigmoid(peepholes ? add(gf, mul(c, peepholes[1])) : gf);
  const cNext = add(mul(f, c), mul(i, tanh(gg)));
  const o = sigmoid(peepholes ? add(go, mul(cNext, peepholes[2])) : go);
  const hNext = mul(o, tanh(cNext));
  return [w.weightHr ? matmul(hNext, w.weightHr, { transposeB: true }) : hNext, cNext];
};

/**
 * GRU (Cho et al., 2014): r, z = σ(·), h' = (1 − z)⊙n + z⊙h with
 * n = tanh(x·W_inᵀ + b_in + r⊙(h·W_hnᵀ + b_hn)) when `resetAfter` (PyTorch's and cuDNN's form), or
 * n = tanh(x·W_inᵀ + b_in + (r⊙h)·W_hnᵀ + b_hn) as in the original paper (ONNX's default).
 */
export function gruStep(resetAfter: boolean): CellStep {
  return (inputGates, [h], w) => {
    const [xr, xz, xn] = split(inputGates, 3, -1);
    let r: Tensor;
    let z: Tensor;
    let n: Tensor;
    if (resetAfter) {
      const [hr, hz, hn] = split(affine(h, w.weightHh, w.biasHh), 3, -1);
      r = sigmoid(add(xr, hr));
      z = sigmoid(add(xz, hz));
      n = tanh(add(xn, mul(r, hn)));
    } else {
      const hidden = w.weightHh.shape[0] / 3;
      const [weightRz, weightN] = split(w.weightHh, [2 * hidden, hidden], 0);
      const [biasRz, biasN] = w.biasHh ? split(w.biasHh, [2 * hidden, hidden], 0) : [null, null];
      const [hr, hz] = split(affine(h, weightRz, biasRz), 2, -1);
      r = sigmoid(add(xr, hr));
      z = sigmoid(add(xz, hz));
      n = tanh(add(xn, affine(mul(r, h), weightN, biasN)));
    }
    // (1 − z)⊙n + z⊙h, written with one product.
    return [add(n, mul(z, sub(h, n)))];
  };
}
