import { ArgumentError } from '@nagare/tensor';

/**
 * Fan-in and fan-out of a weight of `shape`, as PyTorch computes them: `[out, in, ...kernel]`
 * gives fanIn = in × kernel size and fanOut = out × kernel size. Needs rank ≥ 2.
 *
 * @example
 * calculateFanInAndFanOut([64, 3, 3, 3]); // { fanIn: 27, fanOut: 576 }
 */
export function calculateFanInAndFanOut(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length < 2) {
    throw new ArgumentError(
      'calculateFanInAndFanOut',
      `fan in and fan out need a tensor of rank ≥ 2, got shape [${shape.join(', ')}]`,
    );
  }
  const receptiveField = shape.slice(2).reduce((product, d) => product * d, 1);
  return { fanIn: shape[1] * receptiveField, fanOut: shape[0] * receptiveField };
}

/** The nonlinearities `calculateGain` knows, with PyTorch's names in camelCase. */
export type Nonlinearity =
  | 'linear'
  | 'conv1d'
  | 'conv2d'
  | 'conv3d'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leakyRelu'
  | 'selu';

/**
 * The recommended gain for a nonlinearity, as `torch.nn.init.calculate_gain`: 1 for linear,
 * convolutions and sigmoid, 5/3 for tanh, √2 for ReLU, √(2 / (1 + slope²)) for leaky ReLU
 * (`param` is the negative slope, default 0.01) and 3/4 for SELU.
 *
 * @example
 * calculateGain('relu');           // 1.4142…
 * calculateGain('leakyRelu', 0.2); // 1.3867…
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv1d':
    case 'conv2d':
    case 'conv3d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu': {
      const slope = param ?? 0.01;
      if (!Number.isFinite(slope))
        throw new ArgumentError('calculateGain', `negative slope must be finite, got ${slope}`);
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      return 3 / 4;
    default:
      throw new ArgumentError('calculateGain', `unknown nonlinearity "${String(nonlinearity)}"`);
  }
}
