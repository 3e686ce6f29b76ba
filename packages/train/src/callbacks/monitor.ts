import { ArgumentError } from '@nagare/tensor';

/** Whether a smaller or a larger monitored value is better; `'auto'` decides from the name. */
export type MonitorMode = 'min' | 'max' | 'auto';

const HIGHER_IS_BETTER = /acc|precision|recall|f1/;

/** `'max'` for accuracy-like names (accuracy, precision, recall, f1), `'min'` otherwise. */
export function resolveMode(op: string, monitor: string, mode: MonitorMode = 'auto'): 'min' | 'max' {
  if (mode !== 'auto' && mode !== 'min' && mode !== 'max')
    throw new ArgumentError(op, `mode must be 'min', 'max' or 'auto', got ${String(mode)}`);
  if (mode !== 'auto') return mode;
  return HIGHER_IS_BETTER.test(monitor) ? 'max' : 'min';
}

/** The monitored value from an epoch's metrics, or an error listing the names there are. */
export function monitoredValue(op: string, monitor: string, metrics: Record<string, number>): number {
  const value = metrics[monitor];
  if (value === undefined) {
    throw new ArgumentError(
      op,
      `monitor "${monitor}" is not logged (logged: ${Object.keys(metrics).join(', ')})`,
    );
  }
  return value;
}

/** True when `value` beats `best` by more than `minDelta` in direction `mode`. NaN never improves. */
export function isImprovement(
  value: number,
  best: number | null,
  mode: 'min' | 'max',
  minDelta = 0,
): boolean {
  if (Number.isNaN(value)) return false;
  if (best === null) return true;
  return mode === 'min' ? value < best - minDelta : value > best + minDelta;
}
