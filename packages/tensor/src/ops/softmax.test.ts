import { expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { expectNagareError } from '../test-helpers';
import { ones, tensor } from './creation';
import { logSoftmax, softmax } from './softmax';

test.each([
  ['softmax', softmax],
  ['logSoftmax', logSoftmax],
] as const)('%s: integer input is a DTypeError, a bad axis an ArgumentError', (op, fn) => {
  expectNagareError(() => fn(ones([2], { dtype: 'int32' })), DTypeError, {
    op,
    code: 'DTYPE_MISMATCH',
    message: `${op}: expected a float input (x: int32)`,
  });
  expectNagareError(() => fn(ones([2, 2]), 2), ArgumentError, {
    op,
    code: 'INVALID_ARGUMENT',
    message: `${op}: axis 2 is out of range for rank 2`,
  });
  expect(fn(ones([2, 3], { dtype: 'float64' }), 0)).toMatchObject({ shape: [2, 3], dtype: 'float64' });
});

test('rows of softmax sum to 1; methods call the free functions', () => {
  const x = tensor([
    [3, -1, 2],
    [0, 10, -10],
  ]);
  const sums = x.softmax().sum(1).toArray() as number[];
  for (const s of sums) expect(s).toBeCloseTo(1, 6);
  expect(x.logSoftmax(0).toArray()).toEqual(logSoftmax(x, 0).toArray());
});
