import { NagareError } from '@nagare/tensor';

/** Where a NaN or infinity first appeared in a training step. */
export interface NonFiniteReport {
  /**
   * `'input'` (the batch itself), `'parameter'` (a weight already held NaN/Inf), `'module'` (a layer's
   * output went non-finite from finite inputs), `'loss'` (the loss function did), or `'gradient'`
   * (a parameter's gradient is non-finite while the loss is finite).
   */
  kind: 'input' | 'parameter' | 'module' | 'loss' | 'gradient';
  /** The parameter's or module's dotted name (`fc1.weight`, `features.2`), or `input` / `loss`. */
  name: string;
  /** The first non-finite value found (NaN, Infinity or -Infinity). */
  value: number;
  epoch: number;
  batch: number;
}

/** Describes a report in one line. */
export function describeNonFinite(report: NonFiniteReport): string {
  const where = `epoch ${report.epoch}, batch ${report.batch}`;
  switch (report.kind) {
    case 'input':
      return `the input batch contains ${report.value} (${where})`;
    case 'parameter':
      return `parameter "${report.name}" contains ${report.value} (${where})`;
    case 'module':
      return `module "${report.name}" produced ${report.value} from finite inputs (${where})`;
    case 'loss':
      return `the loss function produced ${report.value} from finite outputs (${where})`;
    default:
      return `the gradient of parameter "${report.name}" contains ${report.value} (${where})`;
  }
}

/**
 * Training produced NaN or infinity; thrown by `nanGuard({ action: 'throw' })`. `report` names the
 * first parameter, module or loss where it appeared.
 *
 * @example
 * catch (e) { if (e instanceof NonFiniteError) console.error(e.report.name) }
 */
export class NonFiniteError extends NagareError {
  readonly code = 'NON_FINITE';

  constructor(readonly report: NonFiniteReport) {
    super(`nanGuard: ${describeNonFinite(report)}`);
  }
}
