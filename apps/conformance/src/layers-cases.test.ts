import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listCases, runCase } from './suite';

const DIR = join(__dirname, '../../../../shared/conformance/onnx-node');
// The ONNX cases of the operators @nagare/io maps onto @nagare/layers (activations, dropout,
// normalization, losses, recurrent layers).
const LAYER_CASES =
  /^test_(simple_rnn|gru|lstm|sce|nllloss|batchnorm|layer_normalization|instancenorm|dropout|training_dropout|prelu|selu|elu|leakyrelu|gelu|celu|mish|hardsigmoid|hardswish|softplus|softsign)/;

describe('the ONNX cases of the operators @nagare/layers implements', () => {
  const cases = listCases(DIR).filter((name) => LAYER_CASES.test(name));

  test('are all found (101 in the stored ONNX node tests)', () => expect(cases.length).toBe(101));

  test.each(cases)('%s passes', (name) => {
    const result = runCase(join(DIR, name), name);
    expect(result.detail).toBe('');
    expect(result.status).toBe('pass');
  });
});
