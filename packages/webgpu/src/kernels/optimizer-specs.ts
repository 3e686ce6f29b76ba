import type { OpAttrs, UpdateAttrs } from '@nagare/tensor';

/**
 * One fused optimizer update in WGSL: the names of its inputs and outputs (each a `let` in the
 * body), its f32 constants (from attrs, folded on the CPU in float64), and a body that reads the
 * input names and defines every output name. Formulas mirror the js backend's kernels.
 */
export interface UpdateSpec<K extends keyof OpAttrs> {
  inputs(attrs: OpAttrs[K]): string[];
  outputs(attrs: OpAttrs[K]): string[];
  constants(attrs: OpAttrs[K]): Record<string, number>;
  body(attrs: OpAttrs[K]): string;
}

/** lr, coupled decay λ and the decoupled-decay factor 1 − lr·λ every update shares. */
const shared = ({ lr, weightDecay, decoupledWeightDecay }: UpdateAttrs) => ({
  lr,
  weightDecay,
  decay: 1 - lr * decoupledWeightDecay,
});

const GRADIENT = 'let gi = g + weightDecay * x;';

/** Adam-style bias correction of the step size (1 when `step` is 0, as ONNX Adam at T = 0). */
const correctedStep = (lr: number, beta1: number, step: number) => (step > 0 ? lr / (1 - beta1 ** step) : lr);

/** The fused optimizer updates. */
export type UpdateName =
  | 'sgdUpdate'
  | 'momentumUpdate'
  | 'adagradUpdate'
  | 'adadeltaUpdate'
  | 'rmspropUpdate'
  | 'adamUpdate'
  | 'adamaxUpdate'
  | 'lionUpdate';

export const UPDATE_SPECS: { [K in UpdateName]: UpdateSpec<K> } = {
  sgdUpdate: {
    inputs: () => ['x', 'g'],
    outputs: () => ['xOut'],
    constants: shared,
    body: () => 'let xOut = x * decay - lr * (g + weightDecay * x);',
  },
  momentumUpdate: {
    inputs: () => ['x', 'g', 'v'],
    outputs: () => ['xOut', 'vOut'],
    constants: (a) => ({ ...shared(a), momentum: a.momentum, undamped: 1 - a.dampening }),
    body: (a) => `${GRADIENT}
  let vOut = momentum * v + undamped * gi;
  let xOut = x * decay - lr * ${a.nesterov ? '(gi + momentum * vOut)' : 'vOut'};`,
  },
  adagradUpdate: {
    inputs: () => ['x', 'g', 'h'],
    outputs: () => ['xOut', 'hOut'],
    constants: (a) => ({ ...shared(a), eps: a.eps }),
    body: () => `${GRADIENT}
  let hOut = h + gi * gi;
  let xOut = x * decay - (lr * gi) / (sqrt(hOut) + eps);`,
  },
  adadeltaUpdate: {
    inputs: () => ['x', 'g', 's', 'u'],
    outputs: () => ['xOut', 'sOut', 'uOut'],
    constants: (a) => ({ ...shared(a), rho: a.rho, keep: 1 - a.rho, eps: a.eps }),
    // Zeiler's unit correction: RMS of past updates over RMS of gradients.
    body: () => `${GRADIENT}
  let sOut = rho * s + keep * gi * gi;
  let delta = sqrt(u + eps) / sqrt(sOut + eps) * gi;
  let uOut = rho * u + keep * delta * delta;
  let xOut = x * decay - lr * delta;`,
  },
  rmspropUpdate: {
    // Optional state follows squareAvg in a fixed order: gradAvg (centered), then the momentum buffer.
    inputs: (a) => ['x', 'g', 's', ...(a.centered ? ['a'] : []), ...(a.momentum > 0 ? ['b'] : [])],
    outputs: (a) => ['xOut', 'sOut', ...(a.centered ? ['aOut'] : []), ...(a.momentum > 0 ? ['bOut'] : [])],
    constants: (a) => ({ ...shared(a), alpha: a.alpha, keep: 1 - a.alpha, eps: a.eps, momentum: a.momentum }),
    body: (a) => `${GRADIENT}
  let sOut = alpha * s + keep * gi * gi;
  ${a.centered ? 'let aOut = alpha * a + keep * gi;\n  let avg = sqrt(sOut - aOut * aOut) + eps;' : 'let avg = sqrt(sOut) + eps;'}
  ${a.momentum > 0 ? 'let bOut = gi / avg + momentum * b;\n  let stepValue = bOut;' : 'let stepValue = gi / avg;'}
  let xOut = x * decay - lr * stepValue;`,
  },
  adamUpdate: {
    inputs: (a) => ['x', 'g', 'm', 'v', ...(a.amsgrad ? ['vMax'] : [])],
    outputs: (a) => ['xOut', 'mOut', 'vOut', ...(a.amsgrad ? ['vMaxOut'] : [])],
    // m̂ = m / (1 − β1ᵗ), v̂ = v / (1 − β2ᵗ); x ← x − lr·m̂ / (√v̂ + ε)   (Kingma & Ba, Algorithm 1)
    constants: (a) => ({
      ...shared(a),
      beta1: a.beta1,
      keep1: 1 - a.beta1,
      beta2: a.beta2,
      keep2: 1 - a.beta2,
      eps: a.eps,
      stepSize: correctedStep(a.lr, a.beta1, a.step),
      sqrtCorrection2: a.step > 0 ? Math.sqrt(1 - a.beta2 ** a.step) : 1,
    }),
    body: (a) => `${GRADIENT}
  let mOut = beta1 * m + keep1 * gi;
  let vOut = beta2 * v + keep2 * gi * gi;
  ${a.amsgrad ? 'let vMaxOut = jsMax(vMax, vOut);\n  let vUsed = vMaxOut;' : 'let vUsed = vOut;'}
  let xOut = x * decay - (stepSize * mOut) / (sqrt(vUsed) / sqrtCorrection2 + eps);`,
  },
  adamaxUpdate: {
    inputs: () => ['x', 'g', 'm', 'u'],
    outputs: () => ['xOut', 'mOut', 'uOut'],
    // u is the exponentially weighted infinity norm: u ← max(β2·u, |g| + ε).
    constants: (a) => ({
      ...shared(a),
      beta1: a.beta1,
      keep1: 1 - a.beta1,
      beta2: a.beta2,
      eps: a.eps,
      stepSize: correctedStep(a.lr, a.beta1, a.step),
    }),
    body: () => `${GRADIENT}
  let mOut = beta1 * m + keep1 * gi;
  let uOut = jsMax(beta2 * u, abs(gi) + eps);
  let xOut = x * decay - (stepSize * mOut) / uOut;`,
  },
  lionUpdate: {
    inputs: () => ['x', 'g', 'm'],
    outputs: () => ['xOut', 'mOut'],
    constants: (a) => ({
      ...shared(a),
      beta1: a.beta1,
      keep1: 1 - a.beta1,
      beta2: a.beta2,
      keep2: 1 - a.beta2,
    }),
    // The step direction interpolates with β1, the stored momentum with β2 (Chen et al. 2023).
    body: () => `${GRADIENT}
  let direction = beta1 * m + keep1 * gi;
  let xOut = x * decay - lr * select(sign(direction), direction, isNan(direction));
  let mOut = beta2 * m + keep2 * gi;`,
  },
};
