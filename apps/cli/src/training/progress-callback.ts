import type { Callback, EpochLogs } from '@nagare/train';
import { SingleBar } from 'cli-progress';
import { formatNumber, percent } from '../util/format';

/** Where progress goes: the bar's terminal stream and a line printer for summaries. */
export interface ProgressOutput {
  /** The bar's stream; when it is not a terminal the bar stays silent and only summaries print. */
  stream: NodeJS.WriteStream;
  log: (line: string) => void;
}

/**
 * The one-line summary of an epoch: losses, accuracies, lr, time and throughput.
 *
 * @example
 * epochSummary(logs, 10); // "epoch  3/10  loss 0.0712  acc 97.81%  val_loss 0.0801  val_acc 97.60%  lr 8.1e-4  14.2s  4,221 samples/s"
 */
export function epochSummary(logs: EpochLogs, epochs: number): string {
  const m = logs.metrics;
  const width = String(epochs).length;
  const parts = [
    `epoch ${String(logs.epoch).padStart(width)}/${epochs}`,
    `loss ${formatNumber(m.loss)}`,
    `acc ${percent(m.accuracy)}`,
  ];
  if (m.val_loss !== undefined)
    parts.push(`val_loss ${formatNumber(m.val_loss)}`, `val_acc ${percent(m.val_accuracy)}`);
  parts.push(
    `lr ${logs.lr.toExponential(1)}`,
    `${logs.seconds.toFixed(1)}s`,
    `${Math.round(logs.samplesPerSecond).toLocaleString('en-US')} samples/s`,
  );
  return parts.join('  ');
}

/** Options of `progressCallback`. */
export interface ProgressOptions {
  /** Text in front of the bar (e.g. "trial 3"). */
  prefix?: string;
  /** Print each epoch's one-line summary (default true). */
  shouldPrintSummary?: boolean;
}

/**
 * A progress bar per epoch (cli-progress) showing batches done, running loss and accuracy, and
 * samples per second, replaced at the end of the epoch by its one-line summary.
 *
 * @example
 * await fit(model, { ..., callbacks: [progressCallback({ stream: process.stderr, log: console.log })] });
 */
export function progressCallback(output: ProgressOutput, options: ProgressOptions = {}): Callback {
  const prefix = options.prefix ? `${options.prefix} ` : '';
  let bar: SingleBar | null = null;
  const stopBar = () => {
    bar?.stop();
    bar = null;
  };
  return {
    name: 'cliProgress',
    onEpochBegin(context, { epoch }) {
      const width = String(context.epochs).length;
      bar = new SingleBar({
        stream: output.stream,
        format: `${prefix}epoch ${String(epoch).padStart(width)}/${context.epochs} [{bar}] {value}/{total} | loss {loss} | acc {acc} | {speed} samples/s | eta {eta_formatted}`,
        barCompleteChar: '█',
        barIncompleteChar: '░',
        barsize: 24,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
        fps: 8,
      });
      bar.start(context.batchesPerEpoch, context.batch, { loss: '—', acc: '—', speed: '—' });
    },
    onBatchEnd(_context, logs) {
      bar?.update(logs.batch + 1, {
        loss: logs.metrics.loss.toFixed(4),
        acc: percent(logs.metrics.accuracy),
        speed: Math.round(logs.samplesPerSecond).toLocaleString('en-US'),
      });
    },
    onEpochEnd(context, logs) {
      stopBar();
      if (options.shouldPrintSummary ?? true) output.log(epochSummary(logs, context.epochs));
    },
    onTrainEnd: stopBar,
  };
}
