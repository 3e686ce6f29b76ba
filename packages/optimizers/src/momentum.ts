import type { ParamsInput } from './param-groups';
import { SGD, type SgdInit, type SgdOptions } from './sgd';

/**
 * Classical (heavy-ball) momentum: v ← μ·v + g; w ← w − lr·v, with μ = 0.9 unless given. The
 * lecture's form v ← αv − lr·g; w ← w + v is the same update for a constant lr.
 *
 * @example
 * const optimizer = new Momentum(model.parameters(), { lr: 0.01 }); // momentum 0.9
 * optimizer.step();
 */
export class Momentum extends SGD {
  static override readonly displayName: string = 'Momentum';

  constructor(params: ParamsInput<SgdOptions>, options: SgdInit) {
    super(params, { momentum: 0.9, ...options });
  }
}
