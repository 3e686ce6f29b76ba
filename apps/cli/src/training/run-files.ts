import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Callback, EpochLogs } from '@nagare/train';
import { type EpochRow, type TestRow, toJsonLines } from './metrics-row';

/**
 * Writes `text` to a temporary file beside `path` and renames it over `path`, so a reader (or a
 * crash) never sees a half-written file.
 *
 * @example
 * await writeTextAtomic('runs/x/config.json', JSON.stringify(config, null, 2));
 */
export async function writeTextAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The `metrics.jsonl` row of one epoch's logs (accuracies are null when not measured).
 *
 * @example
 * epochRow({ epoch: 1, lr: 1e-3, seconds: 9.5, samples: 55000, samplesPerSecond: 5800, metrics: { loss: 0.3, accuracy: 0.91 } });
 */
export function epochRow(logs: EpochLogs): EpochRow {
  const m = logs.metrics;
  return {
    epoch: logs.epoch,
    train_loss: m.loss,
    train_acc: m.accuracy ?? null,
    val_loss: m.val_loss ?? null,
    val_acc: m.val_accuracy ?? null,
    lr: logs.lr,
    seconds: Number(logs.seconds.toFixed(3)),
    samples_per_sec: Math.round(logs.samplesPerSecond),
  };
}

/**
 * Keeps `metrics.jsonl` in step with training: after every epoch it rewrites the file from the
 * history, which after a resume already holds the earlier epochs, so the file never has gaps or
 * duplicates. `finish(test)` appends the test line.
 */
export function metricsFile(
  path: string,
): Callback & { rows: EpochRow[]; finish(test: TestRow): Promise<void> } {
  const state = { rows: [] as EpochRow[] };
  return {
    name: 'metricsFile',
    get rows() {
      return state.rows;
    },
    async onEpochEnd(context) {
      state.rows = context.history.epochs.map(epochRow);
      await writeTextAtomic(path, toJsonLines(state.rows));
    },
    async onTrainEnd(_context, history) {
      state.rows = history.epochs.map(epochRow);
      await writeTextAtomic(path, toJsonLines(state.rows));
    },
    async finish(test) {
      await writeTextAtomic(path, toJsonLines([...state.rows, test]));
    },
  };
}
