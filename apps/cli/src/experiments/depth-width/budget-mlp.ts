import { Flatten, init, Linear, ReLU, Residual, Sequential, type TensorModule } from '@nagare/layers';
import { ArgumentError, Generator } from '@nagare/tensor';

/**
 * Parameters of an MLP `inputs → width × hidden layers → classes`: the input layer, `hidden − 1`
 * square layers (each w² + w) and the output layer. A residual version has the same count, since
 * identity shortcuts add none.
 *
 * @example
 * mlpParameterCount(784, 126, 1, 10); // 100,180
 */
export function mlpParameterCount(inputs: number, width: number, hidden: number, classes: number): number {
  return inputs * width + width + (hidden - 1) * (width * width + width) + width * classes + classes;
}

/**
 * The width that brings an MLP with `hidden` equal hidden layers closest to `budget` parameters
 * (solving (h − 1)·w² + (inputs + classes + h)·w + classes = budget for w).
 *
 * @example
 * widthForBudget(100_000, 32, 784, 10); // 45
 */
export function widthForBudget(budget: number, hidden: number, inputs: number, classes: number): number {
  if (!Number.isInteger(hidden) || hidden < 1) {
    throw new ArgumentError('widthForBudget', `hidden layers must be a positive integer, got ${hidden}`);
  }
  const a = hidden - 1;
  const b = inputs + classes + hidden;
  const c = classes - budget;
  const exact = a === 0 ? -c / b : (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
  if (!(exact >= 1)) {
    throw new ArgumentError(
      'widthForBudget',
      `a budget of ${budget} parameters is too small for ${hidden} layers`,
    );
  }
  // The parameter count grows with w, so the best width is one of the integers around the root.
  const candidates = [Math.floor(exact), Math.ceil(exact)].filter((w) => w >= 1);
  const distance = (w: number) => Math.abs(mlpParameterCount(inputs, w, hidden, classes) - budget);
  return candidates.reduce((best, w) => (distance(w) < distance(best) ? w : best));
}

/** Options of `budgetMlp`. */
export interface BudgetMlpOptions {
  inputs: number;
  width: number;
  /** Hidden layers (≥ 1). */
  hidden: number;
  classes: number;
  /** Identity shortcuts around every hidden layer after the first. */
  isResidual: boolean;
  seed: number;
}

// He normal, N(0, 2/fanIn), keeps the activations' scale through a plain ReLU stack (He et al., 2015).
const heNormal =
  (scale: number) => (t: Parameters<typeof init.normal>[0], options: { generator: Generator }) =>
    init.normal(t, { ...options, std: scale * Math.sqrt(2 / t.shape[1]) });

/**
 * A flattening MLP classifier with `hidden` ReLU layers of one width, plain or residual. Plain:
 * Linear → (ReLU → Linear) × (hidden − 1) → ReLU → Linear. Residual: the same layers, each
 * `ReLU → Linear` after the first wrapped as `x + Linear(ReLU(x))`. Every weight starts He-normal;
 * a residual branch's is scaled by 1/√(hidden − 1) so the sum of the branches keeps the scale of
 * its input, the way Fixup-style initializations keep deep residual nets stable without BatchNorm.
 *
 * @example
 * budgetMlp({ inputs: 784, width: 45, hidden: 32, classes: 10, isResidual: true, seed: 0 }).numParameters(); // 99,955
 */
export function budgetMlp(options: BudgetMlpOptions): Sequential {
  const { inputs, width, hidden, classes } = options;
  const generator = new Generator(options.seed);
  const plain = { generator, weightInit: heNormal(1) };
  const branch = { generator, weightInit: heNormal(1 / Math.sqrt(Math.max(1, hidden - 1))) };
  const layers: TensorModule[] = [new Flatten(), new Linear(inputs, width, plain)];
  for (let layer = 1; layer < hidden; layer++) {
    if (options.isResidual) {
      layers.push(new Residual(new Sequential(new ReLU(), new Linear(width, width, branch))));
    } else {
      layers.push(new ReLU(), new Linear(width, width, plain));
    }
  }
  layers.push(new ReLU(), new Linear(width, classes, plain));
  return new Sequential(...layers);
}
