import type { OpCase } from '../op-case';
import { elementwiseCases } from './elementwise';
import { indexingCases } from './indexing';
import { nnCases } from './nn';
import { optimizerUpdateCases } from './optimizer-updates';
import { shapeCases } from './shape';
import { slicePadCases } from './slice-pad';

/** Every op's forward cases. Backends run all of them through `runOpCases`. */
export const ALL_CASES: readonly OpCase[] = [
  ...elementwiseCases,
  ...shapeCases,
  ...slicePadCases,
  ...indexingCases,
  ...nnCases,
  ...optimizerUpdateCases,
];
