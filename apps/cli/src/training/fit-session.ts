import { join } from 'node:path';
import { crossEntropy } from '@nagare/layers';
import {
  type Callback,
  fit,
  type History,
  type ModelCheckpoint,
  modelCheckpoint,
  nanGuard,
} from '@nagare/train';
import { CONFIG_METADATA_KEY } from './load-trained';
import { type ProgressOutput, progressCallback } from './progress-callback';
import { metricsFile } from './run-files';
import type { RunSession } from './run-start';

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130;

/** How `fit` ended, with the callbacks whose files the end of the run reads. */
export interface FitOutcome {
  history: History;
  seconds: number;
  checkpoints: ModelCheckpoint;
  metrics: ReturnType<typeof metricsFile>;
}

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

/**
 * Runs `fit` for a started run: progress bar, metrics.jsonl, last/best checkpoints, and a NaN guard
 * that stops at the first non-finite loss or gradient before the bad update. Continues from
 * `resumeFrom` when given. Ctrl-C stops gracefully after the current batch.
 *
 * @example
 * const outcome = await fitSession(session, null, output);
 */
export async function fitSession(
  session: RunSession,
  resumeFrom: string | null,
  output: ProgressOutput,
): Promise<FitOutcome> {
  const { config, recipe } = session;
  const metrics = metricsFile(join(session.outDir, 'metrics.jsonl'));
  const checkpoints = modelCheckpoint({
    dir: join(session.outDir, 'checkpoints'),
    monitor: 'val_accuracy',
    mode: 'max',
  });
  const callbacks: Callback[] = [nanGuard(), progressCallback(output), metrics, checkpoints];
  const controller = new AbortController();
  const removeHandler = interruptHandler(controller, output.log);
  const started = performance.now();
  try {
    const history = await fit(session.model, {
      train: session.train,
      val: session.splits.val,
      optimizer: session.optimizer,
      loss: crossEntropy,
      epochs: config.epochs,
      metrics: ['accuracy'],
      callbacks,
      scheduler: session.schedule ?? undefined,
      seed: config.seed,
      batchSize: config.batchSize,
      resume: resumeFrom ?? undefined,
      signal: controller.signal,
      metadata: { [CONFIG_METADATA_KEY]: JSON.stringify(config), recipe: recipe.name },
    });
    return { history, seconds: (performance.now() - started) / 1000, checkpoints, metrics };
  } finally {
    removeHandler();
  }
}
