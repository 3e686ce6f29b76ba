import { crossEntropy } from '@nagare/layers';
import { evaluate } from '@nagare/train';
import { selectBackend } from '../backend/select-backend';
import type { TrainConfig } from '../config/train-config';
import { loadSplits } from '../training/load-splits';
import { loadTrainedModel, locateRun } from '../training/load-trained';
import { formatTable, percent } from '../util/format';

/** The flags of `nagare eval`. */
export interface EvalFlags {
  split: 'train' | 'val' | 'test';
  json?: boolean;
  limit?: number;
  backend?: TrainConfig['backend'];
  threads?: number;
  dataDir?: string;
}

/** What `nagare eval --json` prints. */
export interface EvalResult {
  recipe: string;
  checkpoint: string;
  split: string;
  samples: number;
  loss: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * `nagare eval <run-dir|checkpoint>`: rebuilds the run's model from its checkpoint (the best one
 * for a run directory) and measures a split — loss, accuracy and macro precision/recall/F1 — as a
 * table, or JSON with `--json`. The split is drawn exactly as during training (same limit, same
 * validation hold-out) unless `--limit` says otherwise.
 *
 * @example
 * await evalCommand('runs/mnist-mlp-20250101-120000', { split: 'test' }, console.log);
 */
export async function evalCommand(
  target: string,
  flags: EvalFlags,
  log: (line: string) => void,
): Promise<number> {
  const run = await locateRun(target);
  const config: TrainConfig = {
    ...run.config,
    limit: flags.limit ?? run.config.limit,
    dataDir: flags.dataDir ?? run.config.dataDir,
  };
  await selectBackend(flags.backend ?? run.config.backend, flags.threads ?? config.threads, () => 0);
  const splits = await loadSplits(run.recipe, config);
  const model = await loadTrainedModel(run);
  const data = splits[flags.split];
  const results = await evaluate(model, data, {
    metrics: ['accuracy', 'precision', 'recall', 'f1'],
    loss: crossEntropy,
    batchSize: 500,
  });
  model.dispose();
  const result: EvalResult = {
    recipe: run.recipe.name,
    checkpoint: run.checkpointPath,
    split: flags.split,
    samples: data.length,
    loss: results.loss as number,
    accuracy: results.accuracy as number,
    precision: results.precision as number,
    recall: results.recall as number,
    f1: results.f1 as number,
  };
  if (flags.json) {
    log(JSON.stringify(result));
    return 0;
  }
  log(
    `${run.recipe.name} · ${run.checkpointPath} · ${flags.split} split (${data.length.toLocaleString('en-US')} samples)`,
  );
  log(
    formatTable(
      ['metric', 'value'],
      [
        ['loss', result.loss.toFixed(4)],
        ['accuracy', percent(result.accuracy)],
        ['precision (macro)', percent(result.precision)],
        ['recall (macro)', percent(result.recall)],
        ['f1 (macro)', percent(result.f1)],
      ],
    ),
  );
  return 0;
}
