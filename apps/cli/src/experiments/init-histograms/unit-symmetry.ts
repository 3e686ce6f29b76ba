import { Flatten, init, Linear, Sequential, Sigmoid } from '@nagare/layers';
import { Generator, type Tensor } from '@nagare/tensor';

/** How the symmetry experiment starts its weights: every weight and bias 0, or Xavier. */
export type SymmetryInit = 'zeros' | 'xavier';

/**
 * A sigmoid MLP `784 → hidden… → 10` for the zero-init demonstration. With `'zeros'` every weight
 * and bias starts at 0: each hidden unit of a layer computes the same function and receives the
 * same gradient, so they stay identical however long they train. With `'xavier'` weights are
 * N(0, 2/(fanIn+fanOut)) and biases 0. Sigmoid (not tanh or ReLU) keeps the zero net learning at
 * all: σ(0) = 0.5 ≠ 0, so the output layer gets a gradient from the first step.
 *
 * @example
 * symmetryNet('zeros', [50, 50], 0).call(zeros([2, 1, 28, 28])).shape; // [2, 10]
 */
export function symmetryNet(kind: SymmetryInit, hidden: readonly number[], seed: number): Sequential {
  const generator = new Generator(seed);
  const weightInit = kind === 'zeros' ? (t: Tensor) => init.zeros(t) : init.xavierNormal;
  const options = { generator, weightInit, biasInit: (t: Tensor) => init.zeros(t) };
  const model = new Sequential(new Flatten());
  let width = 784;
  for (const size of hidden) {
    model.append(new Linear(width, size, options));
    model.append(new Sigmoid());
    width = size;
  }
  model.append(new Linear(width, 10, options));
  return model;
}

/**
 * How many different units a layer has: rows of `weight` (`[units, inputs]`, one row per unit's
 * incoming weights) with their biases, counting rows equal up to a relative 1e-6 as one.
 *
 * @example
 * distinctUnits(zeros([50, 784]), zeros([50])); // 1
 */
export function distinctUnits(weight: Tensor, bias?: Tensor): number {
  const [units, inputs] = weight.shape;
  const w = weight.dataSync();
  const b = bias?.dataSync();
  let scale = 0;
  for (const v of w) scale = Math.max(scale, Math.abs(v));
  const tolerance = 1e-6 * Math.max(scale, 1e-12);
  const representatives: number[] = [];
  for (let unit = 0; unit < units; unit++) {
    const isKnown = representatives.some((other) => {
      if (b && Math.abs(b[unit] - b[other]) > tolerance) return false;
      for (let i = 0; i < inputs; i++) {
        if (Math.abs(w[unit * inputs + i] - w[other * inputs + i]) > tolerance) return false;
      }
      return true;
    });
    if (!isKnown) representatives.push(unit);
  }
  return representatives.length;
}

/** The hidden Linear layers of a `symmetryNet` (every Linear but the output layer). */
export function hiddenLayers(model: Sequential): Linear[] {
  const linears = model.modules().filter((module): module is Linear => module instanceof Linear);
  return linears.slice(0, -1);
}
