import { isNagareError, SizeLimitError, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { f32, i64, info, int, model, node } from '../../__fixtures__/graph';
import { OnnxDataType } from '../../onnx-types';
import { importOnnx } from '../import-onnx';

/** Runs a one-node graph on `x` and returns what it threw. */
function thrownBy(
  graph: ReturnType<typeof model>,
  feeds: Record<string, ReturnType<typeof tensor>>,
): unknown {
  const imported = importOnnx(graph);
  try {
    imported.run(feeds);
  } catch (error) {
    return error;
  } finally {
    imported.dispose();
  }
  return undefined;
}

const started = () => {
  const t = performance.now();
  return () => performance.now() - t;
};

describe('output sizes taken from file data go through the size guard before allocating', () => {
  test('Expand to [2^20, 2^20]', () => {
    const graph = model({
      nodes: [node('Expand', ['x', 'shape'], ['y'])],
      inputs: [info('x', [1])],
      outputs: [info('y')],
      initializers: [i64('shape', [2], [2 ** 20, 2 ** 20])],
    });
    const elapsed = started();
    expect(thrownBy(graph, { x: tensor([1]) })).toBeInstanceOf(SizeLimitError);
    expect(elapsed()).toBeLessThan(2000);
  });

  test('Range over 2^40 values, and a zero delta', () => {
    const range = (limit: number, delta: number) =>
      model({
        nodes: [node('Range', ['start', 'limit', 'delta'], ['y'])],
        inputs: [],
        outputs: [info('y')],
        initializers: [f32('start', [], [0]), f32('limit', [], [limit]), f32('delta', [], [delta])],
      });
    for (const [limit, delta] of [
      [2 ** 40, 1],
      [5, 0],
    ]) {
      const error = thrownBy(range(limit, delta), {});
      expect(isNagareError(error)).toBe(true);
    }
  });

  test('Pad by 2^31 on each side', () => {
    const graph = model({
      nodes: [node('Pad', ['x', 'pads'], ['y'])],
      inputs: [info('x', [2])],
      outputs: [info('y')],
      initializers: [i64('pads', [2], [2 ** 31, 2 ** 31])],
    });
    expect(thrownBy(graph, { x: tensor([1, 2]) })).toBeInstanceOf(SizeLimitError);
  });

  test('OneHot with depth 2^40', () => {
    const graph = model({
      nodes: [node('OneHot', ['indices', 'depth', 'values'], ['y'], { axis: int(-1) })],
      inputs: [info('indices', [3], OnnxDataType.INT64)],
      outputs: [info('y')],
      initializers: [f32('depth', [], [2 ** 40]), f32('values', [2], [0, 1])],
    });
    const error = thrownBy(graph, { indices: tensor([0, 1, 2], { dtype: 'int32' }) });
    expect(isNagareError(error)).toBe(true);
  });

  test('Split with num_outputs 2^31 is refused before the part lengths are built', () => {
    const graph = model(
      {
        nodes: [node('Split', ['x'], ['a', 'b'], { axis: int(0), num_outputs: int(2 ** 31) })],
        inputs: [info('x', [4])],
        outputs: [info('a'), info('b')],
      },
      18,
    );
    const error = thrownBy(graph, { x: tensor([1, 2, 3, 4]) });
    expect(isNagareError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /num_outputs 2147483648 must be between 1 and the node's 2 outputs/,
    );
  });
});
