import type { ParamsInput } from './param-groups';
import { SGD, type SgdInit, type SgdOptions } from './sgd';

/**
 * Nesterov momentum (Sutskever et al. 2013, in PyTorch's form): v ← μ·v + g; w ← w − lr·(g + μ·v),
 * with μ = 0.9 unless given.
 *
 * @example
 * const optimizer = new Nesterov(model.parameters(), { lr: 0.01 });
 * optimizer.step();
 */
export class Nesterov extends SGD {
  static override readonly displayName: string = 'Nesterov';

  constructor(params: ParamsInput<SgdOptions>, options: SgdInit) {
    super(params, { momentum: 0.9, ...options, nesterov: true });
  }
}
