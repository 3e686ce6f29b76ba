import { describe, expect, test } from 'vitest';
import type { Backend } from '../backend';
import { createJsBackend } from '../backends/js/js-backend';
import { ArgumentError } from '../errors/argument-error';
import { BackendError } from '../errors/backend-error';
import { DisposedTensorError } from '../errors/disposed-tensor-error';
import { DTypeError } from '../errors/dtype-error';
import { UnsupportedOpError } from '../errors/unsupported-op-error';
import * as nt from '../ops/all';
import { tensor, zeros } from '../ops/creation';
import { rand } from '../ops/random';
import type { Tensor } from '../tensor';
import { expectNagareError } from '../test-helpers';
import { getBackend, memory, useBackend } from './active-backend';
import { keep, shareData } from './handles';
import { tidy } from './tidy';

/** Runs `fn` and asserts it leaves the live tensor count and bytes as they were. */
function expectNoLeak(fn: () => void): void {
  const before = memory();
  fn();
  const after = memory();
  expect({ tensors: after.tensors, bytes: after.bytes }).toEqual({
    tensors: before.tensors,
    bytes: before.bytes,
  });
}

describe('tidy', () => {
  test('a loop of 10,000 ops inside tidy leaves the live count and bytes unchanged', () => {
    const x = rand([8], { seed: 1 });
    const start = memory();
    const result = tidy(() => {
      let y = x;
      for (let i = 0; i < 10_000; i++) y = nt.add(nt.mul(y, 0.5), x);
      return nt.sum(y);
    });
    expect(memory().tensors).toBe(start.tensors + 1);
    result.dispose();
    expect(memory()).toMatchObject({ tensors: start.tensors, bytes: start.bytes });
    x.dispose();
  });

  test('keeps returned tensors, nested in arrays and objects, and frees the rest', () => {
    const before = memory().tensors;
    let inner: Tensor | undefined;
    const result = tidy(() => {
      const a = tensor([1, 2]);
      inner = a.mul(3);
      const cyclic: Record<string, unknown> = { label: 'kept' };
      cyclic.self = cyclic;
      return { pair: [a.add(1), inner], nested: { b: a.neg() }, cyclic, bare: Object.create(null) };
    });
    expect(memory().tensors).toBe(before + 3);
    expect(result.pair[0].toArray()).toEqual([2, 3]);
    expect(result.nested.b.toArray()).toEqual([-1, -2]);
    expect(inner?.isDisposed).toBe(false);
    nt.dispose([...result.pair, result.nested.b]);
    expect(memory().tensors).toBe(before);
  });

  test('returned tensors move to the enclosing scope, which frees them unless it returns them too', () => {
    let moved: Tensor | undefined;
    const outer = tidy(() => {
      moved = tidy(() => tensor([1]).add(1));
      const survivor = tidy(() => tensor([5]).mul(2));
      return survivor;
    });
    expect(moved?.isDisposed).toBe(true);
    expect(outer.toArray()).toEqual([10]);
    outer.dispose();
  });

  test('tensors created before the tidy are not touched', () => {
    const x = tensor([1]);
    tidy(() => x.add(1));
    expect(x.isDisposed).toBe(false);
    expect(tidy(() => x)).toBe(x);
    expect(x.isDisposed).toBe(false);
    x.dispose();
  });

  test('frees what it allocated when the function throws', () => {
    expectNoLeak(() => {
      expect(() =>
        tidy(() => {
          tensor([1, 2]).add(1);
          throw new Error('step failed');
        }),
      ).toThrow('step failed');
    });
  });

  test('an async function is an ArgumentError and leaks nothing allocated before the await', () => {
    expectNoLeak(() => {
      expectNagareError(
        () =>
          tidy(async () => {
            tensor([1]);
          }),
        ArgumentError,
        { op: 'tidy', code: 'INVALID_ARGUMENT' },
      );
    });
  });
});

