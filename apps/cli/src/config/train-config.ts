import { availableParallelism } from 'node:os';
import { CliError } from '../errors/cli-error';
import { didYouMean } from '../util/nearest';
import { describeRange, type IntegerRange, isInRange, LIMITS } from './limits';

/** The optimizers `--optimizer` accepts. */
export const OPTIMIZER_NAMES = [
  'sgd',
  'momentum',
  'nesterov',
  'adagrad',
  'adadelta',
  'rmsprop',
  'adam',
  'adamw',
  'adamax',
  'lion',
] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** Learning-rate schedules over the run: constant, cosine annealing to 0, or ×0.1 at 50% and 75%. */
export const SCHEDULE_NAMES = ['constant', 'cosine', 'step'] as const;
export type ScheduleName = (typeof SCHEDULE_NAMES)[number];

export const BACKEND_NAMES = ['auto', 'js', 'wasm'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** A recipe's own model options (layer sizes, dropout, …), overridable from a config file. */
export type ModelOptions = Record<string, number | string | boolean | number[]>;

/**
 * Every setting of a training run. The run directory's `config.json` holds it fully resolved
 * (recipe defaults ← config file ← flags), and is itself a valid config file for `nagare train`.
 */
export interface TrainConfig {
  recipe: string;
  epochs: number;
  batchSize: number;
  lr: number;
  optimizer: OptimizerName;
  /** L2 weight decay added to the gradient (AdamW: decoupled). */
  weightDecay: number;
  schedule: ScheduleName;
  seed: number;
  /** The backend the run used ('auto' only before it is resolved). */
  backend: BackendName;
  threads: number;
  /** Use only the first N samples of each split (quick runs); null = all. */
  limit: number | null;
  /** Fraction of the training set held out for validation. */
  valFraction: number;
  /** Largest random shift in pixels applied to training images (0 = no augmentation). */
  augment: number;
  /** Directory with the dataset's files, for recipes whose data is not on npm (Fashion-MNIST). */
  dataDir: string | null;
  model: ModelOptions;
}

type FieldCheck = (value: unknown) => string | null;

const integerIn =
  (range: IntegerRange): FieldCheck =>
  (v) =>
    isInRange(v, range) ? null : describeRange(range);
const oneOf =
  (names: readonly string[]): FieldCheck =>
  (v) =>
    typeof v === 'string' && names.includes(v) ? null : `one of ${names.join(', ')}`;

// What each key must hold, phrased to complete "<key> must be …".
const FIELD_CHECKS: Record<keyof TrainConfig, FieldCheck> = {
  recipe: (v) => (typeof v === 'string' && v.length > 0 ? null : 'a recipe name'),
  epochs: integerIn(LIMITS.epochs),
  batchSize: integerIn(LIMITS.batchSize),
  lr: (v) => (typeof v === 'number' && v > 0 && Number.isFinite(v) ? null : 'a positive number'),
  optimizer: oneOf(OPTIMIZER_NAMES),
  weightDecay: (v) => (typeof v === 'number' && v >= 0 && Number.isFinite(v) ? null : 'a number ≥ 0'),
  schedule: oneOf(SCHEDULE_NAMES),
  seed: integerIn(LIMITS.seed),
  backend: oneOf(BACKEND_NAMES),
  threads: integerIn(LIMITS.threads),
  limit: (v) => (v === null || isInRange(v, LIMITS.limit) ? null : 'a positive integer or null'),
  valFraction: (v) => (typeof v === 'number' && v > 0 && v < 1 ? null : 'a number in (0, 1)'),
  augment: integerIn(LIMITS.augment),
  dataDir: (v) => (v === null || typeof v === 'string' ? null : 'a directory path or null'),
  model: (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? null : 'an object'),
};

/** The keys a config file may contain. */
export const CONFIG_KEYS = Object.keys(FIELD_CHECKS) as (keyof TrainConfig)[];

/** The settings every recipe starts from before its own defaults. */
export const BASE_CONFIG: Omit<TrainConfig, 'recipe' | 'model'> = {
  epochs: 10,
  batchSize: 64,
  lr: 1e-3,
  optimizer: 'adam',
  weightDecay: 0,
  schedule: 'constant',
  seed: 0,
  backend: 'auto',
  // One worker thread per core, capped at 4.
  threads: Math.min(4, availableParallelism()),
  limit: null,
  valFraction: 1 / 12,
  augment: 0,
  dataDir: null,
};

/**
 * Checks a partial config (from a file or flags) key by key; `source` names the file in errors.
 * Model options are checked against the recipe's defaults: same keys, same types.
 *
 * @example
 * checkConfig({ epochs: 0 }, 'config.json'); // throws CliError "config.json: epochs must be an integer ≥ 1, got 0"
 */
export function checkConfig(
  config: Record<string, unknown>,
  source: string,
  modelDefaults?: ModelOptions,
): Partial<TrainConfig> {
  for (const [key, value] of Object.entries(config)) {
    // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
    const check = Object.hasOwn(FIELD_CHECKS, key) ? FIELD_CHECKS[key as keyof TrainConfig] : undefined;
    if (!check) throw new CliError(source, `unknown key "${key}"${didYouMean(key, CONFIG_KEYS)}`);
    const expected = check(value);
    if (expected) throw new CliError(source, `${key} must be ${expected}, got ${JSON.stringify(value)}`);
  }
  if (modelDefaults && config.model) checkModelOptions(config.model as ModelOptions, modelDefaults, source);
  return config as Partial<TrainConfig>;
}

function checkModelOptions(options: ModelOptions, defaults: ModelOptions, source: string): void {
  const known = Object.keys(defaults);
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(defaults, key)) {
      const hint = didYouMean(key, known) || ` (this recipe's model options: ${known.join(', ') || 'none'})`;
      throw new CliError(source, `unknown model option "${key}"${hint}`);
    }
    const expected = defaults[key];
    // Lists are layer sizes: bounded, so a typo like [1e9] is refused before any weight is allocated.
    const isSameType = Array.isArray(expected)
      ? Array.isArray(value) && value.every((item) => isInRange(item, LIMITS.hiddenSize))
      : typeof value === typeof expected && (typeof value !== 'number' || Number.isFinite(value));
    if (!isSameType) {
      const kind = Array.isArray(expected)
        ? `a list of integers from 1 to ${LIMITS.hiddenSize.max.toLocaleString('en-US')}`
        : `a ${typeof expected}`;
      throw new CliError(source, `model.${key} must be ${kind}, got ${JSON.stringify(value)}`);
    }
  }
}

/** Merges layers left to right (later wins); `model` options merge key by key. */
export function mergeConfig(base: TrainConfig, ...layers: Partial<TrainConfig>[]): TrainConfig {
  let merged = { ...base, model: { ...base.model } };
  for (const layer of layers) {
    const defined = Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined));
    merged = { ...merged, ...defined, model: { ...merged.model, ...(layer.model ?? {}) } };
  }
  return merged;
}
