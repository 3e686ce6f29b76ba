// Test-only: the recurrent cells' equations in plain float64 arithmetic on nested arrays, written
// from the papers' (and PyTorch's documented) formulas, independently of the library's tensor code.

export type Matrix = number[][];
export type Vector = number[];

/** One cell's weights in PyTorch's layout: W_ih [G·H, I], W_hh [G·H, H], biases [G·H]. */
export interface ReferenceWeights {
  weightIh: Matrix;
  weightHh: Matrix;
  biasIh: Vector;
  biasHh: Vector;
  /** LSTM peepholes [3][H]: input, forget, output gate. */
  peephole?: Matrix;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Rows [from, from + size) of W times v, plus the same rows of b. */
function gate(w: Matrix, b: Vector, v: Vector, from: number, size: number): Vector {
  return Array.from({ length: size }, (_, j) =>
    w[from + j].reduce((total, wk, k) => total + wk * v[k], b[from + j]),
  );
}

/** h' = act(W_ih·x + b_ih + W_hh·h + b_hh). */
export function referenceRnnStep(x: Vector, h: Vector, w: ReferenceWeights, relu = false): Vector {
  const size = h.length;
  const a = gate(w.weightIh, w.biasIh, x, 0, size);
  const b = gate(w.weightHh, w.biasHh, h, 0, size);
  return a.map((v, j) => (relu ? Math.max(0, v + b[j]) : Math.tanh(v + b[j])));
}

/** [h', c'] of an LSTM step (gates i, f, g, o), with optional peepholes. */
export function referenceLstmStep(x: Vector, h: Vector, c: Vector, w: ReferenceWeights): [Vector, Vector] {
  const size = c.length; // h may be shorter: a projected LSTM's h has size P

  const pre = (k: number) => {
    const a = gate(w.weightIh, w.biasIh, x, k * size, size);
    const b = gate(w.weightHh, w.biasHh, h, k * size, size);
    return a.map((v, j) => v + b[j]);
  };
  const p = w.peephole;
  const i = pre(0).map((v, j) => sigmoid(v + (p ? p[0][j] * c[j] : 0)));
  const f = pre(1).map((v, j) => sigmoid(v + (p ? p[1][j] * c[j] : 0)));
  const g = pre(2).map(Math.tanh);
  const cNext = c.map((cj, j) => f[j] * cj + i[j] * g[j]);
  const o = pre(3).map((v, j) => sigmoid(v + (p ? p[2][j] * cNext[j] : 0)));
  return [cNext.map((cj, j) => o[j] * Math.tanh(cj)), cNext];
}

/** h' of a GRU step (gates r, z, n); `resetAfter` false puts r inside the hidden product. */
export function referenceGruStep(x: Vector, h: Vector, w: ReferenceWeights, resetAfter = true): Vector {
  const size = h.length;
  const xr = gate(w.weightIh, w.biasIh, x, 0, size);
  const xz = gate(w.weightIh, w.biasIh, x, size, size);
  const xn = gate(w.weightIh, w.biasIh, x, 2 * size, size);
  const r = gate(w.weightHh, w.biasHh, h, 0, size).map((v, j) => sigmoid(v + xr[j]));
  const z = gate(w.weightHh, w.biasHh, h, size, size).map((v, j) => sigmoid(v + xz[j]));
  const hn = resetAfter
    ? gate(w.weightHh, w.biasHh, h, 2 * size, size).map((v, j) => r[j] * v)
    : gate(
        w.weightHh,
        w.biasHh,
        h.map((v, j) => r[j] * v),
        2 * size,
        size,
      );
  const n = xn.map((v, j) => Math.tanh(v + hn[j]));
  return n.map((nj, j) => (1 - z[j]) * nj + z[j] * h[j]);
}
