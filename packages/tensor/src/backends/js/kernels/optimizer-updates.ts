import type { OpName, UpdateAttrs } from '../../../op-attrs';
import type { JsKernel } from '../kernel-types';

// Every update kernel reads its inputs [param, grad, ...state] and writes [param, ...state].
// With runInPlace the outputs are the same buffers as the inputs, so each element is read
// completely before it is written. Arithmetic is float64 and rounded once when stored.

/** x·(1 − lr·λ): the decoupled-decay factor (1 when there is none). */
function decayFactor({ lr, decoupledWeightDecay }: UpdateAttrs): number {
  return 1 - lr * decoupledWeightDecay;
}

const sgdUpdateKernel: JsKernel<'sgdUpdate'> = ([param, grad], attrs, [xOut]) => {
  const { lr, weightDecay } = attrs;
  const decay = decayFactor(attrs);
  const x = param.data;
  const g = grad.data;
  const out = xOut.data;
  for (let i = 0; i < out.length; i++) {
    const xi = x[i];
    out[i] = xi * decay - lr * (g[i] + weightDecay * xi);
  }
};

const momentumUpdateKernel: JsKernel<'momentumUpdate'> = ([param, grad, velocity], attrs, [xOut, vOut]) => {
  const { lr, weightDecay, momentum, dampening, nesterov } = attrs;
  const decay = decayFactor(attrs);
  const x = param.data;
  const g = grad.data;
  const v = velocity.data;
  for (let i = 0; i < xOut.data.length; i++) {
    const xi = x[i];
    const gi = g[i] + weightDecay * xi;
    const vi = momentum * v[i] + (1 - dampening) * gi;
    vOut.data[i] = vi;
    xOut.data[i] = xi * decay - lr * (nesterov ? gi + momentum * vi : vi);
  }
};

const adagradUpdateKernel: JsKernel<'adagradUpdate'> = ([param, grad, sumSquares], attrs, [xOut, hOut]) => {
  const { lr, weightDecay, eps } = attrs;
  const decay = decayFactor(attrs);
  const x = param.data;
  const g = grad.data;
  const h = sumSquares.data;
  for (let i = 0; i < xOut.data.length; i++) {
    const xi = x[i];
    const gi = g[i] + weightDecay * xi;
    const hi = h[i] + gi * gi;
    hOut.data[i] = hi;
    xOut.data[i] = xi * decay - (lr * gi) / (Math.sqrt(hi) + eps);
  }
};

const adadeltaUpdateKernel: JsKernel<'adadeltaUpdate'> = (
  [param, grad, squareAvg, deltaAvg],
  attrs,
  [xOut, sOut, uOut],
) => {
  const { lr, weightDecay, rho, eps } = attrs;
  const decay = decayFactor(attrs);
  const x = param.data;
  const g = grad.data;
  const s = squareAvg.data;
  const u = deltaAvg.data;
  for (let i = 0; i < xOut.data.length; i++) {
    const xi = x[i];
    const gi = g[i] + weightDecay * xi;
    const si = rho * s[i] + (1 - rho) * gi * gi;
    // Zeiler's unit correction: RMS of past updates over RMS of gradients.
    const delta = (Math.sqrt(u[i] + eps) / Math.sqrt(si + eps)) * gi;
    sOut.data[i] = si;
    uOut.data[i] = rho * u[i] + (1 - rho) * delta * delta;
    xOut.data[i] = xi * decay - lr * delta;
  }
};

const rmspropUpdateKernel: JsKernel<'rmspropUpdate'> = (inputs, attrs, outputs) => {
  const { lr, weightDecay, alpha, eps, momentum, centered } = attrs;
  const decay = decayFactor(attrs);
  const x = inputs[0].data;
  const g = inputs[1].data;
  const s = inputs[2].data;
  // Optional state follows squareAvg in a fixed order: gradAvg (centered), then the momentum buffer.
  const a = centered ? inputs[3].data : null;
  const b = momentum > 0 ? inputs[centered ? 4 : 3].data : null;
  const [xOut, sOut] = outputs;
  const aOut = centered ? outputs[2].data : null;
  const bOut = momentum > 0 ? outputs[centered ? 3 : 2].data : null;
  for (let i = 0; i < xOut.data.length; i++) {
    const xi = x[i];
    const gi = g[i] + weightDecay * xi;
    const si = alpha * s[i] + (1 - alpha) * gi * gi;
    sOut.data[i] = si;
    let avg: number;
    if (a && aOut) {
      const ai = alpha * a[i] + (1 - alpha) * gi;
      aOut[i] = ai;
      avg = Math.sqrt(si - ai * ai) + eps;
    } else {
      avg = Math.sqrt(si) + eps;
    }
    let step = gi / avg;
    if (b && bOut) {
      step += momentum * b[i];
      bOut[i] = step;
    }
    xOut.data[i] = xi * decay - lr * step;
  }
};

