import { noGrad } from '@nagare/autograd';
import { conv2d, Generator, tensor, tidy } from '@nagare/tensor';

/** A convolution small enough to follow by hand: volumes as nested arrays `[channel][row][column]`. */
export interface ConvDemo {
  /** The input volume before padding, `[C][H][W]`. */
  input: number[][][];
  /** Filters `[F][C][k][k]`. */
  filters: number[][][][];
  biases: number[];
  padding: number;
  stride: number;
}

/** One output value, computed the long way. */
export interface ConvStep {
  filter: number;
  row: number;
  column: number;
  /** Top-left corner of the receptive field in the padded input. */
  top: number;
  left: number;
  /** Σ window · filter over each input channel. */
  channelSums: number[];
  bias: number;
  value: number;
}

/**
 * The CS231n / ConvNetJS demo's numbers: a 5×5×3 input of integers 0…2 (7×7×3 once padded by 1), two
 * 3×3×3 filters of integers −1…1 with biases 1 and 0, stride 2: a 3×3×2 output.
 *
 * @example
 * const demo = convnetDemo(0); // demo.input: 3 channels of 5×5, demo.filters: 2 of 3×3×3
 */
export function convnetDemo(seed: number): ConvDemo {
  const generator = new Generator(seed);
  const grid = (size: number, low: number, high: number) =>
    Array.from({ length: size }, () =>
      Array.from({ length: size }, () => low + generator.nextInt(high - low + 1)),
    );
  return {
    input: Array.from({ length: 3 }, () => grid(5, 0, 2)),
    filters: Array.from({ length: 2 }, () => Array.from({ length: 3 }, () => grid(3, -1, 1))),
    biases: [1, 0],
    padding: 1,
    stride: 2,
  };
}

/** The input with `padding` zeros on every side, `[C][H + 2p][W + 2p]`. */
export function paddedInput(demo: ConvDemo): number[][][] {
  const p = demo.padding;
  return demo.input.map((channel) => {
    const width = channel[0].length + 2 * p;
    const zeros = () => new Array<number>(width).fill(0);
    return [
      ...Array.from({ length: p }, zeros),
      ...channel.map((row) => [...new Array<number>(p).fill(0), ...row, ...new Array<number>(p).fill(0)]),
      ...Array.from({ length: p }, zeros),
    ];
  });
}

/** Output side: (W + 2p − k) / s + 1. */
export function outputSize(demo: ConvDemo): number {
  const k = demo.filters[0][0].length;
  return Math.floor((demo.input[0].length + 2 * demo.padding - k) / demo.stride) + 1;
}

/**
 * Every output value of the convolution written out: for each filter and output position, the
 * window's top-left corner in the padded input, the per-channel sums of window × filter, the bias
 * and the result. Steps are ordered filter by filter, then row by row.
 *
 * @example
 * convSteps(convnetDemo(0)).length; // 18 (3 × 3 positions × 2 filters)
 */
export function convSteps(demo: ConvDemo): ConvStep[] {
  const padded = paddedInput(demo);
  const size = outputSize(demo);
  const k = demo.filters[0][0].length;
  const steps: ConvStep[] = [];
  demo.filters.forEach((filter, f) => {
    for (let row = 0; row < size; row++) {
      for (let column = 0; column < size; column++) {
        const top = row * demo.stride;
        const left = column * demo.stride;
        const channelSums = filter.map((weights, c) => {
          let sum = 0;
          for (let i = 0; i < k; i++)
            for (let j = 0; j < k; j++) sum += padded[c][top + i][left + j] * weights[i][j];
          return sum;
        });
        const value = channelSums.reduce((a, b) => a + b, 0) + demo.biases[f];
        steps.push({ filter: f, row, column, top, left, channelSums, bias: demo.biases[f], value });
      }
    }
  });
  return steps;
}

/**
 * The same convolution by nagare's `conv2d` op on the active backend: `[F][oh][ow]`.
 *
 * @example
 * nagareConv(convnetDemo(0))[0][0][0] === convSteps(convnetDemo(0))[0].value; // true
 */
export function nagareConv(demo: ConvDemo): number[][][] {
  const size = outputSize(demo);
  const values = noGrad(() =>
    tidy(() =>
      conv2d(tensor([demo.input]), tensor(demo.filters), {
        bias: tensor(demo.biases),
        stride: demo.stride,
        padding: demo.padding,
      }).dataSync(),
    ),
  );
  return demo.filters.map((_, f) =>
    Array.from({ length: size }, (_, row) =>
      Array.from({ length: size }, (_, column) => values[(f * size + row) * size + column]),
    ),
  );
}
