import { add, ShapeError, shapesEqual, type Tensor } from '@nagare/tensor';
import { Module } from '../module';
import type { TensorModule } from './sequential';

/**
 * A residual connection: `block(x) + shortcut(x)`, with the identity as the default shortcut
 * (He et al., 2016). Give a projection shortcut (e.g. a 1×1 Conv2d with stride) when the block
 * changes the shape. Children are named `block` and `shortcut`.
 *
 * @example
 * const unit = new Residual(new Sequential(new Linear(16, 16), new ReLU(), new Linear(16, 16)));
 * unit.call(randn([4, 16])).shape; // [4, 16]
 */
export class Residual extends Module {
  readonly block: TensorModule;
  readonly shortcut: TensorModule | null;

  constructor(block: TensorModule, shortcut?: TensorModule) {
    super();
    this.block = this.registerModule('block', block);
    this.shortcut = shortcut ? this.registerModule('shortcut', shortcut) : null;
  }

  forward(x: Tensor): Tensor {
    const main = this.block.call(x);
    const skip = this.shortcut ? this.shortcut.call(x) : x;
    // Broadcasting would hide a block that changed the shape: the two paths must agree exactly.
    if (!shapesEqual(main.shape, skip.shape)) {
      throw new ShapeError('Residual', 'block and shortcut outputs differ; give a projection shortcut', {
        block: main.shape,
        shortcut: skip.shape,
      });
    }
    return add(main, skip);
  }
}
