import { ArgumentError } from '@nagare/tensor';
import { Adam, type AdamOptions } from './adam';
import type { ParamsInput } from './param-groups';

/** Options of AdamW: Adam's, with decay only in its decoupled form. */
export type AdamWOptions = Omit<AdamOptions, 'weightDecay'>;

/**
 * AdamW (Loshchilov & Hutter 2019): Adam with decoupled weight decay w ← w − lr·λ·w applied
 * apart from the gradient, λ = `decoupledWeightDecay` (default 0.01). Coupled L2 `weightDecay`
 * is refused here so the two are never confused.
 *
 * @example
 * const optimizer = new AdamW(model.parameters(), { lr: 1e-3, decoupledWeightDecay: 0.05 });
 * optimizer.step();
 */
export class AdamW extends Adam {
  static override readonly displayName: string = 'AdamW';

  constructor(params: ParamsInput<AdamOptions>, options: Partial<AdamWOptions> = {}) {
    super(params, { decoupledWeightDecay: 1e-2, ...options });
  }

  protected override checkOptions(options: AdamOptions): void {
    if (options.weightDecay !== 0) {
      throw new ArgumentError(
        this.name,
        `weightDecay (coupled L2) is not an AdamW option (got ${options.weightDecay}): use decoupledWeightDecay, or Adam for L2`,
      );
    }
    super.checkOptions(options);
  }
}
