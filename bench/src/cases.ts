import { type CaseSpec, type ElementwiseOp, SUITE_UNITS, type SuiteName } from './types';

/** Mini-batch size of every training step (the issue fixes it at 64, Adam with lr 1e-3). */
export const TRAIN_BATCH_SIZE = 64;

/** Learning rate of the Adam optimizer in the training steps. */
export const TRAIN_LEARNING_RATE = 1e-3;

/** Mini-batch size of the `small` suite's 2-64-64-2 MLP. */
export const SMALL_BATCH_SIZE = 32;

/**
 * Distinct two-spiral batches of the `small` suite: the hand-written loop cycles through them and
 * one run of the `fit` case is an epoch over them, so `fit`'s per-epoch set-up is spread over this
 * many steps, as in any real epoch.
 */
export const SMALL_BATCHES = 32;

const ELEMENTWISE_SIZE = 1_000_000;
const ELEMENTWISE_OPS: readonly ElementwiseOp[] = ['add', 'relu', 'exp', 'sum'];

/** Every case of issue 5's benchmark list (and issue 16's `small` suite), suite by suite. */
export const ALL_CASES: readonly CaseSpec[] = [
  ...[128, 256, 512, 1024].map((n): CaseSpec => ({ suite: 'matmul', name: String(n), n })),
  { suite: 'conv', name: '64x1x28x28→32', input: [64, 1, 28, 28], outChannels: 32 },
  { suite: 'conv', name: '32x64x32x32→64', input: [32, 64, 32, 32], outChannels: 64 },
  ...ELEMENTWISE_OPS.map(
    (op): CaseSpec => ({ suite: 'elementwise', name: `${op} 1e6`, op, size: ELEMENTWISE_SIZE }),
  ),
  { suite: 'dispatch', name: 'add 10', size: 10 },
  { suite: 'train', name: 'mlp 784-256-128-10', model: 'mlp', batchSize: TRAIN_BATCH_SIZE },
  { suite: 'train', name: 'lenet5 cnn', model: 'cnn', batchSize: TRAIN_BATCH_SIZE },
  ...(['loop', 'fit'] as const).map(
    (loop): CaseSpec => ({
      suite: 'small',
      name: `mlp 2-64-64-2 ${loop}`,
      loop,
      batchSize: SMALL_BATCH_SIZE,
      batches: SMALL_BATCHES,
    }),
  ),
];

/** The cases of the chosen suites (all when `suites` is empty), optionally only the named ones. */
export function selectCases(suites: readonly SuiteName[], names: readonly string[] = []): CaseSpec[] {
  return ALL_CASES.filter(
    (spec) =>
      (suites.length === 0 || suites.includes(spec.suite)) &&
      (names.length === 0 || names.includes(spec.name)),
  );
}

/**
 * Floating-point operations of one conv2d, 3×3 stride 1 'same': two (multiply and add) per weight
 * tap per output element.
 */
function convFlops(spec: Extract<CaseSpec, { suite: 'conv' }>): number {
  const [n, c, h, w] = spec.input;
  return 2 * n * spec.outChannels * h * w * c * 3 * 3;
}

/**
 * Converts the median seconds of one run into the suite's unit: GFLOP/s for matmul (2n³ per
 * product) and conv, Melem/s of input elements for elementwise, µs per op for dispatch, samples per
 * second for training steps, ms per step for the `small` suite (a `fit` run is an epoch of
 * `batches` steps).
 */
export function toUnitValue(spec: CaseSpec, seconds: number): number {
  switch (spec.suite) {
    case 'matmul':
      return (2 * spec.n ** 3) / seconds / 1e9;
    case 'conv':
      return convFlops(spec) / seconds / 1e9;
    case 'elementwise':
      return spec.size / seconds / 1e6;
    case 'dispatch':
      return seconds * 1e6;
    case 'train':
      return spec.batchSize / seconds;
    case 'small':
      return (spec.loop === 'fit' ? seconds / spec.batches : seconds) * 1e3;
  }
}

/** The unit a case's rows report in. */
export function unitOf(spec: CaseSpec) {
  return SUITE_UNITS[spec.suite];
}
