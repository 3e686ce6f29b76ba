import { Conv2d, Dropout, Linear, ReLU, Sequential } from '@nagare/layers';
import {
  ArgumentError,
  avgPool2d,
  conv2dBackpropInput,
  max,
  ones,
  pad,
  randn,
  type Tensor,
  tensor,
} from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { OnnxExportError } from '../../errors/onnx-export-error';
import { expectSameOutputs, runOnnxRuntime } from '../__fixtures__/onnxruntime';
import { importOnnx } from '../import/import-onnx';
import { OnnxDataType } from '../onnx-types';
import { readOnnxModel } from '../read-onnx';
import { exportOnnx, exportOnnxModel } from './export-onnx';

const opTypes = (bytes: Uint8Array) => readOnnxModel(bytes).graph.nodes.map((n) => n.opType);

describe('exportOnnx writes the graph a PyTorch user expects', () => {
  test('Linear is one Gemm with its bias; parameters keep their state-dict names', () => {
    const model = new Sequential(
      new Linear(4, 3, { seed: 0 }),
      new ReLU(),
      new Dropout(0.5),
      new Linear(3, 2),
    );
    const onnx = exportOnnxModel(model, randn([2, 4]));
    expect(onnx.graph.nodes.map((n) => [n.opType, n.inputs])).toEqual([
      ['Gemm', ['input', '0.weight', '0.bias']],
      ['Relu', [onnx.graph.nodes[0].outputs[0]]],
      ['Gemm', [onnx.graph.nodes[1].outputs[0], '3.weight', '3.bias']],
    ]);
    expect(onnx.graph.initializers.map((t) => t.name)).toEqual(['0.weight', '0.bias', '3.weight', '3.bias']);
    expect(onnx.graph.outputs).toEqual([
      { name: 'output', kind: 'tensor', elemType: OnnxDataType.FLOAT, shape: [2, 2] },
    ]);
    expect(onnx).toMatchObject({
      irVersion: 8,
      producerName: 'nagare',
      opsetImports: [{ domain: '', version: 17 }],
    });
  });

  test('Conv2d is one Conv node with its bias', () => {
    const bytes = exportOnnx(new Conv2d(2, 3, 3, { padding: 1, seed: 0 }), randn([1, 2, 5, 5]));
    expect(opTypes(bytes)).toEqual(['Conv']);
    expect(readOnnxModel(bytes).graph.nodes[0].inputs).toEqual(['input', 'weight', 'bias']);
  });

  test('names inputs and outputs as asked, and checks their counts', async () => {
    const fn = (a: Tensor, b: Tensor) => [a.add(b), a.mul(b)];
    const inputs = [tensor([1, 2]), tensor([3, 4])];
    const bytes = exportOnnx(fn, inputs, { inputNames: ['a', 'b'], outputNames: ['sum', 'product'] });
    const onnx = readOnnxModel(bytes);
    expect(onnx.graph.inputs.map((i) => i.name)).toEqual(['a', 'b']);
    expect(onnx.graph.outputs.map((o) => o.name)).toEqual(['sum', 'product']);
    expectSameOutputs(await runOnnxRuntime(bytes, { a: inputs[0], b: inputs[1] }), fn(inputs[0], inputs[1]));
    expect(() => exportOnnx(fn, inputs, { inputNames: ['a'] })).toThrow(ArgumentError);
    expect(() => exportOnnx(fn, inputs, { outputNames: ['same', 'same'] })).toThrow(/distinct names/);
  });

  test('an output that is an input, or the same tensor twice, goes through Identity', async () => {
    const x = tensor([1, 2, 3]);
    const bytes = exportOnnx((t: Tensor) => {
      const y = t.neg();
      return [t, y, y];
    }, x);
    expect(opTypes(bytes).sort()).toEqual(['Identity', 'Identity', 'Neg']);
    const results = await runOnnxRuntime(bytes, { input: x });
    expect(results.map((t) => Array.from(t.dataSync()))).toEqual([
      [1, 2, 3],
      [-1, -2, -3],
      [-1, -2, -3],
    ]);
  });

  test('a constant made in the forward pass becomes one initializer, already in the dtype it is used as', () => {
    const offsets = tensor([1, 2, 3], { dtype: 'int32' });
    const onnx = exportOnnxModel((x: Tensor) => x.add(offsets), ones([2, 3]));
    expect(onnx.graph.nodes.map((n) => n.opType)).toEqual(['Add']);
    expect(onnx.graph.initializers).toMatchObject([{ dataType: OnnxDataType.FLOAT, dims: [3] }]);
    expect(onnx.graph.initializers[0].values).toEqual(Float32Array.from([1, 2, 3]));
  });

  test('float64 models export as DOUBLE and run in onnxruntime', async () => {
    const model = new Linear(3, 2, { seed: 0, dtype: 'float64' });
    const x = randn([2, 3], { dtype: 'float64' });
    const bytes = exportOnnx(model, x);
    expect(readOnnxModel(bytes).graph.initializers[0].dataType).toBe(OnnxDataType.DOUBLE);
    expectSameOutputs(await runOnnxRuntime(bytes, { input: x }), [model.call(x)]);
  });
});

