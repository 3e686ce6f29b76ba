import { add, clip, mul, type Tensor, tidy } from '@nagare/tensor';

/** Options of `hardSigmoid`: the line α·x + β that is clipped to [0, 1]. */
export interface HardSigmoidOptions {
  /** Slope (default 1/6, as PyTorch; ONNX's HardSigmoid defaults to 0.2). */
  alpha?: number;
  /** Offset (default 0.5). */
  beta?: number;
}

/**
 * Hard sigmoid clip(α·x + β, 0, 1), a piecewise-linear sigmoid; PyTorch's default line x/6 + 1/2.
 *
 * @example
 * hardSigmoid(tensor([-4, 0, 1.5, 4])); // [0, 0.5, 0.75, 1]
 */
export function hardSigmoid(x: Tensor, options: HardSigmoidOptions = {}): Tensor {
  const { alpha = 1 / 6, beta = 0.5 } = options;
  return tidy(() => clip(add(mul(x, alpha), beta), 0, 1));
}

/**
 * Hard swish x·hardSigmoid(x) = x·relu6(x + 3)/6 (Howard et al., 2019, MobileNetV3).
 *
 * @example
 * hardSwish(tensor([-4, 1, 4])); // [0, 0.6667, 4]
 */
export function hardSwish(x: Tensor): Tensor {
  return tidy(() => mul(x, hardSigmoid(x)));
}
