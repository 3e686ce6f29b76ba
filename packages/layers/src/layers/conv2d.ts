import {
  ArgumentError,
  conv2d,
  type Padding2d,
  pad,
  ShapeError,
  type Size2d,
  type Tensor,
  tidy,
} from '@nagare/tensor';
import { Module } from '../module';
import { resolveGenerator } from '../random';
import { createParameter, defaultBiasInit, defaultWeightInit, type WeightBiasOptions } from './options';
import { checkPositiveInteger, checkPositiveIntegers } from './sizes';

/** How a convolution fills its padding: zeros, or PyTorch's `reflect`, `replicate` and `circular`. */
export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';

const PAD_MODES = { reflect: 'reflect', replicate: 'edge', circular: 'wrap' } as const;

/** Options of `Conv2d`. */
export interface Conv2dLayerOptions extends WeightBiasOptions {
  /** Step between windows (default 1). */
  stride?: Size2d;
  /** Padding (default 0): a number, `[h, w]`, `[top, bottom, left, right]`, `'same'` or `'valid'`. */
  padding?: Padding2d;
  /** Spacing between kernel taps (default 1). */
  dilation?: Size2d;
  /** Independent channel groups (default 1; `groups = inChannels` is a depthwise convolution). */
  groups?: number;
  /** What the padding holds (default `'zeros'`). */
  paddingMode?: PaddingMode;
}

/** The pair of a `Size2d`. */
export function pair(value: Size2d): [number, number] {
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

/** Checks the channel counts and groups of a convolution layer. */
export function checkConvChannels(op: string, inChannels: number, outChannels: number, groups: number): void {
  checkPositiveInteger(op, 'inChannels', inChannels);
  checkPositiveInteger(op, 'outChannels', outChannels);
  checkPositiveInteger(op, 'groups', groups);
  if (inChannels % groups !== 0 || outChannels % groups !== 0) {
    throw new ArgumentError(
      op,
      `groups ${groups} must divide inChannels ${inChannels} and outChannels ${outChannels}`,
    );
  }
}

/** [top, bottom, left, right] of a non-'same' padding option. */
function explicitSides(padding: Exclude<Padding2d, 'same'>): [number, number, number, number] {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (typeof padding === 'number') return [padding, padding, padding, padding];
  return padding.length === 2
    ? [padding[0], padding[0], padding[1], padding[1]]
    : [padding[0], padding[1], padding[2], padding[3]];
}

/**
 * A 2-D convolution layer over `[N, C, H, W]` (or unbatched `[C, H, W]`) inputs, as PyTorch's
 * `nn.Conv2d`: parameters `weight` `[outChannels, inChannels/groups, kH, kW]` and `bias`
 * `[outChannels]`, both U(−1/√fanIn, 1/√fanIn) with fanIn = inChannels/groups·kH·kW.
 *
 * @example
 * const conv = new Conv2d(3, 16, 3, { padding: 'same', seed: 0 });
 * conv.call(randn([8, 3, 32, 32])).shape; // [8, 16, 32, 32]
 */
export class Conv2d extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: Padding2d;
  readonly dilation: [number, number];
  readonly groups: number;
  readonly paddingMode: PaddingMode;

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    kernelSize: Size2d,
    options: Conv2dLayerOptions = {},
  ) {
    super();
    this.groups = options.groups ?? 1;
    checkConvChannels('Conv2d', inChannels, outChannels, this.groups);
    this.kernelSize = pair(kernelSize);
    this.stride = pair(options.stride ?? 1);
    this.dilation = pair(options.dilation ?? 1);
    this.padding = options.padding ?? 0;
    this.paddingMode = options.paddingMode ?? 'zeros';
    if (!['zeros', 'reflect', 'replicate', 'circular'].includes(this.paddingMode)) {
      throw new ArgumentError('Conv2d', `unknown paddingMode "${this.paddingMode}"`);
    }
    checkPositiveIntegers('Conv2d', 'kernelSize', this.kernelSize);
    checkPositiveIntegers('Conv2d', 'stride', this.stride);
    checkPositiveIntegers('Conv2d', 'dilation', this.dilation);
    const generator = resolveGenerator(options);
    const shape = [outChannels, inChannels / this.groups, ...this.kernelSize];
    this.weight = this.registerParameter(
      'weight',
      createParameter(shape, options.weightInit ?? defaultWeightInit, options, generator),
    );
    const fanIn = (inChannels / this.groups) * this.kernelSize[0] * this.kernelSize[1];
    const biasInit = options.biasInit ?? defaultBiasInit(fanIn);
    this.bias =
      options.bias === false
        ? null
        : this.registerParameter('bias', createParameter([outChannels], biasInit, options, generator));
  }

  /** The padding as [top, bottom, left, right] for an input of spatial size [h, w]. */
  #sides(h: number, w: number): [number, number, number, number] {
    if (this.padding !== 'same') return explicitSides(this.padding);
    // SAME_UPPER (odd extra at the end), matching conv2d's own 'same' and PyTorch at stride 1.
    const side = (size: number, k: number, s: number, d: number): [number, number] => {
      const total = Math.max(0, (Math.ceil(size / s) - 1) * s + d * (k - 1) + 1 - size);
      return [Math.floor(total / 2), total - Math.floor(total / 2)];
    };
    return [
      ...side(h, this.kernelSize[0], this.stride[0], this.dilation[0]),
      ...side(w, this.kernelSize[1], this.stride[1], this.dilation[1]),
    ] as [number, number, number, number];
  }

  forward(x: Tensor): Tensor {
    const isUnbatched = x.rank === 3;
    if ((x.rank !== 4 && !isUnbatched) || x.shape[x.rank - 3] !== this.inChannels) {
      throw new ShapeError(
        'Conv2d',
        `expected input [N, ${this.inChannels}, H, W] or [${this.inChannels}, H, W]`,
        {
          x: x.shape,
          weight: this.weight.shape,
        },
      );
    }
    return tidy(() => {
      let input = isUnbatched ? x.unsqueeze(0) : x;
      let padding: Padding2d = this.padding;
      if (this.paddingMode !== 'zeros') {
        const [top, bottom, left, right] = this.#sides(input.shape[2], input.shape[3]);
        input = pad(
          input,
          [
            [0, 0],
            [0, 0],
            [top, bottom],
            [left, right],
          ],
          { mode: PAD_MODES[this.paddingMode] },
        );
        padding = 0;
      }
      const options = {
        stride: this.stride,
        dilation: this.dilation,
        groups: this.groups,
        padding,
        bias: this.bias ?? undefined,
      };
      const y = conv2d(input, this.weight, options);
      return isUnbatched ? y.squeeze(0) : y;
    });
  }

  override extraRepr(): string {
    const parts = [`${this.inChannels}, ${this.outChannels}, kernelSize=[${this.kernelSize.join(', ')}]`];
    if (this.stride.some((s) => s !== 1)) parts.push(`stride=[${this.stride.join(', ')}]`);
    if (this.padding !== 0) parts.push(`padding=${JSON.stringify(this.padding)}`);
    if (this.dilation.some((d) => d !== 1)) parts.push(`dilation=[${this.dilation.join(', ')}]`);
    if (this.groups !== 1) parts.push(`groups=${this.groups}`);
    if (this.paddingMode !== 'zeros') parts.push(`paddingMode=${this.paddingMode}`);
    if (!this.bias) parts.push('bias=false');
    return parts.join(', ');
  }
}