describe('dispose, using and keep', () => {
  test('dispose frees once; a second dispose is harmless', () => {
    const before = memory();
    const t = tensor([1, 2, 3]);
    expect(memory().bytes).toBe(before.bytes + 12);
    t.dispose();
    t.dispose();
    nt.dispose(t);
    expect(t.isDisposed).toBe(true);
    expect(memory()).toMatchObject({ tensors: before.tensors, bytes: before.bytes });
  });

  test('`using` disposes at the end of the block', () => {
    const before = memory().tensors;
    let escaped: Tensor;
    {
      using t = tensor([1, 2]);
      escaped = t;
      expect(memory().tensors).toBe(before + 1);
    }
    expect(escaped.isDisposed).toBe(true);
    expect(memory().tensors).toBe(before);
  });

  test('[Symbol.dispose]() is dispose()', () => {
    const t = tensor([1]);
    t[Symbol.dispose]();
    expect(t.isDisposed).toBe(true);
  });

  test('keep lets a tensor outlive every enclosing tidy', () => {
    let kept: Tensor | undefined;
    let dropped: Tensor | undefined;
    tidy(() =>
      tidy(() => {
        kept = keep(tensor([4]).add(1));
        dropped = tensor([8]);
      }),
    );
    expect(kept?.isDisposed).toBe(false);
    expect(dropped?.isDisposed).toBe(true);
    kept?.dispose();
  });
});

describe('shared buffers', () => {
  test('reshape is free: it shares the buffer (no new bytes) and sees in-place writes', () => {
    const update = tensor([9, 8, 7, 6]);
    const start = memory().bytes;
    const x = tensor([1, 2, 3, 4]);
    const view = x.reshape([2, 2]);
    expect(memory().bytes).toBe(start + 16);
    nt.assign(x, update);
    const expected = [
      [9, 8],
      [7, 6],
    ];
    expect(view.toArray()).toEqual(expected);
    x.dispose();
    expect(view.toArray()).toEqual(expected);
    expect(memory().bytes).toBe(start + 16);
    view.dispose();
    expect(memory().bytes).toBe(start);
    update.dispose();
  });

  test('shareData gives an untracked handle that outlives tidy; the buffer goes with the last handle', () => {
    const before = memory();
    const saved = tidy(() => shareData(tensor([1, 2])));
    expect(saved.toArray()).toEqual([1, 2]);
    expect(memory().tensors).toBe(before.tensors + 1);
    expect(memory().bytes).toBe(before.bytes + 8);
    saved.dispose();
    expect(memory()).toMatchObject({ tensors: before.tensors, bytes: before.bytes });
  });

  test('detach shares the data, is owned by tidy, and cannot start from a disposed tensor', () => {
    const x = tensor([1, 2]);
    const bytes = memory().bytes;
    let detached: Tensor | undefined;
    tidy(() => {
      detached = x.detach();
      expect(memory().bytes).toBe(bytes);
      expect(detached.toArray()).toEqual([1, 2]);
    });
    expect(detached?.isDisposed).toBe(true);
    x.dispose();
    expectNagareError(() => x.detach(), DisposedTensorError, { op: 'detach', code: 'DISPOSED_TENSOR' });
  });
});

describe('ops outside tidy leak nothing but their result', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const v = tensor([1, 1, 1]);
  const mask = nt.gt(x, 2);
  const integers = x.cast('int32');
  const calls: [string, () => Tensor][] = [
    ['add with a number', () => x.add(1)],
    ['where with numbers', () => nt.where(mask, 1, 0)],
    ['mean', () => nt.mean(x, 1)],
    ['mean of int32', () => nt.mean(integers)],
    ['logsumexp', () => nt.logsumexp(x, 1)],
    ['variance', () => nt.variance(x)],
    ['std', () => nt.std(x, 0)],
    ['all', () => nt.all(x)],
    ['any', () => nt.any(x)],
    ['isFinite', () => nt.isFinite(x)],
    ['argmax without an axis', () => nt.argmax(x, undefined, { keepDims: true })],
    ['matmul of vectors', () => nt.matmul(v, v)],
    ['matmul of a matrix and a vector', () => nt.matmul(x, v)],
  ];

  test.each(calls)('%s', (_, call) => {
    const before = memory();
    const y = call();
    expect(memory().tensors).toBe(before.tensors + 1);
    y.dispose();
    expect(memory().bytes).toBe(before.bytes);
  });
});

