import '@nagare/autograd';
import {
  ArgumentError,
  add,
  DTypeError,
  memory,
  mul,
  ShapeError,
  square,
  sum,
  type Tensor,
  tensor,
  tidy,
} from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { ROSENBROCK } from './__fixtures__/problems';
import { Adam } from './adam';
import { clipGradNorm } from './clip-grad';
import { Momentum } from './momentum';
import type { Optimizer } from './optimizer';
import { RMSProp } from './rmsprop';
import { warmupCosineLr } from './schedules/cosine-annealing';
import { reduceLrOnPlateau } from './schedules/reduce-on-plateau';
import { SGD } from './sgd';

const param = (values: number[]) => tensor(values, { dtype: 'float64', requiresGrad: true });
const setGrad = (p: Tensor, values: number[]) => {
  p.zeroGrad();
  p.grad = tensor(values, { dtype: 'float64' });
};

describe('parameter groups', () => {
  test('each group keeps its own lr and decay; missing options come from the defaults', () => {
    const [a, b] = [param([1, 1]), param([1, 1])];
    const optimizer = new SGD([{ params: [a] }, { params: [b], lr: 0.5, weightDecay: 1 }], { lr: 0.1 });
    expect(optimizer.lrs).toEqual([0.1, 0.5]);
    setGrad(a, [1, 2]);
    setGrad(b, [1, 2]);
    optimizer.step();
    expect(Array.from(a.dataSync())).toEqual([0.9, 0.8]);
    // b: x − 0.5·(g + 1·x) = 1 − 0.5·[2, 3]
    expect(Array.from(b.dataSync())).toEqual([0, -0.5]);
  });

  test('addParamGroup adds parameters later; a parameter may be in one group only', () => {
    const [a, b] = [param([1]), param([2])];
    const optimizer = new SGD([a], { lr: 0.1 });
    optimizer.addParamGroup({ params: [b], lr: 0.01 });
    expect(optimizer.paramGroups.map((group) => group.params.length)).toEqual([1, 1]);
    expect(() => optimizer.addParamGroup({ params: [a] })).toThrow(
      /SGD: parameter 0 of group 2 appears more than once/,
    );
    expect(() => new SGD([a, a], { lr: 0.1 })).toThrow(ArgumentError);
  });

  test('bad parameter lists are typed errors naming the optimizer', () => {
    expect(() => new Adam([])).toThrow(/Adam: got an empty parameter list/);
    expect(() => new Adam([tensor([1, 2], { dtype: 'int32' })])).toThrow(DTypeError);
    expect(() => new Adam([param([1]), { params: [param([2])] }] as never)).toThrow(
      /mixes tensors and parameter groups/,
    );
    expect(() => new Adam([{ params: [] }])).toThrow(/a parameter group has no parameters/);
  });

  test('step skips parameters without a gradient and counts steps', () => {
    const [a, b] = [param([1]), param([1])];
    const optimizer = new Momentum([a, b], { lr: 0.1 });
    setGrad(a, [1]);
    optimizer.step();
    expect([a.dataSync()[0], b.dataSync()[0]]).toEqual([0.9, 1]);
    expect(optimizer.stepCount).toBe(1);
    expect(Object.keys(optimizer.stateDict().state)).toEqual(['0']);
  });

  test('zeroGrad frees every gradient', () => {
    const a = param([1, 2]);
    setGrad(a, [1, 1]);
    const grad = a.grad as Tensor;
    new SGD([a], { lr: 0.1 }).zeroGrad();
    expect(a.grad).toBeNull();
    expect(grad.isDisposed).toBe(true);
  });

  test('a gradient of the wrong shape is a ShapeError from the update kernel', () => {
    const a = param([1, 2]);
    a.grad = tensor([1, 2, 3], { dtype: 'float64' });
    expect(() => new Adam([a]).step()).toThrow(ShapeError);
  });
});

describe('learning rate', () => {
  test('lr reads the next step’s lr and sets every group, to a number or a schedule', () => {
    const optimizer = new SGD([{ params: [param([1])] }, { params: [param([1])], lr: 1 }], { lr: 0.1 });
    expect(optimizer.lr).toBe(0.1);
    optimizer.lr = 0.05;
    expect(optimizer.lrs).toEqual([0.05, 0.05]);
    optimizer.lr = (step) => 1 / (step + 1);
    expect(optimizer.lr).toBe(1);
    optimizer.step();
    expect(optimizer.lr).toBe(0.5);
    expect(() => {
      optimizer.lr = Number.NaN;
    }).toThrow(/SGD: lr must be a finite number/);
  });

  test('a schedule that returns a bad lr fails the step with the step count', () => {
    const optimizer = new SGD([param([1])], { lr: (step) => (step < 1 ? 0.1 : -1) });
    optimizer.step();
    expect(() => optimizer.step()).toThrow(/SGD: the lr schedule gave -1 at step 1/);
  });
});

