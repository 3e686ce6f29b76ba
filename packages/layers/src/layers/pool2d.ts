import {
  type AvgPool2dOptions,
  avgPool2d,
  maxPool2d,
  type Pool2dOptions,
  type Size2d,
  type Tensor,
} from '@nagare/tensor';
import { Module } from '../module';
import { pair } from './conv2d';
import { checkPositiveIntegers } from './sizes';

/** Checks a pooling layer's window at construction, so a bad size names the layer, not the op. */
function checkWindow(layer: string, kernelSize: Size2d, stride: Size2d | undefined): void {
  checkPositiveIntegers(layer, 'kernelSize', pair(kernelSize));
  if (stride !== undefined) checkPositiveIntegers(layer, 'stride', pair(stride));
}

function describePool(kernelSize: Size2d, options: Omit<Pool2dOptions, 'kernelSize'>): string {
  const parts = [`kernelSize=${JSON.stringify(kernelSize)}`];
  for (const [name, value] of Object.entries(options))
    if (value !== undefined) parts.push(`${name}=${JSON.stringify(value)}`);
  return parts.join(', ');
}

/**
 * Max pooling over windows of `[N, C, H, W]` inputs, as PyTorch's `nn.MaxPool2d` (stride defaults
 * to the kernel size; padding counts as −∞).
 *
 * @example
 * new MaxPool2d(2).call(randn([1, 6, 28, 28])).shape; // [1, 6, 14, 14]
 * new MaxPool2d(3, { stride: 2, padding: 1 });
 */
export class MaxPool2d extends Module {
  constructor(
    readonly kernelSize: Size2d,
    readonly options: Omit<Pool2dOptions, 'kernelSize'> = {},
  ) {
    super();
    checkWindow('MaxPool2d', kernelSize, options.stride);
  }

  forward(x: Tensor): Tensor {
    return maxPool2d(x, { ...this.options, kernelSize: this.kernelSize });
  }

  override extraRepr(): string {
    return describePool(this.kernelSize, this.options);
  }
}

/**
 * Average pooling over windows of `[N, C, H, W]` inputs, as PyTorch's `nn.AvgPool2d` (stride
 * defaults to the kernel size; padding counts in the divisor unless `countIncludePad: false`).
 *
 * @example
 * new AvgPool2d(2).call(randn([1, 6, 28, 28])).shape; // [1, 6, 14, 14]
 * new AvgPool2d(3, { stride: 1, padding: 1, countIncludePad: false });
 */
export class AvgPool2d extends Module {
  constructor(
    readonly kernelSize: Size2d,
    readonly options: Omit<AvgPool2dOptions, 'kernelSize'> = {},
  ) {
    super();
    checkWindow('AvgPool2d', kernelSize, options.stride);
  }

  forward(x: Tensor): Tensor {
    return avgPool2d(x, { ...this.options, kernelSize: this.kernelSize });
  }

  override extraRepr(): string {
    return describePool(this.kernelSize, this.options);
  }
}
