import { tidy } from '../engine/tidy';
import type { Tensor } from '../tensor';
import type { NestedArray } from '../types';
import { compareAllClose, flattenValues } from './all-close';
import type { OpCase } from './op-case';

/**
 * `checkOpCase` for backends that read asynchronously (WebGPU): runs one case on the active
 * backend, awaits its outputs with `data()`, and resolves to null or a description of the
 * mismatch. Works on every backend, so one browser harness can run the suite on all of them.
 */
export async function checkOpCaseAsync(c: OpCase): Promise<string | null> {
  const result = tidy(() => c.run());
  const outputs: Tensor[] = Array.isArray(result) ? result : [result];
  try {
    const expected = (Array.isArray(result) ? c.expected : [c.expected]) as NestedArray[];
    const dtypes = c.dtype === undefined ? [] : Array.isArray(c.dtype) ? c.dtype : [c.dtype];
    for (let i = 0; i < outputs.length; i++) {
      if (dtypes[i] && outputs[i].dtype !== dtypes[i])
        return `output ${i}: dtype ${outputs[i].dtype}, want ${dtypes[i]}`;
      const wanted = flattenValues(expected[i]);
      const wantedShape = c.shape && i === 0 ? [...c.shape] : c.shape ? null : wanted.shape;
      if (wantedShape && outputs[i].shape.join() !== wantedShape.join()) {
        return `output ${i}: shape [${outputs[i].shape.join(', ')}], want [${wantedShape.join(', ')}]`;
      }
      const actual = await outputs[i].data();
      const problem = compareAllClose(actual, wanted.values, c.tolerance ?? { rtol: 1e-5, atol: 1e-6 });
      if (problem) return `output ${i}: ${problem}`;
    }
    return null;
  } finally {
    for (const output of outputs) output.dispose();
  }
}