describe('dispatcher errors', () => {
  test('using a disposed tensor is a DisposedTensorError naming the op and argument', () => {
    const a = tensor([1]);
    const b = tensor([2]);
    b.dispose();
    expectNagareError(() => nt.add(a, b), DisposedTensorError, {
      op: 'add',
      code: 'DISPOSED_TENSOR',
      message: 'add: b was used after it was disposed',
    });
    expectNagareError(() => b.dataSync(), DisposedTensorError, {
      op: 'dataSync',
      code: 'DISPOSED_TENSOR',
      message: 'dataSync: the tensor was used after it was disposed',
    });
    expectNagareError(() => b.toArray(), DisposedTensorError, { op: 'toArray', code: 'DISPOSED_TENSOR' });
    expectNagareError(() => b.item(), DisposedTensorError, { op: 'item', code: 'DISPOSED_TENSOR' });
    a.dispose();
  });

  test('a tensor used after its tidy ended is disposed', () => {
    const leaked = tidy(() => {
      const t = tensor([1]);
      t.add(1);
      return [] as Tensor[];
    });
    expect(leaked).toEqual([]);
    let escaped: Tensor | undefined;
    tidy(() => {
      escaped = tensor([1]);
    });
    expectNagareError(() => escaped?.exp(), DisposedTensorError, { op: 'exp', code: 'DISPOSED_TENSOR' });
  });

  test('tensors from two backends in one op are a BackendError', () => {
    const a = tensor([1]);
    const previous = getBackend();
    useBackend(createJsBackend());
    const b = tensor([2]);
    useBackend(previous);
    expectNagareError(() => nt.add(a, b), BackendError, { op: 'add', code: 'BACKEND_MISMATCH' });
  });

  test('a refused allocation names the op, and frees the outputs allocated before it', () => {
    // Like webgpu refusing float64: this backend refuses int32 buffers, naming the op it is told.
    const js = createJsBackend();
    const picky: Backend = {
      ...js,
      name: 'picky',
      allocate(dtype, size, op = 'allocate') {
        if (dtype === 'int32') throw new DTypeError(op, 'the picky backend has no int32', { dtype });
        return js.allocate(dtype, size, op);
      },
    };
    const previous = getBackend();
    useBackend(picky);
    try {
      const x = tensor([3, 1, 2]);
      const before = { tensors: memory().tensors, bytes: picky.memory().bytes };
      // topk allocates its float32 values first, then its int32 indices, which are refused.
      expectNagareError(() => nt.topk(x, 2), DTypeError, { op: 'topk', code: 'DTYPE_MISMATCH' });
      expectNagareError(() => tensor([1], { dtype: 'int32' }), DTypeError, { op: 'tensor', code: 'DTYPE_MISMATCH' });
      expect({ tensors: memory().tensors, bytes: picky.memory().bytes }).toEqual(before);
      x.dispose();
    } finally {
      useBackend(previous);
    }
  });

  test('a kernel that throws frees the outputs allocated for it', () => {
    const broken: Backend = {
      ...createJsBackend(),
      name: 'broken',
      runKernel(op, inputs) {
        throw new UnsupportedOpError(op, inputs[0].dtype, 'broken');
      },
    };
    const previous = getBackend();
    useBackend(broken);
    try {
      const x = zeros([4]);
      const before = { tensors: memory().tensors, bytes: broken.memory().bytes };
      expectNagareError(() => nt.exp(x), UnsupportedOpError, {
        op: 'exp',
        code: 'UNSUPPORTED_OP',
        message: 'exp: no float32 kernel on the broken backend',
      });
      expect({ tensors: memory().tensors, bytes: broken.memory().bytes }).toEqual(before);
      x.dispose();
    } finally {
      useBackend(previous);
    }
  });
});
