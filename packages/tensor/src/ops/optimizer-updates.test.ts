import { describe, expect, test } from 'vitest';
import { memory } from '../engine/active-backend';
import { ArgumentError } from '../errors/argument-error';
import { DisposedTensorError } from '../errors/disposed-tensor-error';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import { tensor, zeros } from './creation';
import { adamUpdate, momentumUpdate, rmspropUpdate, sgdUpdate } from './optimizer-updates';
import { reshape } from './reshape';

const adamOptions = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 1 };

describe('fused optimizer updates', () => {
  test('update in place: every handle on the buffer sees the new values and nothing is allocated', () => {
    const w = tensor([
      [1, 2],
      [3, 4],
    ]);
    const flat = reshape(w, [4]);
    const grad = tensor([
      [1, 1],
      [1, 1],
    ]);
    const before = memory().tensors;
    const result = sgdUpdate(w, grad, { lr: 0.5 });
    expect(result).toBe(w);
    expect(memory().tensors).toBe(before);
    expect(Array.from(flat.dataSync())).toEqual([0.5, 1.5, 2.5, 3.5]);
  });

  test('a gradient of another shape is a ShapeError naming both', () => {
    const error = (() => {
      try {
        sgdUpdate(zeros([2, 3]), zeros([3, 2]), { lr: 0.1 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).op).toBe('sgdUpdate');
    expect((error as ShapeError).shapes).toEqual({ param: [2, 3], grad: [3, 2] });
  });

  test('state of another dtype or an integer parameter is a DTypeError', () => {
    const w = zeros([2]);
    expect(() =>
      momentumUpdate(
        w,
        zeros([2]),
        { velocity: zeros([2], { dtype: 'float64' }) },
        { lr: 0.1, momentum: 0.9 },
      ),
    ).toThrow(DTypeError);
    const ints = tensor([1, 2], { dtype: 'int32' });
    expect(() => sgdUpdate(ints, ints, { lr: 0.1 })).toThrow(DTypeError);
  });

  test('hyper-parameters out of range are ArgumentErrors', () => {
    const [w, g, m, v] = [zeros([2]), zeros([2]), zeros([2]), zeros([2])];
    expect(() => adamUpdate(w, g, { m, v }, { ...adamOptions, lr: Number.NaN })).toThrow(
      /adamUpdate: lr must be a finite number/,
    );
    expect(() => adamUpdate(w, g, { m, v }, { ...adamOptions, beta2: 1.5 })).toThrow(
      /beta2 must be in \[0, 1\]/,
    );
    expect(() => adamUpdate(w, g, { m, v }, { ...adamOptions, step: 1.5 })).toThrow(ArgumentError);
    expect(() => momentumUpdate(w, g, { velocity: m }, { lr: 0.1, momentum: -1 })).toThrow(
      /momentum must be in/,
    );
  });

  test('rmspropUpdate needs a momentum buffer exactly when momentum > 0', () => {
    const [w, g, s] = [zeros([2]), zeros([2]), zeros([2])];
    expect(() =>
      rmspropUpdate(w, g, { squareAvg: s }, { lr: 0.1, alpha: 0.9, eps: 1e-8, momentum: 0.5 }),
    ).toThrow(ArgumentError);
    expect(() =>
      rmspropUpdate(w, g, { squareAvg: s, momentumBuffer: zeros([2]) }, { lr: 0.1, alpha: 0.9, eps: 1e-8 }),
    ).toThrow(ArgumentError);
  });

  test('a disposed state tensor is a DisposedTensorError', () => {
    const velocity = zeros([2]);
    velocity.dispose();
    expect(() => momentumUpdate(zeros([2]), zeros([2]), { velocity }, { lr: 0.1, momentum: 0.9 })).toThrow(
      DisposedTensorError,
    );
  });

  test('amsgrad follows from passing vMax: v drops but the denominator keeps the max', () => {
    const [w, g, m, v, vMax] = [tensor([1]), tensor([0]), zeros([1]), tensor([4]), tensor([4])];
    adamUpdate(w, g, { m, v, vMax }, adamOptions);
    expect(v.item()).toBeCloseTo(0.999 * 4, 6);
    expect(vMax.item()).toBe(4);
  });
});
