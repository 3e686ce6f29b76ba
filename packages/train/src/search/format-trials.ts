import type { ParamValue } from './space';
import { rankTrials, type Trial } from './trial';

function formatValue(value: ParamValue | undefined): string {
  if (typeof value !== 'number') return String(value ?? '');
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? value.toPrecision(4) : value.toExponential(2);
}

/**
 * A ranked, aligned text table of trials: rank, id, round, status, budget, score and every parameter.
 *
 * @example
 * console.log(formatTrials(result.trials, { mode: 'max', limit: 10 }));
 * // rank  trial  round  status     score   lr
 * //    1      7      2  completed  0.9712  0.01838
 */
export function formatTrials<P extends Record<string, ParamValue>>(
  trials: readonly Trial<P>[],
  options: { mode?: 'min' | 'max'; limit?: number } = {},
): string {
  const ranked = rankTrials(trials, options.mode ?? 'min').slice(0, options.limit ?? trials.length);
  const names = [...new Set(ranked.flatMap((trial) => Object.keys(trial.params)))];
  const hasBudget = ranked.some((trial) => trial.budget !== undefined);
  const header = ['rank', 'trial', 'round', 'status', ...(hasBudget ? ['budget'] : []), 'score', ...names];
  const rows = ranked.map((trial, i) => [
    String(i + 1),
    String(trial.id),
    String(trial.round),
    trial.status,
    ...(hasBudget ? [formatValue(trial.budget)] : []),
    formatValue(trial.score),
    ...names.map((name) => formatValue(trial.params[name])),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const isText = (column: number) => header[column] === 'status';
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (isText(column) ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
