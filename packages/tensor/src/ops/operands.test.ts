import { describe, expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error';
import { DisposedTensorError } from '../errors/disposed-tensor-error';
import { catchError, expectNagareError } from '../test-helpers';
import * as ops from './all';
import { fullLike, ones, onesLike, tensor, zeros, zerosLike } from './creation';

type AnyOp = (...args: unknown[]) => unknown;

// Every op entry that takes tensors, by name: the namespace of ops plus the `*Like` creators.
const ENTRIES: Record<string, AnyOp> = {
  ...(Object.fromEntries(Object.entries(ops).filter(([, value]) => typeof value === 'function')) as Record<
    string,
    AnyOp
  >),
  zerosLike: zerosLike as AnyOp,
  onesLike: onesLike as AnyOp,
  fullLike: fullLike as AnyOp,
};
// Ops that take a list of tensors first.
const LIST_OPS = new Set(['concat', 'stack']);
// Aliases report the op they stand for.
const REPORTED_NAME: Record<string, string> = { broadcastTo: 'expand' };

describe('every op entry checks its operands before reading them', () => {
  const single = Object.keys(ENTRIES).filter((name) => !LIST_OPS.has(name));

  test.each(single)('%s: a nested array as first operand is an ArgumentError naming the op', (name) => {
    expectNagareError(() => ENTRIES[name]([[1, 2]]), ArgumentError, {
      op: REPORTED_NAME[name] ?? name,
      code: 'INVALID_ARGUMENT',
      messageParts: ['must be a Tensor', 'got an array'],
    });
  });

  test.each(single)('%s: undefined as first operand is an ArgumentError, not a TypeError', (name) => {
    const error = catchError(() => ENTRIES[name](undefined));
    expect(error).toBeInstanceOf(ArgumentError);
  });

  test.each([...LIST_OPS])('%s: a non-tensor list element is named by its index', (name) => {
    expectNagareError(() => ENTRIES[name]([ones([2]), [1, 2]]), ArgumentError, {
      op: name,
      code: 'INVALID_ARGUMENT',
      message: `${name}: tensors[1] must be a Tensor, got an array (wrap it with tensor())`,
    });
  });
});

describe('the error names the argument that is wrong', () => {
  const t = ones([2, 2]);
  test.each([
    ['matmul', () => ops.matmul([[1, 2]] as never, t), 'a'],
    ['matmul', () => ops.matmul(t, [[1, 2]] as never), 'b'],
    ['add', () => ops.add(t, [[1, 2]] as never), 'b'],
    ['where', () => ops.where(tensor([true, false]), ones([2]), null as never), 'b'],
    ['conv2d', () => ops.conv2d(ones([1, 1, 3, 3]), {} as never), 'w'],
    ['gather', () => ops.gather(t, [0] as never), 'indices'],
    ['assign', () => ops.assign(t, 3 as never), 'value'],
    ['clip', () => ops.clip('x' as never, 0, 1), 'x'],
  ])('%s names %s', (op, call, argument) => {
    expectNagareError(call, ArgumentError, {
      op,
      code: 'INVALID_ARGUMENT',
      messageParts: [`${op}: ${argument} must be a Tensor`],
    });
  });

  test('matmul with a nested array names the op and the argument, not a property of undefined', () => {
    expectNagareError(() => ops.matmul([[1, 2]] as never, t), ArgumentError, {
      op: 'matmul',
      code: 'INVALID_ARGUMENT',
      message: 'matmul: a must be a Tensor, got an array (wrap it with tensor())',
    });
  });

  test('a disposed operand is still a DisposedTensorError', () => {
    const x = zeros([2]);
    x.dispose();
    expectNagareError(() => ops.exp(x), DisposedTensorError, { op: 'exp', code: 'DISPOSED_TENSOR' });
    expectNagareError(() => ops.sum(x), DisposedTensorError, { op: 'sum', code: 'DISPOSED_TENSOR' });
  });
});