const adamUpdateKernel: JsKernel<'adamUpdate'> = (inputs, attrs, outputs) => {
  const { lr, weightDecay, beta1, beta2, eps, step, amsgrad } = attrs;
  const decay = decayFactor(attrs);
  // m̂ = m / (1 − β1ᵗ), v̂ = v / (1 − β2ᵗ); x ← x − lr·m̂ / (√v̂ + ε)   (Kingma & Ba, Algorithm 1)
  const stepSize = step > 0 ? lr / (1 - beta1 ** step) : lr;
  const sqrtCorrection2 = step > 0 ? Math.sqrt(1 - beta2 ** step) : 1;
  const [param, grad, mIn, vIn] = inputs;
  const [xOut, mOut, vOut] = outputs;
  const vMaxIn = amsgrad ? inputs[4].data : null;
  const vMaxOut = amsgrad ? outputs[3].data : null;
  for (let i = 0; i < xOut.data.length; i++) {
    const xi = param.data[i];
    const gi = grad.data[i] + weightDecay * xi;
    const mi = beta1 * mIn.data[i] + (1 - beta1) * gi;
    let vi = beta2 * vIn.data[i] + (1 - beta2) * gi * gi;
    mOut.data[i] = mi;
    vOut.data[i] = vi;
    if (vMaxIn && vMaxOut) {
      vi = Math.max(vMaxIn[i], vi);
      vMaxOut[i] = vi;
    }
    xOut.data[i] = xi * decay - (stepSize * mi) / (Math.sqrt(vi) / sqrtCorrection2 + eps);
  }
};

const adamaxUpdateKernel: JsKernel<'adamaxUpdate'> = ([param, grad, mIn, uIn], attrs, [xOut, mOut, uOut]) => {
  const { lr, weightDecay, beta1, beta2, eps, step } = attrs;
  const decay = decayFactor(attrs);
  // u is the exponentially weighted infinity norm: u ← max(β2·u, |g| + ε).
  const stepSize = step > 0 ? lr / (1 - beta1 ** step) : lr;
  for (let i = 0; i < xOut.data.length; i++) {
    const xi = param.data[i];
    const gi = grad.data[i] + weightDecay * xi;
    const mi = beta1 * mIn.data[i] + (1 - beta1) * gi;
    const ui = Math.max(beta2 * uIn.data[i], Math.abs(gi) + eps);
    mOut.data[i] = mi;
    uOut.data[i] = ui;
    xOut.data[i] = xi * decay - (stepSize * mi) / ui;
  }
};

const lionUpdateKernel: JsKernel<'lionUpdate'> = ([param, grad, mIn], attrs, [xOut, mOut]) => {
  const { lr, weightDecay, beta1, beta2 } = attrs;
  const decay = decayFactor(attrs);
  // The step direction interpolates with β1, the stored momentum with β2 (Chen et al. 2023).
  for (let i = 0; i < xOut.data.length; i++) {
    const xi = param.data[i];
    const gi = grad.data[i] + weightDecay * xi;
    const mi = mIn.data[i];
    xOut.data[i] = xi * decay - lr * Math.sign(beta1 * mi + (1 - beta1) * gi);
    mOut.data[i] = beta2 * mi + (1 - beta2) * gi;
  }
};

type OptimizerUpdateName =
  | 'sgdUpdate'
  | 'momentumUpdate'
  | 'adagradUpdate'
  | 'adadeltaUpdate'
  | 'rmspropUpdate'
  | 'adamUpdate'
  | 'adamaxUpdate'
  | 'lionUpdate';

/** The js kernels of the fused optimizer updates. */
export const optimizerUpdateKernels: { [K in OptimizerUpdateName & OpName]: JsKernel<K> } = {
  sgdUpdate: sgdUpdateKernel,
  momentumUpdate: momentumUpdateKernel,
  adagradUpdate: adagradUpdateKernel,
  adadeltaUpdate: adadeltaUpdateKernel,
  rmspropUpdate: rmspropUpdateKernel,
  adamUpdate: adamUpdateKernel,
  adamaxUpdate: adamaxUpdateKernel,
  lionUpdate: lionUpdateKernel,
};
