import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '@nagare/data';
import { crossEntropy } from '@nagare/layers';
import type { Tensor } from '@nagare/tensor';
import { evaluate } from '@nagare/train';
import type { TrainConfig } from '../config/train-config';
import type { Recipe, RecipeModel } from '../recipes/recipe';
import { type ReportSection, renderReport } from '../report/report-html';
import { readCheckpoint } from './checkpoint-files';
import type { TestRow } from './metrics-row';
import type { metricsFile } from './run-files';
import { writeTextAtomic } from './run-files';

/** What the end of a run needs. */
export interface FinishOptions {
  recipe: Recipe;
  config: TrainConfig;
  model: RecipeModel;
  outDir: string;
  /** The test split, or null to skip testing (an interrupted run). */
  test: Dataset<Tensor[]> | null;
  bestPath: string;
  metrics: ReturnType<typeof metricsFile>;
  stopReason: string | null;
}

// Larger evaluation batches amortize per-op overhead; no gradients are kept, so memory stays small.
const EVAL_BATCH = 500;

/**
 * Ends a run: loads the best checkpoint's weights into the model, measures the test split (loss,
 * accuracy, confusion matrix) and appends it to metrics.jsonl, then writes report.html with the
 * recipe's plots. An interrupted run gets a report of the epochs it finished and no test line.
 */
export async function finishRun(options: FinishOptions): Promise<TestRow | null> {
  const { recipe, config, model, test } = options;
  let testRow: TestRow | null = null;
  let confusion: number[][] | null = null;
  if (test) {
    const isBestSaved = (await stat(options.bestPath).catch(() => null)) !== null;
    if (isBestSaved) {
      const best = await readCheckpoint(options.bestPath);
      try {
        model.loadStateDict(best.weights);
      } finally {
        best.dispose();
      }
    }
    const results = await evaluate(model, test, {
      metrics: ['accuracy', 'confusionMatrix'],
      loss: crossEntropy,
      batchSize: EVAL_BATCH,
    });
    confusion = results.confusion_matrix as number[][];
    testRow = {
      test_loss: results.loss as number,
      test_acc: results.accuracy as number,
      checkpoint: isBestSaved ? 'best' : 'last',
      test_samples: test.length,
    };
    await options.metrics.finish(testRow);
  }
  const sections: ReportSection[] = [];
  if (test) {
    const context = { model, config, epochs: options.metrics.rows, test, confusion, classes: recipe.classes };
    for (const plot of recipe.plots ?? []) sections.push(await plot(context));
  }
  const html = renderReport({
    recipe,
    config,
    epochs: options.metrics.rows,
    test: testRow,
    sections,
    stopReason: options.stopReason,
    parameterCount: model.numParameters(),
    createdAt: new Date(),
  });
  await writeTextAtomic(join(options.outDir, 'report.html'), html);
  return testRow;
}
