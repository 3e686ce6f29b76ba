import { flatten, type Tensor } from '@nagare/tensor';
import { Module } from '../module';

/**
 * Merges axes `startDim..endDim` (default 1..−1, keeping the batch axis) into one, as PyTorch's
 * `nn.Flatten`: `[N, C, H, W]` → `[N, C·H·W]`. Free: it shares the input's buffer.
 *
 * @example
 * new Flatten().call(randn([8, 16, 5, 5])).shape; // [8, 400]
 */
export class Flatten extends Module {
  constructor(
    readonly startDim = 1,
    readonly endDim = -1,
  ) {
    super();
  }

  forward(x: Tensor): Tensor {
    return flatten(x, this.startDim, this.endDim);
  }

  override extraRepr(): string {
    return `startDim=${this.startDim}, endDim=${this.endDim}`;
  }
}
