import { ArgumentError, conv1d, ShapeError, type Tensor, tidy } from '@nagare/tensor';
import { Module } from '../module';
import { resolveGenerator } from '../random';
import { checkConvChannels } from './conv2d';
import { createParameter, defaultBiasInit, defaultWeightInit, type WeightBiasOptions } from './options';
import { checkPositiveInteger } from './sizes';

/** Options of `Conv1d`. */
export interface Conv1dLayerOptions extends WeightBiasOptions {
  /** Step between windows (default 1). */
  stride?: number;
  /** Zero padding (default 0): both ends, `[left, right]`, `'same'` or `'valid'`. */
  padding?: number | readonly [number, number] | 'same' | 'valid';
  /** Spacing between kernel taps (default 1). */
  dilation?: number;
  /** Independent channel groups (default 1). */
  groups?: number;
}

/**
 * A 1-D convolution layer over `[N, C, L]` (or unbatched `[C, L]`) inputs, as PyTorch's
 * `nn.Conv1d`: parameters `weight` `[outChannels, inChannels/groups, kernelSize]` and `bias`
 * `[outChannels]`, both U(−1/√fanIn, 1/√fanIn) with fanIn = inChannels/groups·kernelSize.
 *
 * @example
 * const conv = new Conv1d(2, 8, 5, { padding: 'same', seed: 0 });
 * conv.call(randn([4, 2, 100])).shape; // [4, 8, 100]
 */
export class Conv1d extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly stride: number;
  readonly padding: number | readonly [number, number] | 'same' | 'valid';
  readonly dilation: number;
  readonly groups: number;

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    readonly kernelSize: number,
    options: Conv1dLayerOptions = {},
  ) {
    super();
    this.groups = options.groups ?? 1;
    checkConvChannels('Conv1d', inChannels, outChannels, this.groups);
    checkPositiveInteger('Conv1d', 'kernelSize', kernelSize);
    this.stride = options.stride ?? 1;
    this.padding = options.padding ?? 0;
    this.dilation = options.dilation ?? 1;
    checkPositiveInteger('Conv1d', 'stride', this.stride);
    checkPositiveInteger('Conv1d', 'dilation', this.dilation);
    const generator = resolveGenerator(options);
    const shape = [outChannels, inChannels / this.groups, kernelSize];
    this.weight = this.registerParameter(
      'weight',
      createParameter(shape, options.weightInit ?? defaultWeightInit, options, generator),
    );
    const biasInit = options.biasInit ?? defaultBiasInit((inChannels / this.groups) * kernelSize);
    this.bias =
      options.bias === false
        ? null
        : this.registerParameter('bias', createParameter([outChannels], biasInit, options, generator));
  }

  forward(x: Tensor): Tensor {
    const isUnbatched = x.rank === 2;
    if ((x.rank !== 3 && !isUnbatched) || x.shape[x.rank - 2] !== this.inChannels) {
      throw new ShapeError('Conv1d', `expected input [N, ${this.inChannels}, L] or [${this.inChannels}, L]`, {
        x: x.shape,
        weight: this.weight.shape,
      });
    }
    return tidy(() => {
      const input = isUnbatched ? x.unsqueeze(0) : x;
      const y = conv1d(input, this.weight, {
        stride: this.stride,
        padding: this.padding,
        dilation: this.dilation,
        groups: this.groups,
        bias: this.bias ?? undefined,
      });
      return isUnbatched ? y.squeeze(0) : y;
    });
  }

  override extraRepr(): string {
    const parts = [`${this.inChannels}, ${this.outChannels}, kernelSize=${this.kernelSize}`];
    if (this.stride !== 1) parts.push(`stride=${this.stride}`);
    if (this.padding !== 0) parts.push(`padding=${JSON.stringify(this.padding)}`);
    if (this.dilation !== 1) parts.push(`dilation=${this.dilation}`);
    if (this.groups !== 1) parts.push(`groups=${this.groups}`);
    if (!this.bias) parts.push('bias=false');
    return parts.join(', ');
  }
}
