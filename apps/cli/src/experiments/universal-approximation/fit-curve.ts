import { noGrad } from '@nagare/autograd';
import { regression1d } from '@nagare/data';
import { createActivation, init, Linear, mseLoss, Sequential } from '@nagare/layers';
import { Adam } from '@nagare/optimizers';
import { Generator, type Tensor, tensor, tidy } from '@nagare/tensor';

/** The 1-D targets of `regression1d`, as functions of x ∈ [−1, 1]. */
export const TARGETS = {
  sin: (x: number) => Math.sin(Math.PI * x),
  step: (x: number) => (x > 0 ? 1 : 0),
  bump: (x: number) => (Math.abs(x) < 0.5 ? 1 : 0),
} as const;
export type TargetName = keyof typeof TARGETS;

/** How each target is written in the report. */
export const TARGET_LABELS: Record<TargetName, string> = {
  sin: 'sin(πx)',
  step: 'step: 1 if x > 0',
  bump: 'bump: 1 if |x| < 0.5',
};

/** Activations a one-hidden-layer net may use here. */
export type ShallowActivation = 'sigmoid' | 'tanh' | 'relu';

/** What `fitCurve` fits and how long. */
export interface FitCurveOptions {
  target: TargetName;
  /** Units of the one hidden layer. */
  width: number;
  activation: ShallowActivation;
  /** Training points x ~ U(−1, 1). */
  samples: number;
  /** Full-batch Adam steps. */
  steps: number;
  lr: number;
  /** Points of the evenly spaced grid the fit is measured and drawn on. */
  gridPoints: number;
  seed: number;
}

/** A fitted curve: the net's output on the grid and its error against the noiseless target. */
export interface FittedCurve {
  grid: number[];
  prediction: number[];
  /** Mean squared error on the grid. */
  mse: number;
  /** `[step, training MSE]`, every 50th step. */
  losses: [number, number][];
}

// With x in [−1, 1], PyTorch's default init (|w| ≤ 1) gives every unit a gentle slope centred far
// out; steep units spread over the interval (transitions at x = −b/w) let a few steps reach a jump.
const HIDDEN_SCALE = 5;

/**
 * A net with one hidden layer, `Linear(1, width) → activation → Linear(width, 1)`, for x → y. The
 * hidden weights start N(0, 5²) and the biases U(−5, 5), so the units' transitions spread over
 * [−1, 1] with a range of slopes.
 *
 * @example
 * shallowNet(8, 'sigmoid', 0).call(zeros([5, 1])).shape; // [5, 1]
 */
export function shallowNet(width: number, activation: ShallowActivation, seed: number): Sequential {
  const generator = new Generator(seed);
  return new Sequential(
    new Linear(1, width, {
      generator,
      weightInit: (t, random) => init.normal(t, { ...random, std: HIDDEN_SCALE }),
      biasInit: (t, random) => init.uniform(t, { ...random, low: -HIDDEN_SCALE, high: HIDDEN_SCALE }),
    }),
    createActivation(activation),
    new Linear(width, 1, { generator }),
  );
}

/**
 * Fits a one-hidden-layer net to `samples` noiseless points of a 1-D target with full-batch Adam
 * and MSE, then measures it on an even grid over [−1, 1]: the universal-approximation theorem
 * (Cybenko, 1989; Hornik, 1991) in practice.
 *
 * @example
 * const fit = fitCurve({ target: 'sin', width: 32, activation: 'sigmoid', samples: 256, steps: 3000,
 *   lr: 0.01, gridPoints: 200, seed: 0 });
 * fit.mse; // small
 */
export function fitCurve(options: FitCurveOptions): FittedCurve {
  const data = regression1d(options.target, options.samples, { seed: options.seed });
  const [x, y] = data.getBatch(Array.from({ length: options.samples }, (_, i) => i));
  const model = shallowNet(options.width, options.activation, options.seed);
  const optimizer = new Adam(model.parameters(), { lr: options.lr });
  const losses: [number, number][] = [];
  for (let step = 1; step <= options.steps; step++) {
    const loss = tidy(() => {
      const value = mseLoss(model.call(x), y);
      value.backward();
      optimizer.step();
      optimizer.zeroGrad();
      return step % 50 === 0 ? value.dataSync()[0] : null;
    });
    if (loss !== null) losses.push([step, loss]);
  }
  const grid = Array.from({ length: options.gridPoints }, (_, i) => -1 + (2 * i) / (options.gridPoints - 1));
  const prediction = noGrad(() =>
    tidy(() => Array.from(model.call(tensor(grid, { shape: [grid.length, 1] }) as Tensor).dataSync())),
  );
  const target = TARGETS[options.target];
  const mse = grid.reduce((total, value, i) => total + (prediction[i] - target(value)) ** 2, 0) / grid.length;
  for (const t of [x, y]) t.dispose();
  optimizer.dispose();
  model.dispose();
  return { grid, prediction, mse, losses };
}
