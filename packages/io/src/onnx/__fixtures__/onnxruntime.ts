import { type DType, type Tensor, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import * as ort from 'onnxruntime-node';

// Test-only bridge to onnxruntime-node, the reference runtime exported models are checked against.

const ORT_TYPE: Record<DType, 'float32' | 'float64' | 'int32' | 'bool'> = {
  float32: 'float32',
  float64: 'float64',
  int32: 'int32',
  bool: 'bool',
};

function toOrt(t: Tensor): ort.Tensor {
  const values = t.dataSync();
  const data = t.dtype === 'bool' ? Uint8Array.from(values) : values;
  return new ort.Tensor(ORT_TYPE[t.dtype], data as Float32Array, [...t.shape]);
}

function fromOrt(value: ort.Tensor): Tensor {
  const shape = [...value.dims];
  switch (value.type) {
    case 'float32':
    case 'float64':
    case 'int32':
      return tensor(value.data as Float32Array, { shape });
    case 'int64':
      return tensor(Int32Array.from(value.data as BigInt64Array, Number), { shape });
    case 'bool':
      return tensor(Int32Array.from(value.data as Uint8Array), { shape, dtype: 'bool' });
    default:
      throw new Error(`onnxruntime output type ${value.type} is not handled by the test bridge`);
  }
}

/** Runs ONNX bytes in onnxruntime (CPU, one thread) on named inputs; outputs in graph order. */
export async function runOnnxRuntime(bytes: Uint8Array, inputs: Record<string, Tensor>): Promise<Tensor[]> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  try {
    const feeds = Object.fromEntries(Object.entries(inputs).map(([name, t]) => [name, toOrt(t)]));
    const results = await session.run(feeds);
    return session.outputNames.map((name) => fromOrt(results[name]));
  } finally {
    await session.release();
  }
}

/** The comparison every round trip uses: same shape and dtype, values within 1e-4. */
export function expectSameOutputs(actual: readonly Tensor[], expected: readonly Tensor[]): void {
  if (actual.length !== expected.length)
    throw new Error(`expected ${expected.length} outputs, got ${actual.length}`);
  actual.forEach((t, i) => {
    if (t.dtype !== expected[i].dtype)
      throw new Error(`output ${i}: dtype ${t.dtype}, expected ${expected[i].dtype}`);
    expectAllClose(t, expected[i], { rtol: 1e-4, atol: 1e-4 });
  });
}
