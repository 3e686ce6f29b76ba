import { join } from 'node:path';
import { DataLoader, type Dataset, onInputs, randomShift } from '@nagare/data';
import type { Optimizer } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { BackendChoice } from '../backend/select-backend';
import type { TrainConfig } from '../config/train-config';
import type { Recipe, RecipeModel } from '../recipes/recipe';
import { backendLine } from './choose-backend';
import { initializeFrom } from './init-from';
import type { RunSplits } from './load-splits';
import { createOptimizer, createSchedule } from './optimizer-factory';
import { prepareRunDir } from './run-dir';
import { writeTextAtomic } from './run-files';

/** What a run trains with once it has started: its directory, resolved config, model and data. */
export interface RunSession {
  recipe: Recipe;
  /** The config with the backend actually chosen. */
  config: TrainConfig;
  outDir: string;
  model: RecipeModel;
  optimizer: Optimizer;
  schedule: ReturnType<typeof createSchedule>;
  /** The training data as fit draws it (a loader with augmentation when the config asks for it). */
  train: Dataset<Tensor[]> | DataLoader<Tensor[], Tensor[]>;
  splits: RunSplits;
}

/** The run directory: the resumed one, --out, or a fresh default one (never shared with another run). */
function runDirectory(out: string | null, recipe: Recipe, isResume: boolean): Promise<string> {
  return isResume && out !== null ? Promise.resolve(out) : prepareRunDir(out ?? undefined, recipe.name);
}

/** The training split, shifted at random by up to `augment` pixels for image recipes. */
function trainingData(recipe: Recipe, config: TrainConfig, splits: RunSplits): RunSession['train'] {
  if (config.augment === 0 || recipe.input.kind !== 'image') return splits.train;
  return new DataLoader(splits.train, {
    batchSize: config.batchSize,
    shuffle: true,
    seed: config.seed,
    transform: onInputs(randomShift(config.augment)),
  });
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Starts a run: creates its directory and writes config.json (with the chosen backend), builds the
 * model, optimizer, schedule and training data, and prints the run's header lines.
 *
 * @example
 * const session = await startRun({ recipe, config, out: null, isResume: false }, splits, choice, log);
 */
export async function startRun(
  plan: { recipe: Recipe; config: TrainConfig; out: string | null; isResume: boolean; initFrom?: string },
  splits: RunSplits,
  choice: BackendChoice,
  log: (line: string) => void,
): Promise<RunSession> {
  const { recipe } = plan;
  const config: TrainConfig = { ...plan.config, backend: choice.name };
  const model = recipe.build(config);
  // Before the run directory exists, so weights that do not fit leave nothing behind.
  if (plan.initFrom !== undefined)
    await initializeFrom(model, plan.initFrom).catch((error) => {
      model.dispose();
      throw error;
    });
  const outDir = await runDirectory(plan.out, recipe, plan.isResume);
  await writeTextAtomic(join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  const optimizer = createOptimizer(config.optimizer, model.parameters(), config);
  const stepsPerEpoch = Math.ceil(splits.train.length / config.batchSize);
  const schedule = createSchedule(config.schedule, config.lr, config.epochs * stepsPerEpoch);
  log(
    `${recipe.name}: ${count(model.numParameters())} parameters; ${count(splits.train.length)} train / ${count(splits.val.length)} validation / ${count(splits.test.length)} test samples`,
  );
  log(backendLine(choice, config.threads));
  log(`run directory: ${outDir}${plan.isResume ? ' (resuming)' : ''}`);
  if (plan.initFrom !== undefined) log(`initial weights: ${plan.initFrom}`);
  const train = trainingData(recipe, config, splits);
  return { recipe, config, outDir, model, optimizer, schedule, train, splits };
}
