import { ArgumentError, gather, mul, sum, type Tensor, tanh, tensor, where } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { customGrad } from './functional/custom-grad';
import { gradcheck } from './gradcheck';
import './index';

// x² with a backward that is wrong at exactly one position, [1, 2].
const wrongAtOnePlace = customGrad(
  (x: Tensor) => mul(x, x),
  (dy, { inputs: [x] }) => {
    const mask = tensor(
      [
        [1, 1, 1],
        [1, 1, 0.5],
      ],
      { dtype: 'float64' },
    );
    return mul(dy, mul(mul(x, 2), mask));
  },
);

describe('gradcheck', () => {
  test('passes for a correct gradient and reports how many elements it compared', () => {
    const result = gradcheck((x) => tanh(x), [tensor([[0.1, -0.4, 2]], { dtype: 'float64' })]);
    expect(result.passed).toBe(true);
    expect(result.checked).toBe(3);
    expect(result.worst?.error).toBeLessThan(1e-8);
    expect(result.message).toMatch(/^gradcheck passed: 3 elements/);
  });

  test('fails for a wrong gradient and names the worst element by input and index', () => {
    const result = gradcheck(wrongAtOnePlace, [
      tensor(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        { dtype: 'float64' },
      ),
    ]);
    expect(result.passed).toBe(false);
    expect(result.worst).toMatchObject({ input: 0, index: [1, 2] });
    expect(result.worst!.analytic / result.worst!.numeric).toBeCloseTo(0.5, 6);
    expect(result.message).toMatch(/gradcheck failed at input 0 \[1, 2\]/);
  });

  test('works in float64 whatever the input dtype, and tolerances are options', () => {
    const dtypes: string[] = [];
    const result = gradcheck(
      (x) => {
        dtypes.push(x.dtype);
        return mul(x, x);
      },
      [tensor([1, 2])],
      { eps: 1e-4, rtol: 1e-6, atol: 0 },
    );
    expect(new Set(dtypes)).toEqual(new Set(['float64']));
    expect(result.passed).toBe(true);
  });

  test('integer inputs (indices) are passed through, not checked', () => {
    const indices = tensor([2, 0, 2], { dtype: 'int32' });
    const result = gradcheck((x, i) => gather(x, i), [tensor([1, 2, 3]), indices]);
    expect(result.passed).toBe(true);
    expect(result.checked).toBe(3);
  });

  test('several outputs are all projected', () => {
    const result = gradcheck((a, b) => [mul(a, b), sum(a)], [tensor([1, 2]), tensor([3, 4])]);
    expect(result.passed).toBe(true);
    expect(result.checked).toBe(4);
  });

  test('catches a kink taken with the wrong subgradient when a point sits on it', () => {
    const notReluAtZero = customGrad(
      (x: Tensor) => where(x.gt(0), x, 0),
      (dy) => dy,
    );
    expect(gradcheck(notReluAtZero, [tensor([-1, 2])]).passed).toBe(false);
  });

  test('rejects a non-positive eps and a function without float inputs', () => {
    expect(() => gradcheck((x) => x, [tensor([1])], { eps: 0 })).toThrow(ArgumentError);
    expect(() => gradcheck((x) => x, [tensor([1], { dtype: 'int32' })])).toThrow(/no float input/);
  });
});
