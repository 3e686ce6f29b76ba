/** One line of `metrics.jsonl`: the summary of one training epoch. */
export interface EpochRow {
  epoch: number;
  train_loss: number;
  train_acc: number | null;
  val_loss: number | null;
  val_acc: number | null;
  lr: number;
  seconds: number;
  samples_per_sec: number;
}

/** The last line of `metrics.jsonl`: the test set, measured once after training. */
export interface TestRow {
  test_loss: number;
  test_acc: number | null;
  /** Which weights were tested: the best checkpoint by validation accuracy. */
  checkpoint: 'best' | 'last';
  test_samples: number;
}

/** Serializes rows as JSON lines (one object per line, newline-terminated). */
export function toJsonLines(rows: readonly object[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

/** Reads `metrics.jsonl` text back into its epoch rows and optional test row. */
export function parseMetricsLines(text: string): { epochs: EpochRow[]; test: TestRow | null } {
  const rows = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    epochs: rows.filter((row) => typeof row.epoch === 'number') as unknown as EpochRow[],
    test: (rows.find((row) => 'test_loss' in row) as unknown as TestRow | undefined) ?? null,
  };
}
