import type { Backend } from '../backend';
import { getBackend, useBackend } from '../engine/active-backend';
import { tidy } from '../engine/tidy';
import type { Tensor } from '../tensor';
import type { NestedArray } from '../types';
import { compareAllClose, flattenValues } from './all-close';

const flatten = (value: NestedArray) => flattenValues(value).values;

import { ALL_CASES } from './cases';
import type { OpCase } from './op-case';

/** The `test` function of a runner (vitest, jest, node:test): name, body, and whether to skip. */
export type TestFunction = ((name: string, body: () => void) => void) & {
  skip: (name: string, body: () => void) => void;
};

/** Runs one case on the active backend; returns null or a description of the mismatch. */
export function checkOpCase(c: OpCase): string | null {
  return tidy(() => {
    const result = c.run();
    const outputs: Tensor[] = Array.isArray(result) ? result : [result];
    const expected = (Array.isArray(result) ? c.expected : [c.expected]) as NestedArray[];
    const dtypes = c.dtype === undefined ? [] : Array.isArray(c.dtype) ? c.dtype : [c.dtype];
    for (let i = 0; i < outputs.length; i++) {
      if (dtypes[i] && outputs[i].dtype !== dtypes[i])
        return `output ${i}: dtype ${outputs[i].dtype}, want ${dtypes[i]}`;
      if (c.shape && i === 0 && outputs[0].shape.join() !== c.shape.join()) {
        return `output 0: shape [${outputs[0].shape.join(', ')}], want [${c.shape.join(', ')}]`;
      }
      // With an explicit shape (checked above), compare the flat values.
      const [actual, wanted] = c.shape
        ? [outputs[i].dataSync(), flatten(expected[i])]
        : [outputs[i], expected[i]];
      const problem = compareAllClose(actual, wanted, c.tolerance ?? { rtol: 1e-5, atol: 1e-6 });
      if (problem) return `output ${i}: ${problem}`;
    }
    return null;
  });
}

/**
 * Registers every forward case of every op as a test on `backend`: one suite for all backends.
 *
 * @example
 * runOpCases(test, await createWasmBackend());
 */
export function runOpCases(test: TestFunction, backend: Backend, cases: readonly OpCase[] = ALL_CASES): void {
  for (const c of cases) {
    const reason = c.skip?.[backend.name];
    const name = `${c.op}: ${c.name}${reason ? ` (skipped on ${backend.name}: ${reason})` : ''}`;
    if (reason) {
      test.skip(name, () => {});
      continue;
    }
    test(name, () => {
      const previous = getBackend();
      useBackend(backend);
      try {
        const problem = checkOpCase(c);
        if (problem) throw new Error(`${c.op} (${c.name}) on ${backend.name}: ${problem}`);
      } finally {
        useBackend(previous);
      }
    });
  }
}
