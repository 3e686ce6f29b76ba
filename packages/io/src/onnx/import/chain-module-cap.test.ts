import { tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { info, model, node } from '../__fixtures__/graph';
import { writeOnnxModel } from '../write-onnx';
import { importOnnx } from './import-onnx';

const reluChain = (shape: (number | string)[]) =>
  model({ nodes: [node('Relu', ['x'], ['y'])], inputs: [info('x', shape)], outputs: [info('y', shape)] });

describe('the import-time self-check runs on a capped input', () => {
  test('a tiny model declaring a [46341, 46341] input imports at once, checked at batch 2', () => {
    const bytes = writeOnnxModel(reluChain([46341, 46341]));
    expect(bytes.length).toBeLessThan(1024);
    const imported = importOnnx(bytes);
    expect(imported.module).not.toBeNull();
    expect(imported.moduleSkipReason).toBeNull();
    const y = imported.module!.call(tensor([[-1, 2]]));
    expect(Array.from(y.dataSync())).toEqual([0, 2]);
    imported.dispose();
  });

  test('a symbolic batch dim is checked at batch 2', () => {
    const imported = importOnnx(reluChain(['batch', 3]));
    expect(imported.module).not.toBeNull();
    imported.dispose();
  });

  test('a sample too large even at batch 2 skips the check and says why', () => {
    const imported = importOnnx(reluChain([1, 46341, 46341]));
    expect(imported.module).toBeNull();
    expect(imported.moduleSkipReason).toMatch(/\[1, 46341, 46341\] has more than 131072 elements/);
    imported.dispose();
  });
});
