import { ArgumentError } from '@nagare/tensor';
import { Sequential } from '../containers/sequential';
import { Conv2d } from '../layers/conv2d';
import { Flatten } from '../layers/flatten';
import { Linear } from '../layers/linear';
import { AvgPool2d, MaxPool2d } from '../layers/pool2d';
import { type ActivationChoice, layerOptions, type ModelOptions, makeActivation } from './model-options';

/**
 * Which LeNet-5: `'original'` (tanh and average pooling, as LeCun et al., 1998) or `'modern'`
 * (ReLU and max pooling, the form most courses and the CLI's `mnist-lenet5` recipe train).
 */
export type LeNet5Variant = 'original' | 'modern';

/** Options of `lenet5`. */
export interface LeNet5Options extends ModelOptions {
  /** Output classes (default 10). */
  numClasses?: number;
  /** The variant whose activation and pooling are the defaults (default `'original'`). */
  variant?: LeNet5Variant;
  /** The activation after every layer but the last (default: the variant's, `'tanh'` or `'relu'`). */
  activation?: ActivationChoice;
  /** Subsampling layers, `'avg'` or `'max'` (default: the variant's, `'avg'` or `'max'`). */
  pooling?: 'avg' | 'max';
}

const VARIANTS: Record<LeNet5Variant, { activation: ActivationChoice; pooling: 'avg' | 'max' }> = {
  original: { activation: 'tanh', pooling: 'avg' },
  modern: { activation: 'relu', pooling: 'max' },
};

/**
 * LeNet-5 (LeCun et al., 1998) for 28×28 digits, as usually built today: C1 Conv(1→6, 5×5,
 * padding 2) → S2 pool 2 → C3 Conv(6→16, 5×5) → S4 pool 2 → F5 Linear(400→120) → F6
 * Linear(120→84) → output Linear(84→numClasses). Input `[N, 1, 28, 28]` → `[N, numClasses]`;
 * 61,706 parameters for 10 classes. Every variant has the same parameter names (`c1.weight`, …,
 * `output.bias`) and, for one seed, the same initial weights.
 *
 * @example
 * const model = lenet5({ seed: 0 });
 * model.call(randn([8, 1, 28, 28])).shape; // [8, 10]
 * const modern = lenet5({ variant: 'modern', seed: 0 }); // ReLU and max pooling
 */
export function lenet5(options: LeNet5Options = {}): Sequential {
  const variant = options.variant ?? 'original';
  if (!Object.hasOwn(VARIANTS, variant)) {
    throw new ArgumentError('lenet5', `variant must be 'original' or 'modern', got ${String(variant)}`);
  }
  const layer = layerOptions(options);
  const activation = options.activation ?? VARIANTS[variant].activation;
  const pooling = options.pooling ?? VARIANTS[variant].pooling;
  const act = () => makeActivation(activation);
  const pool = () => (pooling === 'max' ? new MaxPool2d(2) : new AvgPool2d(2));
  return Sequential.named({
    c1: new Conv2d(1, 6, 5, { padding: 2, ...layer }),
    act1: act(),
    s2: pool(),
    c3: new Conv2d(6, 16, 5, layer),
    act3: act(),
    s4: pool(),
    flatten: new Flatten(),
    f5: new Linear(16 * 5 * 5, 120, layer),
    act5: act(),
    f6: new Linear(120, 84, layer),
    act6: act(),
    output: new Linear(84, options.numClasses ?? 10, layer),
  });
}
