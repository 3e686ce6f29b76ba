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
}

/** ∇f for f(x, y) = x²/20 + y²: (x/10, 2y). */
function gradientAt([x, y]: readonly number[]): number[] {
  return [x / 10, 2 * y];
}

function trace(optimizer: Optimizer, point: Tensor, steps: number): [number, number][] {
  const read = (): [number, number] => {
    const [x, y] = point.dataSync();
    return [x, y];
  };
  const points = [read()];
  for (let i = 0; i < steps; i++) {
    optimizer.zeroGrad();
    point.grad = tensor(gradientAt(points[i]), { dtype: 'float64' });
    optimizer.step();
    points.push(read());
  }
  optimizer.zeroGrad();
  optimizer.dispose();
  point.dispose();
  return points;
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
  const { start = [-7, 2], steps = 30 } = options;
  checkNumber('optimizerPaths', 'steps', steps, POSITIVE_INTEGER);
  checkNumber('optimizerPaths', 'start[0]', start[0]);
  checkNumber('optimizerPaths', 'start[1]', start[1]);
  const makers: [OptimizerPath['name'], number, (p: Tensor, lr: number) => Optimizer][] = [
    ['SGD', 0.95, (p, lr) => new SGD([p], { lr })],
    ['Momentum', 0.1, (p, lr) => new Momentum([p], { lr, momentum: 0.9 })],
    // The lecture's AdaGrad adds 1e-7 to √h.
    ['AdaGrad', 1.5, (p, lr) => new Adagrad([p], { lr, eps: 1e-7 })],
    ['Adam', 0.3, (p, lr) => new Adam([p], { lr })],
  ];
  return makers.map(([name, lr, make]) => {
    const point = tensor([...start], { dtype: 'float64', requiresGrad: true });
    return { name, lr, points: trace(make(point, lr), point, steps) };
  });
}
