import { type Tensor, tensor } from '@nagare/tensor';
import { Adagrad } from '../adagrad';
import { Adam } from '../adam';
import { Momentum } from '../momentum';
import type { Optimizer } from '../optimizer';
import { SGD } from '../sgd';
import { checkNumber, POSITIVE_INTEGER } from '../validate';

/** The trajectory of one optimizer: every point it visited, the start included. */
export interface OptimizerPath {
  name: 'SGD' | 'Momentum' | 'AdaGrad' | 'Adam';
  lr: number;
  /** [x, y] after 0, 1, …, steps updates. */
  points: [number, number][];
}

/** Options of `optimizerPaths`. */
export interface OptimizerPathsOptions {
  /** Starting point. Default [-7, 2], as in the lecture. */
  start?: readonly [number, number];
  /** Updates per optimizer. Default 30. */
  steps?: number;
  /** The point's dtype. Default float64. */
  dtype?: 'float32' | 'float64';
}

/** ∇f for f(x, y) = x²/20 + y²: (x/10, 2y). */
function gradientAt([x, y]: readonly number[]): number[] {
  return [x / 10, 2 * y];
}

/** One optimizer on the bowl, its point read by `read` (synchronous, or awaited with `data()`). */
function* trace(
  optimizer: Optimizer,
  point: Tensor,
  steps: number,
): Generator<Tensor, [number, number][], ArrayLike<number>> {
  const points: [number, number][] = [];
  try {
    for (let i = 0; ; i++) {
      const values = yield point;
      points.push([values[0], values[1]]);
      if (i === steps) return points;
      optimizer.zeroGrad();
      point.grad = tensor(gradientAt(points[i]), { dtype: point.dtype });
      optimizer.step();
    }
  } finally {
    optimizer.zeroGrad();
    optimizer.dispose();
    point.dispose();
  }
}

type Maker = [OptimizerPath['name'], number, (p: Tensor, lr: number) => Optimizer];

const MAKERS: Maker[] = [
  ['SGD', 0.95, (p, lr) => new SGD([p], { lr })],
  ['Momentum', 0.1, (p, lr) => new Momentum([p], { lr, momentum: 0.9 })],
  // The lecture's AdaGrad adds 1e-7 to √h.
  ['AdaGrad', 1.5, (p, lr) => new Adagrad([p], { lr, eps: 1e-7 })],
  ['Adam', 0.3, (p, lr) => new Adam([p], { lr })],
];

function checkPathOptions(op: string, options: OptimizerPathsOptions) {
  const { start = [-7, 2], steps = 30, dtype = 'float64' } = options;
  checkNumber(op, 'steps', steps, POSITIVE_INTEGER);
  checkNumber(op, 'start[0]', start[0]);
  checkNumber(op, 'start[1]', start[1]);
  return { start, steps, dtype };
}

/**
 * The lecture's comparison of SGD, Momentum, AdaGrad and Adam on f(x, y) = x²/20 + y², a bowl 20
 * times steeper in y than in x, with the lecture's learning rates (0.95, 0.1, 1.5, 0.3). SGD
 * zig-zags across the steep y direction while crawling along x; momentum and the adaptive methods
 * head for the minimum at (0, 0). Returns each trajectory, ready to plot.
 *
 * @example
 * for (const { name, points } of optimizerPaths()) console.log(name, points.at(-1));
 */
export function optimizerPaths(options: OptimizerPathsOptions = {}): OptimizerPath[] {
  const { start, steps, dtype } = checkPathOptions('optimizerPaths', options);
  return MAKERS.map(([name, lr, make]) => {
    const point = tensor([...start], { dtype, requiresGrad: true });
    const run = trace(make(point, lr), point, steps);
    let next = run.next();
    while (!next.done) next = run.next(next.value.dataSync());
    return { name, lr, points: next.value };
  });
}

/**
 * `optimizerPaths` for every backend: the same trajectories, each point read with `await data()`
 * (a backend that reads only asynchronously, such as WebGPU, needs `dtype: 'float32'` too).
 *
 * @example
 * const paths = await optimizerPathsAsync({ steps: 30 });
 */
export async function optimizerPathsAsync(options: OptimizerPathsOptions = {}): Promise<OptimizerPath[]> {
  const { start, steps, dtype } = checkPathOptions('optimizerPathsAsync', options);
  const paths: OptimizerPath[] = [];
  for (const [name, lr, make] of MAKERS) {
    const point = tensor([...start], { dtype, requiresGrad: true });
    const run = trace(make(point, lr), point, steps);
    let next = run.next();
    while (!next.done) next = run.next(await next.value.data());
    paths.push({ name, lr, points: next.value });
  }
  return paths;
}