describe('exportOnnx and the opset', () => {
  test('accepts opsets 17 to 22 and writes the IR version each needs', () => {
    const fn = (x: Tensor) => x.relu();
    expect(exportOnnxModel(fn, ones([2]), { opset: 21 }).irVersion).toBe(10);
    for (const opset of [16, 23, 17.5])
      expect(() => exportOnnx(fn, ones([2]), { opset })).toThrow(ArgumentError);
  });

  test('ReduceMax takes axes as an attribute before opset 18 and as an input from 18', () => {
    const fn = (x: Tensor) => max(x, 1);
    const axesAt = (opset: number) => exportOnnxModel(fn, ones([2, 3]), { opset }).graph.nodes[0];
    expect(axesAt(17).attributes.axes).toEqual({ type: 'ints', value: [1] });
    expect(axesAt(18).inputs).toHaveLength(2);
  });

  test('wrap padding and dilated average pooling need opset 19', async () => {
    const x = randn([1, 1, 4, 4], { seed: 1 });
    const wrap = (t: Tensor) =>
      pad(
        t,
        [
          [0, 0],
          [0, 0],
          [1, 1],
          [2, 0],
        ],
        { mode: 'wrap' },
      );
    expect(() => exportOnnx(wrap, x)).toThrow(/opset 19/);
    expectSameOutputs(await runOnnxRuntime(exportOnnx(wrap, x, { opset: 19 }), { input: x }), [wrap(x)]);
    const dilated = (t: Tensor) => avgPool2d(t, { kernelSize: 2, dilation: 2 });
    expect(() => exportOnnx(dilated, x)).toThrow(/opset 19/);
    const bytes = exportOnnx(dilated, x, { opset: 19 });
    expectSameOutputs(importOnnx(bytes).run([x]), [dilated(x)]);
  });
});

describe('exportOnnx errors', () => {
  test('lists every op without an ONNX form', () => {
    const attrs = {
      stride: [1, 1] as [number, number],
      padding: [0, 0, 0, 0] as [number, number, number, number],
      dilation: [1, 1] as [number, number],
      groups: 1,
    };
    const backward = (dy: Tensor) => conv2dBackpropInput(dy, ones([1, 1, 2, 2]), [1, 1, 3, 3], attrs).relu();
    const error = (() => {
      try {
        exportOnnx(backward, ones([1, 1, 2, 2]));
      } catch (e) {
        return e;
      }
    })() as OnnxExportError;
    expect(error).toBeInstanceOf(OnnxExportError);
    expect(error.code).toBe('ONNX_EXPORT');
    expect(error.ops).toEqual(['conv2dBackpropInput']);
  });

  test('a forward pass that returns no tensor, or no sample input, is an error', () => {
    expect(() => exportOnnx(() => 42, ones([2]))).toThrow(OnnxExportError);
    expect(() => exportOnnx((x: Tensor) => x, [])).toThrow(ArgumentError);
  });
});
