/** The benchmark suites, in the order a default run measures them. */
export const SUITES = ['matmul', 'conv', 'elementwise', 'dispatch', 'train', 'small'] as const;

/** One benchmark suite: a family of cases sharing a unit. */
export type SuiteName = (typeof SUITES)[number];

/** The libraries a run compares: nagare's two backends and the four peers. */
export const LIBS = ['nagare-js', 'nagare-wasm', 'tfjs-wasm', 'tfjs-cpu', 'onnxruntime', 'pytorch'] as const;

/** A library measured by the benchmark. */
export type LibName = (typeof LIBS)[number];

/** The unit each suite reports in. */
export const SUITE_UNITS = {
  matmul: 'GFLOP/s',
  conv: 'GFLOP/s',
  elementwise: 'Melem/s',
  dispatch: 'µs/op',
  train: 'samples/s',
  small: 'ms/step',
} as const satisfies Record<SuiteName, string>;

/** A unit of a result row. */
export type BenchUnit = (typeof SUITE_UNITS)[SuiteName];

/** True when a smaller value is better (a cost per op rather than a throughput). */
export function isLowerBetter(unit: BenchUnit): boolean {
  return unit === 'µs/op' || unit === 'ms/step';
}

/**
 * One measured (or failed) result: the JSON row format of `--json`. `value` is the median over
 * the repeated runs; a contender that could not run the case has `value: null` and a `note`
 * saying why (a missing kernel, an unavailable backend, …).
 */
export interface BenchRow {
  suite: SuiteName;
  /** The size that was measured, e.g. `"1024"` for a 1024×1024 matmul. */
  case: string;
  lib: LibName;
  threads: number;
  value: number | null;
  unit: BenchUnit;
  note?: string;
}

/** What a case is and how much work one run of it does. */
export type CaseSpec =
  | { suite: 'matmul'; name: string; n: number }
  | { suite: 'conv'; name: string; input: readonly [number, number, number, number]; outChannels: number }
  | { suite: 'elementwise'; name: string; op: ElementwiseOp; size: number }
  | { suite: 'dispatch'; name: string; size: number }
  | { suite: 'train'; name: string; model: TrainModel; batchSize: number }
  | { suite: 'small'; name: string; loop: SmallLoop; batchSize: number; batches: number };

/** The elementwise ops measured on 1e6 float32 values (`sum` reduces them to a scalar). */
export type ElementwiseOp = 'add' | 'relu' | 'exp' | 'sum';

/** The two MNIST networks trained: a 784-256-128-10 ReLU MLP and a LeNet-5-style CNN. */
export type TrainModel = 'mlp' | 'cnn';

/**
 * How the `small` suite trains its 2-64-64-2 MLP: `loop` is a hand-written step (forward,
 * cross-entropy, backward, Adam step, zero grad) cycling through the batches; `fit` is one epoch of
 * `@nagare/train`'s `fit` over the same batches, per run, so its time per step includes what `fit`
 * adds (loading batches, metrics, callbacks).
 */
export type SmallLoop = 'loop' | 'fit';

/**
 * One prepared case on one contender: `run` does the measured unit of work once (one matmul, one
 * training step); when it returns a promise (onnxruntime's `run` is asynchronous) the timing
 * awaits it. `dispose` frees what preparing it allocated.
 */
export interface PreparedCase {
  run(): unknown;
  /**
   * For a contender that times itself (a child process, where one round trip per run would be
   * measured too): does `count` runs and resolves to the ms they took by the contender's own clock.
   * The timing uses it instead of timing `run` when it is present.
   */
  runTimed?(count: number): Promise<number>;
  dispose(): void;
}

/** A library at a thread count that can prepare cases. */
export interface Contender {
  readonly lib: LibName;
  /** Threads the library actually uses (as it reports them), which the rows record. */
  readonly threads: number;
  /** Column title in the table, e.g. `nagare-wasm ×2`. */
  readonly label: string;
  /** Extra facts for the report header (SIMD level, version, …). */
  readonly description: string;
  /** Makes this contender's backend the active one (nagare and tfjs keep a global backend). */
  activate(): Promise<void>;
  /** Builds inputs (or a model) for the case; throws when the library cannot run it. */
  prepare(spec: CaseSpec): Promise<PreparedCase>;
  /** Frees the backend (worker threads, wasm memory). */
  destroy(): Promise<void>;
}

/** A contender that could not be created, kept so every cell of its column says why. */
export interface UnavailableContender {
  readonly lib: LibName;
  readonly threads: number;
  readonly label: string;
  readonly reason: string;
}
