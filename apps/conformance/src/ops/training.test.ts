import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCase } from '../suite';

const DIR = join(__dirname, '../../../../../shared/conformance/onnx-node');
const CASES = [
  'test_adam',
  'test_adam_multiple',
  'test_adagrad',
  'test_adagrad_multiple',
  'test_momentum',
  'test_momentum_multiple',
  'test_nesterov_momentum',
];

describe('ai.onnx.preview.training mappings', () => {
  test.each(CASES)('%s passes', (name) => {
    const result = runCase(join(DIR, name), name);
    expect(result.detail).toBe('');
    expect(result.status).toBe('pass');
  });
});
