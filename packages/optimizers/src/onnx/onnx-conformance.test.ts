import { type Tensor, tensor, tidy } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { readCase, readNode, toTensor } from '../__fixtures__/onnx-case';
import { type OnnxTrainingOpType, runOnnxTrainingOp } from './run-onnx-training-op';

// ONNX's own node tests for the training operators, read from the .pb files. ONNX compares with
// rtol 1e-3, atol 1e-7; nagare matches far closer, so the test uses rtol 1e-6.
const CASES = [
  'test_adam',
  'test_adam_multiple',
  'test_adagrad',
  'test_adagrad_multiple',
  'test_momentum',
  'test_momentum_multiple',
  'test_nesterov_momentum',
];

describe('ONNX ai.onnx.preview.training conformance', () => {
  test.each(CASES)('%s matches the expected outputs', (caseName) => {
    const { opType, attributes } = readNode(caseName);
    const { inputs, outputs } = readCase(caseName);
    tidy(() => {
      // T is int64 in the files; nagare reads it as a number.
      const tensors: Tensor[] = inputs.map((proto, i) =>
        i === 1 ? tensor(proto.values[0]) : toTensor(proto),
      );
      const results = runOnnxTrainingOp(opType as OnnxTrainingOpType, tensors, attributes);
      expect(results).toHaveLength(outputs.length);
      results.forEach((result, i) => {
        expect(result.shape).toEqual(outputs[i].dims);
        expect(result.dtype).toBe('float32');
        const actual = Array.from(result.dataSync());
        actual.forEach((value, k) => {
          const expected = outputs[i].values[k];
          expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-7 + 1e-6 * Math.abs(expected));
        });
      });
    });
  });
});
