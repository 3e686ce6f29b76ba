import { readOnnxModel, writeOnnxModel } from '@nagare/io';
import * as ort from 'onnxruntime-node';
import { describe, expect, test } from 'vitest';
import { normalValues, onnxCase } from './onnx-models';

async function runOnnx(spec: Parameters<typeof onnxCase>[0]) {
  const { model, feeds } = onnxCase(spec);
  const bytes = writeOnnxModel(model);
  const session = await ort.InferenceSession.create(bytes);
  const inputs = Object.fromEntries(feeds.map((f) => [f.name, new ort.Tensor('float32', f.values, f.dims)]));
  const { y } = await session.run(inputs);
  await session.release();
  return { y: y.data as Float32Array, dims: y.dims, feeds, model: readOnnxModel(bytes) };
}

describe('onnxCase', () => {
  test('matmul: onnxruntime computes the product of the fed matrices', async () => {
    const { y, dims, feeds } = await runOnnx({ suite: 'matmul', name: '3', n: 3 });
    const [a, b] = feeds.map((f) => f.values);
    expect(dims).toEqual([3, 3]);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let expected = 0;
        for (let k = 0; k < 3; k++) expected += a[i * 3 + k] * b[k * 3 + j];
        expect(y[i * 3 + j]).toBeCloseTo(expected, 5);
      }
    }
  });

  test('conv: a 3×3 same convolution keeps the spatial size, weights as an initializer', async () => {
    const { dims, model } = await runOnnx({
      suite: 'conv',
      name: 'small',
      input: [2, 3, 5, 5],
      outChannels: 4,
    });
    expect(dims).toEqual([2, 4, 5, 5]);
    expect(model.graph.initializers.map((t) => [t.name, t.dims])).toEqual([['w', [4, 3, 3, 3]]]);
  });

  test.each([
    ['add', (a: number, b: number) => a + b],
    ['relu', (a: number) => Math.max(a, 0)],
    ['exp', (a: number) => Math.exp(a)],
  ] as const)('elementwise %s matches the formula', async (op, formula) => {
    const { y, feeds } = await runOnnx({ suite: 'elementwise', name: op, op, size: 16 });
    const [a, b] = feeds.map((f) => f.values);
    for (let i = 0; i < 16; i++) expect(y[i]).toBeCloseTo(formula(a[i], b?.[i] ?? 0), 5);
  });

  test('elementwise sum reduces every value to a scalar', async () => {
    const { y, dims, feeds } = await runOnnx({ suite: 'elementwise', name: 'sum', op: 'sum', size: 100 });
    expect(dims).toEqual([]);
    expect(y[0]).toBeCloseTo(
      feeds[0].values.reduce((s, v) => s + v, 0),
      4,
    );
  });

  test('training has no ONNX model: onnxruntime runs inference only', () => {
    expect(() => onnxCase({ suite: 'train', name: 'mlp', model: 'mlp', batchSize: 64 })).toThrow(
      /inference only/,
    );
  });
});

describe('normalValues', () => {
  test('is seeded and close to a standard normal distribution', () => {
    const values = normalValues(20_000, 3);
    expect(normalValues(20_000, 3)).toEqual(values);
    expect(normalValues(20_000, 4)).not.toEqual(values);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
  });
});