/** Runs `steps` Rosenbrock steps, reporting the loss to a plateau schedule when there is one. */
function train(optimizer: Optimizer, p: Tensor, steps: number, report?: (loss: number) => void): number[][] {
  const path: number[][] = [];
  for (let i = 0; i < steps; i++) {
    const x = Array.from(p.dataSync());
    setGrad(p, ROSENBROCK.gradient(x));
    optimizer.step();
    report?.((1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2);
    path.push(Array.from(p.dataSync()));
  }
  return path;
}

describe('stateDict / loadStateDict', () => {
  test('resuming from a saved state continues bit for bit, schedules and plateau state included', () => {
    const make = (p: Tensor) => {
      const plateau = reduceLrOnPlateau(warmupCosineLr({ lr: 0.05, warmupSteps: 5, totalSteps: 40 }), {
        patience: 1,
        factor: 0.5,
      });
      const optimizer = new Adam([{ params: [p], amsgrad: true, weightDecay: 0.01 }], { lr: plateau });
      return { optimizer, plateau };
    };
    const p = param([...ROSENBROCK.start]);
    const first = make(p);
    train(first.optimizer, p, 15, (loss) => first.plateau.report(loss));
    const saved = first.optimizer.stateDict();
    const savedParam = Array.from(p.dataSync());
    const uninterrupted = train(first.optimizer, p, 15, (loss) => first.plateau.report(loss));
    expect(first.plateau.scale).toBeLessThan(1);

    // A JSON round trip of everything but the tensors, as a checkpoint would store it.
    const restoredDict = { ...JSON.parse(JSON.stringify({ ...saved, state: {} })), state: saved.state };
    const q = param(savedParam);
    const second = make(q);
    second.optimizer.loadStateDict(restoredDict);
    expect(second.optimizer.stepCount).toBe(15);
    const resumed = train(second.optimizer, q, 15, (loss) => second.plateau.report(loss));
    expect(resumed).toEqual(uninterrupted);
  });

  test('the dict holds copies: later steps do not change it and loading does not alias it', () => {
    const p = param([1, 2]);
    const optimizer = new RMSProp([p], { centered: true, momentum: 0.9 });
    setGrad(p, [1, 1]);
    optimizer.step();
    const dict = optimizer.stateDict();
    const before = Array.from(dict.state[0].tensors.squareAvg.dataSync());
    optimizer.step();
    expect(Array.from(dict.state[0].tensors.squareAvg.dataSync())).toEqual(before);
    optimizer.loadStateDict(dict);
    optimizer.step();
    expect(Array.from(dict.state[0].tensors.squareAvg.dataSync())).toEqual(before);
    expect(dict.paramGroups[0].options).toMatchObject({
      lr: 0.01,
      alpha: 0.99,
      centered: true,
      momentum: 0.9,
    });
  });

  test('a dict that does not fit the optimizer is refused with a typed error', () => {
    const p = param([1, 2]);
    const optimizer = new Adam([p]);
    setGrad(p, [1, 1]);
    optimizer.step();
    const dict = optimizer.stateDict();
    expect(() =>
      new Adam([{ params: [param([1, 2])] }, { params: [param([1])] }]).loadStateDict(dict),
    ).toThrow(/Adam.loadStateDict: the dict has 1 parameter groups, the optimizer 2/);
    expect(() => new Adam([param([1, 2, 3])]).loadStateDict(dict)).toThrow(ShapeError);
    const scheduled = { ...dict, paramGroups: [{ ...dict.paramGroups[0], schedule: {} }] };
    expect(() => new Adam([param([1, 2])]).loadStateDict(scheduled)).toThrow(/saved with an lr schedule/);
  });
});

describe('memory', () => {
  test('1,000 training steps (backward, clipping, Adam with amsgrad and decay) keep memory().tensors flat', () => {
    const params = [
      param([1, -1, 0.5]),
      param([0.2, 0.3]),
      tensor(
        [
          [1, 2],
          [3, 4],
        ],
        { requiresGrad: true },
      ),
    ];
    const optimizer = new Adam(params, {
      lr: 1e-3,
      amsgrad: true,
      weightDecay: 0.01,
      decoupledWeightDecay: 0.01,
    });
    const counts: number[] = [];
    for (let i = 0; i < 1000; i++) {
      // A real backward pass each step: gradients are new tensors that zeroGrad frees again.
      tidy(() =>
        add(
          add(sum(mul(square(params[0]), Math.cos(i))), sum(params[1])),
          sum(mul(params[2], params[2])),
        ).backward(),
      );
      clipGradNorm(params, 1);
      optimizer.step();
      optimizer.zeroGrad();
      counts.push(memory().tensors);
    }
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(counts[1]).toBe(counts[0]);
  });

  test('buffers created inside tidy survive it, and dispose() frees them', () => {
    const p = param([1, 2]);
    setGrad(p, [1, 1]);
    const optimizer = new Adam([p], { amsgrad: true });
    const before = memory().tensors;
    tidy(() => optimizer.step());
    expect(memory().tensors).toBe(before + 3);
    optimizer.step();
    optimizer.dispose();
    expect(memory().tensors).toBe(before);
  });
});
