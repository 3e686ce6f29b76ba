import type { BatchLogs, Callback, EpochLogs } from './callback';

/** Options of `progressBar`. */
export interface ProgressBarOptions {
  /** Where text goes. Default: `process.stdout.write` in Node, `console.log` per finished line elsewhere. */
  write?: (text: string) => void;
  /** Characters of the bar. Default 24. */
  width?: number;
  /** Minimum milliseconds between redraws (the last batch is always drawn). Default 100. */
  refreshMs?: number;
}

/** Formats a metric value: 4 significant decimals, accuracies too (0.9734). */
function formatValue(value: number): string {
  return Math.abs(value) >= 1000 ? value.toFixed(0) : value.toFixed(4);
}

/**
 * `name value` pairs of a metrics record, four decimals each.
 *
 * @example
 * formatMetrics({ loss: 0.41234, accuracy: 0.875 }); // 'loss 0.4123  accuracy 0.8750'
 */
export function formatMetrics(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([name, value]) => `${name} ${formatValue(value)}`)
    .join('  ');
}

/**
 * One progress line of a batch (for your own progress display), `width` characters of bar.
 *
 * @example
 * formatBatchLine(logs, 10, 10); // 'epoch 2/10  37/120 [==>       ] loss 0.4123  accuracy 0.8750  1,234 samples/s'
 */
export function formatBatchLine(logs: BatchLogs, epochs: number, width: number): string {
  const done = logs.batch + 1;
  const filled = Math.round((done / logs.batches) * width);
  const bar =
    done < logs.batches ? `${'='.repeat(Math.max(filled - 1, 0))}>`.padEnd(width) : '='.repeat(width);
  const rate = Math.round(logs.samplesPerSecond).toLocaleString('en-US');
  return `epoch ${logs.epoch}/${epochs}  ${done}/${logs.batches} [${bar}] ${formatMetrics(logs.metrics)}  ${rate} samples/s`;
}

/**
 * The summary line of an epoch.
 *
 * @example
 * formatEpochLine(logs, 10); // 'epoch 2/10  loss 0.3012  val_loss 0.3301  lr 0.00100  4.2s  11,020 samples/s'
 */
export function formatEpochLine(logs: EpochLogs, epochs: number): string {
  const rate = Math.round(logs.samplesPerSecond).toLocaleString('en-US');
  return `epoch ${logs.epoch}/${epochs}  ${formatMetrics(logs.metrics)}  lr ${logs.lr.toPrecision(3)}  ${logs.seconds.toFixed(1)}s  ${rate} samples/s`;
}

function defaultWrite(): (text: string) => void {
  const stdout = (globalThis as { process?: { stdout?: { write(text: string): unknown } } }).process?.stdout;
  if (stdout) return (text) => void stdout.write(text);
  // Without a terminal, print finished lines only.
  return (text) => {
    if (text.endsWith('\n')) console.log(text.replace(/^\r/, '').trimEnd());
  };
}

/**
 * A text progress bar: one line per epoch redrawn in place (`\r`) with the batch count, running
 * loss and metrics and samples per second, replaced at the epoch's end by a summary with the
 * validation metrics, lr and time.
 *
 * @example
 * await fit(model, { ..., callbacks: [progressBar()] });
 * // epoch 1/5  120/120 [========================] loss 0.3012  accuracy 0.9102  10,532 samples/s
 */
export function progressBar(options: ProgressBarOptions = {}): Callback {
  const write = options.write ?? defaultWrite();
  const width = options.width ?? 24;
  const refreshMs = options.refreshMs ?? 100;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lineLength = 0;
  const draw = (line: string, end = '') => {
    write(`\r${line.padEnd(lineLength)}${end}`);
    lineLength = end ? 0 : line.length;
    lastDraw = performance.now();
  };
  return {
    onBatchEnd(context, logs) {
      const isLast = logs.batch + 1 === logs.batches;
      if (isLast || performance.now() - lastDraw >= refreshMs)
        draw(formatBatchLine(logs, context.epochs, width));
    },
    onEpochEnd(context, logs) {
      draw(formatEpochLine(logs, context.epochs), '\n');
    },
    onTrainEnd(context) {
      if (lineLength > 0) draw(`stopped at epoch ${context.epoch}, batch ${context.batch}`, '\n');
      if (context.stopReason) write(`${context.stopReason.message}\n`);
    },
  };
}
