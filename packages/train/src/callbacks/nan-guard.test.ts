import { TensorDataset } from '@nagare/data';
import { crossEntropy, Linear, Module, ReLU, Sequential } from '@nagare/layers';
import { SGD } from '@nagare/optimizers';
import { assign, fullLike, log, mean, memory, mul, sqrt, type Tensor, tensor, tidy } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { NonFiniteError } from '../errors/non-finite-error';
import { fit } from '../fit';
import { blobData } from '../test-support/toy';
import type { LossFunction } from '../types';
import { nanGuard } from './nan-guard';

/** Overflows to Infinity from finite inputs. */
class Overflow extends Module {
  forward(x: Tensor): Tensor {
    return mul(mul(x, 1e30), 1e30);
  }
}

/** Forward is all zeros, but the gradient of sqrt at 0 is infinite: NaN flows back into earlier layers. */
class SqrtOfZero extends Module {
  forward(x: Tensor): Tensor {
    return sqrt(mul(x, 0));
  }
}

async function guarded(
  model: Sequential,
  options: { loss?: LossFunction; data?: TensorDataset; action?: 'stop' | 'throw' } = {},
) {
  const guard = nanGuard({ action: options.action });
  const history = await fit(model, {
    train: options.data ?? blobData(32),
    optimizer: new SGD(model.parameters(), { lr: 0.1 }),
    loss: options.loss ?? crossEntropy,
    epochs: 2,
    batchSize: 8,
    callbacks: [guard],
  });
  return { guard, history };
}

describe('nanGuard', () => {
  test('names a parameter that already holds NaN', async () => {
    const model = new Sequential(new Linear(2, 4, { seed: 1 }), new ReLU(), new Linear(4, 3, { seed: 2 }));
    tidy(() => assign(model.parameters()[2], fullLike(model.parameters()[2], Number.NaN)));
    const { guard, history } = await guarded(model);
    expect(guard.report).toMatchObject({ kind: 'parameter', name: '2.weight', epoch: 1, batch: 0 });
    expect(history.stopReason).toEqual({
      by: 'nanGuard',
      message: 'nanGuard: parameter "2.weight" contains NaN (epoch 1, batch 0)',
    });
    expect(history.step).toBe(0);
    model.dispose();
  });

  test('names the first module whose output went non-finite from finite inputs', async () => {
    const model = new Sequential(
      new Linear(2, 4, { seed: 1 }),
      new Overflow(),
      new Linear(4, 3, { seed: 2 }),
    );
    const { guard } = await guarded(model);
    expect(guard.report).toMatchObject({ kind: 'module', name: '1' });
    expect(Math.abs(guard.report?.value ?? 0)).toBe(Number.POSITIVE_INFINITY);
    model.dispose();
  });

  test('names the parameter whose gradient is non-finite and skips the update', async () => {
    const model = new Sequential(
      new Linear(2, 4, { seed: 1 }),
      new SqrtOfZero(),
      new Linear(4, 3, { seed: 2 }),
    );
    const before = model.parameters().map((p) => Array.from(p.dataSync()));
    const live = memory().tensors;
    const { guard, history } = await guarded(model);
    expect(guard.report).toMatchObject({ kind: 'gradient', name: '0.weight', value: Number.NaN });
    expect(history.stopReason?.message).toBe(
      'nanGuard: the gradient of parameter "0.weight" contains NaN (epoch 1, batch 0)',
    );
    expect(model.parameters().map((p) => Array.from(p.dataSync()))).toEqual(before);
    expect(model.parameters().every((p) => p.grad === null)).toBe(true);
    expect(memory().tensors).toBe(live);
    model.dispose();
  });

  test('blames the loss function, or the input batch', async () => {
    const model = new Sequential(new Linear(2, 3, { seed: 1 }));
    const badLoss: LossFunction = (output) => mean(log(mul(output, 0).sub(1)));
    expect((await guarded(model, { loss: badLoss })).guard.report).toMatchObject({
      kind: 'loss',
      name: 'loss',
    });
    const x = tensor([
      [0, 1],
      [Number.POSITIVE_INFINITY, 1],
    ]);
    const y = tensor([0, 1], { dtype: 'int32' });
    const data = new TensorDataset(x, y);
    expect((await guarded(model, { data })).guard.report).toMatchObject({
      kind: 'input',
      value: Number.POSITIVE_INFINITY,
    });
    x.dispose();
    y.dispose();
    model.dispose();
  });

  test("action 'throw' throws a NonFiniteError with the report", async () => {
    const model = new Sequential(
      new Linear(2, 4, { seed: 1 }),
      new Overflow(),
      new Linear(4, 3, { seed: 2 }),
    );
    const error = await guarded(model, { action: 'throw' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect((error as NonFiniteError).report.name).toBe('1');
    expect((error as NonFiniteError).code).toBe('NON_FINITE');
    model.dispose();
  });
});
