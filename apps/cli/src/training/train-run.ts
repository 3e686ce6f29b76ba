import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataLoader, onInputs, randomShift } from '@nagare/data';
import { crossEntropy } from '@nagare/layers';
import { type Callback, fit, type History, modelCheckpoint } from '@nagare/train';
import { type BackendChoice, selectBackend } from '../backend/select-backend';
import type { TrainConfig } from '../config/train-config';
import type { Recipe } from '../recipes/recipe';
import { formatDuration, percent } from '../util/format';
import { finishRun } from './finish-run';
import { initializeFrom } from './init-from';
import { firstBatch, loadSplits } from './load-splits';
import { CONFIG_METADATA_KEY } from './load-trained';
import { createOptimizer, createSchedule } from './optimizer-factory';
import { type ProgressOutput, progressCallback } from './progress-callback';
import { metricsFile, writeTextAtomic } from './run-files';
import { trialSteps } from './trial-step';

/** What `runTraining` trains and where it writes. */
export interface TrainingPlan {
  recipe: Recipe;
  config: TrainConfig;
  outDir: string;
  /** Continue from `outDir/checkpoints/last.safetensors`. */
  isResume: boolean;
  /** Start from the weights of this safetensors file (`--init-from`) instead of the recipe's init. */
  initFrom?: string;
}

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130;

/** Ctrl-C once: stop after the current batch (fit then writes `last`); twice: quit at once. */
function interruptHandler(controller: AbortController, log: (line: string) => void): () => void {
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(INTERRUPTED_EXIT_CODE);
    controller.abort();
    log('\ninterrupted: finishing the current batch and writing a checkpoint (Ctrl-C again to quit now)');
  };
  process.on('SIGINT', onSigint);
  return () => process.off('SIGINT', onSigint);
}

function backendLine(choice: BackendChoice, threads: number): string {
  const detail = choice.name === 'wasm' ? ` (${threads} thread${threads === 1 ? '' : 's'})` : '';
  return `backend: ${choice.name}${detail}${choice.reason ? ` — ${choice.reason}` : ''}`;
}

/**
 * Trains a recipe end to end: data, backend choice, model, `fit` with a progress bar, per-epoch
 * metrics.jsonl, last/best checkpoints, then the test split on the best checkpoint and report.html.
 * Returns the process exit code (0, or 130 after Ctrl-C with a checkpoint written).
 *
 * @example
 * await runTraining({ recipe, config, outDir: 'runs/x', isResume: false }, { stream: process.stderr, log: console.log });
 */
export async function runTraining(plan: TrainingPlan, output: ProgressOutput): Promise<number> {
  const { recipe, outDir } = plan;
  const log = output.log;
  const splits = await loadSplits(recipe, plan.config);
  const choice = await selectBackend(plan.config.backend, plan.config.threads, (steps) => {
    const batch = firstBatch(splits.train, plan.config.batchSize);
    try {
      return trialSteps(recipe, plan.config, batch, steps);
    } finally {
      for (const tensor of batch) tensor.dispose();
    }
  });
  const config: TrainConfig = { ...plan.config, backend: choice.name };
  const model = recipe.build(config);
  // Before the run directory exists, so weights that do not fit leave nothing behind.
  if (plan.initFrom !== undefined)
    await initializeFrom(model, plan.initFrom).catch((error) => {
      model.dispose();
      throw error;
    });
  const checkpointDir = join(outDir, 'checkpoints');
  await mkdir(checkpointDir, { recursive: true });
  await writeTextAtomic(join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);

  const optimizer = createOptimizer(config.optimizer, model.parameters(), config);
  const stepsPerEpoch = Math.ceil(splits.train.length / config.batchSize);
  const schedule = createSchedule(config.schedule, config.lr, config.epochs * stepsPerEpoch);
  const train =
    config.augment > 0 && recipe.input.kind === 'image'
      ? new DataLoader(splits.train, {
          batchSize: config.batchSize,
          shuffle: true,
          seed: config.seed,
          transform: onInputs(randomShift(config.augment)),
        })
      : splits.train;
  log(
    `${recipe.name}: ${model.numParameters().toLocaleString('en-US')} parameters; ${splits.train.length.toLocaleString('en-US')} train / ${splits.val.length.toLocaleString('en-US')} validation / ${splits.test.length.toLocaleString('en-US')} test samples`,
  );
  log(backendLine(choice, config.threads));
  log(`run directory: ${outDir}${plan.isResume ? ' (resuming)' : ''}`);
  if (plan.initFrom !== undefined) log(`initial weights: ${plan.initFrom}`);

  const metrics = metricsFile(join(outDir, 'metrics.jsonl'));
  const checkpoints = modelCheckpoint({ dir: checkpointDir, monitor: 'val_accuracy', mode: 'max' });
  const callbacks: Callback[] = [progressCallback(output), metrics, checkpoints];
  const controller = new AbortController();
  const removeHandler = interruptHandler(controller, log);
  const started = performance.now();
  let history: History;
  try {
    history = await fit(model, {
      train,
      val: splits.val,
      optimizer,
      loss: crossEntropy,
      epochs: config.epochs,
      metrics: ['accuracy'],
      callbacks,
      scheduler: schedule ?? undefined,
      seed: config.seed,
      batchSize: config.batchSize,
      resume: plan.isResume ? checkpoints.lastPath : undefined,
      signal: controller.signal,
      metadata: { [CONFIG_METADATA_KEY]: JSON.stringify(config), recipe: recipe.name },
    });
  } finally {
    removeHandler();
  }
  const seconds = (performance.now() - started) / 1000;
  const isInterrupted = history.stopReason?.by === 'signal';
  if (history.stopReason && !isInterrupted) log(`stopped early: ${history.stopReason.message}`);
  const test = await finishRun({
    recipe,
    config,
    model,
    outDir,
    test: isInterrupted ? null : splits.test,
    bestPath: checkpoints.bestPath,
    metrics,
    stopReason: history.stopReason?.message ?? null,
  });
  optimizer.dispose();
  model.dispose();
  if (isInterrupted) {
    log(`checkpoint written to ${checkpoints.lastPath}; continue with: nagare train --resume ${outDir}`);
    return INTERRUPTED_EXIT_CODE;
  }
  log(
    `done in ${formatDuration(seconds)}: test accuracy ${percent(test?.test_acc ?? undefined)} (best checkpoint); report: ${join(outDir, 'report.html')}`,
  );
  return 0;
}
