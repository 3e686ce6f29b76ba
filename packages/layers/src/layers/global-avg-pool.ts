import { mean, ShapeError, type Tensor } from '@nagare/tensor';
import { Module } from '../module';

/**
 * Global average pooling: the mean over every axis after the channel axis, `[N, C, ...]` → `[N, C]`
 * (Lin et al., 2014; Keras' GlobalAveragePooling). It replaces flatten + large dense layers.
 *
 * @example
 * new GlobalAvgPool().call(randn([8, 512, 4, 4])).shape; // [8, 512]
 */
export class GlobalAvgPool extends Module {
  forward(x: Tensor): Tensor {
    if (x.rank < 3)
      throw new ShapeError('GlobalAvgPool', 'expected an input [N, C, ...spatial]', { x: x.shape });
    return mean(x, x.shape.map((_, i) => i).slice(2));
  }
}
