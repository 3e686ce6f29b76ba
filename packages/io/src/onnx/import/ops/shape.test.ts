import { randn, type Tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { info, int, model, node } from '../../__fixtures__/graph';
import { OnnxDataType } from '../../onnx-types';
import { importOnnx } from '../import-onnx';

const values = (t: Tensor) => Array.from(t.dataSync());

test('Shape gives the input shape, or its start..end part (opset 15), as integers', () => {
  const graph = model({
    nodes: [
      node('Shape', ['x'], ['all']),
      node('Shape', ['x'], ['tail'], { start: int(1) }),
      node('Shape', ['x'], ['middle'], { start: int(-3), end: int(-1) }),
      node('Shape', ['x'], ['none'], { start: int(2), end: int(1) }),
    ],
    inputs: [info('x', [2, 3, 4])],
    outputs: ['all', 'tail', 'middle', 'none'].map((name) => info(name, undefined, OnnxDataType.INT64)),
  });
  const imported = importOnnx(graph);
  const [all, tail, middle, none] = imported.run([randn([2, 3, 4])]);
  expect(values(all)).toEqual([2, 3, 4]);
  expect(values(tail)).toEqual([3, 4]);
  expect(values(middle)).toEqual([2, 3]);
  expect(none.shape).toEqual([0]);
  expect(all.dtype).toBe('int32');
  imported.dispose();
});
